/**
 * Aging of open invoices at an as-of date (账龄分析).
 *
 * Days past due = as_of − due date. Buckets by default: Current (≤ 0 days
 * past due, i.e. not yet overdue), 1–30, 31–60, 61–90, 90+ (more than 90).
 * Custom edges e1 < e2 < … < ek (whole days > 0) give Current, 1–e1,
 * (e1+1)–e2, …, ek+.
 */
import { readNumber } from "../cells";
import { EngineError, Result, isEngineError, valueError, withMessage } from "../errors";
import { message } from "../messages";
import { FunctionSpec, readCall, readColumnArg, readParamCell, readSingleArg, runRows } from "../spec";
import { Lang } from "../lang";
import { Spill, SpillCell, broadcastLength, readGrid } from "../spill";
import { isBlankOrZero } from "./common";

/** Default bucket edges in days past due. */
export const DEFAULT_AGING_EDGES: readonly number[] = Object.freeze([30, 60, 90]);

/**
 * Bucket index of a number of days past due: 0 = Current (≤ 0), k = the k-th
 * range (edges[k−2] < d ≤ edges[k−1]), edges.length + 1 = beyond the last edge.
 * @example agingBucket(45, [30, 60, 90]) // 2 ("31–60")
 */
export function agingBucket(daysPastDue: number, edges: readonly number[] = DEFAULT_AGING_EDGES): number {
  if (daysPastDue <= 0) return 0;
  for (let k = 0; k < edges.length; k++) if (daysPastDue <= edges[k]) return k + 1;
  return edges.length + 1;
}

/**
 * Bucket labels for edges in a language.
 * @example agingLabels([30, 60, 90], "en") // ["Current", "1–30", "31–60", "61–90", "90+"]
 * @example agingLabels([30, 60, 90], "zh") // ["未逾期", "1–30天", "31–60天", "61–90天", "90天以上"]
 */
export function agingLabels(edges: readonly number[] = DEFAULT_AGING_EDGES, lang: Lang = "en"): string[] {
  const unit = lang === "zh" ? "天" : "";
  const out = [lang === "zh" ? "未逾期" : "Current"];
  let lo = 1;
  for (const e of edges) {
    out.push(`${lo}–${e}${unit}`);
    lo = e + 1;
  }
  const last = edges[edges.length - 1];
  out.push(lang === "zh" ? `${last}天以上` : `${last}+`);
  return out;
}

/**
 * Reads custom bucket edges: a row or column of whole numbers > 0 in strictly
 * ascending order. Blank cells are ignored, and so is 0 (no valid edge, and
 * Excel desktop passes an empty cell of the range as 0), so a range longer than
 * the list (or a block whose filled cells are one row or one column) is fine.
 * Omitted or all empty → [30, 60, 90].
 */
export function readAgingEdges(arg: unknown): Result<readonly number[]> {
  const g = readGrid(arg, "buckets");
  if (isEngineError(g)) return g;
  if (g === null) return DEFAULT_AGING_EDGES;
  const cells = lineOfCells(g);
  if (cells === null) return valueError(message("aging.bucketsShape", { rows: g.length, cols: g[0].length }));
  const edges: number[] = [];
  for (const c of cells) {
    if (isBlankOrZero(c)) continue;
    const v = readNumber(c, "buckets", { min: 1, integer: true });
    if (isEngineError(v)) return v;
    if (edges.length && v <= edges[edges.length - 1])
      return valueError(message("aging.bucketsAscending", { value: v, prev: edges[edges.length - 1] }));
    edges.push(v);
  }
  return edges.length ? edges : DEFAULT_AGING_EDGES;
}

/**
 * `=RISK.AGING(due_dates, as_of, [amounts], [buckets])`, declared. A blank (or 0) due date is an invoice-less
 * row. as_of is per invoice without amounts, one date for the call with them (the summary).
 */
export const AGING_SPEC = {
  id: "AGING",
  params: [
    { name: "due_dates", shape: "column", kind: "date", data: true, blankCells: true, blankMeansNoRow: true },
    { name: "as_of", shape: "column", kind: "date" },
    { name: "amounts", shape: "column", kind: "amount", optional: true },
    { name: "buckets", shape: "matrix", kind: "count", optional: true, read: readAgingEdges },
  ],
} as const satisfies FunctionSpec;
const [DUE, AS_OF, AMOUNTS] = AGING_SPEC.params;

/** The cells of a row or column; of a 2-D block, the one row or column holding all its non-empty cells; else null. */
function lineOfCells(g: unknown[][]): unknown[] | null {
  if (g.length === 1) return g[0];
  if (g[0].length === 1) return g.map((r) => r[0]);
  const rows = new Set<number>();
  const cols = new Set<number>();
  g.forEach((r, i) =>
    r.forEach((c, j) => {
      if (!isBlankOrZero(c)) {
        rows.add(i);
        cols.add(j);
      }
    }),
  );
  if (rows.size <= 1) return g[rows.size ? [...rows][0] : 0];
  if (cols.size === 1) {
    const j = [...cols][0];
    return g.map((r) => r[j]);
  }
  return null;
}

/** Summed open amounts per bucket plus the rows that could not be read. */
export interface AgingSummary {
  readonly amounts: number[];
  readonly badRows: number;
  readonly firstError: EngineError | null;
}

/**
 * Sums open amounts into buckets (pure). Rows with a zero or blank amount are
 * in no bucket (nothing open); negative amounts (credit notes) are netted in
 * the bucket of their due date. Unreadable rows are counted, not summed.
 */
export function agingSummary(
  dueCells: readonly unknown[],
  amountCells: readonly unknown[],
  asOf: number,
  edges: readonly number[] = DEFAULT_AGING_EDGES,
): AgingSummary {
  const amounts = new Array<number>(edges.length + 2).fill(0);
  let badRows = 0;
  let firstError: EngineError | null = null;
  const n = Math.max(dueCells.length, amountCells.length);
  const bad = (i: number, e: EngineError) => {
    badRows++;
    if (!firstError) firstError = withMessage(e, message("at.row", { row: i + 1, cause: e.msg ?? e.message }));
  };
  for (let i = 0; i < n; i++) {
    const dc = dueCells.length === 1 ? dueCells[0] : dueCells[i];
    const ac = amountCells.length === 1 ? amountCells[0] : amountCells[i];
    const amt = readParamCell(AMOUNTS, ac) as Result<number | null>;
    if (isEngineError(amt)) {
      bad(i, amt);
      continue;
    }
    const due = readParamCell(DUE, dc) as Result<number | null>;
    if (isEngineError(due)) {
      bad(i, due);
      continue;
    }
    if (amt === null || amt === 0) continue;
    if (due === null) {
      bad(i, valueError(message("aging.dueMissing")));
      continue;
    }
    amounts[agingBucket(asOf - due, edges)] += amt;
  }
  return { amounts, badRows, firstError };
}

/**
 * `=RISK.AGING(due_dates, as_of, [amounts], [buckets])`.
 *
 * - Without amounts: the bucket label of every invoice spills in the shape of
 *   due_dates (as_of a cell or an equal-length range); a blank (or 0) due date gives "".
 * - With amounts (open amounts): a 2-row spill, bucket labels then the summed
 *   open amount per bucket; as_of must be a single cell. Paid invoices (open
 *   amount 0 or blank) are in no bucket; credit notes (negative) are netted.
 *   Unreadable rows are left out and reported in an extra last column
 *   "Errors" / "错误" whose value cell is #VALUE! with the count and the first
 *   problem, so the buckets still compute.
 *
 * @example agingCore([[46000],[45950]], 46020, [[100],[250]], null, "en")
 *   // [["Current","1–30","31–60","61–90","90+"], [0, 100, 0, 250, 0]]
 */
export function agingCore(dueDates: unknown, asOf: unknown, amounts: unknown, buckets: unknown, lang: Lang): Result<Spill> {
  const args = [dueDates, asOf, amounts, buckets];
  if (amounts === null || amounts === undefined) {
    // Labels per invoice: due_dates and as_of row by row.
    let labels: string[] = [];
    return runRows(AGING_SPEC, args, (r) => {
      if (labels.length === 0) labels = agingLabels(r.buckets, lang);
      return labels[agingBucket(r.as_of - (r.due_dates as number), r.buckets)];
    });
  }
  // The summary: the open amounts of the ledger, bucketed at one as_of date.
  const call = readCall(AGING_SPEC, args);
  if (isEngineError(call)) return call;
  const edges = call.buckets;
  const due = readColumnArg(DUE, dueDates);
  if (isEngineError(due)) return due;
  const amt = readColumnArg(AMOUNTS, amounts, true);
  if (isEngineError(amt)) return amt;
  const n = broadcastLength([
    { name: DUE.name, vector: due },
    { name: AMOUNTS.name, vector: amt },
  ]);
  if (isEngineError(n)) return n;
  const a = readSingleArg(AS_OF, asOf) as Result<number>;
  if (isEngineError(a)) return a;
  const s = agingSummary(due!.values, amt!.values, a, edges);
  const head: SpillCell[] = [...agingLabels(edges, lang)];
  const row: SpillCell[] = [...s.amounts];
  if (s.firstError) {
    const e: EngineError = s.firstError;
    head.push(lang === "zh" ? "错误" : "Errors");
    row.push(withMessage(e, message("aging.badRows", { n: s.badRows, first: e.msg ?? e.message })));
  }
  return [head, row];
}
