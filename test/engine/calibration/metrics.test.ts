import { PSI_EMPTY_SHARE, auc, binCounts, brier, captureRates, ks, psi } from "../../../src/engine/calibration/metrics";

/** Independent AUC: the share of (defaulter, healthy) pairs ranked right, ties half. */
function pairAuc(risk: number[], y: number[]): number {
  let good = 0,
    pairs = 0;
  for (let i = 0; i < y.length; i++)
    for (let j = 0; j < y.length; j++) {
      if (y[i] !== 1 || y[j] !== 0) continue;
      pairs++;
      good += risk[i] > risk[j] ? 1 : risk[i] === risk[j] ? 0.5 : 0;
    }
  return good / pairs;
}

describe("AUC, KS, Brier, capture on tiny sets with known answers", () => {
  test("a worked example", () => {
    const risk = [0.1, 0.4, 0.35, 0.8];
    const y = [0, 0, 1, 1];
    expect(auc(risk, y)).toBe(0.75); // 3 of the 4 (defaulter, healthy) pairs ranked right
    expect(ks(risk, y)).toBe(0.5);
    expect(brier([0.1, 0.9, 0.5], [0, 1, 1])).toBeCloseTo((0.01 + 0.01 + 0.25) / 3, 15);
    expect(captureRates([true, false, true, true], [1, 1, 0, 0])).toEqual({ defaulters: 0.5, healthy: 1 });
  });
  test("perfect, reversed and tied rankings", () => {
    expect(auc([1, 2, 3, 4], [0, 0, 1, 1])).toBe(1);
    expect(ks([1, 2, 3, 4], [0, 0, 1, 1])).toBe(1);
    expect(auc([4, 3, 2, 1], [0, 0, 1, 1])).toBe(0);
    expect(auc([1, 1, 1, 1], [0, 1, 0, 1])).toBe(0.5);
    expect(ks([1, 1, 2, 2], [0, 1, 0, 1])).toBe(0);
  });
  test("AUC agrees with counting pairs on a 30-row set with ties", () => {
    const risk = Array.from({ length: 30 }, (_, i) => (i * 7) % 11);
    const y = Array.from({ length: 30 }, (_, i) => (i % 4 === 0 ? 1 : 0));
    expect(auc(risk, y)).toBeCloseTo(pairAuc(risk, y), 14);
  });
  test("one class only, or no rows, gives NaN", () => {
    expect(auc([1, 2], [0, 0])).toBeNaN();
    expect(ks([1, 2], [1, 1])).toBeNaN();
    expect(brier([], [])).toBeNaN();
    expect(captureRates([true], [1]).healthy).toBeNaN();
  });
});

describe("population stability index", () => {
  test("known distributions", () => {
    // (0.25 − 0.5) ln(0.25/0.5) + (0.75 − 0.5) ln(0.75/0.5)
    expect(psi([50, 50], [25, 75])).toBeCloseTo(0.25 * Math.log(2) + 0.25 * Math.log(1.5), 14);
    expect(psi([0.5, 0.5], [0.25, 0.75])).toBeCloseTo(psi([50, 50], [25, 75]), 14); // counts or shares
    expect(psi([1, 2, 3], [10, 20, 30])).toBeCloseTo(0, 14);
    expect(psi([1, 1, 1, 1], [1, 1, 1, 1])).toBe(0);
  });
  test("an empty bin counts as a tiny share, so the index stays finite", () => {
    const e = PSI_EMPTY_SHARE;
    expect(psi([1, 1], [0, 1])).toBeCloseTo((e - 0.5) * Math.log(e / 0.5) + (1 - 0.5) * Math.log(1 / 0.5), 12);
    expect(psi([0, 1], [1, 1])).toBeCloseTo((0.5 - e) * Math.log(0.5 / e) + (0.5 - 1) * Math.log(0.5 / 1), 12);
  });
  test("mismatched bins or an empty side give NaN", () => {
    expect(psi([1, 2], [1, 2, 3])).toBeNaN();
    expect(psi([], [])).toBeNaN();
    expect(psi([0, 0], [1, 1])).toBeNaN();
    expect(psi([1, 1], [0, 0])).toBeNaN();
    expect(psi([-1, 2], [1, 1])).toBeNaN();
    expect(psi([1, 1], [2, NaN])).toBeNaN();
  });
  test("binCounts puts each value in [edge k−1, edge k) and skips NaN", () => {
    expect(binCounts([0, 10, 10.5, 20, 99, NaN, -5], [10, 20])).toEqual([2, 2, 2]);
  });
});
