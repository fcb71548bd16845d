import fc from "fast-check";
import { isEngineError } from "../../../src/engine/errors";
import { expectedLoss, expectedLossCore } from "../../../src/engine/receivables/expected-loss";

describe("EXPECTEDLOSS", () => {
  test.each([
    // exposure, pd, lgd, share, limit, expected
    [100_000, 0.05, null, null, null, 3_000], // LGD default 0.6, uninsured
    [100_000, 0.05, 0.6, 0.9, null, 300], // no limit: all insured, insurer pays 90 %
    [100_000, 0.05, 0.6, 0.9, 60_000, 1_380], // 0.03 × (60,000 × 0.1 + 40,000)
    [100_000, 0.05, 0.6, 0.9, 150_000, 300], // limit above exposure
    [100_000, 0.02, 0.45, 0.9, 0, 900], // zero limit = uninsured
    [0, 0.5, 0.5, null, null, 0],
  ])("E=%d pd=%d lgd=%s share=%s limit=%s → %d", (e, pd, lgd, s, lim, expected) => {
    expect(expectedLossCore(e, pd, lgd, s, lim)).toEqual([[expect.closeTo(expected, 9)]]);
  });
  test("columns spill; bad rows alone", () => {
    const out = expectedLossCore([[100000], [100000], [-1], [100000], [100000], ["1,000"]], [[0.05], [5], [0.05], [0.05], [0.05], [0.05]], null, [[0.9], [0.9], [0.9], [1.2], [null], [0.9]], [[60000], [null], [null], [null], [1000], [null]]) as unknown[][];
    expect(out[0][0]).toBeCloseTo(1380, 9);
    expect(isEngineError(out[1][0]) && out[1][0].message).toMatch(/^pd: 5 must be between 0 and 1/);
    expect(isEngineError(out[2][0]) && out[2][0].message).toMatch(/^exposure/);
    expect(isEngineError(out[3][0]) && out[3][0].message).toMatch(/^insured_share/);
    expect(isEngineError(out[4][0]) && out[4][0].message).toMatch(/insured_share is needed/);
    expect(isEngineError(out[5][0])).toBe(true);
  });
  test("argument errors", () => {
    expect(isEngineError(expectedLossCore([[1], [2]], [[0.1], [0.1], [0.1]], null, null, null))).toBe(true);
    expect(isEngineError(expectedLossCore(null, 0.1, null, null, null))).toBe(true);
  });
  test("EL is never negative, never above exposure, and never higher with more insurance", () => {
    const u = fc.double({ min: 0, max: 1, noNaN: true });
    const amt = fc.double({ min: 0, max: 1e12, noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(amt, u, u, u, fc.option(amt), (e, pd, lgd, s, lim) => {
        const el = expectedLoss(e, pd, lgd, s, lim) as number;
        expect(el).toBeGreaterThanOrEqual(0);
        expect(el).toBeLessThanOrEqual(e * (1 + 1e-12));
        const uninsured = expectedLoss(e, pd, lgd, 0, null) as number;
        expect(el).toBeLessThanOrEqual(uninsured * (1 + 1e-12));
      }),
    );
  });
});
