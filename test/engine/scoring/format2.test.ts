import { ScorecardModel, compileModel, validateModel } from "../../../src/engine/scoring/model";
import {
  contributionsOf,
  givenColumns,
  markNotReported,
  notReportedFlag,
  scoreCustomer,
  scoreVector,
} from "../../../src/engine/scoring/score";
import { creditScoreCore } from "../../../src/engine/scoring/creditscore";
import { formatReason } from "../../../src/engine/scoring/reasons";
import { FACTOR_COUNT, factorIndex } from "../../../src/engine/scoring/factors";
import { toVector } from "../../../src/engine/scoring/derive";
import { isEngineError } from "../../../src/engine/errors";

/**
 * A format 2 model with round numbers: neutral score 50, a pool of two
 * financial factors (ρ = 0.5), interest coverage 0 meaning "none", the
 * incomplete-statements factor switched on at debt ratio ≥ 0.3, and one
 * expert factor.
 */
const F2: ScorecardModel = {
  id: "f2",
  version: "0",
  description: "format 2 test model",
  pd: { logOddsAtZero: -2, pointsPerLogOdds: 10, horizonYears: 1 },
  neutralScore: 50,
  incompleteStatements: { enabled: true, debtRatioMin: 0.3 },
  pool: { factors: ["debt_ratio", "interest_coverage"], correlation: 0.5 },
  bands: [
    { band: "A", minScore: 80, pd: 0.001 },
    { band: "B", minScore: 65, pd: 0.005 },
    { band: "C", minScore: 50, pd: 0.02 },
    { band: "D", minScore: 35, pd: 0.06 },
    { band: "E", minScore: 0, pd: 0.2 },
  ],
  factors: [
    { key: "debt_ratio", group: "financial", source: "calibrated", direction: "decreasing", edges: [0.5], points: [20, 0], neutral: 10 },
    {
      key: "interest_coverage",
      group: "financial",
      source: "calibrated",
      direction: "increasing",
      edges: [2],
      points: [0, 20],
      neutral: 10,
      neutralValues: [0],
    },
    {
      key: "interest_not_reported",
      group: "financial",
      source: "calibrated",
      direction: "decreasing",
      edges: [1],
      points: [30, 0],
      neutral: 25,
    },
    { key: "avg_days_late", group: "payment", source: "expert", direction: "decreasing", edges: [31], points: [40, 0], neutral: 30 },
  ],
};

describe("format 2 scoring (hand-computed)", () => {
  test("the test model is valid", () => expect(validateModel(F2)).toBeNull());

  test("kept within 0–100 at the top too", () => {
    const rich = { ...F2, neutralScore: 90 };
    expect(scoreCustomer({ debt_ratio: 0.1, avg_days_late: 0, interest_coverage: 9 }, rich).score).toBe(100);
  });

  test.each([
    // nothing known: the neutral score
    [{}, 50],
    // both pool factors given: weight 1. debt 0.4 → +10, coverage 5 → +10; no interest blank → flag 0 → +5
    [{ debt_ratio: 0.4, interest_coverage: 5 }, 75],
    // one pool factor given: weight (1 + ρ)/1 = 1.5. debt 0.4 → +10 × 1.5; no interest column → flag unknown (neutral)
    [{ debt_ratio: 0.4 }, 65],
    [{ debt_ratio: 0.9 }, 35],
    // coverage 0 = no interest expense: neutral and not observed, so debt alone is weighted 1.5; reported → flag 0 (+5)
    [{ debt_ratio: 0.9, interest_coverage: 0 }, 40],
    // expert factors add as they are: 45 days late → −30
    [{ avg_days_late: 45 }, 20],
    // everything given: 50 − 10 − 10 + 5 − 30
    [{ debt_ratio: 0.9, avg_days_late: 45, interest_coverage: 1 }, 5],
    [{ debt_ratio: 0.1, avg_days_late: 0, interest_coverage: 9 }, 85],
    // kept within 0–100: coverage left blank with debt 0.9 → flag (−25); debt alone × 1.5 (−15); late (−30): 50 − 70 → 0
    [{ debt_ratio: 0.9, interest_coverage: NaN, avg_days_late: 45 }, 0],
  ] as [Record<string, number>, number][])("%j → %d", (values, score) => {
    expect(scoreCustomer(values, F2).score).toBeCloseTo(score, 12);
  });

  test("the pool's contributions are shown as they count: points and best points around neutral × weight", () => {
    const r = scoreCustomer({ debt_ratio: 0.9 }, F2);
    const debt = r.contributions[0];
    expect(debt.points).toBeCloseTo(10 + 1.5 * (0 - 10), 12); // −5
    expect(debt.maxPoints).toBeCloseTo(10 + 1.5 * (20 - 10), 12); // 25
    expect(debt.deficit).toBeCloseTo(15, 12); // neutral 10 − (−5): points below an average firm
    expect(r.reasons[0]).toMatchObject({ key: "debt_ratio", deficit: 15 });
    expect(r.contributions[1]).toMatchObject({ key: "interest_coverage", observed: false, value: null, points: 10 });
    const zero = scoreCustomer({ interest_coverage: 0 }, F2).contributions[1];
    expect(zero).toMatchObject({ value: 0, observed: false, points: 10, deficit: 0 });
  });

  test("coverage counts the factors observed (a 'none' value is not observed; the not-reported flag never counts)", () => {
    expect(scoreCustomer({ debt_ratio: 0.4 }, F2).coverage).toBeCloseTo(20 / 80, 12);
    expect(scoreCustomer({ debt_ratio: 0.4, interest_coverage: 0 }, F2).coverage).toBeCloseTo(20 / 80, 12);
    expect(scoreCustomer({ debt_ratio: 0.4, interest_coverage: NaN }, F2).coverage).toBeCloseTo(20 / 80, 12);
    expect(scoreCustomer({ debt_ratio: 0.4, interest_coverage: 3 }, F2).coverage).toBeCloseTo(40 / 80, 12);
  });
});

describe("interest not reported: a blank in a column the user gave, not a column the user lacks", () => {
  const flagOf = (values: Record<string, number>, given: string[]): number => {
    const v = toVector(values);
    return notReportedFlag(v, givenColumns(given), 0.3);
  };
  test.each([
    ["no interest column: unknown", { debt_ratio: 0.8 }, ["debt_ratio"], NaN],
    ["coverage column, blank, debt 0.8: flagged", { debt_ratio: 0.8 }, ["debt_ratio", "interest_coverage"], 1],
    ["interest expense column, blank, debt 0.3 (threshold inclusive): flagged", { debt_ratio: 0.3 }, ["debt_ratio", "interest_expense"], 1],
    ["blank but debt 0.29: not flagged", { debt_ratio: 0.29 }, ["debt_ratio", "interest_coverage"], 0],
    ["blank, debt unknown: unknown", {}, ["interest_coverage"], NaN],
    [
      "coverage 0 (no interest expense) is a report: not flagged",
      { debt_ratio: 0.8, interest_coverage: 0 },
      ["debt_ratio", "interest_coverage"],
      0,
    ],
    ["interest expense 0 is a report: not flagged", { debt_ratio: 0.8, interest_expense: 0 }, ["debt_ratio", "interest_expense"], 0],
    ["coverage reported: not flagged", { debt_ratio: 0.8, interest_coverage: 3 }, ["debt_ratio", "interest_coverage"], 0],
  ])("%s", (_name, values, given, flag) => {
    expect(flagOf(values as Record<string, number>, given as string[])).toBe(flag);
  });

  test("markNotReported follows the model's switch and keeps a flag the user gave", () => {
    const c = compileModel(F2);
    const v = toVector({ debt_ratio: 0.8 });
    markNotReported(c, v, givenColumns(["debt_ratio", "interest_coverage"]));
    expect(v[factorIndex("interest_not_reported")]).toBe(1);
    const off = compileModel({ ...F2, incompleteStatements: { enabled: false, debtRatioMin: 0.3 } });
    const w = toVector({ debt_ratio: 0.8 });
    markNotReported(off, w, givenColumns(["debt_ratio", "interest_coverage"]));
    expect(w[factorIndex("interest_not_reported")]).toBeNaN();
    const u = toVector({ debt_ratio: 0.8, interest_not_reported: 0 });
    markNotReported(c, u, givenColumns(["debt_ratio", "interest_coverage"]));
    expect(u[factorIndex("interest_not_reported")]).toBe(0);
  });

  test("scoreCustomer: a key with a non-finite value is a given column left blank", () => {
    const lacks = scoreCustomer({ debt_ratio: 0.8 }, F2);
    const blank = scoreCustomer({ debt_ratio: 0.8, interest_coverage: NaN }, F2);
    expect(lacks.contributions[2].observed).toBe(false);
    expect(blank.contributions[2]).toMatchObject({ value: 1, points: 0, observed: true });
    expect(blank.score).toBeCloseTo(lacks.score - 25, 12);
    expect(blank.reasons.map((r) => r.key)).toContain("interest_not_reported");
  });

  test("CREDITSCORE: a blank coverage cell is 'not reported' when the table has the column, and its reason has its own text", () => {
    const out = creditScoreCore(
      [
        ["Debt ratio", "Interest coverage"],
        [0.8, ""],
        [0.8, 3],
        [0.8, 0],
      ],
      null,
      "all",
      "en",
      F2,
    );
    if (isEngineError(out)) throw new Error(out.message);
    expect(out[1][4]).toContain("Interest expense not reported despite debt (−25 pts)"); // what it takes off the score (see above)
    expect(out[2][4]).not.toContain("not reported");
    expect(out[3][4]).not.toContain("not reported");
    const without = creditScoreCore([["Debt ratio"], [0.8]], null, "score", "en", F2);
    if (isEngineError(without)) throw new Error(without.message);
    expect(out[1][0]).toBeLessThan(without[1][0] as number);
    const zh = creditScoreCore(
      [
        ["资产负债率", "利息保障倍数"],
        [0.8, ""],
      ],
      null,
      "reasons",
      "zh",
      F2,
    );
    if (isEngineError(zh)) throw new Error(zh.message);
    expect(zh[1][0]).toContain("有负债但未披露利息费用（−25分）");
  });

  test("formatReason: the flag's own text in both languages", () => {
    const r = { key: "interest_not_reported" as const, value: 1, points: 0, maxPoints: 8, deficit: 8 };
    expect(formatReason(r, "en")).toBe("Interest expense not reported despite debt (−8 pts)");
    expect(formatReason(r, "zh")).toBe("有负债但未披露利息费用（−8分）");
  });

  test("scoreVector and contributionsOf agree on the score", () => {
    const c = compileModel(F2);
    const v = new Float64Array(FACTOR_COUNT).fill(NaN);
    v[factorIndex("debt_ratio")] = 0.9;
    v[factorIndex("avg_days_late")] = 0;
    const out = new Float64Array(2);
    scoreVector(c, v, out);
    const sum = contributionsOf(c, v).reduce((t, x, s) => t + x.points - F2.factors[s].neutral, 50);
    expect(out[0]).toBeCloseTo(sum, 12);
  });
});

describe("not-reported points of a fitted factor (a blank in a given column)", () => {
  const NR: ScorecardModel = { ...F2, factors: F2.factors.map((f) => (f.key === "avg_days_late" ? { ...f, notReportedPoints: 5 } : f)) };
  test("given and blank: the not-reported points (and observed, with no value); not given: neutral", () => {
    expect(validateModel(NR)).toBeNull();
    const blank = scoreCustomer({ avg_days_late: NaN }, NR);
    expect(blank.score).toBeCloseTo(50 - 25, 12);
    expect(blank.contributions[3]).toMatchObject({ key: "avg_days_late", value: null, points: 5, observed: true, notReported: true });
    expect(blank.reasons[0]).toMatchObject({ key: "avg_days_late", notReported: true, deficit: 25 }); // neutral 30 − 5
    expect(scoreCustomer({}, NR).score).toBe(50);
    const out = creditScoreCore(
      [
        ["Average days late", "Debt ratio"],
        ["", 0.4],
        [10, 0.4],
      ],
      null,
      "reasons",
      "en",
      NR,
    );
    if (isEngineError(out)) throw new Error(out.message);
    expect(out[1][0]).toBe("Average days late not reported (−25 pts)");
    expect(out[2][0]).toBe(""); // 10 days is the best bin: above an average firm, not a reason
  });
});
