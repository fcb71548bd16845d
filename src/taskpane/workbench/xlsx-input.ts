/**
 * What the workbench reads from a user's workbook (parsed by exceljs): cell
 * values as Office.js would hand them to the pane (numbers, text, booleans;
 * dates as Excel serials; a formula's saved result; an error as its text),
 * the Excel tables, one table per sheet that has none (its largest data
 * region, named after the sheet), every other non-empty cell (so the
 * overwrite guard sees a user's notes), and the "current selection": the
 * region around the active cell of the active sheet, as Excel shows the file
 * when it is opened.
 */
import type ExcelJS from "exceljs";
import { parseA1, type Rect } from "../../excel/address";
import type { IoErrorCode } from "../../excel/errors";
import type { MemoryTable } from "../services/memory-workbook";
import { occupancyOf, regionAround, regionsOf } from "./regions";

export interface LooseCell {
  sheetName: string;
  row: number;
  col: number;
  value: unknown;
}

export interface WorkbookInput {
  /** Excel tables, then one region per sheet without a table. */
  tables: MemoryTable[];
  /** Non-empty cells outside those tables. */
  cells: LooseCell[];
  /** What "Use current selection" reads. */
  selection: Omit<MemoryTable, "name"> | { error: IoErrorCode };
  /** Sheet names in workbook order. */
  sheetNames: string[];
  /** How many tables are the workbook's own Excel tables (the rest are sheet regions). */
  excelTables: number;
  /** Formula cells without a saved result (the file was never recalculated): they read as empty. */
  formulasWithoutResult: number;
}

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);

/** Excel serial (1900 system) of a date exceljs read (exceljs already applied the file's 1904 setting). */
export function serialOfDate(d: Date): number {
  const s = (d.getTime() - EPOCH_1900) / DAY_MS;
  return Math.abs(s - Math.round(s)) < 1e-9 ? Math.round(s) : s;
}

/** A cell value as the pane expects it ("" for empty; `noResult` counts formulas without a saved result). */
export function plainValue(v: ExcelJS.CellValue, noResult?: { count: number }): unknown {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return serialOfDate(v);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("formula" in v || "sharedFormula" in v) {
      const r = (v as ExcelJS.CellFormulaValue).result;
      if (r === undefined || r === null) {
        if (noResult) noResult.count++;
        return "";
      }
      return plainValue(r as ExcelJS.CellValue);
    }
    if ("error" in v) return v.error;
    if ("hyperlink" in v) return plainValue((v as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
  }
  return "";
}

/** The model exceljs keeps of a table it read. */
interface TableModel {
  name: string;
  tableRef?: string;
  ref?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
}

/** A table or cell reference ("B3:F40") as a rect, or null. */
function rectOf(ref: string): Rect | null {
  const r = parseA1(ref);
  return r ? { row: r.row, col: r.col, rowCount: r.rowCount, colCount: r.colCount } : null;
}

interface SheetCells {
  name: string;
  /** row → col → value (non-empty only). */
  values: Map<number, Map<number, unknown>>;
  /** Occupied cells (values and the covered cells of merged areas). */
  occupied: [number, number][];
}

function readSheet(ws: ExcelJS.Worksheet, noResult: { count: number }): SheetCells {
  const values = new Map<number, Map<number, unknown>>();
  const occupied: [number, number][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const r = rowNumber - 1,
        c = colNumber - 1;
      if (cell.isMerged && cell.master !== cell) {
        occupied.push([r, c]); // part of a merged area: occupied, but the value is the master's
        return;
      }
      const v = plainValue(cell.value, noResult);
      if (v === "") return;
      let m = values.get(r);
      if (!m) values.set(r, (m = new Map()));
      m.set(c, v);
      occupied.push([r, c]);
    });
  });
  return { name: ws.name, values, occupied };
}

function tableOf(s: SheetCells, name: string, rect: Rect, opts: { header: boolean; totals: boolean }): MemoryTable {
  const at = (r: number, c: number) => s.values.get(r)?.get(c) ?? "";
  const cols = Array.from({ length: rect.colCount }, (_, j) => rect.col + j);
  const headerRow = rect.row;
  const firstData = opts.header ? rect.row + 1 : rect.row;
  const lastData = rect.row + rect.rowCount - 1 - (opts.totals ? 1 : 0);
  const rows: unknown[][] = [];
  for (let r = firstData; r <= lastData; r++) rows.push(cols.map((c) => at(r, c)));
  return {
    name,
    sheetName: s.name,
    headers: opts.header ? cols.map((c) => at(headerRow, c)) : cols.map(() => ""),
    rows,
    headerRow: opts.header ? headerRow : Math.max(0, rect.row - 1),
    firstColumn: rect.col,
  };
}

const inside = (rect: Rect, r: number, c: number) =>
  r >= rect.row && r < rect.row + rect.rowCount && c >= rect.col && c < rect.col + rect.colCount;

/** Everything the workbench needs from a workbook exceljs has loaded. */
export function workbookInput(wb: ExcelJS.Workbook): WorkbookInput {
  const noResult = { count: 0 };
  const sheets = wb.worksheets.map((ws) => ({ ws, cells: readSheet(ws, noResult) }));
  const tables: MemoryTable[] = [];
  const covered: { sheetName: string; rect: Rect }[] = [];
  const regionsBySheet = new Map<string, Rect[]>();
  let excelTables = 0;

  for (const { ws, cells } of sheets) {
    for (const t of ws.getTables()) {
      const model = (t as unknown as { table?: TableModel }).table;
      const rect = model ? rectOf(model.tableRef ?? model.ref ?? "") : null;
      if (!model || !rect) continue;
      tables.push(tableOf(cells, model.name, rect, { header: model.headerRow !== false, totals: model.totalsRow === true }));
      covered.push({ sheetName: cells.name, rect });
      excelTables++;
    }
  }
  const taken = new Set(tables.map((t) => t.name.toUpperCase()));
  for (const { cells } of sheets) {
    const regions = regionsOf(occupancyOf(cells.occupied));
    regionsBySheet.set(cells.name, regions);
    if (covered.some((c) => c.sheetName === cells.name)) continue;
    const main = regions[0];
    if (!main || main.rowCount < 2) continue;
    let name = cells.name;
    for (let k = 2; taken.has(name.toUpperCase()); k++) name = `${cells.name} (${k})`;
    taken.add(name.toUpperCase());
    tables.push(tableOf(cells, name, main, { header: true, totals: false }));
    covered.push({ sheetName: cells.name, rect: main });
  }

  const loose: LooseCell[] = [];
  for (const { cells } of sheets) {
    const mine = covered.filter((c) => c.sheetName === cells.name).map((c) => c.rect);
    for (const [r, m] of cells.values)
      for (const [c, value] of m)
        if (!mine.some((rect) => inside(rect, r, c))) loose.push({ sheetName: cells.name, row: r, col: c, value });
  }

  return {
    tables,
    cells: loose,
    selection: selectionOf(
      wb,
      sheets.map((s) => s.cells),
      regionsBySheet,
      covered,
    ),
    sheetNames: sheets.map((s) => s.cells.name),
    excelTables,
    formulasWithoutResult: noResult.count,
  };
}

/** The region around the active cell of the active sheet (A1 when the file records none). */
function selectionOf(
  wb: ExcelJS.Workbook,
  sheets: SheetCells[],
  regions: Map<string, Rect[]>,
  covered: { sheetName: string; rect: Rect }[],
): WorkbookInput["selection"] {
  if (sheets.length === 0) return { error: "empty selection" };
  const active = wb.views?.[0]?.activeTab ?? 0;
  const s = sheets[Math.min(Math.max(0, active), sheets.length - 1)];
  const ws = wb.worksheets.find((w) => w.name === s.name);
  const cell = rectOf(ws?.views?.[0]?.activeCell ?? "A1") ?? { row: 0, col: 0, rowCount: 1, colCount: 1 };
  const table = covered.find((c) => c.sheetName === s.name && inside(c.rect, cell.row, cell.col));
  const rect = table?.rect ?? regionAround(regions.get(s.name) ?? [], cell.row, cell.col);
  if (!rect) return { error: "empty selection" };
  const { name: _name, ...region } = tableOf(s, "", rect, { header: true, totals: false });
  return region;
}
