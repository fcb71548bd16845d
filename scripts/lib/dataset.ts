/**
 * Reading labelled data sets (ARFF or CSV) into canonical factor columns.
 *
 * Column names go through the same `matchHeader` as the formulas; in ARFF files
 * the attribute names of the Polish bankruptcy data (Attr1 … Attr64) are mapped
 * to canonical keys first (POLISH_ATTRS). Blank cells and `?` are missing (NaN).
 */
import { isBlank } from "../../src/engine/cells";
import { FactorKey, isFactorKey } from "../../src/engine/scoring/factors";
import { matchHeader } from "../../src/engine/scoring/headers";
import type { Sample } from "../../src/engine/calibration/sample";
import { DEFAULT_LABELS, HeaderMapper, findLabelColumn, labelledRecords, parseLabel } from "../../src/engine/calibration/labels";
import { parseCsv } from "../batch/csv";
import { cliText } from "../batch/messages";
import type { Lang } from "../../src/engine/lang";

export { withDerivedRatios } from "../../src/engine/calibration/sample";

/** A labelled sample read from a file, with what the reader noticed. */
export interface Dataset extends Sample {
  /** Columns that were not recognised (ignored). */
  ignored: string[];
  /** Name of the label column used. */
  labelColumn: string;
  /** Rows dropped because their label was blank or unreadable. */
  droppedRows: number;
  /** Cells that were text where a number was needed (read as missing). */
  badCells: number;
  /**
   * The label's horizon in years when the file says so: the UCI Polish files
   * are named "1year" … "5year" in their `@relation`, and the "N-th year" file
   * labels bankruptcy within 6 − N years (5 when a file with the Polish
   * attributes does not name its year).
   */
  horizonHint?: number;
}

/** Polish bankruptcy data (UCI 365) attribute → canonical key, with a value transform. */
export const POLISH_ATTRS: Record<string, { key: FactorKey; map?: (x: number) => number }> = {
  Attr1: { key: "roa" },
  Attr2: { key: "debt_ratio" },
  Attr3: { key: "working_capital_to_assets" },
  Attr4: { key: "current_ratio" },
  Attr6: { key: "retained_earnings_to_assets" },
  Attr7: { key: "ebit_to_assets" },
  Attr8: { key: "equity_to_liabilities" },
  Attr9: { key: "sales_to_assets" },
  Attr19: { key: "gross_margin" },
  Attr20: { key: "inventory_days" },
  Attr21: { key: "sales_growth", map: (x) => x - 1 },
  Attr23: { key: "net_margin" },
  Attr26: { key: "cash_flow_to_debt" },
  // Blank (`?`) when financial expenses are 0; exactly 0 when the operating profit is 0.
  // Both are read as they are: the engine decides what a blank and a 0 mean.
  Attr27: { key: "interest_coverage" },
  Attr42: { key: "operating_margin" },
  Attr44: { key: "receivable_days" },
  Attr46: { key: "quick_ratio" },
};

export { DEFAULT_LABELS, parseLabel } from "../../src/engine/calibration/labels";

/** Label horizon of a UCI Polish bankruptcy file from its `@relation` name ("3year…" → 3), else undefined. */
export function polishHorizon(relation: string): number | undefined {
  const m = /^['"]?([1-5])year\b/i.exec(relation.trim());
  return m ? 6 - Number(m[1]) : undefined;
}

function parseNumber(cell: string): number | "bad" {
  if (isBlank(cell)) return NaN;
  const t = cell.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return "bad";
  return Number(t);
}

/** Splits one ARFF data record (commas; double or single quotes) into fields. */
export function splitRecord(line: string, quotes = '"'): string[] {
  const out: string[] = [];
  let cur = "";
  let q: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (q) {
      if (ch === q) {
        if (line[i + 1] === q) {
          cur += ch;
          i++;
        } else q = null;
      } else cur += ch;
    } else if (quotes.includes(ch) && cur.trim() === "") {
      q = ch;
      cur = "";
    } else if (ch === ",") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** How the label column is found and read. */
export interface LabelOptions {
  /** Label column name (case-insensitive); default: the first of DEFAULT_LABELS present. */
  label?: string;
  /** The label value that means "defaulted"; every other value is healthy. */
  bad?: string;
}

function build(names: string[], records: string[][], lo: LabelOptions, mapName: HeaderMapper, lang: Lang): Dataset | string {
  const labelName = lo.label;
  const li = findLabelColumn(names, labelName);
  if (li < 0)
    return labelName
      ? cliText(lang, "cli.dataset.labelNotFound", { label: labelName, columns: names })
      : cliText(lang, "cli.dataset.noLabel", { tried: [...DEFAULT_LABELS] });
  return labelledRecords(names, records, li, lo.bad, mapName);
}

function headerMap(name: string): { key: FactorKey } | null {
  const k = matchHeader(name);
  return k && isFactorKey(k) ? { key: k } : null;
}

/** Reads ARFF text (numeric attributes; `?` = missing; the label may be nominal {0,1}). Returns the data set or an error message in `lang`. */
export function readArff(text: string, labels: LabelOptions = {}, lang: Lang = "en"): Dataset | string {
  const names: string[] = [];
  const records: string[][] = [];
  let inData = false;
  let relation = "";
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("%")) continue;
    if (!inData) {
      const m = /^@attribute\s+('[^']*'|"[^"]*"|\S+)\s+/i.exec(line);
      const rel = /^@relation\s+(.*)$/i.exec(line);
      if (m) names.push(m[1].replace(/^['"]|['"]$/g, ""));
      else if (rel) relation = rel[1];
      else if (/^@data\b/i.test(line)) inData = true;
      continue;
    }
    records.push(splitRecord(line, "'\""));
  }
  if (!inData || names.length === 0) return cliText(lang, "cli.dataset.notArff");
  const ds = build(names, records, labels, (name) => POLISH_ATTRS[name] ?? headerMap(name), lang);
  if (typeof ds === "string") return ds;
  // Attr29 (base-10 logarithm of total assets, in thousands of PLN: median 4.1) is not a factor (it depends
  // on the currency), but Ohlson's O-score needs the size: it is kept as the natural logarithm.
  const size = names.indexOf("Attr29");
  if (size >= 0) {
    const li = names.findIndex((nm) => nm === ds.labelColumn);
    const kept = records.filter((r) => parseLabel(r[li] ?? "", labels.bad) !== null);
    ds.extra = {
      log_total_assets: Float64Array.from(kept, (r) => {
        const v = parseNumber(r[size] ?? "");
        return v === "bad" ? NaN : v * Math.LN10;
      }),
    };
  }
  // A Polish file without its year in the name is taken as the 1st-year file (5-year label).
  const h = names.some((n) => n in POLISH_ATTRS) ? (polishHorizon(relation) ?? 5) : undefined;
  return h === undefined ? ds : { ...ds, horizonHint: h };
}

/**
 * The US listed companies file ("american companies bankruptcy prediction",
 * NYSE/NASDAQ 1999–2018: company_name, status_label, year, X1…X18 of raw
 * statement items, in $ millions) → statement items the engine derives ratios
 * from. X2 cost of goods sold, X4 EBITDA, X8 market value, X11 long-term debt,
 * X16 total revenue (= X9) and X18 operating expenses have no canonical item
 * and are not used (the scorecard is for private firms: no market value).
 */
export const US_RAW_ITEMS: Record<string, FactorKey> = {
  X1: "current_assets",
  X3: "depreciation",
  X5: "inventory",
  X6: "net_income",
  X7: "receivables",
  X9: "sales",
  X10: "total_assets",
  X12: "ebit",
  X13: "gross_profit",
  X14: "current_liabilities",
  X15: "retained_earnings",
  X17: "total_liabilities",
};

const US_COLUMNS = ["company_name", "status_label", "year", ...Array.from({ length: 18 }, (_, i) => `X${i + 1}`)];

/** True when a CSV header is the US listed companies file's. */
export function isUsListedHeader(header: readonly string[]): boolean {
  const h = header.map((x) => x.trim());
  return US_COLUMNS.every((c) => h.includes(c));
}

/**
 * Reads the US listed companies file with a one-year label. The file's
 * status_label marks every year of a firm that later failed; the data set's
 * own definition (Chapter 7 or 11 filing in the next fiscal year) is the firm's
 * last year in the file, so that row is the default (1) and every other row,
 * earlier years of failed firms included, is healthy (0): each of them was
 * followed by a year without a filing. The prior year's sales and net income of
 * the same firm, when its previous year is in the file, are read as
 * sales_prior_year and as the benchmark input net_income_prior.
 */
export function readUsListed(header: readonly string[], records: string[][]): Dataset | string {
  const at = (c: string): number => header.findIndex((h) => h.trim() === c);
  const iName = at("company_name"),
    iStatus = at("status_label"),
    iYear = at("year");
  const rows = records.filter((r) => r.length >= header.length);
  const n = rows.length;
  const columns: Partial<Record<FactorKey, Float64Array>> = {};
  let badCells = 0;
  for (const [x, key] of Object.entries(US_RAW_ITEMS)) {
    const j = at(x);
    columns[key] = Float64Array.from(rows, (r) => {
      const v = parseNumber(r[j] ?? "");
      if (v === "bad") {
        badCells++;
        return NaN;
      }
      return v;
    });
  }
  const year = rows.map((r) => Number(r[iYear]));
  const name = rows.map((r) => r[iName].trim());
  const last = new Map<string, number>();
  const byKey = new Map<string, number>();
  rows.forEach((r, i) => {
    last.set(name[i], Math.max(last.get(name[i]) ?? -Infinity, year[i]));
    byKey.set(`${name[i]}\u0000${year[i]}`, i);
  });
  const label = Uint8Array.from(rows, (r, i) =>
    r[iStatus]
      .trim()
      .replace(/^['"]|['"]$/g, "")
      .trim()
      .toLowerCase() === "failed" && year[i] === last.get(name[i])
      ? 1
      : 0,
  );
  const prior = (key: FactorKey): Float64Array =>
    Float64Array.from(rows, (_, i) => {
      const p = byKey.get(`${name[i]}\u0000${year[i] - 1}`);
      return p === undefined ? NaN : (columns[key] as Float64Array)[p];
    });
  columns.sales_prior_year = prior("sales");
  return {
    n,
    columns,
    label,
    extra: { net_income_prior: prior("net_income") },
    ignored: header.filter((h) => !(h.trim() in US_RAW_ITEMS) && !["company_name", "status_label", "year"].includes(h.trim())),
    labelColumn: "status_label (last year of a failed firm)",
    droppedRows: records.length - n,
    badCells,
  };
}

/** Reads CSV text with a header row (the CLI's RFC 4180 reader: quotes, embedded line breaks, BOM). Returns the data set or an error message in `lang`. */
export function readCsv(text: string, labels: LabelOptions = {}, lang: Lang = "en"): Dataset | string {
  const rows = parseCsv(text).filter((r) => r.some((f) => f.trim() !== ""));
  if (rows.length < 2) return cliText(lang, "cli.dataset.csvTooShort");
  if (labels.label === undefined && labels.bad === undefined && isUsListedHeader(rows[0])) return readUsListed(rows[0], rows.slice(1));
  return build(rows[0], rows.slice(1), labels, headerMap, lang);
}

/** A cell of an exceljs worksheet as the text a CSV would hold (formulas give their cached result; dates as ISO). */
function xlsxCellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    const o = v as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: unknown };
    if ("result" in o) return xlsxCellText(o.result);
    if (o.richText) return o.richText.map((t) => t.text).join("");
    if ("text" in o) return String(o.text);
    if ("error" in o) return String(o.error);
  }
  return String(v);
}

/**
 * The rows of the first worksheet of an .xlsx file, each cell through `cell`, rows whose cells are all blank
 * text left out; or an error message in `lang`. The history, data-set and ledger readers share it.
 */
export async function firstSheetRows<T>(file: string, cell: (v: unknown) => T, lang: Lang = "en"): Promise<T[][] | string> {
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    return cliText(lang, "cli.data.unreadable", { file, detail: (e as Error).message });
  }
  const ws = wb.worksheets[0];
  if (!ws) return cliText(lang, "cli.dataset.noWorksheet", { file });
  const width = ws.columnCount;
  const rows: T[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: T[] = [];
    for (let c = 1; c <= width; c++) cells.push(cell(row.getCell(c).value));
    if (cells.some((x) => !(typeof x === "string" && x.trim() === ""))) rows.push(cells);
  }
  return rows;
}

/** Reads the first worksheet of an .xlsx file (a header row, then one row per customer), as readCsv reads a CSV. */
export async function readXlsx(file: string, labels: LabelOptions = {}, lang: Lang = "en"): Promise<Dataset | string> {
  const rows = await firstSheetRows(file, xlsxCellText, lang);
  if (typeof rows === "string") return rows;
  if (rows.length < 2) return cliText(lang, "cli.dataset.sheetTooShort");
  if (labels.label === undefined && labels.bad === undefined && isUsListedHeader(rows[0])) return readUsListed(rows[0], rows.slice(1));
  return build(rows[0], rows.slice(1), labels, headerMap, lang);
}
