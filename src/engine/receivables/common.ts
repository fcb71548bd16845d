/**
 * Small helpers shared by the receivables formulas (flags, grids, scalars).
 * Cell coercion itself lives in `../cells` and `../dates`; this file only
 * adds the few readings those do not cover (yes/no flags, 2-D shapes).
 */
import { cellErrorFor, clip, isBlank, isBlankOrZero } from "../cells";
import { cellArg, message } from "../messages";
import { Result, isEngineError, valueError } from "../errors";
import { readOptionalSerial } from "../dates";
import { Lang } from "../lang";
import { Vector, readGrid, readVector } from "../spill";

const TRUE_WORDS = new Set(["true", "yes", "y", "x", "1", "disputed", "是", "有", "争议", "有争议"]);
const FALSE_WORDS = new Set(["false", "no", "n", "0", "否", "无", "没有"]);

/**
 * Reads a yes/no flag such as "disputed". TRUE, 1, "yes", "y", "x", "disputed",
 * "是", "争议" mean yes; FALSE, 0, "no", "否", "无" and blank mean no.
 * Anything else is a #VALUE! naming `arg`.
 */
export function readFlag(cell: unknown, arg: string): Result<boolean> {
  if (isBlank(cell)) return false;
  if (typeof cell === "boolean") return cell;
  if (typeof cell === "number") {
    if (cell === 1) return true;
    if (cell === 0) return false;
    return valueError(message("flag.invalid", { arg, value: cellArg(cell) }));
  }
  if (typeof cell !== "string") {
    return cellErrorFor(cell, arg) ?? valueError(message("flag.invalid", { arg, value: cellArg(cell) }));
  }
  const t = cell.trim().toLowerCase();
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  return valueError(message("flag.invalidText", { arg, text: clip(cell) }));
}

/** A vector argument that must be given (omitted → #VALUE! naming it). */
export function requireVector(arg: unknown, name: string): Result<Vector> {
  const v = readVector(arg, name);
  if (isEngineError(v)) return v;
  if (v === null) return valueError(message("arg.required", { arg: name }));
  return v;
}

/** A grid argument that must be given (rectangular, see `readGrid`). */
export function requireGrid(arg: unknown, name: string): Result<unknown[][]> {
  const g = readGrid(arg, name);
  if (g === null) return valueError(message("arg.required", { arg: name }));
  return g;
}

/** Picks the text of a bilingual label. */
export type Bilingual = Readonly<Record<Lang, string>>;
export function pick(label: Bilingual, lang: Lang): string {
  return label[lang] ?? label.en;
}

/** The one cell of an argument that must be a single cell; a larger range is a #VALUE! naming `name`. */
export function singleCell(arg: unknown, name: string): Result<unknown> {
  const g = readGrid(arg, name);
  if (g === null || isEngineError(g)) return g;
  if (g.length > 1 || g[0].length > 1) {
    return valueError(message("range.notSingle", { arg: name, rows: g.length, cols: g[0].length }));
  }
  return g[0][0];
}

/**
 * Reads an optional date cell where 0 also means blank: serial 0 is no valid
 * date, and Excel desktop passes empty cells inside ranges as 0.
 */
export function readOptionalDate(cell: unknown, arg: string): Result<number | null> {
  return cell === 0 ? null : readOptionalSerial(cell, arg);
}

/** Blank, or 0 (an empty cell as Excel desktop may pass it); lives in `../cells`. */
export { isBlankOrZero };
