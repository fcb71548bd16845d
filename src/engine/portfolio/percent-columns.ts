/**
 * Ratio columns that hold percent numbers (55.3 for 55.3 %) instead of
 * decimals (0.553): a data problem of the portfolio review.
 *
 * Ratios must be decimals (docs/functions.md). Exports with headers such as
 * "资产负债率(%)" or "Debt ratio %" map to `debt_ratio` but often hold 55.3;
 * the scorecard would read it as 5,530 % and score it silently wrong. The
 * review never rescales: it reports the column so that the user fixes it.
 *
 * Rule: a column mapped to a factor whose unit is "percent" (a decimal share
 * of 1: debt ratio, margins, returns, growth, late/overdue shares, …) is
 * flagged when the median of |x| over its numeric cells is above the
 * factor's bound (`percentBound`, declared in the factor registry): 1.5 by
 * default, 3 for cash_flow_to_debt.
 * No plausible decimal ratio has a typical magnitude that large: the model's
 * bin edges stay within −0.07…0.77 and the plausible ranges of the explain
 * levers within −1…1.5, except cash flow / total liabilities, which a
 * cash-rich firm can push to 2 or more (levers up to 2, top edge 0.66).
 * Blank cells, text and non-finite numbers are not counted; a column with no
 * numeric cell is never flagged. A few outliers do not move the median, so a
 * decimal column with one stray 55 is not flagged. Percent numbers whose
 * typical size is ≤ the bound (e.g. sales growth of 1 %) are not detected.
 */
import { Lang } from "../lang";
import { message, renderMessage } from "../messages";
import { FactorKey, factorEntry, factorIndex, isFactorKey } from "../scoring/factors";
import { DEFAULT_PERCENT_BOUND } from "../scoring/registry";
import { fmt } from "../scoring/reasons";
import type { MappedColumn } from "./mapping";
import { DEFAULT_PLACE, SheetLocation, SheetPlace, columnRange, headerLocation } from "./place";

/** A ratio column whose values look like percent numbers. */
export interface PercentColumn {
  /** 0-based column index in the table. */
  column: number;
  /** The header text as shown. */
  header: string;
  /** The factor the column is mapped to. */
  key: FactorKey;
  /** Median of |x| over the column's numeric cells (e.g. 55.3). */
  median: number;
  /** Numeric cells of the column. */
  values: number;
  /** The warning in the review language (see `percentColumnMessage`), naming the column's cells. */
  message: string;
  /** The column's header cell on the sheet (for the pane's "Go to"). */
  at: SheetLocation;
}

/** Default bound on the median of |x| of a decimal ratio column (declared with the factor registry). */
export { DEFAULT_PERCENT_BOUND };

/**
 * The bound on the median of |x| above which a column of factor `key` looks
 * like percent numbers: the factor's `percentBound` in the factor registry
 * (`DEFAULT_PERCENT_BOUND`, 1.5, for percent-unit ratios; 3 for
 * cash_flow_to_debt); null for factors whose unit is not "percent" (days,
 * times, amounts, …), which are never checked.
 * @example percentBound("debt_ratio") === 1.5; percentBound("avg_days_late") === null
 */
export function percentBound(key: FactorKey): number | null {
  const i = factorIndex(key);
  return i < 0 ? null : factorEntry(key).percentBound;
}

/**
 * The warning of a percent-number column in `lang`, with the median shown to
 * 2 decimals and its decimal equivalent (median ÷ 100), and the column's
 * cells on the sheet when `range` is given.
 * @example percentColumnMessage("资产负债率(%)", "debt_ratio", 55.3, "en", "Customers!E6:E205") ===
 *   "Column “资产负债率(%)” (debt_ratio, Customers!E6:E205) looks like percentages (median 55.3): ratios must be decimals, e.g. 0.553 for 55.3 %. Divide the column by 100 (or fix the cells' format) and review again."
 */
export function percentColumnMessage(header: string, key: FactorKey, median: number, lang: Lang, range?: string): string {
  const m = fmt(median, 2);
  const d = fmt(Number(m) / 100, 4);
  return renderMessage(message("review.percentColumn", { header, key, range: range ?? "", m, d }), lang);
}

/**
 * Running counts over the percent-unit columns of one table, fed one row at a
 * time by `scanPercentRow` (no allocation per row). Internal to the review.
 */
export interface PercentScan {
  readonly cols: Int32Array;
  readonly bounds: Float64Array;
  readonly keys: FactorKey[];
  readonly headers: string[];
  /** Numeric cells per column. */
  readonly n: Int32Array;
  /** Numeric cells with |x| > bound per column. */
  readonly above: Int32Array;
}

/** Starts a scan of the columns mapped to percent-unit factors. */
export function startPercentScan(columns: readonly MappedColumn[]): PercentScan {
  const picked = columns.filter((c) => isFactorKey(c.key) && percentBound(c.key) !== null);
  return {
    cols: Int32Array.from(picked.map((c) => c.index)),
    bounds: Float64Array.from(picked.map((c) => percentBound(c.key as FactorKey) as number)),
    keys: picked.map((c) => c.key as FactorKey),
    headers: picked.map((c) => c.header),
    n: new Int32Array(picked.length),
    above: new Int32Array(picked.length),
  };
}

/** Counts one data row into the scan. */
export function scanPercentRow(scan: PercentScan, row: readonly unknown[]): void {
  const cols = scan.cols;
  for (let t = 0; t < cols.length; t++) {
    const x = row[cols[t]];
    if (typeof x !== "number" || !Number.isFinite(x)) continue;
    scan.n[t]++;
    if (Math.abs(x) > scan.bounds[t]) scan.above[t]++;
  }
}

/**
 * The flagged columns of a finished scan, in column order. The median is
 * computed exactly (one more pass over `rows`) only for columns where at
 * least half of the numeric cells exceed the bound (the only ones whose
 * median can). Messages name the column's cells on the sheet at `place`.
 */
export function finishPercentScan(
  scan: PercentScan,
  rows: readonly (readonly unknown[])[],
  lang: Lang,
  place: SheetPlace = DEFAULT_PLACE,
): PercentColumn[] {
  const out: PercentColumn[] = [];
  for (let t = 0; t < scan.cols.length; t++) {
    const n = scan.n[t];
    if (n === 0 || 2 * scan.above[t] < n) continue;
    const col = scan.cols[t];
    const a = new Float64Array(n);
    let k = 0;
    for (let r = 0; r < rows.length; r++) {
      const x = rows[r]?.[col];
      if (typeof x === "number" && Number.isFinite(x)) a[k++] = Math.abs(x);
    }
    a.sort();
    const median = n % 2 === 1 ? a[(n - 1) / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
    if (!(median > scan.bounds[t])) continue;
    const message = percentColumnMessage(scan.headers[t], scan.keys[t], median, lang, columnRange(place, col, rows.length));
    out.push({ column: col, header: scan.headers[t], key: scan.keys[t], median, values: n, message, at: headerLocation(place, col) });
  }
  return out;
}

/**
 * Finds the ratio columns of a mapped table that hold percent numbers
 * (the rule is in this module's comment). One pass over the rows. `place`:
 * where the table sits (default: header in row 1 from column A).
 * @example findPercentColumns([[55.3, 1.2], [61, 0.9]], autoMapColumns(["资产负债率(%)", "速动比率"]).columns, "en")
 *   // → [{ column: 0, header: "资产负债率(%)", key: "debt_ratio", median: 58.15, values: 2, message: "Column “资产负债率(%)” (debt_ratio, A2:A3) looks like percentages (median 58.15): …", at: { address: "A1", … } }]
 */
export function findPercentColumns(
  rows: readonly (readonly unknown[])[],
  columns: readonly MappedColumn[],
  lang: Lang,
  place: SheetPlace = DEFAULT_PLACE,
): PercentColumn[] {
  const scan = startPercentScan(columns);
  if (scan.cols.length === 0) return [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row) scanPercentRow(scan, row);
  }
  return finishPercentScan(scan, rows, lang, place);
}
