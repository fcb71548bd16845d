/**
 * The sample workbook the workbench opens first: its name, as-of date and
 * tables are defined with the synthetic data that fills it (the engine's
 * synthetic.ts, shared with `npm run sample`, which writes assets/sample/).
 */
export { SAMPLE_AS_OF, SAMPLE_CSV_FILES, SAMPLE_FILE_NAME, SAMPLE_HISTORY_SHEET, SAMPLE_TABLES } from "../../engine/synthetic";
