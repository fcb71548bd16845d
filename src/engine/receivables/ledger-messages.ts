/**
 * Messages of bad invoice-ledger rows as the task pane's review (and the calibration's ledger outcome) shows
 * them, from the message catalogue.
 *
 * `parseInvoice` returns the problem of a bad row as data (`InvoiceProblem`: rule, field, cell and the rule's
 * own error, a catalogue message). The pane's wording of the problem is picked by that message's id and given
 * its arguments (`review.ledger.*`): English is the RISK.* ledger formulas' text, byte for byte; Chinese is
 * the pane's own (`到期日早于发票日期`). Nothing here reads the cell again. The row's place comes first:
 * `row 12: due_dates: the due date is before the invoice date.` / `第 12 行“到期日”列（due_date）：到期日早于发票日期。`
 */
import { EngineError, engineError } from "../errors";
import { Message, MessageId, message, renderMessage } from "../messages";
import { Lang } from "../lang";
import { InvoiceProblem } from "./ledger";

/** The pane's message id for each ledger rule's message id (rules without one keep their own message). */
const PANE_WORDING: Readonly<Partial<Record<string, MessageId>>> = {
  "ledger.customerEmpty": "review.ledger.customerEmpty",
  "ledger.customerType": "review.ledger.customerType",
  "ledger.dueBeforeInvoice": "review.ledger.dueBeforeInvoice",
  "ledger.paidBeforeInvoice": "review.ledger.paidBeforeInvoice",
  "ledger.openOnPaid": "review.ledger.openOnPaid",
  "ledger.openOutside": "review.ledger.openOutside",
  "cell.required": "review.ledger.required",
  "date.text": "review.ledger.dateText",
  "date.notDate": "review.ledger.notDate",
  "date.badSerial": "review.ledger.badSerial",
  "cell.textNumber": "review.ledger.textNumber",
  "cell.notNumber": "review.ledger.notNumber",
  "cell.notFinite": "review.ledger.notFinite",
  "flag.invalid": "review.ledger.flagInvalid",
  "flag.invalidText": "review.ledger.flagInvalidText",
};

/** The problem of a bad ledger row as a message, without the row: the pane's wording of the rule's message. */
export function invoiceProblemMessage(p: InvoiceProblem): Message {
  const rule = p.error.msg ?? message("legacy.text", { text: p.error.message });
  const id = PANE_WORDING[rule.id];
  return id ? message(id, rule.args) : rule;
}

/**
 * The problem of a bad ledger row in `lang`, without the row: English is the error `readInvoice` reports
 * after "row n: ".
 * @example invoiceProblemText(parseInvoice(0, "C1", 46030, 46000, null, 100, null, null, true) as InvoiceProblem, "zh") // "到期日早于发票日期"
 */
export function invoiceProblemText(p: InvoiceProblem, lang: Lang): string {
  return renderMessage(invoiceProblemMessage(p), lang);
}

/** A bad ledger row's message: its place `at` (`ledger.rowAt`, or the pane's `review.ledgerRowAt`), then the problem. */
export function invoiceRowMessage(p: InvoiceProblem, at: Message): Message {
  return message("ledger.row", { at, problem: invoiceProblemMessage(p) });
}

/**
 * The error of a bad ledger row in `lang` (same code as the rule's error).
 * English: exactly `readInvoice`'s message, `row 12: due_dates: the due date is before the invoice date.`
 * Chinese: `第 12 行“到期日”列（due_date）：到期日早于发票日期。`, or `第 12 行“due_date”列：…` when the
 * column has no header text.
 * With `cell`, English `row 12, cell Ledger!C12: due_dates: …` and Chinese
 * `第 12 行“到期日”列（due_date，单元格 Ledger!C12）：…` (`第 12 行“due_date”列（单元格 Ledger!C12）：…` without a header).
 * @param row 0-based row (shown 1-based)
 * @param header the header text of the column the field was mapped to ("" when unknown or blank)
 * @param cell the A1 address of the offending cell, e.g. "Ledger!C12" (optional)
 */
export function invoiceRowError(p: InvoiceProblem, row: number, header: string, lang: Lang, cell?: string): EngineError {
  const at = message("ledger.rowAt", { row: row + 1, header, field: p.field, address: cell ?? "" });
  return engineError(p.error.code, invoiceRowMessage(p, at), lang);
}
