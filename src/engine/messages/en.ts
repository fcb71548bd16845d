/**
 * The English catalogue: every message a user reads, by id. The Chinese catalogue (zh.ts) must have exactly
 * the same ids (the compiler checks it) and use the same arguments (test/engine/messages.test.ts checks it).
 * Ids are dotted: the area first ("cell.", "ledger.", "review.", "cli."), then the problem. The entries of an area
 * live in its own pair of files (`<area>.en.ts`, `<area>.zh.ts`) spread in here.
 */
import type { Entry } from "./types";
import { INPUT_EN } from "./input.en";
import { RECEIVABLES_EN } from "./receivables.en";
import { CREDIT_EN } from "./credit.en";
import { CLI_EN } from "./cli.en";

export const EN = {
  /** A text not yet moved into the catalogue: shown as it is, in every language (being removed). */
  "legacy.text": (a) => String(a.text),
  /** "row 12: …": a problem of one row of a range. */
  "at.row": (a, w) => `row ${a.row}: ${w.msg(a.cause)}`,
  ...INPUT_EN,
  ...RECEIVABLES_EN,
  ...CREDIT_EN,
  ...CLI_EN,
} satisfies Record<string, Entry>;

export type MessageId = keyof typeof EN;
