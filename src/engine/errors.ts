/**
 * Errors as values.
 *
 * Engine functions never throw on bad user input: they return an `EngineError`
 * in place of the result, so that one bad row of a spilled range is one bad
 * cell and the other rows still compute. The custom-function layer maps the
 * `code` to the matching Excel error (`#VALUE!`, `#N/A`, `#DIV/0!`, `#NUM!`)
 * in exactly one place (`src/functions/excel-errors.ts`).
 */

import type { Lang } from "./lang";
import { Message, isMessage, message as makeMessage, renderMessage } from "./messages";

/** The Excel error an engine error becomes. Only VALUE and NA carry a message in Excel. */
export type EngineErrorCode = "VALUE" | "NA" | "DIV0" | "NUM";

export interface EngineError {
  readonly kind: "EngineError";
  readonly code: EngineErrorCode;
  /**
   * What went wrong, as a catalogue message (src/engine/messages): render it with `messageIn` in the reader's
   * language. Absent on a copy made with `{ ...e }` (spread drops it): such a copy reads in English only.
   */
  readonly msg?: Message;
  /** The message in English (the catalogue's English text of `msg`). */
  readonly message: string;
}

/**
 * An error from a catalogue message (`message("cell.notNumber", {…})`), or from a text not yet in the
 * catalogue (shown as it is in every language; being removed).
 */
export function engineError(code: EngineErrorCode, what: Message | string): EngineError {
  const msg = isMessage(what) ? what : makeMessage("legacy.text", { text: what });
  const e = { kind: "EngineError", code, message: renderMessage(msg, "en") } as EngineError;
  // Not enumerable: an error still compares, prints and serialises as { kind, code, message }.
  Object.defineProperty(e, "msg", { value: msg, enumerable: false });
  return e;
}

export const valueError = (what: Message | string): EngineError => engineError("VALUE", what);
export const naError = (what: Message | string): EngineError => engineError("NA", what);
export const div0Error = (what: Message | string): EngineError => engineError("DIV0", what);
export const numError = (what: Message | string): EngineError => engineError("NUM", what);

/** The same error with its message put in context (e.g. `message("at.row", { row: 12, cause: e.msg })`). */
export function withMessage(e: EngineError, msg: Message): EngineError {
  return engineError(e.code, msg);
}

/**
 * An error's message in `lang`. An error whose English text was changed by hand after it was made (code not
 * yet moved to `withMessage`) keeps that text, so no reader ever sees a message that says less.
 */
export function messageIn(e: EngineError, lang: Lang): string {
  if (lang === "en" || !e.msg) return e.message;
  return renderMessage(e.msg, "en") === e.message ? renderMessage(e.msg, lang) : e.message;
}

export function isEngineError(x: unknown): x is EngineError {
  return typeof x === "object" && x !== null && (x as { kind?: unknown }).kind === "EngineError";
}

/** A value or the error that replaced it. */
export type Result<T> = T | EngineError;
