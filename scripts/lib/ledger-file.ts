/**
 * Reading the tables `npm run calibrate -- <history> --ledger <file>` joins:
 * the invoice ledger (CSV or the first worksheet of an .xlsx) with its cells
 * as the engine reads a ledger (dates as Excel serials, amounts as numbers)
 * and the history as rows of cells with its header (the customer id kept).
 *
 * Only the file's cells are converted here; which column is which is the
 * engine's header recognition (`autoMapColumns(…, "ledger")`, en/zh headers),
 * and every rule about invoices is the engine's (`ledgerOutcomes`).
 * Date cells: an Excel date, a serial number, or text yyyy-mm-dd (also
 * yyyy/mm/dd); anything else stays text and the engine names the bad row.
 */
import { existsSync, readFileSync } from "fs";
import * as path from "path";
import { isEngineError } from "../../src/engine/errors";
import { serialFromIso, serialFromYmd } from "../../src/engine/dates";
import { autoMapColumns } from "../../src/engine/portfolio/mapping";
import type { Lang } from "../../src/engine/lang";
import { csvCellValue, detectDecimal, parseCsv, sepLine, sniffDelimiter, type DecimalMark } from "../batch/csv";
import { cliText } from "../batch/messages";
import { firstSheetRows } from "./dataset";

/** A table read from a file: the header row and the data rows. */
export interface FileTable {
  header: string[];
  rows: unknown[][];
}

const DATE_KEYS = new Set(["invoice_date", "due_date", "paid_date"]);
const AMOUNT_KEYS = new Set(["amount", "open_amount"]);

/** A date cell as a serial when it reads as one, else as given. */
export function dateCell(v: unknown): unknown {
  if (v instanceof Date) return serialFromYmd(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
  if (typeof v !== "string") return v;
  const t = v.trim();
  if (t === "") return "";
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (!m) return v;
  const s = serialFromIso(`${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}`);
  return isEngineError(s) ? v : s;
}

/** An xlsx cell's value (formulas: their cached result; rich text: its text). */
function xlsxValue(v: unknown): unknown {
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && !(v instanceof Date)) {
    const o = v as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: unknown };
    if ("result" in o) return xlsxValue(o.result);
    if (o.richText) return o.richText.map((t) => t.text).join("");
    if ("text" in o) return String(o.text);
    if ("error" in o) return String(o.error);
  }
  return v;
}

/** The rows of a CSV file (delimiter sniffed; a leading "sep=" line honoured), or an error message in `lang`. */
function csvRows(file: string, lang: Lang): { rows: string[][]; decimal: DecimalMark } | string {
  let text: string;
  try {
    text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  } catch (e) {
    return cliText(lang, "cli.data.unreadable", { file, detail: (e as Error).message });
  }
  const sep = sepLine(text);
  if (sep) text = text.replace(/^[^\n]*\n/, "");
  const delimiter = sep ?? sniffDelimiter(text.slice(0, 8192));
  const rows = parseCsv(text, delimiter).filter((r) => r.some((f) => f.trim() !== ""));
  return { rows, decimal: detectDecimal(rows.slice(1, 200), delimiter).decimal };
}

const headerOf = (row: readonly unknown[]): string[] =>
  row.map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : String(c ?? "")));

/** Reads a .csv or .xlsx table with a header row, or returns an error message in `lang`. */
async function readTable(
  file: string,
  what: "ledger" | "history",
  lang: Lang,
): Promise<{ table: FileTable; decimal: DecimalMark } | string> {
  if (!existsSync(file)) return cliText(lang, "cli.data.notFound", { file });
  const ext = path.extname(file).toLowerCase();
  if (ext !== ".csv" && ext !== ".xlsx") return cliText(lang, "cli.tableFile.format", { ext: ext || "(none)", what });
  const read = ext === ".csv" ? csvRows(file, lang) : await firstSheetRows(file, xlsxValue, lang);
  if (typeof read === "string") return read;
  const rows = Array.isArray(read) ? read : read.rows;
  if (rows.length < 2) return cliText(lang, "cli.tableFile.tooShort", { file, what });
  return { table: { header: headerOf(rows[0]), rows: rows.slice(1) }, decimal: Array.isArray(read) ? "." : read.decimal };
}

/** The invoice ledger: date columns as serials, amounts as numbers, the rest (customer ids) as given. */
export async function readLedgerFile(file: string, lang: Lang = "en"): Promise<FileTable | string> {
  const r = await readTable(file, "ledger", lang);
  if (typeof r === "string") return r;
  const { header, rows } = r.table;
  const keys = autoMapColumns(header, "ledger").columns.map((c) => c.key);
  const out = rows.map((row) =>
    header.map((_, j) => {
      const v = row[j] ?? "";
      if (keys[j] !== null && DATE_KEYS.has(keys[j] as string)) return dateCell(v);
      if (keys[j] !== null && AMOUNT_KEYS.has(keys[j] as string) && typeof v === "string") return csvCellValue(v, r.decimal);
      return v;
    }),
  );
  return { header, rows: out };
}

/** The history as a table of cells (ids kept as given; the engine reads the factor cells). */
export async function readHistoryTable(file: string, lang: Lang = "en"): Promise<FileTable | string> {
  const r = await readTable(file, "history", lang);
  return typeof r === "string" ? r : r.table;
}
