/**
 * Deriving missing financial ratios from statement items.
 *
 * A ratio the user gave always wins over a derived one. A ratio whose inputs
 * are missing, or whose denominator is zero (or negative where only a positive
 * amount makes sense, such as total assets or sales), stays missing and so
 * scores neutral points.
 *
 * Formulas (amounts in any one currency):
 * - debt_ratio = total_liabilities / total_assets
 * - equity = total_assets − total_liabilities (when equity itself is not given)
 * - equity_to_liabilities = equity / total_liabilities
 * - working_capital_to_assets = (current_assets − current_liabilities) / total_assets
 * - retained_earnings_to_assets = retained_earnings / total_assets
 * - ebit_to_assets = ebit / total_assets;  roa = net_income / total_assets
 * - sales_to_assets = sales / total_assets
 * - current_ratio = current_assets / current_liabilities
 * - quick_ratio = (current_assets − inventory) / current_liabilities
 * - interest_coverage = ebit / interest_expense
 * - operating_margin = ebit / sales;  net_margin = net_income / sales;  gross_margin = gross_profit / sales
 * - cash_flow_to_debt = (net_income + depreciation) / total_liabilities
 * - sales_growth = sales / sales_prior_year − 1
 * - receivable_days = receivables × 365 / sales;  inventory_days = inventory × 365 / sales
 */
import { FACTOR_COUNT, FACTOR_KEYS, FactorKey, factorIndex } from "./factors";

const I = (k: FactorKey): number => factorIndex(k);
const TA = I("total_assets"),
  TL = I("total_liabilities"),
  CA = I("current_assets"),
  CL = I("current_liabilities");
const INV = I("inventory"),
  REC = I("receivables"),
  EQ = I("equity"),
  RE = I("retained_earnings"),
  EBIT = I("ebit");
const NI = I("net_income"),
  S = I("sales"),
  S0 = I("sales_prior_year"),
  GP = I("gross_profit"),
  INT = I("interest_expense");
const DEP = I("depreciation");
const I_DEBT = I("debt_ratio"),
  I_EQTL = I("equity_to_liabilities"),
  I_WCTA = I("working_capital_to_assets");
const I_RETA = I("retained_earnings_to_assets"),
  I_EBITTA = I("ebit_to_assets"),
  I_ROA = I("roa"),
  I_STA = I("sales_to_assets");
const I_CR = I("current_ratio"),
  I_QR = I("quick_ratio"),
  I_IC = I("interest_coverage"),
  I_OM = I("operating_margin");
const I_NM = I("net_margin"),
  I_GM = I("gross_margin"),
  I_CFD = I("cash_flow_to_debt"),
  I_SG = I("sales_growth");
const I_RD = I("receivable_days"),
  I_ID = I("inventory_days");

/** Statement-item keys: when none of them is present there is nothing to derive. */
export const STATEMENT_KEYS: readonly FactorKey[] = [
  "total_assets",
  "total_liabilities",
  "current_assets",
  "current_liabilities",
  "inventory",
  "receivables",
  "equity",
  "retained_earnings",
  "ebit",
  "net_income",
  "sales",
  "sales_prior_year",
  "gross_profit",
  "interest_expense",
  "depreciation",
  "cash",
];

/** a / b, or NaN when either is missing or b is not strictly positive. */
function div(a: number, b: number): number {
  return b > 0 ? a / b : NaN; // NaN > 0 is false, so a missing b also gives NaN
}

function fill(v: Float64Array, key: number, value: number): void {
  if (Number.isNaN(v[key]) && Number.isFinite(value)) v[key] = value;
}

/**
 * Net worth of a factor vector: equity, else total assets − total liabilities
 * (NaN when neither is known). The one place this rule is written: ratios
 * (equity_to_liabilities) and the credit limit of every door read it here.
 * `NET_WORTH_ITEMS` declares the same rule for the live formulas the pane writes.
 */
export function netWorthOf(v: Float64Array): number {
  return Number.isNaN(v[EQ]) ? v[TA] - v[TL] : v[EQ];
}

/** The statement items of `netWorthOf`: equity when given, else the difference of the two others. */
export const NET_WORTH_ITEMS = { given: "equity", minuend: "total_assets", subtrahend: "total_liabilities" } as const satisfies Record<
  string,
  FactorKey
>;

/** True when a table with these factor columns can give a net worth (equity, or total assets and total liabilities). */
export function hasNetWorthColumns(keys: readonly string[]): boolean {
  return keys.includes(NET_WORTH_ITEMS.given) || (keys.includes(NET_WORTH_ITEMS.minuend) && keys.includes(NET_WORTH_ITEMS.subtrahend));
}

/**
 * Fills missing ratios of a factor vector in place (NaN = missing), from the
 * statement items in the same vector. Allocation-free, for the hot path.
 */
export function deriveInPlace(v: Float64Array): void {
  const ta = v[TA],
    tl = v[TL],
    s = v[S];
  const eq = netWorthOf(v);
  fill(v, I_DEBT, div(tl, ta));
  fill(v, I_EQTL, div(eq, tl));
  fill(v, I_WCTA, div(v[CA] - v[CL], ta));
  fill(v, I_RETA, div(v[RE], ta));
  fill(v, I_EBITTA, div(v[EBIT], ta));
  fill(v, I_ROA, div(v[NI], ta));
  fill(v, I_STA, div(s, ta));
  fill(v, I_CR, div(v[CA], v[CL]));
  fill(v, I_QR, div(v[CA] - v[INV], v[CL]));
  fill(v, I_IC, div(v[EBIT], v[INT]));
  fill(v, I_OM, div(v[EBIT], s));
  fill(v, I_NM, div(v[NI], s));
  fill(v, I_GM, div(v[GP], s));
  fill(v, I_CFD, div(v[NI] + v[DEP], tl));
  fill(v, I_SG, div(s, v[S0]) - 1);
  fill(v, I_RD, div(v[REC] * 365, s));
  fill(v, I_ID, div(v[INV] * 365, s));
}

/** Converts a partial record of factor values to a vector (NaN = missing). Non-finite values count as missing. */
export function toVector(values: Partial<Record<FactorKey, number>>, into?: Float64Array): Float64Array {
  const v = into ?? new Float64Array(FACTOR_COUNT);
  v.fill(NaN);
  for (const k in values) {
    const i = factorIndex(k);
    const x = values[k as FactorKey];
    if (i >= 0 && typeof x === "number" && x - x === 0) v[i] = x; // x − x === 0 only for finite numbers
  }
  return v;
}

/**
 * Returns a copy of `values` with missing ratios derived from statement items.
 * Given ratios win; zero denominators leave the ratio missing.
 * @example deriveRatios({ total_liabilities: 60, total_assets: 100 }).debt_ratio === 0.6
 */
export function deriveRatios(values: Partial<Record<FactorKey, number>>): Partial<Record<FactorKey, number>> {
  const v = toVector(values);
  deriveInPlace(v);
  const out: Partial<Record<FactorKey, number>> = { ...values };
  for (let i = 0; i < v.length; i++) {
    if (!Number.isNaN(v[i])) out[FACTOR_KEYS[i]] = v[i];
  }
  return out;
}
