/**
 * Excel serial dates (1900 date system).
 *
 * Serial 1 is 1900-01-01; serial 60 is Excel's fictitious 1900-02-29 (kept for
 * Lotus compatibility); from serial 61 (1900-03-01) on, serial = days since
 * 1899-12-30. The largest valid serial is 2958465 (9999-12-31). A fractional
 * part is a time of day; credit rules work in whole days, so readers drop it.
 */
import { Result, valueError } from "./errors";
import { ArgName, cellErrorFor, clip, isBlank } from "./cells";
import { cellArg, message } from "./messages";

export const MIN_SERIAL = 1;
export const MAX_SERIAL = 2958465;

const MS_PER_DAY = 86_400_000;
const EPOCH_MS = Date.UTC(1899, 11, 30);

/** Converts a calendar date to its Excel serial. Month is 1–12. */
export function serialFromYmd(year: number, month: number, day: number): number {
  const ms = Date.UTC(year, month - 1, day);
  const serial = Math.round((ms - EPOCH_MS) / MS_PER_DAY);
  // Dates before 1900-03-01 sit one lower because Excel counts 1900-02-29.
  return serial < 61 ? serial - 1 : serial;
}

/** Converts a serial to `{ year, month, day }` (serial 60 → 1900-02-29 as Excel shows it). */
export function ymdFromSerial(serial: number): { year: number; month: number; day: number } {
  const whole = Math.floor(serial);
  if (whole === 60) return { year: 1900, month: 2, day: 29 };
  const adjusted = whole < 60 ? whole + 1 : whole;
  const d = new Date(EPOCH_MS + adjusted * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO text `yyyy-mm-dd` of a serial. */
export function isoFromSerial(serial: number): string {
  const { year, month, day } = ymdFromSerial(serial);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Parses `yyyy-mm-dd` into a serial, or an error. */
export function serialFromIso(text: string, arg = "date"): Result<number> {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return valueError(message("date.notIso", { arg, text }));
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    return valueError(message("date.notCalendar", { arg, text }));
  }
  const serial = serialFromYmd(y, mo, d);
  if (serial < MIN_SERIAL || serial > MAX_SERIAL) return valueError(message("date.outOfRange", { arg, text }));
  return serial;
}

/**
 * Reads a date cell as a whole-day serial. Text (even "2026-01-31") is refused
 * with a message: a text date in a sheet is a data problem the analyst should see.
 */
export function readOptionalSerial(cell: unknown, arg: ArgName): Result<number | null> {
  if (isBlank(cell)) return null;
  if (typeof cell === "string") {
    return valueError(message("date.text", { arg, text: clip(cell) }));
  }
  if (typeof cell !== "number" || !Number.isFinite(cell)) {
    return cellErrorFor(cell, arg) ?? valueError(message("date.notDate", { arg, value: cellArg(cell) }));
  }
  if (cell < MIN_SERIAL || cell >= MAX_SERIAL + 1) {
    return valueError(message("date.badSerial", { arg, value: cell }));
  }
  return Math.floor(cell);
}

/** Reads a required date cell. */
export function readSerial(cell: unknown, arg: ArgName): Result<number> {
  const v = readOptionalSerial(cell, arg);
  if (v === null) return valueError(message("cell.required", { arg }));
  return v;
}
