/**
 * The English catalogue: every message a user reads, by id. The Chinese catalogue (zh.ts) must have exactly
 * the same ids (the compiler checks it) and use the same arguments (test/engine/messages.test.ts checks it).
 * Ids are dotted: the area first ("cell.", "ledger.", "review.", "model."), then the problem. The entries of an area
 * live in its own pair of files (`<area>.en.ts`, `<area>.zh.ts`) spread in here; the CLI's ("cli.", cli.en.ts and
 * cli.zh.ts) are registered by ./cli, which only the scripts import, so the add-in's bundles do not carry them.
 */
import type { Entry, MessageArg } from "./types";
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
  "outcome.policy.missing": () => "policy outcome is missing: give { daysPastDue, windowMonths, minAmount }.",
  "outcome.policy.days": (a) => `policy outcome.daysPastDue must be a whole number of days from 1 to 3650, got ${a.value}.`,
  "outcome.policy.window": (a) => `policy outcome.windowMonths must be a whole number of months from 1 to 120, got ${a.value}.`,
  "outcome.policy.minAmount": (a) => `policy outcome.minAmount must be an amount of 0 or more, got ${a.value}.`,
  "outcome.badDate": (a) => `The ${a.which === "data" ? "ledger's data date" : "as-of date"} is not a date (got ${a.value}).`,
  "outcome.noInvoices": () => "The invoice ledger holds no readable invoice: no outcome can be derived from it.",
  "outcome.dataBeforeAsOf": (a) =>
    `The ledger's data date ${a.dataDate} is before the as-of date ${a.asOf}: the ledger says nothing about the months after the as-of date.`,
  "outcome.noIdColumn": () =>
    "The history has no customer ID column (Customer ID, 客户编号, …): it is needed to find each customer's invoices in the ledger.",
  "outcome.windowNotCovered": (a) =>
    `The ledger is known up to ${a.dataDate}, but the ${a.months}-month window after the as-of date ends on ${a.windowEnd}: no customer can be labelled healthy yet. Choose an as-of date on or before ${a.latestAsOf}, or give a later data date.`,
  "outcome.noneLabelled": (a, w) =>
    `None of the ${a.rows} history customers could be labelled from the ledger: ${w.list((a.reasons as readonly MessageArg[] | undefined) ?? [])}.`,
  "outcome.reason.window_not_covered": (a) => `${a.count} whose window the ledger does not cover`,
  "outcome.reason.in_default_at_as_of": (a) => `${a.count} already in default at the as-of date`,
  "outcome.reason.disputed": (a) => `${a.count} whose only late invoices are disputed`,
  "outcome.reason.unreadable_rows": (a) => `${a.count} with unreadable ledger rows`,
  "outcome.reason.no_exposure": (a) => `${a.count} with nothing owed in the window`,
  "outcome.reason.no_invoices": (a) => `${a.count} not in the ledger`,
  "outcome.reason.no_customer_id": (a) => `${a.count} without a customer ID`,
  "outcome.summary": (a, w) =>
    `${a.rows} history customers: ${a.labelled} labelled (${a.defaulted} defaulted: an invoice ${a.days}+ days past due between ${a.asOf} and ${a.windowEnd}; ${a.healthy} healthy); ${a.leftOut} left out${(a.reasons as readonly MessageArg[] | undefined)?.length ? `: ${w.list(a.reasons as readonly MessageArg[])}` : ""}. Ledger known up to ${a.dataDate}.`,
  /** The pane's fit stopped in its background worker without a result (detail: the worker's error). */
  "fit.workerFailed": (a) =>
    `The fit stopped: its background calculation failed (${a.detail}). Nothing was fitted or stored; try again, and if it fails again, use npm run calibrate on the same table.`,
} satisfies Record<string, Entry>;

export type MessageId = keyof typeof EN;
