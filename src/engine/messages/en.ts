/**
 * The English catalogue: every message a user reads, by id. The Chinese catalogue (zh.ts) must have exactly
 * the same ids (the compiler checks it) and use the same arguments (test/engine/messages.test.ts checks it).
 * Ids are dotted: the area first ("cell.", "ledger.", "review.", "model."), then the problem. The entries of an area
 * live in its own pair of files (`<area>.en.ts`, `<area>.zh.ts`) spread in here; the CLI's ("cli.", cli.en.ts and
 * cli.zh.ts) are registered by ./cli, which only the scripts import, so the add-in's bundles do not carry them.
 */
import type { Entry } from "./types";
import { INPUT_EN } from "./input.en";
import { RECEIVABLES_EN } from "./receivables.en";
import { CREDIT_EN } from "./credit.en";
import { REVIEW_EN } from "./review.en";
import { MODEL_EN } from "./model.en";

export const EN = {
  /** A text not yet moved into the catalogue: shown as it is, in every language (being removed). */
  "legacy.text": (a) => String(a.text),
  /** "row 12: …": a problem of one row of a range. */
  "at.row": (a, w) => `row ${a.row}: ${w.msg(a.cause)}`,
  ...INPUT_EN,
  ...RECEIVABLES_EN,
  ...CREDIT_EN,
  ...REVIEW_EN,
  ...MODEL_EN,
  /** A model JSON file or stored model that is not JSON. */
  "model.notJson": (a) => `${a.what} is not a model JSON file: ${a.detail}`,
  /** A model that fails the model checks (detail: the check's text). */
  "model.invalid": (a) => `${a.what}: ${a.detail}`,
  "model.stored.corrupt": (a, w) =>
    `The calibrated model stored in this workbook cannot be read (${w.msg(a.detail)}). The shipped model is used; the stored model is kept as it is.`,
  "model.stored.unknownVersion": (a) =>
    `The calibrated model stored in this workbook has format ${a.format}, which this version of CreditSentinel does not know (it reads format ${a.known}). Update the add-in to use it. The shipped model is used; the stored model is kept as it is.`,
  "model.stored.hashMismatch": () => "its content does not match its recorded hash (it was cut short or edited)",
  "model.stored.partMissing": (a) => `part ${a.part} of ${a.parts} is missing`,
  "model.stored.badManifest": () => "its record is not a stored-model record",
  "label.columnNotFound": (a, w) =>
    `The outcome column "${a.column}" is not in the table; its columns are ${w.list((a.columns as readonly string[] | undefined) ?? [])}.`,
  "label.noColumn": (a, w) =>
    `No outcome column found (tried ${w.list((a.tried as readonly string[] | undefined) ?? [])}): name the column that says whether each customer defaulted.`,
  "label.noRows": (a) => `No row of the outcome column "${a.column}" reads as defaulted or healthy (yes/no, 1/0, 违约/正常, failed/alive).`,
} satisfies Record<string, Entry>;

export type MessageId = keyof typeof EN;
