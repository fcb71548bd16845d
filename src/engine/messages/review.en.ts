/**
 * English messages of the task pane's portfolio review (src/engine/portfolio: options, table places, column
 * mappings, bad cells, percent columns, ledger notes, Explain). Spread into the catalogue by en.ts;
 * review.zh.ts has the same ids.
 */
import type { Entry } from "./types";
import { INPUT_EN } from "./input.en";
import { RECEIVABLES_EN } from "./receivables.en";
import { joined } from "./describe";

export const REVIEW_EN = {
  "review.lgd": (a) => `expectedLossLgd must be between 0 and 1, got ${a.lgd}.`,
  "review.agingEdges": () => "agingEdges must be ascending whole numbers of days > 0 (e.g. 30, 60, 90).",
  "review.dsoPeriod": () => "dsoPeriodDays must be a whole number of days ≥ 1.",
  /** The as-of date as an argument name. */
  "review.asOf": () => "as_of",
  /** Which table a place or mapping belongs to, as the messages name it. */
  "review.table": () => "table",
  "review.ledger": () => "ledger",
  /** "ledger <message>": a ledger's mapping mismatch. */
  "review.ledgerPrefix": (a) => `ledger ${a.cause}`,
  "place.noSheet": (a) => `${a.what} place: the sheet name is missing.`,
  "place.badRow": (a) =>
    `${a.what} place: firstDataRow must be a whole number from 1 to ${a.max} (the header is the row above), got ${a.value}.`,
  "place.badColumn": (a) =>
    `${a.what} place: firstColumn must be a whole number from 0 to ${a.max} with all ${a.columns} columns inside the sheet, got ${a.value}.`,
  "mapping.noHeader": (a) => `mapping: no column is headed "${a.header}".`,
  "mapping.notKeyOf": (a) => `mapping: "${a.key}" is not a ${a.ledger ? "ledger" : "customer-table"} column key (column "${a.header}").`,
  "mapping.wrongKind": (a) =>
    `Column "${a.header}" is mapped to ${a.key}, which does not belong in ${a.ledger ? "an invoice ledger" : "a customer table"}.`,
  "mapping.duplicate": (a, w) =>
    `Columns ${w.list(a.headers as readonly string[])} all map to ${a.key}: keep one and set the others to "ignore".`,
  "mapping.noFactor": () =>
    "No column is a recognised scoring factor (e.g. Debt ratio, Current ratio, Average days late). Rename the headers or map the columns by hand.",
  "mapping.noCustomerId": () =>
    "No customer ID column: customers are identified by row number, duplicates cannot be detected and no invoice ledger can be joined.",
  "mapping.noExposure": () =>
    "No exposure (open receivables) column: exposure, expected loss and limit breaches are only available from a joined ledger's open amounts.",
  /** The label of an invoice-ledger key (the task pane's column labels). */
  "ledgerKey.label": (a) =>
    (
      ({
        customer_id: "Customer ID",
        invoice_date: "Invoice date",
        due_date: "Due date",
        paid_date: "Paid date",
        amount: "Amount",
        open_amount: "Open amount",
        disputed: "Disputed",
      }) as Record<string, string>
    )[String(a.key)] ?? String(a.key),
  /** label: the key's label (`ledgerKey.label`). */
  "mapping.missingLedgerKey": (a, w) => `The ledger needs a "${w.msg(a.label)}" column (${a.key}); map one.`,
  "mapping.columnCount": (a) => `mapping: the table has ${a.columns} columns but the mapping describes ${a.mapped}; map the columns again.`,
  "mapping.headerChanged": (a) =>
    `mapping: column ${a.column}${a.cell ? ` (${a.cell})` : ""} is headed "${a.header}" but the mapping expects "${a.expected}"; map the columns again.`,
  "mapping.stored.notObject": () => "stored mapping: expected an object.",
  "mapping.stored.version": (a) => `stored mapping: unsupported version ${a.version}.`,
  "mapping.stored.kind": (a) => `stored mapping: unknown kind ${a.value}.`,
  "mapping.stored.columns": () => "stored mapping: columns must be a list.",
  "mapping.stored.columnNotObject": (a) => `stored mapping: column ${a.column} is not an object.`,
  "mapping.stored.index": (a) => `stored mapping: column ${a.column} has index ${a.index}, expected ${a.expected}.`,
  "mapping.stored.header": (a) => `stored mapping: column ${a.column} has no header text.`,
  "mapping.stored.key": (a) => `stored mapping: column "${a.header}" has an unknown key ${a.key}.`,
  "mapping.stored.auto": (a) => `stored mapping: column "${a.header}" has no auto flag.`,
  /** A bad cell of the customer table, as an argument name: `row 18, column "Quick ratio" (quick_ratio), cell Customers!F18`. */
  "review.cellAt": (a) => `row ${a.row}, column "${a.header}" (${a.key}), cell ${a.address}`,
  /** A number cell of the customer table that is text: the formula's English words, the pane's Chinese ones. */
  "review.cell.textNumber": INPUT_EN["cell.textNumber"],
  "review.cell.notNumber": INPUT_EN["cell.notNumber"],
  "review.cell.unreadable": (a) => `${a.arg}: unreadable value.`,
  "review.noFactors": () => "no factor values in this row: nothing to score.",
  "review.rowOutside": (a) => `row ${a.row} is not in the table (1–${a.total}).`,
  "review.noLedger": () => "No invoice ledger was given: aging, DSO and the heat map need one.",
  "review.noExposure": () => "No customer has an exposure figure (map an exposure column or join a ledger).",
  "review.ledgerEmpty": () => "the ledger holds no readable invoices.",
  /** m: the median to 2 decimals; d: m ÷ 100; range: the column's cells ("" when unknown). */
  "review.percentColumn": (a) =>
    `Column “${a.header}” (${a.key}${a.range ? `, ${a.range}` : ""}) looks like percentages (median ${a.m}): ratios must be decimals, e.g. ${a.d} for ${a.m} %. Divide the column by 100 (or fix the cells' format) and review again.`,
  "explain.noFinancials": () => "Net worth (equity) and turnover (sales) are both unknown: no limit can be sized.",
  "explain.bestBand": () => "Already in the best band (A).",
  "explain.noSingleLift": (a) => `No single realistic factor change reaches band ${a.band} (needs ${a.needs}, now ${a.now}).`,
  /** One factor change: `Debt ratio from 70.0% to 55.0%` (raise: the value goes up; lower: down). */
  "explain.raise": (a) => `${a.label} from ${a.from} to ${a.to}`,
  "explain.lower": (a) => `${a.label} from ${a.from} to ${a.to}`,
  /** changes: the steps' texts; pts: points gained as shown. */
  "explain.lift": (a) => `${joined(a.changes, "; ")} (+${a.pts} ${a.pts === "1" ? "pt" : "pts"} → band ${a.band})`,
  /** Where a bad ledger row of the pane's review is: `ledger row 13, cell Ledger!C13` (the Chinese names the mapped column). */
  "review.ledgerRowAt": (a) => `ledger row ${a.row}, cell ${a.address}`,
  /**
   * A bad ledger row's problem as the pane (and the calibration's ledger outcome) words it, picked by the ledger
   * rule's own message id (`receivables/ledger-messages.ts`) and given that message's arguments: the formula's
   * English words, the pane's Chinese ones (which leave the argument name to the row's place).
   */
  "review.ledger.customerEmpty": RECEIVABLES_EN["ledger.customerEmpty"],
  "review.ledger.customerType": RECEIVABLES_EN["ledger.customerType"],
  "review.ledger.dueBeforeInvoice": RECEIVABLES_EN["ledger.dueBeforeInvoice"],
  "review.ledger.paidBeforeInvoice": RECEIVABLES_EN["ledger.paidBeforeInvoice"],
  "review.ledger.openOnPaid": RECEIVABLES_EN["ledger.openOnPaid"],
  "review.ledger.openOutside": RECEIVABLES_EN["ledger.openOutside"],
  "review.ledger.required": INPUT_EN["cell.required"],
  "review.ledger.dateText": INPUT_EN["date.text"],
  "review.ledger.notDate": INPUT_EN["date.notDate"],
  "review.ledger.badSerial": INPUT_EN["date.badSerial"],
  "review.ledger.textNumber": INPUT_EN["cell.textNumber"],
  "review.ledger.notNumber": INPUT_EN["cell.notNumber"],
  "review.ledger.notFinite": INPUT_EN["cell.notFinite"],
  "review.ledger.flagInvalid": INPUT_EN["flag.invalid"],
  "review.ledger.flagInvalidText": INPUT_EN["flag.invalidText"],
} satisfies Record<string, Entry>;

/**
 * Arguments an entry shows in one language only (the parity test checks these are exactly the differences):
 * a bad ledger row keeps the RISK formulas' English (the formula's argument name, no header), while the
 * Chinese names the row's column by its header and field in the place instead.
 */
export const ONE_LANGUAGE_ARGS: Readonly<Record<string, { readonly en?: readonly string[]; readonly zh?: readonly string[] }>> = {
  "ledger.rowAt": { zh: ["field", "header"] },
  "review.ledgerRowAt": { zh: ["field", "header"] },
  "review.ledger.dateText": { en: ["arg"] },
  "review.ledger.notDate": { en: ["arg"] },
  "review.ledger.badSerial": { en: ["arg"] },
  "review.ledger.textNumber": { en: ["arg"] },
  "review.ledger.notNumber": { en: ["arg"] },
  "review.ledger.notFinite": { en: ["arg"] },
  "review.ledger.flagInvalid": { en: ["arg"] },
  "review.ledger.flagInvalidText": { en: ["arg"] },
};

export type ReviewMessageId = keyof typeof REVIEW_EN;
