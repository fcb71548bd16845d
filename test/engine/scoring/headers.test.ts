import { HEADER_KEYS, acceptedKeysText, matchHeader, normaliseLabel } from "../../../src/engine/scoring/headers";
import { FACTOR_KEYS } from "../../../src/engine/scoring/factors";

describe("normaliseLabel", () => {
  test.each([
    ["Debt Ratio", "debtratio"],
    ["  debt_ratio ", "debtratio"],
    ["DEBT-RATIO (%)", "debtratio"],
    ["ｄｅｂｔ　ｒａｔｉｏ", "debtratio"],
    ["资产负债率（%）", "资产负债率"],
    ["净资产/所有者权益", "净资产所有者权益"],
  ])("%j → %j", (input, expected) => expect(normaliseLabel(input)).toBe(expected));
});

describe("matchHeader", () => {
  test.each([
    // canonical keys and English synonyms, case/space/punctuation variants
    ["debt_ratio", "debt_ratio"],
    ["Debt ratio", "debt_ratio"],
    ["debt-ratio", "debt_ratio"],
    ["DEBT RATIO", "debt_ratio"],
    ["Interest Coverage", "interest_coverage"],
    ["times interest earned", "interest_coverage"],
    ["Working capital / total assets", "working_capital_to_assets"],
    ["ROA", "roa"],
    ["Return on assets", "roa"],
    ["EBIT", "ebit"],
    ["Net income", "net_income"],
    ["Revenue", "sales"],
    ["Sales (prior year)", "sales_prior_year"],
    ["Days beyond terms", "avg_days_late"],
    ["Years in business", "years_in_business"],
    ["Management change?", "management_change"],
    ["Customer ID", "customer_id"],
    ["id", "customer_id"],
    ["Customer name", "customer_name"],
    ["Exposure", "exposure"],
    ["Credit limit", "credit_limit"],
    ["Requested limit", "requested_limit"],
    ["Payment terms", "terms_days"],
    // full-width forms
    ["ＤＳＯ", "receivable_days"],
    ["Ｑｕｉｃｋ　Ｒａｔｉｏ", "quick_ratio"],
    // Chinese terms of the domain reference
    ["资产负债率", "debt_ratio"],
    ["流动比率", "current_ratio"],
    ["速动比率", "quick_ratio"],
    ["利息保障倍数", "interest_coverage"],
    ["总资产收益率", "roa"],
    ["营业收入增长率", "sales_growth"],
    ["应收账款周转天数", "receivable_days"],
    ["存货周转天数", "inventory_days"],
    ["毛利率", "gross_margin"],
    ["净利率", "net_margin"],
    ["总资产", "total_assets"],
    ["总负债", "total_liabilities"],
    ["流动资产", "current_assets"],
    ["流动负债", "current_liabilities"],
    ["净资产", "equity"],
    ["所有者权益", "equity"],
    ["未分配利润", "retained_earnings"],
    ["留存收益", "retained_earnings"],
    ["息税前利润", "ebit"],
    ["净利润", "net_income"],
    ["营业收入", "sales"],
    ["平均逾期天数", "avg_days_late"],
    ["最长逾期天数", "max_days_late"],
    ["逾期比例", "overdue_share"],
    ["成立年限", "years_in_business"],
    ["合作月数", "relationship_months"],
    ["行业风险", "industry_risk"],
    ["国家风险", "country_risk"],
    ["诉讼", "litigation_count"],
    ["管理层变动", "management_change"],
    ["负面新闻", "negative_news"],
    ["信用额度", "credit_limit"],
    ["账期", "terms_days"],
    ["付款期限", "terms_days"],
    ["应收账款", "receivables"],
    ["客户编号", "customer_id"],
    ["客户代码", "customer_id"],
    ["客户名称", "customer_name"],
    ["应收余额", "exposure"],
    ["敞口", "exposure"],
    ["申请额度", "requested_limit"],
    ["资产负债率（%）", "debt_ratio"],
  ])("%j → %s", (label, key) => expect(matchHeader(label)).toBe(key));

  test.each([["Debt"], ["equity ratio x"], [""], ["   "], ["Attr2"], ["资产"]])("%j is not recognised", (label) => {
    expect(matchHeader(label)).toBeNull();
  });

  test("non-text labels are never recognised", () => {
    for (const x of [null, undefined, 0, 1, true, {}, []]) expect(matchHeader(x)).toBeNull();
  });

  test("every canonical key matches itself, in upper case and with spaces", () => {
    for (const k of HEADER_KEYS) {
      expect(matchHeader(k)).toBe(k);
      expect(matchHeader(k.toUpperCase().replace(/_/g, " "))).toBe(k);
    }
  });

  test("HEADER_KEYS lists all factors then the six fields", () => {
    expect(HEADER_KEYS.slice(0, FACTOR_KEYS.length)).toEqual(FACTOR_KEYS);
    expect(HEADER_KEYS.slice(FACTOR_KEYS.length)).toEqual([
      "customer_id",
      "customer_name",
      "exposure",
      "credit_limit",
      "requested_limit",
      "terms_days",
    ]);
  });
});

describe("acceptedKeysText", () => {
  test("defaults to the factor keys, comma-separated, in display order", () => {
    const text = acceptedKeysText();
    expect(text.startsWith("working_capital_to_assets, retained_earnings_to_assets, ebit_to_assets,")).toBe(true);
    expect(text.endsWith("litigation_count, management_change, negative_news, interest_not_reported")).toBe(true);
    expect(text.split(", ")).toEqual([...FACTOR_KEYS]);
  });

  test("lists the keys it is given", () => {
    expect(acceptedKeysText(["customer_id", "exposure"])).toBe("customer_id, exposure");
  });
});
