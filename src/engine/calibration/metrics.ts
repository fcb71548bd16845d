/**
 * Discrimination, calibration and stability metrics for binary outcomes
 * (y = 1 for a default). Risk arrays are "higher = riskier": pass −score for a
 * safety score. Pure and allocation-light; NaN when a measure is undefined
 * (for example an AUC with only one class).
 */

/** Area under the ROC curve (Mann–Whitney U, ties counted half). NaN when a class is empty. */
export function auc(risk: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = risk.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => risk[a] - risk[b]);
  let rankSumPos = 0;
  let nPos = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && risk[order[j + 1]] === risk[order[i]]) j++;
    const avgRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++)
      if (y[order[k]] === 1) {
        rankSumPos += avgRank;
        nPos++;
      }
    i = j + 1;
  }
  const nNeg = n - nPos;
  if (nPos === 0 || nNeg === 0) return NaN;
  return (rankSumPos - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

/** Kolmogorov–Smirnov statistic: max |CDF_bad − CDF_good| over the thresholds of `risk`. NaN when a class is empty. */
export function ks(risk: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = risk.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => risk[b] - risk[a]);
  let nPos = 0;
  for (let i = 0; i < n; i++) if (y[i] === 1) nPos++;
  const nNeg = n - nPos;
  if (nPos === 0 || nNeg === 0) return NaN;
  let tp = 0,
    fp = 0,
    best = 0;
  for (let i = 0; i < n; i++) {
    if (y[order[i]] === 1) tp++;
    else fp++;
    const tied = i + 1 < n && risk[order[i + 1]] === risk[order[i]];
    if (!tied) best = Math.max(best, Math.abs(tp / nPos - fp / nNeg));
  }
  return best;
}

/** Brier score: mean squared difference between predicted probability and outcome (NaN for no rows). */
export function brier(p: ArrayLike<number>, y: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) s += (p[i] - y[i]) ** 2;
  return p.length ? s / p.length : NaN;
}

/** Share of defaulters and of non-defaulters flagged (`flag[i]` true): capture and false-alarm rate at a cut-off. */
export function captureRates(flag: ArrayLike<boolean>, y: ArrayLike<number>): { defaulters: number; healthy: number } {
  let pos = 0,
    neg = 0,
    fp = 0,
    tp = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] === 1) {
      pos++;
      if (flag[i]) tp++;
    } else {
      neg++;
      if (flag[i]) fp++;
    }
  }
  return { defaulters: pos ? tp / pos : NaN, healthy: neg ? fp / neg : NaN };
}

/** Share used for an empty bin in the population stability index (so its log stays finite). */
export const PSI_EMPTY_SHARE = 1e-4;

/**
 * Population stability index of two distributions over the same bins, given as
 * counts or shares: Σ (a − e) × ln(a / e) over the bins' shares; an empty bin
 * counts as PSI_EMPTY_SHARE. Usual reading: < 0.1 stable, 0.1–0.25 some
 * shift, > 0.25 a shift worth acting on. NaN when either side is empty or the
 * bin counts differ or a count is negative.
 * @example psi([50, 50], [25, 75]) ≈ 0.2747
 */
export function psi(expected: ArrayLike<number>, actual: ArrayLike<number>): number {
  if (expected.length !== actual.length || expected.length === 0) return NaN;
  let se = 0,
    sa = 0;
  for (let i = 0; i < expected.length; i++) {
    if (!(expected[i] >= 0) || !(actual[i] >= 0)) return NaN; // counts or shares cannot be negative (or NaN)
    se += expected[i];
    sa += actual[i];
  }
  // An all-empty side gives shares 0/0 = NaN, and so a NaN index.
  let s = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = Math.max(expected[i] / se, PSI_EMPTY_SHARE);
    const a = Math.max(actual[i] / sa, PSI_EMPTY_SHARE);
    s += (a - e) * Math.log(a / e);
  }
  return s;
}

/** Counts of values per bin of ascending `edges` (bin k = [edges[k−1], edges[k])); NaN values are skipped. */
export function binCounts(values: ArrayLike<number>, edges: readonly number[]): number[] {
  const out = new Array<number>(edges.length + 1).fill(0);
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x !== x) continue;
    let k = 0;
    while (k < edges.length && x >= edges[k]) k++;
    out[k]++;
  }
  return out;
}
