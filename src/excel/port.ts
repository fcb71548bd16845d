/**
 * The task pane's one seam to the workbook: `WorkbookPort`.
 *
 * React components talk to Excel only through this interface. The real
 * implementation (`createExcelWorkbook`, in excel-workbook.ts beside it) calls src/excel
 * inside `Excel.run`; tests and the browser demo (`?mock=demo`) use an
 * in-memory port (src/taskpane/services/memory-workbook.ts). Conditions a user can cause come back as
 * `IoResult` values with a code the pane translates; anything else throws.
 */
import type { IoResult } from "./errors";
import type { TableArea, TableData, TableInfo, TableSource } from "./read-table";
import { sourceKeyHash, type BandFormat, type WritePlan, type WriteResult } from "./write-columns";
import type { ReportCheck, ReportModel, ReportResult } from "./report-sheet";
import type { LastWrite, RestoreResult } from "./undo";

export type { IoErrorCode, IoResult } from "./errors";
export type { TableArea, TableData, TableInfo, TableSource } from "./read-table";
export type { BandFormat, WritePlan, WriteResult } from "./write-columns";
export type { ReportCheck, ReportModel, ReportResult, ReportSection, ReportChart } from "./report-sheet";
export type { LastWrite, RestoreResult } from "./undo";

/** Progress and cancellation of a long read or write. */
export interface ProgressOptions {
  /** Rows done so far out of the total. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting stops between two blocks with the "cancelled" error. */
  signal?: AbortSignal;
}

/** The data area of a reviewed table: where its rows are, for write-back and selection sync. */
export interface DataArea extends TableArea {
  /** Excel table name when the data is a table. */
  tableName?: string;
  /** Sheet-qualified A1 address of header + data. */
  address: string;
  /**
   * Digest of the header row and first column as read (sourceKeyHash): the
   * write refuses ("table changed") when rows were inserted, deleted or
   * moved in the table since, instead of writing beside the wrong customers.
   */
  keyHash?: string;
}

/** One risk column to write next to the table. */
export interface WriteColumn {
  /** Header text written above the column. */
  header: string;
  /**
   * "values": every value is data; text starting with =, +, - or @ stays
   * text (the port's writer makes it so). "formulas": every string is an
   * Excel formula in en-US syntax (`=RISK.…`); other values are data.
   */
  mode: "values" | "formulas";
  /** One value (or formula text) per data row, in row order. */
  values: readonly unknown[];
  /**
   * Excel number format code of the column's data cells, language-neutral
   * (en-US codes such as "0.0", "0.00%", "#,##0"; Excel shows them with the
   * user's separators). The header is not formatted. Absent: the cells keep
   * their format (text columns).
   */
  numberFormat?: string;
}

/** What to write: columns placed right of the data area, one row per data row. */
export interface WriteRequest {
  area: DataArea;
  columns: readonly WriteColumn[];
  /** Index (within `columns`) of the band column, for conditional formatting. */
  bandColumn?: number;
  /** Fill and font colour per band text ("A"…"E"). */
  bandFormats?: Record<string, BandFormat>;
}

/** Everything the pane needs from the workbook. */
export interface WorkbookPort {
  /** Every Excel table of the workbook. */
  listTables(): Promise<TableInfo[]>;
  /** Header and data rows of a table or of the current region of the selection. */
  readTable(source: TableSource, opts?: ProgressOptions): Promise<IoResult<TableData>>;
  /** Checks the target cells of a write (right of the area); writes nothing. */
  planWrite(req: WriteRequest, opts?: ProgressOptions): Promise<IoResult<WritePlan>>;
  /**
   * Writes the planned columns in payload-safe blocks (one undo group where
   * the host supports it) and the band formats, after re-checking the target
   * in the same batch: "target changed" (the error's `cells` name them) when
   * a non-empty cell differs from the plan, "table changed" when the table
   * moved. Refuses with "overwrite not confirmed" when the plan found foreign
   * cells and `overwrite` is false. Keeps what it overwrites for
   * `restoreLastWrite`; writes sharing `undoGroup` are restored together.
   */
  writeColumns(
    plan: WritePlan,
    req: WriteRequest,
    opts: ProgressOptions & { overwrite: boolean; undoGroup?: string },
  ): Promise<IoResult<WriteResult>>;
  /** Checks the report sheet: created or replaced, and whether the user renamed or changed the add-in's sheet. */
  planReport(): Promise<IoResult<ReportCheck>>;
  /**
   * (Re)generates the "Risk report" sheet with native charts. A renamed or
   * changed report sheet needs `confirmed` = the token of the check the user
   * saw ("report changed" otherwise); then `ifChanged` says whether to keep
   * it and write a new sheet (default) or replace it (restorable).
   */
  writeReport(
    report: ReportModel,
    opts?: ProgressOptions & { confirmed?: string; ifChanged?: "newSheet" | "replace"; undoGroup?: string },
  ): Promise<IoResult<ReportResult>>;
  /** The last write that "Restore previous values" would undo, or null. */
  lastWrite(): Promise<LastWrite | null>;
  /** Puts back what the last write overwrote; refuses ("restore refused", cells named) if its cells changed since. */
  restoreLastWrite(opts?: ProgressOptions): Promise<IoResult<RestoreResult>>;
  /** A value stored in the workbook under the pane's `key`, or null. */
  loadSetting(key: string): Promise<unknown>;
  saveSetting(key: string, value: unknown): Promise<void>;
  /**
   * False when the settings stay behind when the workbook is shared (the workbench keeps them in the page:
   * its download does not carry them). Then the RISK formulas of a shared copy cannot see the workbook's
   * stored model, and the pane writes values instead. Default (absent): they travel with the file, as in Excel.
   */
  readonly settingsTravel?: boolean;
  /**
   * Recomputes every formula (after the model of the RISK formulas changed:
   * they are not volatile). Optional: a port without formulas leaves it out.
   */
  recalculate?(): Promise<void>;
  /**
   * Calls `listener` with the 0-based data row when the user selects a cell
   * inside `area` in the sheet. Returns a function that unsubscribes.
   */
  onSelectedRow(area: DataArea, listener: (row: number) => void): Promise<() => void>;
  /** Selects the data row `row` of `area` in the sheet. */
  selectRow(area: DataArea, row: number): Promise<void>;
  /**
   * Activates sheet `sheetName` and selects the cell at 0-based `row` and
   * `column` (the whole row when `column` is null): "Go to" a data problem.
   * "sheet not found" when the sheet was renamed or deleted.
   */
  selectCell(sheetName: string, row: number, column: number | null): Promise<IoResult<void>>;
}

/** The pane's setting key of a table's column mapping. */
export function mappingSettingKey(kind: "customers" | "ledger", id: string): string {
  return `mapping.${kind}.${id}`;
}

/** The data area of a table read by `readTable`. */
export function areaOf(data: TableData): DataArea {
  return {
    sheetName: data.sheetName,
    firstDataRow: data.firstDataRow,
    rowCount: data.rowCount,
    firstColumn: data.firstColumn,
    columnCount: data.columnCount,
    tableName: data.tableName,
    address: data.address,
    keyHash: sourceKeyHash(
      data.headerRow,
      data.rows.map((r) => r[0]),
    ),
  };
}
