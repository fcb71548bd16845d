/**
 * Writing risk columns next to the user's table, without destroying anything:
 * `planWrite` reports the non-empty target cells the add-in does not own,
 * `writeColumns` writes header + rows in blocks under the 5 MB request limit,
 * never lets text become a formula, records the block as owned and adds the
 * band conditional formats; `runWrite` runs it all as one undo step where the
 * host supports it.
 *
 * Ownership: every written block is recorded in the workbook setting
 * SETTING_KEYS.ownedBlocks (sheet id and name, address, header texts, time).
 * A cell is owned when it lies inside a recorded block whose header cells
 * still hold the recorded header texts; a moved, renamed-over or edited
 * header makes the block foreign again (the pane then asks).
 */
import { IoResult, fail, ok } from "./errors";
import { MAX_COLUMN, Rect, cellA1, contains, containsCell, intersect, qualifiedA1, rangeA1 } from "./address";
import { Progress, readRowBlocks, writeRowBlocks } from "./blocks";
import { BlockStats } from "./payload";
import { SETTING_KEYS, decodeSetting, queueSetSetting } from "./settings";
import { TableArea } from "./read-table";

// ---------------------------------------------------------------- injection

/** Text Excel reads as a date although it starts with a letter: "Jan 2024", "May-24", "december 5". */
const MONTH_FIRST_DATE = /^\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?[\s\-/,]*\d/i;

/**
 * Makes customer text safe to write to `Range.values` / `Range.formulas`, so
 * that text stays exactly the text it was.
 *
 * Excel takes a written string like typed input:
 * - one starting with `=`, `+`, `-` or `@` becomes a formula;
 * - one that reads as a number, date, time, percentage, amount or error value
 *   is converted ("00123" → 123, "2024-01-31" → a date, "1,5" or "50%" →
 *   numbers, "#N/A" → an error), and "TRUE"/"FALSE" become booleans.
 * Such a string gets a leading apostrophe: Excel stores the rest as text (the
 * apostrophe is the cell's quote prefix, invisible and not part of the value;
 * reading the cell gives the original text back). The test is deliberately
 * generous — any string whose first non-space character (NFKC, so full-width
 * forms count) is one of `= + - @`, a digit, `. , ( # $ € £ ¥`, or that is
 * TRUE/FALSE, or that starts with a month name and a number ("Jan 2024") —
 * because an unneeded apostrophe is harmless and a converted
 * customer id is not. A string that already starts with `'` also gets one, or
 * Excel would swallow the user's apostrophe. Everything else, including
 * numbers, booleans and null, is returned unchanged.
 *
 * @example injectionSafe("=HYPERLINK(\"http://x\")") === "'=HYPERLINK(\"http://x\")"
 * @example injectionSafe("  +1 555") === "'  +1 555"
 * @example injectionSafe("00123") === "'00123"
 * @example injectionSafe("Acme Ltd") === "Acme Ltd"; injectionSafe(-5) === -5
 */
export function injectionSafe<T>(value: T): T {
  if (typeof value !== "string" || value === "") return value;
  if (value.startsWith("'")) return ("'" + value) as T;
  const m = /^[\s\u00a0\u3000\ufeff]*(.)/u.exec(value);
  if (m && /^[=+\-@0-9.,(#$€£¥]$/u.test(m[1].normalize("NFKC"))) return ("'" + value) as T;
  if (/^\s*(true|false)\s*$/i.test(value)) return ("'" + value) as T;
  if (MONTH_FIRST_DATE.test(value)) return ("'" + value) as T;
  return value;
}

// ---------------------------------------------------------------- cells

/** A cell to write as a formula (only in "formulas" mode). */
export interface Formula {
  formula: string;
}

/** Marks `text` (which must start with "=") as a formula cell. @example formula("=RISK.SCORE(A2:T2)") */
export function formula(text: string): Formula {
  return { formula: text };
}

/** A cell of a written row: text is always written as text; null/undefined and non-finite numbers write an empty cell. */
export type WriteCell = string | number | boolean | null | undefined | Formula;

/** "values": static values for sharing; "formulas": live formulas where the caller passes `formula(...)` cells. */
export type WriteMode = "values" | "formulas";

function isFormula(v: unknown): v is Formula {
  return typeof v === "object" && v !== null && typeof (v as Formula).formula === "string";
}

/** The value sent to Excel for one cell. */
export function toExcelCell(v: WriteCell, mode: WriteMode): string | number | boolean {
  if (v === null || v === undefined) return ""; // null would mean "leave the cell unchanged"
  if (typeof v === "number") return Number.isFinite(v) ? v : "";
  if (typeof v === "boolean") return v;
  if (typeof v === "string") return injectionSafe(v);
  if (isFormula(v)) {
    if (mode !== "formulas") throw new TypeError(`formula cell ${v.formula} in "values" mode`);
    if (!v.formula.startsWith("=")) throw new TypeError(`a formula must start with "=": ${v.formula}`);
    return v.formula;
  }
  throw new TypeError(`cannot write ${typeof v} to a cell`);
}

// ---------------------------------------------------------------- target and ownership

/** Where a block of columns goes: a header row and `rowCount` data rows below it (0-based). */
export interface WriteTarget {
  sheetName: string;
  /** Sheet row of the header row. */
  headerRow: number;
  /** Data rows under the header. */
  rowCount: number;
  /** Sheet column of the block's first column. */
  firstColumn: number;
  /** Columns of the block. */
  columnCount: number;
}

/**
 * The block immediately right of a table (or from `atColumn`), aligned with
 * its header and data rows.
 * @example targetBeside({ sheetName: "S", firstDataRow: 1, rowCount: 10, firstColumn: 0, columnCount: 20 }, 7)
 *   // → { sheetName: "S", headerRow: 0, rowCount: 10, firstColumn: 20, columnCount: 7 }  (U1:AA11)
 */
export function targetBeside(area: TableArea, columnCount: number, atColumn?: number): WriteTarget {
  const firstColumn = atColumn ?? area.firstColumn + area.columnCount;
  if (firstColumn + columnCount - 1 > MAX_COLUMN) throw new RangeError(`no room for ${columnCount} columns from column ${firstColumn}`);
  return { sheetName: area.sheetName, headerRow: area.firstDataRow - 1, rowCount: area.rowCount, firstColumn, columnCount };
}

function blockRect(t: WriteTarget): Rect {
  return { row: t.headerRow, col: t.firstColumn, rowCount: t.rowCount + 1, colCount: t.columnCount };
}

/** A block of cells the add-in wrote (kept in SETTING_KEYS.ownedBlocks). */
export interface OwnedBlock extends Rect {
  /** Worksheet id (stable across renames) and the name at write time. */
  sheetId: string;
  sheetName: string;
  /** A1 address of header + data, without sheet. */
  address: string;
  /** Header texts as written, one per column. */
  headers: string[];
  /** ISO time of the write. */
  writtenAt: string;
}

/** Settings version of the owned-block list. */
export const OWNED_BLOCKS_VERSION = 1;
/** At most this many owned blocks are remembered (newest kept): about 200 bytes each. */
export const MAX_OWNED_BLOCKS = 50;

function ownedList(stored: unknown): OwnedBlock[] {
  const d = decodeSetting(stored);
  return d !== null && d.version === OWNED_BLOCKS_VERSION && Array.isArray(d.value) ? (d.value as OwnedBlock[]) : [];
}

/** Header text as it reads back after injectionSafe was applied on write. */
function sameHeader(read: unknown, recorded: string): boolean {
  return read === recorded || read === injectionSafe(recorded) || (recorded === "" && (read === null || read === undefined));
}

/**
 * The recorded blocks on `sheet` that intersect `area` and whose header cells
 * still hold the recorded headers (one sync).
 */
async function validOwnedBlocks(ctx: Excel.RequestContext, sheet: Excel.Worksheet, sheetId: string, blocks: OwnedBlock[], area: Rect): Promise<OwnedBlock[]> {
  const candidates = blocks
    .filter((b) => b.sheetId === sheetId && intersect(b, area) !== null)
    .map((b) => {
      const r = sheet.getRangeByIndexes(b.row, b.col, 1, b.colCount);
      r.load("values");
      return { b, r };
    });
  if (candidates.length === 0) return [];
  await ctx.sync();
  return candidates.filter(({ b, r }) => b.headers.length === b.colCount && b.headers.every((h, i) => sameHeader(r.values[0]?.[i], h))).map(({ b }) => b);
}

/** What planWrite found in the target block. */
export interface WritePlan {
  target: WriteTarget;
  /** Worksheet id at plan time. */
  sheetId: string;
  /** Sheet-qualified address of header + data, e.g. "Customers!U1:AA200001". */
  address: string;
  /** Non-empty target cells (values or formulas) the add-in does not own: ask before overwriting. */
  foreignCount: number;
  /** Up to MAX_SAMPLE A1 addresses of foreign cells, in row order. */
  foreignSample: string[];
  /** Non-empty target cells inside blocks the add-in wrote (overwritten without asking). Not counted (0) when an owned block covers every used target cell. */
  ownedCount: number;
}

/** Foreign addresses listed in a plan. */
export const MAX_SAMPLE = 5;

export interface PlanOptions {
  onProgress?: Progress;
  signal?: AbortSignal;
  targetBytes?: number;
}

/** Loads the target sheet (id, name) and the ownership records in one sync; "sheet not found" when it is gone. */
async function openTarget(ctx: Excel.RequestContext, sheetName: string): Promise<IoResult<{ sheet: Excel.Worksheet; owned: Excel.Setting }>> {
  const sheet = ctx.workbook.worksheets.getItemOrNullObject(sheetName);
  sheet.load("id,name");
  const owned = ctx.workbook.settings.getItemOrNullObject(SETTING_KEYS.ownedBlocks);
  owned.load("value");
  await ctx.sync();
  if (sheet.isNullObject) return fail("sheet not found", `no worksheet named "${sheetName}"`);
  return ok({ sheet, owned });
}

/**
 * Checks the target block before writing: reads its formulas (only where the
 * sheet's used range overlaps it, in payload-safe blocks) and reports the
 * non-empty cells not owned by the add-in. It writes nothing.
 *
 * Errors: "sheet not found", "cancelled", "payload too large".
 */
export async function planWrite(ctx: Excel.RequestContext, target: WriteTarget, opts: PlanOptions = {}): Promise<IoResult<WritePlan>> {
  const opened = await openTarget(ctx, target.sheetName);
  if (!opened.ok) return opened;
  const { sheet, owned: ownedSetting } = opened.value;
  const rect = blockRect(target);
  const plan: WritePlan = { target, sheetId: sheet.id, address: qualifiedA1(sheet.name, rect.row, rect.col, rect.rowCount, rect.colCount), foreignCount: 0, foreignSample: [], ownedCount: 0 };

  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  const owned = await validOwnedBlocks(ctx, sheet, sheet.id, ownedSetting.isNullObject ? [] : ownedList(ownedSetting.value), rect);
  if (owned.length === 0) await ctx.sync();
  const scan = used.isNullObject ? null : intersect(rect, { row: used.rowIndex, col: used.columnIndex, rowCount: used.rowCount, colCount: used.columnCount });
  if (scan === null || owned.some((b) => contains(b, scan))) return ok(plan);

  const read = await readRowBlocks(ctx, sheet, sheet.name, scan, { property: "formulas", onProgress: opts.onProgress, signal: opts.signal, targetBytes: opts.targetBytes });
  if (!read.ok) return read;
  read.value.rows.forEach((row, i) => {
    row.forEach((f, j) => {
      if (f === "" || f === null || f === undefined) return;
      const r = scan.row + i;
      const c = scan.col + j;
      if (owned.some((b) => containsCell(b, r, c))) plan.ownedCount++;
      else {
        plan.foreignCount++;
        if (plan.foreignSample.length < MAX_SAMPLE) plan.foreignSample.push(cellA1(r, c));
      }
    });
  });
  return ok(plan);
}

// ---------------------------------------------------------------- writing

/** Conditional format of one band: fill colour and optional font colour ("#RRGGBB" or a colour name). */
export interface BandFormat {
  fill: string;
  font?: string;
}

export interface WriteOptions {
  /** "values" (default) or "formulas" (then `formula(...)` cells are written as formulas). */
  mode?: WriteMode;
  /** Must be true when the plan found foreign cells (the user confirmed). */
  overwrite?: boolean;
  onProgress?: Progress;
  signal?: AbortSignal;
  /** Index (within the written columns) of the band column, for conditional formatting. */
  bandColumn?: number;
  /** One rule per band text (e.g. "A"…"E") with the colours chosen by the caller; applied after the values. */
  bandFormats?: Record<string, BandFormat>;
  /**
   * Excel number format code per written column (language-neutral, e.g.
   * "0.00%", "#,##0"; null = leave the cells' format as is), applied to the
   * column's data cells (not the header), block by block with the values.
   */
  numberFormats?: readonly (string | null)[];
  /** Target bytes per request (default 3.5 MB); tests lower it. */
  targetBytes?: number;
  /** Clock for the ownership record (default: now). */
  now?: () => Date;
}

export interface WriteResult {
  /** Sheet-qualified address written (header + data). */
  address: string;
  /** Data rows written. */
  rowsWritten: number;
  stats: BlockStats;
}

/**
 * Queues one "cell value equal to" conditional format per band on `range`
 * after clearing the range's conditional formats. Colours come from the
 * caller (the engine/UI decide what a band means).
 */
export function queueBandFormats(range: Excel.Range, bands: Record<string, BandFormat>): void {
  range.conditionalFormats.clearAll();
  for (const [band, f] of Object.entries(bands)) {
    const cf = range.conditionalFormats.add("CellValue");
    cf.cellValue.format.fill.color = f.fill;
    if (f.font !== undefined) cf.cellValue.format.font.color = f.font;
    cf.cellValue.rule = { formula1: `="${band.replace(/"/g, '""')}"`, operator: "EqualTo" };
  }
}

/**
 * Writes `header` and `rows` into the planned block: header first (bold) and
 * the ownership record in the same request, then the rows in blocks under
 * 3.5 MB (each block with its columns' number formats, when given), then the
 * band conditional formats. Strings are written through
 * `injectionSafe`; `formula(...)` cells only in "formulas" mode.
 *
 * Errors: "overwrite not confirmed" (plan.foreignCount > 0 without
 * opts.overwrite), "sheet not found", "payload too large", "cancelled" (rows
 * already written stay, and stay owned). Shape mismatches throw RangeError.
 *
 * @example
 *   const plan = await Excel.run((ctx) => planWrite(ctx, targetBeside(table, 7)));
 *   // ask the user if plan.value.foreignCount > 0, then:
 *   await runWrite((ctx) => writeColumns(ctx, plan.value, headers, rows, { overwrite: true, bandColumn: 1, bandFormats, numberFormats: ["0.0", null] }));
 */
export async function writeColumns(
  ctx: Excel.RequestContext,
  plan: WritePlan,
  header: string[],
  rows: readonly (readonly WriteCell[])[],
  opts: WriteOptions = {},
): Promise<IoResult<WriteResult>> {
  const t = plan.target;
  const mode = opts.mode ?? "values";
  if (header.length !== t.columnCount) throw new RangeError(`${header.length} headers for ${t.columnCount} columns`);
  if (rows.length !== t.rowCount) throw new RangeError(`${rows.length} rows for a target of ${t.rowCount}`);
  if (opts.bandColumn !== undefined && (opts.bandColumn < 0 || opts.bandColumn >= t.columnCount)) throw new RangeError(`band column ${opts.bandColumn} outside the block`);
  if (opts.numberFormats && opts.numberFormats.length !== t.columnCount) throw new RangeError(`${opts.numberFormats.length} number formats for ${t.columnCount} columns`);
  if (plan.foreignCount > 0 && !opts.overwrite) {
    return fail("overwrite not confirmed", `${plan.foreignCount} non-empty cells in ${plan.address} were not written by CreditSentinel`);
  }

  const opened = await openTarget(ctx, t.sheetName);
  if (!opened.ok) return opened;
  const { sheet, owned: setting } = opened.value;

  const rect = blockRect(t);
  const address = qualifiedA1(sheet.name, rect.row, rect.col, rect.rowCount, rect.colCount);
  const headerRange = sheet.getRangeByIndexes(t.headerRow, t.firstColumn, 1, t.columnCount);
  headerRange.values = [header.map((h) => injectionSafe(h))];
  headerRange.format.font.bold = true;
  const record: OwnedBlock = {
    ...rect,
    sheetId: sheet.id,
    sheetName: sheet.name,
    address: rangeA1(rect.row, rect.col, rect.rowCount, rect.colCount),
    headers: [...header],
    writtenAt: (opts.now ? opts.now() : new Date()).toISOString(),
  };
  const kept = (setting.isNullObject ? [] : ownedList(setting.value)).filter((b) => !(b.sheetId === sheet.id && contains(rect, b)));
  queueSetSetting(ctx, SETTING_KEYS.ownedBlocks, [...kept, record].slice(-MAX_OWNED_BLOCKS), OWNED_BLOCKS_VERSION);
  await ctx.sync();

  const written = await writeRowBlocks(
    ctx,
    sheet,
    sheet.name,
    { row: t.headerRow + 1, col: t.firstColumn, colCount: t.columnCount },
    t.rowCount,
    (i) => rows[i].map((v) => toExcelCell(v, mode)),
    { property: mode, numberFormats: opts.numberFormats, onProgress: opts.onProgress, signal: opts.signal, targetBytes: opts.targetBytes },
  );
  if (!written.ok) return written;

  if (opts.bandColumn !== undefined && opts.bandFormats && t.rowCount > 0) {
    queueBandFormats(sheet.getRangeByIndexes(t.headerRow + 1, t.firstColumn + opts.bandColumn, t.rowCount, 1), opts.bandFormats);
    await ctx.sync();
  }
  return ok({ address, rowsWritten: t.rowCount, stats: written.value });
}

// ---------------------------------------------------------------- one undo step

/** A batch run inside Excel.run. */
export type Batch<T> = (ctx: Excel.RequestContext) => Promise<T>;

/** What runWrite needs from the host (the real one is `defaultWriteHost()`; tests pass a fake). */
export interface WriteHost {
  /** Excel.run with options, or without when `options` is undefined. */
  run<T>(options: Excel.RunOptions | undefined, batch: Batch<T>): Promise<T>;
  /** True where ExcelApi 1.20 (mergeUndoGroup) is supported. */
  supportsMergeUndo(): boolean;
}

/** The live host: global Excel.run and Office.context.requirements. */
export function defaultWriteHost(): WriteHost {
  return {
    run: <T>(options: Excel.RunOptions | undefined, batch: Batch<T>) => (options ? Excel.run(options, batch) : Excel.run(batch)),
    supportsMergeUndo: () => typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", "1.20") === true,
  };
}

/**
 * Runs a multi-sync write as one undo step where the host supports it:
 * `Excel.run({ mergeUndoGroup: true }, batch)` on ExcelApi 1.20, plain
 * `Excel.run(batch)` elsewhere (older hosts clear the undo stack on add-in
 * writes; nothing to do about it).
 */
export function runWrite<T>(batch: Batch<T>, host: WriteHost = defaultWriteHost()): Promise<T> {
  return host.supportsMergeUndo() ? host.run({ mergeUndoGroup: true }, batch) : host.run(undefined, batch);
}
