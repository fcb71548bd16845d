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
 *   never silently 0.
 */
import { EngineError, Result, isEngineError, numError, valueError } from "./errors";

export type Cell = number | string | boolean | null | undefined;

const BLANK_MARKERS = new Set(["", "n/a", "na", "-", "--", "—", "–", "?", "unknown", "不详", "未知", "无数据", "#n/a"]);

/** True when the cell means "not known". */
export function isBlank(cell: unknown): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell === "string") return BLANK_MARKERS.has(cell.trim().toLowerCase());
  return false;
}

export interface NumberRules {
  /** Smallest allowed value (inclusive). */
  min?: number;
  /** Largest allowed value (inclusive). */
  max?: number;
  /** Must be a whole number (checked after rules above). */
  integer?: boolean;
}

function describe(cell: unknown): string {
  if (typeof cell === "string") return `text "${cell.length > 30 ? cell.slice(0, 30) + "…" : cell}"`;
  if (typeof cell === "boolean") return `a logical value (${cell ? "TRUE" : "FALSE"})`;
  return String(cell);
}

/**
 * Reads a number that may be blank. Returns `null` for blank, the number, or an
 * error naming `arg`.
 */
export function readOptionalNumber(cell: unknown, arg: string, rules: NumberRules = {}): Result<number | null> {
  if (isBlank(cell)) return null;
  if (typeof cell !== "number") {
    if (typeof cell === "string" && /^[\s+-]*[\d.,\s]+%?\s*$/.test(cell)) {
      return valueError(`${arg}: ${describe(cell)} is text, not a number. Enter it as a number (remove thousands separators or % signs, or convert the cell with VALUE()).`);
    }
    return valueError(`${arg}: expected a number but got ${describe(cell)}.`);
  }
  if (!Number.isFinite(cell)) return numError(`${arg}: ${cell} is not a finite number.`);
  if (rules.min !== undefined && cell < rules.min) {
    return valueError(`${arg}: ${cell} is below the smallest allowed value ${rules.min}.`);
  }
  if (rules.max !== undefined && cell > rules.max) {
    return valueError(`${arg}: ${cell} is above the largest allowed value ${rules.max}.`);
  }
  if (rules.integer && !Number.isInteger(cell)) return valueError(`${arg}: ${cell} must be a whole number.`);
  return cell;
}

/** Reads a number that must be present. */
export function readNumber(cell: unknown, arg: string, rules: NumberRules = {}): Result<number> {
  const v = readOptionalNumber(cell, arg, rules);
  if (v === null) return valueError(`${arg} is required but the cell is empty.`);
  return v;
}

/** Reads an optional text option such as `output` or `method`; blank gives `fallback`. */
export function readChoice<T extends string>(cell: unknown, arg: string, choices: readonly T[], fallback: T): Result<T> {
  if (isBlank(cell)) return fallback;
  if (typeof cell !== "string") {
    return valueError(`${arg}: expected one of ${choices.map((c) => `"${c}"`).join(", ")} but got ${describe(cell)}.`);
  }
  const wanted = cell.trim().toLowerCase().replace(/[\s_-]+/g, "");
  const hit = choices.find((c) => c.toLowerCase().replace(/[\s_-]+/g, "") === wanted);
  if (!hit) return valueError(`${arg}: "${cell}" is not one of ${choices.map((c) => `"${c}"`).join(", ")}.`);
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
