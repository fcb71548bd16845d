/**
 * Per-customer digest of an invoice ledger for the portfolio review: payment
 * behaviour (the PAYBEHAVIOR measures), open amount by aging bucket, the
 * worst dunning stage of the open invoices, and the ledger's standard DSO.
 *
 * Rows are parsed with the receivables engine's `parseInvoice` (same rules as
 * the RISK.* ledger formulas: credit notes are negative amounts, blank rows
 * are skipped, text dates are errors). Unlike the formulas, a bad invoice row
 * does not void its customer: it is left out, counted and reported, so one
 * bad row never stops a review. Bad-row messages are in the review language
 * and name the sheet's own row and cell (the ledger's `SheetPlace`): English
 * `ledger row 9, cell Ledger!B9: invoice_dates: text "2026-01-05" is not a date. …`
 * (the formulas' text after the place), Chinese
 * `第 9 行“发票日期”列（invoice_date，单元格 Ledger!B9）：文本“2026-01-05”不是日期，…`
 * naming the header of the mapped column.
 */
import { EngineError, Result, engineError, naError } from "../errors";
import { message } from "../messages";
import { Lang } from "../lang";
import { DunningLadder, STAGE_CLOSED, dunningStage, dunningStageName } from "../receivables/dunning";
import { Invoice, InvoiceField, InvoiceProblem, customerKey, isInvoiceProblem, openAt, parseInvoice } from "../receivables/ledger";
import { invoiceRowMessage } from "../receivables/ledger-messages";
import { PayBehavior, payBehavior } from "../receivables/pay-behavior";
import { agingBucket } from "../receivables/aging";
import { dsoFromInvoices } from "../receivables/dso-invoices";
import { ColumnMapping, LEDGER_KEYS, columnOf } from "./mapping";
import { DEFAULT_PLACE, DataProblem, SheetPlace, cellLocation } from "./place";

/** What the ledger says about one customer. */
export interface LedgerCustomer {
  /** Join key (trimmed text; numbers as their text). */
  readonly key: string;
  /** The id as first given in the ledger. */
  readonly cell: string | number;
  /** Valid invoices (incl. credit notes). */
  invoices: number;
  /** Ledger rows of this customer that could not be read (left out). */
  badRows: number;
  /** PAYBEHAVIOR measures at as-of ("" = no experience). */
  behavior: PayBehavior;
  /** Open amount at as-of, credit notes netted. */
  open: number;
  /** Open amount per aging bucket (index 0 = current / not yet due), credit notes netted in their bucket. */
  aging: number[];
  /** Worst dunning stage number over the open invoices: −1 none open, 0 not due, 1..n ladder stage. */
  dunningStage: number;
  /** True when only disputed invoices reach the worst stage (held out of escalation). */
  dunningOnHold: boolean;
  /** Stage name in the review language. */
  dunningName: string;
  /** Row of the customer table it is joined to, or −1 (set by the review). */
  matchedRow: number;
  /** The ledger's first data row (0-based) with this customer id. */
  readonly firstRow: number;
}

export interface LedgerDigest {
  /** By join key. */
  readonly customers: Map<string, LedgerCustomer>;
  /** In first-appearance order. */
  readonly order: LedgerCustomer[];
  /** Valid invoices in all. */
  readonly invoices: number;
  /** Rows that could not be read. */
  readonly badRows: number;
  /** The first few bad-row errors (messages name the sheet row and cell). */
  readonly firstErrors: EngineError[];
  /** The same problems with the offending cell's location, for the pane's "Go to". */
  readonly firstProblems: DataProblem[];
  /** Where the ledger sits (the given place, or `DEFAULT_PLACE`). */
  readonly place: SheetPlace;
  /** Table column (0-based) of customer_id. */
  readonly idColumn: number;
  /** Standard DSO of the whole ledger over `dsoPeriodDays`, or why not. */
  readonly dso: Result<number>;
  readonly agingEdges: readonly number[];
}

const NO_CELLS: readonly unknown[] = [];

/** How many bad-row messages are kept. */
export const MAX_ERROR_MESSAGES = 5;

/** The header text and table column of each mapped ledger field ("" / −1 when none). */
interface FieldColumns {
  header: Record<InvoiceField, string>;
  column: Record<InvoiceField, number>;
}

/**
 * The problem of bad data row `i` in the review language, naming the sheet
 * row and the offending cell (built only for the first few bad rows).
 */
function langProblem(
  p: InvoiceProblem,
  i: number,
  fields: FieldColumns,
  place: SheetPlace,
  lang: Lang,
): { error: EngineError; problem: DataProblem } {
  const at = cellLocation(place, i, Math.max(0, fields.column[p.field]));
  const where = message("review.ledgerRowAt", { row: at.row + 1, header: fields.header[p.field], field: p.field, address: at.address });
  const error = engineError(p.error.code, invoiceRowMessage(p, where), lang);
  return { error, problem: { message: error.message, at } };
}

/** Header text and column of each ledger field's mapped column. */
function fieldColumns(mapping: ColumnMapping): FieldColumns {
  const header = {} as Record<InvoiceField, string>;
  const column = {} as Record<InvoiceField, number>;
  for (const key of LEDGER_KEYS) {
    const col = columnOf(mapping, key);
    header[key] = mapping.columns.find((c) => c.index === col)?.header ?? "";
    column[key] = col;
  }
  return { header, column };
}

/** Progress of a step-wise preparation. */
export interface ReviewProgress {
  phase: "ledger-rows" | "ledger-customers" | "customers";
  done: number;
  total: number;
}

/** Arguments of `digestLedger` (and, with a progress step, `digestLedgerSteps`). */
export type DigestArgs = [
  /** Data rows (no header row), one invoice per row. */
  rows: readonly (readonly unknown[])[],
  mapping: ColumnMapping,
  asOf: number,
  ladder: DunningLadder,
  agingEdges: readonly number[],
  dsoPeriodDays: number,
  lang: Lang,
  /** Where the ledger sits on its sheet (default `DEFAULT_PLACE`: header in row 1 from column A). */
  place?: SheetPlace | null,
];

/**
 * Digests a mapped ledger at `asOf` (Excel serial) in one go. The mapping must
 * have passed `checkMapping` (customer_id, invoice_date, due_date, amount mapped).
 */
export function digestLedger(...args: DigestArgs): LedgerDigest {
  const [rows, mapping, asOf, ladder, agingEdges, dsoPeriodDays, lang, place = null] = args;
  const steps = digestLedgerSteps(rows, mapping, asOf, ladder, agingEdges, dsoPeriodDays, lang, place, Infinity);
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
  }
}

/** Where a ledger mapping put each invoice field (-1: not mapped; the optional ones may be). */
export interface LedgerColumns {
  customer: number;
  invoiceDate: number;
  dueDate: number;
  paidDate: number;
  amount: number;
  openAmount: number;
  disputed: number;
}

export function ledgerColumns(mapping: ColumnMapping): LedgerColumns {
  return {
    customer: columnOf(mapping, "customer_id"),
    invoiceDate: columnOf(mapping, "invoice_date"),
    dueDate: columnOf(mapping, "due_date"),
    paidDate: columnOf(mapping, "paid_date"),
    amount: columnOf(mapping, "amount"),
    openAmount: columnOf(mapping, "open_amount"),
    disputed: columnOf(mapping, "disputed"),
  };
}

/** Data row `i` of a ledger read by the engine's invoice rules (`parseInvoice`): the invoice, its problem, or null when blank. */
export function parseLedgerRow(row: readonly unknown[], c: LedgerColumns, i: number): ReturnType<typeof parseInvoice> {
  const opt = (k: number) => (k >= 0 ? row[k] : null);
  return parseInvoice(
    i,
    row[c.customer],
    row[c.invoiceDate],
    row[c.dueDate],
    opt(c.paidDate),
    row[c.amount],
    opt(c.openAmount),
    opt(c.disputed),
    true,
  );
}

/**
 * `digestLedger` as a generator that yields its progress every `step` rows
 * (then every `step` customers), so a caller can yield to the host between steps.
 */
export function* digestLedgerSteps(
  ...[rows, mapping, asOf, ladder, agingEdges, dsoPeriodDays, lang, given, step = 50_000]: [...DigestArgs, step?: number]
): Generator<ReviewProgress, LedgerDigest, void> {
  const place = given ?? DEFAULT_PLACE;
  const cols = ledgerColumns(mapping);
  const cCust = cols.customer;
  const nb = agingEdges.length + 2;

  const customers = new Map<string, LedgerCustomer>();
  const slot = new Map<string, number>();
  const order: LedgerCustomer[] = [];
  const all: Invoice[] = [];
  /** Customer position of each invoice in `all`. */
  const owner: number[] = [];
  let badRows = 0;
  const firstErrors: EngineError[] = [];
  const firstProblems: DataProblem[] = [];
  /** Header and column per field, looked up at the first bad row. */
  let fields: FieldColumns | null = null;

  /** Position of a customer in `order`, created on first sight. */
  const get = (key: string, cell: string | number, firstRow: number): number => {
    const k = slot.get(key);
    if (k !== undefined) return k;
    const c: LedgerCustomer = {
      key,
      cell,
      invoices: 0,
      badRows: 0,
      behavior: { avg_days_late: "", max_days_late: "", pct_invoices_late: "", overdue_share: "", days_late_trend: "" },
      open: 0,
      aging: new Array<number>(nb).fill(0),
      dunningStage: STAGE_CLOSED,
      dunningOnHold: false,
      dunningName: "",
      matchedRow: -1,
      firstRow,
    };
    customers.set(key, c);
    slot.set(key, order.length);
    order.push(c);
    return order.length - 1;
  };

  for (let i = 0; i < rows.length; i++) {
    if (i > 0 && i % step === 0) yield { phase: "ledger-rows", done: i, total: rows.length };
    const row = rows[i] ?? NO_CELLS;
    const r = parseLedgerRow(row, cols, i);
    if (r === null) continue;
    if (isInvoiceProblem(r)) {
      badRows++;
      if (firstErrors.length < MAX_ERROR_MESSAGES) {
        const b = langProblem(r, i, fields ?? (fields = fieldColumns(mapping)), place, lang);
        firstErrors.push(b.error);
        firstProblems.push(b.problem);
      }
      const cell = row[cCust];
      if (typeof cell === "string" || typeof cell === "number") {
        const key = customerKey(cell);
        if (key !== "") order[get(key, cell, i)].badRows++;
      }
      continue;
    }
    owner.push(get(r.customer, r.customerCell, i));
    all.push(r);
  }

  // Group invoices by customer (counting sort: no long-lived per-customer arrays).
  const m = order.length;
  const start = new Int32Array(m + 1);
  for (let i = 0; i < owner.length; i++) start[owner[i] + 1]++;
  for (let k = 0; k < m; k++) start[k + 1] += start[k];
  const fill = start.slice(0, m);
  const grouped = new Int32Array(all.length);
  for (let i = 0; i < owner.length; i++) grouped[fill[owner[i]]++] = i;

  for (let k = 0; k < m; k++) {
    if (k > 0 && k % step === 0) yield { phase: "ledger-customers", done: k, total: m };
    const c = order[k];
    const list: Invoice[] = new Array(start[k + 1] - start[k]);
    for (let j = start[k]; j < start[k + 1]; j++) list[j - start[k]] = all[grouped[j]];
    c.invoices = list.length;
    c.behavior = payBehavior(list, asOf);
    let worst = -Infinity;
    let worstHeld = -Infinity;
    for (const inv of list) {
      const o = openAt(inv, asOf);
      if (o === 0) continue;
      c.open += o;
      c.aging[agingBucket(asOf - inv.dueDate, agingEdges)] += o;
      if (inv.amount <= 0 || o <= 0) continue; // credit notes are not dunned
      const s = dunningStage(asOf - inv.dueDate, o, false, ladder).stage;
      if (inv.disputed) {
        if (s > worstHeld) worstHeld = s;
      } else if (s > worst) worst = s;
    }
    // The worst stage over all open invoices; "on hold" when only disputed invoices reach it.
    if (worst === -Infinity && worstHeld === -Infinity) {
      c.dunningStage = STAGE_CLOSED;
      c.dunningOnHold = false;
    } else {
      c.dunningStage = Math.max(worst, worstHeld);
      c.dunningOnHold = worstHeld > worst;
    }
    c.dunningName = dunningStageName(
      { stage: c.dunningStage, closed: c.dunningStage === STAGE_CLOSED, onHold: c.dunningOnHold },
      ladder,
      lang,
    );
  }

  const dso = all.length ? dsoFromInvoices(all, asOf, "standard", dsoPeriodDays) : null;
  return {
    customers,
    order,
    invoices: all.length,
    badRows,
    firstErrors,
    firstProblems,
    place,
    idColumn: cCust,
    dso: dso ?? naError(message("review.ledgerEmpty"), lang),
    agingEdges,
  };
}
