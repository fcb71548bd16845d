/**
 * An in-memory WorkbookPort: tables and loose cells on sheets (with ids, so a
 * renamed sheet is followed as in Excel), the selection's region, settings,
 * written blocks, user edits and report sheets kept in memory, with a log of
 * every write for assertions. Used by the component tests and by the browser
 * demo (`taskpane.html?mock=demo`, loaded lazily: never part of the
 * production code path).
 *
 * It keeps src/excel's guarantees, by simpler means (it holds every value,
 * so it compares cells exactly where Excel needs fingerprints):
 * - the plan reports non-empty target cells the add-in does not own; a cell
 *   the add-in wrote and the user edited since is the user's;
 * - the write re-checks the target against the plan's snapshot and refuses
 *   ("target changed", cells named) before writing anything, checks the
 *   table (header and first column) against the review ("table changed"),
 *   and writes to the planned sheet by id;
 * - earlier results beside rows no longer in the table are cleared only when
 *   still exactly as written;
 * - a report sheet the user renamed or edited is replaced only after a
 *   confirmation of that very state;
 * - every write keeps what it overwrote, and restoreLastWrite puts it back
 *   unless the written cells changed since.
 * Not modelled: inserting or deleting rows (src/excel's tests cover those on
 * the fake Excel host), formulas (a formula text is kept as a value).
 */
import { cellA1, contains, intersect, qualifiedA1, quoteSheet, type Rect } from "../../excel/address";
import { fail, ok, type IoErrorCode } from "../../excel/errors";
import { cellHash } from "../../excel/fingerprint";
import { DEFAULT_REPORT_SHEET, freeSheetName, type ReportCheck, type ReportModel, type ReportResult } from "../../excel/report-sheet";
import { sourceKeyHash, type WritePlan, type WriteResult } from "../../excel/write-columns";
import type {
  DataArea,
  LastWrite,
  ProgressOptions,
  RestoreResult,
  TableData,
  TableInfo,
  TableSource,
  WorkbookPort,
  WriteRequest,
} from "../../excel/port";

/** A table placed on a sheet. */
export interface MemoryTable {
  name: string;
  sheetName: string;
  headers: unknown[];
  rows: unknown[][];
  /** Sheet row of the header (0-based, default 0). */
  headerRow?: number;
  /** Sheet column of the first column (default 0). */
  firstColumn?: number;
}

export interface MemoryWorkbookOptions {
  tables?: MemoryTable[];
  /** Loose cells (not in a table), e.g. a user's note right of a table. */
  cells?: { sheetName: string; row: number; col: number; value: unknown }[];
  /** What "use current selection" reads: a region, or the error the host layer gives. */
  selection?: Omit<MemoryTable, "name"> | { error: IoErrorCode };
  /** Rows per read/write block (default 5,000). */
  blockRows?: number;
  /** Delay per block in ms (default 0: a macrotask). */
  latencyMs?: number;
}

/** One writeColumns call as the port received it (completed writes only). */
export interface LoggedWrite {
  plan: WritePlan;
  req: WriteRequest;
  overwrite: boolean;
}

export interface MemoryWorkbook extends WorkbookPort {
  /** Every completed write, in order. */
  readonly writes: LoggedWrite[];
  /** Every report written. */
  readonly reports: ReportModel[];
  /** Rows selected from the pane. */
  readonly selections: { area: DataArea; row: number }[];
  /** Cells (column null: whole rows) selected from the pane by "Go to", in order. */
  readonly cellSelections: { sheetName: string; row: number; column: number | null }[];
  readonly settings: Map<string, unknown>;
  /** How many times the pane asked for a full recalculation. */
  readonly recalculations: number;
  /** The value of a cell (tables, loose cells, written blocks, edits); "" when empty. */
  cellAt(sheetName: string, row: number, col: number): unknown;
  /**
   * The number format of a cell: the latest format written to it by
   * writeColumns (a column's `numberFormat`, data rows only) or put back by
   * a restore, else "General". A later write without a format for that
   * column leaves it, as Excel does.
   */
  numberFormatAt(sheetName: string, row: number, col: number): string;
  /** Simulates the user selecting a cell in the sheet (fires onSelectedRow listeners). */
  userSelects(sheetName: string, row: number, col: number): void;
  /** Simulates the user typing `value` into a cell ("" clears it). */
  edit(sheetName: string, row: number, col: number, value: unknown): void;
  /** Simulates the user renaming a sheet (the sheet keeps its id). */
  renameSheet(from: string, to: string): void;
  /** Names of the sheets, in order. */
  sheetNames(): string[];
}

interface Sheet {
  id: string;
  name: string;
}

interface Block {
  sheetId: string;
  rect: Rect;
  /** Column-major values of the data rows; the header row is `headers`. */
  headers: string[];
  columns: (readonly unknown[])[];
}

/** A cell range given one number format (by a write, or by a restore). */
interface FormatStrip {
  sheetId: string;
  col: number;
  row: number;
  rowCount: number;
  format: string;
}

/** Cells the add-in wrote: owned while each still holds what was written. */
interface Owned {
  id: number;
  sheetId: string;
  rect: Rect;
  /** What was written, by cell. */
  valueAt(row: number, col: number): unknown;
}

interface UndoRegion {
  sheetId: string;
  rect: Rect;
  /** "sheet": clear the whole sheet before putting the cells back (a replaced report). */
  kind: "cells" | "sheet";
  /** Cells before and after the write (row-major, within rect); for "sheet", every cell of the sheet by key. */
  before: Map<string, unknown>;
  after: Map<string, unknown>;
  formats: { col: number; formats: string[] }[];
}

interface UndoRecord {
  group?: string;
  writtenAt: string;
  regions: UndoRegion[];
  created: number[];
  replaced: Owned[];
  report?: { before: ReportRecord | null };
}

interface ReportRecord {
  sheetId: string;
  name: string;
  /** The cells the add-in left on the sheet, by "row:col". */
  cells: Map<string, unknown>;
}

const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function blank(v: unknown): boolean {
  return v === null || v === undefined || v === "";
}

const MAX_SAMPLE = 5;

/** Creates an in-memory workbook. */
export function createMemoryWorkbook(options: MemoryWorkbookOptions = {}): MemoryWorkbook {
  const sheets: Sheet[] = [];
  const sheetOf = (name: string): Sheet | undefined => sheets.find((s) => s.name.toUpperCase() === name.toUpperCase());
  const ensureSheet = (name: string): Sheet =>
    sheetOf(name) ?? (sheets.push({ id: `{mem-sheet-${sheets.length + 1}}`, name }), sheets[sheets.length - 1]);
  const tables = (options.tables ?? []).map((t) => ({ ...t, sheetId: ensureSheet(t.sheetName).id }));
  const ck = (sheetId: string, r: number, c: number) => `${sheetId}!${r}:${c}`;
  const loose = new Map<string, unknown>();
  for (const c of options.cells ?? []) loose.set(ck(ensureSheet(c.sheetName).id, c.row, c.col), c.value);
  /** Cells typed by the user, cleared or put back by the add-in: above everything else. */
  const edits = new Map<string, unknown>();
  const blocks: Block[] = [];
  const strips: FormatStrip[] = [];
  const writes: LoggedWrite[] = [];
  const reports: ReportModel[] = [];
  const selections: { area: DataArea; row: number }[] = [];
  const cellSelections: { sheetName: string; row: number; column: number | null }[] = [];
  const settings = new Map<string, unknown>();
  const listeners = new Set<{ area: DataArea; fn: (row: number) => void }>();
  const blockRows = options.blockRows ?? 5000;
  const pause = () => wait(options.latencyMs ?? 0);
  let owned: Owned[] = [];
  let nextOwnedId = 1;
  let undo: UndoRecord | null = null;
  let report: ReportRecord | null = null;

  function tableRect(t: Omit<MemoryTable, "name">): Rect {
    return { row: t.headerRow ?? 0, col: t.firstColumn ?? 0, rowCount: t.rows.length + 1, colCount: t.headers.length };
  }

  function cellIn(sheetId: string, row: number, col: number): unknown {
    const k = ck(sheetId, row, col);
    if (edits.has(k)) return edits.get(k);
    for (let i = blocks.length - 1; i >= 0; i--) {
      const b = blocks[i];
      if (b.sheetId !== sheetId) continue;
      const r = row - b.rect.row,
        c = col - b.rect.col;
      if (r < 0 || c < 0 || r >= b.rect.rowCount || c >= b.rect.colCount) continue;
      return r === 0 ? b.headers[c] : (b.columns[c][r - 1] ?? "");
    }
    for (const t of tables) {
      if (t.sheetId !== sheetId) continue;
      const rect = tableRect(t);
      const r = row - rect.row,
        c = col - rect.col;
      if (r < 0 || c < 0 || r >= rect.rowCount || c >= rect.colCount) continue;
      return r === 0 ? t.headers[c] : (t.rows[r - 1][c] ?? "");
    }
    return loose.get(k) ?? "";
  }

  function cellAt(sheetName: string, row: number, col: number): unknown {
    const s = sheetOf(sheetName);
    return s ? cellIn(s.id, row, col) : "";
  }

  function formatIn(sheetId: string, row: number, col: number): string {
    for (let i = strips.length - 1; i >= 0; i--) {
      const f = strips[i];
      if (f.sheetId === sheetId && f.col === col && row >= f.row && row < f.row + f.rowCount) return f.format;
    }
    return "General";
  }

  function numberFormatAt(sheetName: string, row: number, col: number): string {
    const s = sheetOf(sheetName);
    return s ? formatIn(s.id, row, col) : "General";
  }

  /** Every non-empty cell of a sheet the memory knows of, by "row:col" (for report sheets: small). */
  function sheetCells(sheetId: string): Map<string, unknown> {
    const out = new Map<string, unknown>();
    const keys = new Set<string>();
    const prefix = `${sheetId}!`;
    for (const k of [...edits.keys(), ...loose.keys()]) if (k.startsWith(prefix)) keys.add(k.slice(prefix.length));
    for (const b of blocks.filter((x) => x.sheetId === sheetId))
      for (let r = 0; r < b.rect.rowCount; r++) for (let c = 0; c < b.rect.colCount; c++) keys.add(`${b.rect.row + r}:${b.rect.col + c}`);
    for (const t of tables.filter((x) => x.sheetId === sheetId)) {
      const rect = tableRect(t);
      for (let r = 0; r < rect.rowCount; r++) for (let c = 0; c < rect.colCount; c++) keys.add(`${rect.row + r}:${rect.col + c}`);
    }
    for (const key of keys) {
      const [r, c] = key.split(":").map(Number);
      const v = cellIn(sheetId, r, c);
      if (!blank(v)) out.set(key, v);
    }
    return out;
  }

  async function read(t: Omit<MemoryTable, "name"> & { sheetId?: string }, tableName: string | undefined, opts: ProgressOptions = {}) {
    const rect = tableRect(t);
    const sheetName = t.sheetId ? (sheets.find((s) => s.id === t.sheetId)?.name ?? t.sheetName) : t.sheetName;
    if (!t.headers.some((h) => typeof h === "string" && h.trim() !== "")) {
      return fail<TableData>(
        "no header row",
        `the first row of ${qualifiedA1(sheetName, rect.row, rect.col, rect.rowCount, rect.colCount)} has no column labels`,
      );
    }
    if (t.rows.length === 0) return fail<TableData>("no data rows", "a header row but no data rows");
    const sheetId = t.sheetId ?? ensureSheet(sheetName).id;
    // Cells typed or written over the table show through; without any, the rows are copied as they are.
    const plain =
      ![...edits.keys()].some((k) => k.startsWith(`${sheetId}!`)) &&
      !blocks.some((b) => b.sheetId === sheetId && intersect(b.rect, rect) !== null);
    const rows: unknown[][] = [];
    const stats = { blockRows: [] as number[], blockBytes: [] as number[], retries: 0 };
    for (let i = 0; i < t.rows.length; i += blockRows) {
      if (opts.signal?.aborted) return fail<TableData>("cancelled", `reading cancelled after ${i} rows`);
      await pause();
      const n = Math.min(blockRows, t.rows.length - i);
      for (let k = 0; k < n; k++) {
        const r = rect.row + 1 + i + k;
        rows.push(plain ? [...t.rows[i + k]] : Array.from({ length: rect.colCount }, (_, c) => cellIn(sheetId, r, rect.col + c)));
      }
      stats.blockRows.push(n);
      stats.blockBytes.push(0);
      opts.onProgress?.(i + n, t.rows.length);
    }
    if (opts.signal?.aborted) return fail<TableData>("cancelled", "reading cancelled");
    return ok<TableData>({
      sheetName,
      tableName,
      address: qualifiedA1(sheetName, rect.row, rect.col, rect.rowCount, rect.colCount),
      headerRow: Array.from({ length: rect.colCount }, (_, c) => cellIn(sheetId, rect.row, rect.col + c)),
      rows,
      firstDataRow: rect.row + 1,
      rowCount: t.rows.length,
      firstColumn: rect.col,
      columnCount: rect.colCount,
      stats,
    });
  }

  function targetOf(req: WriteRequest, sheetName: string) {
    const a = req.area;
    return {
      sheetName,
      headerRow: a.firstDataRow - 1,
      rowCount: a.rowCount,
      firstColumn: a.firstColumn + a.columnCount,
      columnCount: req.columns.length,
    };
  }

  /** The sheet of the area: through its table (which follows renames), else by name. */
  function areaSheet(a: DataArea): Sheet | undefined {
    const t = a.tableName ? tables.find((x) => x.name.toUpperCase() === a.tableName?.toUpperCase()) : undefined;
    return t ? sheets.find((s) => s.id === t.sheetId) : sheetOf(a.sheetName);
  }

  /** "table changed" unless the area's header row and first column are as the review read them. */
  function tableUnchanged(a: DataArea, sheetId: string): boolean {
    if (a.keyHash === undefined) return true;
    const hr = a.firstDataRow - 1;
    const header = Array.from({ length: a.columnCount }, (_, c) => cellIn(sheetId, hr, a.firstColumn + c));
    const first = Array.from({ length: a.rowCount }, (_, i) => cellIn(sheetId, a.firstDataRow + i, a.firstColumn));
    return sourceKeyHash(header, first) === a.keyHash;
  }

  const inRect = (r: Rect, row: number, col: number) =>
    row >= r.row && col >= r.col && row < r.row + r.rowCount && col < r.col + r.colCount;
  const ownsCell = (o: Owned, row: number, col: number) => inRect(o.rect, row, col) && cellIn(o.sheetId, row, col) === o.valueAt(row, col);

  interface Survey {
    plan: WritePlan;
    rect: Rect;
    clear: { row: number; col: number }[];
    leftoverRects: Rect[];
    kept: { count: number; sample: string[] };
    replaced: Owned[];
  }

  function survey(req: WriteRequest, sheet: Sheet): Survey {
    const target = targetOf(req, sheet.name);
    const rect: Rect = { row: target.headerRow, col: target.firstColumn, rowCount: target.rowCount + 1, colCount: target.columnCount };
    const mine = owned.filter((o) => o.sheetId === sheet.id);
    const near = mine.filter((o) => intersect(o.rect, rect) !== null || (o.rect.row === rect.row && o.rect.col === rect.col));
    const snapshot = new Uint32Array(rect.rowCount * rect.colCount);
    const foreign: string[] = [];
    const edited: string[] = [];
    let foreignCount = 0,
      editedCount = 0,
      ownedCount = 0;
    for (let i = 0; i < rect.rowCount; i++) {
      for (let j = 0; j < rect.colCount; j++) {
        const row = rect.row + i,
          col = rect.col + j;
        const v = cellIn(sheet.id, row, col);
        const h = cellHash(v);
        snapshot[i * rect.colCount + j] = h;
        if (h === 0) continue;
        if (near.some((o) => ownsCell(o, row, col))) ownedCount++;
        else {
          foreignCount++;
          if (foreign.length < MAX_SAMPLE) foreign.push(cellA1(row, col));
          if (near.some((o) => inRect(o.rect, row, col))) {
            editedCount++;
            if (edited.length < MAX_SAMPLE) edited.push(cellA1(row, col));
          }
        }
      }
    }
    const clear: { row: number; col: number }[] = [];
    const leftoverRects: Rect[] = [];
    const kept = { count: 0, sample: [] as string[] };
    for (const o of near.filter((x) => x.rect.row === rect.row && x.rect.col === rect.col)) {
      const parts: Rect[] = [];
      if (o.rect.rowCount > rect.rowCount)
        parts.push({
          row: rect.row + rect.rowCount,
          col: o.rect.col,
          rowCount: o.rect.rowCount - rect.rowCount,
          colCount: o.rect.colCount,
        });
      if (o.rect.colCount > rect.colCount)
        parts.push({
          row: o.rect.row,
          col: rect.col + rect.colCount,
          rowCount: Math.min(o.rect.rowCount, rect.rowCount),
          colCount: o.rect.colCount - rect.colCount,
        });
      for (const p of parts) {
        leftoverRects.push(p);
        for (let row = p.row; row < p.row + p.rowCount; row++) {
          for (let col = p.col; col < p.col + p.colCount; col++) {
            if (blank(cellIn(sheet.id, row, col))) continue;
            if (ownsCell(o, row, col)) clear.push({ row, col });
            else {
              kept.count++;
              if (kept.sample.length < MAX_SAMPLE) kept.sample.push(cellA1(row, col));
            }
          }
        }
      }
    }
    const replaced = near.filter((o) => (o.rect.row === rect.row && o.rect.col === rect.col) || contains(rect, o.rect));
    return {
      rect,
      clear,
      leftoverRects,
      kept,
      replaced,
      plan: {
        target,
        sheetId: sheet.id,
        address: qualifiedA1(sheet.name, rect.row, rect.col, rect.rowCount, rect.colCount),
        foreignCount,
        foreignSample: foreign,
        ownedCount,
        editedCount,
        editedSample: edited,
        resized: [],
        leftover: { clearCount: clear.length, keptCount: kept.count, keptSample: kept.sample },
        snapshot,
      },
    };
  }

  function cellsOf(sheetId: string, r: Rect): Map<string, unknown> {
    const m = new Map<string, unknown>();
    for (let row = r.row; row < r.row + r.rowCount; row++)
      for (let col = r.col; col < r.col + r.colCount; col++) m.set(`${row}:${col}`, cellIn(sheetId, row, col));
    return m;
  }

  // ---- the report sheet, laid out like src/excel's writeReport (title, three meta rows, sections with a blank row between)

  function renderReport(model: ReportModel): Map<string, unknown> {
    const cells = new Map<string, unknown>();
    const put = (r: number, c: number, v: unknown) => !blank(v) && cells.set(`${r}:${c}`, v);
    const labels = { asOf: "As of", modelVersion: "Model version", policyVersion: "Policy version", ...model.labels };
    put(0, 0, model.title);
    [
      [labels.asOf, model.asOf],
      [labels.modelVersion, model.modelVersion],
      [labels.policyVersion, model.policyVersion],
    ].forEach(([a, b], i) => (put(1 + i, 0, a), put(1 + i, 1, b)));
    let row = 5;
    for (const s of model.sections) {
      put(row, 0, s.title);
      s.header.forEach((h, c) => put(row + 1, c, h));
      s.rows.forEach((r, i) => r.forEach((v, c) => put(row + 2 + i, c, v)));
      row += 2 + s.rows.length + (s.chart && s.rows.length > 0 ? Math.max(0, 15 - 2 - s.rows.length) : 0) + 2;
    }
    return cells;
  }

  function clearSheet(sheetId: string): void {
    for (const key of sheetCells(sheetId).keys()) {
      const [r, c] = key.split(":").map(Number);
      edits.set(ck(sheetId, r, c), "");
    }
  }

  function putCells(sheetId: string, cells: Map<string, unknown>): void {
    for (const [key, v] of cells) {
      const [r, c] = key.split(":").map(Number);
      edits.set(ck(sheetId, r, c), v);
    }
  }

  function checkReport(base: string): { check: ReportCheck; mine: Sheet | null; needs: boolean } {
    const newSheetName = freeSheetName(
      base,
      sheets.map((s) => s.name),
    );
    const mine = report ? sheets.find((s) => s.id === report?.sheetId) : undefined;
    if (!report || !mine)
      return {
        check: { action: "create", sheetName: newSheetName, newSheetName, renamedFrom: null, edited: null, token: "" },
        mine: null,
        needs: false,
      };
    const now = sheetCells(mine.id);
    const changed: string[] = [];
    const keys = new Set([...now.keys(), ...report.cells.keys()]);
    for (const key of [...keys].sort((a, b) => {
      const [ra, ca] = a.split(":").map(Number);
      const [rb, cb] = b.split(":").map(Number);
      return ra - rb || ca - cb;
    })) {
      if ((now.get(key) ?? "") !== (report.cells.get(key) ?? "")) changed.push(key);
    }
    const cells = changed.slice(0, MAX_SAMPLE).map((k) => {
      const [r, c] = k.split(":").map(Number);
      return qualifiedA1(mine.name, r, c, 1, 1);
    });
    const edited = changed.length > 0 ? { count: changed.length, cells, charts: false, unverifiable: false } : null;
    const renamedFrom = mine.name !== report.name ? report.name : null;
    const token = `${mine.name}|${[...now].map(([k, v]) => `${k}=${String(v)}`).join(";")}`;
    return {
      check: { action: "replace", sheetName: mine.name, newSheetName, renamedFrom, edited, token },
      mine,
      needs: edited !== null || renamedFrom !== null,
    };
  }

  const port: MemoryWorkbook = {
    writes,
    reports,
    selections,
    cellSelections,
    settings,
    cellAt,
    numberFormatAt,
    userSelects(sheetName, row, col) {
      for (const l of listeners) {
        const a = l.area;
        if (a.sheetName.toUpperCase() !== sheetName.toUpperCase()) continue;
        const i = row - a.firstDataRow;
        if (i >= 0 && i < a.rowCount && col >= a.firstColumn && col < a.firstColumn + a.columnCount) l.fn(i);
      }
    },
    edit(sheetName, row, col, value) {
      edits.set(ck(ensureSheet(sheetName).id, row, col), value);
    },
    renameSheet(from, to) {
      const s = sheetOf(from);
      if (!s) throw new Error(`no sheet ${from}`);
      if (sheetOf(to) && sheetOf(to) !== s) throw new Error(`a sheet named ${to} exists`);
      s.name = to;
    },
    sheetNames: () => sheets.map((s) => s.name),
    async listTables(): Promise<TableInfo[]> {
      await pause();
      return tables.map((t) => ({
        name: t.name,
        sheetName: sheets.find((s) => s.id === t.sheetId)?.name ?? t.sheetName,
        rowCount: t.rows.length,
        headers: t.headers.map((h) => (h === null || h === undefined ? "" : String(h))),
      }));
    },
    async readTable(source: TableSource, opts?: ProgressOptions) {
      await pause();
      if (source.kind === "table") {
        const t = tables.find((x) => x.name.toUpperCase() === source.name.toUpperCase());
        if (!t) return fail<TableData>("table not found", `no table named "${source.name}"`);
        return read(t, t.name, opts);
      }
      const s = options.selection;
      if (!s) return fail<TableData>("empty selection", "nothing is selected");
      if ("error" in s) return fail<TableData>(s.error, `selection: ${s.error}`);
      return read(s, undefined, opts);
    },
    async planWrite(req) {
      await pause();
      const sheet = areaSheet(req.area);
      if (!sheet) return fail("sheet not found", `no worksheet named "${req.area.sheetName}"`);
      if (!tableUnchanged(req.area, sheet.id)) return fail("table changed", "the table changed since it was read");
      return ok(survey(req, sheet).plan);
    },
    async writeColumns(p, req, opts) {
      if (p.foreignCount > 0 && !opts.overwrite) {
        return fail<WriteResult>(
          "overwrite not confirmed",
          `${p.foreignCount} non-empty cells in ${p.address} were not written by CreditSentinel`,
        );
      }
      const sheet = sheets.find((s) => s.id === p.sheetId);
      if (!sheet) return fail<WriteResult>("sheet not found", "the planned worksheet no longer exists");
      if (!tableUnchanged(req.area, sheet.id)) return fail<WriteResult>("table changed", "the table changed since it was read");
      const sv = survey(req, sheet);
      const changed: string[] = [];
      let changedCount = 0;
      sv.plan.snapshot.forEach((h, i) => {
        if (h === 0 || h === p.snapshot[i]) return;
        const row = sv.rect.row + Math.floor(i / sv.rect.colCount);
        const col = sv.rect.col + (i % sv.rect.colCount);
        if (owned.some((o) => o.sheetId === sheet.id && ownsCell(o, row, col))) return; // the add-in's own results, unchanged
        changedCount++;
        if (changed.length < MAX_SAMPLE) changed.push(qualifiedA1(sheet.name, row, col, 1, 1));
      });
      if (changedCount > 0)
        return fail<WriteResult>("target changed", `${changedCount} cells changed since the plan`, { count: changedCount, cells: changed });

      const t = sv.plan.target;
      const n = t.rowCount;
      const rect = sv.rect;
      const before = cellsOf(sheet.id, rect);
      const formats = req.columns.flatMap((c, j) =>
        c.numberFormat === undefined
          ? []
          : [{ col: rect.col + j, formats: Array.from({ length: n }, (_, i) => formatIn(sheet.id, rect.row + 1 + i, rect.col + j)) }],
      );
      const leftBefore = sv.leftoverRects.map((r) => ({ r, before: cellsOf(sheet.id, r) }));
      for (let i = 0; i < n; i += blockRows) {
        if (opts.signal?.aborted) return fail<WriteResult>("cancelled", `writing cancelled after ${i} rows`);
        await pause();
        opts.onProgress?.(Math.min(n, i + blockRows), n);
      }
      // Written cells replace edits under them.
      for (const key of before.keys()) edits.delete(`${sheet.id}!${key}`);
      const block: Block = {
        sheetId: sheet.id,
        rect,
        headers: req.columns.map((c) => c.header),
        columns: req.columns.map((c) => c.values.map((v) => (v === undefined || v === null ? "" : v))),
      };
      blocks.push(block);
      req.columns.forEach((c, j) => {
        if (c.numberFormat !== undefined && n > 0)
          strips.push({ sheetId: sheet.id, col: t.firstColumn + j, row: t.headerRow + 1, rowCount: n, format: c.numberFormat });
      });
      for (const { row, col } of sv.clear) edits.set(ck(sheet.id, row, col), "");
      const record: Owned = {
        id: nextOwnedId++,
        sheetId: sheet.id,
        rect,
        valueAt: (row, col) =>
          row === rect.row ? block.headers[col - rect.col] : (block.columns[col - rect.col][row - rect.row - 1] ?? ""),
      };
      const replacedIds = new Set(sv.replaced.map((o) => o.id));
      owned = [...owned.filter((o) => !replacedIds.has(o.id)), record];
      const regions: UndoRegion[] = [{ sheetId: sheet.id, rect, kind: "cells", before, after: cellsOf(sheet.id, rect), formats }];
      if (sv.clear.length > 0)
        for (const l of leftBefore)
          regions.push({ sheetId: sheet.id, rect: l.r, kind: "cells", before: l.before, after: cellsOf(sheet.id, l.r), formats: [] });
      undo = { group: opts.undoGroup, writtenAt: new Date().toISOString(), regions, created: [record.id], replaced: sv.replaced };
      writes.push({ plan: p, req, overwrite: opts.overwrite });
      return ok<WriteResult>({
        address: sv.plan.address,
        rowsWritten: n,
        stats: { blockRows: [], blockBytes: [], retries: 0 },
        cleared: sv.clear.length,
        kept: { count: sv.kept.count, sample: sv.kept.sample.map((a) => `${quoteSheet(sheet.name)}!${a}`) },
      });
    },
    async planReport() {
      await pause();
      return ok(checkReport(DEFAULT_REPORT_SHEET).check);
    },
    async writeReport(model: ReportModel, opts) {
      if (opts?.signal?.aborted) return fail<ReportResult>("cancelled", "report cancelled");
      await pause();
      const { check, mine, needs } = checkReport(model.sheetName ?? DEFAULT_REPORT_SHEET);
      if (needs && opts?.confirmed !== check.token) {
        return fail<ReportResult>("report changed", `the report sheet "${check.sheetName}" was renamed or changed`, {
          count: check.edited?.count ?? 0,
          cells: check.edited?.cells ?? [],
        });
      }
      const keep = needs && (opts?.ifChanged ?? "newSheet") === "newSheet";
      const sheet = mine && !keep ? mine : ensureSheet(check.newSheetName);
      const cells = renderReport(model);
      const before = report;
      if (mine && !keep && needs) {
        const region: UndoRegion = {
          sheetId: sheet.id,
          rect: { row: 0, col: 0, rowCount: 1, colCount: 1 },
          kind: "sheet",
          before: sheetCells(sheet.id),
          after: cells,
          formats: [],
        };
        undo =
          undo && opts?.undoGroup !== undefined && undo.group === opts.undoGroup
            ? { ...undo, regions: [...undo.regions, region], report: { before } }
            : {
                group: opts?.undoGroup,
                writtenAt: new Date().toISOString(),
                regions: [region],
                created: [],
                replaced: [],
                report: { before },
              };
      }
      clearSheet(sheet.id);
      putCells(sheet.id, cells);
      report = { sheetId: sheet.id, name: sheet.name, cells };
      reports.push(model);
      return ok<ReportResult>({
        sheetName: sheet.name,
        sheetId: sheet.id,
        replaced: sheet === mine,
        sections: [],
        charts: model.sections.filter((s) => s.chart).length,
        ...(mine && needs ? { changedSheet: { name: mine.name, kept: keep } } : {}),
      });
    },
    async lastWrite(): Promise<LastWrite | null> {
      if (!undo) return null;
      const name = (id: string) => sheets.find((s) => s.id === id)?.name ?? "?";
      return {
        writtenAt: undo.writtenAt,
        addresses: undo.regions.map((r) =>
          r.kind === "sheet" ? name(r.sheetId) : qualifiedA1(name(r.sheetId), r.rect.row, r.rect.col, r.rect.rowCount, r.rect.colCount),
        ),
      };
    },
    async restoreLastWrite() {
      await pause();
      const rec = undo;
      if (!rec) return fail<RestoreResult>("nothing to restore", "no write is recorded for restoring");
      const changed: string[] = [];
      let count = 0;
      for (const r of rec.regions) {
        const s = sheets.find((x) => x.id === r.sheetId);
        if (!s) return fail<RestoreResult>("sheet not found", "the sheet of the last write no longer exists");
        const now = r.kind === "sheet" ? sheetCells(r.sheetId) : cellsOf(r.sheetId, r.rect);
        for (const key of new Set([...now.keys(), ...r.after.keys()])) {
          if ((now.get(key) ?? "") === (r.after.get(key) ?? "")) continue;
          count++;
          const [row, col] = key.split(":").map(Number);
          if (changed.length < MAX_SAMPLE) changed.push(qualifiedA1(s.name, row, col, 1, 1));
        }
      }
      if (count > 0)
        return fail<RestoreResult>("restore refused", `${count} cells changed since the last write`, { count, cells: changed });
      const restored: string[] = [];
      for (const r of rec.regions) {
        const s = sheets.find((x) => x.id === r.sheetId) as Sheet;
        if (r.kind === "sheet") clearSheet(r.sheetId);
        putCells(r.sheetId, r.before);
        for (const f of r.formats) {
          for (let i = 0; i < f.formats.length;) {
            let k = i + 1;
            while (k < f.formats.length && f.formats[k] === f.formats[i]) k++;
            strips.push({ sheetId: r.sheetId, col: f.col, row: r.rect.row + 1 + i, rowCount: k - i, format: f.formats[i] });
            i = k;
          }
        }
        restored.push(r.kind === "sheet" ? s.name : qualifiedA1(s.name, r.rect.row, r.rect.col, r.rect.rowCount, r.rect.colCount));
      }
      owned = [...owned.filter((o) => !rec.created.includes(o.id)), ...rec.replaced];
      if (rec.report) report = rec.report.before;
      undo = null;
      return ok<RestoreResult>({ restored });
    },
    async loadSetting(k) {
      return settings.has(k) ? structuredCloneish(settings.get(k)) : null;
    },
    async saveSetting(k, v) {
      settings.set(k, structuredCloneish(v));
    },
    recalculations: 0,
    async recalculate() {
      (port as { recalculations: number }).recalculations++;
    },
    async onSelectedRow(area, fn) {
      const l = { area, fn };
      listeners.add(l);
      return () => {
        listeners.delete(l);
      };
    },
    async selectRow(area, row) {
      selections.push({ area, row });
    },
    async selectCell(sheetName, row, column) {
      await pause();
      const known = [...sheets.map((sh) => sh.name), ...(options.cells ?? []).map((c) => c.sheetName)];
      if (options.selection && !("error" in options.selection)) known.push(options.selection.sheetName);
      if (!known.some((n) => n.toUpperCase() === sheetName.toUpperCase()))
        return fail<void>("sheet not found", `no worksheet named "${sheetName}"`);
      cellSelections.push({ sheetName, row, column });
      return ok<void>(undefined);
    },
  };
  return port;
}

/** A JSON round trip, as workbook settings store values. */
function structuredCloneish(v: unknown): unknown {
  return v === undefined ? null : JSON.parse(JSON.stringify(v));
}
