/**
 * An in-memory WorkbookPort: tables and loose cells on named sheets, the
 * selection's region, settings, writes and report sheets kept in memory, with
 * a log of every write for assertions. Used by the component tests and by
 * the browser demo (`taskpane.html?mock=demo`, loaded lazily: never part of
 * the production code path). It follows src/excel's contracts: row blocks
 * with progress and cancel, the overwrite guard (cells the add-in wrote are
 * its own; anything else non-empty is foreign), "overwrite not confirmed",
 * and records the number format each written column gave its data cells.
 */
import { cellA1, contains, intersect, qualifiedA1, type Rect } from "../../excel/address";
import { fail, ok, type IoErrorCode } from "../../excel/errors";
import type { ReportModel, ReportResult } from "../../excel/report-sheet";
import type { WritePlan, WriteResult } from "../../excel/write-columns";
import type { DataArea, ProgressOptions, TableData, TableInfo, TableSource, WorkbookPort, WriteRequest } from "./workbook";

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

/** One writeColumns call as the port received it. */
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
  /** The value of a cell (tables, loose cells and written blocks); "" when empty. */
  cellAt(sheetName: string, row: number, col: number): unknown;
  /**
   * The number format of a cell: the latest format written to it by
   * writeColumns (a column's `numberFormat`, data rows only), else "General".
   * A later write without a format for that column leaves it, as Excel does.
   */
  numberFormatAt(sheetName: string, row: number, col: number): string;
  /** Simulates the user selecting a cell in the sheet (fires onSelectedRow listeners). */
  userSelects(sheetName: string, row: number, col: number): void;
}

interface Block {
  sheetName: string;
  rect: Rect;
  /** Column-major values of the data rows; the header row is `headers`. */
  headers: string[];
  columns: (readonly unknown[])[];
  owned: boolean;
}

/** A column's data cells given one number format by a write. */
interface FormatStrip {
  sheetName: string;
  col: number;
  row: number;
  rowCount: number;
  format: string;
}

const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function blank(v: unknown): boolean {
  return v === null || v === undefined || v === "";
}

/** Creates an in-memory workbook. */
export function createMemoryWorkbook(options: MemoryWorkbookOptions = {}): MemoryWorkbook {
  const tables = options.tables ?? [];
  const loose = new Map<string, unknown>();
  const key = (s: string, r: number, c: number) => `${s.toUpperCase()}!${r}:${c}`;
  for (const c of options.cells ?? []) loose.set(key(c.sheetName, c.row, c.col), c.value);
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

  function tableRect(t: Omit<MemoryTable, "name">): Rect {
    return { row: t.headerRow ?? 0, col: t.firstColumn ?? 0, rowCount: t.rows.length + 1, colCount: t.headers.length };
  }

  function cellAt(sheetName: string, row: number, col: number): unknown {
    for (let i = blocks.length - 1; i >= 0; i--) {
      const b = blocks[i];
      if (b.sheetName.toUpperCase() !== sheetName.toUpperCase()) continue;
      const r = row - b.rect.row, c = col - b.rect.col;
      if (r < 0 || c < 0 || r >= b.rect.rowCount || c >= b.rect.colCount) continue;
      return r === 0 ? b.headers[c] : (b.columns[c][r - 1] ?? "");
    }
    for (const t of tables) {
      if (t.sheetName.toUpperCase() !== sheetName.toUpperCase()) continue;
      const rect = tableRect(t);
      const r = row - rect.row, c = col - rect.col;
      if (r < 0 || c < 0 || r >= rect.rowCount || c >= rect.colCount) continue;
      return r === 0 ? t.headers[c] : (t.rows[r - 1][c] ?? "");
    }
    return loose.get(key(sheetName, row, col)) ?? "";
  }

  function numberFormatAt(sheetName: string, row: number, col: number): string {
    for (let i = strips.length - 1; i >= 0; i--) {
      const f = strips[i];
      if (f.sheetName.toUpperCase() === sheetName.toUpperCase() && f.col === col && row >= f.row && row < f.row + f.rowCount) return f.format;
    }
    return "General";
  }

  async function read(t: Omit<MemoryTable, "name">, tableName: string | undefined, opts: ProgressOptions = {}) {
    const rect = tableRect(t);
    if (!t.headers.some((h) => typeof h === "string" && h.trim() !== "")) {
      return fail<TableData>("no header row", `the first row of ${qualifiedA1(t.sheetName, rect.row, rect.col, rect.rowCount, rect.colCount)} has no column labels`);
    }
    if (t.rows.length === 0) return fail<TableData>("no data rows", "a header row but no data rows");
    const rows: unknown[][] = [];
    const stats = { blockRows: [] as number[], blockBytes: [] as number[], retries: 0 };
    for (let i = 0; i < t.rows.length; i += blockRows) {
      if (opts.signal?.aborted) return fail<TableData>("cancelled", `reading cancelled after ${i} rows`);
      await pause();
      const n = Math.min(blockRows, t.rows.length - i);
      for (let k = 0; k < n; k++) rows.push([...t.rows[i + k]]);
      stats.blockRows.push(n);
      stats.blockBytes.push(0);
      opts.onProgress?.(i + n, t.rows.length);
    }
    if (opts.signal?.aborted) return fail<TableData>("cancelled", "reading cancelled");
    return ok<TableData>({
      sheetName: t.sheetName,
      tableName,
      address: qualifiedA1(t.sheetName, rect.row, rect.col, rect.rowCount, rect.colCount),
      headerRow: [...t.headers],
      rows,
      firstDataRow: rect.row + 1,
      rowCount: t.rows.length,
      firstColumn: rect.col,
      columnCount: rect.colCount,
      stats,
    });
  }

  function targetOf(req: WriteRequest) {
    const a = req.area;
    return { sheetName: a.sheetName, headerRow: a.firstDataRow - 1, rowCount: a.rowCount, firstColumn: a.firstColumn + a.columnCount, columnCount: req.columns.length };
  }

  async function plan(req: WriteRequest): Promise<WritePlan> {
    const target = targetOf(req);
    const rect: Rect = { row: target.headerRow, col: target.firstColumn, rowCount: target.rowCount + 1, colCount: target.columnCount };
    const p: WritePlan = { target, sheetId: target.sheetName, address: qualifiedA1(target.sheetName, rect.row, rect.col, rect.rowCount, rect.colCount), foreignCount: 0, foreignSample: [], ownedCount: 0 };
    const same = (s: string) => s.toUpperCase() === target.sheetName.toUpperCase();
    const found: { r: number; c: number; owned: boolean }[] = [];
    const ownedBlocks = blocks.filter((b) => b.owned && same(b.sheetName));
    const isOwned = (r: number, c: number) => ownedBlocks.some((b) => contains(b.rect, { row: r, col: c, rowCount: 1, colCount: 1 }));
    // Candidate cells: loose cells, other tables and written blocks overlapping the target.
    const seen = new Set<string>();
    const consider = (r: number, c: number) => {
      const k = `${r}:${c}`;
      if (seen.has(k)) return;
      seen.add(k);
      if (!blank(cellAt(target.sheetName, r, c))) found.push({ r, c, owned: isOwned(r, c) });
    };
    for (const k of loose.keys()) {
      const m = /^(.*)!(\d+):(\d+)$/.exec(k);
      if (!m || m[1] !== target.sheetName.toUpperCase()) continue;
      const r = Number(m[2]), c = Number(m[3]);
      if (contains(rect, { row: r, col: c, rowCount: 1, colCount: 1 })) consider(r, c);
    }
    const areas = [...tables.filter((t) => same(t.sheetName)).map(tableRect), ...blocks.filter((b) => same(b.sheetName)).map((b) => b.rect)];
    for (const a of areas) {
      const x = intersect(a, rect);
      if (!x) continue;
      for (let r = x.row; r < x.row + x.rowCount; r++) for (let c = x.col; c < x.col + x.colCount; c++) consider(r, c);
    }
    found.sort((a, b) => a.r - b.r || a.c - b.c);
    for (const f of found) {
      if (f.owned) p.ownedCount++;
      else {
        p.foreignCount++;
        if (p.foreignSample.length < 5) p.foreignSample.push(cellA1(f.r, f.c));
      }
    }
    return p;
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
    async listTables(): Promise<TableInfo[]> {
      await pause();
      return tables.map((t) => ({ name: t.name, sheetName: t.sheetName, rowCount: t.rows.length, headers: t.headers.map((h) => (h === null || h === undefined ? "" : String(h))) }));
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
      return ok(await plan(req));
    },
    async writeColumns(p, req, opts) {
      const fresh = await plan(req);
      if (fresh.foreignCount > 0 && !opts.overwrite) {
        return fail<WriteResult>("overwrite not confirmed", `${fresh.foreignCount} non-empty cells in ${fresh.address} were not written by CreditSentinel`);
      }
      const t = p.target;
      const n = t.rowCount;
      for (let i = 0; i < n; i += blockRows) {
        if (opts.signal?.aborted) return fail<WriteResult>("cancelled", `writing cancelled after ${i} rows`);
        await pause();
        opts.onProgress?.(Math.min(n, i + blockRows), n);
      }
      const rect: Rect = { row: t.headerRow, col: t.firstColumn, rowCount: n + 1, colCount: t.columnCount };
      for (let i = blocks.length - 1; i >= 0; i--) if (blocks[i].sheetName === t.sheetName && contains(rect, blocks[i].rect)) blocks.splice(i, 1);
      blocks.push({ sheetName: t.sheetName, rect, headers: req.columns.map((c) => c.header), columns: req.columns.map((c) => c.values), owned: true });
      req.columns.forEach((c, j) => {
        if (c.numberFormat !== undefined && n > 0) strips.push({ sheetName: t.sheetName, col: t.firstColumn + j, row: t.headerRow + 1, rowCount: n, format: c.numberFormat });
      });
      writes.push({ plan: p, req, overwrite: opts.overwrite });
      return ok<WriteResult>({ address: p.address, rowsWritten: n, stats: { blockRows: [], blockBytes: [], retries: 0 } });
    },
    async writeReport(model: ReportModel, opts?: ProgressOptions) {
      if (opts?.signal?.aborted) return fail<ReportResult>("cancelled", "report cancelled");
      await pause();
      reports.push(model);
      const name = model.sheetName ?? "Risk report";
      return ok<ReportResult>({ sheetName: name, sheetId: name, replaced: reports.length > 1, sections: [], charts: model.sections.filter((s) => s.chart).length });
    },
    async loadSetting(k) {
      return settings.has(k) ? structuredCloneish(settings.get(k)) : null;
    },
    async saveSetting(k, v) {
      settings.set(k, structuredCloneish(v));
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
      const known = [...tables.map((t) => t.sheetName), ...(options.cells ?? []).map((c) => c.sheetName), ...blocks.map((b) => b.sheetName)];
      if (options.selection && !("error" in options.selection)) known.push(options.selection.sheetName);
      if (!known.some((n) => n.toUpperCase() === sheetName.toUpperCase())) return fail<void>("sheet not found", `no worksheet named "${sheetName}"`);
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
