/** Office.js I/O of the task pane: reading tables, writing risk columns and the report sheet, workbook settings, selection sync, undo. */
export * from "./errors";
export * from "./address";
export * from "./payload";
export * from "./blocks";
export * from "./settings";
export * from "./read-table";
export * from "./write-columns";
export * from "./report-sheet";
export * from "./selection";
export { EXCEL_ERRORS, isErrorLiteral, encodeCell, cellInput, type CellCode } from "./cell-codec";
export * from "./fingerprint";
export * from "./store";
export { OWNED_BLOCKS_VERSION, MAX_OWNED_BLOCKS, MARKER_PREFIX, type OwnedBlock, type CellSample } from "./owned";
export * from "./undo";
export { recalculateAll } from "./calculate";
