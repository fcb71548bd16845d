/**
 * The customer list's view of the results: which rows pass the text and band
 * filters, in which order, and which columns fit the width. Pure functions.
 */
import type { CustomerResult } from "../../engine/portfolio/review";
import { BANDS } from "../../engine/scoring/model";
import type { ListColumnId, ReviewStrings } from "../i18n";
import type { BandFilter, ListSort } from "./flow";

/** The label of a customer: id, else "row n" with the sheet's row number. */
export function customerLabel(c: CustomerResult, t: ReviewStrings): string {
  return c.id !== null ? String(c.id) : t.dash.rowNumber(String(c.sheetRow));
}

function bandIndexOf(c: CustomerResult): number {
  return c.band === null ? BANDS.length : BANDS.indexOf(c.band);
}

function numericKey(c: CustomerResult, column: ListColumnId): number {
  switch (column) {
    case "score":
      return c.score ?? NaN;
    case "band":
      return bandIndexOf(c);
    case "exposure":
      return c.exposure ?? NaN;
    case "limit":
      return c.limit ?? NaN;
    case "headroom":
      return c.headroom ?? NaN;
    case "stage":
      return c.dunningStageNumber ?? NaN;
    default:
      return NaN;
  }
}

/**
 * Positions (row indexes) of the customers that pass the filter, sorted.
 * Blank rows are left out. Missing values sort last in either direction;
 * ties keep row order.
 */
export function listView(
  results: readonly (CustomerResult | null)[],
  search: readonly string[],
  needle: string,
  band: BandFilter,
  sort: ListSort,
): Int32Array {
  const out: number[] = [];
  const q = needle.trim().toLowerCase();
  const wantBand = band === "all" ? -1 : band === "not_scored" ? BANDS.length : BANDS.indexOf(band);
  for (let r = 0; r < results.length; r++) {
    const c = results[r];
    if (!c || c.blank) continue;
    if (wantBand >= 0 && bandIndexOf(c) !== wantBand) continue;
    if (q && !search[r].includes(q)) continue;
    out.push(r);
  }
  if (sort) {
    const { column, dir } = sort;
    if (column === "customer") {
      out.sort((a, b) => {
        const x = search[a],
          y = search[b];
        return (x < y ? -1 : x > y ? 1 : a - b) * (x === y ? 1 : dir);
      });
    } else {
      const keys = new Float64Array(results.length);
      for (const r of out) keys[r] = numericKey(results[r] as CustomerResult, column);
      out.sort((a, b) => {
        const x = keys[a],
          y = keys[b];
        const xn = x !== x,
          yn = y !== y;
        if (xn || yn) return xn && yn ? a - b : xn ? 1 : -1;
        return x === y ? a - b : (x - y) * dir;
      });
    }
  }
  return Int32Array.from(out);
}

/** Columns the user can show or hide (the customer column always shows). */
export const OPTIONAL_COLUMNS: readonly ListColumnId[] = ["score", "band", "exposure", "limit", "headroom", "stage"];

/** Width of each column in the row grid (the customer takes what is left). */
export const COLUMN_WIDTH: Record<ListColumnId, string> = {
  customer: "minmax(7em, 1fr)",
  score: "3.6em",
  band: "3em",
  exposure: "5.4em",
  limit: "5.4em",
  headroom: "5.6em",
  stage: "7em",
};

/** The columns shown before the user picks: fewer at task-pane width, the stage only with a ledger. */
export function defaultColumns(width: number, withStage: boolean): ListColumnId[] {
  if (width < 480) return ["score", "band", "headroom"];
  return OPTIONAL_COLUMNS.filter((c) => c !== "stage" || withStage);
}

const MIN_EM: Record<ListColumnId, number> = { customer: 7, score: 3.6, band: 3, exposure: 5.4, limit: 5.4, headroom: 5.6, stage: 7 };

/** The narrowest the row grid of `columns` can be (em of the list's text): wider than the pane, the list scrolls sideways. */
export function minWidthEm(columns: readonly ListColumnId[]): number {
  return columns.reduce((w, c) => w + MIN_EM[c], 0);
}
