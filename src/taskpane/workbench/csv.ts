/**
 * Reading a CSV file in the browser, as carefully as a user's spreadsheet
 * would, without guessing where guessing could change a figure:
 *
 * - Encoding: a byte-order mark (UTF-8, UTF-16 LE/BE) decides; otherwise
 *   strict UTF-8, and GB18030 when the bytes are not valid UTF-8 (Excel in
 *   Chinese saves "CSV (comma delimited)" as GB18030/GBK).
 * - Separator: Excel's `sep=;` first line when present; otherwise the one of
 *   comma, semicolon, tab and bar that splits the first lines into the same
 *   number (> 1) of fields most consistently (quotes respected).
 * - Fields: RFC 4180 quoting ("" inside quotes, line breaks inside quotes),
 *   CRLF or LF.
 * - Values: plain numbers (`-12.5`, `1e6`) become numbers; in a file not
 *   separated by commas a decimal comma is read too (`0,553`), as European
 *   Excel writes it. ISO dates (`2026-10-31`, `2026/10/31`) become Excel date
 *   serials, as the engine expects dates. Everything else stays text exactly
 *   as written: thousands separators, percent signs, currency, day-first
 *   dates and ids with leading zeros are not guessed at (the review then
 *   names the cell instead of silently reading a wrong number).
 */

export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";
export type CsvDelimiter = "," | ";" | "\t" | "|";

const DELIMITERS: readonly CsvDelimiter[] = [",", ";", "\t", "|"];

export interface CsvTable {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  /** Decimal commas were read as numbers (a file not separated by commas that uses them). */
  decimalComma: boolean;
  /** Header cells (the first row), padded to the widest row with "". */
  headers: string[];
  /** Data rows, each as wide as `headers`: numbers, date serials, text; "" for an empty field. */
  rows: (string | number)[][];
  /** Columns in which at least one field was read as a date (for the date format of a download). */
  dateColumns: number[];
}

/** Decodes the bytes of a text file (see the module comment for the rules). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
}

/**
 * Splits delimited text into rows of fields (RFC 4180 quoting). A trailing
 * line break does not make an empty row; `maxRows` stops early (for sniffing).
 */
export function parseDelimited(text: string, delimiter: string, maxRows = Infinity): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === "") quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      row.push(field);
      rows.push(row);
      if (rows.length >= maxRows) return rows;
      row = [];
      field = "";
      if (ch === "\r" && text[i + 1] === "\n") i++;
    } else field += ch;
    i++;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The separator of `text` (see the module comment); "," when nothing splits the lines. */
export function detectDelimiter(text: string): CsvDelimiter {
  const sample = text.slice(0, 64 * 1024);
  let best: { d: CsvDelimiter; consistency: number; fields: number } | null = null;
  for (const d of DELIMITERS) {
    let rows = parseDelimited(sample, d, 50).filter((r) => !(r.length === 1 && r[0].trim() === ""));
    if (sample.length < text.length && rows.length > 1) rows = rows.slice(0, -1); // the last sniffed line may be cut
    if (rows.length === 0) continue;
    const counts = new Map<number, number>();
    for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    let fields = 0,
      hits = 0;
    for (const [k, v] of counts) if (v > hits || (v === hits && k > fields)) [fields, hits] = [k, v];
    if (fields < 2) continue;
    const consistency = hits / rows.length;
    if (!best || consistency > best.consistency || (consistency === best.consistency && fields > best.fields))
      best = { d, consistency, fields };
  }
  return best?.d ?? ",";
}

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;
const LEADING_ZERO = /^[+-]?0\d/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;

/** Excel's serial of a calendar date (1900 system), or null when the date does not exist. */
function dateSerial(y: number, m: number, d: number): number | null {
  const t = Date.UTC(y, m - 1, d);
  const check = new Date(t);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d || y < 1900 || y > 9999) return null;
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/**
 * The value of one field: a number, a date serial or the text as written.
 * @example csvValue("0,553", true) === 0.553; csvValue("2026-10-31", false) === 46326; csvValue("00123", false) === "00123"
 */
export function csvValue(field: string, decimalComma: boolean): { value: string | number; kind: "number" | "date" | "text" } {
  const t = field.trim();
  if (t === "") return { value: "", kind: "text" };
  if (!LEADING_ZERO.test(t)) {
    if (PLAIN_NUMBER.test(t)) return { value: Number(t), kind: "number" };
    if (decimalComma && DECIMAL_COMMA.test(t)) return { value: Number(t.replace(",", ".")), kind: "number" };
  }
  const m = ISO_DATE.exec(t);
  if (m) {
    const s = dateSerial(Number(m[1]), Number(m[2]), Number(m[3]));
    if (s !== null) return { value: s, kind: "date" };
  }
  return { value: field, kind: "text" };
}

/** Reads a CSV file's bytes into a table, or null when it holds no field at all. */
export function readCsv(bytes: Uint8Array): CsvTable | null {
  const { text: raw, encoding } = decodeText(bytes);
  let text = raw;
  let delimiter: CsvDelimiter | null = null;
  const hint = /^sep=(.)\r?\n/i.exec(text);
  if (hint && (DELIMITERS as readonly string[]).includes(hint[1])) {
    delimiter = hint[1] as CsvDelimiter;
    text = text.slice(hint[0].length);
  }
  delimiter ??= detectDelimiter(text);
  const grid = parseDelimited(text, delimiter);
  while (grid.length > 0 && grid[grid.length - 1].every((f) => f.trim() === "")) grid.pop();
  if (grid.length === 0) return null;
  const width = Math.max(...grid.map((r) => r.length));
  const decimalComma = delimiter !== "," && grid.slice(1).some((r) => r.some((f) => DECIMAL_COMMA.test(f.trim())));
  const headers = Array.from({ length: width }, (_, j) => grid[0][j] ?? "");
  const dates = new Set<number>();
  const rows = grid.slice(1).map((r) =>
    Array.from({ length: width }, (_, j) => {
      const v = csvValue(r[j] ?? "", decimalComma);
      if (v.kind === "date") dates.add(j);
      return v.value;
    }),
  );
  return { encoding, delimiter, decimalComma, headers, rows, dateColumns: [...dates].sort((a, b) => a - b) };
}
