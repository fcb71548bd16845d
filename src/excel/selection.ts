/**
 * Linking the pane and the sheet: which reviewed customer's row the user
 * selected, and selecting a customer's row from the pane.
 */
import { TableArea } from "./read-table";
import { parseA1 } from "./address";

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
  if (!Number.isInteger(dataRow) || dataRow < 0 || dataRow >= area.rowCount) throw new RangeError(`row ${dataRow} outside 0..${area.rowCount - 1}`);
  const sheet = ctx.workbook.worksheets.getItem(area.sheetName);
  sheet.activate();
  sheet.getRangeByIndexes(area.firstDataRow + dataRow, area.firstColumn, 1, area.columnCount).select();
  await ctx.sync();
}
