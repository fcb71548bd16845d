/**
 * The "Risk report" sheet: (re)generated from a plain ReportModel the pane
 * builds (titles, versions, summary tables, chart specs), so that a shared
 * workbook carries the review without the add-in.
 *
 * The sheet is replaced (cleared, charts deleted) only when it is the one the
 * add-in created, identified by worksheet id in SETTING_KEYS.reportSheet. A
 * user's sheet that happens to carry the name is never touched: the report
 * goes to "Risk report (2)", "(3)"… instead.
 */
import { IoResult, fail, ok } from "./errors";
import { cellA1, qualifiedA1 } from "./address";
import { Progress, writeRowBlocks } from "./blocks";
import { SETTING_KEYS, decodeSetting, queueSetSetting } from "./settings";
import { toExcelCell } from "./write-columns";

/** A native Excel chart beside a section. Column indexes are 0-based within the section's header. */
export interface ReportChart {
  type: "column" | "pie" | "bar";
  title: string;
  categoriesColumn: number;
  valueColumns: number[];
}

export interface ReportSection {
  title: string;
  header: string[];
  rows: (string | number)[][];
  /** Number format per column (e.g. "#,##0", "0.0%"); null/undefined leaves General. */
  formats?: (string | null | undefined)[];
  chart?: ReportChart;
}

export interface ReportModel {
  title: string;
  /** As-of date as the user should read it, e.g. "2026-10-31". */
  asOf: string;
  modelVersion: string;
  policyVersion: string;
  sections: ReportSection[];
  /** Labels of the three meta rows (default English: "As of", "Model version", "Policy version"). */
  labels?: { asOf?: string; modelVersion?: string; policyVersion?: string };
  /** Base sheet name (default "Risk report"; at most 31 characters, no []:*?/\). */
  sheetName?: string;
}

export interface ReportOptions {
  onProgress?: Progress;
  signal?: AbortSignal;
  /** Activate the report sheet at the end (default true). */
  activate?: boolean;
  /** Target bytes per request (default 3.5 MB). */
  targetBytes?: number;
}

export interface ReportResult {
  sheetName: string;
  sheetId: string;
  /** True when the add-in's previous report sheet was cleared and reused; false when a sheet was created. */
  replaced: boolean;
  /** Sheet-qualified address of each section (title row to last data row). */
  sections: string[];
  charts: number;
}

/** Settings version of the report-sheet record. */
export const REPORT_SHEET_VERSION = 1;
export const DEFAULT_REPORT_SHEET = "Risk report";
/** Rows and columns a chart occupies at least. */
export const CHART_ROWS = 15;
export const CHART_COLUMNS = 8;
/** Rows the section list starts at (title, three meta rows, a blank row). */
const FIRST_SECTION_ROW = 5;

const CHART_TYPES = { column: "ColumnClustered", pie: "Pie", bar: "BarClustered" } as const;

interface ReportRecord {
  sheetId: string;
  name: string;
}

/** Excel compares sheet names case-insensitively. */
function sameName(a: string, b: string): boolean {
  return a.toLocaleUpperCase() === b.toLocaleUpperCase();
}

/**
 * First of `base`, `base (2)`, `base (3)`… not used by any sheet, cut to
 * Excel's 31 characters.
 * @example freeSheetName("Risk report", ["Risk report"]) === "Risk report (2)"
 */
export function freeSheetName(base: string, taken: readonly string[]): string {
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? "" : ` (${i})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!taken.some((t) => sameName(t, name))) return name;
  }
}

function checkModel(model: ReportModel): void {
  const base = model.sheetName ?? DEFAULT_REPORT_SHEET;
  if (base === "" || base.length > 31 || /[[\]:*?/\\]/.test(base)) throw new RangeError(`invalid sheet name: ${base}`);
  for (const s of model.sections) {
    if (s.header.length === 0) throw new RangeError(`section "${s.title}" has no columns`);
    s.rows.forEach((r, i) => {
      if (r.length !== s.header.length) throw new RangeError(`section "${s.title}" row ${i} has ${r.length} cells, expected ${s.header.length}`);
    });
    const c = s.chart;
    if (c && [c.categoriesColumn, ...c.valueColumns].some((j) => !Number.isInteger(j) || j < 0 || j >= s.header.length)) {
      throw new RangeError(`chart of section "${s.title}" refers to a column outside its header`);
    }
  }
}

/**
 * Finds or creates the report sheet: the recorded add-in sheet (cleared, its
 * charts deleted) when it still exists, else a new sheet under the first free
 * name. Records the sheet in settings.
 */
async function prepareSheet(ctx: Excel.RequestContext, base: string): Promise<{ sheet: Excel.Worksheet; name: string; id: string; replaced: boolean }> {
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/name,items/id");
  const setting = ctx.workbook.settings.getItemOrNullObject(SETTING_KEYS.reportSheet);
  setting.load("value");
  await ctx.sync();
  const stored = setting.isNullObject ? null : decodeSetting(setting.value);
  const record = stored !== null && stored.version === REPORT_SHEET_VERSION ? (stored.value as ReportRecord) : null;
  const mine = record ? sheets.items.find((s) => s.id === record.sheetId) : undefined;
  if (mine) {
    mine.getRange().clear("All");
    mine.charts.load("items/name");
    await ctx.sync();
    mine.charts.items.forEach((c) => c.delete());
    queueSetSetting(ctx, SETTING_KEYS.reportSheet, { sheetId: mine.id, name: mine.name } satisfies ReportRecord, REPORT_SHEET_VERSION);
    await ctx.sync();
    return { sheet: mine, name: mine.name, id: mine.id, replaced: true };
  }
  const name = freeSheetName(base, sheets.items.map((s) => s.name));
  const sheet = sheets.add(name);
  sheet.load("id,name");
  await ctx.sync();
  queueSetSetting(ctx, SETTING_KEYS.reportSheet, { sheetId: sheet.id, name: sheet.name } satisfies ReportRecord, REPORT_SHEET_VERSION);
  await ctx.sync();
  return { sheet, name: sheet.name, id: sheet.id, replaced: false };
}

/**
 * (Re)generates the risk report sheet: title and meta rows, then each section
 * (bold title, bold header, rows, number formats) one under another, with a
 * native chart beside the section when asked. Cell text goes through
 * `injectionSafe`. Rows are written in payload-safe blocks.
 *
 * Errors: "cancelled", "payload too large". Malformed models throw RangeError.
 * @example await runWrite((ctx) => writeReport(ctx, model));
 */
export async function writeReport(ctx: Excel.RequestContext, model: ReportModel, opts: ReportOptions = {}): Promise<IoResult<ReportResult>> {
  checkModel(model);
  const { sheet, name, id, replaced } = await prepareSheet(ctx, model.sheetName ?? DEFAULT_REPORT_SHEET);
  const labels = { asOf: "As of", modelVersion: "Model version", policyVersion: "Policy version", ...model.labels };

  const title = sheet.getRangeByIndexes(0, 0, 1, 1);
  title.values = [[toExcelCell(model.title, "values")]];
  title.format.font.bold = true;
  title.format.font.size = 14;
  const meta = sheet.getRangeByIndexes(1, 0, 3, 2);
  meta.values = [
    [labels.asOf, model.asOf],
    [labels.modelVersion, model.modelVersion],
    [labels.policyVersion, model.policyVersion],
  ].map((r) => r.map((v) => toExcelCell(v, "values")));
  sheet.getRangeByIndexes(1, 0, 3, 1).format.font.bold = true;
  await ctx.sync();

  const totalRows = model.sections.reduce((n, s) => n + s.rows.length, 0);
  let rowsDone = 0;
  const addresses: string[] = [];
  let charts = 0;
  let row = FIRST_SECTION_ROW;
  for (const s of model.sections) {
    if (opts.signal?.aborted) return fail("cancelled", `report cancelled before section "${s.title}"`);
    const cols = s.header.length;
    const t = sheet.getRangeByIndexes(row, 0, 1, 1);
    t.values = [[toExcelCell(s.title, "values")]];
    t.format.font.bold = true;
    const h = sheet.getRangeByIndexes(row + 1, 0, 1, cols);
    h.values = [s.header.map((v) => toExcelCell(v, "values"))];
    h.format.font.bold = true;
    await ctx.sync();
    const dataRow = row + 2;
    const base = rowsDone;
    const at = { row: dataRow, col: 0, colCount: cols };
    const w = await writeRowBlocks(ctx, sheet, name, at, s.rows.length, (i) => s.rows[i].map((v) => toExcelCell(v, "values")), {
      property: "values",
      signal: opts.signal,
      targetBytes: opts.targetBytes,
      onProgress: (d) => opts.onProgress?.(base + d, totalRows),
    });
    if (!w.ok) return w;
    rowsDone += s.rows.length;
    const formats = s.formats;
    if (formats && formats.some((f) => f) && s.rows.length > 0) {
      const fr = Array.from({ length: cols }, (_, j) => formats[j] ?? null);
      // not cancellable: a section whose rows are written is completed (formats, chart)
      const f = await writeRowBlocks(ctx, sheet, name, at, s.rows.length, () => fr, { property: "numberFormat", targetBytes: opts.targetBytes });
      if (!f.ok) return f;
    }
    let end = dataRow + s.rows.length; // first row after the data
    if (s.chart && s.rows.length > 0) {
      const c = s.chart;
      const categories = sheet.getRangeByIndexes(dataRow, c.categoriesColumn, s.rows.length, 1);
      const [first, ...more] = c.valueColumns;
      const chart = sheet.charts.add(CHART_TYPES[c.type], sheet.getRangeByIndexes(dataRow, first, s.rows.length, 1), "Columns");
      chart.title.text = c.title; // chart titles and series names are plain text, never parsed as formulas
      const s0 = chart.series.getItemAt(0);
      s0.name = s.header[first];
      s0.setXAxisValues(categories);
      for (const j of more) {
        const sj = chart.series.add(s.header[j]);
        sj.setValues(sheet.getRangeByIndexes(dataRow, j, s.rows.length, 1));
        sj.setXAxisValues(categories);
      }
      const left = cols + 1;
      chart.setPosition(cellA1(row, left), cellA1(row + CHART_ROWS - 1, left + CHART_COLUMNS - 1));
      await ctx.sync();
      charts++;
      end = Math.max(end, row + CHART_ROWS);
    }
    addresses.push(qualifiedA1(name, row, 0, dataRow + s.rows.length - row, cols));
    row = end + 2;
  }
  sheet.getRangeByIndexes(0, 0, Math.max(row, FIRST_SECTION_ROW), 2 + Math.max(1, ...model.sections.map((s) => s.header.length))).format.autofitColumns();
  if (opts.activate ?? true) sheet.activate();
  await ctx.sync();
  return ok({ sheetName: name, sheetId: id, replaced, sections: addresses, charts });
}
