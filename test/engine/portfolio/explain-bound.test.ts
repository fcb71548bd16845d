import { explainCustomer, type Explanation } from "../../../src/engine/portfolio/explain";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { isEngineError } from "../../../src/engine/errors";
import type { ScorecardModel } from "../../../src/engine/scoring/model";

/** A format 2 model whose points can run past 0–100: neutral score 50, two factors of ±40 and ±30 points. */
const WIDE: ScorecardModel = {
  id: "wide",
  version: "0",
  description: "format 2, wide points",
  pd: { logOddsAtZero: -2, pointsPerLogOdds: 10, horizonYears: 1 },
  neutralScore: 50,
  bands: [
    { band: "A", minScore: 80, pd: 0.001 },
    { band: "B", minScore: 65, pd: 0.005 },
    { band: "C", minScore: 50, pd: 0.02 },
    { band: "D", minScore: 35, pd: 0.06 },
    { band: "E", minScore: 0, pd: 0.2 },
  ],
  factors: [
    { key: "debt_ratio", group: "financial", source: "calibrated", direction: "decreasing", edges: [0.5], points: [80, 0], neutral: 40 },
    { key: "avg_days_late", group: "payment", source: "expert", direction: "decreasing", edges: [31], points: [60, 0], neutral: 30 },
  ],
};
const policy = { ...DEFAULT_POLICY, model: WIDE };
const explain = (values: Record<string, number>): Explanation => {
  const e = explainCustomer(values, policy, "en");
  if (isEngineError(e)) throw new Error(e.message);
  return e;
};
const total = (e: Explanation): number => e.base.points + e.groups.reduce((a, g) => a + g.contribution, 0) + e.bound.points;

describe("the waterfall when the score is kept within 0–100", () => {
  test("below 0: the cut is its own step, so the waterfall still adds up to the score", () => {
    const e = explain({ debt_ratio: 0.9, avg_days_late: 45 }); // 50 − 40 − 30 = −20 → 0
    expect(e.score).toBe(0);
    expect(e.bound).toEqual({ label: "Kept within 0–100", points: 20 });
    expect(total(e)).toBeCloseTo(0, 12);
  });
  test("above 100, and no step when nothing is cut", () => {
    const top = explain({ debt_ratio: 0.1, avg_days_late: 0 }); // 50 + 40 + 30 = 120 → 100
    expect(top.score).toBe(100);
    expect(top.bound.points).toBeCloseTo(-20, 12);
    expect(total(top)).toBeCloseTo(100, 12);
    expect(explain({ debt_ratio: 0.1 }).bound.points).toBe(0);
    expect(explainCustomer({ debt_ratio: 0.1 }, policy, "zh")).toMatchObject({ bound: { label: "限定在0–100分内", points: 0 } });
  });

  test("rounding noise between the engine's sum and the waterfall's is not a cut", () => {
    const odd: ScorecardModel = {
      ...WIDE,
      neutralScore: 50.2,
      factors: [
        { ...WIDE.factors[0], points: [80.3, 0], neutral: 40.1 },
        { ...WIDE.factors[1], points: [60.7, 0], neutral: 30.3 },
      ],
    };
    const e = explainCustomer({ debt_ratio: 0.1 }, { ...DEFAULT_POLICY, model: odd }, "en");
    if (isEngineError(e)) throw new Error(e.message);
    expect(e.score).not.toBe(90.4); // 90.39999999999999: the engine adds in another order
    expect(e.bound.points).toBe(0);
  });
});
