/**
 * The workbench's workbook: a file the user opened (an .xlsx, or one or more
 * CSV files), read in the browser, behind the pane's `WorkbookPort`.
 *
 * The port is the in-memory workbook of the demo and the tests
 * (createMemoryWorkbook: tables, loose cells, the selection's region, the
 * overwrite guard, the write log) built from the file's tables and cells;
 * this module adds only what a file needs: a report sheet name that never
 * takes one of the user's sheets, notifications for the page, and the
 * download, which replays the port's write log onto the file as exceljs read
 * it. exceljs is loaded lazily (its own chunk): the Office task pane never
 * loads it.
 */
import type ExcelJS from "exceljs";
import { customerKey } from "../../engine/receivables/ledger";
import { autoMapColumns, checkMapping, type ColumnMapping } from "../../engine/portfolio/mapping";
import { DEFAULT_REPORT_SHEET, freeSheetName } from "../../excel/report-sheet";
import { createMemoryWorkbook, type MemoryTable, type MemoryWorkbook } from "../services/memory-workbook";
import type { DataArea, ReportModel, ReportResult, WorkbookPort } from "../../excel/port";
import { readCsv, type CsvDelimiter, type CsvEncoding } from "./csv";
import { workbookInput, type WorkbookInput } from "./xlsx-input";
import { applyWrite, sheetNameOfFile, workbookOfCsv, writeReportSheet, type ExcelLib } from "./xlsx-output";
import { featureCounts, knownLosses, lostFeatures, type Feature } from "./zip-parts";

/** Loads exceljs: a separate chunk of the workbench page. */
export async function loadExcelLib(): Promise<ExcelLib> {
  const m = await import(/* webpackChunkName: "workbench/exceljs" */ "exceljs");
  return ((m as unknown as { default?: ExcelLib }).default ?? m) as ExcelLib;
}

export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

/** Why files could not be opened (the page words it). */
export type OpenError =
  | { code: "unsupported"; fileName: string; kind: "xls" | "other-spreadsheet" | "unknown" }
  | { code: "mixed" }
  | { code: "unreadable"; fileName: string; detail: string }
  | { code: "empty"; fileName: string };

/** How a CSV file was read. */
export interface CsvSheet {
  fileName: string;
  sheetName: string;
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  decimalComma: boolean;
  headers: string[];
  rows: (string | number)[][];
  dateColumns: number[];
}

export interface Loss {
  feature: Feature;
  before: number;
  after: number;
}

export interface WorkbenchDocument {
  /** Distinguishes documents opened one after another. */
  id: number;
  /** The file's name (the first file's for several CSV files). */
  name: string;
  /** Every file's name. */
  fileNames: string[];
  kind: "xlsx" | "csv";
  /** The shipped sample workbook. */
  sample: boolean;
  /** The original bytes of an .xlsx: the download starts from them. */
  xlsx: Uint8Array | null;
  csv: CsvSheet[];
  input: WorkbookInput;
  /** What the downloaded workbook will not keep, known when the file is opened. */
  losses: Loss[];
}

let nextId = 1;

const EXT = /\.([^.]+)$/;

function kindOf(name: string): "xlsx" | "csv" | OpenError {
  const ext = (EXT.exec(name)?.[1] ?? "").toLowerCase();
  if (ext === "xlsx" || ext === "xlsm") return "xlsx";
  if (ext === "csv" || ext === "txt" || ext === "tsv") return "csv";
  if (ext === "xls") return { code: "unsupported", fileName: name, kind: "xls" };
  if (["ods", "et", "ett", "numbers", "xlsb", "wps", "dbf"].includes(ext))
    return { code: "unsupported", fileName: name, kind: "other-spreadsheet" };
  return { code: "unsupported", fileName: name, kind: "unknown" };
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Reads the files the user chose or dropped: one .xlsx (or .xlsm), or one or
 * more CSV files (each becomes a sheet and a table named after the file).
 */
export async function openFiles(
  files: readonly InputFile[],
  loadLib: () => Promise<ExcelLib> = loadExcelLib,
  opts: { sample?: boolean } = {},
): Promise<{ ok: true; doc: WorkbenchDocument } | { ok: false; error: OpenError }> {
  if (files.length === 0) return { ok: false, error: { code: "mixed" } };
  const kinds = files.map((f) => kindOf(f.name));
  const bad = kinds.find((k): k is OpenError => typeof k !== "string");
  if (bad) return { ok: false, error: bad };
  if (kinds.includes("xlsx") && files.length > 1) return { ok: false, error: { code: "mixed" } };
  const id = nextId++;
  const fileNames = files.map((f) => f.name);

  if (kinds[0] === "xlsx") {
    const f = files[0];
    let input: WorkbookInput;
    try {
      const lib = await loadLib();
      const wb = new lib.Workbook();
      await wb.xlsx.load(f.bytes.slice().buffer as ArrayBuffer);
      input = workbookInput(wb);
    } catch (e) {
      return { ok: false, error: { code: "unreadable", fileName: f.name, detail: message(e) } };
    }
    const counts = await featureCounts(f.bytes).catch(() => null);
    return {
      ok: true,
      doc: {
        id,
        name: f.name,
        fileNames,
        kind: "xlsx",
        sample: opts.sample === true,
        xlsx: f.bytes,
        csv: [],
        input,
        losses: counts ? knownLosses(counts) : [],
      },
    };
  }

  const csv: CsvSheet[] = [];
  for (const f of files) {
    const t = readCsv(f.bytes);
    if (!t) return { ok: false, error: { code: "empty", fileName: f.name } };
    const sheetName = sheetNameOfFile(
      f.name,
      csv.map((c) => c.sheetName),
    );
    csv.push({
      fileName: f.name,
      sheetName,
      encoding: t.encoding,
      delimiter: t.delimiter,
      decimalComma: t.decimalComma,
      headers: t.headers,
      rows: t.rows,
      dateColumns: t.dateColumns,
    });
  }
  const tables: MemoryTable[] = csv.map((c) => ({ name: c.sheetName, sheetName: c.sheetName, headers: c.headers, rows: c.rows }));
  const { name: _name, ...first } = tables[0];
  const input: WorkbookInput = {
    tables,
    cells: [],
    selection: first,
    sheetNames: csv.map((c) => c.sheetName),
    excelTables: 0,
    formulasWithoutResult: 0,
  };
  return {
    ok: true,
    doc: { id, name: files[0].name, fileNames, kind: "csv", sample: opts.sample === true, xlsx: null, csv, input, losses: [] },
  };
}

/** The tables the pane should start with: the customer table with most recognised columns, and a ledger whose ids match it. */
export function suggestTables(input: WorkbookInput): { customers?: string; ledger?: string } {
  const ok = (m: ColumnMapping) => !checkMapping(m).some((i) => i.severity === "error");
  const recognised = (m: ColumnMapping) => m.columns.filter((c) => c.key !== null).length;
  let customers: { t: MemoryTable; m: ColumnMapping } | null = null;
  for (const t of input.tables) {
    const m = autoMapColumns(t.headers, "customers");
    if (ok(m) && (!customers || recognised(m) > recognised(customers.m))) customers = { t, m };
  }
  if (!customers) return {};
  const idColumn = customers.m.columns.find((c) => c.key === "customer_id")?.index;
  if (idColumn === undefined) return { customers: customers.t.name };
  const ids = new Set(customers.t.rows.map((r) => customerKey(r[idColumn])).filter((k) => k !== ""));
  let ledger: { name: string; hits: number } | null = null;
  for (const t of input.tables) {
    if (t === customers.t) continue;
    const m = autoMapColumns(t.headers, "ledger");
    if (!ok(m)) continue;
    const col = m.columns.find((c) => c.key === "customer_id")?.index as number;
    const hits = t.rows.reduce((n, r) => n + (ids.has(customerKey(r[col])) ? 1 : 0), 0);
    if (hits > 0 && (!ledger || hits > ledger.hits)) ledger = { name: t.name, hits };
  }
  return { customers: customers.t.name, ...(ledger ? { ledger: ledger.name } : {}) };
}

export interface WorkbenchPort extends WorkbookPort {
  /** The in-memory workbook behind the port (its write log feeds the download). */
  readonly memory: MemoryWorkbook;
  /** The report sheet's name once a report was written, else null. */
  reportSheet(): string | null;
}

export interface PortEvents {
  /** Risk columns or a report were written (the download now differs from the file). */
  onWrite?: () => void;
  /** "Show in sheet": the row the pane would select in Excel. */
  onSelectRow?: (area: DataArea, row: number) => void;
  /** "Go to" a data problem: the cell (or row, when `column` is null) the pane would select in Excel. */
  onSelectCell?: (sheetName: string, row: number, column: number | null) => void;
}

/** The pane's port over an opened document. */
export function createWorkbenchPort(doc: WorkbenchDocument, events: PortEvents = {}): WorkbenchPort {
  const memory = createMemoryWorkbook({ tables: doc.input.tables, cells: doc.input.cells, selection: doc.input.selection });
  let report: string | null = null;
  return {
    ...memory,
    memory,
    // The download is written by exceljs from the cells: the page's settings (the accepted model) stay behind.
    settingsTravel: false,
    reportSheet: () => report,
    async writeColumns(plan, req, opts) {
      const r = await memory.writeColumns(plan, req, opts);
      if (r.ok) events.onWrite?.();
      return r;
    },
    async writeReport(model: ReportModel, opts) {
      // The first report takes the first name no sheet of the user's has; later ones replace it.
      const name = report ?? freeSheetName(model.sheetName ?? DEFAULT_REPORT_SHEET, doc.input.sheetNames);
      const r = await memory.writeReport({ ...model, sheetName: name }, opts);
      if (!r.ok) return r;
      const replaced = report !== null;
      report = name;
      events.onWrite?.();
      return { ok: true, value: { ...r.value, sheetName: name, sheetId: name, replaced, charts: 0 } satisfies ReportResult };
    },
    async selectRow(area, row) {
      await memory.selectRow(area, row);
      events.onSelectRow?.(area, row);
    },
    async selectCell(sheetName, row, column) {
      const r = await memory.selectCell(sheetName, row, column);
      if (r.ok) events.onSelectCell?.(sheetName, row, column);
      return r;
    },
  };
}

export interface ScoredWorkbook {
  bytes: Uint8Array;
  fileName: string;
  /** Features of the input the download does not keep (compared part by part). */
  losses: Loss[];
  /** Headers of written columns that hold live RISK formulas (they compute only in Excel with CreditSentinel). */
  formulaColumns: string[];
  /** The report sheet's name, when a report was written. */
  reportSheet: string | null;
}

/** "customers.csv" → "customers-scored.xlsx". */
export function scoredFileName(name: string): string {
  return `${name.replace(/\.[^.]*$/, "") || "workbook"}-scored.xlsx`;
}

/**
 * The scored workbook: the input (every sheet as exceljs read it) with the
 * port's writes replayed in order and the latest report sheet.
 */
export async function scoredWorkbook(
  doc: WorkbenchDocument,
  port: WorkbenchPort,
  loadLib: () => Promise<ExcelLib> = loadExcelLib,
): Promise<ScoredWorkbook> {
  const lib = await loadLib();
  let wb: ExcelJS.Workbook;
  if (doc.xlsx) {
    wb = new lib.Workbook();
    await wb.xlsx.load(doc.xlsx.slice().buffer as ArrayBuffer);
  } else wb = workbookOfCsv(lib, doc.csv);
  const modes = new Map<string, { header: string; formulas: boolean }>();
  for (const w of port.memory.writes) {
    applyWrite(wb, w);
    w.req.columns.forEach((c, j) => {
      const t = w.plan.target;
      modes.set(`${t.sheetName.toUpperCase()}!${t.firstColumn + j}`, { header: c.header, formulas: c.mode === "formulas" });
    });
  }
  const model = port.memory.reports.at(-1);
  const reportSheet = port.reportSheet();
  if (model && reportSheet) writeReportSheet(wb, model, reportSheet);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  let losses: Loss[] = [];
  if (doc.xlsx) {
    const [before, after] = await Promise.all([featureCounts(doc.xlsx), featureCounts(bytes)]);
    if (before && after) losses = lostFeatures(before, after);
  }
  const formulaColumns = [...modes.values()].filter((m) => m.formulas).map((m) => m.header);
  return { bytes, fileName: scoredFileName(doc.name), losses, formulaColumns, reportSheet };
}
