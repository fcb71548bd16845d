/**
 * The real WorkbookPort: every call runs src/excel inside `Excel.run` (writes
 * and restores through `runWrite`, one undo step where the host supports it;
 * each write re-checks its target inside its own batch). This is the only
 * task-pane file that touches the `Excel` global.
 */
import {
  SETTINGS_PREFIX,
  WriteCell,
  formula,
  getSetting,
  lastWrite,
  listTables,
  onSelectedRow,
  planReport,
  planWrite,
  readTable,
  recalculateAll,
  restoreLastWrite,
  runWrite,
  selectCell,
  selectRow,
  setSetting,
  targetBeside,
  writeColumns,
  writeReport,
} from "./index";
import type { WorkbookPort, WriteRequest } from "./port";

/** Version of the pane's values in workbook settings. */
export const PANE_SETTING_VERSION = 1;

/** Rows of cells to hand to src/excel's writeColumns, built from the request's columns. */
export function rowsOf(req: WriteRequest, rowCount: number): WriteCell[][] {
  const rows: WriteCell[][] = new Array(rowCount);
  const cols = req.columns;
  for (let i = 0; i < rowCount; i++) {
    const row: WriteCell[] = new Array(cols.length);
    for (let j = 0; j < cols.length; j++) {
      const v = cols[j].values[i];
      if (cols[j].mode === "formulas" && typeof v === "string" && v.startsWith("=")) row[j] = formula(v);
      else row[j] = v === undefined ? null : (v as WriteCell);
    }
    rows[i] = row;
  }
  return rows;
}

/** The WorkbookPort of a live Excel host. */
export function createExcelWorkbook(): WorkbookPort {
  return {
    listTables: () => Excel.run((ctx) => listTables(ctx)),
    readTable: (source, opts) => Excel.run((ctx) => readTable(ctx, source, opts)),
    planWrite: (req, opts) => Excel.run((ctx) => planWrite(ctx, targetBeside(req.area, req.columns.length), opts)),
    writeColumns: (plan, req, opts) => {
      const mode = req.columns.some((c) => c.mode === "formulas") ? "formulas" : "values";
      const header = req.columns.map((c) => c.header);
      const rows = rowsOf(req, plan.target.rowCount);
      return runWrite((ctx) =>
        writeColumns(ctx, plan, header, rows, {
          mode,
          overwrite: opts.overwrite,
          onProgress: opts.onProgress,
          signal: opts.signal,
          bandColumn: req.bandColumn,
          bandFormats: req.bandFormats,
          numberFormats: req.columns.map((c) => c.numberFormat ?? null),
          undoGroup: opts.undoGroup,
        }),
      );
    },
    planReport: () => Excel.run((ctx) => planReport(ctx)),
    writeReport: (model, opts) => runWrite((ctx) => writeReport(ctx, model, opts)),
    lastWrite: () => Excel.run((ctx) => lastWrite(ctx)),
    restoreLastWrite: (opts) => runWrite((ctx) => restoreLastWrite(ctx, { onProgress: opts?.onProgress })),
    loadSetting: (key) => Excel.run((ctx) => getSetting<unknown>(ctx, SETTINGS_PREFIX + key, PANE_SETTING_VERSION)),
    saveSetting: (key, value) => Excel.run((ctx) => setSetting(ctx, SETTINGS_PREFIX + key, value, PANE_SETTING_VERSION)),
    recalculate: () => Excel.run((ctx) => recalculateAll(ctx)),
    onSelectedRow: async (area, listener) => {
      let stop: (() => Promise<void>) | null = null;
      await Excel.run(async (ctx) => {
        stop = await onSelectedRow(ctx, area, (row) => {
          if (row !== null) listener(row);
        });
      });
      return () => {
        const s = stop as (() => Promise<void>) | null;
        stop = null;
        if (s) s().catch(() => undefined);
      };
    },
    selectRow: (area, row) => Excel.run((ctx) => selectRow(ctx, area, row)),
    selectCell: (sheetName, row, column) => Excel.run((ctx) => selectCell(ctx, sheetName, row, column)),
  };
}
