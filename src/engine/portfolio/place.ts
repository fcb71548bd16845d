/**
 * Where a reviewed table sits on its sheet, so that every data problem the
 * review reports names the sheet's own row number and cell address
 * (`row 18, … cell Customers!C18`), not the position among the data rows,
 * and carries a location the task pane can select ("Go to").
 *
 * Indexes are 0-based as in Excel's `getRangeByIndexes` (the pane's
 * `TableArea` from readTable fits `SheetPlace` as it is); texts are 1-based.
 */
import { cellAddress, columnLetters, quoteSheet } from "../a1";
import { EngineError, valueError } from "../errors";
import { Lang } from "../lang";
import { Message, message } from "../messages";

/** Where a table's data rows are: the header is the row above `firstDataRow`. */
export interface SheetPlace {
  /** Sheet name as shown in Excel ("" when unknown: addresses are then written without a sheet). */
  sheetName: string;
  /** 0-based sheet row of the first data row (≥ 1: the header row is above it). */
  firstDataRow: number;
  /** 0-based sheet column of the table's first column. */
  firstColumn: number;
}

/** The place assumed when none is given: header in row 1 from column A of an unnamed sheet. */
export const DEFAULT_PLACE: SheetPlace = { sheetName: "", firstDataRow: 1, firstColumn: 0 };

/** A cell (or a whole row) of the sheet that a problem is about. */
export interface SheetLocation {
  sheetName: string;
  /** 0-based sheet row (the row number Excel shows is row + 1). */
  row: number;
  /** 0-based sheet column, or null when the whole row is meant. */
  column: number | null;
  /** A1 text of the cell without the sheet ("C18"), or null for a row. */
  cell: string | null;
  /** Sheet-qualified A1 text of the cell or row: "Customers!C18", "Customers!18:18". */
  address: string;
}

/** One reported data problem: its message in the review language and where it is. */
export interface DataProblem {
  message: string;
  at: SheetLocation;
}

const MAX_ROW = 1048575;
const MAX_COLUMN = 16383;

/**
 * Checks a place given to the review (an error in `lang`, or null): a sheet
 * name, a first data row with room for the header above it, a first column
 * inside the sheet, and `columns` columns that fit.
 */
export function checkPlace(place: SheetPlace, columns: number, lang: Lang, what: Message = message("review.table")): EngineError | null {
  const p = place as Partial<SheetPlace> | null;
  if (typeof p !== "object" || p === null || typeof p.sheetName !== "string") {
    return valueError(message("place.noSheet", { what }), lang);
  }
  const r = p.firstDataRow,
    c = p.firstColumn;
  if (typeof r !== "number" || !Number.isInteger(r) || r < 1 || r > MAX_ROW) {
    return valueError(message("place.badRow", { what, max: MAX_ROW, value: String(r) }), lang);
  }
  if (typeof c !== "number" || !Number.isInteger(c) || c < 0 || c + Math.max(columns, 1) - 1 > MAX_COLUMN) {
    return valueError(message("place.badColumn", { what, max: MAX_COLUMN, columns, value: String(c) }), lang);
  }
  return null;
}

/** The three fields of a place (a `TableArea` or `TableData` carries more). */
export function placeOf(p: SheetPlace): SheetPlace {
  return { sheetName: p.sheetName, firstDataRow: p.firstDataRow, firstColumn: p.firstColumn };
}

/**
 * The row number Excel shows for data row `dataRow` (0-based) of the table.
 * @example sheetRowNumber({ sheetName: "S", firstDataRow: 5, firstColumn: 2 }, 12) === 18
 */
export function sheetRowNumber(place: SheetPlace, dataRow: number): number {
  return place.firstDataRow + dataRow + 1;
}

/**
 * The cell of data row `dataRow` in table column `col` (both 0-based).
 * @example cellLocation({ sheetName: "Customers", firstDataRow: 5, firstColumn: 2 }, 12, 0).address === "Customers!C18"
 */
export function cellLocation(place: SheetPlace, dataRow: number, col: number): SheetLocation {
  const row = place.firstDataRow + dataRow;
  const column = place.firstColumn + col;
  return {
    sheetName: place.sheetName,
    row,
    column,
    cell: cellAddress("", row, column),
    address: cellAddress(place.sheetName, row, column),
  };
}

/** The header cell of table column `col` (0-based). */
export function headerLocation(place: SheetPlace, col: number): SheetLocation {
  return cellLocation(place, -1, col);
}

/**
 * The whole sheet row of data row `dataRow` (0-based).
 * @example rowLocation({ sheetName: "Customers", firstDataRow: 5, firstColumn: 2 }, 12).address === "Customers!18:18"
 */
export function rowLocation(place: SheetPlace, dataRow: number): SheetLocation {
  const row = place.firstDataRow + dataRow;
  const n = row + 1;
  return {
    sheetName: place.sheetName,
    row,
    column: null,
    cell: null,
    address: place.sheetName === "" ? `${n}:${n}` : `${quoteSheet(place.sheetName)}!${n}:${n}`,
  };
}

/**
 * A1 text of the data cells of table column `col` (all `rowCount` data rows),
 * sheet-qualified unless the sheet is unknown.
 * @example columnRange({ sheetName: "Customers", firstDataRow: 5, firstColumn: 2 }, 2, 200) === "Customers!E6:E205"
 */
export function columnRange(place: SheetPlace, col: number, rowCount: number): string {
  const letters = columnLetters(place.firstColumn + col);
  const first = place.firstDataRow + 1;
  const a = rowCount <= 1 ? `${letters}${first}` : `${letters}${first}:${letters}${first + rowCount - 1}`;
  return place.sheetName === "" ? a : `${quoteSheet(place.sheetName)}!${a}`;
}
