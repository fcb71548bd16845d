import { deriveRatios } from "../../../src/engine/scoring/derive";

describe("deriveRatios", () => {
  const statement = {
    total_assets: 1000,
    total_liabilities: 600,
    current_assets: 400,
    current_liabilities: 250,
    inventory: 100,
    receivables: 150,
    retained_earnings: 120,
    ebit: 80,
    net_income: 50,
    sales: 1200,
    sales_prior_year: 1000,
    gross_profit: 300,
    interest_expense: 20,
    depreciation: 30,
  };
  const d = deriveRatios(statement);

  test.each([
    ["debt_ratio", 0.6],
    ["equity_to_liabilities", 400 / 600],
    ["working_capital_to_assets", 0.15],
    ["retained_earnings_to_assets", 0.12],
    ["ebit_to_assets", 0.08],
    ["roa", 0.05],
    ["sales_to_assets", 1.2],
    ["current_ratio", 1.6],
    ["quick_ratio", 1.2],
    ["interest_coverage", 4],
    ["operating_margin", 80 / 1200],
    ["net_margin", 50 / 1200],
    ["gross_margin", 0.25],
    ["cash_flow_to_debt", 80 / 600],
    ["sales_growth", 0.2],
    ["receivable_days", 45.625],
    ["inventory_days", (100 * 365) / 1200],
  ] as const)("%s", (key, expected) => expect(d[key]).toBeCloseTo(expected, 12));

  test("statement items are kept", () => expect(d.total_assets).toBe(1000));

  test("a given ratio wins over the derived one", () => {
    expect(deriveRatios({ ...statement, debt_ratio: 0.9 }).debt_ratio).toBe(0.9);
    expect(deriveRatios({ ...statement, interest_coverage: 1.5 }).interest_coverage).toBe(1.5);
  });

  test("given equity is used for equity_to_liabilities", () => {
    expect(deriveRatios({ equity: 300, total_liabilities: 600 }).equity_to_liabilities).toBe(0.5);
  });

  test("a zero denominator leaves the ratio missing", () => {
    const z = deriveRatios({
      total_assets: 0,
      total_liabilities: 50,
      ebit: 10,
      interest_expense: 0,
      sales: 0,
      receivables: 5,
      current_assets: 10,
      current_liabilities: 0,
      sales_prior_year: 0,
    });
    for (const k of [
      "debt_ratio",
      "interest_coverage",
      "receivable_days",
      "current_ratio",
      "quick_ratio",
      "sales_growth",
      "operating_margin",
      "ebit_to_assets",
    ] as const) {
      expect(z[k]).toBeUndefined();
    }
  });

  test("missing inputs leave the ratio missing", () => {
    const z = deriveRatios({ total_assets: 100 });
    expect(Object.keys(z)).toEqual(["total_assets"]);
    expect(deriveRatios({ net_income: 10, total_liabilities: 100 }).cash_flow_to_debt).toBeUndefined(); // no depreciation
  });

  test("non-finite inputs count as missing", () => {
    expect(deriveRatios({ total_assets: NaN, total_liabilities: 5 }).debt_ratio).toBeUndefined();
  });
});
