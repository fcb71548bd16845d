/**
 * Writing risk columns next to the user's table, without destroying anything.
 *
 * `planWrite` reads the target block and reports the non-empty cells the
 * add-in does not own (owned.ts: recorded blocks, marker names that move with
 * the cells, fingerprints), the cells of earlier results a smaller table no
 * longer covers, and a snapshot of every target cell. `writeColumns`, inside
 * the same batch that writes and before its first write, opens the sheet by
 * id (a renamed sheet is followed; another sheet that took its name is never
 * written), checks that the table is where it was, re-reads the target and
 * refuses ("target changed", naming the cells) if any non-empty cell differs
 * from the plan. Then it keeps the previous content of every cell it will
 * overwrite or clear (undo.ts), writes header + rows in blocks under the 5 MB
 * request limit (reading each block back for the fingerprint), never lets
 * text become a formula, clears earlier results beside rows that left the
 * table when they are still exactly what it wrote, records the block as
 * owned, and adds the band conditional formats. `runWrite` runs it all as one
 * undo step where the host supports it.
 */
import { IoResult, fail, ok } from "./errors";
import { MAX_COLUMN, Rect, qualifiedA1, rangeA1 } from "./address";
import { Progress, readColumnRuns, readRowBlocks, writeRowBlocks } from "./blocks";
import { BlockStats } from "./payload";
import { SETTING_KEYS, queueSetSetting } from "./settings";
import { TableArea } from "./read-table";
import { injectionSafe, CellCode, encodeCell, isErrorLiteral } from "./cell-codec";
import { FingerprintBuilder, cellHash, digest, fingerprintOf, storeFingerprint } from "./fingerprint";
import { StoreOptions, saveJson } from "./store";
import {
  CellSample,
  Grid,
  LocatedBlock,
  MARKER_PREFIX,
  MAX_OWNED_BLOCKS,
  MAX_SAMPLE,
  OWNED_BLOCKS_VERSION,
  OwnedBlock,
  emptySample,
  openSheet,
  qualify,
  surveyTarget,
} from "./owned";
import { Backup, UNDO_VERSION, UndoRecord, UndoRegion, backupCells, collectGarbage, runs, undoRecordOf } from "./undo";

export { injectionSafe } from "./cell-codec";

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

// ---------------------------------------------------------------- target

/** What the write checks about the table the results belong to (set by targetBeside from a read table's area). */
export interface SourceCheck {
  /** Header + data rows of the table when it was read. */
  rect: Rect;
  /** sourceKeyHash of its header row and first column as read. */
  keyHash: string;
  /** The Excel table, when it is one: its sheet is found through it (renames followed) and its size checked. */
  tableName?: string;
}

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
  /** The table beside the block, checked before planning and again before writing. */
  source?: SourceCheck;
}

/**
 * The digest of a table's header row and first column (values as read):
 * rows inserted, deleted or moved inside the table, or another table in its
 * place, change it.
 */
export function sourceKeyHash(headerRow: readonly unknown[], firstColumn: readonly unknown[]): string {
  return digest(
    (function* () {
      yield headerRow.length;
      for (const v of headerRow) yield cellHash(v);
      yield firstColumn.length;
      for (const v of firstColumn) yield cellHash(v);
    })(),
  );
}

/**
 * The block immediately right of a table (or from `atColumn`), aligned with
 * its header and data rows. An area carrying `keyHash` (the pane's DataArea)
 * makes the write check that the table is still where and what it was.
 * @example targetBeside({ sheetName: "S", firstDataRow: 1, rowCount: 10, firstColumn: 0, columnCount: 20 }, 7)
 *   // → { sheetName: "S", headerRow: 0, rowCount: 10, firstColumn: 20, columnCount: 7 }  (U1:AA11)
 */
export function targetBeside(
  area: TableArea & { keyHash?: string; tableName?: string },
  columnCount: number,
  atColumn?: number,
): WriteTarget {
  const firstColumn = atColumn ?? area.firstColumn + area.columnCount;
  if (firstColumn + columnCount - 1 > MAX_COLUMN) throw new RangeError(`no room for ${columnCount} columns from column ${firstColumn}`);
  const t: WriteTarget = { sheetName: area.sheetName, headerRow: area.firstDataRow - 1, rowCount: area.rowCount, firstColumn, columnCount };
  if (area.keyHash !== undefined) {
    t.source = {
      rect: { row: area.firstDataRow - 1, col: area.firstColumn, rowCount: area.rowCount + 1, colCount: area.columnCount },
      keyHash: area.keyHash,
    };
    if (area.tableName) t.source.tableName = area.tableName;
  }
  return t;
}

function blockRect(t: WriteTarget): Rect {
  return { row: t.headerRow, col: t.firstColumn, rowCount: t.rowCount + 1, colCount: t.columnCount };
}

/**
 * "table changed" unless the table beside the target is still the one that
 * was read: same place and size (an Excel table's range), same header row
 * and first column.
 */
async function checkSource(
  ctx: Excel.RequestContext,
  sheet: Excel.Worksheet,
  sheetName: string,
  source: SourceCheck | undefined,
  opts: { signal?: AbortSignal; targetBytes?: number },
): Promise<IoResult<void>> {
  if (!source) return ok(undefined);
  const r = source.rect;
  const where = qualifiedA1(sheetName, r.row, r.col, r.rowCount, r.colCount);
  if (source.tableName !== undefined) {
    const table = ctx.workbook.tables.getItemOrNullObject(source.tableName);
    await ctx.sync();
    if (table.isNullObject) return fail("table changed", `table "${source.tableName}" no longer exists`);
    const range = table.getRange();
    range.load("rowIndex,columnIndex,rowCount,columnCount");
    await ctx.sync();
    if (range.rowIndex !== r.row || range.columnIndex !== r.col || range.rowCount !== r.rowCount || range.columnCount !== r.colCount) {
      return fail(
        "table changed",
        `table "${source.tableName}" is now ${qualifiedA1(sheetName, range.rowIndex, range.columnIndex, range.rowCount, range.columnCount)}, not ${where} as when it was read`,
      );
    }
  }
  const header = sheet.getRangeByIndexes(r.row, r.col, 1, r.colCount);
  header.load("values");
  await ctx.sync();
  const first =
    r.rowCount > 1
      ? await readRowBlocks(
          ctx,
          sheet,
          sheetName,
          { row: r.row + 1, col: r.col, rowCount: r.rowCount - 1, colCount: 1 },
          { property: "values", signal: opts.signal, targetBytes: opts.targetBytes },
        )
      : ok({ rows: [] as unknown[][] });
  if (!first.ok) return first;
  if (
    sourceKeyHash(
      header.values[0] ?? [],
      first.value.rows.map((x) => x[0]),
    ) !== source.keyHash
  ) {
    return fail(
      "table changed",
      `the header row or first column of ${where} changed since the table was read (rows inserted, deleted or moved, or edited)`,
    );
  }
  return ok(undefined);
}

// ---------------------------------------------------------------- plan

/** What planWrite found in the target block. */
export interface WritePlan {
  /** The target, with the sheet's name as it is now. */
  target: WriteTarget;
  /** Worksheet id at plan time: the write goes to this sheet, whatever its name then. */
  sheetId: string;
  /** Sheet-qualified address of header + data, e.g. "Customers!U1:AA200001". */
  address: string;
  /** Non-empty target cells (values or formulas) the add-in does not own: ask before overwriting. */
  foreignCount: number;
  /** Up to MAX_SAMPLE A1 addresses of foreign cells, in row order. */
  foreignSample: string[];
  /** Non-empty target cells the add-in wrote and that are unchanged (overwritten without asking). */
  ownedCount: number;
  /** Of the foreign cells, those the add-in wrote that were changed since (the user's now). */
  editedCount: number;
  editedSample: string[];
  /** Sheet-qualified addresses of earlier results touching the target with rows or cells inserted or deleted inside them (their cells count as the user's). */
  resized: string[];
  /** Earlier results of this table outside the new block (the table shrank, or fewer columns): cleared when still exactly as written, else left. */
  leftover: { clearCount: number; keptCount: number; keptSample: string[] };
  /** Hash of every target cell as planned (row-major, 0 = empty): the write refuses if a non-empty one differs. */
  snapshot: Uint32Array;
}

export { MAX_SAMPLE };

export interface PlanOptions {
  onProgress?: Progress;
  signal?: AbortSignal;
  targetBytes?: number;
  store?: StoreOptions;
}

/**
 * Checks the target block before writing: reads its formulas (only where the
 * sheet's used range overlaps it, in payload-safe blocks) and those of the
 * recorded blocks touching it, and reports the non-empty cells not owned by
 * the add-in. It writes nothing.
 *
 * Errors: "sheet not found", "table changed", "cancelled", "payload too large".
 */
export async function planWrite(ctx: Excel.RequestContext, target: WriteTarget, opts: PlanOptions = {}): Promise<IoResult<WritePlan>> {
  const opened = await openSheet(ctx, { table: target.source?.tableName, name: target.sheetName });
  if (!opened.ok) return opened;
  const { sheet, sheetId, sheetName, used, located } = opened.value;
  const src = await checkSource(ctx, sheet, sheetName, target.source, opts);
  if (!src.ok) return src;
  const rect = blockRect(target);
  const surveyed = await surveyTarget(ctx, sheet, sheetName, sheetId, rect, located, used, {
    onProgress: opts.onProgress,
    signal: opts.signal,
    targetBytes: opts.targetBytes,
    store: opts.store,
  });
  if (!surveyed.ok) return surveyed;
  const sv = surveyed.value;
  return ok({
    target: { ...target, sheetName },
    sheetId,
    address: qualifiedA1(sheetName, rect.row, rect.col, rect.rowCount, rect.colCount),
    foreignCount: sv.foreign.count,
    foreignSample: sv.foreign.sample,
    ownedCount: sv.ownedCount,
    editedCount: sv.edited.count,
    editedSample: sv.edited.sample,
    resized: sv.resized.map((a) => `${qualify(sheetName, [a])[0]}`),
    leftover: { clearCount: sv.leftover.clear.length, keptCount: sv.leftover.kept.count, keptSample: sv.leftover.kept.sample },
    snapshot: sv.snapshot,
  });
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
  /** Clock for the ownership and undo records (default: now). */
  now?: () => Date;
  /** Writes of one user action share an undo record (the report joins the columns' one). */
  undoGroup?: string;
  store?: StoreOptions;
}

export interface WriteResult {
  /** Sheet-qualified address written (header + data). */
  address: string;
  /** Data rows written. */
  rowsWritten: number;
  stats: BlockStats;
  /** Cells of earlier results beside rows no longer in the table, cleared (they were exactly as written). */
  cleared: number;
  /** Cells of earlier results left because they were changed since (sheet-qualified sample). */
  kept: CellSample;
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

/** The numeric ids used so far (owned blocks, and those the undo record can bring back). */
function nextId(owned: readonly OwnedBlock[], undo: UndoRecord | null): number {
  const ids = [...owned, ...(undo?.replaced ?? [])].map((b) => Number(b.id)).filter((n) => Number.isInteger(n));
  const seq = Number(undo?.id);
  return Math.max(0, Number.isInteger(seq) ? seq : 0, ...ids) + 1;
}

/** Runs of consecutive formatted columns: [first index, count]. */
function formatRuns(formats: readonly (string | null)[] | undefined): [number, number][] {
  const out: [number, number][] = [];
  (formats ?? []).forEach((f, j) => {
    if (f === null || f === undefined) return;
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === j) last[1]++;
    else out.push([j, 1]);
  });
  return out;
}

/**
 * Value types of the cells whose value reads as an error literal (an error
 * constant and the text "#N/A" read alike): one load per cell, 2,000 per sync.
 */
async function errorTypes(
  ctx: Excel.RequestContext,
  sheet: Excel.Worksheet,
  cells: { row: number; col: number }[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < cells.length; i += 2000) {
    const batch = cells.slice(i, i + 2000).map(({ row, col }) => {
      const r = sheet.getRangeByIndexes(row, col, 1, 1);
      r.load("valueTypes");
      return { key: `${row}:${col}`, r };
    });
    await ctx.sync();
    for (const { key, r } of batch) out.set(key, String(r.valueTypes[0]?.[0] ?? ""));
  }
  return out;
}

/** The backup codes of cells as the survey read them (values and formulas), with error constants told from text. */
async function encoder(
  ctx: Excel.RequestContext,
  sheet: Excel.Worksheet,
  grid: Grid,
  rects: readonly Rect[],
): Promise<(row: number, col: number) => CellCode> {
  const suspects: { row: number; col: number }[] = [];
  for (const r of rects) {
    for (let row = r.row; row < r.row + r.rowCount; row++) {
      for (let col = r.col; col < r.col + r.colCount; col++)
        if (isErrorLiteral(grid.value(row, col)) && grid.formula(row, col) === grid.value(row, col)) suspects.push({ row, col });
    }
  }
  const types = suspects.length > 0 ? await errorTypes(ctx, sheet, suspects) : new Map<string, string>();
  return (row, col) => encodeCell(grid.formula(row, col), grid.value(row, col), types.get(`${row}:${col}`));
}

/**
 * Writes `header` and `rows` into the planned block, after re-checking it in
 * the same batch (see the file comment). Strings are written through
 * `injectionSafe`; `formula(...)` cells only in "formulas" mode.
 *
 * Errors (nothing written unless said): "overwrite not confirmed"
 * (plan.foreignCount > 0 without opts.overwrite), "sheet not found",
 * "table changed", "target changed" (`cells` names what changed since the
 * plan), "payload too large", "cancelled" (rows already written stay, are
 * owned and can be restored). Shape mismatches throw RangeError.
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
  const rect = blockRect(t);
  if (header.length !== t.columnCount) throw new RangeError(`${header.length} headers for ${t.columnCount} columns`);
  if (rows.length !== t.rowCount) throw new RangeError(`${rows.length} rows for a target of ${t.rowCount}`);
  if (opts.bandColumn !== undefined && (opts.bandColumn < 0 || opts.bandColumn >= t.columnCount))
    throw new RangeError(`band column ${opts.bandColumn} outside the block`);
  if (opts.numberFormats && opts.numberFormats.length !== t.columnCount)
    throw new RangeError(`${opts.numberFormats.length} number formats for ${t.columnCount} columns`);
  if (plan.snapshot.length !== rect.rowCount * rect.colCount)
    throw new RangeError(`the plan's snapshot has ${plan.snapshot.length} cells, the block ${rect.rowCount * rect.colCount}`);
  if (plan.foreignCount > 0 && !opts.overwrite) {
    return fail("overwrite not confirmed", `${plan.foreignCount} non-empty cells in ${plan.address} were not written by CreditSentinel`);
  }
  const now = (opts.now ? opts.now() : new Date()).toISOString();

  // ---- 1. Every read and check, before the first write.
  const opened = await openSheet(ctx, { id: plan.sheetId, name: t.sheetName });
  if (!opened.ok) return opened;
  const { sheet, sheetId, sheetName, used, located, owned, undoSetting } = opened.value;
  const src = await checkSource(ctx, sheet, sheetName, t.source, opts);
  if (!src.ok) return src;
  const surveyed = await surveyTarget(ctx, sheet, sheetName, sheetId, rect, located, used, {
    values: true,
    signal: opts.signal,
    targetBytes: opts.targetBytes,
    store: opts.store,
  });
  if (!surveyed.ok) return surveyed;
  const sv = surveyed.value;
  const changed = emptySample();
  for (let i = 0; i < sv.snapshot.length; i++) {
    // Empty now, or as planned: nothing the user did not see. Changed into the add-in's own unchanged results
    // (another write since): nothing of the user's either.
    if (sv.snapshot[i] === 0 || sv.snapshot[i] === plan.snapshot[i]) continue;
    const row = rect.row + Math.floor(i / rect.colCount);
    const col = rect.col + (i % rect.colCount);
    if (sv.owns(row, col)) continue;
    changed.count++;
    if (changed.sample.length < MAX_SAMPLE) changed.sample.push(qualifiedA1(sheetName, row, col, 1, 1));
  }
  if (changed.count > 0) {
    return fail(
      "target changed",
      `${changed.count} cells of ${qualifiedA1(sheetName, rect.row, rect.col, rect.rowCount, rect.colCount)} changed since the plan, e.g. ${changed.sample.join(", ")}`,
      { count: changed.count, cells: changed.sample },
    );
  }
  // The number formats the write replaces (data rows of the formatted columns), read together.
  const formatCols = formatRuns(opts.numberFormats);
  const formats = new Map<number, unknown[]>();
  const fr = await readColumnRuns(
    ctx,
    sheet,
    sheetName,
    rect.row + 1,
    t.rowCount,
    formatCols.map(([j, n]) => [rect.col + j, n] as const),
    "numberFormat",
    { signal: opts.signal, targetBytes: opts.targetBytes },
  );
  if (!fr.ok) return fr;
  formatCols.forEach(([j, n], k) => {
    for (let c = 0; c < n; c++)
      formats.set(
        j + c,
        fr.value[k].map((r) => r[c]),
      );
  });
  const leftoverRects = sv.leftover.clear.length > 0 ? sv.leftover.rects : [];
  const encode = await encoder(ctx, sheet, sv.grid, [rect, ...leftoverRects]);

  // ---- 2. Keep what will be overwritten or cleared.
  const prevUndo = undoRecordOf(undoSetting);
  const id = nextId(owned, prevUndo);
  const marker = `${MARKER_PREFIX}${id}`;
  const backup: Backup = {
    rows: rect.rowCount,
    cols: rect.colCount,
    cells: backupCells(rect, encode),
    formats: [...formats].map(([j, col]) => [j, runs(col)]),
  };
  const backupIds = await saveJson(ctx, `undo.${id}.cells`, backup, opts.store);
  const clearSet = new Set(sv.leftover.clear.map(({ row, col }) => `${row}:${col}`));
  const leftoverRegions: { rect: Rect; marker: string; backup: string[]; after: string[] }[] = [];
  for (let k = 0; k < leftoverRects.length; k++) {
    const lr = leftoverRects[k];
    const b: Backup = { rows: lr.rowCount, cols: lr.colCount, cells: backupCells(lr, encode), formats: [] };
    const after = fingerprintOf(lr.rowCount, lr.colCount, (i, j) =>
      clearSet.has(`${lr.row + i}:${lr.col + j}`) ? "" : sv.grid.formula(lr.row + i, lr.col + j),
    );
    leftoverRegions.push({
      rect: lr,
      marker: `${marker}.${k + 1}`,
      backup: await saveJson(ctx, `undo.${id}.left${k + 1}`, b, opts.store),
      after: await saveJson(ctx, `undo.${id}.left${k + 1}.after`, storeFingerprint(after), opts.store),
    });
  }

  // ---- 3. Write: header (bold), then the rows, each block read back for the fingerprint.
  const fp = new FingerprintBuilder(rect.rowCount, rect.colCount);
  let written: IoResult<BlockStats>;
  // A host error in the middle still leaves the rows read back as written: they are recorded (owned,
  // restorable) before the error goes on.
  let thrown: { error: unknown } | null = null;
  try {
    const headerRange = sheet.getRangeByIndexes(t.headerRow, t.firstColumn, 1, t.columnCount);
    headerRange.values = [header.map((h) => injectionSafe(h))];
    headerRange.format.font.bold = true;
    headerRange.load("formulas");
    await ctx.sync();
    fp.addRow(headerRange.formulas[0] ?? []);
    written = await writeRowBlocks(
      ctx,
      sheet,
      sheetName,
      { row: t.headerRow + 1, col: t.firstColumn, colCount: t.columnCount },
      t.rowCount,
      (i) => rows[i].map((v) => toExcelCell(v, mode)),
      {
        property: mode,
        numberFormats: opts.numberFormats,
        onProgress: opts.onProgress,
        signal: opts.signal,
        targetBytes: opts.targetBytes,
        readBack: (back) => back.forEach((r) => fp.addRow(r)),
      },
    );
  } catch (error) {
    if (fp.added === 0) throw error; // nothing known to be written
    thrown = { error };
    written = fail("cancelled", "the host failed during the write");
  }
  const complete = written.ok;
  const rowsWritten = fp.added - 1;

  if (complete && opts.bandColumn !== undefined && opts.bandFormats && t.rowCount > 0) {
    queueBandFormats(sheet.getRangeByIndexes(t.headerRow + 1, t.firstColumn + opts.bandColumn, t.rowCount, 1), opts.bandFormats);
  }
  let cleared = 0;
  if (complete) {
    // Clear earlier results beside rows no longer in the table, column by column in runs.
    const byCol = new Map<number, number[]>();
    for (const { row, col } of sv.leftover.clear) (byCol.get(col) ?? byCol.set(col, []).get(col) ?? []).push(row);
    for (const [col, rowsOf] of byCol) {
      rowsOf.sort((a, b) => a - b);
      for (let i = 0; i < rowsOf.length;) {
        let j = i;
        while (j + 1 < rowsOf.length && rowsOf[j + 1] === rowsOf[j] + 1) j++;
        sheet.getRangeByIndexes(rowsOf[i], col, j - i + 1, 1).clear("Contents");
        i = j + 1;
      }
      cleared += rowsOf.length;
    }
  }

  // ---- 4. Record: the block as owned (what was written of it), the undo record, markers; drop what is not referenced.
  const ownedRect = complete ? rect : { ...rect, rowCount: rowsWritten + 1 };
  const ownedFp = complete ? fp.finish() : fp.partial();
  const ownedIds = await saveJson(ctx, `owned.${id}`, storeFingerprint(ownedFp), opts.store);
  let afterIds = ownedIds;
  if (!complete) {
    // The rows not written still hold what they held: the undo check expects exactly that there.
    for (let row = rect.row + fp.added; row < rect.row + rect.rowCount; row++)
      fp.addRow(Array.from({ length: rect.colCount }, (_, j) => sv.grid.formula(row, rect.col + j)));
    afterIds = await saveJson(ctx, `undo.${id}.after`, storeFingerprint(fp.finish()), opts.store);
  }
  // A block written in part is owned in part; its undo region (the whole block) gets a name of its own.
  const regionMarker = complete ? marker : `${marker}.0`;
  const names = [marker, ...(complete ? [] : [regionMarker]), ...leftoverRegions.map((r) => r.marker)];
  const existing = names.map((n) => ctx.workbook.names.getItemOrNullObject(n));
  await ctx.sync();
  existing.forEach((n) => !n.isNullObject && n.delete());
  const addMarker = (name: string, r: Rect) => {
    const item = ctx.workbook.names.add(
      name,
      sheet.getRangeByIndexes(r.row, r.col, r.rowCount, r.colCount),
      "CreditSentinel: cells written by the add-in",
    );
    item.visible = false;
  };
  addMarker(marker, ownedRect);
  if (!complete) addMarker(regionMarker, rect);
  const record: OwnedBlock = {
    ...ownedRect,
    id: String(id),
    sheetId,
    sheetName,
    address: rangeA1(ownedRect.row, ownedRect.col, ownedRect.rowCount, ownedRect.colCount),
    headers: [...header],
    writtenAt: now,
    marker,
    fingerprint: ownedIds,
  };
  const replaced: LocatedBlock[] = complete ? sv.replaced : [];
  const replacedIds = new Set(replaced.map((l) => l.block.id));
  const goneIds = new Set([...sv.judged, ...sv.others].filter((l) => l.state === "gone").map((l) => l.block.id));
  const keptBlocks = owned.filter((b) => !replacedIds.has(b.id) && !goneIds.has(b.id));
  queueSetSetting(ctx, SETTING_KEYS.ownedBlocks, [...keptBlocks, record].slice(-MAX_OWNED_BLOCKS), OWNED_BLOCKS_VERSION);

  const regions: UndoRegion[] = [
    { kind: "cells", sheetId, sheetName, rect, marker: regionMarker, backup: backupIds, afterRect: rect, after: afterIds },
  ];
  if (complete) {
    for (const l of leftoverRegions) {
      addMarker(l.marker, l.rect);
      regions.push({
        kind: "cells",
        sheetId,
        sheetName,
        rect: l.rect,
        marker: l.marker,
        backup: l.backup,
        afterRect: l.rect,
        after: l.after,
      });
    }
  }
  const undo: UndoRecord = {
    id: String(id),
    writtenAt: now,
    regions,
    created: [record.id],
    replaced: replaced.map((l) => l.block),
  };
  if (opts.undoGroup !== undefined) undo.group = opts.undoGroup;
  queueSetSetting(ctx, SETTING_KEYS.undo, undo, UNDO_VERSION);
  await collectGarbage(ctx); // sends the records too
  if (thrown) throw thrown.error;
  if (!written.ok) return written;

  const keptSample = qualify(sheetName, sv.leftover.kept.sample);
  return ok({
    address: qualifiedA1(sheetName, rect.row, rect.col, rect.rowCount, rect.colCount),
    rowsWritten: t.rowCount,
    stats: written.value,
    cleared,
    kept: { count: sv.leftover.kept.count, sample: keptSample },
  });
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
