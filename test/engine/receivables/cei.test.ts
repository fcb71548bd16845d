import fc from "fast-check";
import { isEngineError } from "../../../src/engine/errors";
import { cei, ceiCore } from "../../../src/engine/receivables/cei";

const code = (x: unknown) => (isEngineError(x) ? x.code : x);

describe("CEI", () => {
  test("domain reference: 6,200 / 10,890 over 3 months / 6,340 / 3,590 → 55.9 %", () => {
    const r = cei(6_200, 10_890, 6_340, 3_590, 3) as number;
    expect(r).toBeCloseTo((3490 / 6240) * 100, 12);
    expect(r.toFixed(1)).toBe("55.9");
    expect(ceiCore(6200, 10890, 6340, 3590, 3, null)).toEqual([[expect.closeTo(55.9294871795, 9)]]);
    expect(ceiCore([[6200]], [[10890]], [[6340]], [[3590]], [[3]], "monthly")).toEqual([[expect.closeTo(55.9294871795, 9)]]);
  });
  test("whole-period convention uses all sales", () => {
    expect(ceiCore(6200, 10890, 6340, 3590, 3, "period")).toEqual([[expect.closeTo((10750 / 13500) * 100, 9)]]);
    // months is irrelevant under "period"
    expect(cei(6200, 10890, 6340, 3590, 12, "period")).toBeCloseTo(79.6296296, 6);
  });
  test("months default 1", () => {
    expect(ceiCore(1000, 500, 600, 300, null, null)).toEqual([[(900 / 1200) * 100]]);
  });
  test("100 when everything collectable was collected", () => {
    expect(cei(1000, 3000, 400, 400, 3)).toBe(100);
  });
  test("rows spill, bad rows alone", () => {
    const out = ceiCore(
      [[6200], [-1], [6200], ["x"], [0]],
      10890,
      [[6340], [1], [3000], [1], [0]],
      [[3590], [0], [3590], [0], [0]],
      3,
      null,
    ) as unknown[][];
    expect(out[0][0]).toBeCloseTo(55.929, 3);
    expect((out[1][0] as { message: string }).message).toMatch(/begin_ar/);
    expect((out[2][0] as { message: string }).message).toMatch(/end_current_ar/); // current 3590 > end 3000
    expect(code(out[3][0])).toBe("VALUE");
    // A last row of 0s in every per-row range is what Excel desktop passes for the empty cells
    // of a larger selection: it gives "" (as blank cells do on the web), not a CEI of 100.
    expect(out[4][0]).toBe("");
    // The same row of 0s between data rows is a real period: begin 0, sales 3630, end 0 → collected everything.
    const inner = ceiCore([[6200], [0], [6200]], 10890, [[6340], [0], [6340]], [[3590], [0], [3590]], 3, null) as unknown[][];
    expect(inner[0][0]).toBeCloseTo(55.929, 3);
    expect(inner[1][0]).toBeCloseTo(100, 9);
    expect(inner[2][0]).toBeCloseTo(55.929, 3);
  });
  test("nothing collectable → #DIV/0!; inconsistent → #VALUE! with a message; bad months/convention", () => {
    expect(code(cei(0, 0, 0, 0, 1))).toBe("DIV0");
    // #VALUE! (not #NUM!, which Excel shows without a message): the user must learn which input is off.
    expect(cei(0, 0, 100, 100, 1)).toEqual(
      expect.objectContaining({
        code: "VALUE",
        message:
          "end_current_ar: ending current AR 100 exceeds beginning AR plus credit sales (0 + 0 = 0): receivables cannot grow by more than the sales, so the balances are inconsistent.",
      }),
    );
    expect(code(cei(1, 1, 1, 0, 0))).toBe("VALUE");
    expect(code(ceiCore(1, 1, 1, 0, 1, "quarterly"))).toBe("VALUE");
    expect(code(ceiCore([[1], [2]], [[1], [2], [3]], 1, 0, 1, null))).toBe("VALUE");
  });
});

/** An engine error with this code and message (exact text, or a pattern for cell-reader wording). */
const err = (c: string, message: string | RegExp) =>
  expect.objectContaining({
    kind: "EngineError",
    code: c,
    message: typeof message === "string" ? message : expect.stringMatching(message),
  });

describe("CEI edges (what an analyst may type)", () => {
  // begin, sales, end, current, months, convention → one cell
  test.each<[string, unknown, unknown, unknown, unknown, unknown, unknown, unknown]>([
    ["zero sales: only the opening AR was collectable", 1000, 0, 400, 100, 1, null, (600 / 900) * 100],
    ["blank months = 1", 1000, 500, 600, 300, "", null, 75],
    ["months as n/a marker = 1", 1000, 500, 600, 300, "n/a", null, 75],
    ["convention is case- and space-insensitive", 6200, 10890, 6340, 3590, 3, " PERIOD ", (10750 / 13500) * 100],
    ["convention as a 1×1 range", 6200, 10890, 6340, 3590, 3, [["Monthly"]], (3490 / 6240) * 100],
    // Used to give −150: a negative "index". Receivables grew by more than a month's average sales.
    [
      "AR grew beyond what the month added → #VALUE! naming end_ar, never a negative CEI",
      100,
      300,
      500,
      0,
      3,
      null,
      err(
        "VALUE",
        'end_ar: ending AR 500 exceeds beginning AR plus one month\'s average credit sales (100 + 300 ÷ 3 = 200), so CEI would be negative. Check the balances and months, or use convention "period" if that suits your data.',
      ),
    ],
    ["begin_ar blank", "", 1, 1, 0, 1, null, err("VALUE", "begin_ar is required but the cell is empty.")],
    [
      "credit_sales negative (credit notes exceed sales)",
      1,
      -1,
      1,
      0,
      1,
      null,
      err("VALUE", "credit_sales: -1 is negative; credit sales must be 0 or more."),
    ],
    [
      "credit_sales as text with a thousands separator",
      1000,
      "1,000",
      600,
      300,
      1,
      null,
      err("VALUE", /^credit_sales: text "1,000" is text, not a number/),
    ],
    ["end_ar text", 1000, 500, "x", 300, 1, null, err("VALUE", /^end_ar: expected a number but got text "x"/)],
    ["end_ar negative", 1000, 500, -1, 0, 1, null, err("VALUE", "end_ar: -1 is negative; receivables must be 0 or more.")],
    [
      "end_current_ar a logical value",
      1000,
      500,
      600,
      true,
      1,
      null,
      err("VALUE", /^end_current_ar: expected a number but got a logical value \(TRUE\)/),
    ],
    [
      "end_current_ar negative",
      1000,
      500,
      600,
      -5,
      1,
      null,
      err("VALUE", "end_current_ar: -5 is negative; receivables must be 0 or more."),
    ],
    [
      "end_current_ar above end_ar",
      1000,
      500,
      600,
      700,
      1,
      null,
      err("VALUE", "end_current_ar: 700 exceeds end_ar 600; current AR is the not-yet-due part of the total."),
    ],
    ["months text", 1000, 500, 600, 300, "three", null, err("VALUE", /^months: expected a number but got text "three"/)],
    ["months negative", 1000, 500, 600, 300, -3, null, err("VALUE", "months: -3 must be greater than 0.")],
    ["months 0 (an empty cell on Excel desktop)", 1000, 500, 600, 300, 0, null, err("VALUE", "months: 0 must be greater than 0.")],
  ])("%s", (_what, b, s, e, c, m, conv, expected) => {
    const want = typeof expected === "number" ? expect.closeTo(expected, 9) : expected;
    expect(ceiCore(b, s, e, c, m, conv)).toEqual([[want]]);
  });

  test.each<[string, unknown[], unknown]>([
    ["begin_ar omitted", [null, 1, 1, 0, 1, null], err("VALUE", "begin_ar is required.")],
    ["credit_sales omitted", [1, null, 1, 0, 1, null], err("VALUE", "credit_sales is required.")],
    ["end_ar omitted", [1, 1, undefined, 0, 1, null], err("VALUE", "end_ar is required.")],
    ["end_current_ar an empty range", [1, 1, 1, [], 1, null], err("VALUE", "end_current_ar is required.")],
    [
      "begin_ar a 2-D range",
      [
        [
          [1, 2],
          [3, 4],
        ],
        1,
        1,
        0,
        1,
        null,
      ],
      err("VALUE", "begin_ar: expected a single column or row, but got a range of 2 rows × 2 columns."),
    ],
    [
      "credit_sales a 2-D range",
      [
        1,
        [
          [1, 2],
          [3, 4],
        ],
        1,
        0,
        1,
        null,
      ],
      err("VALUE", /^credit_sales: expected a single column or row/),
    ],
    [
      "end_ar a 2-D range",
      [
        1,
        1,
        [
          [1, 2],
          [3, 4],
        ],
        0,
        1,
        null,
      ],
      err("VALUE", /^end_ar: expected a single column or row/),
    ],
    [
      "end_current_ar a 2-D range",
      [
        1,
        1,
        1,
        [
          [0, 0],
          [0, 0],
        ],
        1,
        null,
      ],
      err("VALUE", /^end_current_ar: expected a single column or row/),
    ],
    [
      "months a 2-D range",
      [
        1,
        1,
        1,
        0,
        [
          [1, 2],
          [3, 4],
        ],
        null,
      ],
      err("VALUE", /^months: expected a single column or row/),
    ],
    ["unknown convention", [1, 1, 1, 0, 1, "quarterly"], err("VALUE", 'convention: "quarterly" is not one of "monthly", "period".')],
    ["convention a number", [1, 1, 1, 0, 1, 3], err("VALUE", /^convention: expected one of "monthly", "period" but got 3/)],
    [
      "ranges of different lengths",
      [[[1], [2]], [[1], [2], [3]], 1, 0, 1, null],
      err("VALUE", "credit_sales has 3 values but begin_ar has 2: ranges must be the same size (or a single cell)."),
    ],
  ])("one error for the call: %s", (_what, args, expected) => {
    const [b, s, e, c, m, conv] = args;
    expect(ceiCore(b, s, e, c, m, conv)).toEqual(expected);
  });

  test.each<[string, unknown[], unknown]>([
    // a 1×2 row of customers with a 2×1 column of sales: paired, the row decides the orientation
    [
      "row vs column → row out",
      [[[1000, 6200]], [[500], [10890]], [[600], [6340]], [[300], [3590]], [[1], [3]], null],
      [[75, expect.closeTo((3490 / 6240) * 100, 9)]],
    ],
    // a single cell repeats against a column
    [
      "single begin_ar cell against a column",
      [1000, [[500], [0]], [[600], [400]], 300, null, null],
      [[75], [expect.closeTo((600 / 700) * 100, 9)]],
    ],
    // all single cells → 1×1
    ["1×1 ranges", [[[1000]], [[500]], [[600]], [[300]], [[1]], null], [[75]]],
  ])("shape: %s", (_what, args, expected) => {
    const [b, s, e, c, m, conv] = args;
    expect(ceiCore(b, s, e, c, m, conv)).toEqual(expected);
  });

  test("pure cei: months default 1, monthly convention", () => {
    expect(cei(1000, 500, 600, 300)).toBe(75);
    expect(cei(1000, 1500, 600, 300)).toBe(cei(1000, 1500, 600, 300, 1, "period"));
  });
});

describe("CEI is never negative: inconsistent balances are #VALUE! naming the balance", () => {
  test("CEI(100, 0, 200, 0): ending AR above beginning AR plus sales (used to be −100)", () => {
    expect(ceiCore(100, 0, 200, 0, null, null)).toEqual([
      [
        err(
          "VALUE",
          "end_ar: ending AR 200 exceeds beginning AR plus credit sales (100 + 0 = 100): receivables cannot grow by more than the sales, so the balances are inconsistent.",
        ),
      ],
    ]);
    expect(ceiCore(100, 300, 500, 0, 3, "period")).toEqual([
      [
        err(
          "VALUE",
          "end_ar: ending AR 500 exceeds beginning AR plus credit sales (100 + 300 = 400): receivables cannot grow by more than the sales, so the balances are inconsistent.",
        ),
      ],
    ]);
  });
  test("denominator below 0: the ending current (not yet due) AR is the inconsistent balance, with the monthly convention's numbers", () => {
    expect(cei(100, 300, 250, 250, 3)).toEqual(
      err(
        "VALUE",
        'end_current_ar: ending current AR 250 exceeds beginning AR plus one month\'s average credit sales (100 + 300 ÷ 3 = 200), so CEI would be negative. Check the balances and months, or use convention "period" if that suits your data.',
      ),
    );
  });
  test("denominator 0 (nothing collectable) is #DIV/0!; amounts equal up to rounding are equal", () => {
    expect(cei(100, 0, 100, 100)).toEqual(err("DIV0", "CEI: beginning AR + sales − ending current AR is 0, nothing was collectable."));
    // 0.1 + 0.2 is 0.30000000000000004 in floating point: ending AR 0.3 is not "more than" it.
    expect(cei(0.1, 0.2, 0.3, 0)).toBe(0);
    expect(cei(0.1, 0.2, 0.30000000000000004, 0.30000000000000004)).toEqual(
      err("DIV0", "CEI: beginning AR + sales − ending current AR is 0, nothing was collectable."),
    );
  });
  test("amounts too large to add are #NUM!, not a wrong message", () => {
    expect(cei(1e308, 1e308, 0, 0)).toEqual(err("NUM", "CEI: the amounts are too large to add up (beyond ±1.8e308)."));
  });
  test("property: any amounts give a CEI from 0 to 100 or an error, never a negative index or more than 100", () => {
    const amount = fc.oneof(fc.double({ min: 0, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 1000 }));
    fc.assert(
      fc.property(
        amount,
        amount,
        amount,
        amount,
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom<"monthly" | "period">("monthly", "period"),
        (b, s, e, c, m, conv) => {
          const r = cei(b, s, e, c, m, conv);
          if (isEngineError(r)) return;
          expect(r).toBeGreaterThanOrEqual(0);
          expect(r).toBeLessThanOrEqual(100);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
