import { readFileSync } from "fs";
import * as path from "path";
import { FINANCIAL_FACTORS, calibrate } from "../../../src/engine/calibration/fit";
import { buildModel, scoreAtPd } from "../../../src/engine/calibration/scaling";
import { EXPERT_FACTORS } from "../../../src/engine/calibration/expert";
import { Sample, sampleRows, withDerivedRatios } from "../../../src/engine/calibration/sample";
import { isEngineError } from "../../../src/engine/errors";
import { validateModel, withIncompleteStatements } from "../../../src/engine/scoring/model";
import { horizonPdOf, pdOf, scoreCustomer } from "../../../src/engine/scoring/score";
import { annualPd, giniAt, horizonSlope, probit } from "../../../src/engine/calibration/pd";
import { scoreSample } from "../../../src/engine/calibration/evaluation";
import { readArff } from "../../../scripts/lib/dataset";

const FIXTURE = path.resolve(__dirname, "../../fixtures/scoring/synthetic-polish.arff");
const load = (): Sample => {
  const ds = readArff(readFileSync(FIXTURE, "utf8"));
  if (typeof ds === "string") throw new Error(ds);
  return ds;
};
const OPTS = { seed: 11, trainShare: 0.7, horizonYears: 5, dataName: "synthetic-polish.arff", version: "0.0.0-test" };

describe("the calibration pipeline on a small synthetic sample", () => {
  const res = calibrate(load(), OPTS);
  if (isEngineError(res)) throw new Error(res.message);

  test("it produces a valid model with calibrated financial and expert factors", () => {
    expect(validateModel(res.model)).toBeNull();
    const fin = res.model.factors.filter((f) => f.source === "calibrated").map((f) => f.key);
    expect(fin.length).toBeGreaterThanOrEqual(3);
    expect(fin.every((k) => k === "interest_not_reported" || FINANCIAL_FACTORS.some((f) => f.key === k))).toBe(true);
    expect(res.model.factors.filter((f) => f.source === "expert").map((f) => f.key)).toContain("avg_days_late");
    expect(res.model.version).toBe("0.0.0-test");
    expect(res.trainRows.length).toBe(420);
    expect(res.validationRows.length).toBe(180);
    for (const c of Object.values(res.coefficients)) expect(c.beta).toBeGreaterThan(0);
  });

  test("it separates the synthetic defaulters", () => {
    expect(res.train.auc).toBeGreaterThan(0.75);
    expect(res.validation.auc).toBeGreaterThan(0.7);
  });

  test("determinism: same sample and seed → the identical model; another seed → another split", () => {
    const again = calibrate(load(), OPTS);
    const other = calibrate(load(), { ...OPTS, seed: 12 });
    if (isEngineError(again) || isEngineError(other)) throw new Error("calibration failed");
    expect(JSON.stringify(again.model)).toBe(JSON.stringify(res.model));
    expect(other.validationRows).not.toEqual(res.validationRows);
  });

  test("samples that cannot be calibrated give an error value, not an exception", () => {
    const s = load();
    const healthy = sampleRows(
      s,
      Array.from({ length: s.n }, (_, i) => i).filter((i) => s.label[i] === 0),
    );
    const r1 = calibrate(healthy, OPTS);
    expect(isEngineError(r1) && r1.message).toMatch(/needs both defaulters and healthy rows \(it has 0 defaulters among \d+ rows\)/);
    const r2 = calibrate({ n: 0, columns: {}, label: new Uint8Array(0) }, OPTS);
    expect(isEngineError(r2) && r2.message).toMatch(/no rows/);
    const r3 = calibrate({ ...s, columns: { debt_ratio: new Float64Array(s.n).fill(0.5) } }, OPTS);
    expect(isEngineError(r3) && r3.message).toMatch(/no factor column of the sample can be binned/);
  });
});

describe("format 2: 12-month scale, incomplete statements, pool, monitoring", () => {
  const res = calibrate(load(), OPTS);
  if (isEngineError(res)) throw new Error(res.message);
  const m = res.model;

  test("a five-year label is steepened by the horizon slope; the model's PDs are 12-month PDs on the fixed scale", () => {
    expect(res.horizonSlope).toBeCloseTo(horizonSlope(5), 12);
    expect(m.pd.horizonYears).toBe(1);
    expect(m.bands.map((b) => b.minScore)).toEqual([75, 65.2, 53.3, 40, 0]);
    expect(pdOf(40, m)).toBeCloseTo(0.05, 6);
    expect(pdOf(75, m)).toBeCloseTo(0.002, 6);
  });

  test("the neutral score is the score of a customer of whom nothing is known", () => {
    expect(scoreCustomer({}, m).score).toBeCloseTo(m.neutralScore!, 9);
  });

  test("calibration in the large: the training rows' mean 12-month PD, the flag set aside, is their default rate per year", () => {
    const s = load();
    const sc = scoreSample(s, withIncompleteStatements(m, false));
    const meanPd = res.trainRows.reduce((t, i) => t + pdOf(sc.score[i], m), 0) / res.trainRows.length;
    const rate = res.trainRows.reduce((t, i) => t + s.label[i], 0) / res.trainRows.length;
    expect(meanPd).toBeCloseTo(annualPd(rate, 5), 3);
  });

  test("the financial factors form a pool with their average WoE correlation; the training score distribution is kept for the PSI", () => {
    expect(m.pool?.factors).toEqual(Object.keys(res.coefficients));
    expect(m.pool!.correlation).toBeGreaterThan(0);
    expect(m.pool!.correlation).toBeLessThan(1);
    const dist = (m.calibration as { scoreDistribution: { edges: number[]; shares: number[] } }).scoreDistribution;
    expect(dist.edges).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(dist.shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
  });

  test("incomplete statements: fitted when blanks are flagged; the switch follows the validation AUC unless forced", () => {
    const inc = res.incompleteStatements!;
    expect(inc.flaggedTrain).toBeGreaterThan(0);
    expect(inc.coefficient).toBeGreaterThan(0);
    expect(m.incompleteStatements).toEqual({ enabled: inc.validationAucWith > inc.validationAucWithout, debtRatioMin: 0.3 });
    expect(m.factors.some((f) => f.key === "interest_not_reported")).toBe(true);
    const on = calibrate(load(), { ...OPTS, incompleteStatements: "on" });
    const off = calibrate(load(), { ...OPTS, incompleteStatements: "off" });
    if (isEngineError(on) || isEngineError(off)) throw new Error("calibration failed");
    expect(on.model.incompleteStatements?.enabled).toBe(true);
    expect(off.incompleteStatements).toBeNull();
    expect(off.model.incompleteStatements).toBeUndefined();
    expect(off.model.factors.some((f) => f.key === "interest_not_reported")).toBe(false);
  });

  test("interest coverage 0 means no interest expense: a 'none' value of the factor", () => {
    expect(m.factors.find((f) => f.key === "interest_coverage")?.neutralValues).toEqual([0]);
  });
});

describe("horizon conversion", () => {
  test("probit: known quantiles", () => {
    expect(probit(0.975)).toBeCloseTo(1.959964, 5);
    expect(probit(0.5)).toBe(0);
    expect(probit(0.001)).toBeCloseTo(-3.090232, 5);
    expect(probit(0.999)).toBeCloseTo(3.090232, 5);
    expect(probit(0)).toBeNaN();
    expect(probit(1)).toBeNaN();
  });
  test("Gini by horizon: the table's values, linear in between, flat beyond", () => {
    expect([giniAt(1), giniAt(3), giniAt(5), giniAt(7)]).toEqual([0.826, 0.754, 0.716, 0.691]);
    expect(giniAt(4)).toBeCloseTo(0.735, 12);
    expect(giniAt(0.5)).toBe(0.826);
    expect(giniAt(10)).toBe(0.691);
  });
  test("horizon slope: Φ⁻¹(AUC₁) / Φ⁻¹(AUC_h); 1 for a one-year label, about 1.27 for five years", () => {
    expect(horizonSlope(1)).toBe(1);
    expect(horizonSlope(0.5)).toBe(1);
    expect(horizonSlope(5)).toBeCloseTo(probit((1 + 0.826) / 2) / probit((1 + 0.716) / 2), 12);
    expect(horizonSlope(5)).toBeCloseTo(1.269, 3);
  });
});

describe("points scaling", () => {
  const input = {
    id: "t",
    version: "0",
    description: "t",
    intercept: 2,
    horizonYears: 1,
    factors: [
      {
        key: "debt_ratio" as const,
        group: "financial" as const,
        source: "calibrated" as const,
        direction: "decreasing" as const,
        edges: [0.5],
        shifts: [0.5, -0.5],
        neutralShift: 0,
      },
      ...EXPERT_FACTORS,
    ],
    bandMinScores: [80, 60, 40, 20, 0],
    bandPds: [0.001, 0.002, 0.01, 0.05, 0.2],
  };
  const m = buildModel(input);
  test("the maxima add up to 100 and points follow the shifts", () => {
    expect(m.factors.reduce((s, f) => s + Math.max(...f.points), 0)).toBeCloseTo(100, 10);
    const dr = m.factors[0];
    expect(dr.points[1]).toBe(0);
    expect(dr.neutral).toBeCloseTo(dr.points[0] / 2, 1);
  });
  test("scoreAtPd inverts the model's PD scale", () => {
    const s = scoreAtPd(0.03, m.pd.logOddsAtZero, m.pd.pointsPerLogOdds);
    expect(horizonPdOf(s, m)).toBeCloseTo(0.03, 10);
  });
});

describe("withDerivedRatios", () => {
  test("fills ratio columns from statement items, keeping given ratios; samples without items are unchanged", () => {
    const s: Sample = {
      n: 2,
      label: Uint8Array.from([0, 1]),
      columns: {
        total_assets: Float64Array.from([100, 200]),
        total_liabilities: Float64Array.from([60, 50]),
        debt_ratio: Float64Array.from([NaN, 0.9]),
      },
    };
    const d = withDerivedRatios(s);
    expect(Array.from(d.columns.debt_ratio!)).toEqual([0.6, 0.9]);
    expect(Array.from(d.columns.equity_to_liabilities!)).toEqual([40 / 60, 150 / 50]);
    const ratios: Sample = { n: 1, label: Uint8Array.from([0]), columns: { debt_ratio: Float64Array.from([0.5]) } };
    expect(withDerivedRatios(ratios)).toBe(ratios);
  });
});
