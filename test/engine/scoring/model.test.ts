import { DEFAULT_MODEL, ScorecardModel, validateModel } from "../../../src/engine/scoring/model";
import { TEST_MODEL } from "./fixtures";

const clone = (): ScorecardModel => JSON.parse(JSON.stringify(TEST_MODEL));

describe("validateModel", () => {
  test("the bundled model and the test model are valid", () => {
    expect(validateModel(DEFAULT_MODEL)).toBeNull();
    expect(validateModel(TEST_MODEL)).toBeNull();
  });

  test("the bundled model's maximum points add up to 100 and bands run A–E", () => {
    const total = DEFAULT_MODEL.factors.reduce((s, f) => s + Math.max(...f.points), 0);
    expect(total).toBeCloseTo(100, 6);
    expect(DEFAULT_MODEL.bands.map((b) => b.band)).toEqual(["A", "B", "C", "D", "E"]);
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
    ["direction", (m) => ((m.factors[0] as unknown as Record<string, unknown>).direction = "up"), "model.factors[0] (debt_ratio).direction"],
    ["edges order", (m) => (m.factors[0].edges = [0.8, 0.5]), "model.factors[0] (debt_ratio).edges"],
    ["points length", (m) => (m.factors[0].points = [30, 0]), "model.factors[0] (debt_ratio).points"],
    ["negative points", (m) => (m.factors[1].points = [-1, 10, 25]), "model.factors[1] (interest_coverage).points"],
    ["points against direction", (m) => (m.factors[0].points = [0, 15, 30]), "model.factors[0] (debt_ratio).points: must be non-increasing"],
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

  test("non-objects are rejected", () => {
    expect(validateModel(null)!.message).toContain("model");
    expect(validateModel("x")!.code).toBe("VALUE");
  });
});
