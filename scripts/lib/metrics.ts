/**
 * Discrimination and calibration metrics for binary outcomes (1 = default).
 * Scores are "higher = riskier" unless stated: pass −score for a safety score.
 */

/** Area under the ROC curve (Mann–Whitney U with ties counted half). NaN when a class is empty. */
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
    for (let k = i; k <= j; k++) if (y[order[k]] === 1) {
      rankSumPos += avgRank;
      nPos++;
    }
    i = j + 1;
  }
  const nNeg = n - nPos;
  if (nPos === 0 || nNeg === 0) return NaN;
  return (rankSumPos - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

/** Kolmogorov–Smirnov statistic: max |CDF_bad − CDF_good| over all thresholds of `risk`. */
export function ks(risk: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = risk.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => risk[b] - risk[a]);
  let nPos = 0;
  for (let i = 0; i < n; i++) if (y[i] === 1) nPos++;
  const nNeg = n - nPos;
  if (nPos === 0 || nNeg === 0) return NaN;
  let tp = 0, fp = 0, best = 0;
  for (let i = 0; i < n; i++) {
    if (y[order[i]] === 1) tp++;
    else fp++;
    const tied = i + 1 < n && risk[order[i + 1]] === risk[order[i]];
    if (!tied) best = Math.max(best, Math.abs(tp / nPos - fp / nNeg));
  }
  return best;
}

/** Brier score: mean squared difference between predicted probability and outcome. */
export function brier(p: ArrayLike<number>, y: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) s += (p[i] - y[i]) ** 2;
  return s / p.length;
}

/** Share of defaulters and of non-defaulters flagged (`flag[i]` true). */
export function captureRates(flag: ArrayLike<boolean>, y: ArrayLike<number>): { defaulters: number; healthy: number } {
  let pos = 0, neg = 0, fp = 0, tp = 0;
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
