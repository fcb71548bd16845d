/**
 * Deriving missing financial ratios from statement items.
 *
 * A ratio the user gave always wins over a derived one. A ratio whose inputs
 * are missing, or whose denominator is zero (or negative where only a positive
 * amount makes sense, such as total assets or sales), stays missing and so
 * scores neutral points.
 *
 * Each ratio's formula is declared with the factor, in the factor registry
 * (`registry.ts`, field `derive`); this module applies them. The formulas
 * (amounts in any one currency):
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
import { FACTORS, FACTOR_COUNT, FACTOR_KEYS, FactorKey, factorIndex } from "./factors";
import { Derivation, FACTOR_REGISTRY, NET_WORTH_ITEMS, StatementKey, StatementValues } from "./registry";

export { NET_WORTH_ITEMS };

/** Statement-item keys (the registry's "statement" group): when none of them is present there is nothing to derive. */
export const STATEMENT_KEYS: readonly FactorKey[] = FACTOR_KEYS.filter((k) => FACTORS[factorIndex(k)].group === "statement");

/** Vector index of each statement item, and the derived ratios with their formulas (in registry order). */
const ITEM_KEYS = STATEMENT_KEYS as readonly StatementKey[];
const ITEM_INDEX = Int32Array.from(ITEM_KEYS, (k) => factorIndex(k));
const DERIVED_INDEX: number[] = [];
const DERIVATIONS: Derivation[] = [];
FACTOR_REGISTRY.forEach((f, i) => {
  if (f.derive) {
    DERIVED_INDEX.push(i);
    DERIVATIONS.push(f.derive);
  }
});

/** The statement items of the vector being derived, as the derivations read them: one getter per item (no copy, no allocation per row). */
let current: Float64Array = new Float64Array(FACTOR_COUNT);
const items = {} as StatementValues;
ITEM_KEYS.forEach((k, t) => {
  const i = ITEM_INDEX[t];
  Object.defineProperty(items, k, { get: () => current[i], enumerable: true });
});

function readItems(v: Float64Array): StatementValues {
  current = v;
  return items;
}

function fill(v: Float64Array, key: number, value: number): void {
  if (Number.isNaN(v[key]) && Number.isFinite(value)) v[key] = value;
}

const EQ = factorIndex(NET_WORTH_ITEMS.given),
  TA = factorIndex(NET_WORTH_ITEMS.minuend),
  TL = factorIndex(NET_WORTH_ITEMS.subtrahend);

/**
 * Net worth of a factor vector: equity, else total assets − total liabilities
 * (NaN when neither is known). The registry's net-worth rule (`netWorth`,
 * `NET_WORTH_ITEMS`) on a vector: ratios (equity_to_liabilities) and the
 * credit limit of every door read it; the live formulas the pane writes spell
 * it from `NET_WORTH_ITEMS`.
 */
export function netWorthOf(v: Float64Array): number {
  return Number.isNaN(v[EQ]) ? v[TA] - v[TL] : v[EQ];
}

/** True when a table with these factor columns can give a net worth (equity, or total assets and total liabilities). */
export function hasNetWorthColumns(keys: readonly string[]): boolean {
  return keys.includes(NET_WORTH_ITEMS.given) || (keys.includes(NET_WORTH_ITEMS.minuend) && keys.includes(NET_WORTH_ITEMS.subtrahend));
}

/**
 * Fills missing ratios of a factor vector in place (NaN = missing), from the
 * statement items in the same vector, with each ratio's registry formula.
 * Derivations read statement items only, so their order does not matter.
 * Allocation-free, for the hot path.
 */
export function deriveInPlace(v: Float64Array): void {
  const x = readItems(v);
  for (let t = 0; t < DERIVATIONS.length; t++) fill(v, DERIVED_INDEX[t], DERIVATIONS[t](x));
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
