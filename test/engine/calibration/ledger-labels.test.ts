/**
 * The outcome derived from the invoice ledger: an invoice 90+ days past due
 * within 12 months of the as-of date (policy), per customer; the history join
 * and its counts; the policy checks (en/zh); a property over the day threshold.
 */
import fc from "fast-check";
import { isEngineError, messageIn, type EngineError } from "../../../src/engine/errors";
import { renderMessage } from "../../../src/engine/messages";
import { serialFromYmd } from "../../../src/engine/dates";
import type { Invoice } from "../../../src/engine/receivables/ledger";
import { DEFAULT_POLICY, validatePolicy } from "../../../src/engine/policy";
import {
  DEFAULT_OUTCOME_POLICY,
  LedgerOutcomes,
  addMonths,
  countOutcomes,
  customerOutcome,
  historyFromLedger,
  ledgerOutcomesFromTable,
  outcomeSummary,
  validateOutcomePolicy,
} from "../../../src/engine/calibration/ledger-labels";

const d = (iso: string): number => {
  const [y, m, dd] = iso.split("-").map(Number);
  return serialFromYmd(y, m, dd);
};
const AS_OF = d("2025-06-30");
const WINDOW_END = d("2026-06-30");
const DATES = { asOf: AS_OF, dataDate: d("2026-09-30"), windowEnd: WINDOW_END };

function inv(p: { issued?: string; due: string; paid?: string | null; amount?: number; open?: number; disputed?: boolean }): Invoice {
  const amount = p.amount ?? 1000;
  const paidDate = p.paid ? d(p.paid) : null;
  const dueDate = d(p.due);
  return {
    row: 0,
    customer: "C1",
    customerCell: "C1",
    invoiceDate: p.issued ? d(p.issued) : dueDate - 30,
    dueDate,
    paidDate,
    amount,
    open: paidDate !== null ? 0 : (p.open ?? amount),
    disputed: p.disputed ?? false,
  };
}

describe("customerOutcome: one customer's invoices", () => {
  const P = DEFAULT_OUTCOME_POLICY;
  test.each<[string, Invoice[], ReturnType<typeof customerOutcome>]>([
    ["paid on time in the window → healthy", [inv({ due: "2025-09-30", paid: "2025-10-05" })], 0],
    ["paid 89 days late → healthy", [inv({ due: "2025-09-30", paid: "2025-12-28" })], 0],
    ["paid exactly 90 days late (days late = paid − due) → defaulted", [inv({ due: "2025-09-30", paid: "2025-12-29" })], 1],
    ["paid 120 days late → defaulted", [inv({ due: "2025-09-30", paid: "2026-01-28" })], 1],
    ["open, data date − due ≥ 90 → defaulted", [inv({ due: "2026-01-31" })], 1],
    ["open, 90 days reached only after the window's end → healthy", [inv({ due: "2026-05-31", paid: "2026-09-15" })], 0],
    [
      "due before as-of, 30 days late at as-of, still open into the window → defaulted when it reaches 90 days",
      [inv({ due: "2025-05-31", paid: "2025-09-15" })],
      1,
    ],
    [
      "already 90+ days past due and open at as-of → left out (not performing when observed)",
      [inv({ due: "2025-03-01", paid: "2025-08-01" }), inv({ due: "2025-09-30", paid: "2025-10-01" })],
      "in_default_at_as_of",
    ],
    [
      "90+ days late but paid before as-of → history, not the window: healthy",
      [inv({ due: "2025-01-31", paid: "2025-06-01" }), inv({ due: "2025-09-30", paid: "2025-10-01" })],
      0,
    ],
    ["a credit note is never late", [inv({ due: "2025-09-30", amount: -500 }), inv({ due: "2025-09-30", paid: "2025-10-01" })], 0],
    ["a credit note alone is nothing owed → left out", [inv({ due: "2025-09-30", paid: "2026-03-01", amount: -500 })], "no_exposure"],
    ["settled without a paid date (open 0): not late", [inv({ due: "2025-09-30", open: 0 })], 0],
    ["partial payment: the open part is what counts", [inv({ due: "2025-09-30", amount: 1000, open: 200 })], 1],
    ["disputed only → left out", [inv({ due: "2025-09-30", disputed: true }), inv({ due: "2025-10-30", paid: "2025-10-30" })], "disputed"],
    ["disputed and another late invoice → defaulted", [inv({ due: "2025-09-30", disputed: true }), inv({ due: "2025-10-30" })], 1],
    ["nothing owed in the window → left out", [inv({ due: "2025-04-30", paid: "2025-05-02" })], "no_exposure"],
    ["issued after the window → left out", [inv({ issued: "2026-08-01", due: "2026-08-31" })], "no_exposure"],
  ])("%s", (_, invoices, want) => {
    expect(customerOutcome(invoices, DATES, P)).toBe(want);
  });

  test("window not covered: no healthy label, but a default seen is not either (no bias towards defaults)", () => {
    const short = { ...DATES, dataDate: d("2026-03-31") };
    expect(customerOutcome([inv({ due: "2025-09-30", paid: "2025-10-01" })], short, P)).toBe("window_not_covered");
    // a default already seen inside the covered part is certain
    expect(customerOutcome([inv({ due: "2025-09-30", paid: "2026-02-01" })], short, P)).toBe(1);
    // open and not yet 90 days at the data date: unknown
    expect(customerOutcome([inv({ due: "2026-02-28" })], short, P)).toBe("window_not_covered");
  });

  test("the minimum amount: a trivial late invoice does not label a default", () => {
    const small = [inv({ due: "2025-09-30", amount: 40 }), inv({ due: "2025-10-30", paid: "2025-10-30" })];
    expect(customerOutcome(small, DATES, P)).toBe(1);
    expect(customerOutcome(small, DATES, { ...P, minAmount: 50 })).toBe(0);
    // a partially paid invoice counts by its open part
    expect(customerOutcome([inv({ due: "2025-09-30", amount: 1000, open: 40 })], DATES, { ...P, minAmount: 50 })).toBe(0);
  });

  test("unreadable rows: no healthy label, a default seen still counts", () => {
    expect(customerOutcome([inv({ due: "2025-09-30", paid: "2025-10-01" })], DATES, P, true)).toBe("unreadable_rows");
    expect(customerOutcome([inv({ due: "2025-09-30" })], DATES, P, true)).toBe(1);
  });

  test("the day threshold and the window are policy", () => {
    const thirty = [inv({ due: "2025-09-30", paid: "2025-11-15" })]; // 46 days late
    expect(customerOutcome(thirty, DATES, P)).toBe(0);
    expect(customerOutcome(thirty, DATES, { ...P, daysPastDue: 30 })).toBe(1);
    const late = [inv({ due: "2026-04-30" })]; // reaches 90 days on 2026-07-29
    expect(customerOutcome(late, DATES, P)).toBe(0);
    const w18 = { ...DATES, windowEnd: addMonths(AS_OF, 18), dataDate: d("2027-01-31") };
    expect(customerOutcome(late, w18, { ...P, windowMonths: 18 })).toBe(1);
  });

  test("property: raising the day threshold never turns a healthy customer into a default (nor lowering it the reverse)", () => {
    const invoice = fc
      .record({
        issued: fc.integer({ min: AS_OF - 400, max: WINDOW_END + 60 }),
        terms: fc.integer({ min: 0, max: 120 }),
        paidAfterDue: fc.option(fc.integer({ min: -30, max: 400 }), { nil: null }),
        amount: fc.oneof(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: -500, max: -1 })),
        openShare: fc.constantFrom(1, 0.5, 0),
        disputed: fc.boolean(),
      })
      .map((r): Invoice => {
        const dueDate = r.issued + r.terms;
        const paidDate = r.paidAfterDue === null ? null : Math.max(r.issued, dueDate + r.paidAfterDue);
        return {
          row: 0,
          customer: "X",
          customerCell: "X",
          invoiceDate: r.issued,
          dueDate,
          paidDate,
          amount: r.amount,
          open: paidDate === null ? r.amount * r.openShare : 0,
          disputed: r.disputed,
        };
      });
    fc.assert(
      fc.property(
        fc.array(invoice, { maxLength: 8 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 200 }),
        (list, days, more, dataAfterEnd) => {
          const dates = { ...DATES, dataDate: WINDOW_END + dataAfterEnd };
          const lo = customerOutcome(list, dates, { ...DEFAULT_OUTCOME_POLICY, daysPastDue: days });
          const hi = customerOutcome(list, dates, { ...DEFAULT_OUTCOME_POLICY, daysPastDue: days + more });
          if (lo === 0) expect(hi).not.toBe(1);
          if (hi === 1) expect(lo === 1 || lo === "in_default_at_as_of").toBe(true);
        },
      ),
      { seed: 11, numRuns: 500 },
    );
  });
});

describe("addMonths (EDATE)", () => {
  test.each([
    ["2025-06-30", 12, "2026-06-30"],
    ["2024-02-29", 12, "2025-02-28"],
    ["2025-01-31", 1, "2025-02-28"],
    ["2025-11-15", 3, "2026-02-15"],
    ["2026-09-30", -12, "2025-09-30"],
  ])("%s + %i months = %s", (from, n, to) => {
    expect(addMonths(d(from), n)).toBe(d(to));
  });
});

/** A ledger table with Chinese headers; the history with English ones. */
const LEDGER_ZH = ["客户编号", "发票日期", "到期日", "付款日期", "金额", "未结金额"];
const ledgerRows: unknown[][] = [
  ["C1", d("2025-08-01"), d("2025-08-31"), d("2025-09-05"), 1000, ""], // on time
  ["C2", d("2025-08-01"), d("2025-08-31"), d("2026-01-15"), 1000, ""], // 137 days late
  ["C3", d("2025-10-01"), d("2025-10-31"), "", 800, ""], // open since: defaulted
  ["C4", d("2025-01-01"), d("2025-01-31"), "", 500, ""], // open 150 days at as-of: already in default
  ["C5", d("2025-01-01"), d("2025-01-31"), d("2025-02-10"), 700, ""], // paid before as-of, nothing in the window
  ["C6", "2025-09-01", d("2025-09-30"), "", 900, ""], // a text date: unreadable
  [101, d("2025-09-01"), d("2025-10-01"), d("2025-10-01"), 300, ""], // a numeric id, joined to "101"
  [101, d("2026-09-01"), d("2026-09-30"), "", 300, ""], // the latest invoice date: the data date
  ["", "", "", "", "", ""], // blank row
];
const HISTORY = ["Customer ID", "Debt ratio", "Current ratio"];
const historyRows: unknown[][] = [
  ["C1", 0.4, 1.5],
  ["C2", 0.8, 0.7],
  ["C3", 0.7, 0.9],
  ["C4", 0.9, 0.5],
  ["C5", 0.3, 2],
  ["C6", 0.5, 1.2],
  ["C9", 0.5, 1.2],
  [101, 0.45, 1.4],
  ["", 0.5, 1],
];

function outcomes(dataDate: number | null = null, lang: "en" | "zh" = "en"): LedgerOutcomes {
  const o = ledgerOutcomesFromTable(LEDGER_ZH, ledgerRows, AS_OF, dataDate, DEFAULT_OUTCOME_POLICY, lang);
  if (isEngineError(o)) throw new Error(o.message);
  return o;
}

describe("ledgerOutcomesFromTable and historyFromLedger", () => {
  test("the ledger's columns are recognised by their (Chinese) headers; the data date defaults to its latest date", () => {
    const o = outcomes();
    expect(o.dataDate).toBe(d("2026-09-01"));
    expect(o.windowEnd).toBe(WINDOW_END);
    expect(o.covered).toBe(true);
    expect(o.invoices).toBe(7);
    expect(o.badRows).toBe(1);
    expect(o.firstErrors[0].message).toMatch(/^row 7: invoice_dates: text "2025-09-01" is not a date/);
    expect(Object.fromEntries(o.outcomes)).toEqual({
      C1: 0,
      C2: 1,
      C3: 1,
      C4: "in_default_at_as_of",
      C5: "no_exposure",
      C6: "unreadable_rows",
      "101": 0,
    });
    expect(outcomes(null, "zh").firstErrors[0].message).toMatch(/^第 7 行“发票日期”列（invoice_date）：/);
  });

  test("the history joined by customer id: labels, factor columns and the counts by reason", () => {
    const o = outcomes();
    const h = historyFromLedger(HISTORY, historyRows, o);
    if (isEngineError(h)) throw new Error(h.message);
    expect(h.n).toBe(4);
    expect(Array.from(h.label)).toEqual([0, 1, 1, 0]);
    expect(Array.from(h.columns.debt_ratio!)).toEqual([0.4, 0.8, 0.7, 0.45]);
    expect(h.idColumn).toBe("Customer ID");
    expect(h.counts).toEqual({
      rows: 9,
      labelled: 4,
      defaulted: 2,
      healthy: 2,
      leftOut: {
        window_not_covered: 0,
        in_default_at_as_of: 1,
        disputed: 0,
        unreadable_rows: 1,
        no_exposure: 1,
        no_invoices: 1,
        no_customer_id: 1,
      },
    });
    expect(countOutcomes(HISTORY, historyRows, o)).toEqual(h.counts);
    expect(renderMessage(outcomeSummary(h.counts, o), "en")).toBe(
      "9 history customers: 4 labelled (2 defaulted: an invoice 90+ days past due between 2025-06-30 and 2026-06-30; 2 healthy); 5 left out: 1 already in default at the as-of date, 1 with unreadable ledger rows, 1 with nothing owed in the window, 1 not in the ledger, 1 without a customer ID. Ledger known up to 2026-09-01.",
    );
    expect(renderMessage(outcomeSummary(h.counts, o), "zh")).toMatch(
      /^历史客户 9 个：已判定 4 个（违约 2 个，.*未判定 5 个：1 个客户在观察日已处于违约状态、/,
    );
  });

  test("a ledger that does not reach the window's end labels nobody, and says which as-of date would work", () => {
    const o = outcomes(d("2026-03-31"));
    expect(o.covered).toBe(false);
    const h = historyFromLedger(HISTORY, historyRows, o) as EngineError;
    expect(isEngineError(h)).toBe(true);
    expect(h.message).toBe(
      "The ledger is known up to 2026-03-31, but the 12-month window after the as-of date ends on 2026-06-30: no customer can be labelled healthy yet. Choose an as-of date on or before 2025-03-31, or give a later data date.",
    );
    expect(messageIn(h, "zh")).toMatch(/^台账数据截至 2026-03-31/);
  });

  test.each<[string, () => unknown, RegExp]>([
    ["no customer id column in the history", () => historyFromLedger(["Debt ratio"], [[0.5]], outcomes()), /no customer ID column/],
    [
      "a data date before the as-of date",
      () => ledgerOutcomesFromTable(LEDGER_ZH, ledgerRows, AS_OF, AS_OF - 1, DEFAULT_OUTCOME_POLICY, "en"),
      /^The ledger's data date 2025-06-29 is before the as-of date 2025-06-30/,
    ],
    [
      "a ledger without a due date column",
      () => ledgerOutcomesFromTable(["客户编号", "发票日期", "金额"], [], AS_OF, null, DEFAULT_OUTCOME_POLICY, "en"),
      /needs a "Due date" column/,
    ],
    [
      "no readable invoice",
      () => ledgerOutcomesFromTable(LEDGER_ZH, [ledgerRows[5]], AS_OF, null, DEFAULT_OUTCOME_POLICY, "en"),
      /no readable invoice/,
    ],
    [
      "an as-of date that is no date",
      () => ledgerOutcomesFromTable(LEDGER_ZH, ledgerRows, NaN, null, DEFAULT_OUTCOME_POLICY, "en"),
      /as-of date is not a date/,
    ],
    [
      "nobody labelled: the reasons are named",
      () =>
        historyFromLedger(
          HISTORY,
          [
            ["C4", 0.9, 0.5],
            ["C9", 0.1, 1],
          ],
          outcomes(),
        ),
      /^None of the 2 history customers could be labelled from the ledger: 1 already in default at the as-of date, 1 not in the ledger\.$/,
    ],
  ])("error value: %s", (_, f, re) => {
    const r = f();
    expect(isEngineError(r)).toBe(true);
    expect((r as EngineError).message).toMatch(re);
  });
});

describe("the outcome policy", () => {
  test("the defaults: 90 days, 12 months, any amount; part of the credit policy", () => {
    expect(DEFAULT_POLICY.outcome).toEqual({ daysPastDue: 90, windowMonths: 12, minAmount: 0 });
    expect(validatePolicy(DEFAULT_POLICY)).toBeNull();
  });

  test.each<[string, unknown, string, RegExp]>([
    ["missing", undefined, "policy outcome is missing: give { daysPastDue, windowMonths, minAmount }.", /^策略缺少 outcome/],
    [
      "0 days",
      { ...DEFAULT_OUTCOME_POLICY, daysPastDue: 0 },
      "policy outcome.daysPastDue must be a whole number of days from 1 to 3650, got 0.",
      /^策略 outcome.daysPastDue/,
    ],
    [
      "90.5 days",
      { ...DEFAULT_OUTCOME_POLICY, daysPastDue: 90.5 },
      "policy outcome.daysPastDue must be a whole number of days from 1 to 3650, got 90.5.",
      /90\.5/,
    ],
    [
      "0 months",
      { ...DEFAULT_OUTCOME_POLICY, windowMonths: 0 },
      "policy outcome.windowMonths must be a whole number of months from 1 to 120, got 0.",
      /月数/,
    ],
    [
      "NaN months",
      { ...DEFAULT_OUTCOME_POLICY, windowMonths: NaN },
      "policy outcome.windowMonths must be a whole number of months from 1 to 120, got NaN.",
      /NaN/,
    ],
    [
      "a negative minimum",
      { ...DEFAULT_OUTCOME_POLICY, minAmount: -1 },
      "policy outcome.minAmount must be an amount of 0 or more, got -1.",
      /金额/,
    ],
    [
      "a text minimum",
      { ...DEFAULT_OUTCOME_POLICY, minAmount: "100" },
      "policy outcome.minAmount must be an amount of 0 or more, got 100.",
      /金额/,
    ],
  ])("%s is refused (en and zh), by validatePolicy too", (_, outcome, en, zh) => {
    const e = validateOutcomePolicy(outcome)!;
    expect(e.message).toBe(en);
    expect(messageIn(e, "zh")).toMatch(zh);
    expect(validatePolicy({ ...DEFAULT_POLICY, outcome })?.message).toBe(en);
  });
});
