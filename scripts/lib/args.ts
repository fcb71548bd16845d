/**
 * Command-line parsing shared by the calibration CLIs: `node:util` parseArgs
 * in strict mode (unknown flags and missing values are refused), with short
 * messages instead of Node's long ones.
 */
import { parseArgs } from "node:util";

export type OptionSpec = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>["options"]>;

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** The parsed options and positionals, or a message starting with `name:` naming the bad argument. */
export function readOptions(argv: string[], name: string, options: OptionSpec, positionals: boolean): ParsedArgs | string {
  try {
    const r = parseArgs({ args: argv, options, allowPositionals: positionals, strict: true });
    return { values: r.values as ParsedArgs["values"], positionals: r.positionals };
  } catch (e) {
    const err = e as Error & { code?: string };
    const flag = /(--[a-z][\w-]*)/i.exec(err.message)?.[1] ?? /'(-[^' ]+)'/.exec(err.message)?.[1];
    if (err.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `${name}: unknown option ${flag ?? ""}`.trimEnd();
    if (err.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && flag) {
      return options[flag.replace(/^-+/, "")]?.type === "boolean" ? `${name}: ${flag} takes no value` : `${name}: ${flag} needs a value`;
    }
    if (err.code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return `${name}: unexpected argument ${/'([^']*)'/.exec(err.message)?.[1] ?? ""}`.trimEnd();
    return `${name}: ${err.message}`;
  }
}
