import { STAGE_MIN_DEFAULTS, fitHistory, stageFor, stageRefusal } from "../../../src/engine/calibration/history-fit";
import { sampleRows, type Sample } from "../../../src/engine/calibration/sample";
import { scoreSample } from "../../../src/engine/calibration/evaluation";
import { isEngineError, type EngineError } from "../../../src/engine/errors";
import { DEFAULT_MODEL, validateModel } from "../../../src/engine/scoring/model";
import { NOT_REPORTED, pdOf, scoreCustomer } from "../../../src/engine/scoring/score";
import { formatReason } from "../../../src/engine/scoring/reasons";
import { syntheticHistory } from "../../../bench/scoring";

const history = syntheticHistory(1500, 9); // about 8 % defaults, 3 % blanks, every canonical ratio
const defaults = history.label.reduce((a, b) => a + b, 0);
const ok = <T>(r: T | EngineError): T => {
  if (isEngineError(r)) throw new Error(r.message);
  return r;
};
/** The first rows of the history holding exactly `d` defaults. */
function withDefaults(d: number): Sample {
  const rows: number[] = [];
  let seen = 0;
  for (let i = 0; i < history.n; i++) {
    if (history.label[i] === 1) {
      if (seen === d) continue;
      seen++;
    }
    rows.push(i);
  }
  return sampleRows(history, rows);
}

describe("stage minimums: a stage is refused below its defaults, saying how many it needs", () => {
  test("the stage a number of defaults allows", () => {
    expect([0, 24, 25, 99, 100].map(stageFor)).toEqual(["levels", "levels", "weights", "weights", "full"]);
    expect(STAGE_MIN_DEFAULTS).toEqual({ levels: 0, weights: 25, full: 100 });
  });
  test("weights with 24 defaults, full with 99: refused, in English and Chinese", () => {
    const w = fitHistory(DEFAULT_MODEL, withDefaults(24), { stage: "weights" }, "en");
    expect(w).toEqual(stageRefusal("weights", 24, "en"));
    expect(isEngineError(w) && w.message).toBe(
      "Refitting the factor weights needs at least 25 defaults in the history; it has 24. Fit the band cut-offs and PD levels instead (stage 1), or add history.",
    );
    const f = fitHistory(DEFAULT_MODEL, withDefaults(99), { stage: "full" }, "zh");
    expect(isEngineError(f) && f.message).toBe(
      "完全重新拟合（分箱与权重）至少需要 100 个违约样本，当前历史数据只有 99 个；可先重新拟合权重（第 2 阶段，需 25 个违约样本），或补充历史数据。",
    );
    expect(isEngineError(fitHistory(DEFAULT_MODEL, withDefaults(25), { stage: "weights" }, "en"))).toBe(false);
  });
  test("levels without defaults needs an expected default rate; a rate must be a share", () => {
    const none = withDefaults(0);
    expect(
      isEngineError(fitHistory(DEFAULT_MODEL, none, { stage: "levels" }, "en")) &&
        (fitHistory(DEFAULT_MODEL, none, { stage: "levels" }, "en") as EngineError).message,
    ).toMatch(/no defaults: give the portfolio's expected 12-month default rate/);
    expect((fitHistory(DEFAULT_MODEL, none, { stage: "levels", expectedDefaultRate: 2 }, "en") as EngineError).message).toMatch(
      /share between 0 and 1/,
    );
    const r = ok(fitHistory(DEFAULT_MODEL, none, { stage: "levels", expectedDefaultRate: 0.02 }, "en"));
    expect(r.cv.measurable).toBe(false);
    expect(r.better).toBe(true);
    // the portfolio's mean 12-month PD is the expected rate
    const sc = scoreSample(none, r.model).score;
    expect(Array.from(sc).reduce((t, s) => t + pdOf(s, r.model), 0) / none.n).toBeCloseTo(0.02, 3);
  });
  test("empty histories, all defaults, and histories without a factor column are refused", () => {
    expect(isEngineError(fitHistory(DEFAULT_MODEL, { n: 0, columns: {}, label: new Uint8Array(0) }, { stage: "levels" }, "en"))).toBe(true);
    expect(
      (
        fitHistory(
          DEFAULT_MODEL,
          { n: 2, columns: { debt_ratio: Float64Array.from([0.1, 0.2]) }, label: Uint8Array.from([1, 1]) },
          { stage: "levels" },
          "en",
        ) as EngineError
      ).message,
    ).toMatch(/Every row of the history is a default/);
    expect(
      (
        fitHistory(
          DEFAULT_MODEL,
          { n: 2, columns: { total_assets: Float64Array.from([1, 2]) }, label: Uint8Array.from([0, 1]) },
          { stage: "levels" },
          "zh",
        ) as EngineError
      ).message,
    ).toBe("历史数据中没有任何列是模型的因素。");
  });
});

/** The shipped calibration sample's share in bands D–E (training rows). */
const SHIPPED_DE = (() => {
  const sh = (DEFAULT_MODEL.calibration as { bandShares: number[] }).bandShares;
  return sh[3] + sh[4];
})();
/** Share of a fit's healthy history rows in bands D–E. */
const healthyDE = (r: { bands: { n: number; defaults: number }[] }): number => {
  const healthy = r.bands.map((b) => b.n - b.defaults);
  return (healthy[3] + healthy[4]) / healthy.reduce((a, b) => a + b, 0);
};

describe("the three stages", () => {
  test(`levels: points unchanged, the mean 12-month PD is the default rate, bands set on the portfolio (${defaults} defaults)`, () => {
    const r = ok(fitHistory(DEFAULT_MODEL, history, { stage: "levels" }, "en"));
    expect(r.model.factors).toEqual(DEFAULT_MODEL.factors);
    const sc = scoreSample(history, r.model).score;
    expect(Array.from(sc).reduce((t, s) => t + pdOf(s, r.model), 0) / history.n).toBeCloseTo(defaults / history.n, 3);
    // D–E hold about the shipped calibration sample's share (15.5 %) of the portfolio
    expect((r.bands[3].n + r.bands[4].n) / history.n).toBeCloseTo(0.155, 1);
    // … exactly that share of its healthy customers (bandsOnHealthy below)
    expect(healthyDE(r)).toBeCloseTo(SHIPPED_DE, 2);
    expect(r.cv.fitted.auc).toBeCloseTo(r.cv.shipped.auc, 4); // the ranking is the shipped one
  });
  test("weights: never below 0 (a refit never turns a factor against its direction); the model is valid", () => {
    const r = ok(fitHistory(DEFAULT_MODEL, history, { stage: "weights" }, "en"));
    for (const w of Object.values(r.weights)) expect(w).toBeGreaterThanOrEqual(0);
    expect(validateModel(r.model)).toBeNull();
    expect(r.model.factors.map((f) => f.key)).toEqual(DEFAULT_MODEL.factors.map((f) => f.key));
  });
  test("weights: a factor whose history runs against its direction is held at weight 0, never negative", () => {
    // a history where low debt ratios default most: the shipped direction says the opposite
    const ratio = Float64Array.from({ length: 2000 }, (_, i) => ((i * 37) % 100) / 100);
    const label = Uint8Array.from(ratio, (d, i) => ((d < 0.41 ? i % 4 === 0 : i % 40 === 0) ? 1 : 0));
    const flipped: Sample = {
      n: 2000,
      label,
      columns: { debt_ratio: ratio, quick_ratio: Float64Array.from(ratio, (_, i) => 0.5 + (i % 7) / 4) },
    };
    const r = ok(fitHistory(DEFAULT_MODEL, flipped, { stage: "weights" }, "en"));
    expect(r.weights.debt_ratio).toBe(0);
    const debt = r.model.factors.find((f) => f.key === "debt_ratio")!;
    expect(debt.points.every((pt) => pt === debt.points[0])).toBe(true);
    expect(validateModel(r.model)).toBeNull();
  });

  test("full: bins refitted monotone in each factor's direction, canonical ratios the history gives join, blanks get their own points where supported", () => {
    const r = ok(fitHistory(DEFAULT_MODEL, history, { stage: "full" }, "en"));
    expect(validateModel(r.model)).toBeNull(); // points monotone in each direction
    // canonical ratios the shipped model does not score join the fit (roa joined with a weight of 0.003 under the former
    // ridge 0.01 and is left out at FULL_REFIT_RIDGE; working capital, current ratio, turnover, margins and growth join)
    const shipped = new Set(DEFAULT_MODEL.factors.map((f) => f.key));
    const joined = r.model.factors.filter((f) => !shipped.has(f.key) && f.points.some((pt) => pt !== f.points[0]));
    expect(joined.length).toBeGreaterThanOrEqual(5);
    expect(joined.map((f) => f.key)).toContain("working_capital_to_assets");
    expect(r.model.pool).toBeUndefined();
    expect(r.cv.fitted.auc).toBeGreaterThan(r.cv.shipped.auc); // the synthetic history rewards its own weights
    expect(r.better).toBe(true);
  });
  test("cross-validation is deterministic: same seed, same model and figures; another seed, other folds", () => {
    const a = ok(fitHistory(DEFAULT_MODEL, history, { stage: "full", seed: 3 }, "en"));
    const b = ok(fitHistory(DEFAULT_MODEL, history, { stage: "full", seed: 3 }, "en"));
    expect(JSON.stringify(b.model)).toBe(JSON.stringify(a.model));
    expect(b.cv).toEqual(a.cv);
    expect(ok(fitHistory(DEFAULT_MODEL, history, { stage: "full", seed: 4 }, "en")).cv.fitted.auc).not.toBe(a.cv.fitted.auc);
  });
  test("a fit that does worse than the shipped model says so (better = false)", () => {
    // labels unrelated to the factors: a refit cannot beat the shipped ranking out of fold
    const noise: Sample = { ...history, label: Uint8Array.from(history.label, (_, i) => ((i * 7919) % 13 === 0 ? 1 : 0)) };
    const r = ok(fitHistory(DEFAULT_MODEL, noise, { stage: "weights" }, "en"));
    expect(r.better).toBe(r.cv.fitted.auc >= r.cv.shipped.auc);
  });
});

describe("not-reported points: a blank in a given column of a fitted factor", () => {
  // Debt ratio left blank by a third of the defaulters and by 2 % of the others: a blank that says something.
  const debt = Float64Array.from(history.columns.debt_ratio!, (x, i) =>
    (history.label[i] === 1 && i % 3 === 0) || i % 50 === 0 ? NaN : x,
  );
  const telling: Sample = { ...history, columns: { ...history.columns, debt_ratio: debt } };
  test("scores the factor's not-reported points, shows as a reason, and a column the table lacks stays neutral", () => {
    const m = ok(fitHistory(DEFAULT_MODEL, telling, { stage: "full" }, "en")).model;
    const f = m.factors.find((x) => x.key === "debt_ratio")!;
    expect(f.notReportedPoints).toBeDefined();
    expect(f.notReportedPoints!).toBeLessThan(f.neutral); // a blank here is riskier than not knowing
    const given = scoreCustomer({ [f.key]: NaN }, m);
    const lacks = scoreCustomer({}, m);
    const slot = m.factors.indexOf(f);
    expect(given.contributions[slot]).toMatchObject({ notReported: true, value: null, points: f.notReportedPoints });
    expect(lacks.contributions[slot].points).toBe(f.neutral);
    expect(given.score).toBeLessThan(lacks.score);
    expect(given.reasons[0]).toMatchObject({ key: "debt_ratio", notReported: true });
    expect(formatReason(given.reasons[0], "en")).toMatch(/^Debt ratio not reported \(−\d+ pts?\)$/);
    expect(formatReason(given.reasons[0], "zh")).toMatch(/^资产负债率未填报（−\d+分）$/);
    expect(NOT_REPORTED).toBe(-Number.MAX_VALUE);
  });
});

describe("bands on the healthy customers: D–E holds the shipped sample's share of them, and the defaults fall where the scores put them", () => {
  test.each(["levels", "full"] as const)("%s: D–E holds 15.5 %% of the healthy rows; a riskier history has a larger D–E", (stage) => {
    const r = ok(fitHistory(DEFAULT_MODEL, history, { stage }, "en"));
    expect(Math.abs(healthyDE(r) - SHIPPED_DE)).toBeLessThan(0.005);
    // the defaults come on top: D–E is more than 15.5 % of all rows (the former rule cut 15.5 % of all rows)
    expect((r.bands[3].n + r.bands[4].n) / history.n).toBeGreaterThan(SHIPPED_DE + 0.02);
  });
  test("a fitted model as the base of another fit cuts its bands at the same healthy shares (no drift from fit to fit)", () => {
    const first = ok(fitHistory(DEFAULT_MODEL, history, { stage: "full" }, "en"));
    const shares = (first.model.calibration as { healthyBandShares: number[] }).healthyBandShares;
    const healthy = first.bands.map((b) => b.n - b.defaults);
    expect(shares).toEqual(healthy.map((x) => Math.round((x / (history.n - defaults)) * 1e4) / 1e4));
    const again = ok(fitHistory(first.model, history, { stage: "levels" }, "en"));
    expect(Math.abs(healthyDE(again) - healthyDE(first))).toBeLessThan(0.005);
  });
});

describe("full refit: the incomplete-statements flag gets a weight on its shipped points, never below 0", () => {
  const flagPoints = DEFAULT_MODEL.factors.find((f) => f.key === "interest_not_reported")!.points;
  /** The history with interest coverage left blank where `blank(i)` says. */
  const withBlanks = (blank: (i: number) => boolean): Sample => ({
    ...history,
    columns: {
      ...history.columns,
      interest_coverage: Float64Array.from(history.columns.interest_coverage!, (x, i) => (blank(i) ? NaN : x)),
    },
  });
  const debt = history.columns.debt_ratio!;
  test("a blank that says something: a weight above 0, the points scaled by it", () => {
    // half the defaulters with debt leave interest blank, and 2 % of the others
    const telling = withBlanks((i) => debt[i] >= 0.3 && ((history.label[i] === 1 && i % 2 === 0) || i % 50 === 0));
    const r = ok(fitHistory(DEFAULT_MODEL, telling, { stage: "full" }, "en"));
    const w = r.weights.interest_not_reported!;
    expect(w).toBeGreaterThan(0);
    const f = r.model.factors.find((x) => x.key === "interest_not_reported")!;
    expect(f.points).toEqual(flagPoints.map((pt) => Math.round(pt * w * 100) / 100));
    expect(f.points).not.toEqual(flagPoints);
    expect(validateModel(r.model)).toBeNull();
  });
  test("a blank that marks safer customers: held at weight 0 (no points either way), never negative", () => {
    const safer = withBlanks((i) => debt[i] >= 0.3 && history.label[i] === 0 && i % 5 === 0);
    const r = ok(fitHistory(DEFAULT_MODEL, safer, { stage: "full" }, "en"));
    expect(r.weights.interest_not_reported).toBe(0);
    const f = r.model.factors.find((x) => x.key === "interest_not_reported")!;
    expect(f.points.every((pt) => pt === 0)).toBe(true);
    expect(validateModel(r.model)).toBeNull();
  });
});
