import fc from "fast-check";
import { isEngineError } from "../../../src/engine/errors";
import {
  DEFAULT_PERCENT_BOUND,
  autoMapColumns,
  findPercentColumns,
  percentBound,
  percentColumnMessage,
  prepareReview,
  prepareReviewSteps,
  reviewChunk,
  rowInputs,
  summarise,
} from "../../../src/engine/portfolio";
import { AS_OF, TEST_POLICY } from "./fixtures";

// No place given: the header is in sheet row 1 from column A, so the debt ratios are B2:B6.
const EN_553 =
  "Column “资产负债率(%)” (debt_ratio, B2:B6) looks like percentages (median 55.3): ratios must be decimals, e.g. 0.553 for 55.3 %. Divide the column by 100 (or fix the cells' format) and review again.";
const ZH_553 =
  "“资产负债率(%)”列（debt_ratio，B2:B6）看起来是百分数（中位数 55.3）：比率须为小数，如 55.3% 应填 0.553。请将该列除以 100（或更正单元格格式）后重新评估。";

/** One column per case; only the percent-number debt ratio is flagged. */
const HEADERS = [
  "客户编号",
  "资产负债率(%)",
  "速动比率",
  "Gross margin",
  "Net margin",
  "ROA",
  "Avg days late",
  "Cash flow / total liabilities",
];
const ROWS: unknown[][] = [
  // id,  debt % , quick, gross (decimal), net (decimal + one outlier), roa (mostly blank), days late, CF/TL (decimals up to 2.6)
  ["C1", 55.3, 1.2, 0.3, 0.05, "", 30, 2.6],
  ["C2", 61, 0.9, 0.25, 0.08, "n/a", 30, 0.4],
  ["C3", 40.2, 1.5, 0.41, 35, null, 30, 2.2],
  ["C4", 70, 0.7, 0.18, 0.02, 0.04, 30, 1.9],
  ["C5", 48, 2, 0.33, 0.1, "", 30, 0.1],
];

describe("findPercentColumns: example table", () => {
  const cols = autoMapColumns(HEADERS).columns;

  test("the percent-number debt ratio is flagged with the exact en text; the others are not", () => {
    // |x| sorted: 40.2, 48, 55.3, 61, 70 → median 55.3 > 1.5
    expect(findPercentColumns(ROWS, cols, "en")).toEqual([
      {
        column: 1,
        header: "资产负债率(%)",
        key: "debt_ratio",
        median: 55.3,
        values: 5,
        message: EN_553,
        at: { sheetName: "", row: 0, column: 1, cell: "B1", address: "B1" },
      },
    ]);
  });

  test("exact zh text", () => {
    expect(findPercentColumns(ROWS, cols, "zh").map((c) => c.message)).toEqual([ZH_553]);
  });

  test("decimals, mostly blanks, one outlier, days of 30 and CF/TL decimals up to 2.6 are not flagged", () => {
    const decimals = ROWS.map((r) => [r[0], (r[1] as number) / 100, ...r.slice(2)]);
    expect(findPercentColumns(decimals, cols, "en")).toEqual([]);
  });

  test("an even count uses the mean of the two middle values; equal to the bound is not flagged", () => {
    const c = autoMapColumns(["Debt ratio"]).columns;
    // |x| 1, 1, 2, 2 → median 1.5: not above the bound
    expect(findPercentColumns([[1], [-1], [2], [2]], c, "en")).toEqual([]);
    // |x| 1, 1.8, 2, 3 → median 1.9
    expect(findPercentColumns([[1], [1.8], [-2], [3]], c, "en").map((x) => x.median)).toEqual([1.9]);
  });

  test("cash_flow_to_debt has bound 3; a column with no numbers is never flagged", () => {
    const c = autoMapColumns(["Cash flow / total liabilities"]).columns;
    expect(findPercentColumns([[2.9], [3], [2.5]], c, "en")).toEqual([]);
    expect(findPercentColumns([[25], [32], [12]], c, "en").map((x) => [x.key, x.median])).toEqual([["cash_flow_to_debt", 25]]);
    expect(findPercentColumns([[""], ["n/a"], [null], ["55%"]], autoMapColumns(["Debt ratio"]).columns, "en")).toEqual([]);
  });

  test("late/overdue shares in percent numbers are flagged too (their rows are also out of range)", () => {
    const c = autoMapColumns(["逾期发票比例"]).columns;
    const [x] = findPercentColumns([[40], [12.5], [0]], c, "zh");
    expect(x.message).toBe(
      "“逾期发票比例”列（pct_invoices_late，A2:A4）看起来是百分数（中位数 12.5）：比率须为小数，如 12.5% 应填 0.125。请将该列除以 100（或更正单元格格式）后重新评估。",
    );
  });

  test("percentBound: percent-unit factors only", () => {
    expect(percentBound("debt_ratio")).toBe(DEFAULT_PERCENT_BOUND);
    expect(DEFAULT_PERCENT_BOUND).toBe(1.5);
    expect(percentBound("ebit_to_assets")).toBe(1.5);
    expect(percentBound("cash_flow_to_debt")).toBe(3);
    expect(percentBound("avg_days_late")).toBeNull();
    expect(percentBound("quick_ratio")).toBeNull();
    expect(percentBound("sales")).toBeNull();
  });

  test("message: median to 2 decimals and its decimal equivalent", () => {
    expect(percentColumnMessage("EBIT %", "ebit_to_assets", 12, "en")).toBe(
      "Column “EBIT %” (ebit_to_assets) looks like percentages (median 12): ratios must be decimals, e.g. 0.12 for 12 %. Divide the column by 100 (or fix the cells' format) and review again.",
    );
    expect(percentColumnMessage("Debt ratio %", "debt_ratio", 58.154, "en")).toContain(
      "(median 58.15): ratios must be decimals, e.g. 0.5815 for 58.15 %.",
    );
    expect(percentColumnMessage("Debt ratio %", "debt_ratio", 55.3, "en", "Customers!E6:E205")).toMatch(
      /^Column “Debt ratio %” \(debt_ratio, Customers!E6:E205\) looks like percentages/,
    );
    expect(percentColumnMessage("资产负债率(%)", "debt_ratio", 55.3, "zh", "'客户'!E6:E205")).toMatch(
      /^“资产负债率\(%\)”列（debt_ratio，'客户'!E6:E205）看起来是百分数/,
    );
  });
});

describe("findPercentColumns: properties", () => {
  const cols = autoMapColumns(["Debt ratio"]).columns;
  const decimal = fc.double({ min: -1.5, max: 1.5, noNaN: true });

  test("a column of decimals within ±1.5 (blanks mixed in) is never flagged", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(decimal, fc.constant("")), { minLength: 1, maxLength: 40 }), (xs) => {
        expect(
          findPercentColumns(
            xs.map((x) => [x]),
            cols,
            "en",
          ),
        ).toEqual([]);
      }),
    );
  });

  test("the same decimals × 100 are flagged once their median |x| exceeds 0.015, with median × 100", () => {
    fc.assert(
      fc.property(fc.array(decimal, { minLength: 1, maxLength: 40 }), (xs) => {
        const a = xs.map(Math.abs).sort((p, q) => p - q);
        const n = a.length;
        const med = n % 2 ? a[(n - 1) / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
        const found = findPercentColumns(
          xs.map((x) => [x * 100]),
          cols,
          "en",
        );
        if (med * 100 > 1.5 + 1e-9) {
          expect(found).toHaveLength(1);
          expect(found[0].median).toBeCloseTo(med * 100, 9);
        } else if (med * 100 < 1.5 - 1e-9) expect(found).toEqual([]);
      }),
    );
  });
});

describe("in the review", () => {
  const headers = ["Customer ID", "Debt ratio %", "Quick ratio", "Avg days late"];
  const rows: unknown[][] = [
    ["C1", 55.3, 1.2, 0],
    ["C2", 40.2, 0.8, 30],
    ["C3", 70, 1.5, ""],
  ];
  const input = (lang: "en" | "zh") => ({ headers, rows, mapping: autoMapColumns(headers), asOf: AS_OF, policy: TEST_POLICY, lang });

  test("state and summary carry the warning; the values are scored as given, never rescaled", () => {
    const state = prepareReview(input("en"));
    if (isEngineError(state)) throw new Error(state.message);
    reviewChunk(state, 0, state.total);
    const summary = summarise(state);
    const warning = {
      column: 1,
      header: "Debt ratio %",
      key: "debt_ratio",
      median: 55.3,
      values: 3,
      message:
        "Column “Debt ratio %” (debt_ratio, B2:B4) looks like percentages (median 55.3): ratios must be decimals, e.g. 0.553 for 55.3 %. Divide the column by 100 (or fix the cells' format) and review again.",
      at: { sheetName: "", row: 0, column: 1, cell: "B1", address: "B1" },
    };
    expect(state.percentColumns).toEqual([warning]);
    expect(summary.percentColumns).toEqual([warning]);
    const c1 = rowInputs(state, 0);
    if (isEngineError(c1)) throw new Error(c1.message);
    expect(c1.values.debt_ratio).toBe(55.3);
    // debt ratio ≥ 0.8 → 0 points, quick 30, days late 30 → 60
    expect(state.results[0]?.score).toBe(60);
    expect(summary.scored).toBe(3);
  });

  test("zh review; steps with a small step give the same result; none without an id column", () => {
    const it = prepareReviewSteps(input("zh"), 1);
    let s = it.next();
    let yields = 0;
    while (!s.done) {
      yields++;
      s = it.next();
    }
    if (isEngineError(s.value)) throw new Error(s.value.message);
    expect(yields).toBe(2); // rows 1 and 2 of the one pass over the table
    expect(s.value.percentColumns.map((c) => c.message)).toEqual([
      "“Debt ratio %”列（debt_ratio，B2:B4）看起来是百分数（中位数 55.3）：比率须为小数，如 55.3% 应填 0.553。请将该列除以 100（或更正单元格格式）后重新评估。",
    ]);
    const noId = prepareReview({
      ...input("en"),
      headers: headers.slice(1),
      rows: rows.map((r) => r.slice(1)),
      mapping: autoMapColumns(headers.slice(1)),
    });
    if (isEngineError(noId)) throw new Error(noId.message);
    expect(noId.percentColumns.map((c) => c.median)).toEqual([55.3]);
    expect(noId.duplicates).toEqual([]);
  });

  test("a decimal table has no percent columns", () => {
    const state = prepareReview({ ...input("en"), rows: rows.map((r) => [r[0], (r[1] as number) / 100, r[2], r[3]]) });
    if (isEngineError(state)) throw new Error(state.message);
    expect(summarise(state).percentColumns).toEqual([]);
  });
});
