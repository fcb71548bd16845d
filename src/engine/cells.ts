/**
 * Reading spreadsheet cell values into engine inputs.
 *
 * Cells reach the engine as `number | string | boolean | null | undefined`
 * (Excel desktop may pass 0 for an empty cell, Excel on the web null or "").
 * These readers are the only place that decides what a cell means:
 * - blank: `null`, `undefined`, `""`, whitespace, or an explicit "unknown"
 *   marker (`n/a`, `na`, `-`, `--`, `—`, `?`, `unknown`, `不详`, `未知`, `无数据`);
 * - a number: a finite JS number;
 * - anything else (text such as "1,234", booleans, NaN/Infinity) is an error,
 *   never silently 0;
 * - an error value passed in from a cell (an Excel error such as `#N/A`, which
 *   the runtime passes as `{ code: "#N/A", message? }`, or an `EngineError`)
 *   becomes that cell's error, naming the argument: `#N/A` stays `#N/A`, any
 *   other error is a `#VALUE!` saying which error the cell holds;
 * - values no cell can hold (objects, nested arrays, symbols …) are a
 *   `#VALUE!` describing them, never an exception.
 */
import { EngineError, Result, isEngineError, naError, valueError, withMessage } from "./errors";
import { Message, cellArg, clipText, describeCell as describeCellIn, message } from "./messages";

/** An argument's name in a message: its formula name, or a message naming a part of it ("ladder row 3, days"). */
export type ArgName = string | Message;

export type Cell = number | string | boolean | null | undefined;

const BLANK_MARKERS = new Set(["", "n/a", "na", "-", "--", "—", "–", "?", "unknown", "不详", "未知", "无数据", "#n/a"]);

/** True when the cell means "not known". */
export function isBlank(cell: unknown): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell === "string") return BLANK_MARKERS.has(cell.trim().toLowerCase());
  return false;
}

/**
 * Blank, or 0. Excel desktop passes the empty cells of a range as 0, so where
 * 0 is never a meaningful value (a date, a bucket edge), or at the unused end
 * of a selection, 0 and blank mean the same.
 */
export function isBlankOrZero(cell: unknown): boolean {
  return cell === 0 || isBlank(cell);
}

export interface NumberRules {
  /** Smallest allowed value (inclusive). */
  min?: number;
  /** Largest allowed value (inclusive). */
  max?: number;
  /** Must be a whole number (checked after rules above). */
  integer?: boolean;
}

/** Text of a cell for a message: at most 30 characters, so a long cell cannot flood the message. */
export function clip(text: string): string {
  return clipText(text);
}

/**
 * A cell as words for a message: `text "abc"`, `a logical value (TRUE)`, the
 * number, or what a value no cell can hold is. Never throws, whatever the value.
 */
export function describeCell(cell: unknown): string {
  return describeCellIn(cell, "en");
}

/** Every error value an Excel cell can hold, as Excel and the custom-functions runtime spell them (one list: src/excel uses it too). */
export const EXCEL_ERRORS = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#PYTHON!",
] as const;

const EXCEL_ERROR_CODES: ReadonlySet<string> = new Set(EXCEL_ERRORS);

/**
 * The error a cell holds, or null: an `EngineError` (e.g. one formula's result
 * fed to another), or an Excel error value passed in from a cell
 * (`{ code: "#N/A", message? }`). `#N/A` stays `#N/A` (so IFNA still works);
 * every other error becomes a `#VALUE!` that names it, because a formula may
 * only return `#VALUE!`, `#N/A`, `#DIV/0!` or `#NUM!`, and only the first two
 * carry a message.
 */
export function cellError(cell: unknown): EngineError | null {
  if (typeof cell !== "object" || cell === null || Array.isArray(cell)) return null;
  if (isEngineError(cell)) return cell;
  const code = (cell as { code?: unknown }).code;
  if (typeof code !== "string" || !EXCEL_ERROR_CODES.has(code)) return null;
  const raw = (cell as { message?: unknown }).message;
  const note = typeof raw === "string" && raw.trim() !== "" ? clip(raw.trim()) : "";
  if (code === "#N/A") return naError(message("cell.holdsNA", { note }));
  return valueError(message("cell.holdsError", { code, note }));
}

/** `cellError` for argument `arg`: the message starts with the argument's name. */
export function cellErrorFor(cell: unknown, arg: ArgName): EngineError | null {
  const e = cellError(cell);
  return e && withMessage(e, message("at.arg", { arg, cause: e.msg ?? e.message }));
}

/**
 * Text that looks like a number ("1,234", "35%", " - 12"), for a hint. Linear
 * in the length of the text: an earlier single regular expression backtracked
 * cubically, so a cell of a few thousand spaces and a letter froze Excel.
 */
function looksNumeric(text: string): boolean {
  return /^[\d.,\s]+%?$/.test(text.replace(/^[\s+-]+/, "").trimEnd());
}

/**
 * Reads a number that may be blank. Returns `null` for blank, the number, or an
 * error naming `arg`.
 */
export function readOptionalNumber(cell: unknown, arg: ArgName, rules: NumberRules = {}): Result<number | null> {
  if (isBlank(cell)) return null;
  if (typeof cell !== "number") {
    if (typeof cell === "string" && looksNumeric(cell)) {
      return valueError(message("cell.textNumber", { arg, value: cellArg(cell) }));
    }
    return cellErrorFor(cell, arg) ?? valueError(message("cell.notNumber", { arg, value: cellArg(cell) }));
  }
  // #VALUE! (not #NUM!): Excel shows a message only with #VALUE! and #N/A.
  if (!Number.isFinite(cell)) return valueError(message("cell.notFinite", { arg, value: cell }));
  if (rules.min !== undefined && cell < rules.min) {
    return valueError(message("cell.belowMin", { arg, value: cell, min: rules.min }));
  }
  if (rules.max !== undefined && cell > rules.max) {
    return valueError(message("cell.aboveMax", { arg, value: cell, max: rules.max }));
  }
  if (rules.integer && !Number.isInteger(cell)) return valueError(message("cell.notInteger", { arg, value: cell }));
  return cell;
}

/** Reads a number that must be present. */
export function readNumber(cell: unknown, arg: ArgName, rules: NumberRules = {}): Result<number> {
  const v = readOptionalNumber(cell, arg, rules);
  if (v === null) return valueError(message("cell.required", { arg }));
  return v;
}

/** Reads an optional text option such as `output` or `method`; blank gives `fallback`. */
export function readChoice<T extends string>(cell: unknown, arg: string, choices: readonly T[], fallback: T): Result<T> {
  if (isBlank(cell)) return fallback;
  if (typeof cell !== "string") {
    return cellErrorFor(cell, arg) ?? valueError(message("choice.notText", { arg, choices, value: cellArg(cell) }));
  }
  const wanted = cell
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "");
  const hit = choices.find((c) => c.toLowerCase().replace(/[\s_-]+/g, "") === wanted);
  if (!hit) return valueError(message("choice.unknown", { arg, value: clip(cell), choices }));
  return hit;
}

/** First cell of an optional argument that Excel may pass as a scalar or a 1×1 range. */
export function scalarOf(arg: unknown): unknown {
  if (Array.isArray(arg)) {
    const row = arg[0];
    return Array.isArray(row) ? row[0] : row;
  }
  return arg;
}

export { isEngineError };
export type { EngineError };
