/**
 * The engine behind =RISK.CREDITSCORE(values, [labels], [output]).
 *
 * - `values`: one or many rows of customer factors (Excel passes any[][]).
 * - `labels`: the header row naming each column; when omitted (null) the first
 *   row of `values` is the header row and the result starts with a header row
 *   of output labels, so a formula placed next to the table lines up row by row.
 * - `output`: "score" (default), "band", "pd", "reasons" or "all" (score,
 *   band, pd, coverage, reasons side by side).
 *
 * Columns are matched with `matchHeader`; unknown columns are ignored. A
 * blank cell means "not known" (the factor scores neutral points). A row whose
 * factor cells are all blank gives "" cells; a row with a bad cell (text where
 * a number is needed, a value out of range) gives an error in that row only.
 */
import { clip, describeCell, isBlank, readOptionalNumber } from "../cells";
import { message } from "../messages";
import { EngineError, Result, isEngineError, valueError } from "../errors";
import { Lang } from "../lang";
import { inEachLabel } from "../labels";
import { FunctionSpec, readCall } from "../spec";
import { Spill, SpillCell, readGrid } from "../spill";
import { FACTORS, FACTOR_COUNT, FACTOR_KEYS, factorIndex, isFactorKey } from "./factors";
import { STATEMENT_KEYS } from "./derive";
import { acceptedKeysText, matchHeader } from "./headers";
import { DEFAULT_MODEL, ScorecardModel, compileModel, validateModel } from "./model";
import { contributionsOf, displayScore, givenColumns } from "./score";
import { figuresOf, prepareVector } from "../customer/assess";
import { formatReasons, topReasons } from "./reasons";

/** The `output` choices of CREDITSCORE. */
export const CREDITSCORE_OUTPUTS = ["score", "band", "pd", "reasons", "all"] as const;
export type CreditScoreOutput = (typeof CREDITSCORE_OUTPUTS)[number];

/** The `values` table: rows × columns, given (omitted or empty is "no values"); ragged ranges are a #VALUE!. */
function readValues(arg: unknown): Result<unknown[][]> {
  const grid = readGrid(arg, "values");
  if (isEngineError(grid)) return grid;
  return grid ?? valueError(message("score.noValues"));
}

/** The `labels` header row: null when omitted, else exactly one row. */
function readLabels(arg: unknown): Result<unknown[] | null> {
  if (arg === null || arg === undefined) return null;
  const lg = readGrid(arg, "labels");
  if (isEngineError(lg)) return lg;
  if (!lg || lg.length !== 1) return valueError(message("score.labelsOneRow", { rows: lg ? lg.length : 0 }));
  return lg[0];
}

/**
 * `=RISK.CREDITSCORE(values, [labels], [output])`, declared: values is a header-row table (its header the
 * first row, or labels), read once per call; each data row's factor cells are read by `readFactorRow`.
 */
export const CREDITSCORE_SPEC = {
  id: "CREDITSCORE",
  params: [
    { name: "values", shape: "matrix", kind: "table", read: readValues },
    { name: "labels", shape: "matrix", kind: "text", optional: true, read: readLabels },
    { name: "output", shape: "scalar", kind: "enum", optional: true, choices: CREDITSCORE_OUTPUTS, default: "score" },
  ],
} as const satisfies FunctionSpec;

/** Column headers of the result for each output column, by language: the one label set's `columns` (`labels.ts`). */
export const OUTPUT_LABELS: Record<Exclude<CreditScoreOutput, "all"> | "coverage", { en: string; zh: string }> = {
  score: inEachLabel((l) => l.columns.score),
  band: inEachLabel((l) => l.columns.band),
  pd: inEachLabel((l) => l.columns.pd),
  coverage: inEachLabel((l) => l.columns.coverage),
  reasons: inEachLabel((l) => l.columns.reasons),
};

type Column = "score" | "band" | "pd" | "coverage" | "reasons";
const COLUMNS: Record<CreditScoreOutput, readonly Column[]> = {
  score: ["score"],
  band: ["band"],
  pd: ["pd"],
  reasons: ["reasons"],
  all: ["score", "band", "pd", "coverage", "reasons"],
};

const FLAG = FACTORS.map((f) => f.unit === "flag");
const STATEMENT = new Set<number>(STATEMENT_KEYS.map(factorIndex));

function labelText(cell: unknown): string {
  return typeof cell === "string" ? clip(cell.trim()) : describeCell(cell);
}

/** Reads one factor cell: blank → NaN, a number within the factor's rules, or an error naming the column. */
function readFactorCell(cell: unknown, fi: number, column: string): number | EngineError {
  if (typeof cell === "number" && Number.isFinite(cell)) {
    const r = FACTORS[fi].rules as { min?: number; max?: number; integer?: boolean };
    if ((r.min === undefined || cell >= r.min) && (r.max === undefined || cell <= r.max) && (!r.integer || Number.isInteger(cell)))
      return cell;
  }
  if (FLAG[fi] && typeof cell === "boolean") return cell ? 1 : 0;
  const v = readOptionalNumber(cell, column, FACTORS[fi].rules);
  if (v === null) return NaN;
  return v;
}

/** The factor columns of a header row, as CREDITSCORE reads them. */
export interface FactorColumns {
  /** Column index, factor index and message name ("debt_ratio (column "Debt ratio")") of each factor column. */
  readonly colIdx: readonly number[];
  readonly colFactor: readonly number[];
  readonly colName: readonly string[];
  /** True when a statement item is among them (ratios can be derived). */
  readonly derive: boolean;
  /** The factors the table has a column for (`givenColumns`). */
  readonly given: Uint8Array;
}

/**
 * Maps a header row to factor columns (`matchHeader`; other columns are
 * ignored). An error when two columns mean one factor or none is a factor;
 * `inHeader` says whether the header is the first row of values (true) or the labels argument (false), for the message.
 */
export function factorColumns(header: readonly unknown[], inHeader: boolean): Result<FactorColumns> {
  const colIdx: number[] = [];
  const colFactor: number[] = [];
  const colName: string[] = [];
  const colOf = new Map<number, number>();
  let derive = false;
  for (let j = 0; j < header.length; j++) {
    const key = matchHeader(header[j]);
    if (key === null || !isFactorKey(key)) continue;
    const fi = factorIndex(key);
    const prior = colOf.get(fi);
    if (prior !== undefined) {
      return valueError(message("score.duplicateFactor", { first: labelText(header[prior]), second: labelText(header[j]), key }));
    }
    colOf.set(fi, j);
    colIdx.push(j);
    colFactor.push(fi);
    colName.push(`${key} (column "${labelText(header[j])}")`);
    if (STATEMENT.has(fi)) derive = true;
  }
  if (colIdx.length === 0) {
    return valueError(message("score.noFactor", { inHeader, keys: acceptedKeysText(FACTOR_KEYS) }));
  }
  return { colIdx, colFactor, colName, derive, given: givenColumns(colFactor.map((fi) => FACTOR_KEYS[fi])) };
}

/**
 * Reads one row's factor cells into `v` (NaN = blank): true when some factor
 * has a value, false when all are blank, or the error of the first bad cell.
 */
export function readFactorRow(plan: FactorColumns, row: unknown, v: Float64Array): boolean | EngineError {
  v.fill(NaN);
  let any = false;
  for (let t = 0; t < plan.colIdx.length; t++) {
    const cell = Array.isArray(row) ? row[plan.colIdx[t]] : undefined;
    if (typeof cell !== "number" && isBlank(cell)) continue;
    const x = readFactorCell(cell, plan.colFactor[t], plan.colName[t]);
    if (typeof x !== "number") return x;
    if (x === x) {
      v[plan.colFactor[t]] = x;
      any = true;
    }
  }
  return any;
}

export { displayScore };

/**
 * Scores a table of customers for the CREDITSCORE formula.
 * @param values rows × columns of factor cells (the first row is the header when `labels` is null)
 * @param labels null, or a 1-row range naming each column of `values`
 * @param output null/blank ("score"), or "score" | "band" | "pd" | "reasons" | "all"
 * @param lang language of reasons and header labels
 * @param model scorecard model (defaults to the bundled calibrated model)
 * @returns a spill with one row per data row (plus a header row when labels is null),
 *   or one error for the whole call when the arguments are unusable
 * @example creditScoreCore([["debt_ratio","interest_coverage"],[0.5,4]], null, "band", "en") // → [["Band"],["B"]]
 */
export function creditScoreCore(
  values: unknown,
  labels: unknown,
  output: unknown,
  lang: Lang,
  model: ScorecardModel = DEFAULT_MODEL,
): Result<Spill> {
  // The model is checked after the output option and before the ranges (a custom model's problem first).
  const call = readCall(CREDITSCORE_SPEC, [values, labels, output], () => (model !== DEFAULT_MODEL ? validateModel(model) : null));
  if (isEngineError(call)) return call;
  const { values: grid, labels: given, output: out } = call;
  const width = grid[0].length;
  if (given && given.length !== width) return valueError(message("score.labelsWidth", { labels: given.length, values: width }));
  const header = given ?? grid[0];
  const first = given ? 0 : 1;

  const plan = factorColumns(header, first === 1);
  if (isEngineError(plan)) return plan;
  const { derive } = plan;
  const c = compileModel(model);
  const cols = COLUMNS[out];
  const ncol = cols.length;
  const wantReasons = cols.includes("reasons");
  const rows = grid.length - first;
  const spill: Spill = new Array(rows + first);
  if (first === 1) spill[0] = cols.map((k) => OUTPUT_LABELS[k][lang]);
  const v = new Float64Array(FACTOR_COUNT);

  for (let i = 0; i < rows; i++) {
    const row = grid[i + first];
    const read = readFactorRow(plan, row, v);
    const err = typeof read === "boolean" ? null : read;
    const any = read === true;
    const line: SpillCell[] = new Array(ncol);
    if (err) {
      for (let k = 0; k < ncol; k++) line[k] = err;
    } else if (!any) {
      for (let k = 0; k < ncol; k++) line[k] = "";
    } else {
      // The scoring steps of the one customer path (customer/assess): the review and the CLI score the same way.
      prepareVector(c, v, plan.given, derive);
      const fig = figuresOf(c, v);
      for (let k = 0; k < ncol; k++) {
        switch (cols[k]) {
          case "score":
            line[k] = fig.shown;
            break;
          case "band":
            line[k] = fig.band;
            break;
          case "pd":
            line[k] = fig.pd;
            break;
          case "coverage":
            line[k] = Math.round(fig.coverage * 1000) / 1000;
            break;
          case "reasons":
            line[k] = wantReasons ? formatReasons(topReasons(contributionsOf(c, v)), lang) : "";
            break;
        }
      }
    }
    spill[i + first] = line;
  }
  return spill;
}
