/**
 * Linking the pane and the sheet: which reviewed customer's row the user
 * selected, selecting a customer's row from the pane, and going to the cell
 * (or row) of a data problem.
 */
import { TableArea } from "./read-table";
import { MAX_COLUMN, MAX_ROW, parseA1, qualifiedA1 } from "./address";
import { IoResult, fail, hasOfficeCode, ok } from "./errors";

/**
 * Data-row index (0-based within the table) of the top-left cell of a
 * selection address, or null when it lies outside the table's data rows or
 * columns (whole-column selections give null).
 * @example rowInArea("B5", { sheetName: "S", firstDataRow: 1, rowCount: 10, firstColumn: 0, columnCount: 3 }) === 3
 */
export function rowInArea(address: string, area: TableArea): number | null {
  const r = parseA1(address);
  if (r === null) return null;
  if (r.sheet !== undefined && r.sheet.toLocaleUpperCase() !== area.sheetName.toLocaleUpperCase()) return null;
  if (r.rowCount > area.rowCount) return null; // whole column or a taller block
  const i = r.row - area.firstDataRow;
  const inColumns = r.col >= area.firstColumn && r.col < area.firstColumn + area.columnCount;
  return i >= 0 && i < area.rowCount && inColumns ? i : null;
}

/** Runs a batch on a previous request context (the real one is Excel.run; tests pass their own). */
export type RunOnContext = (context: Excel.RequestContext, batch: (ctx: Excel.RequestContext) => Promise<void>) => Promise<void>;

const excelRun: RunOnContext = (context, batch) => Excel.run(context, batch);

/**
 * Calls `handler` with the data-row index (or null) each time the user
 * changes the selection on the table's sheet (`worksheet.onSelectionChanged`,
 * ExcelApi 1.7). Pass a `columnCount` covering the written risk columns too
 * if selecting them should count. Returns a function that removes the
 * handler (it runs on the registering context, as Office requires).
 *
 * @example
 *   const stop = await onSelectedRow(ctx, table, (i) => setSelected(i));
 *   ...
 *   await stop();
 */
export async function onSelectedRow(
  ctx: Excel.RequestContext,
  area: TableArea,
  handler: (dataRow: number | null) => void,
  run: RunOnContext = excelRun,
): Promise<() => Promise<void>> {
  const sheet = ctx.workbook.worksheets.getItem(area.sheetName);
  const registration = sheet.onSelectionChanged.add(async (e: Excel.WorksheetSelectionChangedEventArgs) => {
    handler(rowInArea(e.address, area));
  });
  await ctx.sync();
  let removed = false;
  return async () => {
    if (removed) return;
    removed = true;
    await run(registration.context as Excel.RequestContext, async (c) => {
      registration.remove();
      await c.sync();
    });
  };
}

/**
 * Activates the table's sheet and selects data row `dataRow` (0-based within
 * the table) across the table's columns, so the sheet follows the pane.
 * Throws RangeError for a row outside the table.
 */
export async function selectRow(ctx: Excel.RequestContext, area: TableArea, dataRow: number): Promise<void> {
  if (!Number.isInteger(dataRow) || dataRow < 0 || dataRow >= area.rowCount)
    throw new RangeError(`row ${dataRow} outside 0..${area.rowCount - 1}`);
  const sheet = ctx.workbook.worksheets.getItem(area.sheetName);
  sheet.activate();
  sheet.getRangeByIndexes(area.firstDataRow + dataRow, area.firstColumn, 1, area.columnCount).select();
  await ctx.sync();
}

/**
 * Activates sheet `sheetName` and selects one cell (0-based `row` and
 * `column`), or the whole sheet row when `column` is null: the pane's
 * "Go to" of a data problem. A sheet that was renamed or deleted since the
 * review gives "sheet not found" (one sync either way). Throws RangeError
 * for an index outside the sheet.
 * @example await selectCell(ctx, "Customers", 17, 2) // selects Customers!C18
 */
export async function selectCell(
  ctx: Excel.RequestContext,
  sheetName: string,
  row: number,
  column: number | null,
): Promise<IoResult<void>> {
  if (!Number.isInteger(row) || row < 0 || row > MAX_ROW) throw new RangeError(`row ${row} outside 0..${MAX_ROW}`);
  if (column !== null && (!Number.isInteger(column) || column < 0 || column > MAX_COLUMN))
    throw new RangeError(`column ${column} outside 0..${MAX_COLUMN}`);
  const sheet = ctx.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  (column === null ? sheet.getRange(`${row + 1}:${row + 1}`) : sheet.getRangeByIndexes(row, column, 1, 1)).select();
  try {
    await ctx.sync();
  } catch (e) {
    if (hasOfficeCode(e, "ItemNotFound")) {
      const where = column === null ? `row ${row + 1}` : qualifiedA1(sheetName, row, column, 1, 1);
      return fail("sheet not found", `no worksheet named "${sheetName}" to select ${where} on`);
    }
    throw e;
  }
  return ok(undefined);
}
