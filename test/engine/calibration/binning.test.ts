import { applyBinning, binOf, binningOn, fitBinning, roundSig, woeOf } from "../../../src/engine/calibration/binning";
import { mulberry32 } from "../../../src/engine/random";

describe("weight of evidence by hand", () => {
  // 10 goods and 10 bads: x < 5 holds 8 goods and 2 bads, x ≥ 5 holds 2 goods and 8 bads.
  const x = [...Array(8).fill(1), ...Array(2).fill(1), ...Array(2).fill(9), ...Array(8).fill(9)];
  const y = [...Array(8).fill(0), ...Array(2).fill(1), ...Array(2).fill(0), ...Array(8).fill(1)];
  const b = binningOn([5], x, y);
  test("counts, WoE and IV", () => {
    expect(b.goods).toEqual([8, 2]);
    expect(b.bads).toEqual([2, 8]);
    // WoE = ln(((g + 0.5)/(G + 0.5)) / ((b + 0.5)/(B + 0.5))) = ln(8.5 / 2.5) and ln(2.5 / 8.5)
    expect(b.woe[0]).toBeCloseTo(Math.log(8.5 / 2.5), 14);
    expect(b.woe[1]).toBeCloseTo(Math.log(2.5 / 8.5), 14);
    const share = (v: number): number => (v + 0.5) / 10.5;
    expect(b.iv).toBeCloseTo((share(8) - share(2)) * b.woe[0] + (share(2) - share(8)) * b.woe[1], 14);
    expect(woeOf(5, 5, 10, 10)).toBe(0);
  });
  test("missing values get WoE 0 (the average) and are not counted", () => {
    expect(Array.from(applyBinning(b, [NaN, 1, 5, 100]))).toEqual([0, b.woe[0], b.woe[1], b.woe[1]]);
    expect(binningOn([5], [...x, NaN], [...y, 1]).bads).toEqual([2, 8]);
  });
  test("binOf: a value equal to an edge belongs to the bin above it", () => {
    expect([binOf([1, 2], 0.99), binOf([1, 2], 1), binOf([1, 2], 2), binOf([], 7)]).toEqual([0, 1, 2, 0]);
    expect([roundSig(0.012345, 2), roundSig(1234, 2), roundSig(0, 2)]).toEqual([0.012, 1200, 0]);
  });
});

describe("monotone binning", () => {
  const r = mulberry32(1);
  const x: number[] = [],
    y: number[] = [];
  for (let i = 0; i < 3000; i++) {
    const v = r();
    x.push(v);
    y.push(r() < 0.02 + 0.2 * v * v ? 1 : 0); // higher = riskier
  }
  test("WoE never rises with the value for a 'decreasing' factor, bins are large enough, cut points are rounded", () => {
    const b = fitBinning(x, y, { direction: "decreasing" });
    expect(b.edges.length).toBeGreaterThan(0);
    expect(b.edges.length).toBeLessThanOrEqual(5);
    for (let k = 1; k < b.woe.length; k++) expect(b.woe[k]).toBeLessThan(b.woe[k - 1]);
    for (let k = 0; k < b.woe.length; k++) expect(b.goods[k] + b.bads[k]).toBeGreaterThanOrEqual(0.05 * 3000);
    for (const e of b.edges) expect(roundSig(e, 2)).toBe(e);
    expect(b.iv).toBeGreaterThan(0.1);
  });
  test("the wrong direction collapses to one bin", () => {
    expect(fitBinning(x, y, { direction: "increasing" }).edges).toEqual([]);
  });
  test("maxBins is respected", () => {
    expect(fitBinning(x, y, { direction: "decreasing", maxBins: 2, minWoeStep: 0 }).edges.length).toBe(1);
  });
});
