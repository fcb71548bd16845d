/**
 * A1 address helpers. Rows and columns are 0-based indexes as in
 * `Worksheet.getRangeByIndexes`; A1 text is 1-based ("A1" = row 0, column 0).
 */
import { columnLetters as engineColumnLetters, quoteSheet } from "../engine/a1";

/** Excel's last column index (XFD) and row index (1,048,576th row). */
export const MAX_COLUMN = 16383;
export const MAX_ROW = 1048575;

/**
 * Column letters of a 0-based column index (the engine's rule, with a range check).
 * @example columnLetters(0) === "A"; columnLetters(27) === "AB"; columnLetters(16383) === "XFD"
 */
export function columnLetters(col: number): string {
  if (!Number.isInteger(col) || col < 0 || col > MAX_COLUMN) throw new RangeError(`column index out of range: ${col}`);
  return engineColumnLetters(col);
}

/** 0-based column index of column letters. @example columnIndex("AB") === 27 */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const c = ch.charCodeAt(0) - 64;
    if (c < 1 || c > 26) throw new RangeError(`not column letters: ${letters}`);
    n = n * 26 + c;
  }
  return n - 1;
}

/** A1 text of one cell. @example cellA1(0, 0) === "A1"; cellA1(9, 27) === "AB10" */
export function cellA1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/**
 * A1 text of a rectangle (a single cell stays "B2").
 * @example rangeA1(0, 0, 3, 2) === "A1:B3"
 */
export function rangeA1(row: number, col: number, rowCount: number, colCount: number): string {
  const a = cellA1(row, col);
  return rowCount === 1 && colCount === 1 ? a : `${a}:${cellA1(row + rowCount - 1, col + colCount - 1)}`;
}

/**
 * Sheet name as Excel writes it in a reference (quoted unless plain): the
 * engine's rule, so messages and I/O agree.
 * @example quoteSheet("Sheet1") === "Sheet1"; quoteSheet("Risk report") === "'Risk report'"
 */
export { quoteSheet };

/** Sheet-qualified A1 text. @example qualifiedA1("My data", 0, 0, 2, 2) === "'My data'!A1:B2" */
export function qualifiedA1(sheet: string, row: number, col: number, rowCount: number, colCount: number): string {
  return `${quoteSheet(sheet)}!${rangeA1(row, col, rowCount, colCount)}`;
}

/** A rectangle of cells, 0-based. */
export interface Rect {
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
}

/**
 * Parses "B5", "B5:C7", "$B$5", "Sheet1!B5:C7", "'My sheet'!B5", "C:D" (whole
 * columns) and "5:7" (whole rows). Returns null for anything else.
 */
export function parseA1(address: string): (Rect & { sheet?: string }) | null {
  let rest = address.trim();
  let sheet: string | undefined;
  const bang = rest.lastIndexOf("!");
  if (bang >= 0) {
    sheet = rest.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    rest = rest.slice(bang + 1);
  }
  const parts = rest.replace(/\$/g, "").toUpperCase().split(":");
  if (parts.length < 1 || parts.length > 2) return null;
  const ends = parts.map((p) => {
    let m = /^([A-Z]{1,3})([0-9]+)$/.exec(p);
    if (m) return { row: Number(m[2]) - 1, col: columnIndex(m[1]), kind: "cell" as const };
    m = /^([A-Z]{1,3})$/.exec(p);
    if (m) return { row: -1, col: columnIndex(m[1]), kind: "col" as const };
    m = /^([0-9]+)$/.exec(p);
    if (m) return { row: Number(m[1]) - 1, col: -1, kind: "row" as const };
    return null;
  });
  if (ends.some((e) => e === null)) return null;
  const [a, b = a] = ends as NonNullable<(typeof ends)[number]>[];
  if (a.kind !== b.kind) return null;
  if (a.kind === "cell" && (a.row < 0 || b.row < 0)) return null;
  if (a.kind === "row" && parts.length === 1) return null;
  if (a.kind === "col" && parts.length === 1) return null;
  const r0 = a.kind === "col" ? 0 : Math.min(a.row, b.row);
  const r1 = a.kind === "col" ? MAX_ROW : Math.max(a.row, b.row);
  const c0 = a.kind === "row" ? 0 : Math.min(a.col, b.col);
  const c1 = a.kind === "row" ? MAX_COLUMN : Math.max(a.col, b.col);
  const rect = { row: r0, col: c0, rowCount: r1 - r0 + 1, colCount: c1 - c0 + 1 };
  return sheet === undefined ? rect : { ...rect, sheet };
}

/** Intersection of two rectangles, or null. */
export function intersect(a: Rect, b: Rect): Rect | null {
  const r0 = Math.max(a.row, b.row);
  const c0 = Math.max(a.col, b.col);
  const r1 = Math.min(a.row + a.rowCount, b.row + b.rowCount);
  const c1 = Math.min(a.col + a.colCount, b.col + b.colCount);
  return r1 > r0 && c1 > c0 ? { row: r0, col: c0, rowCount: r1 - r0, colCount: c1 - c0 } : null;
}

/** True when `inner` lies entirely inside `outer`. */
export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.rowCount <= outer.row + outer.rowCount &&
    inner.col + inner.colCount <= outer.col + outer.colCount
  );
}

/** True when cell (row, col) lies inside `r`. */
export function containsCell(r: Rect, row: number, col: number): boolean {
  return row >= r.row && row < r.row + r.rowCount && col >= r.col && col < r.col + r.colCount;
}
