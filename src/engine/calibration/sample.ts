/**
 * A labelled sample of customers (or firms) in canonical factor columns: the
 * input of calibration, cross-validation and evaluation. Built by the CLI
 * from a file, or by the pane from a workbook table.
 */
import { FACTOR_COUNT, FACTOR_KEYS, FactorKey, factorDef, factorIndex } from "../scoring/factors";
import { deriveInPlace } from "../scoring/derive";

export interface Sample {
  /** Number of rows. */
  n: number;
  /** Canonical factor columns, NaN = missing. A column absent here was not given at all. */
  columns: Partial<Record<FactorKey, Float64Array>>;
  /** 1 = defaulted / bankrupt, 0 = healthy. */
  label: Uint8Array;
  /** Inputs of the classical benchmark models that are not scorecard factors (NaN = missing). */
  extra?: Partial<Record<ExtraKey, Float64Array>>;
}

/**
 * Benchmark inputs that are not factors: the natural logarithm of total assets
 * (Ohlson's size, when total assets themselves are not given, as in the Polish
 * files) and the net income of the year before (Ohlson's INTWO and CHIN).
 */
export type ExtraKey = "log_total_assets" | "net_income_prior";

/** A sample restricted to some rows (in the given order). */
export function sampleRows(s: Sample, rows: readonly number[]): Sample {
  const columns: Partial<Record<FactorKey, Float64Array>> = {};
  for (const [k, a] of Object.entries(s.columns)) columns[k as FactorKey] = Float64Array.from(rows, (i) => (a as Float64Array)[i]);
  const extra: Partial<Record<ExtraKey, Float64Array>> = {};
  for (const [k, a] of Object.entries(s.extra ?? {})) extra[k as ExtraKey] = Float64Array.from(rows, (i) => (a as Float64Array)[i]);
  return { n: rows.length, columns, label: Uint8Array.from(rows, (i) => s.label[i]), ...(s.extra ? { extra } : {}) };
}

/** Number of defaulters in a sample. */
export function defaultCount(s: Pick<Sample, "label">): number {
  let d = 0;
  for (let i = 0; i < s.label.length; i++) d += s.label[i];
  return d;
}

/**
 * Returns the sample with ratios derived from statement items where the
 * ratio column is missing or blank (the formulas' rules: `deriveInPlace`).
 * Samples without statement items are returned unchanged.
 */
export function withDerivedRatios<S extends Sample>(s: S): S {
  const has = Object.keys(s.columns).some((k) => factorDef(k as FactorKey).group === "statement");
  if (!has) return s;
  const cols = Object.entries(s.columns).map(([k, a]) => ({ i: factorIndex(k), a: a as Float64Array }));
  const out: Partial<Record<FactorKey, Float64Array>> = {};
  const v = new Float64Array(FACTOR_COUNT);
  for (let r = 0; r < s.n; r++) {
    v.fill(NaN);
    for (const { i, a } of cols) v[i] = a[r];
    deriveInPlace(v);
    for (let i = 0; i < FACTOR_COUNT; i++) {
      if (Number.isNaN(v[i])) continue;
      const key = FACTOR_KEYS[i];
      (out[key] ??= new Float64Array(s.n).fill(NaN))[r] = v[i];
    }
  }
  return { ...s, columns: { ...s.columns, ...out } };
}
