/**
 * The outcome of a calibration history derived from the invoice ledger: a
 * customer defaulted when one of its invoices is (or was, when paid) 90 or
 * more days past due within the 12 months after the history's as-of date (the
 * date its features were observed); the days, the window and a minimum amount
 * are policy (`LedgerOutcomePolicy`, in `CreditPolicy.outcome`).
 *
 * Rules, per customer (dates are Excel serials; A = as-of date, E = A plus the
 * window's months, EDATE-style; D = the ledger's data date, the last day it is
 * known to):
 * - An invoice reaches N days past due on day `due + N`. It counts when it was
 *   still unpaid that day: paid late → paid date − due date ≥ N (days beyond
 *   terms, the domain reference's DBT); open → data date − due date ≥ N. It
 *   labels a default when that day falls in the window (A, E].
 * - An invoice due before A that is still open into the window counts on the
 *   day it reaches N days, when that day is in the window. A customer already
 *   N+ days past due on an invoice still open at A is *left out*
 *   (`in_default_at_as_of`): it was not a performing customer when its features
 *   were observed (a PD is the chance that a performing customer defaults).
 * - Credit notes (negative amounts) never count as late; nor does an invoice
 *   settled without a paid date (open amount 0, no date: when is unknown).
 * - Only the unpaid part counts against the minimum amount: the open amount of
 *   an open invoice (partial payments), the whole amount of one paid late.
 * - A disputed invoice is held out (as it is from dunning escalation): a
 *   customer whose only late invoices are disputed is left out (`disputed`).
 * - Healthy: no such invoice, the window fully observed (D ≥ E) and some
 *   invoice open during the window (issued by E and not paid by A). Otherwise
 *   left out: `window_not_covered` (D < E: nobody can be called healthy; a
 *   history then labels nobody, since keeping only the defaults seen so far
 *   would inflate the default rate: `historyFromLedger` says which as-of date would work),
 *   `no_exposure` (nothing owed in the window: no default could be seen),
 *   `unreadable_rows` (a bad ledger row might be the late invoice; a default
 *   seen on the readable rows still labels), `no_invoices` (a history customer
 *   the ledger does not know), `no_customer_id` (a history row without an id).
 *
 * Pure: the as-of and data dates are arguments; bad input gives error values.
 */
import { isBlank } from "../cells";
import { EngineError, Result, valueError } from "../errors";
import { Lang } from "../lang";
import { Message, MessageId, message } from "../messages";
import { MAX_SERIAL, MIN_SERIAL, isoFromSerial, serialFromYmd, ymdFromSerial } from "../dates";
import { Invoice, customerKey, isInvoiceProblem, openAt } from "../receivables/ledger";
import { invoiceRowError } from "../receivables/ledger-messages";
import { matchHeader } from "../scoring/headers";
import { ColumnMapping, autoMapColumns, headerText, mappingError } from "../portfolio/mapping";
import { ledgerColumns, parseLedgerRow } from "../portfolio/ledger-digest";
import { LabelledSample, labelledRecords } from "./labels";

/** How an outcome is derived from the invoice ledger (policy). */
export interface LedgerOutcomePolicy {
  /** Days past due that make an invoice a default (90). */
  daysPastDue: number;
  /** Months after the as-of date in which a default counts (12). */
  windowMonths: number;
  /** Smallest unpaid amount of a late invoice that labels a default, in the ledger's currency (0: any amount). */
  minAmount: number;
}

export const DEFAULT_OUTCOME_POLICY: LedgerOutcomePolicy = { daysPastDue: 90, windowMonths: 12, minAmount: 0 };

/** Checks an outcome policy; the error names the bad field (en/zh from the message catalogue). */
export function validateOutcomePolicy(p: unknown): EngineError | null {
  if (typeof p !== "object" || p === null) return valueError(message("outcome.policy.missing"));
  const o = p as Partial<LedgerOutcomePolicy>;
  if (!Number.isInteger(o.daysPastDue) || (o.daysPastDue as number) < 1 || (o.daysPastDue as number) > 3650)
    return valueError(message("outcome.policy.days", { value: String(o.daysPastDue) }));
  if (!Number.isInteger(o.windowMonths) || (o.windowMonths as number) < 1 || (o.windowMonths as number) > 120)
    return valueError(message("outcome.policy.window", { value: String(o.windowMonths) }));
  if (typeof o.minAmount !== "number" || !Number.isFinite(o.minAmount) || o.minAmount < 0)
    return valueError(message("outcome.policy.minAmount", { value: String(o.minAmount) }));
  return null;
}

/** Why a customer got no label. */
export type LeftOutReason =
  "window_not_covered" | "in_default_at_as_of" | "disputed" | "unreadable_rows" | "no_exposure" | "no_invoices" | "no_customer_id";

export const LEFT_OUT_REASONS: readonly LeftOutReason[] = [
  "window_not_covered",
  "in_default_at_as_of",
  "disputed",
  "unreadable_rows",
  "no_exposure",
  "no_invoices",
  "no_customer_id",
];

/** A customer's outcome: 1 defaulted, 0 healthy, or why it is left out. */
export type CustomerOutcome = 0 | 1 | LeftOutReason;

/** The date `months` calendar months after `serial`, the day clamped to the month's end (Excel's EDATE). */
export function addMonths(serial: number, months: number): number {
  const { year, month, day } = ymdFromSerial(serial);
  const m0 = month - 1 + months;
  const y = year + Math.floor(m0 / 12);
  const m = (((m0 % 12) + 12) % 12) + 1;
  const last = ymdFromSerial(serialFromYmd(y, m + 1, 1) - 1).day;
  return serialFromYmd(y, m, Math.min(day, last));
}

/** The dates an outcome is judged on. */
export interface OutcomeDates {
  asOf: number;
  dataDate: number;
  /** asOf + windowMonths (the window is (asOf, windowEnd]). */
  windowEnd: number;
}

/**
 * The outcome of one customer from its readable invoices (see the file's rules).
 * `unreadableRows`: the customer also has ledger rows that could not be read.
 * @example customerOutcome([{ …, dueDate: 46030, paidDate: 46150, amount: 500 }], { asOf: 46000, dataDate: 46400, windowEnd: 46365 }, DEFAULT_OUTCOME_POLICY) // 1 (paid 120 days late)
 */
export function customerOutcome(
  invoices: readonly Invoice[],
  d: OutcomeDates,
  policy: LedgerOutcomePolicy,
  unreadableRows = false,
): CustomerOutcome {
  const { asOf, dataDate, windowEnd } = d;
  let inDefault = false;
  let event = false;
  let disputedEvent = false;
  let exposed = false;
  for (const inv of invoices) {
    if (inv.amount <= 0) continue; // credit notes are never late
    if (inv.invoiceDate <= windowEnd && (inv.invoiceDate > asOf || openAt(inv, asOf) > 0)) exposed = true;
    // The part that was unpaid: all of an invoice paid late, the open amount of an open one (0 = settled, date unknown).
    const unpaid = inv.paidDate !== null ? inv.amount : inv.open;
    if (unpaid <= 0 || unpaid < policy.minAmount) continue;
    const reach = inv.dueDate + policy.daysPastDue;
    const lateThen = inv.paidDate !== null ? inv.paidDate >= reach : reach <= dataDate;
    if (!lateThen) continue;
    if (reach <= asOf) {
      // N+ days past due already at the as-of date: in default then if still open at it.
      if (openAt(inv, asOf) > 0) {
        if (inv.disputed) disputedEvent = true;
        else inDefault = true;
      }
      continue;
    }
    if (reach > windowEnd) continue;
    if (inv.disputed) disputedEvent = true;
    else event = true;
  }
  if (inDefault) return "in_default_at_as_of";
  if (event) return 1;
  if (dataDate < windowEnd) return "window_not_covered";
  if (unreadableRows) return "unreadable_rows";
  if (disputedEvent) return "disputed";
  return exposed ? 0 : "no_exposure";
}

/** Outcomes of every customer of a ledger. */
export interface LedgerOutcomes extends OutcomeDates {
  policy: LedgerOutcomePolicy;
  /** By customer key (trimmed text; numbers as their text: `customerKey`). */
  outcomes: Map<string, CustomerOutcome>;
  /** Readable invoices. */
  invoices: number;
  /** Ledger rows that could not be read (left out; their customer is `unreadable_rows` unless a default is seen). */
  badRows: number;
  /** The first few bad-row errors, in the caller's language. */
  firstErrors: EngineError[];
  /** True when the ledger's data date reaches the window's end (otherwise no customer is labelled). */
  covered: boolean;
}

const MAX_ERRORS = 5;

/**
 * Outcomes of the customers of a mapped invoice ledger (data rows without the
 * header; the mapping as the review's: customer_id, invoice_date, due_date,
 * amount required). `dataDate` null = the latest invoice or paid date in the
 * ledger. Errors: a bad mapping, a bad as-of or data date, a data date before
 * the as-of date, no readable invoice.
 */
export function ledgerOutcomes(
  rows: readonly (readonly unknown[])[],
  mapping: ColumnMapping,
  asOf: number,
  dataDate: number | null,
  policy: LedgerOutcomePolicy,
  lang: Lang,
): Result<LedgerOutcomes> {
  const bad = validateOutcomePolicy(policy) ?? mappingError(mapping, lang, "ledger");
  if (bad) return bad;
  for (const [name, v] of [
    ["as-of", asOf],
    ["data", dataDate],
  ] as const) {
    if (v !== null && !(Number.isInteger(v) && v >= MIN_SERIAL && v <= MAX_SERIAL))
      return valueError(message("outcome.badDate", { which: name, value: String(v) }));
  }
  const cols = ledgerColumns(mapping);
  const cCust = cols.customer;
  const byCustomer = new Map<string, Invoice[]>();
  const unreadable = new Set<string>();
  let badRows = 0;
  let invoices = 0;
  let latest = -Infinity;
  const firstErrors: EngineError[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const r = parseLedgerRow(row, cols, i);
    if (r === null) continue;
    if (isInvoiceProblem(r)) {
      badRows++;
      if (firstErrors.length < MAX_ERRORS) {
        const header = mapping.columns.find((c) => c.key === r.field)?.header ?? "";
        // Data row i is sheet row i + 2 under a header in row 1 (the CLI's files; the pane's tables say their own place elsewhere).
        firstErrors.push(invoiceRowError(r, i + 1, header, lang));
      }
      const cell = row[cCust];
      if ((typeof cell === "string" || typeof cell === "number") && !isBlank(cell)) unreadable.add(customerKey(cell));
      continue;
    }
    invoices++;
    latest = Math.max(latest, r.invoiceDate, r.paidDate ?? -Infinity);
    const list = byCustomer.get(r.customer);
    if (list) list.push(r);
    else byCustomer.set(r.customer, [r]);
  }
  if (invoices === 0) return valueError(message("outcome.noInvoices"));
  const data = dataDate ?? latest;
  if (data < asOf) return valueError(message("outcome.dataBeforeAsOf", { dataDate: isoFromSerial(data), asOf: isoFromSerial(asOf) }));
  const d: OutcomeDates = { asOf, dataDate: data, windowEnd: addMonths(asOf, policy.windowMonths) };
  const outcomes = new Map<string, CustomerOutcome>();
  for (const [key, list] of byCustomer) outcomes.set(key, customerOutcome(list, d, policy, unreadable.has(key)));
  for (const key of unreadable)
    if (!outcomes.has(key)) outcomes.set(key, d.dataDate < d.windowEnd ? "window_not_covered" : "unreadable_rows");
  return { ...d, policy, outcomes, invoices, badRows, firstErrors, covered: d.dataDate >= d.windowEnd };
}

/**
 * `ledgerOutcomes` on a table with its header row: the columns are recognised
 * as the review recognises a ledger's (en/zh headers: `autoMapColumns(…, "ledger")`).
 */
export function ledgerOutcomesFromTable(
  header: readonly unknown[],
  rows: readonly (readonly unknown[])[],
  asOf: number,
  dataDate: number | null,
  policy: LedgerOutcomePolicy,
  lang: Lang,
): Result<LedgerOutcomes> {
  return ledgerOutcomes(rows, autoMapColumns(header, "ledger"), asOf, dataDate, policy, lang);
}

/** How many history customers were labelled, and why the others were not. */
export interface OutcomeCounts {
  /** History rows. */
  rows: number;
  labelled: number;
  defaulted: number;
  healthy: number;
  leftOut: Record<LeftOutReason, number>;
}

/** A history labelled from the ledger. */
export interface LedgerLabelledSample extends LabelledSample {
  counts: OutcomeCounts;
  /** The history's customer id column. */
  idColumn: string;
}

/** The index of the history's customer id column (the review's header matcher), or −1. */
export function findIdColumn(header: readonly unknown[]): number {
  return header.findIndex((h) => matchHeader(headerText(h)) === "customer_id");
}

/** The counts of a history's outcomes, without building the sample (the pane shows them before the fit). */
export function countOutcomes(header: readonly unknown[], rows: readonly (readonly unknown[])[], o: LedgerOutcomes): Result<OutcomeCounts> {
  const idc = findIdColumn(header);
  if (idc < 0) return valueError(message("outcome.noIdColumn"));
  return tally(rows.map((r) => outcomeOfRow(r[idc], o)));
}

function outcomeOfRow(cell: unknown, o: LedgerOutcomes): CustomerOutcome {
  // A window the ledger does not reach labels nobody: keeping the defaults seen so far and no healthy customer would inflate the default rate.
  if (!o.covered) return "window_not_covered";
  if (isBlank(cell) || (typeof cell !== "string" && typeof cell !== "number")) return "no_customer_id";
  const got = o.outcomes.get(customerKey(cell));
  if (got !== undefined) return got;
  return o.covered ? "no_invoices" : "window_not_covered";
}

function tally(outs: readonly CustomerOutcome[]): OutcomeCounts {
  const leftOut = Object.fromEntries(LEFT_OUT_REASONS.map((r) => [r, 0])) as Record<LeftOutReason, number>;
  let defaulted = 0,
    healthy = 0;
  for (const x of outs) {
    if (x === 1) defaulted++;
    else if (x === 0) healthy++;
    else leftOut[x]++;
  }
  return { rows: outs.length, labelled: defaulted + healthy, defaulted, healthy, leftOut };
}

/**
 * The history (header + rows, one customer per row, its id in the customer id
 * column) labelled from the ledger's outcomes: the factor columns are read as
 * with an outcome column (`labelledRecords`); rows left out are counted by
 * reason. Errors: no customer id column; no customer labelled (the reasons named).
 */
export function historyFromLedger(
  header: readonly unknown[],
  rows: readonly (readonly unknown[])[],
  o: LedgerOutcomes,
): Result<LedgerLabelledSample> {
  const idc = findIdColumn(header);
  if (idc < 0) return valueError(message("outcome.noIdColumn"));
  const outs = rows.map((r) => outcomeOfRow(r[idc], o));
  const counts = tally(outs);
  if (counts.labelled === 0) return noneLabelled(counts, o);
  const li = header.length;
  const labelled = labelledRecords(
    [...header, "outcome (from the ledger)"],
    rows.map((r, i) => {
      const x = outs[i];
      const cells = r.length >= li ? r.slice(0, li) : [...r, ...new Array<unknown>(li - r.length).fill("")];
      cells.push(x === 1 ? "1" : x === 0 ? "0" : "");
      return cells;
    }),
    li,
  );
  return { ...labelled, counts, idColumn: headerText(header[idc]) };
}

function noneLabelled(counts: OutcomeCounts, o: LedgerOutcomes): EngineError {
  if (!o.covered)
    return valueError(
      message("outcome.windowNotCovered", {
        dataDate: isoFromSerial(o.dataDate),
        windowEnd: isoFromSerial(o.windowEnd),
        months: o.policy.windowMonths,
        latestAsOf: isoFromSerial(addMonths(o.dataDate, -o.policy.windowMonths)),
      }),
    );
  return valueError(message("outcome.noneLabelled", { rows: counts.rows, reasons: reasonMessages(counts) }));
}

/** The left-out counts as messages ("12 not in the ledger", "3 …"), one per reason that occurred. */
export function reasonMessages(counts: OutcomeCounts): Message[] {
  return LEFT_OUT_REASONS.filter((r) => counts.leftOut[r] > 0).map((r) =>
    message(`outcome.reason.${r}` as MessageId, { count: counts.leftOut[r] }),
  );
}

/** The one-line summary of the counts: "2,000 history customers: 1,850 labelled (120 defaulted, 1,730 healthy); 150 left out: …". */
export function outcomeSummary(counts: OutcomeCounts, o: Pick<LedgerOutcomes, "asOf" | "windowEnd" | "dataDate" | "policy">): Message {
  return message("outcome.summary", {
    rows: counts.rows,
    labelled: counts.labelled,
    defaulted: counts.defaulted,
    healthy: counts.healthy,
    leftOut: counts.rows - counts.labelled,
    reasons: reasonMessages(counts),
    days: o.policy.daysPastDue,
    asOf: isoFromSerial(o.asOf),
    windowEnd: isoFromSerial(o.windowEnd),
    dataDate: isoFromSerial(o.dataDate),
  });
}
