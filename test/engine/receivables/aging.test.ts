import fc from "fast-check";
import { isEngineError } from "../../../src/engine/errors";
import { serialFromYmd } from "../../../src/engine/dates";
import { agingBucket, agingCore, agingLabels, agingSummary, readAgingEdges } from "../../../src/engine/receivables/aging";

const A = serialFromYmd(2026, 6, 30);
const col = (xs: unknown[]) => xs.map((x) => [x]);

describe("AGING", () => {
  const dpd = [0, 1, 30, 31, 60, 61, 90, 91, -5];
  const dues = col(dpd.map((d) => A - d));
  test("labels per invoice at the bucket edges (en / zh)", () => {
    expect(agingCore(dues, A, null, null, "en")).toEqual(
      col(["Current", "1–30", "1–30", "31–60", "31–60", "61–90", "61–90", "90+", "Current"]),
    );
    expect(agingCore(dues, A, null, null, "zh")).toEqual(
      col(["未逾期", "1–30天", "1–30天", "31–60天", "31–60天", "61–90天", "61–90天", "90天以上", "未逾期"]),
    );
  });
  test("amounts → 2-row spill: labels then sums; paid (0) in no bucket; credit notes netted", () => {
    const amounts = col([100, 200, 300, 400, 500, 600, 700, 800, 0]);
    expect(agingCore(dues, A, amounts, null, "en")).toEqual([
      ["Current", "1–30", "31–60", "61–90", "90+"],
      [100, 500, 900, 1300, 800],
    ]);
    expect(agingCore(col([A - 5, A - 5]), A, col([1000, -250]), null, "en")).toEqual([
      ["Current", "1–30", "31–60", "61–90", "90+"],
      [0, 750, 0, 0, 0],
    ]);
  });
  test("custom edges {15,45} (a row or a column)", () => {
    expect(agingLabels([15, 45], "en")).toEqual(["Current", "1–15", "16–45", "45+"]);
    expect(agingCore(col([A - 15, A - 16, A - 46]), A, null, [[15, 45]], "en")).toEqual(col(["1–15", "16–45", "45+"]));
    expect(agingCore(col([A - 15, A - 16, A - 46]), A, col([1, 2, 4]), col([15, 45]), "en")).toEqual([
      ["Current", "1–15", "16–45", "45+"],
      [0, 1, 2, 4],
    ]);
  });
  test("bad edges are one error", () => {
    expect(isEngineError(readAgingEdges([[30, 30]]))).toBe(true);
    expect(isEngineError(readAgingEdges([[60, 30]]))).toBe(true);
    expect(isEngineError(readAgingEdges([[-5, 30]]))).toBe(true);
    expect(isEngineError(readAgingEdges([[1.5]]))).toBe(true);
    expect(isEngineError(agingCore(dues, A, null, [["x"]], "en"))).toBe(true);
  });
  test("bad rows: per-invoice error cells; summary leaves them out and adds an Errors column", () => {
    const out = agingCore(col([A - 40, "2026-05-01", null, A - 2]), A, null, null, "en") as unknown[][];
    expect(out[0][0]).toBe("31–60");
    expect(isEngineError(out[1][0])).toBe(true);
    expect(out[2][0]).toBe("");
    expect(out[3][0]).toBe("1–30");
    const sum = agingCore(col([A - 40, "2026-05-01", null, A - 2, A]), A, col([10, 20, 30, "abc", 5]), null, "zh") as unknown[][];
    expect(sum[0]).toEqual(["未逾期", "1–30天", "31–60天", "61–90天", "90天以上", "错误"]);
    expect(sum[1].slice(0, 5)).toEqual([5, 0, 10, 0, 0]);
    const e = sum[1][5];
    expect(isEngineError(e) && e.message).toMatch(/^3 row\(s\) could not be read.*first: row 2: due_dates/);
  });
  test("argument errors: mismatched lengths, as_of a range in summary mode", () => {
    expect(isEngineError(agingCore(col([A, A]), A, col([1, 2, 3]), null, "en"))).toBe(true);
    expect(isEngineError(agingCore(col([A, A]), col([A, A]), col([1, 2]), null, "en"))).toBe(true);
    expect(agingCore(col([A, A]), col([A, A + 5]), null, null, "en")).toEqual(col(["Current", "1–30"]));
  });
});

describe("aging properties", () => {
  test("buckets partition the open amount exactly", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -400, max: 400 }), fc.integer({ min: -1e9, max: 1e9 })), { maxLength: 200 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 365 }), { minLength: 1, maxLength: 6 }),
        (rows, edgesRaw) => {
          const edges = [...edgesRaw].sort((a, b) => a - b);
          const s = agingSummary(
            rows.map(([d]) => A - d),
            rows.map(([, a]) => a / 100),
            A,
            edges,
          );
          // cents: compare in integer cents to stay exact
          const bucketCents = s.amounts.reduce((x, y) => x + Math.round(y * 100), 0);
          expect(bucketCents).toBe(rows.reduce((x, [, a]) => x + a, 0));
          expect(s.amounts.length).toBe(edges.length + 2);
          expect(s.badRows).toBe(0);
        },
      ),
    );
  });
  test("integer amounts: sum of buckets equals sum of amounts exactly; each invoice in exactly one bucket", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -400, max: 400 }), fc.integer({ min: 0, max: 1e9 })), { maxLength: 200 }), (rows) => {
        const s = agingSummary(
          rows.map(([d]) => A - d),
          rows.map(([, a]) => a),
          A,
        );
        expect(s.amounts.reduce((x, y) => x + y, 0)).toBe(rows.reduce((x, [, a]) => x + a, 0));
        for (const [d] of rows) {
          const b = agingBucket(d);
          expect(b).toBeGreaterThanOrEqual(0);
          expect(b).toBeLessThanOrEqual(4);
        }
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
const TEXT_DATE = (arg: string, text: string) =>
  err("VALUE", `${arg}: text "${text}" is not a date. Enter a real Excel date (e.g. with DATE() or DATEVALUE()).`);

describe("AGING edges (what an analyst may type)", () => {
  test.each<[string, unknown, unknown]>([
    ["omitted → 30/60/90", null, [30, 60, 90]],
    ["a column with a blank cell", [[30], [""], [90]], [30, 90]],
    ["only blank cells → 30/60/90", [["", null, "n/a"]], [30, 60, 90]],
    // Excel desktop passes the empty cells of a larger selection as 0: they must not break the edges
    ["trailing empty cells as Excel desktop passes them (0)", [[30], [60], [90], [0], [0]], [30, 60, 90]],
    ["a row constant {30,60,90,180}", [[30, 60, 90, 180]], [30, 60, 90, 180]],
    [
      "a 2-D range",
      [
        [30, 60],
        [90, 120],
      ],
      err("VALUE", "buckets: expected one row or one column of day edges (e.g. 30, 60, 90) but got 2 rows × 2 columns."),
    ],
    ["not ascending", [[60, 30]], err("VALUE", "buckets: 30 must be greater than the previous edge 60 (edges ascending).")],
    ["negative edge", [[-5, 30]], err("VALUE", "buckets: -5 is below the smallest allowed value 1.")],
    ["fractional edge", [[1.5]], err("VALUE", "buckets: 1.5 must be a whole number.")],
    ["text edge", [["30 days"]], err("VALUE", /^buckets: expected a number but got text "30 days"/)],
  ])("buckets: %s", (_what, arg, expected) => {
    expect(readAgingEdges(arg)).toEqual(expected);
  });

  test("desktop blanks in the buckets range still give the default labels and sums", () => {
    expect(agingCore(col([A - 10, A - 45]), A, col([100, 200]), col([30, 60, 90, 0]), "en")).toEqual([
      ["Current", "1–30", "31–60", "61–90", "90+"],
      [0, 100, 200, 0, 0],
    ]);
  });

  test("default labels are English 30/60/90", () => {
    expect(agingLabels()).toEqual(["Current", "1–30", "31–60", "61–90", "90+"]);
  });

  // due_dates, as_of, amounts, buckets → whole result (labels per invoice, or the 2-row summary)
  test.each<[string, unknown[], unknown]>([
    ["as_of before the due date → Current", [col([A + 10]), A], col(["Current"])],
    [
      "as_of as text in one row (label mode)",
      [col([A - 40, A - 40]), col(["2026-06-30", A])],
      [[TEXT_DATE("as_of", "2026-06-30")], ["31–60"]],
    ],
    [
      "as_of blank in one row (label mode)",
      [col([A - 40, A - 40]), col(["", A])],
      [[err("VALUE", "as_of is required but the cell is empty.")], ["31–60"]],
    ],
    ["blank due date skips a bad as_of", [col([null]), col(["x"])], col([""])],
    ["a 1×N row of due dates with one as_of → row out", [[[A - 40, A - 100]], A], [["31–60", "90+"]]],
    ["one due date against a column of as_of dates", [A - 10, col([A, A + 30])], col(["1–30", "31–60"])],
    [
      "due dates as a row, amounts as a column (summary)",
      [[[A - 40, A - 100]], A, col([10, 20])],
      [
        ["Current", "1–30", "31–60", "61–90", "90+"],
        [0, 0, 10, 0, 20],
      ],
    ],
    [
      "summary with only credit notes → negative bucket",
      [col([A - 5]), A, col([-300])],
      [
        ["Current", "1–30", "31–60", "61–90", "90+"],
        [0, -300, 0, 0, 0],
      ],
    ],
    [
      "summary with an empty selection (desktop zeros)",
      [col([0, 0]), A, col([0, 0])],
      [
        ["Current", "1–30", "31–60", "61–90", "90+"],
        [0, 0, 0, 0, 0],
      ],
    ],
  ])("%s", (_what, [due, asOf, amounts = null, buckets = null], expected) => {
    expect(agingCore(due, asOf, amounts, buckets, "en")).toEqual(expected);
  });

  test.each<[string, unknown[], unknown]>([
    ["due_dates omitted", [null, A], err("VALUE", "due_dates is required.")],
    [
      "due_dates a 2-D range",
      [
        [
          [A, A],
          [A, A],
        ],
        A,
      ],
      err("VALUE", /^due_dates: expected a single column or row, but got a range of 2 rows × 2 columns/),
    ],
    ["as_of omitted (label mode)", [col([A]), null], err("VALUE", "as_of is required.")],
    [
      "as_of a range of another length (label mode)",
      [col([A, A]), col([A, A, A])],
      err("VALUE", "as_of has 3 values but due_dates has 2: ranges must be the same size (or a single cell)."),
    ],
    [
      "amounts a 2-D range",
      [
        col([A]),
        A,
        [
          [1, 2],
          [3, 4],
        ],
      ],
      err("VALUE", /^amounts: expected a single column or row/),
    ],
    [
      "amounts of another length",
      [col([A, A]), A, col([1, 2, 3])],
      err("VALUE", "amounts has 3 values but due_dates has 2: ranges must be the same size (or a single cell)."),
    ],
    [
      "as_of a range (summary)",
      [col([A, A]), col([A, A]), col([1, 2])],
      err("VALUE", "as_of: expected a single cell but got a range of 2 rows × 1 columns."),
    ],
    ["as_of blank (summary)", [col([A]), null, col([1])], err("VALUE", "as_of is required but the cell is empty.")],
    ["as_of as text (summary)", [col([A]), "2026-06-30", col([1])], TEXT_DATE("as_of", "2026-06-30")],
    ["bad buckets", [col([A]), A, null, [["x"]]], err("VALUE", /^buckets: expected a number but got text "x"/)],
  ])("one error for the call: %s", (_what, [due, asOf, amounts = null, buckets = null], expected) => {
    expect(agingCore(due, asOf, amounts, buckets, "en")).toEqual(expected);
  });

  test("unreadable rows in the summary: English Errors column with the count and first problem", () => {
    expect(agingCore(col([A, "x", A - 5]), A, col([1, 2, "3 EUR"]), null, "en")).toEqual([
      ["Current", "1–30", "31–60", "61–90", "90+", "Errors"],
      [
        1,
        0,
        0,
        0,
        0,
        err("VALUE", /^2 row\(s\) could not be read and are left out of the buckets; first: row 2: due_dates: text "x" is not a date/),
      ],
    ]);
    // an open amount without a due date is a bad row, not a silent Current
    expect(agingCore(col([null]), A, col([50]), null, "en")).toEqual([
      ["Current", "1–30", "31–60", "61–90", "90+", "Errors"],
      [
        0,
        0,
        0,
        0,
        0,
        err(
          "VALUE",
          "1 row(s) could not be read and are left out of the buckets; first: row 1: due_dates: the due date is missing for an open amount.",
        ),
      ],
    ]);
  });
});

describe("AGING: empty cells of a larger selection, empty ranges", () => {
  test.each<[string, unknown, unknown]>([
    [
      "a 2-D block whose filled cells are one row (the rows below empty)",
      [
        [15, 45, 0],
        [0, 0, 0],
      ],
      [15, 45],
    ],
    [
      "a 2-D block whose filled cells are one column (web blanks)",
      [
        [null, 30],
        ["", 60],
        [null, 90],
      ],
      [30, 60, 90],
    ],
    [
      "an empty 2-D block → 30/60/90",
      [
        [0, 0],
        [null, ""],
      ],
      [30, 60, 90],
    ],
    [
      "still a 2-D range when the filled cells span rows and columns",
      [
        [30, 0],
        [0, 60],
      ],
      err("VALUE", "buckets: expected one row or one column of day edges (e.g. 30, 60, 90) but got 2 rows × 2 columns."),
    ],
    ["a ragged range", [[30], [60, 90]], err("VALUE", "buckets: the range is not rectangular: row 2 has 2 cell(s) but row 1 has 1.")],
  ])("buckets: %s", (_what, arg, expected) => {
    expect(readAgingEdges(arg)).toEqual(expected);
  });

  test("amounts given but empty is one #VALUE! (leave the argument out for a label per invoice)", () => {
    expect(agingCore(col([A - 10, A - 45]), A, [[]], null, "en")).toEqual(err("VALUE", "amounts is required."));
  });
});
