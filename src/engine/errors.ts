/**
 * Errors as values.
 *
 * Engine functions never throw on bad user input: they return an `EngineError`
 * in place of the result, so that one bad row of a spilled range is one bad
 * cell and the other rows still compute. The custom-function layer maps the
 * `code` to the matching Excel error (`#VALUE!`, `#N/A`, `#DIV/0!`, `#NUM!`)
 * in exactly one place (`src/functions/excel-errors.ts`).
 */

/** The Excel error an engine error becomes. Only VALUE and NA carry a message in Excel. */
export type EngineErrorCode = "VALUE" | "NA" | "DIV0" | "NUM";

export interface EngineError {
  readonly kind: "EngineError";
  readonly code: EngineErrorCode;
  /** Plain-language message naming the argument and the problem. */
  readonly message: string;
}

export function engineError(code: EngineErrorCode, message: string): EngineError {
  return { kind: "EngineError", code, message };
}

export const valueError = (message: string): EngineError => engineError("VALUE", message);
export const naError = (message: string): EngineError => engineError("NA", message);
export const div0Error = (message: string): EngineError => engineError("DIV0", message);
export const numError = (message: string): EngineError => engineError("NUM", message);

export function isEngineError(x: unknown): x is EngineError {
  return typeof x === "object" && x !== null && (x as { kind?: unknown }).kind === "EngineError";
}

/** A value or the error that replaced it. */
export type Result<T> = T | EngineError;
