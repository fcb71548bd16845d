/**
 * Payment behaviour per customer from an invoice ledger (PAYBEHAVIOR).
 *
 * Measures at an as-of date, per customer (first-appearance order):
 * - avg_days_late: amount-weighted days beyond terms over the invoices with a
 *   payment experience: paid by as_of → max(0, paid − due) (on time counts 0);
 *   open (or paid after as_of) and overdue at as_of → as_of − due. Open
 *   invoices not yet overdue, credit notes, and invoices settled without a
 *   paid date hold no experience yet and are left out.
 * - max_days_late: the largest of those days.
 * - pct_invoices_late: share (0–1, by count) of those invoices with days late > 0.
 * - overdue_share: open overdue amount ÷ open amount at as_of (invoices only,
 *   credit notes left out); "" when nothing is open.
 * - days_late_trend: avg_days_late of the invoices due in the last 90 days
 *   (due date > as_of − 90) minus that of the invoices due before; positive =
 *   paying later than before; "" when either side has no invoices.
 * The header row uses the canonical keys that CREDITSCORE recognises.
 */
import { EngineError, Result, isEngineError, withMessage } from "../errors";
import { message } from "../messages";
import { FunctionSpec, readCall } from "../spec";
import { Spill, SpillCell } from "../spill";
import { Invoice, daysLateAt, openAt, readLedger } from "./ledger";

/** Canonical header keys of the PAYBEHAVIOR spill (in this order). */
export const PAY_BEHAVIOR_KEYS = [
  "customer_id",
  "avg_days_late",
  "max_days_late",
  "pct_invoices_late",
  "overdue_share",
  "days_late_trend",
] as const;

/**
 * `=RISK.PAYBEHAVIOR(customer_ids, invoice_dates, due_dates, paid_dates, amounts, as_of, [open_amounts])`,
 * declared. as_of is one date for the call; the ledger columns are read together by `readLedger`.
 */
export const PAYBEHAVIOR_SPEC = {
  id: "PAYBEHAVIOR",
  params: [
    { name: "customer_ids", shape: "column", kind: "text", data: true },
    { name: "invoice_dates", shape: "column", kind: "date", data: true },
    { name: "due_dates", shape: "column", kind: "date", data: true },
    { name: "paid_dates", shape: "column", kind: "date", blankCells: true },
    { name: "amounts", shape: "column", kind: "amount", data: true },
    { name: "as_of", shape: "scalar", kind: "date" },
    { name: "open_amounts", shape: "column", kind: "amount", optional: true },
  ],
} as const satisfies FunctionSpec;

/** Window of the trend in days: invoices due in the last 90 days vs before. */
export const TREND_WINDOW_DAYS = 90;

/** Running totals of one customer. */
interface Acc {
  cell: string | number;
  error: EngineError | null;
  errors: number;
  n: number;
  nLate: number;
  weight: number;
  weightedDays: number;
  sumDays: number;
  maxDays: number;
  open: number;
  overdue: number;
  recent: Side;
  older: Side;
}

interface Side {
  n: number;
  weight: number;
  weightedDays: number;
  sumDays: number;
}

const side = (): Side => ({ n: 0, weight: 0, weightedDays: 0, sumDays: 0 });

/** Amount-weighted mean days; the plain mean when all amounts are 0; "" when empty. */
function meanDays(s: Side): number | "" {
  if (s.n === 0) return "";
  return s.weight > 0 ? s.weightedDays / s.weight : s.sumDays / s.n;
}

function addDays(s: Side, amount: number, days: number): void {
  s.n++;
  s.weight += amount;
  s.weightedDays += amount * days;
  s.sumDays += days;
}

/** Payment measures of one customer, as in the PAYBEHAVIOR row (pure). */
export interface PayBehavior {
  avg_days_late: number | "";
  max_days_late: number | "";
  pct_invoices_late: number | "";
  overdue_share: number | "";
  days_late_trend: number | "";
}

/**
 * Payment behaviour of one set of invoices at `asOf` (pure).
 * @example payBehavior([paid 10 days late, 1000; paid on time, 3000], asOf)
 *   // avg_days_late 2.5, max_days_late 10, pct_invoices_late 0.5
 */
export function payBehavior(invoices: readonly Invoice[], asOf: number): PayBehavior {
  const acc = newAcc("");
  for (const inv of invoices) addInvoice(acc, inv, asOf);
  return measures(acc);
}

function newAcc(cell: string | number): Acc {
  return {
    cell,
    error: null,
    errors: 0,
    n: 0,
    nLate: 0,
    weight: 0,
    weightedDays: 0,
    sumDays: 0,
    maxDays: 0,
    open: 0,
    overdue: 0,
    recent: side(),
    older: side(),
  };
}

function addInvoice(acc: Acc, inv: Invoice, asOf: number): void {
  const dl = daysLateAt(inv, asOf);
  if (dl !== null) {
    acc.n++;
    if (dl > 0) acc.nLate++;
    acc.weight += inv.amount;
    acc.weightedDays += inv.amount * dl;
    acc.sumDays += dl;
    if (dl > acc.maxDays) acc.maxDays = dl;
    addDays(inv.dueDate > asOf - TREND_WINDOW_DAYS ? acc.recent : acc.older, inv.amount, dl);
  }
  if (inv.amount > 0) {
    const o = openAt(inv, asOf);
    acc.open += o;
    if (inv.dueDate < asOf) acc.overdue += o;
  }
}

function measures(acc: Acc): PayBehavior {
  const all: Side = { n: acc.n, weight: acc.weight, weightedDays: acc.weightedDays, sumDays: acc.sumDays };
  const recent = meanDays(acc.recent);
  const older = meanDays(acc.older);
  return {
    avg_days_late: meanDays(all),
    max_days_late: acc.n ? acc.maxDays : "",
    pct_invoices_late: acc.n ? acc.nLate / acc.n : "",
    overdue_share: acc.open > 0 ? acc.overdue / acc.open : "",
    days_late_trend: recent === "" || older === "" ? "" : recent - older,
  };
}

/**
 * `=RISK.PAYBEHAVIOR(customer_ids, invoice_dates, due_dates, paid_dates, amounts, as_of, [open_amounts])`.
 *
 * Spills a header row (`PAY_BEHAVIOR_KEYS`) then one row per distinct
 * customer in first-appearance order. Ledger rules as in `readLedger`
 * (credit notes = negative amounts; blank rows skipped). A customer with an
 * invalid invoice row (text date, due before invoice date, …) gets that error
 * (first problem + count) in all its measure cells; other customers compute.
 * Ranges of different lengths, or an as_of that is not a single date, are one error.
 * One pass with a Map: 100,000 invoices take well under a second.
 */
export function payBehaviorCore(
  customerIds: unknown,
  invoiceDates: unknown,
  dueDates: unknown,
  paidDates: unknown,
  amounts: unknown,
  asOf: unknown,
  openAmounts: unknown = null,
): Result<Spill> {
  const call = readCall(PAYBEHAVIOR_SPEC, [customerIds, invoiceDates, dueDates, paidDates, amounts, asOf, openAmounts]);
  if (isEngineError(call)) return call;
  const a = call.as_of;
  const ledger = readLedger({ customerIds, invoiceDates, dueDates, paidDates, amounts, openAmounts }, { requireCustomer: true });
  if (isEngineError(ledger)) return ledger;
  const byKey = new Map<string, Acc>();
  const order: Acc[] = [];
  const { rows, keys } = ledger;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r === null) continue;
    let acc = byKey.get(keys[i]);
    if (!acc) {
      acc = newAcc(isEngineError(r) ? keys[i] : r.customerCell);
      byKey.set(keys[i], acc);
      order.push(acc);
    }
    if (isEngineError(r)) {
      acc.errors++;
      if (!acc.error) acc.error = r;
    } else {
      if (acc.cell === keys[i] && typeof r.customerCell === "number") acc.cell = r.customerCell;
      addInvoice(acc, r, a);
    }
  }
  const out: Spill = [[...PAY_BEHAVIOR_KEYS]];
  for (const acc of order) {
    if (acc.error) {
      const e: EngineError =
        acc.errors === 1
          ? acc.error
          : withMessage(acc.error, message("ledger.invalidRowsCustomer", { first: acc.error.msg ?? acc.error.message, count: acc.errors }));
      out.push([acc.cell, e, e, e, e, e]);
      continue;
    }
    const m = measures(acc);
    const row: SpillCell[] = [acc.cell, m.avg_days_late, m.max_days_late, m.pct_invoices_late, m.overdue_share, m.days_late_trend];
    out.push(row);
  }
  return out;
}
