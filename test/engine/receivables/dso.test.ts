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
    expect(
      dsoCore(
        [
          [10000, 20000],
          [0, 6000],
        ],
        [[30000], [9000]],
        30,
        "average",
      ),
    ).toEqual([[15], [10]]);
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
    expect(
      code(
        dsoCore(
          [
            [1, 2],
            [3, 4],
          ],
          [[1], [2]],
          null,
          "standard",
        ),
      ),
    ).toBe("VALUE");
    expect(code(dsoCore([[1, 2, 3]], [[1]], null, "add"))).toBe("VALUE");
  });
  test("current AR above total AR is a row error", () => {
    const out = dsoCore(
      [
        [100, 200],
        [100, 50],
      ],
      [[100]],
      30,
      "bestpossible",
    ) as unknown[][];
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
    const out = dsoCore(
      [[212000, 50000]],
      [
        [70000, 10],
        [80000, 20],
        [100000, 100000],
      ],
      null,
      "countback",
    );
    expect(out).toEqual([[expect.closeTo(73.7142857, 6), 15]]);
  });
  test("days per month as a range (calendar months)", () => {
    // newest month 31 days fully used (100k), then 28 days month 80k fully, then 32/70 of a 31-day month
    expect(dsoCore(212000, [[70000], [80000], [100000]], [[31], [28], [31]], "countback")).toEqual([
      [expect.closeTo(31 + 28 + (32 / 70) * 31, 9)],
    ]);
    expect(code(dsoCore(212000, [[70000], [80000], [100000]], [[31], [28]], "countback"))).toBe("VALUE");
  });
  test("AR above all months' sales → #NUM! (needs more months)", () => {
    expect(code(dsoCountback(300, [100, 100], 30))).toBe("NA");
    expect(dsoCountback(200, [100, 100], 30)).toBe(60);
  });
  test("a blank (unknown) month stops the walk", () => {
    expect(dsoCountback(50, [null, 100], 30)).toBe(15);
    expect(code(dsoCountback(150, [null, 100], 30))).toBe("NA");
  });
  test("zero-sales month counts in full", () => {
    expect(dsoCountback(50, [100, 0], 30)).toBe(45);
  });
  test("shape errors", () => {
    expect(code(dsoCore([[1], [2]], [[1, 2, 3]], null, "countback"))).toBe("VALUE");
    expect(
      code(
        dsoCore(
          [[1]],
          [
            [1, 2],
            [3, 4],
          ],
          null,
          "countback",
        ),
      ),
    ).toBe("VALUE");
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
      fc.property(
        fc.array(pos, { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 1000, noNaN: true }),
        (months, frac, k) => {
          const total = months.reduce((a, b) => a + b, 0);
          const ar = total * frac;
          const a = dsoCountback(ar, months, 30) as number;
          const b = dsoCountback(
            ar * k,
            months.map((m) => m * k),
            30,
          ) as number;
          expect(Math.abs(b - a)).toBeLessThanOrEqual(1e-6 * Math.max(1, a));
          expect(dsoStandard(ar * k, total * k, 90) as number).toBeCloseTo(dsoStandard(ar, total, 90) as number, 6);
        },
      ),
    );
  });
  test("countback stays within 0 … total days and grows with AR", () => {
    fc.assert(
      fc.property(
        fc.array(pos, { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (months, f1, f2) => {
          const total = months.reduce((a, b) => a + b, 0);
          const [lo, hi] = f1 <= f2 ? [f1, f2] : [f2, f1];
          const a = dsoCountback(total * lo, months, 30) as number;
          const b = dsoCountback(total * hi, months, 30) as number;
          expect(a).toBeGreaterThanOrEqual(0);
          expect(b).toBeLessThanOrEqual(30 * months.length + 1e-9);
          expect(b).toBeGreaterThanOrEqual(a - 1e-9);
        },
      ),
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
const DIV0_SALES = err("DIV0", "credit_sales is 0: DSO is not defined without credit sales.");

describe("DSO edges (what an analyst may type)", () => {
  // receivables, credit_sales, days_in_period, method → whole spill
  test.each<[string, unknown, unknown, unknown, unknown, unknown]>([
    // standard
    ["standard: zero AR and sales → #DIV/0!", 0, 0, 30, null, [[DIV0_SALES]]],
    [
      "standard: days as text",
      [[100]],
      [[365]],
      "a year",
      null,
      [[err("VALUE", /^days_in_period: expected a number but got text "a year"/)]],
    ],
    ["standard: days blank = 365", [[100]], [[365]], "", "STANDARD", [[100]]],
    ["standard: sales as text", [[100]], [["abc"]], null, null, [[err("VALUE", /^credit_sales: expected a number but got text "abc"/)]]],
    ["standard: 1×2 row of AR with a 2×1 column of sales → row", [[100, 200]], [[365], [730]], null, null, [[100, 100]]],
    ["standard: one sales cell against a row of AR", [[100, 200]], 365, 365, null, [[100, 200]]],
    // average
    [
      "average: negative opening AR",
      [[-1, 100]],
      100,
      30,
      "average",
      [[err("VALUE", "receivables: opening AR -1 is negative; receivables must be 0 or more.")]],
    ],
    [
      "average: negative closing AR",
      [[100, -1]],
      100,
      30,
      "average",
      [[err("VALUE", "receivables: closing AR -1 is negative; receivables must be 0 or more.")]],
    ],
    ["average: zero sales", [[100, 100]], 0, 30, "average", [[DIV0_SALES]]],
    [
      "average: a row of sales pairs with the rows of AR (column out)",
      [
        [10_000, 20_000],
        [0, 6_000],
      ],
      [[30_000, 9_000]],
      [[30, 30]],
      "Average",
      [[15], [10]],
    ],
    // best possible / ADD, one problem per row
    ["add: total AR text", [["x", 50]], 100, 30, "add", [[err("VALUE", /^receivables \(total AR\): expected a number but got text "x"/)]]],
    [
      "add: current AR text",
      [[100, "y"]],
      100,
      30,
      "add",
      [[err("VALUE", /^receivables \(current AR\): expected a number but got text "y"/)]],
    ],
    ["add: sales text", [[100, 50]], "z", 30, "add", [[err("VALUE", /^credit_sales: expected a number but got text "z"/)]]],
    ["add: days negative", [[100, 50]], 100, -30, "add", [[err("VALUE", "days_in_period: -30 must be greater than 0.")]]],
    [
      "add: negative total AR",
      [[-1, 0]],
      100,
      30,
      "add",
      [[err("VALUE", "receivables: total AR -1 is negative; receivables must be 0 or more.")]],
    ],
    [
      "add: negative current AR",
      [[100, -1]],
      100,
      30,
      "add",
      [[err("VALUE", "receivables: current AR -1 is negative; it must be 0 or more.")]],
    ],
    [
      "add: current above total",
      [[100, 200]],
      100,
      30,
      "add",
      [[err("VALUE", "receivables: current AR 200 exceeds total AR 100; current AR is the not-yet-due part of the total.")]],
    ],
    ["add: all AR current → 0 days delinquent", [[100, 100]], 100, 30, "add", [[0]]],
    [
      "bestpossible: total AR blank",
      [["", 50]],
      100,
      30,
      "bestpossible",
      [[err("VALUE", "receivables (total AR) is required but the cell is empty.")]],
    ],
    [
      "bestpossible: sales and days as rows pair with the rows of AR",
      [
        [100, 50],
        [200, 100],
      ],
      [[100, 200]],
      [[30, 60]],
      "Best Possible",
      [[15], [30]],
    ],
    // countback
    [
      "countback: month text",
      [[150], [50]],
      [
        [100, "1,000"],
        [100, 100],
      ],
      30,
      "countback",
      [[err("VALUE", /^credit_sales \(month 2\): text "1,000" is text, not a number/)], [15]],
    ],
    [
      "countback: AR text",
      [["abc"], [50]],
      [
        [100, 100],
        [100, 100],
      ],
      30,
      "countback",
      [[err("VALUE", /^receivables: expected a number but got text "abc"/)], [15]],
    ],
    [
      "countback: negative month",
      150,
      [[100], [-100]],
      30,
      "countback",
      [[err("VALUE", "credit_sales: month 2 (-100) is negative; credit sales must be 0 or more.")]],
    ],
    ["countback: one month as a single cell", 50, 100, null, "countback", [[15]]],
    ["countback: zero AR → 0 even with zero sales", 0, [[0], [0]], null, "countback", [[0]]],
    [
      "countback: AR above all months → #N/A with the reason",
      300,
      [[100], [100]],
      null,
      "countback",
      [
        [
          expect.objectContaining({
            kind: "EngineError",
            code: "NA",
            message:
              "receivables exceed the credit sales of all 2 month(s) given (60 days counted, 100 AR left): countback needs more (older) months.",
          }),
        ],
      ],
    ],
    ["countback: a blank day in the per-month range = 30", 100, [[100], [100]], [[31], [""]], "countback", [[30]]],
  ])("%s", (_what, ar, sales, days, method, expected) => {
    expect(dsoCore(ar, sales, days, method)).toEqual(expected);
  });

  test.each<[string, unknown[], unknown]>([
    [
      "unknown method",
      [1, 1, null, "median"],
      err("VALUE", 'method: "median" is not one of "standard", "countback", "average", "bestpossible", "add".'),
    ],
    ["method a number", [1, 1, null, 2], err("VALUE", /^method: expected one of "standard", .* but got 2\.$/)],
    ["standard: credit_sales omitted", [[[100]], null, null, null], err("VALUE", "credit_sales is required.")],
    [
      "standard: days a 2-D range",
      [
        [[100]],
        [[365]],
        [
          [1, 2],
          [3, 4],
        ],
        null,
      ],
      err("VALUE", "days_in_period: expected a single column or row, but got a range of 2 rows × 2 columns."),
    ],
    [
      "standard: a 2-column AR range",
      [
        [
          [1, 2],
          [3, 4],
        ],
        [[1], [2]],
        null,
        null,
      ],
      err("VALUE", /^receivables: expected a single column or row, but got a range of 2 rows × 2 columns/),
    ],
    ["average: receivables omitted", [null, 100, 30, "average"], err("VALUE", "receivables is required.")],
    [
      "average: one column only",
      [[[100], [200]], 100, 30, "average"],
      err("VALUE", 'receivables: method "average" needs two columns [opening AR, closing AR] per row, but the range has 1 column(s).'),
    ],
    ["bestpossible: credit_sales omitted", [[[100, 50]], null, 30, "bestpossible"], err("VALUE", "credit_sales is required.")],
    [
      "bestpossible: days a 2-D range",
      [
        [[100, 50]],
        100,
        [
          [1, 2],
          [3, 4],
        ],
        "bestpossible",
      ],
      err("VALUE", /^days_in_period: expected a single column or row/),
    ],
    [
      "bestpossible: credit_sales a 2-D range",
      [
        [[100, 50]],
        [
          [1, 2],
          [3, 4],
        ],
        30,
        "bestpossible",
      ],
      err("VALUE", /^credit_sales: expected a single column or row/),
    ],
    [
      "add: rows of AR and sales of different lengths",
      [
        [
          [100, 50],
          [100, 50],
        ],
        [[1], [2], [3]],
        30,
        "add",
      ],
      err("VALUE", "credit_sales has 3 values but receivables has 2: ranges must be the same size (or a single cell)."),
    ],
    ["countback: receivables omitted", [null, [[1], [2]], null, "countback"], err("VALUE", "receivables is required.")],
    ["countback: credit_sales omitted", [100, null, null, "countback"], err("VALUE", "credit_sales is required.")],
    [
      "countback: AR row with the wrong number of sales columns",
      [
        [[100, 200]],
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
        null,
        "countback",
      ],
      err(
        "VALUE",
        "credit_sales has 3 column(s) but receivables has 2: give one column of monthly sales per customer (months top → bottom, newest last).",
      ),
    ],
    [
      "countback: AR column with the wrong number of sales rows",
      [[[100], [200]], [[1, 2, 3]], null, "countback"],
      err(
        "VALUE",
        "credit_sales has 1 row(s) but receivables has 2: give one row of monthly sales per customer (months left → right, newest last).",
      ),
    ],
    [
      "countback: a 2-D AR range",
      [
        [
          [1, 2],
          [3, 4],
        ],
        [
          [1, 2],
          [3, 4],
        ],
        null,
        "countback",
      ],
      err("VALUE", "receivables: countback expects one AR cell, a column or a row, but got 2 rows × 2 columns."),
    ],
    [
      "countback: single AR with a 2-D sales range",
      [
        100,
        [
          [1, 2],
          [3, 4],
        ],
        null,
        "countback",
      ],
      err(
        "VALUE",
        "credit_sales: with a single receivables cell, countback needs one column or one row of monthly sales (oldest first, newest last).",
      ),
    ],
    [
      "countback: days a 2-D range",
      [
        100,
        [[100], [100]],
        [
          [1, 2],
          [3, 4],
        ],
        "countback",
      ],
      err("VALUE", /^days_in_period: expected a single column or row/),
    ],
    [
      "countback: days per month as text",
      [100, [[100], [100]], "thirty", "countback"],
      err("VALUE", /^days_in_period \(days per month\): expected a number but got text "thirty"/),
    ],
    [
      "countback: days per month 0 (empty cell on Excel desktop)",
      [100, [[100], [100]], 0, "countback"],
      err("VALUE", "days_in_period (days per month): 0 must be greater than 0."),
    ],
    [
      "countback: one bad month in the per-month days",
      [100, [[100], [100]], [[31], [-1]], "countback"],
      err("VALUE", "days_in_period (month 2): -1 must be greater than 0."),
    ],
    [
      "countback: per-month days of the wrong length",
      [100, [[100], [100]], [[31], [28], [31]], "countback"],
      err("VALUE", "days_in_period has 3 values but there are 2 months: give one number for every month or one per month."),
    ],
  ])("one error for the call: %s", (_what, args, expected) => {
    const [ar, sales, days, method] = args;
    expect(dsoCore(ar, sales, days, method)).toEqual(expected);
  });

  test("pure helpers: default 365-day period, 30-day months, and the days check", () => {
    expect(dsoStandard(100, 365)).toBe(100);
    expect(dsoAverage(50, 150, 365)).toBe(100);
    expect(bestPossibleDso(200, 100, 365)).toBe(100);
    expect(averageDaysDelinquent(200, 100, 365)).toBe(100);
    expect(dsoCountback(50, [100])).toBe(15);
    expect(dsoStandard(100, 100, 0)).toEqual(err("VALUE", "days_in_period: 0 must be greater than 0."));
    expect(dsoCountback(50, [100, -1], 30)).toEqual(
      err("VALUE", "credit_sales: month 2 (-1) is negative; credit sales must be 0 or more."),
    );
  });
});

describe('empty months and rows at the ends of a selection (Excel desktop passes 0, the web null or "")', () => {
  const col = (xs: unknown[]): unknown[][] => xs.map((x) => [x]);
  const DSO_737 = expect.closeTo(60 + (32 / 70) * 30, 9);

  test.each<[string, unknown[]]>([
    ["desktop: two empty newest months as 0 (used to give 133.7)", [70000, 80000, 100000, 0, 0]],
    ["web: two empty newest months as null (used to give a misleading #N/A)", [70000, 80000, 100000, null, null]],
    ['web: empty newest months as ""', [70000, 80000, 100000, "", ""]],
    ["empty oldest months too, mixed spellings", [0, null, "", 70000, 80000, 100000, 0, null]],
    ["a whole year's column filled for three months", [70000, 80000, 100000, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
  ])("countback starts at the newest month with data: %s", (_what, months) => {
    expect(dsoCore(212000, col(months), null, "countback")).toEqual([[DSO_737]]);
    expect(dsoCore([[212000]], [months], null, "countback")).toEqual([[DSO_737]]); // the same months as a row
  });

  test("a month of 0 between months with data is a real month without sales (counts in full)", () => {
    // newest first: 100,000 (30 days) → 0 (30 days) → 80,000: 12,000 of it (4.5 days)
    expect(dsoCore(112000, col([70000, 80000, 0, 100000, 0, 0]), null, "countback")).toEqual([
      [expect.closeTo(60 + (12000 / 80000) * 30, 9)],
    ]);
  });

  test("a blank month between months with data stops the walk with #N/A naming that month", () => {
    expect(dsoCore(212000, col([70000, null, 100000, 0]), null, "countback")).toEqual([
      [
        {
          kind: "EngineError",
          code: "NA",
          message:
            "credit_sales: month 2 is blank (not known), so countback stops there (30 days counted, 112000 AR left). Enter that month's sales, 0 if there were none.",
        },
      ],
    ]);
  });

  test("running out of months says how many months hold data and where they are", () => {
    expect(dsoCore(300000, col([0, 70000, 80000, 100000, 0, 0]), null, "countback")).toEqual([
      [
        {
          kind: "EngineError",
          code: "NA",
          message:
            "receivables exceed the credit sales of the 3 month(s) with data, months 2–4 of the 6 in the range (90 days counted, 50000 AR left): countback needs more (older) months. Empty months at the ends of the range are not counted.",
        },
      ],
    ]);
    expect(dsoCore(300000, col([0, 0]), null, "countback")).toEqual([
      [
        {
          kind: "EngineError",
          code: "NA",
          message:
            "credit_sales: no month has sales (the 2 month(s) given are empty or 0), so countback cannot start. Give the monthly credit sales, oldest first and newest last.",
        },
      ],
    ]);
    expect(dsoCore(0, col([0, 0]), null, "countback")).toEqual([[0]]); // nothing owed: 0 days
  });

  test("several customers share one calendar: a month with sales for any customer is a real month for all", () => {
    // Month 4 has sales for the first customer only: for the second it is a month without sales (30 days).
    const out = dsoCore(
      col([212000, 50000]),
      [
        [70000, 80000, 100000, 50000, 0],
        [10, 20, 100000, 0, 0],
      ],
      null,
      "countback",
    );
    // first: 50,000 (30) + 100,000 (30) + 62,000 of 80,000 (23.25); second: 0 (30) + 50,000 of 100,000 (15)
    expect(out).toEqual([[expect.closeTo(60 + (62000 / 80000) * 30, 9)], [45]]);
    // Customers in columns (AR a row, months top → bottom): the same, with the empty newest month dropped.
    expect(
      dsoCore(
        [[212000, 50000]],
        [
          [70000, 10],
          [80000, 20],
          [100000, 100000],
          [50000, 0],
          [null, null],
        ],
        null,
        "countback",
      ),
    ).toEqual([[expect.closeTo(60 + (62000 / 80000) * 30, 9), 45]]);
  });

  test("a per-month days range is read only for the months with data (its empty ends may be 0)", () => {
    expect(dsoCore(212000, col([70000, 80000, 100000, 0, 0]), col([31, 28, 31, 0, 0]), "countback")).toEqual([
      [expect.closeTo(31 + 28 + (32 / 70) * 31, 9)],
    ]);
    expect(dsoCore(212000, col([70000, 80000, 100000, 0]), col([31, 0, 31, 0]), "countback")).toEqual(
      expect.objectContaining({ code: "VALUE", message: "days_in_period (month 2): 0 must be greater than 0." }),
    );
  });

  test('customer rows that hold nothing give "": blank anywhere, blank or 0 at the ends', () => {
    expect(
      dsoCore(
        col([212000, 0, null]),
        [
          [70000, 80000, 100000],
          [0, 0, 0],
          [null, null, null],
        ],
        null,
        "countback",
      ),
    ).toEqual([[DSO_737], [""], [""]]);
    // A blank customer between others stays "" when the range also has unused (0) months at its ends.
    expect(
      dsoCore(
        col([212000, null, 212000]),
        [
          [0, 70000, 80000, 100000, 0],
          [0, null, null, null, 0],
          [0, 70000, 80000, 100000, 0],
        ],
        null,
        "countback",
      ),
    ).toEqual([[DSO_737], [""], [DSO_737]]);
    // Between customers with data, AR 0 is a real customer who owes nothing.
    expect(
      dsoCore(
        col([212000, 0, 212000]),
        [
          [70000, 80000, 100000],
          [0, 0, 0],
          [70000, 80000, 100000],
        ],
        null,
        "countback",
      ),
    ).toEqual([[DSO_737], [0], [DSO_737]]);
  });

  test("standard, average, bestpossible and add: rows of 0s at the ends are empty, between rows of data they are real", () => {
    expect(dsoCore(col([15000, 0, 0]), col([10000, 0, 0]), 30, null)).toEqual([[45], [""], [""]]);
    expect(dsoCore(col([0, 15000]), col([0, 10000]), 30, null)).toEqual([[""], [45]]);
    expect(dsoCore(col([15000, 0, 15000]), col([10000, 0, 10000]), 30, null)).toEqual([[45], [DIV0_SALES], [45]]);
    expect(
      dsoCore(
        [
          [15000, 4000],
          [0, 0],
        ],
        col([10000, 0]),
        30,
        "add",
      ),
    ).toEqual([[33], [""]]);
    expect(
      dsoCore(
        [
          [10000, 20000],
          [0, 0],
          [0, 0],
        ],
        col([30000, 0, 0]),
        30,
        "average",
      ),
    ).toEqual([[15], [""], [""]]);
  });
});
