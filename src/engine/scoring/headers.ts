/**
 * The one header matcher of CreditSentinel: formulas, task pane and CLI all
 * map column labels to canonical keys through `matchHeader`.
 *
 * Matching is case-, space- and punctuation-insensitive and folds full-width
 * characters to half-width (NFKC), so "Debt ratio", "DEBT_RATIO", "debt-ratio",
 * "ｄｅｂｔ　ｒａｔｉｏ" and "资产负债率" all give `debt_ratio`. Whole labels are
 * matched (no substring guessing), so "Equity" and "Equity / liabilities" stay
 * distinct.
 */
import { FACTOR_KEYS, FactorKey } from "./factors";

/** Non-factor columns the task pane and CLI read from a customer table. */
export const FIELD_KEYS = ["customer_id", "customer_name", "exposure", "credit_limit", "requested_limit", "terms_days"] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];

/** Any column the matcher recognises. */
export type HeaderKey = FactorKey | FieldKey;

/** Every accepted canonical key (factors then fields), e.g. for error messages. */
export const HEADER_KEYS: readonly HeaderKey[] = [...FACTOR_KEYS, ...FIELD_KEYS];

/**
 * Normalises a header label: NFKC (full-width → half-width), lower case, and
 * every character that is not a letter or digit removed.
 * @example normaliseLabel(" Debt-Ratio (总) ") === "debtratio总"
 */
export function normaliseLabel(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/** Synonyms per key (the canonical key itself is always accepted). */
const SYNONYMS: Record<HeaderKey, readonly string[]> = {
  working_capital_to_assets: [
    "working capital to assets",
    "working capital / total assets",
    "working capital to total assets",
    "wc/ta",
    "wcta",
    "营运资本/总资产",
    "营运资金/总资产",
    "营运资本比率",
  ],
  retained_earnings_to_assets: [
    "retained earnings to assets",
    "retained earnings / total assets",
    "re/ta",
    "reta",
    "留存收益/总资产",
    "未分配利润/总资产",
  ],
  ebit_to_assets: ["ebit to assets", "ebit / total assets", "ebit/ta", "ebitta", "息税前利润/总资产"],
  equity_to_liabilities: [
    "equity to liabilities",
    "equity / total liabilities",
    "book equity / total liabilities",
    "equity/tl",
    "所有者权益/总负债",
    "净资产/总负债",
    "产权比率倒数",
  ],
  sales_to_assets: ["sales to assets", "sales / total assets", "asset turnover", "total asset turnover", "总资产周转率", "资产周转率"],
  roa: ["return on assets", "return on total assets", "总资产收益率", "资产收益率", "总资产报酬率", "总资产净利率"],
  debt_ratio: [
    "debt ratio",
    "debt to assets",
    "liabilities to assets",
    "total liabilities / total assets",
    "leverage",
    "资产负债率",
    "负债率",
  ],
  current_ratio: ["current ratio", "流动比率"],
  quick_ratio: ["quick ratio", "acid test", "acid test ratio", "速动比率"],
  interest_coverage: [
    "interest coverage",
    "interest cover",
    "interest coverage ratio",
    "times interest earned",
    "tie",
    "利息保障倍数",
    "已获利息倍数",
  ],
  operating_margin: ["operating margin", "ebit margin", "operating profit margin", "营业利润率", "经营利润率"],
  net_margin: ["net margin", "net profit margin", "profit margin", "净利率", "销售净利率", "净利润率"],
  gross_margin: ["gross margin", "gross profit margin", "毛利率", "销售毛利率"],
  cash_flow_to_debt: ["cash flow to debt", "cash flow / total liabilities", "cash flow to liabilities", "现金流/总负债", "现金流量负债比"],
  sales_growth: ["sales growth", "revenue growth", "turnover growth", "营业收入增长率", "收入增长率", "销售增长率", "营收增长率"],
  receivable_days: ["receivable days", "receivables days", "days sales outstanding", "dso", "应收账款周转天数", "应收周转天数"],
  inventory_days: ["inventory days", "days inventory outstanding", "dio", "存货周转天数"],
  total_assets: ["total assets", "assets", "总资产", "资产总计", "资产总额"],
  total_liabilities: ["total liabilities", "liabilities", "total debt", "总负债", "负债合计", "负债总额"],
  current_assets: ["current assets", "流动资产", "流动资产合计"],
  current_liabilities: ["current liabilities", "short term liabilities", "流动负债", "流动负债合计"],
  inventory: ["inventory", "inventories", "stock", "存货"],
  receivables: ["receivables", "accounts receivable", "trade receivables", "应收账款"],
  equity: [
    "equity",
    "net worth",
    "book equity",
    "shareholders equity",
    "stockholders equity",
    "net assets",
    "净资产",
    "所有者权益",
    "股东权益",
    "所有者权益合计",
  ],
  retained_earnings: ["retained earnings", "未分配利润", "留存收益"],
  ebit: ["operating profit", "earnings before interest and taxes", "息税前利润"],
  net_income: ["net income", "net profit", "profit after tax", "净利润"],
  sales: ["sales", "revenue", "turnover", "net sales", "annual sales", "营业收入", "销售收入", "营业总收入"],
  sales_prior_year: [
    "sales prior year",
    "prior year sales",
    "sales last year",
    "previous year sales",
    "revenue prior year",
    "上年营业收入",
    "上年销售收入",
    "去年营业收入",
  ],
  gross_profit: ["gross profit", "毛利", "毛利润"],
  interest_expense: ["interest expense", "interest expenses", "interest", "financial expenses", "利息费用", "利息支出", "财务费用"],
  depreciation: ["depreciation", "depreciation and amortisation", "depreciation and amortization", "d&a", "折旧", "折旧与摊销", "折旧摊销"],
  cash: ["cash", "cash and equivalents", "cash and cash equivalents", "货币资金", "现金"],
  avg_days_late: ["average days late", "avg days late", "days beyond terms", "dbt", "average days beyond terms", "平均逾期天数"],
  max_days_late: ["max days late", "maximum days late", "最长逾期天数", "最大逾期天数"],
  pct_invoices_late: [
    "percent invoices late",
    "share of invoices late",
    "invoices late",
    "late invoice share",
    "逾期发票比例",
    "逾期发票占比",
  ],
  overdue_share: ["overdue share", "share overdue", "overdue ratio", "overdue percentage", "逾期比例", "逾期占比"],
  years_in_business: ["years in business", "company age", "years trading", "成立年限", "经营年限"],
  relationship_months: [
    "relationship months",
    "relationship length",
    "months as customer",
    "customer since months",
    "合作月数",
    "合作时长",
  ],
  industry_risk: ["industry risk", "sector risk", "行业风险"],
  country_risk: ["country risk", "oecd country risk", "国家风险"],
  litigation_count: ["litigation", "litigations", "lawsuits", "litigation cases", "legal cases", "诉讼", "诉讼数", "诉讼次数", "诉讼案件"],
  management_change: ["management change", "change of management", "管理层变动", "高管变动"],
  negative_news: ["negative news", "adverse media", "负面新闻", "负面舆情"],
  interest_not_reported: ["interest expense not reported", "interest not reported", "未披露利息费用", "利息费用未披露"],
  customer_id: ["id", "customer id", "customer code", "customer number", "account", "account number", "客户编号", "客户代码", "客户id"],
  customer_name: ["customer name", "customer", "name", "company", "company name", "客户名称", "客户", "公司名称"],
  exposure: [
    "exposure",
    "open receivables",
    "receivables balance",
    "balance",
    "outstanding",
    "open balance",
    "应收余额",
    "敞口",
    "风险敞口",
  ],
  credit_limit: ["credit limit", "current limit", "limit", "信用额度", "授信额度"],
  requested_limit: ["requested limit", "requested", "limit requested", "requested credit limit", "申请额度"],
  terms_days: ["terms days", "payment terms", "terms", "credit terms", "账期", "付款期限", "信用期"],
};

const TABLE: Map<string, HeaderKey> = (() => {
  const m = new Map<string, HeaderKey>();
  for (const key of HEADER_KEYS) {
    for (const label of [key, ...SYNONYMS[key]]) {
      const n = normaliseLabel(label);
      const prior = m.get(n);
      if (prior !== undefined && prior !== key) throw new Error(`header synonym "${label}" is claimed by ${prior} and ${key}`);
      m.set(n, key);
    }
  }
  return m;
})();

/**
 * Maps a column label to its canonical key, or `null` when it is not recognised
 * (non-text labels other than numbers are never recognised).
 * @example matchHeader("Interest Coverage") === "interest_coverage"; matchHeader("资产负债率") === "debt_ratio"
 */
export function matchHeader(label: unknown): HeaderKey | null {
  if (typeof label !== "string") return null;
  return TABLE.get(normaliseLabel(label)) ?? null;
}

/** The synonyms a key accepts besides itself (for documentation and the task pane). */
export function synonymsOf(key: HeaderKey): readonly string[] {
  return SYNONYMS[key];
}

/** A short text listing accepted keys, for `#VALUE!` messages. */
export function acceptedKeysText(keys: readonly HeaderKey[] = FACTOR_KEYS): string {
  return keys.join(", ");
}
