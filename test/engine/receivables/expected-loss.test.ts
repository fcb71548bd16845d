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
    const out = expectedLossCore(
      [[100000], [100000], [-1], [100000], [100000], ["1,000"]],
      [[0.05], [5], [0.05], [0.05], [0.05], [0.05]],
      null,
      [[0.9], [0.9], [0.9], [1.2], [null], [0.9]],
      [[60000], [null], [null], [null], [1000], [null]],
    ) as unknown[][];
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

/** An engine error with this code and message (exact text, or a pattern for cell-reader wording). */
const err = (c: string, message: string | RegExp) =>
  expect.objectContaining({
    kind: "EngineError",
    code: c,
    message: typeof message === "string" ? message : expect.stringMatching(message),
  });

describe("EXPECTEDLOSS edges (what an analyst may type)", () => {
  // exposure, pd, lgd, share, limit → one cell
  test.each<[string, unknown, unknown, unknown, unknown, unknown, unknown]>([
    ["pd as a percent text", 100_000, "5%", null, null, null, err("VALUE", /^pd: text "5%" is text, not a number/)],
    ["pd 5 meant as 5 %", 100_000, 5, null, null, null, err("VALUE", "pd: 5 must be between 0 and 1 (enter 5 % as 0.05).")],
    ["pd blank", 100_000, "", null, null, null, err("VALUE", "pd is required but the cell is empty.")],
    ["lgd text", 100_000, 0.05, "high", null, null, err("VALUE", /^lgd: expected a number but got text "high"/)],
    ["lgd negative", 100_000, 0.05, -0.1, null, null, err("VALUE", "lgd: -0.1 must be between 0 and 1 (enter 5 % as 0.05).")],
    ["lgd marker n/a = default 0.6", 100_000, 0.05, "n/a", null, null, 3_000],
    ["insured_share as a percent text", 100_000, 0.05, 0.6, "90%", null, err("VALUE", /^insured_share: text "90%" is text, not a number/)],
    ["insured_limit text", 100_000, 0.05, 0.6, 0.9, "none", err("VALUE", /^insured_limit: expected a number but got text "none"/)],
    ["insured_limit negative", 100_000, 0.05, 0.6, 0.9, -1, err("VALUE", "insured_limit: -1 is negative; the limit must be 0 or more.")],
    [
      "limit without share",
      100_000,
      0.05,
      0.6,
      "",
      60_000,
      err("VALUE", "insured_share is needed when an insured_limit is given (e.g. 0.9 when the insurer pays 90 %)."),
    ],
    [
      "negative exposure (credit balance)",
      -500,
      0.05,
      null,
      null,
      null,
      err("VALUE", "exposure: -500 is negative; exposure must be 0 or more."),
    ],
    ["share 1 and no limit: fully insured", 100_000, 0.05, 0.6, 1, null, 0],
    ["pd 0 → no loss", 100_000, 0, 0.6, null, null, 0],
  ])("%s", (_what, e, pd, lgd, s, lim, expected) => {
    const want = typeof expected === "number" ? expect.closeTo(expected, 9) : expected;
    expect(expectedLossCore(e, pd, lgd, s, lim)).toEqual([[want]]);
  });

  test.each<[string, unknown[], unknown]>([
    ["exposure omitted", [null, 0.1, null, null, null], err("VALUE", "exposure is required.")],
    ["pd omitted", [1, null, null, null, null], err("VALUE", "pd is required.")],
    [
      "pd a 2-D range",
      [
        1,
        [
          [0.1, 0.2],
          [0.3, 0.4],
        ],
        null,
        null,
        null,
      ],
      err("VALUE", "pd: expected a single column or row, but got a range of 2 rows × 2 columns."),
    ],
    [
      "lgd a 2-D range",
      [
        1,
        0.1,
        [
          [0.1, 0.2],
          [0.3, 0.4],
        ],
        null,
        null,
      ],
      err("VALUE", /^lgd: expected a single column or row/),
    ],
    [
      "insured_share a 2-D range",
      [
        1,
        0.1,
        null,
        [
          [0.9, 0.9],
          [0.9, 0.9],
        ],
        null,
      ],
      err("VALUE", /^insured_share: expected a single column or row/),
    ],
    [
      "insured_limit a 2-D range",
      [
        1,
        0.1,
        null,
        0.9,
        [
          [1, 2],
          [3, 4],
        ],
      ],
      err("VALUE", /^insured_limit: expected a single column or row/),
    ],
    [
      "ranges of different lengths",
      [[[1], [2]], [[0.1], [0.1], [0.1]], null, null, null],
      err("VALUE", "pd has 3 values but exposure has 2: ranges must be the same size (or a single cell)."),
    ],
  ])("one error for the call: %s", (_what, args, expected) => {
    const [e, pd, lgd, s, lim] = args;
    expect(expectedLossCore(e, pd, lgd, s, lim)).toEqual(expected);
  });

  test.each<[string, unknown[], unknown]>([
    // 1×2 row of exposures with a 2×1 column of PDs: paired, the row decides the orientation
    [
      "row vs column → row out",
      [[[100_000, 200_000]], [[0.05], [0.01]], null, null, null],
      [[expect.closeTo(3_000, 9), expect.closeTo(1_200, 9)]],
    ],
    // one PD cell repeats against a column of exposures
    [
      "single pd cell against a column",
      [[[100_000], [50_000]], 0.05, 0.5, null, null],
      [[expect.closeTo(2_500, 9)], [expect.closeTo(1_250, 9)]],
    ],
  ])("shape: %s", (_what, args, expected) => {
    const [e, pd, lgd, s, lim] = args;
    expect(expectedLossCore(e, pd, lgd, s, lim)).toEqual(expected);
  });

  test("pure expectedLoss: lgd 0.6, uninsured and no limit by default", () => {
    expect(expectedLoss(100_000, 0.05)).toBeCloseTo(3_000, 9);
    expect(expectedLoss(100_000, 0.05, 0.6)).toBeCloseTo(3_000, 9);
    expect(expectedLoss(100_000, 0.05, 0.6, 0.9)).toBeCloseTo(300, 9);
  });
});
