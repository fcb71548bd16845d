/**
 * The English catalogue: every message a user reads, by id. The Chinese catalogue (zh.ts) must have exactly
 * the same ids (the compiler checks it) and use the same arguments (test/engine/messages.test.ts checks it).
 * Ids are dotted: the area first ("cell.", "ledger.", "review."), then the problem.
 */
import type { Entry } from "./types";

export const EN = {
  /** A text not yet moved into the catalogue: shown as it is, in every language (being removed). */
  "legacy.text": (a) => String(a.text),
  /** "row 12: …": a problem of one row of a range. */
  "at.row": (a, w) => `row ${a.row}: ${w.msg(a.cause)}`,
  "cell.notNumber": (a, w) => `${a.arg}: expected a number but got ${w.cell(a.value)}.`,
  "cell.textNumber": (a, w) =>
    `${a.arg}: ${w.cell(a.value)} is text, not a number. Enter it as a number (remove thousands separators or % signs, or convert the cell with VALUE()).`,
  "cell.notFinite": (a) => `${a.arg}: ${a.value} is not a finite number.`,
  "cell.belowMin": (a) => `${a.arg}: ${a.value} is below the smallest allowed value ${a.min}.`,
  "cell.aboveMax": (a) => `${a.arg}: ${a.value} is above the largest allowed value ${a.max}.`,
  "cell.notInteger": (a) => `${a.arg}: ${a.value} must be a whole number.`,
  "cell.required": (a) => `${a.arg} is required but the cell is empty.`,
  "choice.notText": (a, w) => `${a.arg}: expected one of ${w.list(a.choices as readonly string[])} but got ${w.cell(a.value)}.`,
  "choice.unknown": (a, w) => `${a.arg}: "${a.value}" is not one of ${w.list(a.choices as readonly string[])}.`,
} satisfies Record<string, Entry>;

export type MessageId = keyof typeof EN;
