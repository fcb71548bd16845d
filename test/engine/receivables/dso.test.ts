import fc from "fast-check";
import { isEngineError } from "../../../src/engine/errors";
import {
  averageDaysDelinquent,
  bestPossibleDso,
  dsoAverage,
  dsoCore,
  dsoCountback,
  dsoStandard,
} from "../../../src/engine/receivables/dso";

const code = (x: unknown) => (isEngineError(x) ? x.code : x);

describe("DSO worked examples (domain reference)", () => {
  test("countback: AR 212,000, months 70k/80k/100k newest last → 30 + 30 + 32/70 × 30", () => {
    const r = dsoCountback(212_000, [70_000, 80_000, 100_000], 30);
    expect(r).toBeCloseTo(60 + (32 / 70) * 30, 10);
    expect(r).toBeCloseTo(73.714285714, 8);
    expect((r as number).toFixed(1)).toBe("73.7");
  });
  test("countback via dsoCore: column, row, default 30-day months", () => {
    expect(dsoCore([[212000]], [[70000], [80000], [100000]], null, "countback")).toEqual([[expect.closeTo(73.7142857, 6)]]);
    expect(dsoCore(212000, [[70000, 80000, 100000]], null, "countback")).toEqual([[expect.closeTo(73.7142857, 6)]]);
    expect(dsoCore(212000, [[70000, 80000, 100000]], 30, "Count Back")).toEqual([[expect.closeTo(73.7142857, 6)]]);
  });
  test("best possible 12 and ADD 33 (AR 15,000, current 4,000, sales 10,000, 30 days)", () => {
    expect(dsoStandard(15_000, 10_000, 30)).toBe(45);
    expect(bestPossibleDso(15_000, 4_000, 10_000, 30)).toBe(12);
    expect(averageDaysDelinquent(15_000, 4_000, 10_000, 30)).toBe(33);
    expect(dsoCore([[15000, 4000]], [[10000]], [[30]], "bestpossible")).toEqual([[12]]);
    expect(dsoCore([[15000, 4000]], [[10000]], [[30]], "add")).toEqual([[33]]);
    expect(dsoCore([[15000]], [[10000]], [[30]], null)).toEqual([[45]]);
  });
});

describe("DSO standard and average", () => {
  test("default days in period is 365 (annual credit sales)", () => {
    expect(dsoCore([[100]], [[365]], null, null)).toEqual([[100]]);
  });
  test("columns spill one result per row; single cells broadcast", () => {
    expect(dsoCore([[100], [200], [50]], [[365]], [[365]], "standard")).toEqual([[100], [200], [50]]);
  });
  test("rows in → row out", () => {
    expect(dsoCore([[100, 200]], [[365, 365]], null, null)).toEqual([[100, 200]]);
  });
  test("average uses (opening + closing) / 2", () => {
    expect(dsoAverage(10_000, 20_000, 30_000, 30)).toBe(15);
    expect(dsoCore([[10000, 20000], [0, 6000]], [[30000], [9000]], 30, "average")).toEqual([[15], [10]]);
  });
  test("bad rows error alone; others compute", () => {
    const out = dsoCore([[100], [-5], ["1,234"], [100], [100]], [[365], [365], [365], [0], [365]], null, null) as unknown[][];
    expect(out[0][0]).toBe(100);
    expect(code(out[1][0])).toBe("VALUE");
    expect((out[1][0] as { message: string }).message).toMatch(/receivables/);
    expect(code(out[2][0])).toBe("VALUE");
    expect(code(out[3][0])).toBe("DIV0");
    expect(out[4][0]).toBe(100);
  });
  test("negative sales → #VALUE! naming credit_sales; days ≤ 0 → #VALUE!", () => {
    const out = dsoCore([[1], [1]], [[-1], [1]], [[30], [0]], null) as unknown[][];
    expect((out[0][0] as { message: string }).message).toMatch(/credit_sales/);
    expect((out[1][0] as { message: string }).message).toMatch(/days_in_period/);
  });
  test("argument errors are one error", () => {
    expect(code(dsoCore([[1], [2], [3]], [[1], [2]], null, null))).toBe("VALUE");
    expect(code(dsoCore([[1]], [[1]], null, "weird"))).toBe("VALUE");
    expect(code(dsoCore([[1, 2], [3, 4]], [[1], [2]], null, "standard"))).toBe("VALUE");
    expect(code(dsoCore([[1, 2, 3]], [[1]], null, "add"))).toBe("VALUE");
  });
  test("current AR above total AR is a row error", () => {
    const out = dsoCore([[100, 200], [100, 50]], [[100]], 30, "bestpossible") as unknown[][];
    expect(code(out[0][0])).toBe("VALUE");
    expect(out[1][0]).toBe(15);
  });
});

describe("countback details", () => {
  test("several customers: n×1 AR with n×m sales, months left→right oldest→newest", () => {
    const out = dsoCore(
      [[212000], [50000], [0], [-1]],
      [
        [70000, 80000, 100000],
        [10, 20, 100000],
        [1, 1, 1],
        [1, 1, 1],
      ],
      30,
      "countback",
    ) as unknown[][];
    expect(out[0][0]).toBeCloseTo(73.7142857, 6);
    expect(out[1][0]).toBe(15);
    expect(out[2][0]).toBe(0);
    expect(code(out[3][0])).toBe("VALUE");
  });
  test("customers in columns (AR row 1×n, sales m×n)", () => {
    const out = dsoCore([[212000, 50000]], [[70000, 10], [80000, 20], [100000, 100000]], null, "countback");
    expect(out).toEqual([[expect.closeTo(73.7142857, 6), 15]]);
  });
  test("days per month as a range (calendar months)", () => {
    // newest month 31 days fully used (100k), then 28 days month 80k fully, then 32/70 of a 31-day month
    expect(dsoCore(212000, [[70000], [80000], [100000]], [[31], [28], [31]], "countback")).toEqual([[expect.closeTo(31 + 28 + (32 / 70) * 31, 9)]]);
    expect(code(dsoCore(212000, [[70000], [80000], [100000]], [[31], [28]], "countback"))).toBe("VALUE");
  });
  test("AR above all months' sales → #NUM! (needs more months)", () => {
    expect(code(dsoCountback(300, [100, 100], 30))).toBe("NUM");
    expect(dsoCountback(200, [100, 100], 30)).toBe(60);
  });
  test("a blank (unknown) month stops the walk", () => {
    expect(dsoCountback(50, [null, 100], 30)).toBe(15);
    expect(code(dsoCountback(150, [null, 100], 30))).toBe("NUM");
  });
  test("zero-sales month counts in full", () => {
    expect(dsoCountback(50, [100, 0], 30)).toBe(45);
  });
  test("shape errors", () => {
    expect(code(dsoCore([[1], [2]], [[1, 2, 3]], null, "countback"))).toBe("VALUE");
    expect(code(dsoCore([[1]], [[1, 2], [3, 4]], null, "countback"))).toBe("VALUE");
  });
});

describe("DSO properties", () => {
  const amount = fc.double({ min: 0, max: 1e9, noNaN: true, noDefaultInfinity: true });
  const pos = fc.double({ min: 1, max: 1e9, noNaN: true, noDefaultInfinity: true });
  test("DSO ≥ best possible DSO when current AR ≤ total AR; DSO = best + ADD", () => {
    fc.assert(
      fc.property(amount, fc.double({ min: 0, max: 1, noNaN: true }), pos, fc.integer({ min: 1, max: 366 }), (ar, frac, sales, days) => {
        const cur = ar * frac;
        const dso = dsoStandard(ar, sales, days) as number;
        const best = bestPossibleDso(ar, cur, sales, days) as number;
        const add = averageDaysDelinquent(ar, cur, sales, days) as number;
        expect(dso).toBeGreaterThanOrEqual(best - 1e-9 * Math.max(1, dso));
        // Relative tolerance: DSO reaches ~4e9 days here, where float64 spacing alone is ~5e-7.
        expect(Math.abs(best + add - dso)).toBeLessThanOrEqual(1e-12 * Math.max(1, dso));
      }),
    );
  });
  test("DSO unchanged when all amounts are scaled (standard and countback)", () => {
    fc.assert(
      fc.property(fc.array(pos, { minLength: 1, maxLength: 12 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.01, max: 1000, noNaN: true }), (months, frac, k) => {
        const total = months.reduce((a, b) => a + b, 0);
        const ar = total * frac;
        const a = dsoCountback(ar, months, 30) as number;
        const b = dsoCountback(ar * k, months.map((m) => m * k), 30) as number;
        expect(Math.abs(b - a)).toBeLessThanOrEqual(1e-6 * Math.max(1, a));
        expect(dsoStandard(ar * k, total * k, 90) as number).toBeCloseTo(dsoStandard(ar, total, 90) as number, 6);
      }),
    );
  });
  test("countback stays within 0 … total days and grows with AR", () => {
    fc.assert(
      fc.property(fc.array(pos, { minLength: 1, maxLength: 12 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (months, f1, f2) => {
        const total = months.reduce((a, b) => a + b, 0);
        const [lo, hi] = f1 <= f2 ? [f1, f2] : [f2, f1];
        const a = dsoCountback(total * lo, months, 30) as number;
        const b = dsoCountback(total * hi, months, 30) as number;
        expect(a).toBeGreaterThanOrEqual(0);
        expect(b).toBeLessThanOrEqual(30 * months.length + 1e-9);
        expect(b).toBeGreaterThanOrEqual(a - 1e-9);
      }),
    );
  });
});
