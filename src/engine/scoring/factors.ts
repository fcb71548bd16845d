/**
 * The canonical factor keys RISK.CREDITSCORE recognises (issue 2, item 4).
 *
 * Ratios are decimals (0.35, not 35 %). Statement items are amounts in any one
 * currency; they are not scored themselves but feed the derivation of missing
 * ratios (see `derive.ts`). Each factor carries its group, a bilingual label,
 * a display unit and the range of values that makes sense for it.
 */
import { NumberRules } from "../cells";

/** Where a factor sits in the analyst's view of the scorecard. */
export type FactorGroup = "financial" | "statement" | "payment" | "profile" | "risk";

/** How a factor's value is shown in reason texts and the task pane. */
export type UnitKind = "ratio" | "percent" | "times" | "days" | "months" | "years" | "count" | "flag" | "index";

export interface FactorDef {
  readonly key: string;
  readonly group: FactorGroup;
  readonly label: { readonly en: string; readonly zh: string };
  readonly unit: UnitKind;
  /** Values outside these rules are input errors in a formula cell. */
  readonly rules: NumberRules;
}

const nonNeg: NumberRules = { min: 0 };
const share: NumberRules = { min: 0, max: 1 };
const flag: NumberRules = { min: 0, max: 1, integer: true };
const free: NumberRules = {};

/** All canonical factors, in display order. */
export const FACTORS = [
  // Financial ratios
  {
    key: "working_capital_to_assets",
    group: "financial",
    label: { en: "Working capital / total assets", zh: "营运资本/总资产" },
    unit: "percent",
    rules: free,
  },
  {
    key: "retained_earnings_to_assets",
    group: "financial",
    label: { en: "Retained earnings / total assets", zh: "留存收益/总资产" },
    unit: "percent",
    rules: free,
  },
  {
    key: "ebit_to_assets",
    group: "financial",
    label: { en: "EBIT / total assets", zh: "息税前利润/总资产" },
    unit: "percent",
    rules: free,
  },
  {
    key: "equity_to_liabilities",
    group: "financial",
    label: { en: "Equity / total liabilities", zh: "所有者权益/总负债" },
    unit: "times",
    rules: free,
  },
  { key: "sales_to_assets", group: "financial", label: { en: "Sales / total assets", zh: "总资产周转率" }, unit: "times", rules: nonNeg },
  { key: "roa", group: "financial", label: { en: "Return on assets", zh: "总资产收益率" }, unit: "percent", rules: free },
  { key: "debt_ratio", group: "financial", label: { en: "Debt ratio", zh: "资产负债率" }, unit: "percent", rules: nonNeg },
  { key: "current_ratio", group: "financial", label: { en: "Current ratio", zh: "流动比率" }, unit: "times", rules: nonNeg },
  { key: "quick_ratio", group: "financial", label: { en: "Quick ratio", zh: "速动比率" }, unit: "times", rules: nonNeg },
  { key: "interest_coverage", group: "financial", label: { en: "Interest coverage", zh: "利息保障倍数" }, unit: "times", rules: free },
  { key: "operating_margin", group: "financial", label: { en: "Operating margin", zh: "营业利润率" }, unit: "percent", rules: free },
  { key: "net_margin", group: "financial", label: { en: "Net margin", zh: "净利率" }, unit: "percent", rules: free },
  { key: "gross_margin", group: "financial", label: { en: "Gross margin", zh: "毛利率" }, unit: "percent", rules: free },
  {
    key: "cash_flow_to_debt",
    group: "financial",
    label: { en: "Cash flow / total liabilities", zh: "现金流/总负债" },
    unit: "percent",
    rules: free,
  },
  { key: "sales_growth", group: "financial", label: { en: "Sales growth", zh: "营业收入增长率" }, unit: "percent", rules: { min: -1 } },
  { key: "receivable_days", group: "financial", label: { en: "Receivable days", zh: "应收账款周转天数" }, unit: "days", rules: nonNeg },
  { key: "inventory_days", group: "financial", label: { en: "Inventory days", zh: "存货周转天数" }, unit: "days", rules: nonNeg },
  // Statement items (amounts; used to derive missing ratios)
  { key: "total_assets", group: "statement", label: { en: "Total assets", zh: "总资产" }, unit: "count", rules: nonNeg },
  { key: "total_liabilities", group: "statement", label: { en: "Total liabilities", zh: "总负债" }, unit: "count", rules: nonNeg },
  { key: "current_assets", group: "statement", label: { en: "Current assets", zh: "流动资产" }, unit: "count", rules: nonNeg },
  { key: "current_liabilities", group: "statement", label: { en: "Current liabilities", zh: "流动负债" }, unit: "count", rules: nonNeg },
  { key: "inventory", group: "statement", label: { en: "Inventory", zh: "存货" }, unit: "count", rules: nonNeg },
  { key: "receivables", group: "statement", label: { en: "Receivables", zh: "应收账款" }, unit: "count", rules: nonNeg },
  { key: "equity", group: "statement", label: { en: "Equity", zh: "所有者权益" }, unit: "count", rules: free },
  { key: "retained_earnings", group: "statement", label: { en: "Retained earnings", zh: "留存收益" }, unit: "count", rules: free },
  { key: "ebit", group: "statement", label: { en: "EBIT", zh: "息税前利润" }, unit: "count", rules: free },
  { key: "net_income", group: "statement", label: { en: "Net income", zh: "净利润" }, unit: "count", rules: free },
  { key: "sales", group: "statement", label: { en: "Sales", zh: "营业收入" }, unit: "count", rules: nonNeg },
  { key: "sales_prior_year", group: "statement", label: { en: "Sales prior year", zh: "上年营业收入" }, unit: "count", rules: nonNeg },
  { key: "gross_profit", group: "statement", label: { en: "Gross profit", zh: "毛利润" }, unit: "count", rules: free },
  { key: "interest_expense", group: "statement", label: { en: "Interest expense", zh: "利息费用" }, unit: "count", rules: nonNeg },
  { key: "depreciation", group: "statement", label: { en: "Depreciation", zh: "折旧" }, unit: "count", rules: nonNeg },
  { key: "cash", group: "statement", label: { en: "Cash", zh: "货币资金" }, unit: "count", rules: nonNeg },
  // Payment behaviour
  { key: "avg_days_late", group: "payment", label: { en: "Average days late", zh: "平均逾期天数" }, unit: "days", rules: nonNeg },
  { key: "max_days_late", group: "payment", label: { en: "Maximum days late", zh: "最长逾期天数" }, unit: "days", rules: nonNeg },
  {
    key: "pct_invoices_late",
    group: "payment",
    label: { en: "Share of invoices paid late", zh: "逾期发票比例" },
    unit: "percent",
    rules: share,
  },
  { key: "overdue_share", group: "payment", label: { en: "Overdue share of receivables", zh: "逾期比例" }, unit: "percent", rules: share },
  // Profile
  { key: "years_in_business", group: "profile", label: { en: "Years in business", zh: "成立年限" }, unit: "years", rules: nonNeg },
  { key: "relationship_months", group: "profile", label: { en: "Relationship length", zh: "合作月数" }, unit: "months", rules: nonNeg },
  // Risk context
  { key: "industry_risk", group: "risk", label: { en: "Industry risk", zh: "行业风险" }, unit: "index", rules: { min: 1, max: 5 } },
  { key: "country_risk", group: "risk", label: { en: "Country risk", zh: "国家风险" }, unit: "index", rules: { min: 0, max: 7 } },
  {
    key: "litigation_count",
    group: "risk",
    label: { en: "Litigation cases", zh: "诉讼" },
    unit: "count",
    rules: { min: 0, integer: true },
  },
  { key: "management_change", group: "risk", label: { en: "Management change", zh: "管理层变动" }, unit: "flag", rules: flag },
  { key: "negative_news", group: "risk", label: { en: "Negative news", zh: "负面新闻" }, unit: "flag", rules: flag },
  // Incomplete statements (derived by the scorecard, see scoring/not-reported.ts): 1 = interest left blank in a
  // column the user gave while the debt ratio shows material debt. Appended last so the other indexes keep their place.
  {
    key: "interest_not_reported",
    group: "financial",
    label: { en: "Interest expense not reported", zh: "未披露利息费用" },
    unit: "flag",
    rules: flag,
  },
] as const satisfies readonly FactorDef[];

/** A canonical factor key such as `"debt_ratio"` or `"avg_days_late"`. */
export type FactorKey = (typeof FACTORS)[number]["key"];

/** All factor keys in display order. */
export const FACTOR_KEYS: readonly FactorKey[] = FACTORS.map((f) => f.key);

/** Number of canonical factors; factor vectors (`Float64Array`) have this length. */
export const FACTOR_COUNT = FACTORS.length;

const INDEX = new Map<string, number>(FACTORS.map((f, i) => [f.key, i]));

/** Position of a factor in `FACTORS` (and in factor vectors), or -1 when unknown. */
export function factorIndex(key: string): number {
  const i = INDEX.get(key);
  return i === undefined ? -1 : i;
}

/** The definition of a factor key. */
export function factorDef(key: FactorKey): FactorDef {
  return FACTORS[INDEX.get(key) as number];
}

/** True when `key` is a canonical factor key. */
export function isFactorKey(key: unknown): key is FactorKey {
  return typeof key === "string" && INDEX.has(key);
}

/** The groups of the scorecard shown to analysts (statement items are not scored). */
export type ScoreGroup = Exclude<FactorGroup, "statement">;

/** Bilingual group names for the task pane. */
export const GROUP_LABELS: Record<FactorGroup, { en: string; zh: string }> = {
  financial: { en: "Financial strength", zh: "财务实力" },
  statement: { en: "Statement items", zh: "报表项目" },
  payment: { en: "Payment behaviour", zh: "付款行为" },
  profile: { en: "Company profile", zh: "企业概况" },
  risk: { en: "Risk context", zh: "风险环境" },
};
