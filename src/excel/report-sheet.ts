/**
 * The "Risk report" sheet: (re)generated from a plain ReportModel the pane
 * builds (titles, versions, summary tables, chart specs), so that a shared
 * workbook carries the review without the add-in.
 *
 * The add-in's sheet is identified by worksheet id in SETTING_KEYS.reportSheet
 * (v2, with the fingerprint of what it wrote there and its chart count). A
 * user's sheet that happens to carry the name is never touched: the report
 * goes to "Risk report (2)", "(3)"… instead. The add-in's own sheet is
 * cleared and rewritten without asking only while it is exactly as the
 * add-in left it: when the user renamed it or changed it (cells, charts),
 * `planReport` says so (which cells) and `writeReport` refuses ("report
 * changed") unless the caller confirms that very state (`confirmed` = the
 * check's token, re-checked in the same batch that writes). Confirmed, the
 * report either goes to a new sheet and the changed one is left to the user
 * (`ifChanged: "newSheet"`, the default), or replaces it after keeping its
 * cells for "Restore previous values" (`"replace"`, undo.ts).
 */
import { IoResult, fail, ok } from "./errors";
import { Rect, cellA1, intersect, qualifiedA1 } from "./address";
import { Progress, readRowBlocks, readRowBlocksOf, writeRowBlocks } from "./blocks";
import { SETTING_KEYS, decodeSetting, queueSetSetting } from "./settings";
import { toExcelCell } from "./write-columns";
import { encodeCell, isErrorLiteral } from "./cell-codec";
import { cellHash, changedCells, digest, loadFingerprint, storeFingerprint } from "./fingerprint";
import { StoreOptions, loadJson, saveJson } from "./store";
import { Grid, MAX_SAMPLE, boundingBox, gridFingerprint } from "./owned";
import { Backup, UNDO_VERSION, UndoRecord, backupCells, collectGarbage, runs, undoRecordOf } from "./undo";

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
  /** The token of the ReportCheck the user confirmed (needed when the add-in's sheet was renamed or changed). */
  confirmed?: string;
  /** What to do with a changed sheet once confirmed: write a new sheet and leave it (default), or replace it (kept for undo). */
  ifChanged?: "newSheet" | "replace";
  /** Joins the undo record of the write with the same group (the risk columns of the same action). */
  undoGroup?: string;
  /** Clock of the records (default: now). */
  now?: () => Date;
  store?: StoreOptions;
}

export interface ReportResult {
  sheetName: string;
  sheetId: string;
  /** True when the add-in's previous report sheet was cleared and reused; false when a sheet was created. */
  replaced: boolean;
  /** Sheet-qualified address of each section (title row to last data row). */
  sections: string[];
  charts: number;
  /** The changed sheet the report replaced (its cells can be restored), or that was left to the user ("newSheet"). */
  changedSheet?: { name: string; kept: boolean };
}

/** What planReport found about the add-in's report sheet. */
export interface ReportCheck {
  /** "create": the report goes to a new sheet; "replace": the add-in's sheet is cleared and rewritten. */
  action: "create" | "replace";
  /** The add-in's sheet as named now ("replace"), or the new sheet's name ("create"). */
  sheetName: string;
  /** The name a new sheet would get if the user keeps a changed sheet. */
  newSheetName: string;
  /** The name the add-in gave its sheet, when the user renamed it since; else null. */
  renamedFrom: string | null;
  /**
   * Changes since the add-in wrote the sheet, or null when it is exactly as
   * written: cells (count, sheet-qualified sample), charts added or deleted,
   * or `unverifiable` (written by an earlier version, without fingerprint).
   */
  edited: { count: number; cells: string[]; charts: boolean; unverifiable: boolean } | null;
  /** Digest of the sheet as checked (name, cells, charts): writeReport replaces a changed sheet only in exactly this state. */
  token: string;
}

/** Settings version of the report-sheet record (v1: id and name only). */
export const REPORT_SHEET_VERSION = 2;
export const DEFAULT_REPORT_SHEET = "Risk report";
/** Rows and columns a chart occupies at least. */
export const CHART_ROWS = 15;
export const CHART_COLUMNS = 8;
/** Rows the section list starts at (title, three meta rows, a blank row). */
const FIRST_SECTION_ROW = 5;

const CHART_TYPES = { column: "ColumnClustered", pie: "Pie", bar: "BarClustered" } as const;

/** The report-sheet record (SETTING_KEYS.reportSheet). */
export interface ReportRecord {
  sheetId: string;
  /** The name the add-in gave the sheet. */
  name: string;
  /** Used range (values) right after the write, and the fingerprint of its formulas (custom XML parts). */
  rect: Rect | null;
  fingerprint: string[];
  charts: number;
  writtenAt: string;
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
      if (r.length !== s.header.length)
        throw new RangeError(`section "${s.title}" row ${i} has ${r.length} cells, expected ${s.header.length}`);
    });
    const c = s.chart;
    if (c && [c.categoriesColumn, ...c.valueColumns].some((j) => !Number.isInteger(j) || j < 0 || j >= s.header.length)) {
      throw new RangeError(`chart of section "${s.title}" refers to a column outside its header`);
    }
  }
}

/** The report-sheet record as stored: v2, or a v1 `{ sheetId, name }` (no fingerprint), or null. */
function reportRecordOf(stored: unknown): (Partial<ReportRecord> & { sheetId: string; name: string; v: number }) | null {
  const d = decodeSetting(stored);
  if (d === null || (d.version !== 1 && d.version !== REPORT_SHEET_VERSION) || d.value === null || typeof d.value !== "object") return null;
  const r = d.value as Partial<ReportRecord>;
  return typeof r.sheetId === "string" && typeof r.name === "string" ? { ...r, sheetId: r.sheetId, name: r.name, v: d.version } : null;
}

/** What inspect found: the check, and what writing needs. */
interface Inspection {
  check: ReportCheck;
  /** The add-in's sheet (action "replace"). */
  mine: Excel.Worksheet | null;
  mineId: string | null;
  /** The stored record's raw value (for undo), or null. */
  recordSetting: unknown;
  needsConfirmation: boolean;
  taken: string[];
}

/**
 * Finds the add-in's report sheet by id and compares it with what the
 * add-in left there: its name, every used cell (fingerprint of the recorded
 * block, and nothing outside it), its number of charts.
 */
async function inspect(
  ctx: Excel.RequestContext,
  base: string,
  opts: { targetBytes?: number; store?: StoreOptions },
): Promise<IoResult<Inspection>> {
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/name,items/id");
  const setting = ctx.workbook.settings.getItemOrNullObject(SETTING_KEYS.reportSheet);
  setting.load("value");
  await ctx.sync();
  const recordSetting = setting.isNullObject ? null : setting.value;
  const record = reportRecordOf(recordSetting);
  const taken = sheets.items.map((s) => s.name);
  const newSheetName = freeSheetName(base, taken);
  const mine = record ? sheets.items.find((s) => s.id === record.sheetId) : undefined;
  if (!record || !mine) {
    return ok({
      check: { action: "create", sheetName: newSheetName, newSheetName, renamedFrom: null, edited: null, token: "" },
      mine: null,
      mineId: null,
      recordSetting,
      needsConfirmation: false,
      taken,
    });
  }
  const used = mine.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  mine.charts.load("items/name");
  await ctx.sync();
  const usedRect = used.isNullObject
    ? null
    : { row: used.rowIndex, col: used.columnIndex, rowCount: used.rowCount, colCount: used.columnCount };
  const charts = mine.charts.items.length;
  const recorded = record.v === REPORT_SHEET_VERSION && record.rect !== undefined ? record.rect : undefined;
  const readRect = usedRect ? (recorded ? intersect(boundingBox([recorded, usedRect]), usedRect) : usedRect) : null;
  let grid = new Grid(null);
  if (readRect) {
    const r = await readRowBlocks(ctx, mine, mine.name, readRect, { property: "formulas", targetBytes: opts.targetBytes });
    if (!r.ok) return r;
    grid = new Grid(readRect, r.value.rows);
  }
  // Token: everything checked, in a fixed order.
  const hashes: number[] = [cellHash(mine.name), charts];
  if (readRect) {
    hashes.push(readRect.row, readRect.col, readRect.rowCount, readRect.colCount);
    for (const row of grid.formulas) for (const v of row) hashes.push(cellHash(v));
  }
  const token = digest(hashes);

  let edited: ReportCheck["edited"] = null;
  if (recorded === undefined) edited = { count: 0, cells: [], charts: false, unverifiable: true };
  else {
    const fp = recorded ? loadFingerprint(await loadJson(ctx, record.fingerprint ?? [], opts.store)) : null;
    const cells: string[] = [];
    let count = 0;
    const note = (row: number, col: number) => {
      count++;
      if (cells.length < MAX_SAMPLE) cells.push(qualifiedA1(mine.name, row, col, 1, 1));
    };
    const inside = (row: number, col: number) =>
      recorded !== null &&
      row >= recorded.row &&
      col >= recorded.col &&
      row < recorded.row + recorded.rowCount &&
      col < recorded.col + recorded.colCount;
    let unverifiable = false;
    let cmp: ReturnType<typeof changedCells> | null = null;
    if (recorded) {
      if (fp && fp.rows === recorded.rowCount && fp.cols === recorded.colCount)
        cmp = changedCells(fp, gridFingerprint(grid, recorded, fp.chunkRows));
      else unverifiable = true;
    }
    const scan = readRect ?? (recorded ? recorded : null);
    if (scan) {
      for (let row = scan.row; row < scan.row + scan.rowCount; row++) {
        for (let col = scan.col; col < scan.col + scan.colCount; col++) {
          if (inside(row, col)) {
            if (cmp && cmp.changed(row - (recorded as Rect).row, col - (recorded as Rect).col)) note(row, col);
          } else if (cellHash(grid.formula(row, col)) !== 0) note(row, col);
        }
      }
    }
    const chartsChanged = charts !== (record.charts ?? charts);
    if (count > 0 || chartsChanged || unverifiable) edited = { count, cells, charts: chartsChanged, unverifiable };
  }
  const renamedFrom = mine.name !== record.name ? record.name : null;
  return ok({
    check: { action: "replace", sheetName: mine.name, newSheetName, renamedFrom, edited, token },
    mine,
    mineId: mine.id,
    recordSetting,
    needsConfirmation: renamedFrom !== null || edited !== null,
    taken,
  });
}

/**
 * Checks the report sheet before a write: whether the report would replace
 * the add-in's sheet or create one, and whether the user renamed or changed
 * the add-in's sheet since it was written (then the write needs a
 * confirmation naming that). Writes nothing.
 */
export async function planReport(
  ctx: Excel.RequestContext,
  opts: { sheetName?: string; targetBytes?: number; store?: StoreOptions } = {},
): Promise<IoResult<ReportCheck>> {
  const i = await inspect(ctx, opts.sheetName ?? DEFAULT_REPORT_SHEET, opts);
  return i.ok ? ok(i.value.check) : i;
}

/**
 * Finds or creates the report sheet after the same check as planReport (in
 * this batch, before anything is written): the add-in's sheet (cleared, its
 * charts deleted) when it is unchanged or the user confirmed replacing it
 * (its cells kept for undo first), else a new sheet under the first free
 * name. Records the sheet in settings.
 */
async function prepareSheet(
  ctx: Excel.RequestContext,
  base: string,
  opts: ReportOptions,
): Promise<
  IoResult<{
    sheet: Excel.Worksheet;
    name: string;
    id: string;
    replaced: boolean;
    recordSetting: unknown;
    changedSheet?: { name: string; kept: boolean };
    backup?: { rect: Rect; parts: string[] };
  }>
> {
  const inspected = await inspect(ctx, base, opts);
  if (!inspected.ok) return inspected;
  const { check, mine, recordSetting, needsConfirmation } = inspected.value;
  if (needsConfirmation && opts.confirmed !== check.token) {
    const e = check.edited;
    const what = [
      check.renamedFrom !== null ? `renamed from "${check.renamedFrom}" to "${check.sheetName}"` : "",
      e && e.count > 0 ? `${e.count} cells changed, e.g. ${e.cells.join(", ")}` : "",
      e?.charts ? "charts added or deleted" : "",
      e?.unverifiable ? "cannot be checked" : "",
    ].filter((x) => x !== "");
    return fail(
      "report changed",
      `the report sheet "${check.sheetName}" was ${what.join("; ")} since CreditSentinel wrote it${opts.confirmed !== undefined ? " (or since it was checked)" : ""}`,
      { count: e?.count ?? 0, cells: e?.cells ?? [] },
    );
  }
  if (mine && !(needsConfirmation && (opts.ifChanged ?? "newSheet") === "newSheet")) {
    let backup: { rect: Rect; parts: string[] } | undefined;
    if (needsConfirmation) {
      // Keep the changed sheet's cells (values, formulas, number formats) before clearing it.
      const used = mine.getUsedRangeOrNullObject(false);
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      await ctx.sync();
      if (!used.isNullObject) {
        const rect = { row: used.rowIndex, col: used.columnIndex, rowCount: used.rowCount, colCount: used.columnCount };
        const r = await readRowBlocksOf(ctx, mine, mine.name, rect, ["formulas", "values", "numberFormat"], {
          targetBytes: opts.targetBytes,
        });
        if (!r.ok) return r;
        const grid = new Grid(rect, r.value.data.formulas, r.value.data.values);
        const suspects: [number, number, Excel.Range][] = [];
        for (let i = 0; i < rect.rowCount; i++) {
          for (let j = 0; j < rect.colCount; j++) {
            if (
              isErrorLiteral(grid.value(rect.row + i, rect.col + j)) &&
              grid.formula(rect.row + i, rect.col + j) === grid.value(rect.row + i, rect.col + j)
            ) {
              const c = mine.getRangeByIndexes(rect.row + i, rect.col + j, 1, 1);
              c.load("valueTypes");
              suspects.push([rect.row + i, rect.col + j, c]);
            }
          }
        }
        if (suspects.length > 0) await ctx.sync();
        const types = new Map(suspects.map(([row, col, c]) => [`${row}:${col}`, String(c.valueTypes[0]?.[0] ?? "")]));
        const fmts = r.value.data.numberFormat;
        const b: Backup = {
          rows: rect.rowCount,
          cols: rect.colCount,
          cells: backupCells(rect, (row, col) => encodeCell(grid.formula(row, col), grid.value(row, col), types.get(`${row}:${col}`))),
          formats: Array.from({ length: rect.colCount }, (_, j): [number, [string, number][]] => [
            j,
            runs(fmts.map((row) => row[j])),
          ]).filter(([, rr]) => !(rr.length === 1 && rr[0][0] === "General")),
        };
        backup = { rect, parts: await saveJson(ctx, `undo.report.${mine.id}`, b, opts.store) };
      }
    }
    mine.getRange().clear("All");
    mine.charts.load("items/name");
    await ctx.sync();
    mine.charts.items.forEach((c) => c.delete());
    await ctx.sync();
    return ok({
      sheet: mine,
      name: mine.name,
      id: mine.id,
      replaced: true,
      recordSetting,
      backup,
      ...(needsConfirmation ? { changedSheet: { name: mine.name, kept: false } } : {}),
    });
  }
  const name = check.newSheetName;
  const sheet = ctx.workbook.worksheets.add(name);
  sheet.load("id,name");
  await ctx.sync();
  return ok({
    sheet,
    name: sheet.name,
    id: sheet.id,
    replaced: false,
    recordSetting,
    ...(mine && needsConfirmation ? { changedSheet: { name: mine.name, kept: true } } : {}),
  });
}

/**
 * Records the report just written: fingerprint of its used range (read back),
 * chart count; and, when a changed sheet was replaced, the undo region that
 * puts its cells back.
 */
async function recordReport(
  ctx: Excel.RequestContext,
  sheet: Excel.Worksheet,
  name: string,
  id: string,
  prep: { recordSetting: unknown; backup?: { rect: Rect; parts: string[] } },
  opts: ReportOptions,
): Promise<IoResult<void>> {
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  sheet.charts.load("items/name");
  const undoSetting = ctx.workbook.settings.getItemOrNullObject(SETTING_KEYS.undo);
  undoSetting.load("value");
  await ctx.sync();
  const rect = used.isNullObject
    ? null
    : { row: used.rowIndex, col: used.columnIndex, rowCount: used.rowCount, colCount: used.columnCount };
  let fingerprint: string[] = [];
  if (rect) {
    const r = await readRowBlocks(ctx, sheet, name, rect, { property: "formulas", targetBytes: opts.targetBytes });
    if (!r.ok) return r;
    const grid = new Grid(rect, r.value.rows);
    fingerprint = await saveJson(ctx, `report.${id}`, storeFingerprint(gridFingerprint(grid, rect)), opts.store);
  }
  const now = (opts.now ? opts.now() : new Date()).toISOString();
  const record: ReportRecord = { sheetId: id, name, rect, fingerprint, charts: sheet.charts.items.length, writtenAt: now };
  queueSetSetting(ctx, SETTING_KEYS.reportSheet, record, REPORT_SHEET_VERSION);
  if (prep.backup) {
    const region = {
      kind: "sheet" as const,
      sheetId: id,
      sheetName: name,
      rect: prep.backup.rect,
      backup: prep.backup.parts,
      afterRect: rect ?? { row: 0, col: 0, rowCount: 1, colCount: 1 },
      after: fingerprint,
    };
    const prev = undoSetting.isNullObject ? null : undoRecordOf(undoSetting.value);
    const rec: UndoRecord =
      prev && opts.undoGroup !== undefined && prev.group === opts.undoGroup
        ? { ...prev, regions: [...prev.regions, region], reportBefore: prep.recordSetting }
        : {
            id: `r${Date.parse(now) || 0}`,
            writtenAt: now,
            regions: [region],
            created: [],
            replaced: [],
            reportBefore: prep.recordSetting,
            ...(opts.undoGroup !== undefined ? { group: opts.undoGroup } : {}),
          };
    queueSetSetting(ctx, SETTING_KEYS.undo, rec, UNDO_VERSION);
  }
  await collectGarbage(ctx); // sends the records too
  return ok(undefined);
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
export async function writeReport(
  ctx: Excel.RequestContext,
  model: ReportModel,
  opts: ReportOptions = {},
): Promise<IoResult<ReportResult>> {
  checkModel(model);
  const prepared = await prepareSheet(ctx, model.sheetName ?? DEFAULT_REPORT_SHEET, opts);
  if (!prepared.ok) return prepared;
  const { sheet, name, id, replaced, changedSheet } = prepared.value;
  // Whatever happens next (a cancel, a payload error), the sheet is recorded as the add-in's with what it holds.
  const filled = await fillReport(ctx, sheet, name, model, opts);
  const recorded = await recordReport(ctx, sheet, name, id, prepared.value, opts);
  if (!filled.ok) return filled;
  if (!recorded.ok) return recorded;
  return ok({ sheetName: name, sheetId: id, replaced, ...filled.value, ...(changedSheet ? { changedSheet } : {}) });
}

/** Writes the title, meta rows and sections into the (empty) report sheet. */
async function fillReport(
  ctx: Excel.RequestContext,
  sheet: Excel.Worksheet,
  name: string,
  model: ReportModel,
  opts: ReportOptions,
): Promise<IoResult<{ sections: string[]; charts: number }>> {
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
      const f = await writeRowBlocks(ctx, sheet, name, at, s.rows.length, () => fr, {
        property: "numberFormat",
        targetBytes: opts.targetBytes,
      });
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
  sheet
    .getRangeByIndexes(0, 0, Math.max(row, FIRST_SECTION_ROW), 2 + Math.max(1, ...model.sections.map((s) => s.header.length)))
    .format.autofitColumns();
  if (opts.activate ?? true) sheet.activate();
  await ctx.sync();
  return ok({ sections: addresses, charts });
}
