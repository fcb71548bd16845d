import { readFileSync } from "fs";
import * as path from "path";
import {
  DEFAULT_MODEL,
  ScorecardModel,
  neutralScoreOf,
  poolWeight,
  validateModel,
  withIncompleteStatements,
} from "../../../src/engine/scoring/model";
import { TEST_MODEL } from "./fixtures";

const V1: ScorecardModel = JSON.parse(readFileSync(path.resolve(__dirname, "../../fixtures/scoring/scorecard-model.v1.json"), "utf8"));

const clone = (): ScorecardModel => JSON.parse(JSON.stringify(TEST_MODEL));

describe("validateModel", () => {
  test("the bundled model and the test model are valid", () => {
    expect(validateModel(DEFAULT_MODEL)).toBeNull();
    expect(validateModel(TEST_MODEL)).toBeNull();
  });

  test("the bundled model is format 2 (a neutral score within 0–100), its bands run A–E and version 1 (format 1) is still valid", () => {
    expect(DEFAULT_MODEL.neutralScore).toBeGreaterThan(0);
    expect(DEFAULT_MODEL.neutralScore).toBeLessThan(100);
    expect(DEFAULT_MODEL.version).toBe("2.0.0");
    expect(DEFAULT_MODEL.bands.map((b) => b.band)).toEqual(["A", "B", "C", "D", "E"]);
    expect(validateModel(V1)).toBeNull();
    expect(V1.neutralScore).toBeUndefined();
  });

  const cases: [string, (m: ScorecardModel) => void, string][] = [
    ["id", (m) => (m.id = ""), "model.id"],
    ["version", (m) => ((m as unknown as Record<string, unknown>).version = 1), "model.version"],
    ["pd scale", (m) => (m.pd.pointsPerLogOdds = 0), "model.pd.pointsPerLogOdds"],
    ["pd intercept", (m) => (m.pd.logOddsAtZero = NaN), "model.pd.logOddsAtZero"],
    ["horizon", (m) => (m.pd.horizonYears = -1), "model.pd.horizonYears"],
    ["band count", (m) => m.bands.pop(), "model.bands"],
    ["band order", (m) => (m.bands[1].band = "C"), "model.bands[1].band"],
    ["band cut-offs", (m) => (m.bands[2].minScore = 70), "model.bands[2].minScore"],
    ["band E start", (m) => (m.bands[4].minScore = 5), "model.bands[4].minScore"],
    ["band PD range", (m) => (m.bands[0].pd = 0), "model.bands[0].pd"],
    ["band PD order", (m) => (m.bands[3].pd = 0.01), "model.bands[3].pd"],
    ["factor key", (m) => ((m.factors[0] as unknown as Record<string, unknown>).key = "leverage"), "model.factors[0].key"],
    ["duplicate key", (m) => (m.factors[1].key = "debt_ratio"), "model.factors[1] (debt_ratio).key"],
    ["group", (m) => ((m.factors[0] as unknown as Record<string, unknown>).group = "statement"), "model.factors[0] (debt_ratio).group"],
    ["source", (m) => ((m.factors[0] as unknown as Record<string, unknown>).source = "guess"), "model.factors[0] (debt_ratio).source"],
    [
      "direction",
      (m) => ((m.factors[0] as unknown as Record<string, unknown>).direction = "up"),
      "model.factors[0] (debt_ratio).direction",
    ],
    ["edges order", (m) => (m.factors[0].edges = [0.8, 0.5]), "model.factors[0] (debt_ratio).edges"],
    ["points length", (m) => (m.factors[0].points = [30, 0]), "model.factors[0] (debt_ratio).points"],
    ["negative points", (m) => (m.factors[1].points = [-1, 10, 25]), "model.factors[1] (interest_coverage).points"],
    [
      "points against direction",
      (m) => (m.factors[0].points = [0, 15, 30]),
      "model.factors[0] (debt_ratio).points: must be non-increasing",
    ],
    ["neutral outside range", (m) => (m.factors[2].neutral = 50), "model.factors[2] (avg_days_late).neutral"],
    ["total points", (m) => (m.factors[2].points = [40, 20, 0]), "add up to 95"],
  ];
  test.each(cases)("bad %s is named", (_name, mutate, field) => {
    const m = clone();
    mutate(m);
    const e = validateModel(m);
    expect(e).not.toBeNull();
    expect(e!.code).toBe("VALUE");
    expect(e!.message).toContain(field);
  });

  // Malformed models as a hand-edited JSON or a future model editor might produce: exact messages.
  type Loose = Record<string, unknown> & { pd: Record<string, unknown>; bands: unknown[]; factors: Array<Record<string, unknown>> };
  const exact: [string, (m: Loose) => void, string][] = [
    [
      "pd section missing",
      (m) => delete (m as Record<string, unknown>).pd,
      "model.pd: expected { logOddsAtZero, pointsPerLogOdds, horizonYears }.",
    ],
    ["pd section as a number", (m) => (m.pd = 5 as never), "model.pd: expected { logOddsAtZero, pointsPerLogOdds, horizonYears }."],
    ["pd intercept Infinity", (m) => (m.pd.logOddsAtZero = -Infinity), "model.pd.logOddsAtZero: expected a number."],
    ["pd scale negative", (m) => (m.pd.pointsPerLogOdds = -10), "model.pd.pointsPerLogOdds: expected a positive number."],
    ["horizon as text", (m) => (m.pd.horizonYears = "5"), "model.pd.horizonYears: expected a positive number."],
    ["bands not a list", (m) => (m.bands = { A: 80 } as never), "model.bands: expected 5 bands A–E."],
    ["six bands", (m) => m.bands.push({ band: "F", minScore: 0, pd: 0.5 }), "model.bands: expected 5 bands A–E."],
    ["a band that is null", (m) => (m.bands[1] = null), "model.bands[1]: expected { band, minScore, pd }."],
    ["a band that is a letter", (m) => (m.bands[0] = "A"), "model.bands[0]: expected { band, minScore, pd }."],
    [
      "band letter in lower case",
      (m) => ((m.bands[0] as Record<string, unknown>).band = "a"),
      'model.bands[0].band: expected "A" (bands run A, B, C, D, E).',
    ],
    [
      "minScore above 100",
      (m) => ((m.bands[0] as Record<string, unknown>).minScore = 101),
      "model.bands[0].minScore: expected a number from 0 to 100.",
    ],
    [
      "minScore negative",
      (m) => ((m.bands[4] as Record<string, unknown>).minScore = -1),
      "model.bands[4].minScore: expected a number from 0 to 100.",
    ],
    [
      "minScore NaN",
      (m) => ((m.bands[2] as Record<string, unknown>).minScore = NaN),
      "model.bands[2].minScore: expected a number from 0 to 100.",
    ],
    [
      "minScore as text",
      (m) => ((m.bands[1] as Record<string, unknown>).minScore = "65"),
      "model.bands[1].minScore: expected a number from 0 to 100.",
    ],
    [
      "two bands with the same cut-off",
      (m) => ((m.bands[1] as Record<string, unknown>).minScore = 80),
      "model.bands[1].minScore: must be below band A's minScore.",
    ],
    [
      "PD of 1",
      (m) => ((m.bands[4] as Record<string, unknown>).pd = 1),
      "model.bands[4].pd: expected a probability between 0 and 1 (exclusive).",
    ],
    [
      "PD as a percentage",
      (m) => ((m.bands[2] as Record<string, unknown>).pd = 2),
      "model.bands[2].pd: expected a probability between 0 and 1 (exclusive).",
    ],
    [
      "PD NaN",
      (m) => ((m.bands[0] as Record<string, unknown>).pd = NaN),
      "model.bands[0].pd: expected a probability between 0 and 1 (exclusive).",
    ],
    [
      "PD falling from C to D",
      (m) => ((m.bands[3] as Record<string, unknown>).pd = 0.019),
      "model.bands[3].pd: must not be below band C's PD.",
    ],
    ["no factors", (m) => (m.factors = []), "model.factors: expected a non-empty list."],
    ["factors missing", (m) => delete (m as Record<string, unknown>).factors, "model.factors: expected a non-empty list."],
    ["a factor that is null", (m) => (m.factors[1] = null as never), "model.factors[1]: expected a factor object."],
    ["a factor key missing", (m) => delete m.factors[0].key, 'model.factors[0].key: "undefined" is not a canonical factor key.'],
    [
      "a statement-only group",
      (m) => (m.factors[2].group = "statement"),
      "model.factors[2] (avg_days_late).group: expected one of financial, payment, profile, risk.",
    ],
    ["edges missing", (m) => delete m.factors[1].edges, "model.factors[1] (interest_coverage).edges: expected a list of numbers."],
    ["edges with text", (m) => (m.factors[1].edges = [1, "3"]), "model.factors[1] (interest_coverage).edges: expected a list of numbers."],
    ["edges with NaN", (m) => (m.factors[1].edges = [1, NaN]), "model.factors[1] (interest_coverage).edges: expected a list of numbers."],
    [
      "edges with Infinity",
      (m) => (m.factors[1].edges = [1, Infinity]),
      "model.factors[1] (interest_coverage).edges: expected a list of numbers.",
    ],
    ["equal edges", (m) => (m.factors[2].edges = [1, 1]), "model.factors[2] (avg_days_late).edges: must be strictly ascending (edge 1)."],
    [
      "points missing",
      (m) => delete m.factors[0].points,
      "model.factors[0] (debt_ratio).points: expected 3 numbers (one more than edges).",
    ],
    [
      "points one too many",
      (m) => (m.factors[0].points = [30, 20, 10, 0]),
      "model.factors[0] (debt_ratio).points: expected 3 numbers (one more than edges).",
    ],
    [
      "points NaN",
      (m) => (m.factors[0].points = [30, NaN, 0]),
      "model.factors[0] (debt_ratio).points: every point value must be a number ≥ 0.",
    ],
    [
      "increasing factor with falling points",
      (m) => (m.factors[1].points = [0, 25, 10]),
      "model.factors[1] (interest_coverage).points: must be non-decreasing (bin 2).",
    ],
    ["neutral missing", (m) => delete m.factors[0].neutral, "model.factors[0] (debt_ratio).neutral: expected a number between 0 and 30."],
    [
      "neutral below the lowest points",
      (m) => (m.factors[1].neutral = -1),
      "model.factors[1] (interest_coverage).neutral: expected a number between 0 and 25.",
    ],
    [
      "maximum points add up to more than 100",
      (m) => (m.factors[2].points = [50, 20, 0]),
      "model.factors: the maximum points add up to 105, expected 100.",
    ],
  ];
  test.each(exact)("%s → exact message", (_name, mutate, message) => {
    const m = clone() as unknown as Loose;
    mutate(m);
    expect(validateModel(m)).toEqual({ kind: "EngineError", code: "VALUE", message });
  });

  test.each([
    ["maximum points within 0.01 of 100", (m: ScorecardModel) => (m.factors[2].points = [45.005, 20, 0])],
    [
      "a factor without edges (one bin)",
      (m: ScorecardModel) => {
        m.factors[2] = { ...m.factors[2], edges: [], points: [45], neutral: 45 };
      },
    ],
    ["flat points", (m: ScorecardModel) => (m.factors[1].points = [0, 25, 25])],
    ["equal PDs for neighbouring bands", (m: ScorecardModel) => (m.bands[1].pd = m.bands[0].pd)],
  ])("accepts %s", (_name, mutate) => {
    const m = clone();
    mutate(m);
    expect(validateModel(m)).toBeNull();
  });

  // Format 2 fields: the neutral score, "none" values, the incomplete-statements switch and the pool.
  const F2 = (): Loose => ({
    ...(clone() as unknown as Loose),
    neutralScore: 45,
    incompleteStatements: { enabled: false, debtRatioMin: 0.3 },
    pool: { factors: ["debt_ratio", "interest_coverage"], correlation: 0.4 },
  });
  test.each<[string, (m: Loose) => void, string]>([
    ["neutral score above 100", (m) => (m.neutralScore = 101), "model.neutralScore: expected a number from 0 to 100."],
    ["neutral score as text", (m) => (m.neutralScore = "45"), "model.neutralScore: expected a number from 0 to 100."],
    [
      "no factor can earn points",
      (m) => m.factors.forEach((f) => ((f.points = (f.points as number[]).map(() => 0)), (f.neutral = 0))),
      "model.factors: no factor can earn points.",
    ],
    [
      "none values with text",
      (m) => (m.factors[1].neutralValues = ["0"]),
      "model.factors[1] (interest_coverage).neutralValues: expected a list of numbers.",
    ],
    [
      "negative not-reported points",
      (m) => (m.factors[0].notReportedPoints = -1),
      "model.factors[0] (debt_ratio).notReportedPoints: expected a number ≥ 0.",
    ],
    [
      "switch not a boolean",
      (m) => (m.incompleteStatements = { enabled: "yes", debtRatioMin: 0.3 }),
      "model.incompleteStatements: expected { enabled: true/false, debtRatioMin }.",
    ],
    [
      "negative debt threshold",
      (m) => (m.incompleteStatements = { enabled: false, debtRatioMin: -1 }),
      "model.incompleteStatements.debtRatioMin: expected a debt ratio of 0 or more.",
    ],
    [
      "switched on without the factor",
      (m) => (m.incompleteStatements = { enabled: true, debtRatioMin: 0.3 }),
      "model.incompleteStatements: enabled, but the model has no interest_not_reported factor.",
    ],
    [
      "pool without factors",
      (m) => (m.pool = { factors: [], correlation: 0.4 }),
      "model.pool: expected { factors: [keys of the model's factors], correlation }.",
    ],
    [
      "pool naming a factor the model lacks",
      (m) => (m.pool = { factors: ["roa"], correlation: 0.4 }),
      'model.pool.factors: "roa" is not a factor of the model, or appears twice.',
    ],
    [
      "pool naming a factor twice",
      (m) => (m.pool = { factors: ["debt_ratio", "debt_ratio"], correlation: 0.4 }),
      'model.pool.factors: "debt_ratio" is not a factor of the model, or appears twice.',
    ],
    [
      "pool correlation of 1",
      (m) => (m.pool = { factors: ["debt_ratio"], correlation: 1 }),
      "model.pool.correlation: expected a number from 0 to below 1.",
    ],
  ])("format 2: %s → exact message", (_name, mutate, message) => {
    const m = F2();
    mutate(m);
    expect(validateModel(m)).toEqual({ kind: "EngineError", code: "VALUE", message });
  });

  test("format 2: the maximum points need not add up to 100; the neutral score is the model's or the sum of neutral points", () => {
    const m = F2();
    (m.factors[2] as Record<string, unknown>).points = [50, 20, 0];
    expect(validateModel(m)).toBeNull();
    expect(neutralScoreOf(m as unknown as ScorecardModel)).toBe(45);
    expect(neutralScoreOf(TEST_MODEL)).toBe(15 + 10 + 20);
  });

  test("withIncompleteStatements: the policy switch returns a switched copy; the model itself is untouched", () => {
    const on = F2() as unknown as ScorecardModel;
    on.factors.push({
      key: "interest_not_reported",
      group: "financial",
      source: "calibrated",
      direction: "decreasing",
      edges: [1],
      points: [10, 0],
      neutral: 10,
    });
    on.incompleteStatements = { enabled: true, debtRatioMin: 0.3 };
    const off = withIncompleteStatements(on, false);
    expect(off.incompleteStatements).toEqual({ enabled: false, debtRatioMin: 0.3 });
    expect(on.incompleteStatements.enabled).toBe(true);
    expect(withIncompleteStatements(on, true)).toBe(on);
    expect(withIncompleteStatements(TEST_MODEL, true)).toBe(TEST_MODEL); // no such factor: unchanged
  });

  test("poolWeight: Spearman–Brown, 1 with every factor given, 1/m × n for ρ → 1, 1 for ρ = 0, 0 with none given", () => {
    expect(poolWeight(6, 6, 0.4)).toBe(1);
    expect(poolWeight(6, 3, 0.4)).toBeCloseTo((1 + 5 * 0.4) / (1 + 2 * 0.4), 14);
    expect(poolWeight(6, 3, 0)).toBe(1);
    expect(poolWeight(6, 2, 0.999999)).toBeCloseTo(3, 4);
    expect(poolWeight(6, 0, 0.4)).toBe(0);
  });

  test("non-objects are rejected", () => {
    expect(validateModel(null)!.message).toContain("model");
    expect(validateModel("x")!.code).toBe("VALUE");
  });
});
