/**
 * Command-line parsing shared by the calibration CLIs: `node:util` parseArgs
 * in strict mode (unknown flags and missing values are refused), with short
 * messages instead of Node's long ones, from the message catalogue (ids cli.args.*) in the user's --lang.
 */
import { parseArgs } from "node:util";
import type { Lang } from "../../src/engine/lang";
import { cliText } from "../batch/messages";

export type OptionSpec = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>["options"]>;

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** The --lang of an argument list, read leniently (to word the messages about the other arguments). */
export function langOf(argv: readonly string[]): Lang {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  if (i < 0) return "en";
  const v = argv[i].includes("=") ? argv[i].slice(7) : argv[i + 1];
  return v === "zh" ? "zh" : "en";
}

/** The parsed options and positionals, or a message starting with `name:` naming the bad argument (in `lang`). */
export function readOptions(
  argv: string[],
  name: string,
  options: OptionSpec,
  positionals: boolean,
  lang: Lang = "en",
): ParsedArgs | string {
  try {
    const r = parseArgs({ args: argv, options, allowPositionals: positionals, strict: true });
    return { values: r.values as ParsedArgs["values"], positionals: r.positionals };
  } catch (e) {
    const err = e as Error & { code?: string };
    const flag = /(--[a-z][\w-]*)/i.exec(err.message)?.[1] ?? /'(-[^' ]+)'/.exec(err.message)?.[1];
    if (err.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return cliText(lang, "cli.args.unknownOption", { name, flag: flag ?? "" }).trimEnd();
    if (err.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && flag) {
      return cliText(lang, options[flag.replace(/^-+/, "")]?.type === "boolean" ? "cli.args.takesNoValue" : "cli.args.needsValue", {
        name,
        flag,
      });
    }
    if (err.code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL")
      return cliText(lang, "cli.args.unexpected", { name, arg: /'([^']*)'/.exec(err.message)?.[1] ?? "" }).trimEnd();
    return `${name}: ${err.message}`;
  }
}
