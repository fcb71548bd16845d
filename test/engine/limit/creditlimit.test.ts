import { creditLimitCore, readBand, LimitArgs } from "../../../src/engine/limit/creditlimit";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { isEngineError, valueError, EngineError } from "../../../src/engine/errors";

// Default policy, bundled model cut-offs: A ≥ 75, B ≥ 65.2, C ≥ 53.3, D ≥ 40, E below.
// Base customer: band B, net worth 2,000,000, turnover 10,000,000, 60-day terms
// → caps 0.35 × 2,000,000 = 700,000 and 0.05 × 10,000,000 × 60/30 = 1,000,000.
const base: LimitArgs = { score: "B", netWorth: 2_000_000, annualSales: 10_000_000, termsDays: 60 };
const run = (patch: Partial<LimitArgs>, lang: "en" | "zh" = "en") => creditLimitCore({ ...base, ...patch }, lang);

describe("creditLimitCore: values a user types (scalars), output limit / rule", () => {
  const cases: Array<[string, Partial<LimitArgs>, number, string]> = [
    ["band letter", {}, 700_000, "Net-worth cap"],
    ["band letter in lower case with spaces", { score: " b " }, 700_000, "Net-worth cap"],
    ["score 75 is band A (cut-off inclusive)", { score: 75 }, 1_000_000, "Net-worth cap"],
    ["score 74.99 is band B", { score: 74.99 }, 700_000, "Net-worth cap"],
    ["score 100", { score: 100 }, 1_000_000, "Net-worth cap"],
    ["score 0 is band E: cash in advance", { score: 0 }, 0, "Cash in advance (band E)"],
    ["band E gets 0 whatever the financials", { score: "E", netWorth: 1e9, annualSales: 1e10 }, 0, "Cash in advance (band E)"],
    ["negative net worth: cash in advance", { netWorth: -250_000 }, 0, "Cash in advance (net worth ≤ 0)"],
    ["zero net worth: cash in advance", { netWorth: 0 }, 0, "Cash in advance (net worth ≤ 0)"],
    ["zero sales: nothing to finance", { annualSales: 0 }, 0, "Turnover × terms cap"],
    ["sales unknown: net-worth cap alone", { annualSales: "n/a" }, 700_000, "Net-worth cap"],
    ["net worth unknown: turnover cap alone", { netWorth: "" }, 1_000_000, "Turnover × terms cap"],
    ["terms omitted: policy default 30 days", { termsDays: null }, 500_000, "Turnover × terms cap"],
    ["terms 1 day (smallest)", { termsDays: 1 }, 16_600, "Turnover × terms cap"], // 16,666.67 rounded down to 100
    ["terms 365 days (largest)", { termsDays: 365 }, 700_000, "Net-worth cap"],
    ["requested caps the limit", { requested: 250_050 }, 250_050, "Requested amount"],
    ["requested 0", { requested: 0 }, 0, "Requested amount"],
    ["requested above the limit does not raise it", { requested: 5_000_000 }, 700_000, "Net-worth cap"],
    ["brand-new customer starts at half", { relationshipMonths: 0 }, 350_000, "New-customer ramp-up"],
    ["3 months → 62.5 %", { relationshipMonths: 3 }, 437_500, "New-customer ramp-up"],
    ["12 months → full limit", { relationshipMonths: 12 }, 700_000, "Net-worth cap"],
    ["requested below the ramped limit wins", { relationshipMonths: 0, requested: 300_000 }, 300_000, "Requested amount"],
  ];
  it.each(cases)("%s", (_name, patch, limit, rule) => {
    expect(run(patch)).toEqual([[limit]]);
    expect(run({ ...patch, output: "rule" })).toEqual([[rule]]);
  });
});

describe("creditLimitCore: bad inputs give #VALUE! naming the argument", () => {
  const cases: Array<[string, Partial<LimitArgs>, string, string]> = [
    ["score above 100", { score: 150 }, "VALUE", "score: expected a score from 0 to 100 or a band A–E, but got 150."],
    ["negative score", { score: -1 }, "VALUE", "score: expected a score from 0 to 100 or a band A–E, but got -1."],
    ["unknown band letter", { score: "F" }, "VALUE", 'score: expected a score from 0 to 100 or a band A–E, but got text "F".'],
    ["score typed as text", { score: "85" }, "VALUE", 'score: expected a score from 0 to 100 or a band A–E, but got text "85".'],
    ["score NaN", { score: NaN }, "VALUE", "score: expected a score from 0 to 100 or a band A–E, but got NaN."],
    ["score empty", { score: "" }, "VALUE", "score is required but the cell is empty."],
    [
      "net worth with thousands separators",
      { netWorth: "2,000,000" },
      "VALUE",
      'net_worth: text "2,000,000" is text, not a number. Enter it as a number (remove thousands separators or % signs, or convert the cell with VALUE()).',
    ],
    ["net worth as words", { netWorth: "large" }, "VALUE", 'net_worth: expected a number but got text "large".'],
    ["net worth Infinity", { netWorth: Infinity }, "VALUE", "net_worth: Infinity is not a finite number."],
    ["negative sales", { annualSales: -5 }, "VALUE", "annual_sales: -5 is below the smallest allowed value 0."],
    ["terms 0", { termsDays: 0 }, "VALUE", "terms_days: 0 is below the smallest allowed value 1."],
    ["terms above a year", { termsDays: 366 }, "VALUE", "terms_days: 366 is above the largest allowed value 365."],
    ["negative requested", { requested: -1 }, "VALUE", "requested: -1 is below the smallest allowed value 0."],
    ["negative relationship", { relationshipMonths: -3 }, "VALUE", "relationship_months: -3 is below the smallest allowed value 0."],
    [
      "logical relationship",
      { relationshipMonths: true },
      "VALUE",
      "relationship_months: expected a number but got a logical value (TRUE).",
    ],
    [
      "neither net worth nor sales",
      { netWorth: null, annualSales: "-" },
      "VALUE",
      "net_worth and annual_sales are both empty: at least one is needed to size a limit.",
    ],
  ];
  it.each(cases)("%s", (_name, patch, code, message) => {
    const out = run(patch);
    expect(out).toEqual([[{ kind: "EngineError", code, message }]]);
  });

  it("an upstream error in the score cell passes through unchanged", () => {
    const upstream = valueError('debt_ratio (column "Debt ratio"): expected a number but got text "x".');
    expect(run({ score: upstream })).toEqual([[upstream]]);
  });

  it("band E needs no financials: 0 (cash in advance) even with neither net worth nor sales", () => {
    expect(run({ score: "E", netWorth: null, annualSales: null })).toEqual([[0]]);
    expect(run({ score: "E", netWorth: null, annualSales: null, output: "rule" })).toEqual([["Cash in advance (band E)"]]);
  });

  it("band D with neither net worth nor sales asks for one of them", () => {
    expect(run({ score: "D", netWorth: null, annualSales: null })).toEqual([
      [expect.objectContaining({ code: "VALUE", message: expect.stringContaining("net_worth and annual_sales are both empty") })],
    ]);
  });

  it.each([
    [
      "score",
      {
        score: [
          ["A", "B"],
          ["C", "D"],
        ],
      },
      "score: expected a single column or row, but got a range of 2 rows × 2 columns.",
    ],
    [
      "relationship_months",
      {
        relationshipMonths: [
          [1, 2, 3],
          [4, 5, 6],
        ],
      },
      "relationship_months: expected a single column or row, but got a range of 2 rows × 3 columns.",
    ],
  ] as Array<[string, Partial<LimitArgs>, string]>)("a 2-D %s range is one error for the whole call", (_n, patch, message) => {
    expect(run(patch)).toEqual({ kind: "EngineError", code: "VALUE", message });
  });

  it("ranges of different sizes are one error", () => {
    const e = run({ score: [["A"], ["B"]], netWorth: [[1], [2], [3]] });
    expect(isEngineError(e) && e.message).toBe("net_worth has 3 values but score has 2: ranges must be the same size (or a single cell).");
  });
});

describe("creditLimitCore: output argument and spill shape", () => {
  it.each([
    ["LIMIT", [[700_000]]],
    [" Rule ", [["Net-worth cap"]]],
    ["ALL", [[700_000, "B", "Net-worth cap"]]],
    [null, [[700_000]]],
    ["", [[700_000]]],
    [[["rule"]], [["Net-worth cap"]]], // a 1×1 range, as CREDITSCORE accepts
  ] as Array<[unknown, unknown]>)("output %j", (output, expected) => {
    expect(run({ output })).toEqual(expected);
  });

  it.each([
    ["amount", 'output: "amount" is not one of "limit", "rule", "all".'],
    [1, 'output: expected one of "limit", "rule", "all" but got 1.'],
  ] as Array<[unknown, string]>)("unknown output %j names the allowed values", (output, message) => {
    expect(run({ output })).toEqual({ kind: "EngineError", code: "VALUE", message });
  });

  it("rule texts in Chinese", () => {
    expect(run({ output: "rule" }, "zh")).toEqual([["净资产上限"]]);
    expect(run({ score: "E", output: "all" }, "zh")).toEqual([[0, "E", "预付款（E级）"]]);
    expect(run({ relationshipMonths: 0, output: "rule" }, "zh")).toEqual([["新客户逐步放量"]]);
  });

  it("a column in gives a column out; single cells repeat; a bad row is one bad cell", () => {
    const out = run({ score: [["A"], ["B"], ["x"], ["E"]], netWorth: [[2_000_000]], annualSales: [[10_000_000]], output: "all" });
    const bad = { kind: "EngineError", code: "VALUE", message: 'score: expected a score from 0 to 100 or a band A–E, but got text "x".' };
    expect(out).toEqual([
      [1_000_000, "A", "Net-worth cap"],
      [700_000, "B", "Net-worth cap"],
      [bad, bad, bad],
      [0, "E", "Cash in advance (band E)"],
    ]);
  });

  it("a row in gives a row out for limit and rule", () => {
    const row = { score: [["A", "B", "E"]] };
    expect(run(row)).toEqual([[1_000_000, 700_000, 0]]);
    expect(run({ ...row, output: "rule" })).toEqual([["Net-worth cap", "Net-worth cap", "Cash in advance (band E)"]]);
  });

  it('a row in with output "all" gives one row of three columns per input', () => {
    expect(run({ score: [["A", "E"]], output: "all" })).toEqual([
      [1_000_000, "A", "Net-worth cap"],
      [0, "E", "Cash in advance (band E)"],
    ]);
  });
});

describe("readBand", () => {
  it.each([
    ["A", "A"],
    ["e", "E"],
    [" c ", "C"],
    [75, "A"],
    [65.2, "B"],
    [65.19, "C"],
    [53.3, "C"],
    [40, "D"],
    [39.99, "E"],
    [0, "E"],
  ] as Array<[unknown, string]>)("%j → %s", (cell, band) => expect(readBand(cell, DEFAULT_POLICY)).toBe(band));

  it("uses the policy's own cut-offs", () => {
    const model = { ...DEFAULT_POLICY.model, bands: DEFAULT_POLICY.model.bands.map((b) => (b.band === "A" ? { ...b, minScore: 95 } : b)) };
    expect(readBand(90, { ...DEFAULT_POLICY, model })).toBe("B");
  });

  it("a logical value is not a score", () => {
    expect((readBand(true, DEFAULT_POLICY) as EngineError).message).toBe(
      "score: expected a score from 0 to 100 or a band A–E, but got true.",
    );
  });
});
