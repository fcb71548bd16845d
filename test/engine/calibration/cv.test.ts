import { crossValidate, equalWeightFit, outOfFold, slopeByFactorsGiven } from "../../../src/engine/calibration/cv";
import { cutoffForFalseAlarm } from "../../../src/engine/calibration/evaluation";
import type { Sample } from "../../../src/engine/calibration/sample";
import { mulberry32 } from "../../../src/engine/random";
import { DEFAULT_MODEL, withIncompleteStatements } from "../../../src/engine/scoring/model";

/** 1,000 synthetic firms whose default risk falls with quick ratio and rises with debt. */
function synthetic(seed = 3): Sample {
  const r = mulberry32(seed);
  const n = 1000;
  const debt = new Float64Array(n),
    quick = new Float64Array(n),
    label = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    debt[i] = r() * 1.2;
    quick[i] = r() * 3;
    label[i] = r() < 1 / (1 + Math.exp(-(-3 + 3 * debt[i] - 1.2 * quick[i]))) ? 1 : 0;
  }
  return { n, label, columns: { debt_ratio: debt, quick_ratio: quick } };
}
const FACTORS = [
  { key: "debt_ratio" as const, direction: "decreasing" as const },
  { key: "quick_ratio" as const, direction: "increasing" as const },
];

describe("cross-validation", () => {
  const s = synthetic();
  const rows = Array.from({ length: s.n }, (_, i) => i);
  test("out-of-fold scores: every row scored by a fit that never saw it", () => {
    const seen: number[][] = [];
    const risk = outOfFold(
      s.label,
      rows,
      (train) => {
        seen.push([...train]);
        return (te) => Float64Array.from(te, (i) => (train.includes(i) ? NaN : i));
      },
      5,
      1,
    );
    expect(seen).toHaveLength(5);
    expect(Array.from(risk)).toEqual(rows); // each row got its own index back: it was never in its fit's training rows
  });
  test("same seed, same figures; the equal-weight WoE fit separates the synthetic defaulters", () => {
    const a = crossValidate(s.label, rows, equalWeightFit(s, FACTORS), 5, 7);
    const b = crossValidate(s.label, rows, equalWeightFit(s, FACTORS), 5, 7);
    expect(a).toEqual(b);
    expect(a.auc).toBeGreaterThan(0.7);
    expect(crossValidate(s.label, rows, equalWeightFit(s, FACTORS), 5, 8).auc).not.toBe(a.auc);
    const one = crossValidate(s.label, rows, equalWeightFit(s, FACTORS.slice(0, 1)), 5, 7);
    expect(one.auc).toBeLessThan(a.auc);
  });
  test("a 'none' value counts as not given", () => {
    const t: Sample = { ...s, columns: { ...s.columns, quick_ratio: Float64Array.from(s.columns.quick_ratio!, () => 0) } };
    const fit = equalWeightFit(t, [{ key: "quick_ratio", direction: "increasing", neutralValues: [0] }])(rows);
    expect(Array.from(fit(rows)).every((v) => v === 0)).toBe(true);
  });
});

describe("cut-off for a false-alarm budget", () => {
  test("the highest one-decimal cut-off flagging at most the budget of healthy rows", () => {
    // healthy scores 10, 20, 30, 40; defaulters 15, 35
    const score = [10, 20, 30, 40, 15, 35],
      label = [0, 0, 0, 0, 1, 1],
      rows = [0, 1, 2, 3, 4, 5];
    expect(cutoffForFalseAlarm(score, label, rows, 0.5)).toEqual({ cutoff: 30, defaulters: 0.5, healthy: 0.5 });
    expect(cutoffForFalseAlarm(score, label, rows, 0.49)).toEqual({ cutoff: 20, defaulters: 0.5, healthy: 0.25 });
    expect(cutoffForFalseAlarm(score, label, rows, 0)).toEqual({ cutoff: 10, defaulters: 0, healthy: 0 });
    expect(cutoffForFalseAlarm(score, label, rows, 1)).toEqual({ cutoff: 100, defaulters: 1, healthy: 1 });
  });
});

describe("the pool weight keeps the calibration when fewer factors are given", () => {
  test("on the shipped model: slopes with the pool weight stay near those with every factor; the plain sum drifts", () => {
    const r = mulberry32(11);
    const n = 3000;
    const keys = DEFAULT_MODEL.pool!.factors;
    const latent = Float64Array.from({ length: n }, () => r() * 2 - 1);
    const columns: Sample["columns"] = {};
    const span: Record<string, [number, number]> = {
      debt_ratio: [0.9, 0.3],
      ebit_to_assets: [-0.1, 0.25],
      cash_flow_to_debt: [-0.05, 0.8],
      quick_ratio: [0.3, 3],
      retained_earnings_to_assets: [-0.1, 0.3],
      interest_coverage: [-1, 50],
    };
    for (const k of keys) {
      const [lo, hi] = span[k];
      columns[k] = Float64Array.from(latent, (z) => lo + ((z + 1) / 2 + 0.3 * (r() - 0.5)) * (hi - lo));
    }
    const label = Uint8Array.from(latent, (z) => (r() < 1 / (1 + Math.exp(3 + 2 * z)) ? 1 : 0));
    const res = slopeByFactorsGiven(
      { n, label, columns },
      withIncompleteStatements(DEFAULT_MODEL, false),
      Array.from({ length: n }, (_, i) => i),
      [6, 2],
    );
    expect(res.map((x) => x.given)).toEqual([6, 2]);
    const drift = (a: number, b: number): number => Math.abs(Math.log(b / a));
    expect(drift(res[0].pooled, res[1].pooled)).toBeLessThan(drift(res[0].plain, res[1].plain));
  });
});
