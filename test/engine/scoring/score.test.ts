import fc from "fast-check";
import { FactorKey } from "../../../src/engine/scoring/factors";
import { DEFAULT_MODEL, neutralScoreOf } from "../../../src/engine/scoring/model";
import { bandOf, displayScore, horizonPdOf, pdOf, scoreCustomer } from "../../../src/engine/scoring/score";
import { TEST_MODEL } from "./fixtures";

describe("scoreCustomer with the test model (worked by hand)", () => {
  test.each([
    // debt 0.6 → 15, coverage 0.8 → 0, days late missing → neutral 20: 35 → D; coverage (30+25)/100
    [{ debt_ratio: 0.6, interest_coverage: 0.8 }, 35, "D", 0.55],
    [{ debt_ratio: 0.3, interest_coverage: 5, avg_days_late: 0 }, 100, "A", 1],
    [{ debt_ratio: 0.95, interest_coverage: -2, avg_days_late: 45 }, 0, "E", 1],
    [{}, 45, "D", 0],
    [{ debt_ratio: 0.5, interest_coverage: 3, avg_days_late: 1 }, 60, "C", 1], // edges belong to the upper bin
    [{ avg_days_late: 0 }, 70, "B", 0.45],
  ] as [Partial<Record<FactorKey, number>>, number, string, number][])("%j → %d (%s), coverage %d", (values, score, band, coverage) => {
    const r = scoreCustomer(values, TEST_MODEL);
    expect(r.score).toBe(score);
    expect(r.band).toBe(band);
    expect(r.coverage).toBeCloseTo(coverage, 12);
    expect(r.pd).toBeCloseTo(1 / (1 + Math.exp(-2 + score / 10)), 12);
  });

  test("ratios are derived from statement items before scoring", () => {
    const r = scoreCustomer({ total_liabilities: 900, total_assets: 1000, ebit: 50, interest_expense: 10 }, TEST_MODEL);
    // debt ratio 0.9 → 0 (neutral 15); coverage 5 → 25 (neutral 10); days late neutral 20. Deficit = neutral − points.
    expect(r.score).toBe(45);
    expect(r.contributions.map((c) => [c.key, c.value, c.points, c.maxPoints, c.deficit, c.group, c.observed])).toEqual([
      ["debt_ratio", 0.9, 0, 30, 15, "financial", true],
      ["interest_coverage", 5, 25, 25, -15, "financial", true],
      ["avg_days_late", null, 20, 45, 0, "payment", false],
    ]);
  });

  test("non-finite values count as missing", () => {
    expect(scoreCustomer({ debt_ratio: NaN, interest_coverage: Infinity }, TEST_MODEL).score).toBe(45);
  });

  test("bandOf and pdOf", () => {
    expect([100, 80, 79.99, 65, 50, 35, 34.9, 0].map((s) => bandOf(s, TEST_MODEL))).toEqual(["A", "A", "B", "B", "C", "D", "E", "E"]);
    expect(pdOf(20, TEST_MODEL)).toBeCloseTo(0.5, 12);
    // horizon conversion: 5-year PD 0.5 → 1 − 0.5^(1/5)
    const five = { ...TEST_MODEL, pd: { ...TEST_MODEL.pd, horizonYears: 5 } };
    expect(pdOf(20, five)).toBeCloseTo(1 - Math.pow(0.5, 0.2), 12);
  });
});

describe("edges of the scale", () => {
  test("a model whose maximum points add up to 100.005 (accepted by validateModel) still caps the score at 100", () => {
    const m = {
      ...TEST_MODEL,
      factors: TEST_MODEL.factors.map((f) => (f.key === "avg_days_late" ? { ...f, points: [45.005, 20, 0] } : f)),
    };
    const r = scoreCustomer({ debt_ratio: 0.3, interest_coverage: 5, avg_days_late: 0 }, m);
    expect(r.score).toBe(100);
    expect(r.band).toBe("A");
    expect(r.coverage).toBe(1);
  });

  test.each([
    [100, "A"],
    [75, "A"],
    [74.99, "B"],
    [65.2, "B"],
    [65.19, "C"],
    [53.3, "C"],
    [53.29, "D"],
    [40, "D"],
    [39.99, "E"],
    [0, "E"],
  ])("bandOf(%d) with the bundled cut-offs → %s", (score, band) => expect(bandOf(score)).toBe(band));

  test("bandOf below every cut-off (a model whose E band would not start at 0) falls back to E", () => {
    expect(bandOf(-1, TEST_MODEL)).toBe("E");
  });

  test("the bundled model's scale: 12-month PD 5 % at score 40 and 0.2 % at score 75; its horizon is 12 months", () => {
    expect(DEFAULT_MODEL.pd.horizonYears).toBe(1);
    expect(pdOf(40)).toBeCloseTo(0.05, 6);
    expect(pdOf(75)).toBeCloseTo(0.002, 6);
    expect(horizonPdOf(55)).toBe(pdOf(55));
  });
});

describe("the bundled model", () => {
  test("a strong and a weak customer", () => {
    const strong = scoreCustomer({
      debt_ratio: 0.3,
      ebit_to_assets: 0.15,
      cash_flow_to_debt: 0.8,
      quick_ratio: 2,
      retained_earnings_to_assets: 0.4,
      interest_coverage: 12,
      avg_days_late: 0,
      years_in_business: 25,
    });
    const weak = scoreCustomer({
      debt_ratio: 0.95,
      ebit_to_assets: -0.1,
      cash_flow_to_debt: -0.1,
      quick_ratio: 0.3,
      retained_earnings_to_assets: -0.3,
      interest_coverage: 0.5,
      avg_days_late: 95,
      litigation_count: 3,
    });
    expect(strong.band).toBe("A");
    expect(weak.band).toBe("E");
    expect(strong.pd).toBeLessThan(0.002);
    expect(weak.pd).toBeGreaterThan(0.05);
    expect(weak.reasons.length).toBe(3);
  });
});

// ---- properties -------------------------------------------------------------------------------
const ranges: Partial<Record<FactorKey, [number, number]>> = {
  debt_ratio: [0, 2],
  ebit_to_assets: [-1, 1],
  cash_flow_to_debt: [-1, 2],
  quick_ratio: [0, 5],
  retained_earnings_to_assets: [-1, 1],
  interest_coverage: [-20, 50],
  current_ratio: [0, 5],
  roa: [-1, 1],
  avg_days_late: [0, 200],
  max_days_late: [0, 400],
  pct_invoices_late: [0, 1],
  overdue_share: [0, 1],
  years_in_business: [0, 60],
  relationship_months: [0, 240],
  industry_risk: [1, 5],
  country_risk: [0, 7],
  litigation_count: [0, 10],
  management_change: [0, 1],
  negative_news: [0, 1],
};
const keys = Object.keys(ranges) as FactorKey[];
const customer = fc.record(
  Object.fromEntries(
    keys.map((k) => [k, fc.option(fc.double({ min: ranges[k]![0], max: ranges[k]![1], noNaN: true }), { nil: undefined })]),
  ) as Record<FactorKey, fc.Arbitrary<number | undefined>>,
);
const clean = (c: Record<string, number | undefined>): Partial<Record<FactorKey, number>> =>
  Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)) as Partial<Record<FactorKey, number>>;

describe("properties of the bundled model", () => {
  test("score in 0–100, PD in (0,1), coverage in 0–1, band consistent with score", () => {
    fc.assert(
      fc.property(customer, (c) => {
        const r = scoreCustomer(clean(c));
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(100);
        expect(r.pd).toBeGreaterThan(0);
        expect(r.pd).toBeLessThan(1);
        expect(r.coverage).toBeGreaterThanOrEqual(0);
        expect(r.coverage).toBeLessThanOrEqual(1 + 1e-12);
        // band and PD are those of the score as shown (one decimal)
        expect(r.band).toBe(bandOf(displayScore(r.score)));
        expect(r.pd).toBe(pdOf(displayScore(r.score)));
        expect(r.reasons.length).toBeLessThanOrEqual(3);
      }),
      { numRuns: 500 },
    );
  });

  // factor, direction (+1: more never lowers the score; −1: more never raises it), extra amount range
  const monotone: [FactorKey, 1 | -1, number][] = [
    ["debt_ratio", -1, 1],
    ["interest_coverage", 1, 30],
    ["cash_flow_to_debt", 1, 1],
    ["quick_ratio", 1, 3],
    ["ebit_to_assets", 1, 0.5],
    ["retained_earnings_to_assets", 1, 0.5],
    ["avg_days_late", -1, 120],
    ["max_days_late", -1, 200],
    ["pct_invoices_late", -1, 0.5],
    ["overdue_share", -1, 0.5],
    ["years_in_business", 1, 30],
    ["relationship_months", 1, 60],
    ["industry_risk", -1, 2],
    ["country_risk", -1, 3],
    ["litigation_count", -1, 5],
    ["management_change", -1, 1],
    ["negative_news", -1, 1],
  ];
  test.each(monotone)("more %s never moves the score against its direction (%d)", (key, dir, span) => {
    fc.assert(
      fc.property(
        customer,
        fc.double({ min: ranges[key]![0], max: ranges[key]![1], noNaN: true }),
        fc.double({ min: 0, max: span, noNaN: true }),
        (c, x, dx) => {
          // Interest coverage exactly 0 means "no interest expense", not a measurement: it scores neutral (tested below).
          if (key === "interest_coverage" && (x === 0 || x + dx === 0)) return;
          const base = clean(c);
          const lo = scoreCustomer({ ...base, [key]: x }).score;
          const hi = scoreCustomer({ ...base, [key]: x + dx }).score;
          if (dir === 1) expect(hi).toBeGreaterThanOrEqual(lo - 1e-9);
          else expect(hi).toBeLessThanOrEqual(lo + 1e-9);
        },
      ),
      { numRuns: 200 },
    );
  });

  test("a risk flag turning on never raises the score", () => {
    fc.assert(
      fc.property(customer, fc.constantFrom<FactorKey>("management_change", "negative_news"), (c, flag) => {
        const base = clean(c);
        expect(scoreCustomer({ ...base, [flag]: 1 }).score).toBeLessThanOrEqual(scoreCustomer({ ...base, [flag]: 0 }).score);
      }),
    );
  });

  test("more liabilities (same assets, positive cash flow) never raise the score", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 0.01, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        (ta, share, extra, ni) => {
          const base = { total_assets: ta, net_income: ni * ta, depreciation: 0.01 * ta };
          const a = scoreCustomer({ ...base, total_liabilities: share * ta }).score;
          const b = scoreCustomer({ ...base, total_liabilities: (share + extra) * ta }).score;
          expect(b).toBeLessThanOrEqual(a + 1e-9);
        },
      ),
    );
  });

  test("points never exceed the factor maximum, the deficit is neutral − points (points below an average firm), and the score is the neutral score plus the points around neutral (within 0–100)", () => {
    fc.assert(
      fc.property(customer, (c) => {
        const r = scoreCustomer(clean(c));
        let sum = neutralScoreOf(DEFAULT_MODEL);
        r.contributions.forEach((x, s) => {
          expect(x.points).toBeLessThanOrEqual(x.maxPoints + 1e-12);
          expect(x.neutral).toBe(DEFAULT_MODEL.factors[s].neutral);
          expect(x.deficit).toBeCloseTo(x.neutral - x.points, 12);
          sum += x.points - DEFAULT_MODEL.factors[s].neutral;
        });
        expect(r.score).toBeCloseTo(Math.min(100, Math.max(0, sum)), 9);
      }),
    );
  });

  test("the model's factors are exactly the scored ones", () => {
    expect(scoreCustomer({}).contributions.map((c) => c.key)).toEqual(DEFAULT_MODEL.factors.map((f) => f.key));
  });
});
