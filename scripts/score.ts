/**
 * npm run score -- <in.csv|in.xlsx> [options]   (npm run score -- --help)
 *
 * Reads a customer table whose header row names factors (canonical keys,
 * English or Chinese names — the same matcher as the formulas) and writes a
 * copy of the file with the risk columns appended: score, band, PD, coverage,
 * reasons, and the recommended limit and its rule when net worth or sales are
 * present. CSV in → CSV out (scripts/batch/score-csv.ts); XLSX in → XLSX out
 * (scripts/batch/score-xlsx.ts). A bad row gets the error text in its own
 * cells; the run goes on.
 *
 * The input is never written: an --out that resolves to it is refused, an
 * existing output is replaced only with --force, and the output appears
 * atomically (scripts/io/safe-output.ts).
 *
 * Exit codes: 0 every row scored; 2 some rows carry errors (their count is
 * printed); 1 nothing could be scored (usage errors and unreadable files too).
 */
import { statSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { parseArgs as parseArgv } from "node:util";
import { serialFromIso, isoFromSerial } from "../src/engine/dates";
import { isEngineError, messageIn } from "../src/engine/errors";
import { Lang } from "../src/engine/lang";
import { CreditPolicy, DEFAULT_POLICY } from "../src/engine/policy";
import { loadModel } from "./calibrate";
import { checkOutput, OutputExistsError, removeTempFilesOnSignals } from "./io/safe-output";
import { encodingName } from "./io/encoding";
import { DecimalMark, Delimiter } from "./batch/csv";
import { MESSAGES, USAGE, UserError } from "./batch/messages";
import { langOf } from "./lib/args";
import { RunResult, scoreCsv } from "./batch/score-csv";
import { scoreXlsx } from "./batch/score-xlsx";

export interface Args {
  input: string;
  out?: string;
  force: boolean;
  asOf: string;
  lang: Lang;
  sheet?: string;
  headerRow?: number;
  encoding?: string;
  delimiter?: Delimiter;
  decimal?: DecimalMark;
  /** A model JSON written by `npm run calibrate -- <history>`, scored with instead of the shipped model. */
  model?: string;
  help: boolean;
}

const OPTIONS = {
  out: { type: "string", short: "o" },
  force: { type: "boolean", short: "f" },
  "as-of": { type: "string" },
  lang: { type: "string" },
  sheet: { type: "string" },
  "header-row": { type: "string" },
  encoding: { type: "string" },
  delimiter: { type: "string" },
  decimal: { type: "string" },
  model: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

const DELIMITERS: Record<string, Delimiter> = { ",": ",", comma: ",", ";": ";", semicolon: ";", "\t": "\t", "\\t": "\t", tab: "\t" };

/** Parses the command line. Returns the arguments, or a message in the user's language. */
export function parseArgs(argv: string[], today: string): Args | { error: string; lang: Lang } {
  const lang0 = langOf(argv);
  const msg = MESSAGES[lang0];
  let parsed: ReturnType<typeof parseArgv<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgv({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    const err = e as Error & { code?: string };
    const opt = /'([^']+)'/.exec(err.message)?.[1] ?? "";
    const flag = /--[\w-]+/.exec(opt)?.[0] ?? opt.split(/[ ,]/)[0];
    if (err.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return { error: msg.unknownOption(flag || err.message), lang: lang0 };
    if (err.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") return { error: msg.missingValue(flag || err.message), lang: lang0 };
    return { error: err.message, lang: lang0 };
  }
  const v = parsed.values;
  const fail = (error: string) => ({ error, lang: lang0 });
  if (v.lang !== undefined && v.lang !== "en" && v.lang !== "zh") return fail(msg.badLang(v.lang));
  const lang: Lang = v.lang === "zh" ? "zh" : "en";
  if (v.help) return { input: "", force: false, asOf: today, lang, help: true };
  const [input, second] = parsed.positionals;
  if (input === undefined) return fail(msg.noInput());
  if (second !== undefined) return fail(msg.tooManyInputs(input, second));
  if (v.out === "") return fail(msg.missingValue("--out"));
  const asOfText = v["as-of"] ?? today;
  const serial = serialFromIso(asOfText, "--as-of");
  if (isEngineError(serial)) return fail(msg.badAsOf(asOfText, messageIn(serial, lang0)));
  let headerRow: number | undefined;
  if (v["header-row"] !== undefined) {
    const n = Number(v["header-row"]);
    if (!/^\s*\d+\s*$/.test(v["header-row"]) || n < 1 || n > 1_048_576) return fail(msg.badHeaderRow(v["header-row"]));
    headerRow = n;
  }
  let delimiter: Delimiter | undefined;
  if (v.delimiter !== undefined) {
    delimiter = DELIMITERS[v.delimiter.toLowerCase()];
    if (!delimiter) return fail(msg.badDelimiter(v.delimiter));
  }
  if (v.decimal !== undefined && v.decimal !== "." && v.decimal !== ",") return fail(msg.badDecimal(v.decimal));
  if (v.encoding !== undefined && !encodingName(v.encoding)) return fail(msg.unknownEncoding(v.encoding));
  if (v.model === "") return fail(msg.missingValue("--model"));
  return {
    input,
    out: v.out,
    ...(v.model !== undefined ? { model: v.model } : {}),
    force: v.force ?? false,
    asOf: isoFromSerial(serial),
    lang,
    sheet: v.sheet,
    headerRow,
    encoding: v.encoding,
    delimiter,
    decimal: v.decimal as DecimalMark | undefined,
    help: false,
  };
}

function defaultOut(input: string): string {
  const ext = extname(input);
  return join(dirname(input), `${basename(input, ext)}.scored${ext}`);
}

export interface Io {
  log: (s: string) => void;
  error: (s: string) => void;
}

/** Test hooks passed through to the scoring flows. */
export interface Hooks {
  afterChunk?: (chunks: number) => void | Promise<void>;
}

/** Runs the CLI; resolves with the exit code. */
export async function main(
  argv: string[],
  today: string,
  io: Io = { log: console.log, error: console.error },
  hooks: Hooks = {},
): Promise<number> {
  const args = parseArgs(argv, today);
  if ("error" in args) {
    io.error(`score: ${args.error}\n${MESSAGES[args.lang].usageHint()}`);
    return 1;
  }
  const msg = MESSAGES[args.lang];
  if (args.help) {
    io.log(USAGE[args.lang]);
    return 0;
  }
  const fail = (text: string) => {
    io.error(`score: ${text}`);
    return 1;
  };
  let inputStat;
  try {
    inputStat = statSync(args.input);
  } catch {
    return fail(msg.inputMissing(args.input));
  }
  if (inputStat.isDirectory()) return fail(msg.inputIsFolder(args.input));
  const ext = extname(args.input).toLowerCase();
  if (ext === ".xls" || ext === ".xlsb" || ext === ".ods" || ext === ".numbers") return fail(msg.xlsFormat(ext));
  const kind = ext === ".csv" || ext === ".txt" || ext === ".tsv" ? "csv" : ext === ".xlsx" || ext === ".xlsm" ? "xlsx" : null;
  if (!kind) return fail(msg.unsupportedFormat(ext));
  if (kind === "xlsx") {
    for (const [opt, given] of [
      ["--encoding", args.encoding],
      ["--delimiter", args.delimiter],
      ["--decimal", args.decimal],
    ] as const)
      if (given !== undefined) return fail(msg.csvOnly(opt));
  } else if (args.sheet !== undefined) return fail(msg.xlsxOnly("--sheet"));
  const out = args.out ?? defaultOut(args.input);
  if (extname(out).toLowerCase() !== ext) return fail(msg.outFormat(ext, out));

  const problem = checkOutput(args.input, out, args.force);
  if (problem) {
    if (problem.kind === "same-file") return fail(msg.sameFile(out, args.input, problem.how));
    if (problem.kind === "exists") return fail(msg.outExists(out));
    if (problem.kind === "is-folder") return fail(msg.outIsFolder(out));
    return fail(msg.outFolderMissing(problem.folder));
  }

  let policy: CreditPolicy = DEFAULT_POLICY;
  if (args.model !== undefined) {
    const model = loadModel(args.model);
    if (typeof model === "string") return fail(msg.badModel(model));
    policy = { ...DEFAULT_POLICY, model };
  }

  let result: RunResult;
  try {
    const common = {
      input: args.input,
      out,
      force: args.force,
      lang: args.lang,
      asOf: args.asOf,
      headerRow: args.headerRow,
      afterChunk: hooks.afterChunk,
      policy,
    };
    result =
      kind === "csv"
        ? await scoreCsv({ ...common, encoding: args.encoding, delimiter: args.delimiter, decimal: args.decimal })
        : await scoreXlsx({ ...common, sheet: args.sheet });
  } catch (e) {
    if (e instanceof UserError) return fail(e.message);
    if (e instanceof OutputExistsError) return fail(msg.outExists(out));
    return fail(msg.failed(args.input, e instanceof Error ? e.message : String(e)));
  }
  const { stats, notes } = result;
  for (const note of notes) io.log(note);
  if (stats.errorRows > 0) {
    io.error(msg.errorRows(stats.errorRows));
    for (const e of stats.firstErrors) io.error(msg.errorAt(e.address, e.message));
    if (stats.errorRows > stats.firstErrors.length) io.error(msg.moreErrors(stats.errorRows - stats.firstErrors.length));
  }
  if (stats.scored === 0) {
    io.error(`score: ${msg.nothingScored(out)}`);
    return 1;
  }
  io.log(msg.wrote(out, stats.scored, args.asOf));
  return stats.errorRows > 0 ? 2 : 0;
}

if (require.main === module) {
  removeTempFilesOnSignals();
  const now = new Date();
  const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
  main(process.argv.slice(2), today).then((code) => process.exit(code));
}
