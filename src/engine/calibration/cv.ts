/**
 * Cross-validation and the evidence behind the shipped model's choices:
 * out-of-fold risk scores by stratified k folds (seeded), an equal-weight WoE
 * scorer to compare factor sets, and the calibration slope by the number of
 * pooled factors given (why the pool weight).
 */
import type { FactorKey } from "../scoring/factors";
import { ScorecardModel, withIncompleteStatements } from "../scoring/model";
import { applyBinning, fitBinning } from "./binning";
import { scoreSample } from "./evaluation";
import { fitLogistic } from "./logistic";
import { auc, ks } from "./metrics";
import type { Sample } from "./sample";
import { kFolds } from "./split";

/** Fits on some rows and returns a function giving the risk (higher = riskier) of other rows. */
export type RowFit = (trainRows: readonly number[]) => (rows: readonly number[]) => Float64Array;

/** Out-of-fold risk of every row in `rows`: each row scored by a fit on the other folds. */
export function outOfFold(label: ArrayLike<number>, rows: readonly number[], fit: RowFit, k: number, seed: number): Float64Array {
  const y = Array.from(rows, (i) => label[i]);
  const fold = kFolds(y, k, seed);
  const risk = new Float64Array(rows.length);
  for (let f = 0; f < k; f++) {
    const tr: number[] = [],
      te: number[] = [],
      at: number[] = [];
    rows.forEach((r, j) => {
      if (fold[j] === f) {
        te.push(r);
        at.push(j);
      } else tr.push(r);
    });
    if (te.length === 0) continue;
    const scorer = fit(tr);
    const s = scorer(te);
    at.forEach((j, t) => (risk[j] = s[t]));
  }
  return risk;
}

/** Cross-validated AUC and KS of a fit (mean over `repeats` seeds). */
export function crossValidate(
  label: ArrayLike<number>,
  rows: readonly number[],
  fit: RowFit,
  k = 5,
  seed = 1,
  repeats = 1,
): { auc: number; ks: number } {
  let a = 0,
    s = 0;
  const y = Array.from(rows, (i) => label[i]);
  for (let r = 0; r < repeats; r++) {
    const risk = outOfFold(label, rows, fit, k, seed + r);
    a += auc(risk, y);
    s += ks(risk, y);
  }
  return { auc: a / repeats, ks: s / repeats };
}

/**
 * An equal-weight scorer: monotone WoE bins per factor fitted on the training
 * rows, risk = −Σ WoE of the factors given (the ranking of a common
 * coefficient, whatever its size). Values in `none` count as not given.
 */
export function equalWeightFit(
  s: Sample,
  factors: readonly { key: FactorKey; direction: "increasing" | "decreasing"; neutralValues?: number[] }[],
): RowFit {
  const col = (key: FactorKey, none: number[] | undefined, rows: readonly number[]): Float64Array =>
    Float64Array.from(rows, (i) => {
      const x = (s.columns[key] as Float64Array | undefined)?.[i] ?? NaN;
      return none?.includes(x) ? NaN : x;
    });
  return (trainRows) => {
    const y = Float64Array.from(trainRows, (i) => s.label[i]);
    const bins = factors
      .filter((f) => s.columns[f.key])
      .map((f) => ({ f, bin: fitBinning(col(f.key, f.neutralValues, trainRows), y, { direction: f.direction }) }));
    return (rows) => {
      const risk = new Float64Array(rows.length);
      for (const { f, bin } of bins) applyBinning(bin, col(f.key, f.neutralValues, rows)).forEach((w, j) => (risk[j] -= w));
      return risk;
    };
  };
}

/**
 * How the model's calibration holds when fewer pooled factors are given: for
 * each count m, every row keeps m of the pool's factors (a fixed rotation by
 * row) and the slope of a logistic fit of the label on the model's log-odds is
 * measured; a slope that stays put means the weights suit any number of
 * factors given. Returned with and without the pool weight.
 */
export function slopeByFactorsGiven(
  s: Sample,
  model: ScorecardModel,
  rows: readonly number[],
  counts: readonly number[],
): { given: number; pooled: number; plain: number }[] {
  // The incomplete-statements flag is off here: a masked coverage is "not given", not "not reported".
  const base = withIncompleteStatements(model, false);
  const pool = base.pool?.factors ?? [];
  const n = pool.length;
  const plainModel: ScorecardModel = { ...base, pool: undefined };
  const y = Float64Array.from(rows, (i) => s.label[i]);
  const slope = (m: ScorecardModel, masked: Sample): number => {
    const sc = scoreSample(masked, m).score;
    const z = Float64Array.from(rows, (i) => -(m.pd.logOddsAtZero + sc[i] / m.pd.pointsPerLogOdds)); // ln odds of default
    return fitLogistic([z], y, 0)[1];
  };
  return counts
    .filter((m) => m >= 1 && m <= n)
    .map((m) => {
      const columns = { ...s.columns };
      pool.forEach((key, j) => {
        const src = s.columns[key] as Float64Array | undefined;
        if (!src) return;
        columns[key] = Float64Array.from(src, (x, i) => ((i + j) % n < m ? x : NaN));
      });
      const masked: Sample = { ...s, columns };
      return { given: m, pooled: slope(base, masked), plain: slope(plainModel, masked) };
    });
}
