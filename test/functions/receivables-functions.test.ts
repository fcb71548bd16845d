import { isExcelError } from "./custom-functions-global";
import { aging, cei, creditScore, dsoInvoices, expectedLoss, payBehavior } from "../../src/functions/functions";
import { serialFromIso } from "../../src/engine/dates";

/** Excel passes null for an omitted optional argument (the declared type says undefined). */
const OMITTED = null as unknown as undefined;

const d = (iso: string) => serialFromIso(iso) as number;

describe("RISK.CEI adapter", () => {
  it("reproduces the worked example (55.9 %) and the whole-period convention", () => {
    expect(cei([[6200]], [[10890]], [[6340]], [[3590]], [[3]], OMITTED)[0][0] as number).toBeCloseTo(55.93, 2);
    expect(cei([[6200]], [[10890]], [[6340]], [[3590]], [[3]], "period")[0][0] as number).toBeCloseTo(79.63, 2);
  });
  it("inconsistent balances are #VALUE! naming the balance, never a negative index (CEI(100, 0, 200, 0) used to be −100)", () => {
    const r = cei([[100]], [[0]], [[200]], [[0]], OMITTED, OMITTED);
    expect(isExcelError(r[0][0]) && [r[0][0].code, r[0][0].message]).toEqual([
      "#VALUE!",
      "end_ar: ending AR 200 exceeds beginning AR plus credit sales (100 + 0 = 100): receivables cannot grow by more than the sales, so the balances are inconsistent.",
    ]);
  });
  it("unknown convention is #VALUE! naming the argument", () => {
    const r = cei([[1]], [[1]], [[1]], [[1]], OMITTED, "weekly");
    expect(isExcelError(r[0][0]) && r[0][0].message).toMatch(/convention/);
  });
});

describe("RISK.EXPECTEDLOSS adapter", () => {
  it("applies LGD, insured share and insured limit per row", () => {
    const r = expectedLoss([[100000], [100000], [100000]], [[0.05]], OMITTED, [[null], [0.9], [0.9]], [[null], [null], [60000]]);
    expect(r.map((x) => Math.round(x[0] as number))).toEqual([3000, 300, 1380]);
  });
  it("a PD above 1 is an error in its row only", () => {
    const r = expectedLoss([[1000], [1000]], [[0.1], [1.5]], OMITTED, OMITTED, OMITTED);
    expect(Math.round(r[0][0] as number)).toBe(60);
    expect(isExcelError(r[1][0]) && r[1][0].code).toBe("#VALUE!");
  });
});

describe("RISK.AGING adapter", () => {
  const asOf = d("2026-11-22");
  const due = [[d("2026-12-01")], [d("2026-11-02")], [d("2026-09-30")], [d("2026-07-01")]];
  it("labels each invoice", () => {
    expect(aging(due, [[asOf]], OMITTED, OMITTED).map((r) => r[0])).toEqual(["Current", "1–30", "31–60", "90+"]);
  });
  it("sums open amounts per bucket as one row under the labels", () => {
    const r = aging(due, [[asOf]], [[100], [200], [300], [400]], OMITTED);
    expect(r[0]).toEqual(["Current", "1–30", "31–60", "61–90", "90+"]);
    expect(r[1]).toEqual([100, 200, 300, 0, 400]);
  });
});

describe("RISK.PAYBEHAVIOR and RISK.DSOINVOICES adapters", () => {
  const ids = [["A"], ["A"], ["B"]];
  const inv = [[d("2026-08-01")], [d("2026-09-01")], [d("2026-10-01")]];
  const due = [[d("2026-08-31")], [d("2026-10-01")], [d("2026-10-31")]];
  const paid = [[d("2026-09-10")], [null], [d("2026-10-30")]];
  const amt = [[1000], [3000], [500]];
  const asOf = [[d("2026-11-22")]];

  it("PAYBEHAVIOR spills a canonical header and one row per customer", () => {
    const r = payBehavior(ids, inv, due, paid, amt, asOf, OMITTED);
    expect(r[0]).toEqual(["customer_id", "avg_days_late", "max_days_late", "pct_invoices_late", "overdue_share", "days_late_trend"]);
    expect(r[1][0]).toBe("A");
    // A: 10 days late on 1,000 (paid), 52 days late on 3,000 (open) → (10·1000 + 52·3000) / 4000 = 41.5
    expect(r[1][1]).toBeCloseTo(41.5, 6);
    expect(r[1][2]).toBe(52);
    expect(r[1][3]).toBe(1);
    expect(r[2][0]).toBe("B");
    expect(r[2][1]).toBe(0);
  });
  it("a due date before the invoice date is an error for that customer only", () => {
    const badDue = [[d("2026-07-01")], due[1], due[2]];
    const r = payBehavior(ids, inv, badDue, paid, amt, asOf, OMITTED);
    expect(isExcelError(r[1][1])).toBe(true);
    expect(r[2][1]).toBe(0);
  });
  it("DSOINVOICES gives one number for the ledger, or a row per customer", () => {
    const whole = dsoInvoices(inv, due, paid, amt, asOf, OMITTED, OMITTED, OMITTED, OMITTED);
    expect(whole).toHaveLength(1);
    expect(typeof whole[0][0]).toBe("number");
    const per = dsoInvoices(inv, due, paid, amt, asOf, OMITTED, OMITTED, OMITTED, ids);
    expect(per[0][0]).toBe("customer_id");
    expect(per.map((r) => r[0])).toEqual(["customer_id", "A", "B"]);
  });

  it("PAYBEHAVIOR's output feeds RISK.CREDITSCORE directly (its header is canonical)", () => {
    const behaviour = payBehavior(ids, inv, due, paid, amt, asOf, OMITTED);
    const scores = creditScore(behaviour, undefined, "score");
    expect(scores).toHaveLength(3);
    expect(scores[2][0] as number).toBeGreaterThan(scores[1][0] as number); // B pays on time, A is late
  });
});
