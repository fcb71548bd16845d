/**
 * Undo of the last write: before a write overwrites or clears a cell, its
 * previous content (value or formula, and the number format where the write
 * sets one) is kept in the workbook, in custom XML parts (store.ts); the
 * record of where (SETTING_KEYS.undo, v1) is small. `restoreLastWrite` puts
 * it back exactly — formulas as formulas, text as text, error constants as
 * errors, empty as empty — but only when every cell the write changed still
 * holds what the write left there (the "after" fingerprint); otherwise it
 * restores nothing and names the changed cells.
 *
 * Regions: "cells" (the risk columns, or earlier results a shrunken table no
 * longer needs, cleared by the write) follow a workbook name that moves with
 * them; "sheet" (a report sheet the user had changed and confirmed to
 * replace) is cleared and refilled. Charts, fonts and fills of a replaced
 * report are not kept.
 *
 * Only the last write is kept: the next write deletes the previous backups.
 * A write that overwrote nothing of the user's and cleared nothing does not
 * replace the record (`group` lets the report join the columns' record).
 */
import { IoResult, fail, ok } from "./errors";
import { Rect, intersect, qualifiedA1, rangeA1 } from "./address";
import { Progress, readRowBlocks, writeRowBlocks } from "./blocks";
import { SETTING_KEYS, decodeSetting, queueSetSetting } from "./settings";
import { CellCode, cellInput } from "./cell-codec";
import { Fingerprint, changedCells, loadFingerprint } from "./fingerprint";
import { StoreOptions, loadJson, queueListParts } from "./store";
import {
  Grid,
  MARKER_PREFIX,
  OwnedBlock,
  emptySample,
  gridFingerprint,
  markerPlace,
  ownedList,
  OWNED_BLOCKS_VERSION,
  sheetIndex,
} from "./owned";

/** One place a write changed, and how to put it back. */
export interface UndoRegion {
  /** "cells": put the cells back; "sheet": clear the sheet (a replaced report), then put the cells back. */
  kind: "cells" | "sheet";
  sheetId: string;
  /** Sheet name at write time (for messages). */
  sheetName: string;
  /** Where the backed-up cells were, at write time. */
  rect: Rect;
  /** Workbook name that moves with the cells ("cells" regions). */
  marker?: string;
  /** Parts of the backup JSON (a Backup). */
  backup: string[];
  /** What the write left, to check before restoring: its rectangle and fingerprint parts. */
  afterRect: Rect;
  after: string[];
}

/** The last write, as SETTING_KEYS.undo holds it. */
export interface UndoRecord {
  id: string;
  /** Writes of one user action (risk columns, then the report) share a group and one record. */
  group?: string;
  /** ISO time of the write. */
  writtenAt: string;
  regions: UndoRegion[];
  /** Ids of the owned blocks the write recorded (dropped on restore). */
  created: string[];
  /** Owned blocks the write replaced (recorded again on restore). */
  replaced: OwnedBlock[];
  /** The report-sheet record before the write, when the write replaced a changed report (put back on restore). */
  reportBefore?: unknown;
}

export const UNDO_VERSION = 1;

export function undoRecordOf(stored: unknown): UndoRecord | null {
  const d = decodeSetting(stored);
  if (d === null || d.version !== UNDO_VERSION || d.value === null || typeof d.value !== "object") return null;
  const r = d.value as UndoRecord;
  return Array.isArray(r.regions) ? r : null;
}

/**
 * Backed-up cells: row-major codes (a row of empty cells as 0), and per
 * column (index within the rectangle) the number formats of its last rows
 * (the data rows under a header) as runs.
 */
export interface Backup {
  rows: number;
  cols: number;
  cells: (CellCode[] | 0)[];
  formats: [number, [string, number][]][];
}

/** Run-length encoding of a column of number formats. @example runs(["0.0","0.0","General"]) → [["0.0",2],["General",1]] */
export function runs(formats: readonly unknown[]): [string, number][] {
  const out: [string, number][] = [];
  for (const f of formats) {
    const s = typeof f === "string" ? f : "General";
    const last = out[out.length - 1];
    if (last && last[0] === s) last[1]++;
    else out.push([s, 1]);
  }
  return out;
}

function expand(r: [string, number][]): string[] {
  const out: string[] = [];
  for (const [f, n] of r) for (let i = 0; i < n; i++) out.push(f);
  return out;
}

/**
 * Cells of the backup of a region: the code of every cell of `rect` (empty
 * outside what was read), a row of empty cells as 0 (a write over empty
 * cells keeps almost nothing).
 */
export function backupCells(rect: Rect, encode: (row: number, col: number) => CellCode): (CellCode[] | 0)[] {
  const cells: (CellCode[] | 0)[] = new Array(rect.rowCount);
  for (let i = 0; i < rect.rowCount; i++) {
    let row: CellCode[] | 0 = 0;
    for (let j = 0; j < rect.colCount; j++) {
      const c = encode(rect.row + i, rect.col + j);
      if (c === null && row === 0) continue;
      if (row === 0) row = new Array<CellCode>(rect.colCount).fill(null);
      row[j] = c;
    }
    cells[i] = row;
  }
  return cells;
}

// ---------------------------------------------------------------- garbage

/** The part ids and marker names the stored state still refers to. */
function references(
  owned: readonly OwnedBlock[],
  undo: UndoRecord | null,
  reportRecord: unknown,
): { parts: Set<string>; names: Set<string> } {
  const parts = new Set<string>();
  const names = new Set<string>();
  for (const b of [...owned, ...(undo?.replaced ?? [])]) {
    b.fingerprint.forEach((p) => parts.add(p));
    names.add(b.marker.toUpperCase());
  }
  for (const r of undo?.regions ?? []) {
    [...r.backup, ...r.after].forEach((p) => parts.add(p));
    if (r.marker) names.add(r.marker.toUpperCase());
  }
  for (const rec of [reportRecord, undo?.reportBefore]) {
    const fp = (rec as { fingerprint?: unknown } | null | undefined)?.fingerprint;
    if (Array.isArray(fp)) fp.forEach((p) => typeof p === "string" && parts.add(p));
  }
  return { parts, names };
}

/**
 * Deletes the custom XML parts and marker names that neither the owned
 * blocks, the undo record nor the report record refer to. Its first sync
 * also sends the caller's queued writes (settings included: the state is read
 * as they leave it). Two syncs.
 */
export async function collectGarbage(ctx: Excel.RequestContext): Promise<void> {
  const settings = ctx.workbook.settings;
  const owned = settings.getItemOrNullObject(SETTING_KEYS.ownedBlocks);
  const undo = settings.getItemOrNullObject(SETTING_KEYS.undo);
  const report = settings.getItemOrNullObject(SETTING_KEYS.reportSheet);
  [owned, undo, report].forEach((s) => s.load("value"));
  const names = ctx.workbook.names;
  names.load("items/name");
  const deleteParts = queueListParts(ctx);
  await ctx.sync();
  const rec = report.isNullObject ? null : decodeSetting(report.value)?.value;
  const refs = references(owned.isNullObject ? [] : ownedList(owned.value), undo.isNullObject ? null : undoRecordOf(undo.value), rec);
  let n = deleteParts(refs.parts);
  for (const item of names.items) {
    if (item.name.startsWith(MARKER_PREFIX) && !refs.names.has(item.name.toUpperCase())) {
      item.delete();
      n++;
    }
  }
  if (n > 0) await ctx.sync();
}

// ---------------------------------------------------------------- the last write

/** What the pane shows about the restorable write. */
export interface LastWrite {
  writtenAt: string;
  /** Sheet-qualified addresses of the regions (with the sheet names of now). */
  addresses: string[];
}

/** The last write that can be restored, or null (two syncs). */
export async function lastWrite(ctx: Excel.RequestContext): Promise<LastWrite | null> {
  const s = ctx.workbook.settings.getItemOrNullObject(SETTING_KEYS.undo);
  s.load("value");
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/id,items/name");
  await ctx.sync();
  const rec = s.isNullObject ? null : undoRecordOf(s.value);
  if (!rec || rec.regions.length === 0) return null;
  const index = sheetIndex(sheets.items.map((w) => ({ id: w.id, name: w.name })));
  return {
    writtenAt: rec.writtenAt,
    addresses: rec.regions.map((r) =>
      r.kind === "sheet"
        ? (index.nameOf(r.sheetId) ?? r.sheetName)
        : qualifiedA1(index.nameOf(r.sheetId) ?? r.sheetName, r.rect.row, r.rect.col, r.rect.rowCount, r.rect.colCount),
    ),
  };
}

export interface RestoreOptions {
  onProgress?: Progress;
  targetBytes?: number;
  store?: StoreOptions;
}

export interface RestoreResult {
  /** Sheet-qualified addresses put back. */
  restored: string[];
}

interface PreparedRegion {
  region: UndoRegion;
  sheet: Excel.Worksheet;
  sheetName: string;
  /** Where the cells are now (moved with their marker). */
  at: Rect;
  backup: Backup;
}

/**
 * Puts back what the last write overwrote or cleared, when every changed
 * cell still holds what the write left there; refuses otherwise, naming the
 * cells ("restore refused"), before writing anything. Afterwards the owned
 * blocks are as before the write and the record is gone. Run it inside
 * runWrite (one undo group where supported).
 *
 * Errors: "nothing to restore", "restore refused", "sheet not found",
 * "payload too large".
 */
export async function restoreLastWrite(ctx: Excel.RequestContext, opts: RestoreOptions = {}): Promise<IoResult<RestoreResult>> {
  const settings = ctx.workbook.settings;
  const undoSetting = settings.getItemOrNullObject(SETTING_KEYS.undo);
  const ownedSetting = settings.getItemOrNullObject(SETTING_KEYS.ownedBlocks);
  const reportSetting = settings.getItemOrNullObject(SETTING_KEYS.reportSheet);
  [undoSetting, ownedSetting, reportSetting].forEach((s) => s.load("value"));
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/id,items/name");
  await ctx.sync();
  const rec = undoSetting.isNullObject ? null : undoRecordOf(undoSetting.value);
  if (!rec || rec.regions.length === 0) return fail("nothing to restore", "no write is recorded for restoring");
  const index = sheetIndex(sheets.items.map((w) => ({ id: w.id, name: w.name })));

  // 1. Every check before any write.
  const prepared: PreparedRegion[] = [];
  const changed = emptySample();
  const sample: string[] = [];
  for (const region of rec.regions) {
    const sheetName = index.nameOf(region.sheetId);
    if (sheetName === undefined) return fail("sheet not found", `the worksheet "${region.sheetName}" of the last write no longer exists`);
    const sheet = ctx.workbook.worksheets.getItem(region.sheetId);
    let at = region.rect;
    let check = region.afterRect;
    if (region.kind === "cells" && region.marker) {
      const n = ctx.workbook.names.getItemOrNullObject(region.marker);
      n.load("formula");
      await ctx.sync();
      const place = n.isNullObject ? null : markerPlace(n.formula, index);
      if (
        !place ||
        place.sheetId !== region.sheetId ||
        place.rect.rowCount !== region.rect.rowCount ||
        place.rect.colCount !== region.rect.colCount
      ) {
        const where = place
          ? qualifiedA1(index.nameOf(place.sheetId) ?? sheetName, place.rect.row, place.rect.col, place.rect.rowCount, place.rect.colCount)
          : qualifiedA1(sheetName, at.row, at.col, at.rowCount, at.colCount);
        return fail("restore refused", `rows or cells were inserted or deleted in ${where} since the write`, { count: 1, cells: [where] });
      }
      at = place.rect;
      check = place.rect;
    }
    const fp = loadFingerprint(await loadJson(ctx, region.after, opts.store));
    const backup = await loadJson<Backup>(ctx, region.backup, opts.store);
    if (!fp || !backup || backup.rows !== region.rect.rowCount || backup.cols !== region.rect.colCount) {
      return fail(
        "restore refused",
        `the backup of ${qualifiedA1(sheetName, at.row, at.col, at.rowCount, at.colCount)} is missing or damaged`,
        { count: 0, cells: [] },
      );
    }
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    await ctx.sync();
    const usedRect = used.isNullObject
      ? null
      : { row: used.rowIndex, col: used.columnIndex, rowCount: used.rowCount, colCount: used.columnCount };
    const found = await changedSince(ctx, sheet, sheetName, check, fp, usedRect, region.kind === "sheet", opts);
    if (!found.ok) return found;
    for (const a of found.value) {
      changed.count++;
      if (sample.length < 5) sample.push(a);
    }
    prepared.push({ region, sheet, sheetName, at, backup });
  }
  if (changed.count > 0) {
    return fail("restore refused", `${changed.count} cells changed since the last write, e.g. ${sample.join(", ")}`, {
      count: changed.count,
      cells: sample,
    });
  }

  // 2. Put the cells back.
  const restored: string[] = [];
  for (const p of prepared) {
    const { region, sheet, sheetName, at, backup } = p;
    if (region.kind === "sheet") {
      sheet.getRange().clear("All");
      sheet.charts.load("items/name");
      await ctx.sync();
      sheet.charts.items.forEach((c) => c.delete());
      await ctx.sync();
    }
    // Text goes back through typed input: where the write left a Text ("@") format, Excel would keep the
    // apostrophe that keeps the text text. Reset those cells to General first (their own format follows).
    for (const [j] of backup.formats) {
      for (let i = 0; i < at.rowCount;) {
        const row = backup.cells[i];
        if (row === 0 || typeof row[j] !== "string") {
          i++;
          continue;
        }
        let n = 1;
        while (
          i + n < at.rowCount &&
          n < 100_000 &&
          (() => {
            const r = backup.cells[i + n];
            return r !== 0 && typeof r[j] === "string";
          })()
        )
          n++;
        sheet.getRangeByIndexes(at.row + i, at.col + j, n, 1).numberFormat = Array.from({ length: n }, () => ["General"]);
        i += n;
      }
    }
    const w = await writeRowBlocks(
      ctx,
      sheet,
      sheetName,
      { row: at.row, col: at.col, colCount: at.colCount },
      at.rowCount,
      (i) => {
        const row = backup.cells[i];
        return row === 0 ? Array.from({ length: at.colCount }, () => "") : row.map(cellInput);
      },
      {
        property: "formulas",
        onProgress: opts.onProgress,
        targetBytes: opts.targetBytes,
      },
    );
    if (!w.ok) return w;
    for (const [j, r] of backup.formats) {
      const col = expand(r);
      const f = await writeRowBlocks(
        ctx,
        sheet,
        sheetName,
        { row: at.row + at.rowCount - col.length, col: at.col + j, colCount: 1 },
        col.length,
        (i) => [col[i]],
        {
          property: "numberFormat",
          targetBytes: opts.targetBytes,
        },
      );
      if (!f.ok) return f;
    }
    restored.push(region.kind === "sheet" ? sheetName : qualifiedA1(sheetName, at.row, at.col, at.rowCount, at.colCount));
  }

  // 3. Ownership as before the write; the record is spent.
  const owned = (ownedSetting.isNullObject ? [] : ownedList(ownedSetting.value)).filter((b) => !rec.created.includes(b.id));
  const back = rec.replaced.filter((b) => !owned.some((o) => o.id === b.id));
  queueSetSetting(ctx, SETTING_KEYS.ownedBlocks, [...owned, ...back], OWNED_BLOCKS_VERSION);
  if (rec.reportBefore !== undefined) {
    if (rec.reportBefore === null) {
      if (!reportSetting.isNullObject) reportSetting.delete();
    } else ctx.workbook.settings.add(SETTING_KEYS.reportSheet, rec.reportBefore as string);
  }
  ctx.workbook.settings.getItem(SETTING_KEYS.undo).delete();
  await collectGarbage(ctx);
  return ok({ restored });
}

/**
 * Sheet-qualified addresses of the cells of `rect` that no longer hold what
 * fingerprint `fp` recorded; with `wholeSheet`, also every non-empty cell of
 * the sheet outside `rect` (a replaced report sheet must be as the add-in
 * left it).
 */
async function changedSince(
  ctx: Excel.RequestContext,
  sheet: Excel.Worksheet,
  sheetName: string,
  rect: Rect,
  fp: Fingerprint,
  used: Rect | null,
  wholeSheet: boolean,
  opts: RestoreOptions,
): Promise<IoResult<string[]>> {
  const readRect = wholeSheet && used ? boundingRect(rect, used) : rect;
  const scan = used ? intersect(readRect, used) : null;
  let grid = new Grid(null);
  if (scan) {
    const r = await readRowBlocks(ctx, sheet, sheetName, scan, { property: "formulas", targetBytes: opts.targetBytes });
    if (!r.ok) return r;
    grid = new Grid(scan, r.value.rows);
  }
  const out: string[] = [];
  if (fp.rows !== rect.rowCount || fp.cols !== rect.colCount)
    return ok([qualifiedA1(sheetName, rect.row, rect.col, rect.rowCount, rect.colCount)]);
  const cmp = changedCells(fp, gridFingerprint(grid, rect, fp.chunkRows));
  if (cmp.any) {
    for (let i = 0; i < rect.rowCount; i++)
      for (let j = 0; j < rect.colCount; j++) if (cmp.changed(i, j)) out.push(qualifiedA1(sheetName, rect.row + i, rect.col + j, 1, 1));
  }
  if (wholeSheet && scan) {
    for (let row = scan.row; row < scan.row + scan.rowCount; row++) {
      for (let col = scan.col; col < scan.col + scan.colCount; col++) {
        const inside = row >= rect.row && col >= rect.col && row < rect.row + rect.rowCount && col < rect.col + rect.colCount;
        const v = grid.formula(row, col);
        if (!inside && v !== "" && v !== null && v !== undefined) out.push(qualifiedA1(sheetName, row, col, 1, 1));
      }
    }
  }
  return ok(out);
}

function boundingRect(a: Rect, b: Rect): Rect {
  const row = Math.min(a.row, b.row);
  const col = Math.min(a.col, b.col);
  return {
    row,
    col,
    rowCount: Math.max(a.row + a.rowCount, b.row + b.rowCount) - row,
    colCount: Math.max(a.col + a.colCount, b.col + b.colCount) - col,
  };
}

/** A1 of a rectangle, without sheet. */
export function addressOf(r: Rect): string {
  return rangeA1(r.row, r.col, r.rowCount, r.colCount);
}
