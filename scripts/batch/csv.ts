/**
 * CSV read through the maintained `csv-parse` package (RFC 4180:
 * quoted fields with embedded delimiters, quotes ("") and line breaks; CRLF, LF
 * or CR line ends; a UTF-8 byte-order mark is dropped), plus what real files
 * need around them: the delimiter (comma, semicolon, tab, or Excel's `sep=`
 * line), decimal commas in semicolon files, and neutralising formula-like text
 * on output.
 */
import type { Options as ParseOptions } from "csv-parse";
import { parse } from "csv-parse/sync";

export type Delimiter = "," | ";" | "\t";
export type DecimalMark = "." | ",";

/** Reader options shared by the synchronous and the streaming reader. */
export function readerOptions(delimiter: string): ParseOptions {
  return {
    delimiter,
    bom: true,
    relax_column_count: true, // ragged rows are kept as they are
    relax_quotes: true, // a quote inside an unquoted field is text (Excel writes such fields)
    skip_empty_lines: false, // a blank line is a (blank) row: row numbers stay the sheet's
    record_delimiter: ["\r\n", "\n", "\r"],
  };
}

/** Parses CSV text into rows of fields. A trailing newline does not make an empty row. */
export function parseCsv(text: string, delimiter = ","): string[][] {
  return parse(text, readerOptions(delimiter)) as string[][];
}

/** One field as CSV: quoted (quotes doubled) when it holds the delimiter, a quote or a line break. */
export function csvField(text: string, delimiter: string): string {
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Writes rows as CSV with CRLF line ends (what Excel expects). Cells are
 * written as given (see `csvSafe`). Writing CSV is this one quoting rule
 * (RFC 4180), so it is done here rather than through a second package.
 */
export function formatCsv(rows: readonly (readonly unknown[])[], delimiter = ","): string {
  let out = "";
  for (const r of rows) {
    for (let k = 0; k < r.length; k++) {
      const v = r[k];
      if (k > 0) out += delimiter;
      out += csvField(v === null || v === undefined ? "" : String(v), delimiter);
    }
    out += "\r\n";
  }
  return out;
}

const DOT_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
// Decimal comma: "0,95", ",5", "-12", "1e3", with optional thousands dots or spaces: "1.234,5", "1 234 567".
const COMMA_PLAIN = /^[+-]?(\d+,?\d*|,\d+)([eE][+-]?\d+)?$/;
const COMMA_GROUPED = /^[+-]?\d{1,3}([. \u00a0\u202f]\d{3})+(,\d+)?$/;

/**
 * A CSV cell as the engine should see it: plain numeric text becomes a
 * number, other text stays text (the engine then names it in its message:
 * never a silent 0). With decimal comma "0,95" → 0.95 and "1.234,5" → 1234.5;
 * with decimal point "1,234" stays text.
 */
export function csvCellValue(text: string, decimal: DecimalMark = "."): number | string {
  const t = text.trim();
  if (decimal === ".") return DOT_NUMBER.test(t) ? Number(t) : text;
  if (COMMA_PLAIN.test(t)) return Number(t.replace(",", "."));
  if (COMMA_GROUPED.test(t)) return Number(t.replace(/[. \u00a0\u202f]/g, "").replace(",", "."));
  return text;
}

/** A number as the file writes it (decimal comma files get "0,95"). */
export function formatNumber(n: number, decimal: DecimalMark): string {
  const s = String(n);
  return decimal === "," ? s.replace(".", ",") : s;
}

/**
 * Neutralises text a spreadsheet would run as a formula when it opens the CSV,
 * the CSV form of the pane's write guard (`injectionSafe` in
 * src/excel/write-columns.ts): text whose first character is a tab or a
 * carriage return, or whose first non-space character (NFKC, so full-width
 * ＝＋－＠ count) is `=`, `+`, `-` or `@`, gets a leading apostrophe. A CSV
 * has no quote prefix, so the apostrophe stays visible: the usual trade for
 * a cell that can never run. Numbers (text that reads as a number in this
 * file, e.g. "-5" or "-0,5") and dashes alone ("-", "--", the engine's
 * "unknown" markers) are left as they are.
 */
export function csvSafe(text: string, decimal: DecimalMark = "."): string {
  if (text === "") return text;
  if (text[0] === "\t" || text[0] === "\r") return "'" + text;
  const m = /^[\s\u00a0\u3000\ufeff]*(.)/u.exec(text);
  if (!m || !/^[=+\-@]$/u.test(m[1].normalize("NFKC"))) return text;
  if (typeof csvCellValue(text, decimal) === "number") return text;
  if (/^[\s\u00a0\u3000]*[-\u2013\u2014]+[\s\u00a0\u3000]*$/u.test(text)) return text;
  return "'" + text;
}

const CANDIDATES: readonly Delimiter[] = [",", ";", "\t"];

/** Excel's "sep=;" first line names the delimiter (and is not a row). */
export function sepLine(sample: string): Delimiter | null {
  const m = /^sep=(.)\r?(\n|$)/i.exec(sample);
  if (!m) return null;
  return (CANDIDATES as readonly string[]).includes(m[1]) ? (m[1] as Delimiter) : null;
}

/**
 * Guesses the delimiter from the first lines: the candidate that splits the
 * first row into the most fields, with the other rows agreeing. A decimal
 * comma file ("A;0,95;1,2") is split by commas only in its data rows, not in
 * its header, so it does not fool this. Returns "," for a one-column file.
 */
export function sniffDelimiter(sample: string): Delimiter {
  // Only whole lines: the sample may end inside one.
  const cut = Math.max(sample.lastIndexOf("\n"), sample.lastIndexOf("\r"));
  const text = cut > 0 ? sample.slice(0, cut) : sample;
  let best: { d: Delimiter; score: number } = { d: ",", score: 0 };
  for (const d of CANDIDATES) {
    let rows: string[][];
    try {
      rows = (parse(text, { ...readerOptions(d), to_line: 30 }) as string[][]).filter((r) => r.some((f) => f.trim() !== ""));
    } catch {
      continue; // an unbalanced quote in the sample: not this delimiter's shape
    }
    if (rows.length === 0) continue;
    const width = rows[0].length;
    if (width < 2) continue;
    const agree = rows.filter((r) => r.length === width).length / rows.length;
    const score = width * agree;
    if (score > best.score) best = { d, score };
  }
  return best.d;
}

/**
 * The decimal mark of a semicolon or tab file, from its first data rows:
 * decimal commas ("0,95", "1.234,5") against decimal points ("0.95"; "1.234"
 * could be either and counts for neither). Comma files always use the point.
 * When the rows show neither, semicolon files are taken to use the comma
 * (the European convention that makes them semicolon files) and tab files
 * the point.
 */
export function detectDecimal(rows: readonly (readonly string[])[], delimiter: Delimiter): { decimal: DecimalMark; mixed: boolean } {
  if (delimiter === ",") return { decimal: ".", mixed: false };
  let comma = 0;
  let dot = 0;
  for (const r of rows) {
    for (const f of r) {
      const t = f.trim();
      if (/^[+-]?\d*,\d+$/.test(t) || /^[+-]?\d{1,3}(\.\d{3})+,\d+$/.test(t)) comma++;
      else if (/^[+-]?(\d*\.\d+)$/.test(t) && !/^[+-]?[1-9]\d{0,2}\.\d{3}$/.test(t)) dot++;
    }
  }
  if (comma > dot) return { decimal: ",", mixed: dot > 0 };
  if (dot > comma) return { decimal: ".", mixed: comma > 0 };
  return { decimal: delimiter === ";" ? "," : ".", mixed: comma > 0 };
}
