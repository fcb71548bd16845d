/**
 * Cell contents as the add-in reads, keeps and writes them back exactly:
 * the injection rule for text (`injectionSafe`), and the codec of the undo
 * backups (`encodeCell` / `cellInput`).
 *
 * Reading a cell exactly takes two properties: `Range.formulas` gives a
 * formula's text but drops a text cell's quote prefix (office-js #6687:
 * the text "'=A1" reads back as "=A1", like the formula =A1), and
 * `Range.values` gives a formula's result. A cell is a formula when its
 * `formulas` entry starts with "=" and differs from its value; otherwise its
 * value is the constant. An error constant typed by the user (#N/A) and the
 * text "#N/A" read the same in both: `valueTypes` ("Error") tells them apart.
 */

import { EXCEL_ERRORS } from "../engine/cells";

export { EXCEL_ERRORS };

/** True for a string that is exactly one of Excel's error literals. */
export function isErrorLiteral(v: unknown): v is string {
  return typeof v === "string" && (EXCEL_ERRORS as readonly string[]).includes(v);
}

/** Text Excel reads as a date although it starts with a letter: "Jan 2024", "May-24", "december 5". */
const MONTH_FIRST_DATE = /^\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?[\s\-/,]*\d/i;

/**
 * Makes customer text safe to write to `Range.values` / `Range.formulas`, so
 * that text stays exactly the text it was.
 *
 * Excel takes a written string like typed input:
 * - one starting with `=`, `+`, `-` or `@` becomes a formula;
 * - one that reads as a number, date, time, percentage, amount or error value
 *   is converted ("00123" → 123, "2024-01-31" → a date, "1,5" or "50%" →
 *   numbers, "#N/A" → an error), and "TRUE"/"FALSE" become booleans.
 * Such a string gets a leading apostrophe: Excel stores the rest as text (the
 * apostrophe is the cell's quote prefix, invisible and not part of the value;
 * reading the cell gives the original text back). The test is deliberately
 * generous — any string whose first non-space character (NFKC, so full-width
 * forms count) is one of `= + - @`, a digit, `. , ( # $ € £ ¥`, or that is
 * TRUE/FALSE, or that starts with a month name and a number ("Jan 2024") —
 * because an unneeded apostrophe is harmless and a converted
 * customer id is not. A string that already starts with `'` also gets one, or
 * Excel would swallow the user's apostrophe. Everything else, including
 * numbers, booleans and null, is returned unchanged.
 *
 * @example injectionSafe("=HYPERLINK(\"http://x\")") === "'=HYPERLINK(\"http://x\")"
 * @example injectionSafe("  +1 555") === "'  +1 555"
 * @example injectionSafe("00123") === "'00123"
 * @example injectionSafe("Acme Ltd") === "Acme Ltd"; injectionSafe(-5) === -5
 */
export function injectionSafe<T>(value: T): T {
  if (typeof value !== "string" || value === "") return value;
  if (value.startsWith("'")) return ("'" + value) as T;
  const m = /^[\s\u00a0\u3000\ufeff]*(.)/u.exec(value);
  if (m && /^[=+\-@0-9.,(#$€£¥]$/u.test(m[1].normalize("NFKC"))) return ("'" + value) as T;
  if (/^\s*(true|false)\s*$/i.test(value)) return ("'" + value) as T;
  if (MONTH_FIRST_DATE.test(value)) return ("'" + value) as T;
  return value;
}

/**
 * One cell as kept in an undo backup: null (empty), a number, a boolean, a
 * text, `{ f }` a formula (en-US, as `Range.formulas` reads it) or `{ e }`
 * an error constant.
 */
export type CellCode = null | number | boolean | string | { f: string } | { e: string };

function blank(v: unknown): boolean {
  return v === "" || v === null || v === undefined;
}

/**
 * The backup code of a cell read as `formula` (Range.formulas), `value`
 * (Range.values) and, when known, `valueType` (Range.valueTypes).
 * @example encodeCell("=A1*2", 84) → { f: "=A1*2" }; encodeCell("=A1", "=A1") → "=A1" (quote-prefixed text)
 */
export function encodeCell(formula: unknown, value: unknown, valueType?: string): CellCode {
  if (typeof formula === "string" && formula.startsWith("=") && formula !== value) return { f: formula };
  if (blank(value) && blank(formula)) return null;
  const v = blank(value) ? formula : value;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "boolean") return v;
  if (typeof v === "string") return valueType === "Error" && isErrorLiteral(v) ? { e: v } : v;
  return null;
}

/**
 * What to send to `Range.formulas` to put `code` back exactly: a formula's
 * text, an error literal (Excel makes it the error again), a number or a
 * boolean as is, text through `injectionSafe` (so it stays text), "" for
 * empty.
 */
export function cellInput(code: CellCode): string | number | boolean {
  if (code === null) return "";
  if (typeof code === "number" || typeof code === "boolean") return code;
  if (typeof code === "string") return injectionSafe(code);
  if ("f" in code) return code.f;
  return code.e;
}
