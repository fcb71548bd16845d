/**
 * What the add-in wrote, and which cells are still its own.
 *
 * Every write of risk columns records an OwnedBlock in the workbook setting
 * SETTING_KEYS.ownedBlocks (v2): the worksheet id, the block's address, a
 * workbook name (hidden, "CreditSentinel.m<n>") that refers to the block —
 * Excel moves, grows or shrinks a name's reference when rows or cells are
 * inserted or deleted, and follows a sheet rename — and the block's
 * fingerprint (fingerprint.ts, in custom XML parts: store.ts) taken from what
 * Excel holds right after the write.
 *
 * A cell is OWNED when it lies in a recorded block whose name still refers to
 * a block of the recorded size on the recorded sheet (at the recorded place,
 * or moved as a whole) and the fingerprint says the cell is unchanged. So a
 * cell the user edited is the user's; a block with rows or cells inserted or
 * deleted inside it owns nothing (its cells count as the user's until the
 * next confirmed write); a block whose cells were deleted, or whose sheet
 * was, is gone.
 *
 * `surveyTarget` reads a target block and everything recorded around it and
 * answers, per cell, empty / owned / foreign — the basis of planWrite and of
 * the re-check writeColumns makes before writing.
 */
import { IoResult, fail, ok } from "./errors";
import { Rect, cellA1, contains, intersect, parseA1, qualifiedA1, rangeA1 } from "./address";
import { Progress, readRowBlocksOf } from "./blocks";
import { SETTING_KEYS, decodeSetting } from "./settings";
import { Fingerprint, FingerprintBuilder, cellHash, changedCells, loadFingerprint } from "./fingerprint";
import { StoreOptions, loadJson } from "./store";

/** A block of cells the add-in wrote (kept in SETTING_KEYS.ownedBlocks, v2). */
export interface OwnedBlock extends Rect {
  /** Record id, unique in the workbook ("1", "2", …). */
  id: string;
  /** Worksheet id (stable across renames) and the name at write time. */
  sheetId: string;
  sheetName: string;
  /** A1 address of header + data at write time, without sheet. */
  address: string;
  /** Header texts as written, one per column. */
  headers: string[];
  /** ISO time of the write. */
  writtenAt: string;
  /** Workbook name referring to the block: it moves with the cells. */
  marker: string;
  /** Custom XML part ids of the block's fingerprint. */
  fingerprint: string[];
}

/** Settings version of the owned-block list (v1 records, without fingerprints, own nothing). */
export const OWNED_BLOCKS_VERSION = 2;
/** At most this many owned blocks are remembered (newest kept). */
export const MAX_OWNED_BLOCKS = 50;
/** Prefix of the workbook names the add-in creates. */
export const MARKER_PREFIX = "CreditSentinel.m";

export function ownedList(stored: unknown): OwnedBlock[] {
  const d = decodeSetting(stored);
  return d !== null && d.version === OWNED_BLOCKS_VERSION && Array.isArray(d.value) ? (d.value as OwnedBlock[]) : [];
}

// ---------------------------------------------------------------- sheets and names

/** Worksheet ids by name (upper case) and names by id, as loaded. */
export interface SheetIndex {
  idOf(name: string): string | undefined;
  nameOf(id: string): string | undefined;
}

export function sheetIndex(items: readonly { id: string; name: string }[]): SheetIndex {
  const byName = new Map(items.map((s) => [s.name.toUpperCase(), s.id]));
  const byId = new Map(items.map((s) => [s.id, s.name]));
  return { idOf: (n) => byName.get(n.toUpperCase()), nameOf: (id) => byId.get(id) };
}

/** Where a marker name refers to now: its sheet id and rectangle, or null when it is gone or broken (#REF!). */
export function markerPlace(formula: unknown, sheets: SheetIndex): { sheetId: string; rect: Rect } | null {
  if (typeof formula !== "string" || formula.includes("#REF!")) return null;
  const ref = parseA1(formula.replace(/^=/, "").replace(/\$/g, ""));
  if (!ref || ref.sheet === undefined) return null;
  const sheetId = sheets.idOf(ref.sheet);
  if (sheetId === undefined) return null;
  return { sheetId, rect: { row: ref.row, col: ref.col, rowCount: ref.rowCount, colCount: ref.colCount } };
}

/** A recorded block and where its marker says it is now. */
export interface LocatedBlock {
  block: OwnedBlock;
  /**
   * "intact": same sheet, place and size; "moved": same size, elsewhere (rows
   * or columns inserted or deleted before it, or cut and pasted); "resized":
   * rows or cells inserted or deleted inside it; "gone": its cells or sheet
   * were deleted, or the name was.
   */
  state: "intact" | "moved" | "resized" | "gone";
  sheetId: string;
  /** Where it is now (the recorded place when gone). */
  rect: Rect;
}

function sameRect(a: Rect, b: Rect): boolean {
  return a.row === b.row && a.col === b.col && a.rowCount === b.rowCount && a.colCount === b.colCount;
}

/**
 * Queues the loads that locate `blocks` by their markers; call the returned
 * function after the next sync.
 */
export function queueLocate(ctx: Excel.RequestContext, blocks: readonly OwnedBlock[]): (sheets: SheetIndex) => LocatedBlock[] {
  const names = blocks.map((b) => {
    const n = ctx.workbook.names.getItemOrNullObject(b.marker);
    n.load("formula");
    return n;
  });
  return (sheets) =>
    blocks.map((block, i) => {
      const n = names[i];
      const place = n.isNullObject ? null : markerPlace(n.formula, sheets);
      if (!place) return { block, state: "gone", sheetId: block.sheetId, rect: block };
      const state =
        place.rect.rowCount !== block.rowCount || place.rect.colCount !== block.colCount
          ? "resized"
          : place.sheetId === block.sheetId && sameRect(place.rect, block)
            ? "intact"
            : "moved";
      return { block, state, sheetId: place.sheetId, rect: place.rect };
    });
}

// ---------------------------------------------------------------- reading a target

/** Cells read from a sheet: `formulas` (and `values` when asked) of `rect`; empty outside it. */
export class Grid {
  constructor(
    readonly rect: Rect | null,
    readonly formulas: unknown[][] = [],
    readonly values: unknown[][] | null = null,
  ) {}
  /** Range.formulas of cell (row, col) of the sheet ("" outside what was read). */
  formula(row: number, col: number): unknown {
    const r = this.rect;
    if (!r || row < r.row || col < r.col || row >= r.row + r.rowCount || col >= r.col + r.colCount) return "";
    return this.formulas[row - r.row][col - r.col];
  }
  /** Range.values of cell (row, col) ("" outside what was read, or when values were not read). */
  value(row: number, col: number): unknown {
    const r = this.rect;
    if (!this.values || !r || row < r.row || col < r.col || row >= r.row + r.rowCount || col >= r.col + r.colCount) return "";
    return this.values[row - r.row][col - r.col];
  }
}

/** The bounding box of rectangles. */
export function boundingBox(rects: readonly Rect[]): Rect {
  const r0 = Math.min(...rects.map((r) => r.row));
  const c0 = Math.min(...rects.map((r) => r.col));
  const r1 = Math.max(...rects.map((r) => r.row + r.rowCount));
  const c1 = Math.max(...rects.map((r) => r.col + r.colCount));
  return { row: r0, col: c0, rowCount: r1 - r0, colCount: c1 - c0 };
}

/** The fingerprint of `rect` as the grid holds it. */
export function gridFingerprint(grid: Grid, rect: Rect, chunkRows?: number): Fingerprint {
  const b = new FingerprintBuilder(rect.rowCount, rect.colCount, chunkRows);
  const hashes = new Array<number>(rect.colCount);
  for (let i = 0; i < rect.rowCount; i++) {
    for (let j = 0; j < rect.colCount; j++) hashes[j] = cellHash(grid.formula(rect.row + i, rect.col + j));
    b.addHashes(hashes);
  }
  return b.finish();
}

/** A located block judged against its fingerprint: which of its cells (sheet coordinates) are still the add-in's. */
export interface JudgedBlock extends LocatedBlock {
  /** True when cell (row, col) of the sheet lies in the block and still holds what the add-in wrote. */
  owns(row: number, col: number): boolean;
  /** True when cell (row, col) lies in the block (where it is now) and changed since the write. */
  edited(row: number, col: number): boolean;
}

/**
 * Judges located blocks: loads their fingerprints and compares them with the
 * grid. A resized or gone block, or one whose fingerprint is lost, owns
 * nothing.
 */
export async function judgeBlocks(
  ctx: Excel.RequestContext,
  located: readonly LocatedBlock[],
  grid: Grid,
  store?: StoreOptions,
): Promise<JudgedBlock[]> {
  const out: JudgedBlock[] = [];
  for (const l of located) {
    const none = {
      ...l,
      owns: () => false,
      edited: (row: number, col: number) => l.state === "resized" && contains(l.rect, { row, col, rowCount: 1, colCount: 1 }),
    };
    if (l.state !== "intact" && l.state !== "moved") {
      out.push(none);
      continue;
    }
    const fp = loadFingerprint(await loadJson(ctx, l.block.fingerprint, store));
    if (!fp || fp.rows !== l.rect.rowCount || fp.cols !== l.rect.colCount) {
      out.push(none);
      continue;
    }
    const cmp = changedCells(fp, gridFingerprint(grid, l.rect, fp.chunkRows));
    const inside = (row: number, col: number) =>
      row >= l.rect.row && col >= l.rect.col && row < l.rect.row + l.rect.rowCount && col < l.rect.col + l.rect.colCount;
    out.push({
      ...l,
      owns: (row, col) => inside(row, col) && !cmp.changed(row - l.rect.row, col - l.rect.col),
      edited: (row, col) => inside(row, col) && cmp.changed(row - l.rect.row, col - l.rect.col),
    });
  }
  return out;
}

// ---------------------------------------------------------------- the survey

/** Sample addresses listed for a set of cells. */
export const MAX_SAMPLE = 5;

/** A count of cells and the first few addresses (A1, without sheet), in row order. */
export interface CellSample {
  count: number;
  sample: string[];
}

function addTo(s: CellSample, row: number, col: number): void {
  s.count++;
  if (s.sample.length < MAX_SAMPLE) s.sample.push(cellA1(row, col));
}

export function emptySample(): CellSample {
  return { count: 0, sample: [] };
}

/** Cells of an earlier write of the same table that a new, smaller block no longer covers. */
export interface Leftover {
  /** The earlier block's rectangles outside the new block (below it, right of it). */
  rects: Rect[];
  /** Cells still exactly as the add-in wrote them: cleared by the write. */
  clear: { row: number; col: number }[];
  /** Non-empty cells changed since: left as they are. */
  kept: CellSample;
}

/** What surveyTarget found. */
export interface Survey {
  /** Every recorded block on the sheet, located and (when near the target) judged. */
  judged: JudgedBlock[];
  /** Every recorded block elsewhere or not judged (kept as is). */
  others: LocatedBlock[];
  /** Cells read (target, blocks touching it, leftovers), within the used range. */
  grid: Grid;
  /** Non-empty target cells not owned. */
  foreign: CellSample;
  /** Of them, cells of a recorded block that changed since the add-in wrote them. */
  edited: CellSample;
  /** Non-empty target cells owned. */
  ownedCount: number;
  /** Addresses (A1) of recorded blocks touching the target with rows or cells inserted or deleted inside. */
  resized: string[];
  /** Hash of every target cell, row-major (0 = empty): what the user confirms. */
  snapshot: Uint32Array;
  leftover: Leftover;
  /** Blocks the write replaces (same anchor as the target, inside it, or resized over it). */
  replaced: LocatedBlock[];
  /** True when cell (row, col) holds exactly what the add-in wrote there. */
  owns(row: number, col: number): boolean;
}

export interface SurveyOptions {
  /** Also read `values` (for a backup). */
  values?: boolean;
  onProgress?: Progress;
  signal?: AbortSignal;
  targetBytes?: number;
  store?: StoreOptions;
}

/**
 * Reads the target block of `sheet` (and the recorded blocks touching it)
 * and judges every target cell. `used` is the sheet's used range (values
 * only) or null for an empty sheet; cells outside it are empty and not read.
 */
export async function surveyTarget(
  ctx: Excel.RequestContext,
  sheet: Excel.Worksheet,
  sheetName: string,
  sheetId: string,
  target: Rect,
  located: readonly LocatedBlock[],
  used: Rect | null,
  opts: SurveyOptions = {},
): Promise<IoResult<Survey>> {
  const near = located.filter(
    (l) =>
      l.sheetId === sheetId &&
      l.state !== "gone" &&
      (intersect(l.rect, target) !== null || (l.rect.row === target.row && l.rect.col === target.col)),
  );
  const others = located.filter((l) => !near.includes(l));
  const box = boundingBox([target, ...near.map((l) => l.rect)]);
  const readRect = used ? intersect(box, used) : null;
  let grid = new Grid(null);
  if (readRect) {
    const props: ("formulas" | "values")[] = opts.values ? ["formulas", "values"] : ["formulas"];
    const read = await readRowBlocksOf(ctx, sheet, sheetName, readRect, props, {
      onProgress: opts.onProgress,
      signal: opts.signal,
      targetBytes: opts.targetBytes,
    });
    if (!read.ok) return read;
    grid = new Grid(readRect, read.value.data.formulas, opts.values ? read.value.data.values : null);
  }
  const judged = await judgeBlocks(ctx, near, grid, opts.store);
  const owned = (row: number, col: number) => judged.some((b) => b.owns(row, col));

  const foreign = emptySample();
  const edited = emptySample();
  let ownedCount = 0;
  const snapshot = new Uint32Array(target.rowCount * target.colCount);
  const scan = readRect ? intersect(readRect, target) : null;
  if (scan) {
    for (let row = scan.row; row < scan.row + scan.rowCount; row++) {
      for (let col = scan.col; col < scan.col + scan.colCount; col++) {
        const h = cellHash(grid.formula(row, col));
        snapshot[(row - target.row) * target.colCount + (col - target.col)] = h;
        if (h === 0) continue;
        if (owned(row, col)) ownedCount++;
        else {
          addTo(foreign, row, col);
          if (judged.some((b) => b.edited(row, col))) addTo(edited, row, col);
        }
      }
    }
  }

  const resized = judged
    .filter((b) => b.state === "resized" && intersect(b.rect, target) !== null)
    .map((b) => rangeA1(b.rect.row, b.rect.col, b.rect.rowCount, b.rect.colCount));
  const anchored = judged.filter((b) => b.rect.row === target.row && b.rect.col === target.col);
  const leftover: Leftover = { rects: [], clear: [], kept: emptySample() };
  for (const b of anchored) {
    for (const rect of outside(b.rect, target)) {
      leftover.rects.push(rect);
      for (let row = rect.row; row < rect.row + rect.rowCount; row++) {
        for (let col = rect.col; col < rect.col + rect.colCount; col++) {
          if (cellHash(grid.formula(row, col)) === 0) continue;
          if (b.owns(row, col)) leftover.clear.push({ row, col });
          else addTo(leftover.kept, row, col);
        }
      }
    }
  }
  const replaced = judged.filter(
    (b) => anchored.includes(b) || contains(target, b.rect) || (b.state === "resized" && intersect(b.rect, target) !== null),
  );
  return ok({ judged, others, grid, foreign, edited, ownedCount, resized, snapshot, leftover, replaced, owns: owned });
}

/** The parts of `a` outside `b` when both start at the same cell: below b, and right of b (beside b's rows). */
function outside(a: Rect, b: Rect): Rect[] {
  const out: Rect[] = [];
  const bEndRow = b.row + b.rowCount;
  const bEndCol = b.col + b.colCount;
  if (a.row + a.rowCount > bEndRow) out.push({ row: bEndRow, col: a.col, rowCount: a.row + a.rowCount - bEndRow, colCount: a.colCount });
  const rows = Math.min(a.row + a.rowCount, bEndRow) - a.row;
  if (a.col + a.colCount > bEndCol && rows > 0)
    out.push({ row: a.row, col: bEndCol, rowCount: rows, colCount: a.col + a.colCount - bEndCol });
  return out;
}

// ---------------------------------------------------------------- opening the target sheet

/** The target sheet, its used range, the sheet index and the recorded state, loaded together. */
export interface OpenedSheet {
  sheet: Excel.Worksheet;
  sheetId: string;
  sheetName: string;
  used: Rect | null;
  sheets: SheetIndex;
  owned: OwnedBlock[];
  /** The stored undo record (raw setting value), or null. */
  undoSetting: unknown;
  located: LocatedBlock[];
}

/**
 * Opens a sheet by id (`by.id`, never matched by name: a sheet that took the
 * name of a renamed one is not it), by the sheet of an Excel table
 * (`by.table`, which follows renames) or by name, and loads what a survey
 * needs in two syncs. "sheet not found" when it is gone.
 */
export async function openSheet(
  ctx: Excel.RequestContext,
  by: { id?: string; table?: string; name: string },
): Promise<IoResult<OpenedSheet>> {
  let sheet: Excel.Worksheet;
  // A table's `worksheet` is not a null object proxy: only *OrNullObject results are checked.
  let nullable = true;
  if (by.id !== undefined) sheet = ctx.workbook.worksheets.getItemOrNullObject(by.id);
  else if (by.table !== undefined) {
    const t = ctx.workbook.tables.getItemOrNullObject(by.table);
    await ctx.sync();
    nullable = t.isNullObject;
    sheet = t.isNullObject ? ctx.workbook.worksheets.getItemOrNullObject(by.name) : t.worksheet;
  } else sheet = ctx.workbook.worksheets.getItemOrNullObject(by.name);
  sheet.load("id,name");
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/id,items/name");
  const ownedSetting = ctx.workbook.settings.getItemOrNullObject(SETTING_KEYS.ownedBlocks);
  ownedSetting.load("value");
  const undoSetting = ctx.workbook.settings.getItemOrNullObject(SETTING_KEYS.undo);
  undoSetting.load("value");
  await ctx.sync();
  const gone = (nullable && sheet.isNullObject) || (by.id !== undefined && sheet.id !== by.id);
  if (gone)
    return fail(
      "sheet not found",
      by.id !== undefined ? `the worksheet (id ${by.id}) planned for the write no longer exists` : `no worksheet named "${by.name}"`,
    );
  const owned = ownedSetting.isNullObject ? [] : ownedList(ownedSetting.value);
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  const locate = queueLocate(ctx, owned);
  await ctx.sync();
  const index = sheetIndex(sheets.items.map((s) => ({ id: s.id, name: s.name })));
  return ok({
    sheet,
    sheetId: sheet.id,
    sheetName: sheet.name,
    used: used.isNullObject ? null : { row: used.rowIndex, col: used.columnIndex, rowCount: used.rowCount, colCount: used.columnCount },
    sheets: index,
    owned,
    undoSetting: undoSetting.isNullObject ? null : undoSetting.value,
    located: locate(index),
  });
}

/** Sheet-qualified addresses of a sample. */
export function qualify(sheetName: string, sample: readonly string[]): string[] {
  return sample.map((a) => {
    const r = parseA1(a) as Rect;
    return qualifiedA1(sheetName, r.row, r.col, r.rowCount, r.colCount);
  });
}
