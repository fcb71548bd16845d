/**
 * Invoice ledger parsing shared by DSO-from-invoices, PAYBEHAVIOR and friends.
 *
 * A ledger is given as parallel column (or row) ranges of equal length, one
 * invoice per row. Rules per row:
 * - invoice_date and due_date are required Excel dates (text dates are errors);
 *   a due date before the invoice date is an error;
 * - paid_date blank (or 0, as Excel desktop passes empty cells) = still open;
 *   a paid date before the invoice date is an error;
 * - amount is required; a NEGATIVE amount is a credit note: it is kept and
 *   netted in balances (AR, credit sales, aging amounts) but never counts for
 *   lateness (days late, share of late invoices);
 * - open_amount (optional) is what is still open of an unpaid invoice (partial
 *   payments): between 0 and the amount, with the amount's sign; it must be 0
 *   or blank when a paid date is given; blank = the whole amount is open;
 * - disputed (optional) is a yes/no flag;
 * - a row whose cells are all blank is skipped (a selection larger than the data).
 * A bad row becomes an `EngineError` naming the row (1-based within the range)
 * and the problem; ranges of different lengths are one argument error.
 * `parseInvoice` gives the same problem as data (`InvoiceProblem`) for
 * messages in other languages (`./ledger-messages`).
 */
import { cellErrorFor, describeCell, isBlank, readNumber, readOptionalNumber } from "../cells";
import { cellArg, message } from "../messages";
import { EngineError, Result, isEngineError, valueError, withMessage } from "../errors";
import { readSerial } from "../dates";
import { Vector, at, broadcastLength, isHorizontal, readVector } from "../spill";
import { isBlankOrZero, readFlag, readOptionalDate, requireVector } from "./common";

/** One parsed invoice. Dates are whole-day Excel serials. */
export interface Invoice {
  /** 0-based index in the input range. */
  readonly row: number;
  /** Customer key (text; numbers are turned into their text) or "" when no ids were given. */
  readonly customer: string;
  /** The customer id cell as given (number or text), for output. */
  readonly customerCell: string | number;
  readonly invoiceDate: number;
  readonly dueDate: number;
  readonly paidDate: number | null;
  /** Invoice amount; negative = credit note. */
  readonly amount: number;
  /** Amount still open in the ledger snapshot (0 when paid). */
  readonly open: number;
  readonly disputed: boolean;
}

/** A parsed ledger row: an invoice, the row's error, or null for a blank row. */
export type LedgerRow = Invoice | EngineError | null;

export interface Ledger {
  readonly rows: LedgerRow[];
  /**
   * Customer key of every row, also for rows with errors (so an error can be
   * shown in its customer's row); "" for blank ids; empty when no ids were given.
   */
  readonly keys: string[];
  /** True when the ranges were rows (1 × n). */
  readonly horizontal: boolean;
}

/** Raw Excel arguments of a ledger (any[][] ranges, scalars or null). */
export interface LedgerArgs {
  customerIds?: unknown;
  invoiceDates: unknown;
  dueDates: unknown;
  paidDates?: unknown;
  amounts: unknown;
  openAmounts?: unknown;
  disputed?: unknown;
}

/**
 * Parses a ledger. Returns one argument error for shape problems (a 2-D range,
 * a missing required range, ranges of different lengths), otherwise one
 * `LedgerRow` per input row.
 *
 * @example readLedger({ invoiceDates: [[46000]], dueDates: [[46030]], paidDates: [[46040]], amounts: [[1000]] })
 *   // { rows: [{ row: 0, customer: "", invoiceDate: 46000, dueDate: 46030, paidDate: 46040, amount: 1000, open: 0, … }], keys: [], horizontal: false }
 */
export function readLedger(args: LedgerArgs, opts: { requireCustomer?: boolean } = {}): Result<Ledger> {
  const cust = opts.requireCustomer
    ? requireVector(args.customerIds, "customer_ids")
    : readVector(args.customerIds ?? null, "customer_ids");
  if (isEngineError(cust)) return cust;
  const inv = requireVector(args.invoiceDates, "invoice_dates");
  if (isEngineError(inv)) return inv;
  const due = requireVector(args.dueDates, "due_dates");
  if (isEngineError(due)) return due;
  const paid = readVector(args.paidDates ?? null, "paid_dates");
  if (isEngineError(paid)) return paid;
  const amt = requireVector(args.amounts, "amounts");
  if (isEngineError(amt)) return amt;
  const open = readVector(args.openAmounts ?? null, "open_amounts");
  if (isEngineError(open)) return open;
  const disp = readVector(args.disputed ?? null, "disputed");
  if (isEngineError(disp)) return disp;
  const vectors: { name: string; vector: Vector | null }[] = [
    { name: "customer_ids", vector: cust },
    { name: "invoice_dates", vector: inv },
    { name: "due_dates", vector: due },
    { name: "paid_dates", vector: paid },
    { name: "amounts", vector: amt },
    { name: "open_amounts", vector: open },
    { name: "disputed", vector: disp },
  ];
  const n = broadcastLength(vectors);
  if (isEngineError(n)) return n;
  const rows: LedgerRow[] = new Array(n);
  const keys: string[] = cust ? new Array(n) : [];
  for (let i = 0; i < n; i++) {
    const c = at(cust, i);
    rows[i] = readInvoice(i, c, at(inv, i), at(due, i), at(paid, i), at(amt, i), at(open, i), at(disp, i), cust !== null);
    if (cust) keys[i] = customerKey(c);
  }
  return { rows, keys, horizontal: isHorizontal(vectors.map((v) => v.vector)) };
}

/** The grouping key of a customer id cell: trimmed text, a number's text, "" when blank. */
export function customerKey(cell: unknown): string {
  if (isBlank(cell)) return "";
  if (typeof cell === "string") return cell.trim();
  return typeof cell === "number" || typeof cell === "boolean" ? String(cell) : describeCell(cell);
}

function rowError(i: number, e: EngineError): EngineError {
  return withMessage(e, message("at.row", { row: i + 1, cause: e.msg ?? e.message }));
}

/** Parses one ledger row (exported for tests and single-invoice use): `parseInvoice` with a bad row as an error naming it ("row n: …"). */
export function readInvoice(...args: Parameters<typeof parseInvoice>): LedgerRow {
  const r = parseInvoice(...args);
  return r !== null && isInvoiceProblem(r) ? rowError(args[0], r.error) : r;
}

/**
 * Canonical fields of a ledger row; the same names as the column keys of a
 * mapped invoice ledger (`LedgerKey` of the portfolio review).
 */
export type InvoiceField = "customer_id" | "invoice_date" | "due_date" | "paid_date" | "amount" | "open_amount" | "disputed";

/**
 * Which rule a ledger row broke:
 * - `customer_empty`: the customer id is blank;
 * - `customer_type`: the customer id is neither text nor a finite number;
 * - `unreadable`: a cell reader refused `cell` (dates: `readSerial` /
 *   `readOptionalSerial`; amount, open amount: `readNumber` /
 *   `readOptionalNumber`; disputed: `readFlag`);
 * - `due_before_invoice`, `paid_before_invoice`: a date before the invoice date;
 * - `open_on_paid`: an open amount other than 0 on an invoice with a paid date;
 * - `open_outside`: the open amount is not between 0 and the amount.
 */
export type InvoiceProblemKind =
  "customer_empty" | "customer_type" | "unreadable" | "due_before_invoice" | "paid_before_invoice" | "open_on_paid" | "open_outside";

/**
 * Why a ledger row could not be read, as data: the field and cell concerned
 * next to the English error (without the "row n: " prefix) that `readInvoice`
 * reports. Lets a caller word the problem in another language without parsing
 * the English text (see `invoiceProblemText`).
 */
export interface InvoiceProblem {
  readonly kind: "InvoiceProblem";
  readonly problem: InvoiceProblemKind;
  readonly field: InvoiceField;
  /** The offending cell as given (for the date rules: the later date's cell; for open_*: the open amount). */
  readonly cell: unknown;
  /** The invoice amount (for `open_outside`), else null. */
  readonly amount: number | null;
  /** The English error, e.g. `due_dates: the due date is before the invoice date.` */
  readonly error: EngineError;
}

/** True for the `InvoiceProblem` of `parseInvoice`. */
export function isInvoiceProblem(x: unknown): x is InvoiceProblem {
  return typeof x === "object" && x !== null && (x as { kind?: unknown }).kind === "InvoiceProblem";
}

function problemOf(
  problem: InvoiceProblemKind,
  field: InvoiceField,
  cell: unknown,
  error: EngineError,
  amount: number | null = null,
): InvoiceProblem {
  return { kind: "InvoiceProblem", problem, field, cell, amount, error };
}

/**
 * `readInvoice` with the problem of a bad row as data: the invoice, an
 * `InvoiceProblem`, or null for a blank row. Same rules and the same English
 * errors as `readInvoice` (which is this function plus the "row n: " prefix);
 * the problem object is only built for a bad row.
 * @example parseInvoice(11, "C1", 46030, 46000, null, 100, null, null, true)
 *   // { kind: "InvoiceProblem", problem: "due_before_invoice", field: "due_date", cell: 46000, amount: null,
 *   //   error: { code: "VALUE", message: "due_dates: the due date is before the invoice date.", … } }
 */
export function parseInvoice(
  i: number,
  custCell: unknown,
  invCell: unknown,
  dueCell: unknown,
  paidCell: unknown,
  amtCell: unknown,
  openCell: unknown,
  dispCell: unknown,
  withCustomer: boolean,
): Invoice | InvoiceProblem | null {
  // Blank row (0 counts as blank here: Excel desktop may pass empty cells as 0, and 0 is no date).
  if (
    isBlankOrZero(invCell) &&
    isBlankOrZero(dueCell) &&
    isBlankOrZero(amtCell) &&
    isBlankOrZero(paidCell) &&
    isBlankOrZero(openCell) &&
    (!withCustomer || isBlankOrZero(custCell))
  ) {
    return null;
  }
  let customer = "";
  let customerCell: string | number = "";
  if (withCustomer) {
    if (isBlank(custCell)) return problemOf("customer_empty", "customer_id", custCell, valueError(message("ledger.customerEmpty")));
    if (typeof custCell === "number" && Number.isFinite(custCell)) {
      customer = customerKey(custCell);
      customerCell = custCell;
    } else if (typeof custCell === "string") {
      customer = customerKey(custCell);
      customerCell = customer;
    } else {
      const held = cellErrorFor(custCell, "customer_ids");
      return problemOf(
        "customer_type",
        "customer_id",
        custCell,
        held ?? valueError(message("ledger.customerType", { value: cellArg(custCell) })),
      );
    }
  }
  const invoiceDate = readSerial(invCell, "invoice_dates");
  if (isEngineError(invoiceDate)) return problemOf("unreadable", "invoice_date", invCell, invoiceDate);
  const dueDate = readSerial(dueCell, "due_dates");
  if (isEngineError(dueDate)) return problemOf("unreadable", "due_date", dueCell, dueDate);
  if (dueDate < invoiceDate) return problemOf("due_before_invoice", "due_date", dueCell, valueError(message("ledger.dueBeforeInvoice")));
  const paidDate = readOptionalDate(paidCell, "paid_dates");
  if (isEngineError(paidDate)) return problemOf("unreadable", "paid_date", paidCell, paidDate);
  if (paidDate !== null && paidDate < invoiceDate)
    return problemOf("paid_before_invoice", "paid_date", paidCell, valueError(message("ledger.paidBeforeInvoice")));
  const amount = readNumber(amtCell, "amounts");
  if (isEngineError(amount)) return problemOf("unreadable", "amount", amtCell, amount);
  const openIn = readOptionalNumber(openCell, "open_amounts");
  if (isEngineError(openIn)) return problemOf("unreadable", "open_amount", openCell, openIn);
  let open: number;
  if (paidDate !== null) {
    if (openIn !== null && openIn !== 0)
      return problemOf("open_on_paid", "open_amount", openCell, valueError(message("ledger.openOnPaid", { value: openIn })));
    open = 0;
  } else if (openIn === null) {
    open = amount;
  } else {
    const within = amount >= 0 ? openIn >= 0 && openIn <= amount : openIn <= 0 && openIn >= amount;
    if (!within)
      return problemOf(
        "open_outside",
        "open_amount",
        openCell,
        valueError(message("ledger.openOutside", { value: openIn, amount })),
        amount,
      );
    open = openIn;
  }
  const disputed = readFlag(dispCell, "disputed");
  if (isEngineError(disputed)) return problemOf("unreadable", "disputed", dispCell, disputed);
  return { row: i, customer, customerCell, invoiceDate, dueDate, paidDate, amount, open, disputed };
}

/**
 * Open amount of an invoice at date `t` (an as-of date, possibly in the past):
 * 0 if not yet issued (invoice date after t) or paid on or before t; the whole
 * amount if paid after t; the ledger's open amount if unpaid.
 * Partial payments have no dates, so for past dates they are assumed already made.
 */
export function openAt(inv: Invoice, t: number): number {
  if (inv.invoiceDate > t) return 0;
  if (inv.paidDate === null) return inv.open;
  return inv.paidDate > t ? inv.amount : 0;
}

/**
 * Days beyond terms of an invoice seen at `asOf`, or null when it holds no
 * payment experience yet: paid by asOf → max(0, paid − due); open (or paid
 * later) and overdue at asOf → asOf − due; open and not yet overdue, not yet
 * issued, credit notes, and invoices closed without a paid date → null.
 */
export function daysLateAt(inv: Invoice, asOf: number): number | null {
  if (inv.amount < 0 || inv.invoiceDate > asOf) return null;
  if (inv.paidDate !== null && inv.paidDate <= asOf) return Math.max(0, inv.paidDate - inv.dueDate);
  if (inv.paidDate === null && inv.open === 0) return null; // settled, date unknown
  return asOf > inv.dueDate ? asOf - inv.dueDate : null;
}

/** Rows of one customer, in first-appearance order of customers. */
export interface CustomerGroup {
  readonly key: string;
  /** The id as it should be shown: the first valid row's cell, else the key. */
  cell: string | number;
  readonly rows: number[];
}

/**
 * Groups the non-blank rows of a ledger by customer key (first-appearance
 * order, one Map lookup per row). Without customer ids everything is one
 * group with key "".
 */
export function groupByCustomer(ledger: Ledger): CustomerGroup[] {
  const groups = new Map<string, CustomerGroup>();
  const out: CustomerGroup[] = [];
  const { rows, keys } = ledger;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r === null) continue;
    const key = keys.length ? keys[i] : "";
    let g = groups.get(key);
    if (!g) {
      g = { key, cell: key, rows: [] };
      groups.set(key, g);
      out.push(g);
      if (!isEngineError(r)) g.cell = r.customerCell;
    }
    g.rows.push(i);
  }
  return out;
}

/**
 * The error a group's aggregate becomes when some of its rows are bad: the
 * first row's message plus how many rows are bad; null when all rows are fine.
 */
export function groupError(ledger: Ledger, rows: readonly number[]): EngineError | null {
  let first: EngineError | null = null;
  let count = 0;
  for (const i of rows) {
    const r = ledger.rows[i];
    if (isEngineError(r)) {
      count++;
      if (!first) first = r;
    }
  }
  if (!first) return null;
  return count === 1 ? first : withMessage(first, message("ledger.invalidRows", { first: first.msg ?? first.message, count }));
}
