/**
 * DSO family straight from an invoice ledger, at an as-of date.
 *
 * With period P days (default 90) ending at as_of:
 * - credit sales = sum of invoice amounts dated in (as_of − P, as_of] (credit notes netted);
 * - AR = sum of amounts open at as_of (see `openAt`: unpaid, or paid after as_of);
 * - current AR = the part of AR not yet due at as_of (due date ≥ as_of);
 * - opening AR (for "average") = AR open at as_of − P.
 * Then standard = AR ÷ sales × P, average = (opening + AR) ÷ 2 ÷ sales × P,
 * bestpossible = current AR ÷ sales × P, add = (AR − current AR) ÷ sales × P,
 * countback = countback DSO over 30-day slices of sales ending at as_of,
 * walking back through the whole ledger (P is not used).
 */
import { Result, isEngineError, valueError } from "../errors";
import { message } from "../messages";
import { FunctionSpec, readCall } from "../spec";
import { Spill, SpillCell } from "../spill";
import { DSO_METHODS, DsoMethod, averageDaysDelinquent, bestPossibleDso, dsoAverage, dsoCountback, dsoStandard } from "./dso";
import { Invoice, Ledger, groupByCustomer, groupError, openAt, readLedger } from "./ledger";

/** Default look-back period in days for sales (one quarter). */
export const DEFAULT_PERIOD_DAYS = 90;
/** Length of one countback slice in days. */
export const COUNTBACK_SLICE_DAYS = 30;

/**
 * `=RISK.DSOINVOICES(invoice_dates, due_dates, paid_dates, amounts, as_of, [method], [period_days], [open_amounts], [customer_ids])`,
 * declared. as_of, method and period_days are one value for the call; the ledger columns are read together by
 * `readLedger`.
 */
export const DSOINVOICES_SPEC = {
  id: "DSOINVOICES",
  params: [
    { name: "invoice_dates", shape: "column", kind: "date", data: true },
    { name: "due_dates", shape: "column", kind: "date", data: true },
    { name: "paid_dates", shape: "column", kind: "date", blankCells: true },
    { name: "amounts", shape: "column", kind: "amount", data: true },
    { name: "as_of", shape: "scalar", kind: "date" },
    { name: "method", shape: "scalar", kind: "enum", optional: true, choices: DSO_METHODS, default: "standard" },
    { name: "period_days", shape: "scalar", kind: "count", optional: true, default: DEFAULT_PERIOD_DAYS, rules: { min: 1, integer: true } },
    { name: "open_amounts", shape: "column", kind: "amount", optional: true },
    { name: "customer_ids", shape: "column", kind: "text", optional: true },
  ],
} as const satisfies FunctionSpec;

/** Header keys of the per-customer output, by method. */
export const DSO_INVOICE_KEYS: Record<DsoMethod, string> = {
  standard: "dso",
  countback: "dso_countback",
  average: "dso_average",
  bestpossible: "best_possible_dso",
  add: "average_days_delinquent",
};

/**
 * DSO of a set of invoices at `asOf` (pure).
 * @param invoices parsed invoices (no errors)
 * @param asOf as-of date serial
 * @param periodDays look-back period P in days (> 0)
 * @example dsoFromInvoices([{ invoiceDate: d0, dueDate: d0 + 30, paidDate: null, amount: 1000, open: 1000, … }], d0 + 45, "standard", 90) // 1000 ÷ 1000 × 90 = 90
 */
export function dsoFromInvoices(
  invoices: readonly Invoice[],
  asOf: number,
  method: DsoMethod,
  periodDays: number = DEFAULT_PERIOD_DAYS,
): Result<number> {
  let sales = 0;
  let ar = 0;
  let current = 0;
  let opening = 0;
  let oldest = asOf;
  const start = asOf - periodDays;
  for (const inv of invoices) {
    if (inv.invoiceDate > asOf) continue;
    if (inv.invoiceDate > start) sales += inv.amount;
    if (inv.invoiceDate < oldest) oldest = inv.invoiceDate;
    const o = openAt(inv, asOf);
    ar += o;
    if (inv.dueDate >= asOf) current += o;
    if (method === "average") opening += openAt(inv, start);
  }
  // The DSO functions would blame an argument ("receivables") this formula does not have.
  if (ar < 0) return valueError(message("ledger.negativeOpen", { value: ar }));
  switch (method) {
    case "standard":
      return dsoStandard(ar, sales, periodDays);
    case "average":
      return dsoAverage(opening, ar, sales, periodDays);
    case "bestpossible":
      return bestPossibleDso(ar, clampCurrent(current, ar), sales, periodDays);
    case "add":
      return averageDaysDelinquent(ar, clampCurrent(current, ar), sales, periodDays);
    case "countback": {
      const slices = Math.floor((asOf - oldest) / COUNTBACK_SLICE_DAYS) + 1;
      const monthly = new Array<number>(slices).fill(0); // oldest first
      for (const inv of invoices) {
        if (inv.invoiceDate > asOf) continue;
        const k = Math.floor((asOf - inv.invoiceDate) / COUNTBACK_SLICE_DAYS); // 0 = newest slice
        monthly[slices - 1 - k] += inv.amount;
      }
      for (let k = 0; k < slices; k++) if (monthly[k] < 0) monthly[k] = 0; // net credit-note slices count as no sales
      return dsoCountback(ar, monthly, COUNTBACK_SLICE_DAYS);
    }
  }
}

// With credit notes, the not-yet-due part can exceed the net total; keep best possible ≤ DSO.
function clampCurrent(current: number, ar: number): number {
  return Math.max(0, Math.min(current, ar));
}

/**
 * `=RISK.DSOINVOICES(invoice_dates, due_dates, paid_dates, amounts, as_of, [method], [period_days], [open_amounts], [customer_ids])`.
 *
 * Without customer_ids: one number for the whole ledger (1 × 1). With
 * customer_ids: a header row [customer_id, <metric key>] then one row per
 * distinct customer in first-appearance order. A ledger row with an error
 * (see `readLedger`) turns the result it belongs to into that error (the
 * whole result, or that customer's row); blank rows are skipped.
 * method: as `dsoCore` ("standard" default, "countback", "average",
 * "bestpossible", "add"); period_days default 90.
 */
export function dsoFromInvoicesCore(
  invoiceDates: unknown,
  dueDates: unknown,
  paidDates: unknown,
  amounts: unknown,
  asOf: unknown,
  method: unknown,
  periodDays: unknown,
  openAmounts: unknown,
  customerIds: unknown,
): Result<Spill> {
  const call = readCall(DSOINVOICES_SPEC, [invoiceDates, dueDates, paidDates, amounts, asOf, method, periodDays, openAmounts, customerIds]);
  if (isEngineError(call)) return call;
  const { as_of: a, method: m, period_days: p } = call;
  const withCustomers = customerIds !== null && customerIds !== undefined;
  const ledger = readLedger(
    { invoiceDates, dueDates, paidDates, amounts, openAmounts, customerIds: withCustomers ? customerIds : null },
    { requireCustomer: withCustomers },
  );
  if (isEngineError(ledger)) return ledger;
  if (!withCustomers) {
    const all = allRows(ledger);
    const err = groupError(ledger, all);
    if (err) return [[err]];
    if (all.length === 0) return valueError(message("ledger.noInvoices"));
    return [
      [
        dsoFromInvoices(
          all.map((i) => ledger.rows[i] as Invoice),
          a,
          m,
          p,
        ),
      ],
    ];
  }
  const out: Spill = [["customer_id", DSO_INVOICE_KEYS[m]]];
  for (const g of groupByCustomer(ledger)) {
    const err = groupError(ledger, g.rows);
    const v: SpillCell =
      err ??
      dsoFromInvoices(
        g.rows.map((i) => ledger.rows[i] as Invoice),
        a,
        m,
        p,
      );
    out.push([g.cell, v]);
  }
  return out;
}

function allRows(ledger: Ledger): number[] {
  const out: number[] = [];
  for (let i = 0; i < ledger.rows.length; i++) if (ledger.rows[i] !== null) out.push(i);
  return out;
}
