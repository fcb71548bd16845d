/**
 * The command-line tools' messages (cli.en.ts, cli.zh.ts), registered into the one catalogue. Scripts import
 * the catalogue through this file; the add-in's bundles import ./index only and so do not carry these texts.
 */
import { registerMessages } from "./index";
import { CLI_EN } from "./cli.en";
import { CLI_ZH } from "./cli.zh";

registerMessages(CLI_EN, CLI_ZH);

export * from "./index";
