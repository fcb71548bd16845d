/**
 * The scored workbook the workbench downloads: the user's workbook as
 * exceljs read it (or, for CSV input, one sheet per file) with what the pane
 * wrote through the in-memory port applied in order (risk columns with their
 * number formats and band colours) and the latest "Risk report" sheet.
 *
 * Cells are written as typed values, so customer text that looks like a
 * formula stays text (no apostrophe is needed in a file, unlike typed or
 * Office.js input). Columns written as live formulas keep their `=RISK.…`
 * formulas; they compute in Excel with CreditSentinel only. Excel charts
 * cannot be created by exceljs: the report sheet holds the tables.
 */
import type ExcelJS from "exceljs";
import { rangeA1 } from "../../excel/address";
import type { ReportModel } from "../../excel/report-sheet";
import type { LoggedWrite } from "../services/memory-workbook";
import type { BandFormat } from "../../excel/port";

/** exceljs's constructor namespace (loaded lazily by the caller). */
export type ExcelLib = typeof ExcelJS;

/** "#RRGGBB" → exceljs ARGB. */
function argb(colour: string): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(colour.trim());
  return m ? `FF${m[1].toUpperCase()}` : "FF000000";
}

/** The value a written cell gets: numbers and booleans as is, text as text, formulas (formula columns only) as formulas. */
export function cellValueOf(v: unknown, mode: "values" | "formulas"): ExcelJS.CellValue {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "boolean") return v;
  const text = String(v);
  if (mode === "formulas" && text.startsWith("=")) return { formula: text.slice(1) } as ExcelJS.CellFormulaValue;
  return text;
}

function sheetNamed(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return wb.worksheets.find((w) => w.name.toUpperCase() === name.toUpperCase());
}

/** Applies one write of the pane: header (bold), values or formulas, number formats, band colours. */
export function applyWrite(wb: ExcelJS.Workbook, w: LoggedWrite): void {
  const t = w.plan.target;
  const ws = sheetNamed(wb, t.sheetName);
  if (!ws) throw new Error(`the workbook has no sheet "${t.sheetName}"`);
  w.req.columns.forEach((col, j) => {
    const c = t.firstColumn + j + 1;
    const head = ws.getCell(t.headerRow + 1, c);
    head.value = col.header;
    head.font = { ...(head.font ?? {}), bold: true };
    for (let i = 0; i < t.rowCount; i++) {
      const cell = ws.getCell(t.headerRow + 2 + i, c);
      cell.value = cellValueOf(col.values[i], col.mode);
      if (col.numberFormat !== undefined) cell.numFmt = col.numberFormat;
    }
    const column = ws.getColumn(c);
    if (!column.width)
      column.width = Math.min(
        60,
        Math.max(
          12,
          col.header.length + 4,
          ...col.values.slice(0, 200).map((v) => (typeof v === "string" && !v.startsWith("=") ? Math.min(60, v.length) : 0)),
        ),
      );
  });
  if (w.req.bandColumn !== undefined && w.req.bandFormats && t.rowCount > 0) {
    const ref = rangeA1(t.headerRow + 1, t.firstColumn + w.req.bandColumn, t.rowCount, 1);
    bandFormats(ws, ref, w.req.bandFormats);
  }
}

/** One "cell value equals" rule per band on `ref`, replacing earlier rules on the same cells. */
function bandFormats(ws: ExcelJS.Worksheet, ref: string, formats: Record<string, BandFormat>): void {
  ws.removeConditionalFormatting((cf: ExcelJS.ConditionalFormattingOptions) => cf.ref !== ref);
  ws.addConditionalFormatting({
    ref,
    rules: Object.entries(formats).map(([band, f], k) => ({
      type: "cellIs",
      operator: "equal",
      priority: k + 1,
      formulae: [`"${band.replace(/"/g, '""')}"`],
      style: {
        fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(f.fill) } },
        ...(f.font ? { font: { color: { argb: argb(f.font) } } } : {}),
      },
    })),
  });
}

/**
 * Writes the report sheet `sheetName` (replacing a sheet of that name, which
 * is the workbench's own: the name was chosen free of the user's sheets):
 * title, as-of and versions, then each section's title, header and rows with
 * their number formats, two rows apart.
 */
export function writeReportSheet(wb: ExcelJS.Workbook, model: ReportModel, sheetName: string): void {
  const old = sheetNamed(wb, sheetName);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(sheetName);
  const labels = { asOf: "As of", modelVersion: "Model version", policyVersion: "Policy version", ...model.labels };
  const title = ws.getCell(1, 1);
  title.value = model.title;
  title.font = { bold: true, size: 14 };
  [
    [labels.asOf, model.asOf],
    [labels.modelVersion, model.modelVersion],
    [labels.policyVersion, model.policyVersion],
  ].forEach(([k, v], i) => {
    ws.getCell(2 + i, 1).value = k;
    ws.getCell(2 + i, 1).font = { bold: true };
    ws.getCell(2 + i, 2).value = v;
  });
  let row = 6; // 1-based: title, three meta rows, a blank row
  const widths: number[] = [];
  const widen = (j: number, v: unknown) => {
    const n = typeof v === "number" ? 12 : String(v ?? "").length + 2;
    widths[j] = Math.min(50, Math.max(widths[j] ?? 10, n));
  };
  for (const s of model.sections) {
    ws.getCell(row, 1).value = s.title;
    ws.getCell(row, 1).font = { bold: true };
    s.header.forEach((h, j) => {
      const c = ws.getCell(row + 1, j + 1);
      c.value = h;
      c.font = { bold: true };
      widen(j, h);
    });
    s.rows.forEach((r, i) =>
      r.forEach((v, j) => {
        const c = ws.getCell(row + 2 + i, j + 1);
        c.value = cellValueOf(v, "values");
        const f = s.formats?.[j];
        if (f && typeof v === "number") c.numFmt = f;
        widen(j, v);
      }),
    );
    row += 2 + s.rows.length + 2;
  }
  widths[0] = Math.max(widths[0] ?? 10, 16);
  widths.forEach((w, j) => (ws.getColumn(j + 1).width = w));
}

/** The workbook of CSV input: one sheet per file, dates in the columns read as dates shown as dates. */
export function workbookOfCsv(
  lib: ExcelLib,
  sheets: { sheetName: string; headers: unknown[]; rows: unknown[][]; dateColumns: readonly number[] }[],
): ExcelJS.Workbook {
  const wb = new lib.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.sheetName, { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
    ws.addRow(s.headers.map((h) => cellValueOf(h, "values")));
    ws.getRow(1).font = { bold: true };
    for (const r of s.rows) ws.addRow(r.map((v) => cellValueOf(v, "values")));
    for (const j of s.dateColumns) {
      const col = ws.getColumn(j + 1);
      col.eachCell((c, rowNumber) => {
        if (rowNumber > 1 && typeof c.value === "number") c.numFmt = "yyyy-mm-dd";
      });
    }
    s.headers.forEach((h, j) => (ws.getColumn(j + 1).width = Math.min(40, Math.max(10, String(h ?? "").length + 2))));
  }
  return wb;
}

/** A sheet name Excel accepts, from a file name ("customers (2).csv" → "customers (2)"). */
export function sheetNameOfFile(fileName: string, taken: readonly string[]): string {
  const base =
    fileName
      .replace(/\.[^.]*$/, "")
      .replace(/[[\]:*?/\\]/g, "_")
      .replace(/^'+|'+$/g, "")
      .trim()
      .slice(0, 31) || "Sheet";
  const clean = /^history$/i.test(base) ? `${base} data` : base;
  let name = clean;
  for (let k = 2; taken.some((t) => t.toUpperCase() === name.toUpperCase()); k++) {
    const suffix = ` (${k})`;
    name = clean.slice(0, 31 - suffix.length) + suffix;
  }
  return name;
}
