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
  /** The message in English (the catalogue's English text of `msg`), or in `lang` when the error was made in one. */
  readonly message: string;
  /** The language `message` is in, when not English (the pane's review makes its errors in the review language). */
  readonly lang?: Lang;
}

/**
 * An error from a catalogue message (`message("cell.notNumber", {…})`), or from a text not yet in the
 * catalogue (shown as it is in every language; being removed).
 */
export function engineError(code: EngineErrorCode, what: Message | string, lang: Lang = "en"): EngineError {
  const msg = isMessage(what) ? what : makeMessage("legacy.text", { text: what });
  const e = { kind: "EngineError", code, message: renderMessage(msg, lang) } as EngineError;
  // Not enumerable: an error still compares, prints and serialises as { kind, code, message }.
  Object.defineProperty(e, "msg", { value: msg, enumerable: false });
  if (lang !== "en") Object.defineProperty(e, "lang", { value: lang, enumerable: false });
  return e;
}

/** A #VALUE! error; `lang` sets the language of its `message` text (English unless given). */
export const valueError = (what: Message | string, lang?: Lang): EngineError => engineError("VALUE", what, lang);
export const naError = (what: Message | string, lang?: Lang): EngineError => engineError("NA", what, lang);
export const div0Error = (what: Message | string): EngineError => engineError("DIV0", what);
export const numError = (what: Message | string): EngineError => engineError("NUM", what);

/** The same error with its message put in context (e.g. `message("at.row", { row: 12, cause: e.msg })`), in the same language. */
export function withMessage(e: EngineError, msg: Message): EngineError {
  return engineError(e.code, msg, e.lang);
}

/** The same error with its `message` text in `lang` (an error without a catalogue message stays as it is). */
export function errorIn(e: EngineError, lang: Lang): EngineError {
  return e.msg && (e.lang ?? "en") !== lang ? engineError(e.code, e.msg, lang) : e;
}

/**
 * An error's message in `lang`. An error whose English text was changed by hand after it was made (code not
 * yet moved to `withMessage`) keeps that text, so no reader ever sees a message that says less.
 */
export function messageIn(e: EngineError, lang: Lang): string {
  const made = e.lang ?? "en";
  if (lang === made || !e.msg) return e.message;
  return renderMessage(e.msg, made) === e.message ? renderMessage(e.msg, lang) : e.message;
}

export function isEngineError(x: unknown): x is EngineError {
  return typeof x === "object" && x !== null && (x as { kind?: unknown }).kind === "EngineError";
}

/** A value or the error that replaced it. */
export type Result<T> = T | EngineError;
