/**
 * English messages of the receivables formulas (DSO, CEI, AGING, DUNNINGSTAGE, EXPECTEDLOSS, DSOINVOICES,
 * PAYBEHAVIOR and the invoice ledger they read). Spread into the catalogue by en.ts; receivables.zh.ts has the
 * same ids. Numbers arrive formatted by the caller.
 */
import type { Entry } from "./types";

export const RECEIVABLES_EN = {
  /** Names of balances, nested in other messages as `part` / `what`. */
  "ar.opening": () => "opening AR",
  "ar.closing": () => "closing AR",
  "ar.total": () => "total AR",
  "ar.current": () => "current AR",
  "ar.ending": () => "ending AR",
  "ar.endingCurrent": () => "ending current AR",
  "ar.rule.average": () => "[opening AR, closing AR]",
  "ar.rule.currentOfTotal": () => "[total AR, current (not yet due) AR]",
  "num.mustBePositive": (a) => `${a.arg}: ${a.value} must be greater than 0.`,
  "num.mustBeUnit": (a) => `${a.arg}: ${a.value} must be between 0 and 1 (enter 5 % as 0.05).`,
  "rcv.negativeAr": (a) => `${a.arg}: ${a.value} is negative; receivables must be 0 or more.`,
  "rcv.negativeArPart": (a) => `${a.arg}: ${a.part} ${a.value} is negative; receivables must be 0 or more.`,
  "rcv.negativeCurrentAr": (a) => `${a.arg}: current AR ${a.value} is negative; it must be 0 or more.`,
  "rcv.negativeSales": (a) => `${a.arg}: ${a.value} is negative; credit sales must be 0 or more.`,
  "rcv.currentAboveTotal": (a) =>
    `${a.arg}: current AR ${a.current} exceeds total AR ${a.total}; current AR is the not-yet-due part of the total.`,
  "cei.currentAboveEnd": (a) => `end_current_ar: ${a.current} exceeds end_ar ${a.end}; current AR is the not-yet-due part of the total.`,
  "cei.tooLarge": () => "CEI: the amounts are too large to add up (beyond ±1.8e308).",
  "cei.nothingCollectable": () => "CEI: beginning AR + sales − ending current AR is 0, nothing was collectable.",
  "cei.inconsistentMonthly": (a) =>
    `${a.arg}: ${a.what} ${a.balance} exceeds beginning AR plus one month's average credit sales (${a.begin} + ${a.sales} ÷ ${a.months} = ${a.sum}), so CEI would be negative. Check the balances and months, or use convention "period" if that suits your data.`,
  "cei.inconsistent": (a) =>
    `${a.arg}: ${a.what} ${a.balance} exceeds beginning AR plus credit sales (${a.begin} + ${a.sales} = ${a.sum}): receivables cannot grow by more than the sales, so the balances are inconsistent.`,
  "dso.noSales": () => "credit_sales is 0: DSO is not defined without credit sales.",
  "dso.negativeMonth": (a) => `credit_sales: month ${a.month} (${a.value}) is negative; credit sales must be 0 or more.`,
  "dso.noMonthSales": (a) =>
    `credit_sales: no month has sales (the ${a.months} month(s) given are empty or 0), so countback cannot start. Give the monthly credit sales, oldest first and newest last.`,
  "dso.blankMonth": (a) =>
    `credit_sales: month ${a.month} is blank (not known), so countback stops there (${a.days} days counted, ${a.left} AR left). Enter that month's sales, 0 if there were none.`,
  "dso.exceedsAll": (a) =>
    `receivables exceed the credit sales of all ${a.months} month(s) given (${a.days} days counted, ${a.left} AR left): countback needs more (older) months.`,
  "dso.exceedsData": (a) =>
    `receivables exceed the credit sales of the ${a.n} month(s) with data, months ${a.from}–${a.to} of the ${a.months} in the range (${a.days} days counted, ${a.left} AR left): countback needs more (older) months. Empty months at the ends of the range are not counted.`,
  "dso.twoColumns": (a) => `receivables: method "${a.method}" needs two columns ${a.rule} per row, but the range has ${a.cols} column(s).`,
  "dso.countbackLine": () =>
    "credit_sales: with a single receivables cell, countback needs one column or one row of monthly sales (oldest first, newest last).",
  "dso.countbackRows": (a) =>
    `credit_sales has ${a.rows} row(s) but receivables has ${a.ar}: give one row of monthly sales per customer (months left → right, newest last).`,
  "dso.countbackCols": (a) =>
    `credit_sales has ${a.cols} column(s) but receivables has ${a.ar}: give one column of monthly sales per customer (months top → bottom, newest last).`,
  "dso.countbackShape": (a) => `receivables: countback expects one AR cell, a column or a row, but got ${a.rows} rows × ${a.cols} columns.`,
  "dso.daysPerMonth": (a) =>
    `days_in_period has ${a.n} values but there are ${a.months} months: give one number for every month or one per month.`,
  "aging.bucketsShape": (a) =>
    `buckets: expected one row or one column of day edges (e.g. 30, 60, 90) but got ${a.rows} rows × ${a.cols} columns.`,
  "aging.bucketsAscending": (a) => `buckets: ${a.value} must be greater than the previous edge ${a.prev} (edges ascending).`,
  "aging.dueMissing": () => "due_dates: the due date is missing for an open amount.",
  "aging.badRows": (a) => `${a.n} row(s) could not be read and are left out of the buckets; first: ${a.first}`,
  "ladder.width": (a) =>
    `ladder: expected 2 to 4 columns [days relative to due date, stage name, minimum open amount, grace days] but got ${a.width}.`,
  "ladder.row": (a) => `ladder row ${a.row}`,
  "ladder.rowDays": (a) => `ladder row ${a.row}, days`,
  "ladder.rowName": (a) => `ladder row ${a.row}, stage name`,
  "ladder.rowMinOpen": (a) => `ladder row ${a.row}, minimum open amount`,
  "ladder.rowGrace": (a) => `ladder row ${a.row}, grace days`,
  "ladder.daysMissing": (a) => `ladder row ${a.row}: the days relative to the due date are missing.`,
  "ladder.nameEmpty": (a) => `ladder row ${a.row}: the stage name must be non-empty text.`,
  "ladder.daysAscending": (a) =>
    `ladder row ${a.row}: days ${a.days} must be greater than the previous row's ${a.prev} (ladder days ascending).`,
  "ladder.empty": () => "ladder: the range holds no stages.",
  "el.negativeExposure": (a) => `exposure: ${a.value} is negative; exposure must be 0 or more.`,
  "el.negativeLimit": (a) => `insured_limit: ${a.value} is negative; the limit must be 0 or more.`,
  "el.shareNeeded": () => "insured_share is needed when an insured_limit is given (e.g. 0.9 when the insurer pays 90 %).",
  "ledger.negativeOpen": (a) =>
    `the ledger's open amount at as_of is ${a.value}: credit notes exceed the open invoices, so DSO is not defined.`,
  "ledger.noInvoices": () => "the ledger holds no invoices.",
  "ledger.customerEmpty": () => "customer_ids: the customer id is empty.",
  "ledger.customerType": (a, w) => {
    const v = w.raw(a.value);
    return `customer_ids: ${typeof v === "number" || typeof v === "boolean" ? String(v) : w.cell(a.value)} is not a customer id (use text or a number).`;
  },
  "ledger.dueBeforeInvoice": () => "due_dates: the due date is before the invoice date.",
  "ledger.paidBeforeInvoice": () => "paid_dates: the paid date is before the invoice date.",
  "ledger.openOnPaid": (a) => `open_amounts: ${a.value} is still open but the invoice has a paid date.`,
  "ledger.openOutside": (a) => `open_amounts: ${a.value} must lie between 0 and the invoice amount ${a.amount}.`,
  "ledger.invalidRows": (a) => `${a.first} (${a.count} invalid rows in all; fix them to get a result)`,
  "ledger.invalidRowsCustomer": (a) => `${a.first} (${a.count} invalid rows for this customer)`,
  /** A bad ledger row as the pane and the calibration word it: its place (`ledger.rowAt`, `review.ledgerRowAt`), then the problem. */
  "ledger.row": (a) => `${a.at}: ${a.problem}`,
  /** `row 12` (`row 12, cell Ledger!C12` with a cell); the Chinese names the mapped column too. */
  "ledger.rowAt": (a) => `row ${a.row}${a.address ? `, cell ${a.address}` : ""}`,
} satisfies Record<string, Entry>;

export type ReceivablesMessageId = keyof typeof RECEIVABLES_EN;
