/**
 * A labelled history from a table of cells: the outcome column (defaulted
 * yes/no, 1/0, 违约/正常, failed/alive …) and the factor columns matched by
 * header like the formulas do. One implementation for the CLI (CSV, XLSX,
 * ARFF files, scripts/lib/dataset.ts) and the pane (a workbook table).
 */
import { isBlank } from "../cells";
import { Result, valueError } from "../errors";
import { message } from "../messages";
import { FactorKey, isFactorKey } from "../scoring/factors";
import { matchHeader } from "../scoring/headers";
import type { Sample } from "./sample";

/** Default outcome column names tried when none is given (public bankruptcy files use several). */
export const DEFAULT_LABELS = [
  "class",
  "label",
  "default",
  "defaulted",
  "bankrupt",
  "bankrupt?",
  "bankruptcy",
  "failed",
  "status_label",
  "status",
  "target",
  "y",
  "违约",
  "破产",
  "outcome",
  "是否违约",
];

/** Label words read as "defaulted" (1) and as "healthy" (0), lower case. */
const BAD_WORDS = new Set(["1", "true", "yes", "y", "bankrupt", "default", "defaulted", "failed", "failure", "bad", "是", "违约", "破产"]);
const GOOD_WORDS = new Set(["0", "false", "no", "n", "healthy", "alive", "active", "survived", "good", "否", "正常"]);

const labelText = (cell: string): string =>
  cell
    .trim()
    .replace(/^['"]|['"]$/g, "")
    .trim()
    .toLowerCase();

/** A cell as label text: numbers and logical values as Excel shows them. */
function cellText(cell: unknown): string {
  if (typeof cell === "string") return cell;
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  if (typeof cell === "boolean") return cell ? "true" : "false";
  return "";
}

/**
 * Reads a label cell: 1 = defaulted, 0 = healthy, null = unreadable (the row is
 * skipped). With `bad` given (e.g. "0" for files that code bankrupt firms as 0),
 * that value is a default and every other non-blank value is healthy.
 */
export function parseLabel(cell: unknown, bad?: string): number | null {
  const t = labelText(cellText(cell));
  if (bad !== undefined) return t === "" || t === "?" ? null : t === labelText(bad) ? 1 : 0;
  if (BAD_WORDS.has(t)) return 1;
  if (GOOD_WORDS.has(t)) return 0;
  return null;
}

/** Index of the outcome column: the one named (case-insensitive), else the first of DEFAULT_LABELS present; −1 when none. */
export function findLabelColumn(names: readonly unknown[], label?: string | null): number {
  const lower = names.map((n) => cellText(n).trim().toLowerCase());
  if (label) return lower.indexOf(label.trim().toLowerCase());
  for (const d of DEFAULT_LABELS) {
    const i = lower.indexOf(d);
    if (i >= 0) return i;
  }
  return -1;
}

function parseNumber(cell: unknown): number | "bad" {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : "bad";
  if (typeof cell === "boolean") return cell ? 1 : 0;
  if (cell === null || cell === undefined || (typeof cell === "string" && isBlank(cell))) return NaN;
  if (typeof cell !== "string") return "bad";
  const t = cell.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return "bad";
  return Number(t);
}

/** A labelled sample read from a table, with what the reader noticed. */
export interface LabelledSample extends Sample {
  /** Columns that are neither the label nor a factor. */
  ignored: string[];
  /** Name of the outcome column used. */
  labelColumn: string;
  /** Rows dropped because their label was blank or unreadable. */
  droppedRows: number;
  /** Factor cells that were not numbers (read as missing). */
  badCells: number;
}

/** Maps a header to a factor (default: the formulas' header matcher). */
export type HeaderMapper = (name: string) => { key: FactorKey; map?: (x: number) => number } | null;

export const matchFactorHeader: HeaderMapper = (name) => {
  const k = matchHeader(name);
  return k && isFactorKey(k) ? { key: k } : null;
};

/**
 * Reads a labelled table whose outcome column is at `li` (see findLabelColumn).
 * Rows whose outcome is blank or unreadable are dropped (counted); factor cells
 * that are not numbers are missing (counted).
 */
export function labelledRecords(
  names: readonly unknown[],
  records: readonly (readonly unknown[])[],
  li: number,
  bad?: string,
  mapName: HeaderMapper = matchFactorHeader,
): LabelledSample {
  const cols: { j: number; key: FactorKey; map?: (x: number) => number }[] = [];
  const ignored: string[] = [];
  const seen = new Set<FactorKey>();
  names.forEach((name, j) => {
    if (j === li) return;
    const m = mapName(cellText(name));
    if (m && !seen.has(m.key)) {
      seen.add(m.key);
      cols.push({ j, ...m });
    } else ignored.push(cellText(name));
  });
  const label: number[] = [];
  const keep: (readonly unknown[])[] = [];
  let dropped = 0;
  for (const r of records) {
    const y = parseLabel(r[li] ?? "", bad);
    if (y === null) dropped++;
    else {
      label.push(y);
      keep.push(r);
    }
  }
  const n = keep.length;
  const columns: Partial<Record<FactorKey, Float64Array>> = {};
  let badCells = 0;
  for (const c of cols) {
    const a = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const x = parseNumber(keep[i][c.j] ?? "");
      if (x === "bad") {
        badCells++;
        a[i] = NaN;
      } else a[i] = c.map && !Number.isNaN(x) ? c.map(x) : x;
    }
    columns[c.key] = a;
  }
  return { n, columns, label: Uint8Array.from(label), ignored, labelColumn: cellText(names[li]), droppedRows: dropped, badCells };
}

/**
 * A labelled history from a workbook table (header row + data rows), for the
 * pane: an error value (en/zh) when the outcome column is not found or no row
 * has a readable outcome.
 */
export function historyFromTable(
  header: readonly unknown[],
  rows: readonly (readonly unknown[])[],
  label: string | null,
  bad?: string,
): Result<LabelledSample> {
  const li = findLabelColumn(header, label);
  if (li < 0) {
    return label
      ? valueError(message("label.columnNotFound", { column: label, columns: header.map(cellText) }))
      : valueError(message("label.noColumn", { tried: DEFAULT_LABELS }));
  }
  const s = labelledRecords(header, rows, li, bad);
  if (s.n === 0) return valueError(message("label.noRows", { column: s.labelColumn }));
  return s;
}
