/**
 * Spill helpers: turning Excel range arguments into per-row vectors and
 * per-row results back into a range.
 *
 * A formula that takes one value per invoice or customer accepts a single
 * cell, a column or a row. Arguments broadcast like Excel's own lifted
 * functions: every range argument must have the same length, a single cell is
 * repeated for every row. Results come back in the orientation of the first
 * range argument (a column in → a column out; a row in → a row out).
 *
 * Malformed arguments (ragged rows, a list mixing cells and rows) are one
 * `#VALUE!` naming the argument; an empty range (`[]`, `[[]]`) counts as
 * omitted. A cell holding something no cell can hold (a nested array, an
 * object) is left to the cell readers, which make it that row's error.
 */
import { Cell, isBlank, isBlankOrZero } from "./cells";
import { EngineError, Result, isEngineError, valueError } from "./errors";
import { message } from "./messages";

/** One output cell: a value Excel can show, or the error for that cell only. */
export type SpillCell = Cell | EngineError;
/** A whole spilled result, rows × columns. */
export type Spill = SpillCell[][];

/** A vector argument after reading: its values and its orientation. */
export interface Vector {
  values: unknown[];
  /** True when the user passed a horizontal range (1 × n with n > 1). */
  horizontal: boolean;
}

/**
 * Reads an argument that should be a single cell, a column or a row.
 * Returns `null` when the argument was omitted (Excel passes null) or empty.
 * A flat list of cells (not a shape Excel passes) is read as a column.
 */
export function readVector(arg: unknown, name: string): Result<Vector | null> {
  if (arg === null || arg === undefined) return null;
  if (!Array.isArray(arg)) return { values: [arg], horizontal: false };
  if (arg.length === 0) return null;
  if (!Array.isArray(arg[0])) return { values: arg as unknown[], horizontal: false };
  const grid = readGrid(arg, name);
  if (grid === null || isEngineError(grid)) return grid;
  const width = grid[0].length;
  if (grid.length === 1) return { values: grid[0], horizontal: width > 1 };
  if (width === 1) return { values: grid.map((r) => r[0]), horizontal: false };
  return valueError(message("range.notVector", { arg: name, rows: grid.length, cols: width }));
}

/**
 * Reads a 2-D argument into rows × columns: a scalar becomes 1 × 1, a flat
 * list one row; omitted or empty (`[]`, `[[]]`) gives null; ragged rows, or a
 * list mixing cells and rows, give a `#VALUE!` naming `name`.
 */
export function readGrid(arg: unknown, name = "range"): Result<unknown[][] | null> {
  if (arg === null || arg === undefined) return null;
  if (!Array.isArray(arg)) return [[arg]];
  if (arg.length === 0) return null;
  if (!Array.isArray(arg[0])) return [arg as unknown[]];
  const width = (arg[0] as unknown[]).length;
  for (let r = 1; r < arg.length; r++) {
    const row: unknown = arg[r];
    if (!Array.isArray(row)) {
      return valueError(message("range.malformed", { arg: name, item: r + 1 }));
    }
    if (row.length !== width) {
      return valueError(message("range.ragged", { arg: name, row: r + 1, cells: row.length, width }));
    }
  }
  return width === 0 ? null : (arg as unknown[][]);
}

/**
 * The common length of several vector arguments: each must have length 1
 * (broadcast) or the same length n. Omitted (null) vectors are ignored.
 */
export function broadcastLength(vectors: ReadonlyArray<{ name: string; vector: Vector | null }>): Result<number> {
  let n = 1;
  let owner = "";
  for (const { name, vector } of vectors) {
    if (!vector || vector.values.length === 1) continue;
    if (n === 1) {
      n = vector.values.length;
      owner = name;
    } else if (vector.values.length !== n) {
      return valueError(message("range.sizeMismatch", { arg: name, n: vector.values.length, owner, ownerN: n }));
    }
  }
  return n;
}

/** The i-th value of a broadcast vector (a single cell repeats; omitted gives null). */
export function at(vector: Vector | null, i: number): unknown {
  if (!vector) return null;
  return vector.values.length === 1 ? vector.values[0] : vector.values[i];
}

/** Whether the result should come back as a row: the first multi-cell vector decides. */
export function isHorizontal(vectors: ReadonlyArray<Vector | null>): boolean {
  const first = vectors.find((v) => v && v.values.length > 1);
  return first ? first.horizontal : false;
}

/**
 * True when row `i` is empty in every per-row range (a range of more than one
 * cell) and there is at least one such range: a trailing row of a whole-column
 * selection. Such a row gives an empty result, as in RISK.CREDITSCORE, instead
 * of "… is required" errors. Single cells repeated for every row do not count.
 * @example isBlankRow([{ values: [100, null], horizontal: false }, { values: [365], horizontal: false }], 1) // true
 */
export function isBlankRow(vectors: ReadonlyArray<Vector | null>, i: number): boolean {
  let perRow = false;
  for (const v of vectors) {
    if (!v || v.values.length <= 1) continue;
    perRow = true;
    if (!isBlank(v.values[i])) return false;
  }
  return perRow;
}

/** Lays one value per row out as a spill (column, or row when `horizontal`). */
export function toSpill(values: SpillCell[], horizontal: boolean): Spill {
  return horizontal ? [values] : values.map((v) => [v]);
}

/**
 * The rows of a per-row selection that hold data, `first` … `last`: the rows
 * before `first` and after `last` are empty (blank, or 0 as Excel desktop
 * passes an empty cell) in every per-row range: the unused ends of a selection
 * larger than the data. Rows in between are data, even when they are 0
 * (a 0 there is a real value). No per-row range (all single cells): every row.
 * `first > last` when every row is empty.
 * @example dataRows([{ values: [0, 5, 0, 7, 0, null], horizontal: false }], 6) // { first: 1, last: 3 }
 */
export function dataRows(vectors: ReadonlyArray<Vector | null>, n: number): { first: number; last: number } {
  const perRow = vectors.filter((v): v is Vector => v !== null && v.values.length > 1);
  if (perRow.length === 0) return { first: 0, last: n - 1 };
  const empty = (i: number) => perRow.every((v) => isBlankOrZero(v.values[i]));
  let first = 0;
  while (first < n && empty(first)) first++;
  let last = n - 1;
  while (last >= first && empty(last)) last--;
  return { first, last };
}

/**
 * Runs `fn` over broadcast vectors and lays out the results; argument errors become one error.
 * With `dataVectors` (the ranges that hold a row's data), rows outside `dataRows`
 * and rows blank in every one of them (`isBlankRow`) give "" without calling `fn`.
 */
export function mapRows(
  vectors: ReadonlyArray<{ name: string; vector: Vector | null }>,
  fn: (i: number) => SpillCell,
  dataVectors?: ReadonlyArray<Vector | null>,
): Result<Spill> {
  const n = broadcastLength(vectors);
  if (isEngineError(n)) return n;
  const span = dataVectors ? dataRows(dataVectors, n) : { first: 0, last: n - 1 };
  const out: SpillCell[] = new Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = i < span.first || i > span.last || (dataVectors && isBlankRow(dataVectors, i)) ? "" : fn(i);
  }
  return toSpill(out, isHorizontal(vectors.map((v) => v.vector)));
}

export type { EngineError };
