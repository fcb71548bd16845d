/** Office.js I/O of the task pane: reading tables, writing risk columns and the report sheet, workbook settings, selection sync. */
export * from "./errors";
export * from "./address";
export * from "./payload";
export * from "./blocks";
export * from "./settings";
export * from "./read-table";
export * from "./write-columns";
export * from "./report-sheet";
export * from "./selection";
