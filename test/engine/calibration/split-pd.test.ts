import { kFolds, splitRows, stratifiedSplit } from "../../../src/engine/calibration/split";
import { annualPd, horizonPd, interceptFor, offsetFor, poolAdjacent } from "../../../src/engine/calibration/pd";
import { sigmoid } from "../../../src/engine/calibration/logistic";

describe("seeded splits", () => {
  const y = Array.from({ length: 1000 }, (_, i) => (i % 10 === 0 ? 1 : 0));
  test("the stratified split keeps 70 % of each class and is reproducible", () => {
    const s = stratifiedSplit(y, 0.7, 42);
    expect(s.filter((t, i) => t && y[i] === 1).length).toBe(70);
    expect(s.filter((t, i) => t && y[i] === 0).length).toBe(630);
    expect(stratifiedSplit(y, 0.7, 42)).toEqual(s);
    expect(stratifiedSplit(y, 0.7, 43)).not.toEqual(s);
    const r = splitRows(y, 0.7, 42);
    expect(r.train.length + r.validation.length).toBe(1000);
    expect(r.train.every((i) => s[i]) && r.validation.every((i) => !s[i])).toBe(true);
  });
  test("k folds: each fold holds a fifth of each class; same seed, same folds", () => {
    const f = kFolds(y, 5, 7);
    for (let k = 0; k < 5; k++) {
      expect(y.filter((v, i) => f[i] === k && v === 1).length).toBe(20);
      expect(y.filter((v, i) => f[i] === k && v === 0).length).toBe(180);
    }
    expect(Array.from(kFolds(y, 5, 7))).toEqual(Array.from(f));
    expect(Array.from(kFolds(y, 5, 8))).not.toEqual(Array.from(f));
  });
});

describe("PD calibration", () => {
  test("constant-hazard horizon conversion round-trips", () => {
    expect(annualPd(horizonPd(0.01, 5), 5)).toBeCloseTo(0.01, 14);
    expect(horizonPd(0.5, 2)).toBe(0.75);
  });
  test("offsetFor: the constant that makes the mean PD equal the default rate", () => {
    const c = offsetFor(new Float64Array(10), 3); // ten rows with z = 0, three defaulters
    expect(sigmoid(c)).toBeCloseTo(0.3, 12);
    const z = [-1, 0, 1, 2];
    const c2 = offsetFor(z, 1.5);
    expect(z.reduce((s, v) => s + sigmoid(c2 + v), 0)).toBeCloseTo(1.5, 10);
    expect(offsetFor([], 0, 0.25)).toBe(0.25); // nothing to fit: the start value
  });
  test("interceptFor keeps the slopes and matches the default count", () => {
    const X = [[0, 1, 2, 3]];
    const b0 = interceptFor([5, -0.5], X, [1, 0, 0, 0]);
    expect([0, 1, 2, 3].reduce((s, x) => s + sigmoid(b0 - 0.5 * x), 0)).toBeCloseTo(1, 10);
  });
  test("pool adjacent violators gives the closest non-decreasing sequence", () => {
    expect(poolAdjacent([0.01, 0.03, 0.02, 0.1], [1, 1, 1, 1])).toEqual([0.01, 0.025, 0.025, 0.1]);
    poolAdjacent([0.3, 0.1], [1, 3]).forEach((v) => expect(v).toBeCloseTo(0.15, 15));
  });
});
