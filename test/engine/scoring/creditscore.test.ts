import { creditScoreCore } from "../../../src/engine/scoring/creditscore";
import { creditLimitCore } from "../../../src/engine/limit/creditlimit";
import { isEngineError } from "../../../src/engine/errors";
import { DEFAULT_MODEL } from "../../../src/engine/scoring/model";
import { pdOf, scoreCustomer } from "../../../src/engine/scoring/score";
import type { Spill } from "../../../src/engine/spill";
import { TEST_MODEL } from "./fixtures";

const spill = (x: unknown): Spill => {
  if (isEngineError(x)) throw new Error(`unexpected error: ${x.message}`);
  return x as Spill;
};

describe("creditScoreCore (test model)", () => {
  const table = [
    ["Customer", "Debt ratio", "利息保障倍数", "Days beyond terms", "Notes"],
    ["Alpha", 0.6, 0.8, "", "x"],
    ["Beta", 0.3, 5, 0, ""],
    ["", "", "", "", ""],
    ["Gamma", "1,234", 2, 0, "bad cell"],
    ["Delta", "n/a", "-", 45, ""],
  ];

  test("header row from values: first output row is a header of output labels", () => {
    expect(creditScoreCore(table, null, null, "en", TEST_MODEL)).toEqual([
      ["Score"],
      [35],
      [100],
      [""],
      [expect.objectContaining({ kind: "EngineError", code: "VALUE" })],
      [25],
    ]);
    expect(spill(creditScoreCore(table, null, "band", "zh", TEST_MODEL))[0]).toEqual(["等级"]);
  });

  test("a bad cell gives an error in that row only, naming the column", () => {
    const out = spill(creditScoreCore(table, null, "all", "en", TEST_MODEL));
    expect(out[4]).toHaveLength(5);
    for (const cell of out[4]) {
      expect(isEngineError(cell)).toBe(true);
      expect((cell as { message: string }).message).toContain('debt_ratio (column "Debt ratio")');
      expect((cell as { message: string }).message).toContain("1,234");
    }
    expect(out[5][0]).toBe(25); // next row still scores: debt & coverage unknown (15 + 10), 45 days late → 0
  });

  test('output "all": score, band, pd, coverage, reasons', () => {
    const out = spill(creditScoreCore(table, null, "all", "en", TEST_MODEL));
    expect(out[0]).toEqual(["Score", "Band", "PD (12m)", "Coverage", "Reasons"]);
    expect(out[1]).toEqual([35, "D", pdOf(35, TEST_MODEL), 0.55, "Interest coverage 0.8× (−10 pts)"]);
    expect(out[2]).toEqual([100, "A", pdOf(100, TEST_MODEL), 1, ""]);
    expect(out[3]).toEqual(["", "", "", "", ""]);
    expect(out[5]).toEqual([25, "E", pdOf(25, TEST_MODEL), 0.45, "Average days late 45 days (−20 pts)"]);
  });

  test('output "reasons" in Chinese, "pd" and "band"', () => {
    expect(spill(creditScoreCore(table, null, "reasons", "zh", TEST_MODEL))[1]).toEqual(["利息保障倍数 0.8倍（−10分）"]);
    expect(spill(creditScoreCore(table, null, "PD", "en", TEST_MODEL))[1][0]).toBeCloseTo(1 / (1 + Math.exp(1.5)), 12);
    expect(spill(creditScoreCore(table, null, [["band"]], "en", TEST_MODEL)).map((r) => r[0])).toEqual([
      "Band",
      "D",
      "A",
      "",
      expect.anything(),
      "E",
    ]);
  });

  test("labels given: all rows are data, no header row in the result", () => {
    expect(
      creditScoreCore(
        [
          [0.6, 0.8],
          [0.3, 5],
        ],
        [["debt_ratio", "interest_coverage"]],
        "score",
        "en",
        TEST_MODEL,
      ),
    ).toEqual([[35], [75]]);
    expect(creditScoreCore([0.6, 0.8], ["debt_ratio", "interest_coverage"], "band", "en", TEST_MODEL)).toEqual([["D"]]);
  });

  test("labels must be one row as wide as values", () => {
    const e1 = creditScoreCore([[0.6, 0.8]], [["debt_ratio"]], null, "en", TEST_MODEL);
    expect(isEngineError(e1) && e1.message).toContain("labels has 1 columns but values has 2");
    const e2 = creditScoreCore([[0.6]], [["debt_ratio"], ["x"]], null, "en", TEST_MODEL);
    expect(isEngineError(e2) && e2.message).toContain("labels: expected a single row");
  });

  test("unknown output names the allowed values", () => {
    const e = creditScoreCore(table, null, "rating", "en", TEST_MODEL);
    expect(isEngineError(e) && e.code).toBe("VALUE");
    expect(isEngineError(e) && e.message).toBe('output: "rating" is not one of "score", "band", "pd", "reasons", "all".');
  });

  test("no recognised column → one #VALUE! naming accepted keys", () => {
    const e = creditScoreCore(
      [
        ["Customer", "Colour"],
        ["A", "red"],
      ],
      null,
      null,
      "en",
    );
    expect(isEngineError(e) && e.code).toBe("VALUE");
    expect(isEngineError(e) && e.message).toMatch(
      /no column is a recognised factor\. Accepted keys: working_capital_to_assets, .*debt_ratio.*negative_news/,
    );
    // recognised non-factor fields alone are not enough to score
    expect(
      isEngineError(
        creditScoreCore(
          [
            ["客户名称", "Exposure"],
            ["A", 5],
          ],
          null,
          null,
          "en",
        ),
      ),
    ).toBe(true);
  });

  test("two columns meaning the same key are an error", () => {
    const e = creditScoreCore(
      [
        ["Sales", "Revenue"],
        [1, 2],
      ],
      null,
      null,
      "en",
    );
    expect(isEngineError(e) && e.message).toContain('"Sales" and "Revenue" both mean sales');
  });

  test("empty values is an error; a header-only table gives just the header row", () => {
    expect(isEngineError(creditScoreCore(null, null, null, "en"))).toBe(true);
    expect(isEngineError(creditScoreCore([], null, null, "en"))).toBe(true);
    expect(creditScoreCore([["debt_ratio"]], null, null, "en")).toEqual([["Score"]]);
  });

  test("out-of-range values and logical values", () => {
    const out = spill(
      creditScoreCore(
        [
          ["country_risk", "negative_news", "pct_invoices_late"],
          [9, 0, 0.1],
          [2, true, 0.1],
          [2, 0, 1.5],
          [2, "yes", 0],
        ],
        null,
        null,
        "en",
      ),
    );
    expect(isEngineError(out[1][0]) && out[1][0].message).toContain("country_risk");
    expect(typeof out[2][0]).toBe("number"); // TRUE is accepted for a 0/1 flag
    expect(isEngineError(out[3][0]) && out[3][0].message).toContain("pct_invoices_late");
    expect(isEngineError(out[4][0]) && out[4][0].message).toContain("negative_news");
  });

  test("an invalid model passed in is reported", () => {
    const e = creditScoreCore([["debt_ratio"], [0.5]], null, null, "en", { ...TEST_MODEL, bands: [] });
    expect(isEngineError(e) && e.message).toContain("model.bands");
  });
});

describe("creditScoreCore: what a user types (example tables)", () => {
  const err = (code: string, message: string) => ({ kind: "EngineError", code, message });

  test.each([
    [
      "labels shorter than values",
      [[0.6, 0.8, 3]],
      [["debt_ratio", "interest_coverage"]],
      null,
      "labels has 2 columns but values has 3: give one label per column of values.",
    ],
    [
      "labels longer than values",
      [[0.6]],
      [["debt_ratio", "interest_coverage"]],
      null,
      "labels has 2 columns but values has 1: give one label per column of values.",
    ],
    [
      "labels as a column",
      [[0.6, 0.8]],
      [["debt_ratio"], ["interest_coverage"]],
      null,
      "labels: expected a single row of column names, but got 2 rows.",
    ],
    ["labels an empty array", [[0.6]], [], null, "labels: expected a single row of column names."],
    [
      "labels naming no factor",
      [["Alpha", 0.6]],
      [["Customer", "Ratio"]],
      null,
      expect.stringMatching(
        /^labels: no column is a recognised factor\. Accepted keys: working_capital_to_assets, .*, negative_news, interest_not_reported \(or their English\/Chinese names\)\.$/,
      ),
    ],
    [
      "header row naming no factor",
      [
        ["Customer", "Ratio"],
        ["Alpha", 0.6],
      ],
      null,
      null,
      expect.stringMatching(/^values \(header row\): no column is a recognised factor\./),
    ],
    ["values with an empty first row", [[]], null, null, "values: expected a range of customer factors (one row per customer)."],
    [
      "duplicate factor in labels",
      [[0.6, 0.7]],
      [["Debt ratio", "资产负债率"]],
      null,
      'labels: columns "Debt ratio" and "资产负债率" both mean debt_ratio; keep one of them.',
    ],
    [
      "output given as a number",
      [["debt_ratio"], [0.6]],
      null,
      1,
      'output: expected one of "score", "band", "pd", "reasons", "all" but got 1.',
    ],
  ] as Array<[string, unknown, unknown, unknown, unknown]>)("%s → one #VALUE! for the call", (_name, values, labels, output, message) => {
    expect(creditScoreCore(values, labels, output, "en", TEST_MODEL)).toEqual(err("VALUE", message as string));
  });

  test.each([
    ["SCORE", [[35]]],
    [" Band ", [["D"]]],
    ["Pd", [[1 / (1 + Math.exp(1.5))]]],
    ["reasons", [["Interest coverage 0.8× (−10 pts)"]]],
    ["ALL", [[35, "D", 1 / (1 + Math.exp(1.5)), 0.55, "Interest coverage 0.8× (−10 pts)"]]],
    ["", [[35]]],
    [[["band"]], [["D"]]],
  ] as Array<[unknown, unknown]>)("output %j is case-insensitive; labels given → no header row", (output, expected) => {
    const out = creditScoreCore([[0.6, 0.8, "note"]], [["Debt ratio", "利息保障倍数", "Notes"]], output, "en", TEST_MODEL);
    expect(out).toEqual(expected);
  });

  test("a logical value in a 0/1 flag column: FALSE scores as 0, TRUE as 1 (bundled model)", () => {
    // Only negative_news is known: the score is the model's neutral score (61.66);
    // negative news "no" keeps its 6.43 points (its neutral points), "yes" loses them: 55.23.
    const out = spill(
      creditScoreCore(
        [
          ["Negative news", "Customer"],
          [false, "a"],
          [true, "b"],
          [0, "c"],
          [1, "d"],
          ["", "e"],
        ],
        null,
        "all",
        "en",
      ),
    );
    expect(out.map((r) => r.slice(0, 2).concat(r.slice(3)))).toEqual([
      ["Score", "Band", "Coverage", "Reasons"],
      [61.7, "C", 0.044, ""],
      [55.2, "C", 0.044, "Negative news yes (−6 pts)"],
      [61.7, "C", 0.044, ""],
      [55.2, "C", 0.044, "Negative news yes (−6 pts)"],
      ["", "", "", ""],
    ]);
    expect(out[1][2]).toBe(out[3][2]);
    expect(out[2][2]).toBe(out[4][2]);
  });

  test("bad cells give an error in their row only, naming factor and column", () => {
    const out = creditScoreCore(
      [
        ["management_change", "litigation", "DSO", "逾期比例"],
        [2, 0, 30, 0.1],
        [0, 1.5, 30, 0.1],
        [0, 1, "45 days", 0.1],
        [0, 1, Infinity, 0.1],
        [0, 1, 30, "12%"],
        [0, 1, 30, -0.1],
        [0, 1, 30, 0.1],
      ],
      null,
      null,
      "en",
    );
    expect(out).toEqual([
      ["Score"],
      [err("VALUE", 'management_change (column "management_change"): 2 is above the largest allowed value 1.')],
      [err("VALUE", 'litigation_count (column "litigation"): 1.5 must be a whole number.')],
      [err("VALUE", 'receivable_days (column "DSO"): expected a number but got text "45 days".')],
      [err("VALUE", 'receivable_days (column "DSO"): Infinity is not a finite number.')],
      [
        err(
          "VALUE",
          'overdue_share (column "逾期比例"): text "12%" is text, not a number. Enter it as a number (remove thousands separators or % signs, or convert the cell with VALUE()).',
        ),
      ],
      [err("VALUE", 'overdue_share (column "逾期比例"): -0.1 is below the smallest allowed value 0.')],
      [expect.any(Number)],
    ]);
  });

  test("a row with only non-factor cells filled is blank, not an error", () => {
    expect(
      creditScoreCore(
        [
          ["Customer", "debt_ratio"],
          ["Alpha", ""],
          ["Beta", "n/a"],
        ],
        null,
        "all",
        "zh",
        TEST_MODEL,
      ),
    ).toEqual([
      ["信用评分", "等级", "违约概率(12个月)", "数据覆盖率", "主要扣分原因"],
      ["", "", "", "", ""],
      ["", "", "", "", ""],
    ]);
  });

  test("a scalar value with a scalar label scores one customer", () => {
    expect(creditScoreCore(0.3, "debt_ratio", "score", "en", TEST_MODEL)).toEqual([[60]]); // 30 + neutral 10 + 20
  });
});

describe("creditScoreCore (bundled model) agrees with scoreCustomer", () => {
  test("statement items are derived per row; score rounded to 1 decimal", () => {
    const header = [
      "Total assets",
      "Total liabilities",
      "EBIT",
      "Interest expense",
      "Net income",
      "Depreciation",
      "Current assets",
      "Current liabilities",
      "Inventory",
      "Retained earnings",
    ];
    const row = [1000, 700, 60, 30, 25, 15, 400, 300, 120, 50];
    const values = Object.fromEntries(
      [
        "total_assets",
        "total_liabilities",
        "ebit",
        "interest_expense",
        "net_income",
        "depreciation",
        "current_assets",
        "current_liabilities",
        "inventory",
        "retained_earnings",
      ].map((k, i) => [k, row[i]]),
    );
    const expected = scoreCustomer(values);
    const out = spill(creditScoreCore([header, row], null, "all", "en"));
    expect(out[1][0]).toBe(Math.round(expected.score * 10) / 10);
    expect(out[1][1]).toBe(expected.band);
    expect(out[1][2]).toBe(expected.pd);
    expect(out[1][3]).toBe(Math.round(expected.coverage * 1000) / 1000);
    expect(DEFAULT_MODEL.factors.some((f) => f.key === "interest_coverage")).toBe(true);
  });
});

describe("band and PD agree with the score as shown (one decimal)", () => {
  // A customer whose unrounded score is 53.26: shown as 53.3, the C|D cut-off of the bundled model.
  const row = { ebit_to_assets: 0.045, retained_earnings_to_assets: -0.1 };

  test("a computed 53.26 is shown as 53.3, in band C, with the PD of 53.3; CREDITLIMIT given 53.3 uses band C too", () => {
    const r = scoreCustomer(row);
    expect(r.score).toBeCloseTo(53.2594094, 6);
    expect(DEFAULT_MODEL.bands.find((b) => b.band === "C")?.minScore).toBe(53.3);
    const out = creditScoreCore([Object.keys(row), Object.values(row)], null, "all", "en") as unknown[][];
    expect(out[1].slice(0, 3)).toEqual([53.3, "C", pdOf(53.3)]);
    expect(r.band).toBe("C");
    expect(r.pd).toBe(pdOf(53.3));
    expect(pdOf(53.3)).toBeLessThanOrEqual(0.015); // inside C's 12-month PD range (0.5–1.5 %)
    const limit = creditLimitCore({ score: 53.3, netWorth: 1_000_000, annualSales: null, output: "all" }, "en") as unknown[][];
    expect(limit[0][1]).toBe("C");
  });
});

describe("CREDITSCORE: which of several argument problems is reported (read from its declared spec)", () => {
  const badModel = { ...DEFAULT_MODEL, bands: [] } as unknown as typeof DEFAULT_MODEL;
  const msg = (r: unknown) => (isEngineError(r) ? r.message : "no error");
  test("an unknown output comes before a broken model, a broken model before unusable values or labels", () => {
    expect(msg(creditScoreCore([["debt_ratio"], [0.5]], null, "grade", "en", badModel))).toMatch(/^output/);
    expect(msg(creditScoreCore([[1], [2, 3]], null, "score", "en", badModel))).toMatch(/^model\.bands/);
    expect(msg(creditScoreCore(null, null, null, "en", badModel))).toMatch(/^model\.bands/);
  });
  test("values before labels; labels of one row before their width", () => {
    expect(msg(creditScoreCore([[1], [2, 3]], [[1], [2]], null, "en"))).toMatch(/^values/);
    expect(msg(creditScoreCore(null, [[1], [2]], null, "en"))).toMatch(/values/);
    expect(msg(creditScoreCore([[0.5, 1]], [["debt_ratio"], ["x"]], null, "en"))).toMatch(/labels.*one row|2 rows/);
    expect(msg(creditScoreCore([[0.5, 1]], [["debt_ratio"]], null, "en"))).toMatch(/1.*2|2.*1/);
  });
});
