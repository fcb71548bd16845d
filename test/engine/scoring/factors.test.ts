import { FACTORS, FACTOR_COUNT, FACTOR_KEYS, factorDef, factorIndex, isFactorKey } from "../../../src/engine/scoring/factors";

describe("factorIndex / isFactorKey / factorDef", () => {
  test.each([
    ["working_capital_to_assets", 0],
    ["debt_ratio", 6],
    ["total_assets", 17],
    ["avg_days_late", 33],
    ["negative_news", FACTOR_COUNT - 2],
    ["interest_not_reported", FACTOR_COUNT - 1],
  ])("%s is factor %d", (key, i) => {
    expect(factorIndex(key)).toBe(i);
    expect(isFactorKey(key)).toBe(true);
    expect(FACTOR_KEYS[i]).toBe(key);
  });

  // Labels and synonyms are matched by matchHeader, never here: only exact canonical keys count.
  test.each([["leverage"], ["Debt ratio"], ["DEBT_RATIO"], [""], ["customer_id"], ["constructor"], ["toString"]])(
    "%j is not a factor key",
    (key) => {
      expect(factorIndex(key)).toBe(-1);
      expect(isFactorKey(key)).toBe(false);
    },
  );

  test("non-text is never a factor key", () => {
    for (const x of [null, undefined, 6, true, {}, ["debt_ratio"]]) expect(isFactorKey(x)).toBe(false);
  });

  test("factorDef gives the definition with its range rules", () => {
    expect(factorDef("overdue_share")).toEqual({
      key: "overdue_share",
      group: "payment",
      label: { en: "Overdue share of receivables", zh: "逾期比例" },
      unit: "percent",
      rules: { min: 0, max: 1 },
    });
    expect(factorDef("industry_risk").rules).toEqual({ min: 1, max: 5 });
    expect(FACTORS.length).toBe(FACTOR_COUNT);
  });
});
