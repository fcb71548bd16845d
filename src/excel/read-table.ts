/**
 * Reading the user's customer table or invoice ledger: an Excel table by
 * name, or the current region of the selection. Values only, in row blocks
 * under the 5 MB payload limit (see blocks.ts). No header matching here: the
 * pane passes `headerRow` to the engine's `matchHeader`.
 */
import { IoResult, fail, hasOfficeCode, ok } from "./errors";
import { Rect, intersect, qualifiedA1 } from "./address";
import { Progress, readRowBlocks } from "./blocks";
import { BlockStats } from "./payload";

/** Where a table's data rows are on the sheet (0-based indexes). */
export interface TableArea {
  sheetName: string;
  /** Sheet row of the first data row; the header row is the row above. */
  firstDataRow: number;
  /** Number of data rows. */
  rowCount: number;
  /** Sheet column of the first column. */
  firstColumn: number;
  /** Number of columns. */
  columnCount: number;
}

/** A table read from the workbook. */
export interface TableData extends TableArea {
  /** Excel table name when read from a table. */
  tableName?: string;
  /** Sheet-qualified A1 address of header + data, e.g. "Customers!A1:T200001". */
  address: string;
  /** Header cells as Excel returned them (usually text). */
  headerRow: unknown[];
  /** Data rows, `rowCount` × `columnCount`, values as Excel returned them ("" for empty cells). */
  rows: unknown[][];
  /** How the data rows were read. */
  stats: BlockStats;
}

/** What to read. */
export type TableSource = { kind: "table"; name: string } | { kind: "selection" };

export interface ReadOptions {
  /** Called after every block with rows read so far and the total. */
  onProgress?: Progress;
  /** Aborting stops between two blocks with the "cancelled" error. */
  signal?: AbortSignal;
  /** Target bytes per block (default 3.5 MB); tests lower it. */
  targetBytes?: number;
  /** Rows of the first block (default 20,000 cells' worth). */
  firstRows?: number;
}

/** One table of the workbook, for the pane's picker. */
export interface TableInfo {
  name: string;
  sheetName: string;
  /** Data rows (without header and totals). */
  rowCount: number;
  /** Header texts. */
  headers: string[];
}

function text(v: unknown): string {
  return v === null || v === undefined ? "" : String(v);
}

/**
 * Every Excel table of the workbook with its sheet, data row count and header
 * texts (two syncs).
 */
export async function listTables(ctx: Excel.RequestContext): Promise<TableInfo[]> {
  const tables = ctx.workbook.tables;
  tables.load("items/name");
  await ctx.sync();
  const parts = tables.items.map((t) => {
    const ws = t.worksheet;
    ws.load("name");
    const header = t.getHeaderRowRange();
    header.load("values");
    const body = t.getDataBodyRange();
    body.load("rowCount");
    return { t, ws, header, body };
  });
  await ctx.sync();
  return parts.map(({ t, ws, header, body }) => ({
    name: t.name,
    sheetName: ws.name,
    rowCount: body.rowCount,
    headers: (header.values[0] ?? []).map(text),
  }));
}

function isBlankCell(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** A header row has at least one non-blank text cell. */
function hasHeaderText(row: unknown[]): boolean {
  return row.some((v) => typeof v === "string" && v.trim() !== "");
}

/**
 * Finds the region to read for the selection: the current region
 * (`getSurroundingRegion`) of the top-left selected cell when the selection is
 * one row high, or the selection itself (cut to the sheet's used range) when it
 * spans two or more rows — the user then chose the rows explicitly.
 */
async function selectionRegion(ctx: Excel.RequestContext): Promise<IoResult<{ sheet: Excel.Worksheet; sheetName: string; rect: Rect }>> {
  const sel = ctx.workbook.getSelectedRange();
  sel.load("rowIndex,columnIndex,rowCount,columnCount");
  const ws = sel.worksheet;
  ws.load("name");
  try {
    await ctx.sync();
  } catch (e) {
    // A chart, a shape or several areas are selected.
    if (hasOfficeCode(e, "InvalidSelection")) return fail("empty selection", "the selection is not a single range of cells");
    throw e;
  }
  const sheet = ctx.workbook.worksheets.getItem(ws.name);
  if (sel.rowCount >= 2) {
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    await ctx.sync();
    const r = used.isNullObject
      ? null
      : intersect(
          { row: sel.rowIndex, col: sel.columnIndex, rowCount: sel.rowCount, colCount: sel.columnCount },
          { row: used.rowIndex, col: used.columnIndex, rowCount: used.rowCount, colCount: used.columnCount },
        );
    if (r === null) return fail("empty selection", "the selected cells are empty");
    return ok({ sheet, sheetName: ws.name, rect: r });
  }
  const region = sel.getCell(0, 0).getSurroundingRegion();
  region.load("rowIndex,columnIndex,rowCount,columnCount");
  await ctx.sync();
  return ok({
    sheet,
    sheetName: ws.name,
    rect: { row: region.rowIndex, col: region.columnIndex, rowCount: region.rowCount, colCount: region.columnCount },
  });
}

/**
 * Reads a table (by name) or the current region of the selection: header row
 * and data rows, values only, in row blocks under the 5 MB payload limit.
 *
 * Errors (as values): "table not found", "empty selection" (one empty cell,
 * nothing around it, or not a cell range), "no header row" (the first row
 * holds no text), "no data rows" (a header alone), "payload too large" (one
 * row over the limit), "cancelled".
 *
 * @example
 *   const r = await Excel.run((ctx) => readTable(ctx, { kind: "table", name: "Customers" }, { onProgress }));
 *   if (r.ok) { r.value.headerRow; r.value.rows[0]; r.value.firstDataRow; }
 */
export async function readTable(ctx: Excel.RequestContext, source: TableSource, opts: ReadOptions = {}): Promise<IoResult<TableData>> {
  let sheet: Excel.Worksheet;
  let sheetName: string;
  let rect: Rect; // header + data
  let tableName: string | undefined;
  if (source.kind === "table") {
    const table = ctx.workbook.tables.getItemOrNullObject(source.name);
    table.load("name,showHeaders");
    await ctx.sync();
    if (table.isNullObject) return fail("table not found", `no table named "${source.name}"`);
    if (!table.showHeaders) return fail("no header row", `table "${table.name}" hides its header row`);
    const ws = table.worksheet;
    ws.load("name");
    const head = table.getHeaderRowRange();
    head.load("rowIndex,columnIndex,columnCount");
    const body = table.getDataBodyRange();
    body.load("rowCount");
    await ctx.sync();
    tableName = table.name;
    sheetName = ws.name;
    sheet = ctx.workbook.worksheets.getItem(sheetName);
    rect = { row: head.rowIndex, col: head.columnIndex, rowCount: body.rowCount + 1, colCount: head.columnCount };
  } else {
    const region = await selectionRegion(ctx);
    if (!region.ok) return region;
    ({ sheet, sheetName, rect } = region.value);
  }

  const header = sheet.getRangeByIndexes(rect.row, rect.col, 1, rect.colCount);
  header.load("values");
  await ctx.sync();
  const headerRow = header.values[0] ?? [];
  const address = qualifiedA1(sheetName, rect.row, rect.col, rect.rowCount, rect.colCount);
  if (source.kind === "selection" && rect.rowCount === 1 && rect.colCount === 1 && isBlankCell(headerRow[0])) {
    return fail("empty selection", `${address} is empty and has no data around it`);
  }
  if (!hasHeaderText(headerRow)) return fail("no header row", `the first row of ${address} has no column labels`);
  if (rect.rowCount < 2) return fail("no data rows", `${address} has a header row but no data rows`);

  const dataRect = { row: rect.row + 1, col: rect.col, rowCount: rect.rowCount - 1, colCount: rect.colCount };
  const data = await readRowBlocks(ctx, sheet, sheetName, dataRect, { ...opts, property: "values" });
  if (!data.ok) return data;
  return ok({
    sheetName,
    tableName,
    address,
    headerRow,
    rows: data.value.rows,
    firstDataRow: dataRect.row,
    rowCount: dataRect.rowCount,
    firstColumn: dataRect.col,
    columnCount: dataRect.colCount,
    stats: data.value.stats,
  });
}
