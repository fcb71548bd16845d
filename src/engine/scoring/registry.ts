/**
 * The factor registry: everything CreditSentinel knows about a factor, declared
 * once (issue 10, item 5). Each entry gives
 * - `key`, `group`, `unit` and the English and Chinese display `label` (and
 *   `reasonText`, a reason's own wording where the value alone says nothing);
 * - `direction`: "increasing" when a higher value is safer, "decreasing" when
 *   riskier, null for statement items (amounts that are not scored);
 * - `rules`: values outside them are input errors in a formula cell;
 * - `synonyms`: the column headers `matchHeader` accepts besides the key, in
 *   English and in Chinese;
 * - `percentBound`: for a percent-unit ratio, the median |x| above which a
 *   review column looks like percent numbers (portfolio/percent-columns.ts);
 *   null for every other unit;
 * - `lever`: the plausible range within which Explain may suggest changing the
 *   factor (portfolio/explain.ts), null when a customer cannot change it
 *   (industry, country, age, past events, amounts);
 * - `derive`: how a missing ratio is derived from the statement items (NaN
 *   when an input is missing or a denominator is not positive), null when it
 *   is not derived;
 * - `calibration`: for a ratio the calibration may fit, its place in the
 *   calibration's candidate list (`npm run calibrate -- --compare-factors` and
 *   the history refit, calibration/fit.ts `CANONICAL_RATIOS`) and the values
 *   that mean "none" rather than a measurement; null otherwise.
 *
 * Every field is required, so a new factor cannot leave one out (the compiler
 * says which). `factors.ts` (index, lookup), `headers.ts` (header matcher),
 * `derive.ts` (derivation), Explain's levers, the percent-column check, the
 * calibration's candidates and the task pane's labels and column picker all
 * read this table. A new factor is one entry here (in the section of its
 * group) plus its bins in the model (scorecard-model.v2.json).
 *
 * Ratios are decimals (0.35, not 35 %). Statement items are amounts in any one
 * currency; they are not scored themselves but feed the derivations.
 */
import type { NumberRules } from "../cells";

/** Where a factor sits in the analyst's view of the scorecard. */
export type FactorGroup = "financial" | "statement" | "payment" | "profile" | "risk";

/** How a factor's value is shown in reason texts and the task pane. */
export type UnitKind = "ratio" | "percent" | "times" | "days" | "months" | "years" | "count" | "flag" | "index";

/** The plausible range of a factor Explain may suggest changing. */
export interface Lever {
  readonly min: number;
  readonly max: number;
}

/** A factor the calibration may fit: its place in the candidate list (1 = first) and its "none" values. */
export interface CalibrationCandidate {
  readonly rank: number;
  /** Values that mean "none" rather than a measurement (scored neutral, not binned). */
  readonly neutralValues?: readonly number[];
}

/** Everything about a factor except how it is derived (statement items are declared with this). */
export interface FactorBase {
  readonly key: string;
  readonly group: FactorGroup;
  readonly label: { readonly en: string; readonly zh: string };
  /** A reason's own text, for a factor whose value alone says nothing ("yes"/"no" would not explain it); null: label and value. */
  readonly reasonText: { readonly en: string; readonly zh: string } | null;
  readonly unit: UnitKind;
  /** "increasing": a higher value is safer; "decreasing": riskier; null: not scored (statement items). */
  readonly direction: "increasing" | "decreasing" | null;
  /** Values outside these rules are input errors in a formula cell. */
  readonly rules: NumberRules;
  /** Column headers accepted besides the key itself (matched case-, space- and punctuation-insensitively). */
  readonly synonyms: { readonly en: readonly string[]; readonly zh: readonly string[] };
  /** Median |x| above which a review column of this factor holds percent numbers; null: never checked. */
  readonly percentBound: number | null;
  /** The range within which Explain may suggest changing the factor; null: never suggested. */
  readonly lever: Lever | null;
  readonly derive: Derivation | null;
  readonly calibration: CalibrationCandidate | null;
}

/** A statement item: an amount, never derived. */
interface StatementEntry extends FactorBase {
  readonly group: "statement";
  readonly derive: null;
}

/** A registry entry. */
export interface FactorEntry extends FactorBase {
  readonly derive: Derivation | null;
}

/** The statement items of one customer (NaN = missing), as a derivation reads them. */
export type StatementValues = Readonly<Record<StatementKey, number>>;

/** Derives a ratio from statement items; NaN (or a non-finite value) means "cannot be derived". */
export type Derivation = (x: StatementValues) => number;

/** Default percent bound of a percent-unit ratio (`percentBound`): no plausible decimal ratio has a typical size above it. */
export const DEFAULT_PERCENT_BOUND = 1.5;
const PCT = DEFAULT_PERCENT_BOUND;

const nonNeg: NumberRules = { min: 0 };
const share: NumberRules = { min: 0, max: 1 };
const flag: NumberRules = { min: 0, max: 1, integer: true };
const free: NumberRules = {};

/** a / b, or NaN when either is missing or b is not strictly positive. */
export function div(a: number, b: number): number {
  return b > 0 ? a / b : NaN; // NaN > 0 is false, so a missing b also gives NaN
}

/**
 * The net-worth rule: equity when given, else total assets − total liabilities.
 * `derive.ts` `netWorthOf` applies it to factor vectors (the limit of every
 * door), `equity_to_liabilities` below to statement items, and the live
 * formulas the pane writes spell it from these keys.
 */
export const NET_WORTH_ITEMS = { given: "equity", minuend: "total_assets", subtrahend: "total_liabilities" } as const satisfies Record<
  string,
  StatementKey
>;

/** Net worth of a customer's statement items (NaN when neither equity nor both other items are known). */
export function netWorth(x: StatementValues): number {
  const eq = x[NET_WORTH_ITEMS.given];
  return Number.isNaN(eq) ? x[NET_WORTH_ITEMS.minuend] - x[NET_WORTH_ITEMS.subtrahend] : eq;
}

// Statement items (amounts in any one currency): not scored, the inputs of the derivations.
const STATEMENT_ITEMS = [
  {
    key: "total_assets",
    group: "statement",
    label: { en: "Total assets", zh: "总资产" },
    reasonText: null,
    unit: "count",
    direction: null,
    rules: nonNeg,
    synonyms: { en: ["total assets", "assets"], zh: ["总资产", "资产总计", "资产总额"] },
    percentBound: null,
    lever: null,
    derive: null,
    calibration: null,
  },
  {
    key: "total_liabilities",
    group: "statement",
    label: { en: "Total liabilities", zh: "总负债" },
    reasonText: null,
    unit: "count",
    direction: null,
    rules: nonNeg,
    synonyms: { en: ["total liabilities", "liabilities", "total debt"], zh: ["总负债", "负债合计", "负债总额"] },
    percentBound: null,
    lever: null,
    derive: null,
    calibration: null,
  },
  {
    key: "current_assets",
    group: "statement",
    label: { en: "Current assets", zh: "流动资产" },
    reasonText: null,
    unit: "count",
    direction: null,
    rules: nonNeg,
    synonyms: { en: ["current assets"], zh: ["流动资产", "流动资产合计"] },
    percentBound: null,
    lever: null,
    derive: null,
    calibration: null,
  },
  {
    key: "current_liabilities",
    group: "statement",
    label: { en: "Current liabilities", zh: "流动负债" },
    reasonText: null,
    unit: "count",
    direction: null,
    rules: nonNeg,
    synonyms: { en: ["current liabilities", "short term liabilities"], zh: ["流动负债", "流动负债合计"] },
    percentBound: null,
    lever: null,
    derive: null,
    calibration: null,
  },
  {
    key: "inventory",
    group: "statement",
    label: { en: "Inventory", zh: "存货" },
    reasonText: null,
    unit: "count",
    direction: null,
    rules: nonNeg,
    synonyms: { en: ["inventory", "inventories", "stock"], zh: ["存货"] },
    percentBound: null,
    lever: null,
    derive: null,
    calibration: null,
  },
  {
    key: "receivables",
    group: "statement",
    label: { en: "Receivables", zh: "应收账款" },
    reasonText: null,
    unit: "count",
    direction: null,
    rules: nonNeg,
    synonyms: { en: ["receivables", "accounts receivable", "trade receivables"], zh: ["应收账款"] },
    percentBound: null,
    lever: null,
    derive: null,
    calibration: null,
  },
  {
    key: "equity",
    group: "statement",
    label: { en: "Equity", zh: "所有者权益" },
    reasonText: null,
    unit: "count",
    direction: null,
    rules: free,
    synonyms: {
      en: ["equity", "net worth", "book equity", "shareholders equity", "stockholders equity", "net assets"],
      zh: ["净资产", "所有者权益", "股东权益", "所有者权益合计"],
    },
    percentBound: null,
    lever: null,
    derive: null,
    calibration: null,
  },
  {
    key: "retained_earnings",
    group: "statement",
    label: { en: "Retained earnings", zh: "留存收益" },
    reasonText: null,
    unit: "count",
    direction: null,
    rules: free,
    synonyms: { en: ["retained earnings"], zh: ["未分配利润", "留存收益"] },
    percentBound: null,
    lever: null,
    derive: null,
    calibration: null,
  },
  {
    key: "ebit",
    group: "statement",
    label: { en: "EBIT", zh: "息税前利润" },
    reasonText: null,
    unit: "count",
    direction: null,
    rules: free,
    synonyms: { en: ["operating profit", "earnings before interest and taxes"], zh: ["息税前利润"] },
    percentBound: null,
    lever: null,
    derive: null,
    calibration: null,
  },
  {
    key: "net_income",
    group: "statement",
    label: { en: "Net income", zh: "净利润" },
    reasonText: null,
    unit: "count",
    direction: null,
    rules: free,
    synonyms: { en: ["net income", "net profit", "profit after tax"], zh: ["净利润"] },
    percentBound: null,
    lever: null,
    derive: null,
    calibration: null,
  },
  {
    key: "sales",
    group: "statement",
    label: { en: "Sales", zh: "营业收入" },
    reasonText: null,
    unit: "count",
    direction: null,
    rules: nonNeg,
    synonyms: { en: ["sales", "revenue", "turnover", "net sales", "annual sales"], zh: ["营业收入", "销售收入", "营业总收入"] },
    percentBound: null,
    lever: null,
    derive: null,
    calibration: null,
  },
  {
    key: "sales_prior_year",
    group: "statement",
    label: { en: "Sales prior year", zh: "上年营业收入" },
    reasonText: null,
    unit: "count",
    direction: null,
    rules: nonNeg,
    synonyms: {
      en: ["sales prior year", "prior year sales", "sales last year", "previous year sales", "revenue prior year"],
      zh: ["上年营业收入", "上年销售收入", "去年营业收入"],
    },
    percentBound: null,
    lever: null,
    derive: null,
    calibration: null,
  },
  {
    key: "gross_profit",
    group: "statement",
    label: { en: "Gross profit", zh: "毛利润" },
    reasonText: null,
    unit: "count",
    direction: null,
    rules: free,
    synonyms: { en: ["gross profit"], zh: ["毛利", "毛利润"] },
    percentBound: null,
    lever: null,
    derive: null,
    calibration: null,
  },
  {
    key: "interest_expense",
    group: "statement",
    label: { en: "Interest expense", zh: "利息费用" },
    reasonText: null,
    unit: "count",
    direction: null,
    rules: nonNeg,
    synonyms: { en: ["interest expense", "interest expenses", "interest", "financial expenses"], zh: ["利息费用", "利息支出", "财务费用"] },
    percentBound: null,
    lever: null,
    derive: null,
    calibration: null,
  },
  {
    key: "depreciation",
    group: "statement",
    label: { en: "Depreciation", zh: "折旧" },
    reasonText: null,
    unit: "count",
    direction: null,
    rules: nonNeg,
    synonyms: {
      en: ["depreciation", "depreciation and amortisation", "depreciation and amortization", "d&a"],
      zh: ["折旧", "折旧与摊销", "折旧摊销"],
    },
    percentBound: null,
    lever: null,
    derive: null,
    calibration: null,
  },
  {
    key: "cash",
    group: "statement",
    label: { en: "Cash", zh: "货币资金" },
    reasonText: null,
    unit: "count",
    direction: null,
    rules: nonNeg,
    synonyms: { en: ["cash", "cash and equivalents", "cash and cash equivalents"], zh: ["货币资金", "现金"] },
    percentBound: null,
    lever: null,
    derive: null,
    calibration: null,
  },
] as const satisfies readonly StatementEntry[];

/** A statement-item key such as `"total_assets"`. */
export type StatementKey = (typeof STATEMENT_ITEMS)[number]["key"];

// Financial ratios (decimals), derived from the statement items when not given.
const FINANCIAL_RATIOS = [
  {
    key: "working_capital_to_assets",
    group: "financial",
    label: { en: "Working capital / total assets", zh: "营运资本/总资产" },
    reasonText: null,
    unit: "percent",
    direction: "increasing",
    rules: free,
    synonyms: {
      en: ["working capital to assets", "working capital / total assets", "working capital to total assets", "wc/ta", "wcta"],
      zh: ["营运资本/总资产", "营运资金/总资产", "营运资本比率"],
    },
    percentBound: PCT,
    lever: { min: -1, max: 1 },
    derive: (x) => div(x.current_assets - x.current_liabilities, x.total_assets),
    calibration: { rank: 8 },
  },
  {
    key: "retained_earnings_to_assets",
    group: "financial",
    label: { en: "Retained earnings / total assets", zh: "留存收益/总资产" },
    reasonText: null,
    unit: "percent",
    direction: "increasing",
    rules: free,
    synonyms: {
      en: ["retained earnings to assets", "retained earnings / total assets", "re/ta", "reta"],
      zh: ["留存收益/总资产", "未分配利润/总资产"],
    },
    percentBound: PCT,
    lever: { min: -1, max: 1 },
    derive: (x) => div(x.retained_earnings, x.total_assets),
    calibration: { rank: 5 },
  },
  {
    key: "ebit_to_assets",
    group: "financial",
    label: { en: "EBIT / total assets", zh: "息税前利润/总资产" },
    reasonText: null,
    unit: "percent",
    direction: "increasing",
    rules: free,
    synonyms: { en: ["ebit to assets", "ebit / total assets", "ebit/ta", "ebitta"], zh: ["息税前利润/总资产"] },
    percentBound: PCT,
    lever: { min: -0.5, max: 0.5 },
    derive: (x) => div(x.ebit, x.total_assets),
    calibration: { rank: 2 },
  },
  {
    key: "equity_to_liabilities",
    group: "financial",
    label: { en: "Equity / total liabilities", zh: "所有者权益/总负债" },
    reasonText: null,
    unit: "times",
    direction: "increasing",
    rules: free,
    synonyms: {
      en: ["equity to liabilities", "equity / total liabilities", "book equity / total liabilities", "equity/tl"],
      zh: ["所有者权益/总负债", "净资产/总负债", "产权比率倒数"],
    },
    percentBound: null,
    lever: { min: 0, max: 20 },
    derive: (x) => div(netWorth(x), x.total_liabilities),
    calibration: { rank: 10 },
  },
  {
    key: "sales_to_assets",
    group: "financial",
    label: { en: "Sales / total assets", zh: "总资产周转率" },
    reasonText: null,
    unit: "times",
    direction: "increasing",
    rules: nonNeg,
    synonyms: {
      en: ["sales to assets", "sales / total assets", "asset turnover", "total asset turnover"],
      zh: ["总资产周转率", "资产周转率"],
    },
    percentBound: null,
    lever: { min: 0, max: 10 },
    derive: (x) => div(x.sales, x.total_assets),
    calibration: { rank: 11 },
  },
  {
    key: "roa",
    group: "financial",
    label: { en: "Return on assets", zh: "总资产收益率" },
    reasonText: null,
    unit: "percent",
    direction: "increasing",
    rules: free,
    synonyms: { en: ["return on assets", "return on total assets"], zh: ["总资产收益率", "资产收益率", "总资产报酬率", "总资产净利率"] },
    percentBound: PCT,
    lever: { min: -0.5, max: 0.5 },
    derive: (x) => div(x.net_income, x.total_assets),
    calibration: { rank: 7 },
  },
  {
    key: "debt_ratio",
    group: "financial",
    label: { en: "Debt ratio", zh: "资产负债率" },
    reasonText: null,
    unit: "percent",
    direction: "decreasing",
    rules: nonNeg,
    synonyms: {
      en: ["debt ratio", "debt to assets", "liabilities to assets", "total liabilities / total assets", "leverage"],
      zh: ["资产负债率", "负债率"],
    },
    percentBound: PCT,
    lever: { min: 0, max: 1.5 },
    derive: (x) => div(x.total_liabilities, x.total_assets),
    calibration: { rank: 1 },
  },
  {
    key: "current_ratio",
    group: "financial",
    label: { en: "Current ratio", zh: "流动比率" },
    reasonText: null,
    unit: "times",
    direction: "increasing",
    rules: nonNeg,
    synonyms: { en: ["current ratio"], zh: ["流动比率"] },
    percentBound: null,
    lever: { min: 0, max: 10 },
    derive: (x) => div(x.current_assets, x.current_liabilities),
    calibration: { rank: 9 },
  },
  {
    key: "quick_ratio",
    group: "financial",
    label: { en: "Quick ratio", zh: "速动比率" },
    reasonText: null,
    unit: "times",
    direction: "increasing",
    rules: nonNeg,
    synonyms: { en: ["quick ratio", "acid test", "acid test ratio"], zh: ["速动比率"] },
    percentBound: null,
    lever: { min: 0, max: 10 },
    derive: (x) => div(x.current_assets - x.inventory, x.current_liabilities),
    calibration: { rank: 4 },
  },
  {
    key: "interest_coverage",
    group: "financial",
    label: { en: "Interest coverage", zh: "利息保障倍数" },
    reasonText: null,
    unit: "times",
    direction: "increasing",
    rules: free,
    synonyms: {
      en: ["interest coverage", "interest cover", "interest coverage ratio", "times interest earned", "tie"],
      zh: ["利息保障倍数", "已获利息倍数"],
    },
    percentBound: null,
    lever: { min: -20, max: 30 },
    derive: (x) => div(x.ebit, x.interest_expense),
    calibration: { rank: 6, neutralValues: [0] },
  },
  {
    key: "operating_margin",
    group: "financial",
    label: { en: "Operating margin", zh: "营业利润率" },
    reasonText: null,
    unit: "percent",
    direction: "increasing",
    rules: free,
    synonyms: { en: ["operating margin", "ebit margin", "operating profit margin"], zh: ["营业利润率", "经营利润率"] },
    percentBound: PCT,
    lever: { min: -1, max: 1 },
    derive: (x) => div(x.ebit, x.sales),
    calibration: { rank: 13 },
  },
  {
    key: "net_margin",
    group: "financial",
    label: { en: "Net margin", zh: "净利率" },
    reasonText: null,
    unit: "percent",
    direction: "increasing",
    rules: free,
    synonyms: { en: ["net margin", "net profit margin", "profit margin"], zh: ["净利率", "销售净利率", "净利润率"] },
    percentBound: PCT,
    lever: { min: -1, max: 1 },
    derive: (x) => div(x.net_income, x.sales),
    calibration: { rank: 12 },
  },
  {
    key: "gross_margin",
    group: "financial",
    label: { en: "Gross margin", zh: "毛利率" },
    reasonText: null,
    unit: "percent",
    direction: "increasing",
    rules: free,
    synonyms: { en: ["gross margin", "gross profit margin"], zh: ["毛利率", "销售毛利率"] },
    percentBound: PCT,
    lever: { min: -1, max: 1 },
    derive: (x) => div(x.gross_profit, x.sales),
    calibration: { rank: 14 },
  },
  {
    key: "cash_flow_to_debt",
    group: "financial",
    label: { en: "Cash flow / total liabilities", zh: "现金流/总负债" },
    reasonText: null,
    unit: "percent",
    direction: "increasing",
    rules: free,
    synonyms: {
      en: ["cash flow to debt", "cash flow / total liabilities", "cash flow to liabilities"],
      zh: ["现金流/总负债", "现金流量负债比"],
    },
    percentBound: 3,
    lever: { min: -1, max: 2 },
    derive: (x) => div(x.net_income + x.depreciation, x.total_liabilities),
    calibration: { rank: 3 },
  },
  {
    key: "sales_growth",
    group: "financial",
    label: { en: "Sales growth", zh: "营业收入增长率" },
    reasonText: null,
    unit: "percent",
    direction: "increasing",
    rules: { min: -1 },
    synonyms: {
      en: ["sales growth", "revenue growth", "turnover growth"],
      zh: ["营业收入增长率", "收入增长率", "销售增长率", "营收增长率"],
    },
    percentBound: PCT,
    lever: { min: -0.5, max: 1 },
    derive: (x) => div(x.sales, x.sales_prior_year) - 1,
    calibration: { rank: 15 },
  },
  {
    key: "receivable_days",
    group: "financial",
    label: { en: "Receivable days", zh: "应收账款周转天数" },
    reasonText: null,
    unit: "days",
    direction: "decreasing",
    rules: nonNeg,
    synonyms: { en: ["receivable days", "receivables days", "days sales outstanding", "dso"], zh: ["应收账款周转天数", "应收周转天数"] },
    percentBound: null,
    lever: { min: 0, max: 365 },
    derive: (x) => div(x.receivables * 365, x.sales),
    calibration: { rank: 16 },
  },
  {
    key: "inventory_days",
    group: "financial",
    label: { en: "Inventory days", zh: "存货周转天数" },
    reasonText: null,
    unit: "days",
    direction: "decreasing",
    rules: nonNeg,
    synonyms: { en: ["inventory days", "days inventory outstanding", "dio"], zh: ["存货周转天数"] },
    percentBound: null,
    lever: { min: 0, max: 365 },
    derive: (x) => div(x.inventory * 365, x.sales),
    calibration: { rank: 17 },
  },
] as const satisfies readonly FactorEntry[];

// Payment behaviour.
const PAYMENT = [
  {
    key: "avg_days_late",
    group: "payment",
    label: { en: "Average days late", zh: "平均逾期天数" },
    reasonText: null,
    unit: "days",
    direction: "decreasing",
    rules: nonNeg,
    synonyms: { en: ["average days late", "avg days late", "days beyond terms", "dbt", "average days beyond terms"], zh: ["平均逾期天数"] },
    percentBound: null,
    lever: { min: 0, max: 365 },
    derive: null,
    calibration: null,
  },
  {
    key: "max_days_late",
    group: "payment",
    label: { en: "Maximum days late", zh: "最长逾期天数" },
    reasonText: null,
    unit: "days",
    direction: "decreasing",
    rules: nonNeg,
    synonyms: { en: ["max days late", "maximum days late"], zh: ["最长逾期天数", "最大逾期天数"] },
    percentBound: null,
    lever: { min: 0, max: 730 },
    derive: null,
    calibration: null,
  },
  {
    key: "pct_invoices_late",
    group: "payment",
    label: { en: "Share of invoices paid late", zh: "逾期发票比例" },
    reasonText: null,
    unit: "percent",
    direction: "decreasing",
    rules: share,
    synonyms: {
      en: ["percent invoices late", "share of invoices late", "invoices late", "late invoice share"],
      zh: ["逾期发票比例", "逾期发票占比"],
    },
    percentBound: PCT,
    lever: { min: 0, max: 1 },
    derive: null,
    calibration: null,
  },
  {
    key: "overdue_share",
    group: "payment",
    label: { en: "Overdue share of receivables", zh: "逾期比例" },
    reasonText: null,
    unit: "percent",
    direction: "decreasing",
    rules: share,
    synonyms: { en: ["overdue share", "share overdue", "overdue ratio", "overdue percentage"], zh: ["逾期比例", "逾期占比"] },
    percentBound: PCT,
    lever: { min: 0, max: 1 },
    derive: null,
    calibration: null,
  },
] as const satisfies readonly FactorEntry[];

// Company profile.
const PROFILE = [
  {
    key: "years_in_business",
    group: "profile",
    label: { en: "Years in business", zh: "成立年限" },
    reasonText: null,
    unit: "years",
    direction: "increasing",
    rules: nonNeg,
    synonyms: { en: ["years in business", "company age", "years trading"], zh: ["成立年限", "经营年限"] },
    percentBound: null,
    lever: null,
    derive: null,
    calibration: null,
  },
  {
    key: "relationship_months",
    group: "profile",
    label: { en: "Relationship length", zh: "合作月数" },
    reasonText: null,
    unit: "months",
    direction: "increasing",
    rules: nonNeg,
    synonyms: {
      en: ["relationship months", "relationship length", "months as customer", "customer since months"],
      zh: ["合作月数", "合作时长"],
    },
    percentBound: null,
    lever: { min: 0, max: 600 },
    derive: null,
    calibration: null,
  },
] as const satisfies readonly FactorEntry[];

// Risk context.
const RISK = [
  {
    key: "industry_risk",
    group: "risk",
    label: { en: "Industry risk", zh: "行业风险" },
    reasonText: null,
    unit: "index",
    direction: "decreasing",
    rules: { min: 1, max: 5 },
    synonyms: { en: ["industry risk", "sector risk"], zh: ["行业风险"] },
    percentBound: null,
    lever: null,
    derive: null,
    calibration: null,
  },
  {
    key: "country_risk",
    group: "risk",
    label: { en: "Country risk", zh: "国家风险" },
    reasonText: null,
    unit: "index",
    direction: "decreasing",
    rules: { min: 0, max: 7 },
    synonyms: { en: ["country risk", "oecd country risk"], zh: ["国家风险"] },
    percentBound: null,
    lever: null,
    derive: null,
    calibration: null,
  },
  {
    key: "litigation_count",
    group: "risk",
    label: { en: "Litigation cases", zh: "诉讼" },
    reasonText: null,
    unit: "count",
    direction: "decreasing",
    rules: { min: 0, integer: true },
    synonyms: {
      en: ["litigation", "litigations", "lawsuits", "litigation cases", "legal cases"],
      zh: ["诉讼", "诉讼数", "诉讼次数", "诉讼案件"],
    },
    percentBound: null,
    lever: { min: 0, max: 1000 },
    derive: null,
    calibration: null,
  },
  {
    key: "management_change",
    group: "risk",
    label: { en: "Management change", zh: "管理层变动" },
    reasonText: null,
    unit: "flag",
    direction: "decreasing",
    rules: flag,
    synonyms: { en: ["management change", "change of management"], zh: ["管理层变动", "高管变动"] },
    percentBound: null,
    lever: null,
    derive: null,
    calibration: null,
  },
  {
    key: "negative_news",
    group: "risk",
    label: { en: "Negative news", zh: "负面新闻" },
    reasonText: null,
    unit: "flag",
    direction: "decreasing",
    rules: flag,
    synonyms: { en: ["negative news", "adverse media"], zh: ["负面新闻", "负面舆情"] },
    percentBound: null,
    lever: null,
    derive: null,
    calibration: null,
  },
] as const satisfies readonly FactorEntry[];

// Incomplete statements (derived by the scorecard, see scoring/score.ts): 1 = interest left blank in a column the
// user gave while the debt ratio shows material debt. Last in the registry so the other indexes keep their place.
const INCOMPLETE_STATEMENTS = [
  {
    key: "interest_not_reported",
    group: "financial",
    label: { en: "Interest expense not reported", zh: "未披露利息费用" },
    reasonText: { en: "Interest expense not reported despite debt", zh: "有负债但未披露利息费用" },
    unit: "flag",
    direction: "decreasing",
    rules: flag,
    synonyms: { en: ["interest expense not reported", "interest not reported"], zh: ["未披露利息费用", "利息费用未披露"] },
    percentBound: null,
    lever: null,
    derive: null,
    calibration: null,
  },
] as const satisfies readonly FactorEntry[];

/**
 * All factors, in display order (the pane's column picker, the accepted-keys
 * list of messages), which is also each factor's index in factor vectors
 * (`Float64Array`, built at run time; nothing stores an index, so a new
 * factor goes at the end of its group's section).
 */
export const FACTOR_REGISTRY = [
  ...FINANCIAL_RATIOS,
  ...STATEMENT_ITEMS,
  ...PAYMENT,
  ...PROFILE,
  ...RISK,
  ...INCOMPLETE_STATEMENTS,
] as const satisfies readonly FactorEntry[];
