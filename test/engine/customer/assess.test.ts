import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { isEngineError } from "../../../src/engine/errors";
import { CustomerAssessment, CustomerInputs, assessCustomer } from "../../../src/engine/customer/assess";
import { expectedLoss } from "../../../src/engine/receivables/expected-loss";
import { scoreCustomer } from "../../../src/engine/scoring/score";
import { TEST_POLICY } from "../portfolio/fixtures";

function assess(inputs: CustomerInputs, policy = DEFAULT_POLICY): CustomerAssessment {
  const a = assessCustomer(inputs, policy, "en");
  if (isEngineError(a)) throw new Error(a.message);
  return a;
}

describe("assessCustomer: one customer, every figure", () => {
  test("net worth is equity, else total assets − total liabilities", () => {
    const items = { total_assets: 1_000_000, total_liabilities: 600_000, sales: 3_000_000 };
    expect(assess({ factors: items }).basis).toEqual({ netWorth: 400_000, annualSales: 3_000_000, relationshipMonths: null });
    expect(assess({ factors: { ...items, equity: 250_000 } }).basis.netWorth).toBe(250_000);
    expect(assess({ factors: { total_assets: 1_000_000, sales: 1 } }).basis.netWorth).toBeNull();
  });

  test("score, band and PD are the scorecard's; ratios are derived from statement items", () => {
    const factors = { total_assets: 1_000_000, total_liabilities: 600_000, avg_days_late: 12 };
    const a = assess({ factors });
    const s = scoreCustomer(factors, DEFAULT_POLICY.model);
    expect([a.score, a.band, a.pd, a.coverage]).toEqual([s.score, s.band, s.pd, s.coverage]);
    expect(a.derived.debt_ratio).toBeCloseTo(0.6, 12);
    expect(a.reasons).toEqual(s.reasons);
  });

  test("limit, headroom, breach and expected loss (through expectedLoss, insurance included)", () => {
    const a = assess(
      {
        factors: { debt_ratio: 0.4, quick_ratio: 1.5, avg_days_late: 0, equity: 100_000 },
        exposure: 30_000,
        insuredShare: 0.9,
        insuredLimit: 20_000,
        lgd: 0.5,
      },
      TEST_POLICY,
    );
    expect(a.band).toBe("A");
    expect(a.limit).toMatchObject({ rule: "net_worth_cap" });
    const limit = a.limit?.limit as number;
    expect(a.headroom).toBe(limit - 30_000);
    expect(a.breach).toBe(Math.max(0, 30_000 - limit));
    expect(a.expectedLoss).toBe(expectedLoss(30_000, a.pd, 0.5, 0.9, 20_000));
    expect(assess({ factors: { debt_ratio: 0.4 }, exposure: -5 }).exposure).toBe(0);
  });

  test("band E needs no net worth or sales: 0, cash in advance; another band without them has no limit and says why", () => {
    const e = assess({ factors: { debt_ratio: 0.95, quick_ratio: 0.2, avg_days_late: 90 } }, TEST_POLICY);
    expect(e.band).toBe("E");
    expect(e.limit).toMatchObject({ limit: 0, rule: "cash_in_advance" });
    const c = assess({ factors: { debt_ratio: 0.4 } }, TEST_POLICY);
    expect(c.limit).toBeNull();
    expect(c.limitError?.message).toContain("net_worth and annual_sales are both empty");
  });

  test("a ledger's payment behaviour fills only the behaviour the table leaves blank", () => {
    const a = assess({
      factors: { debt_ratio: 0.5, avg_days_late: 3, max_days_late: NaN },
      payment: { avg_days_late: 40, max_days_late: 70, pct_invoices_late: "", overdue_share: 0.2 },
    });
    expect(a.payment).toEqual({
      avg_days_late: 3,
      max_days_late: 70,
      pct_invoices_late: null,
      overdue_share: 0.2,
      fromLedger: ["max_days_late", "overdue_share"],
    });
  });

  test("an unknown factor or a value outside a factor's range is an error in the language asked", () => {
    const bad = assessCustomer({ factors: { debt_ratio: -1 } }, DEFAULT_POLICY, "zh");
    expect(isEngineError(bad) && bad.message).toBe("资产负债率：-1 超出允许范围。");
    const unknown = assessCustomer({ factors: { nope: 1 } as never }, DEFAULT_POLICY, "en");
    expect(isEngineError(unknown) && unknown.message).toBe('unknown factor "nope".');
  });
});
