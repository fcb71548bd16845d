/**
 * PD calibration helpers: horizon conversion, calibration in the large and
 * monotone band PDs.
 */

/** Annual PD from a PD over `h` years under a constant hazard. */
export const annualPd = (p: number, h: number): number => 1 - Math.pow(1 - p, 1 / h);
/** PD over `h` years from an annual PD under a constant hazard. */
export const horizonPd = (p: number, h: number): number => 1 - Math.pow(1 - p, h);

/** The intercept that makes Σ p_i = Σ y_i given the slopes (Newton on one variable). */
export function interceptFor(beta: readonly number[], X: ArrayLike<number>[], y: ArrayLike<number>): number {
  const n = y.length;
  const z = new Float64Array(n);
  let target = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < X.length; j++) z[i] += beta[j + 1] * X[j][i];
    target += y[i];
  }
  return offsetFor(z, target, beta[0]);
}

/** Largest Newton step of `offsetFor`, in log-odds: keeps a start far from the answer from overshooting. */
export const MAX_OFFSET_STEP = 5;

/**
 * The constant c that makes Σ sigmoid(c + z_i) equal `target` (Newton from
 * `start`, steps capped at MAX_OFFSET_STEP): calibration in the large of a
 * linear predictor z.
 */
export function offsetFor(z: ArrayLike<number>, target: number, start = 0): number {
  const n = z.length;
  let b0 = start;
  for (let it = 0; it < 100; it++) {
    let s = 0,
      d = 0;
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-(b0 + z[i])));
      s += p;
      d += p * (1 - p);
    }
    if (!(d > 0)) break;
    const step = Math.max(-MAX_OFFSET_STEP, Math.min(MAX_OFFSET_STEP, (target - s) / d));
    b0 += step;
    if (Math.abs(step) < 1e-12) break;
  }
  return b0;
}

/** Weighted pool-adjacent-violators: the closest non-decreasing sequence. */
export function poolAdjacent(values: number[], weights: number[]): number[] {
  const blocks: { v: number; w: number; n: number }[] = [];
  values.forEach((v, i) => {
    blocks.push({ v, w: weights[i], n: 1 });
    while (blocks.length > 1 && blocks[blocks.length - 2].v > blocks[blocks.length - 1].v) {
      const b = blocks.pop()!,
        a = blocks.pop()!;
      blocks.push({ v: (a.v * a.w + b.v * b.w) / (a.w + b.w), w: a.w + b.w, n: a.n + b.n });
    }
  });
  return blocks.flatMap((b) => new Array<number>(b.n).fill(b.v));
}

/**
 * The standard normal quantile Φ⁻¹(p) (Acklam's rational approximation,
 * relative error below 1.2e-9); NaN outside (0, 1).
 */
export function probit(p: number): number {
  if (!(p > 0 && p < 1)) return NaN;
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - lo) return -probit(1 - p);
  const q = p - 0.5,
    r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/**
 * How ranking power fades with the horizon: the long-term weighted-average
 * Gini ratios of S&P Global Ratings' global corporate ratings by horizon in
 * years (annual global corporate default and rating transition study:
 * 82.6 % at one year, 75.4 % at three, 71.6 % at five, 69.1 % at seven).
 */
export const GINI_BY_HORIZON: readonly { years: number; gini: number }[] = [
  { years: 1, gini: 0.826 },
  { years: 3, gini: 0.754 },
  { years: 5, gini: 0.716 },
  { years: 7, gini: 0.691 },
];

/** Gini at a horizon, linear between the table's horizons and flat beyond them. */
export function giniAt(years: number): number {
  const t = GINI_BY_HORIZON;
  if (years <= t[0].years) return t[0].gini;
  for (let i = 1; i < t.length; i++) {
    if (years <= t[i].years)
      return t[i - 1].gini + ((t[i].gini - t[i - 1].gini) * (years - t[i - 1].years)) / (t[i].years - t[i - 1].years);
  }
  return t[t.length - 1].gini;
}

/**
 * The factor by which log-odds fitted on an `h`-year label are steepened to
 * a one-year label: under a binormal model the separation of defaulters is
 * d′ = √2 Φ⁻¹(AUC) with AUC = (1 + Gini) / 2, and the log-odds slope scales
 * with d′, so k = Φ⁻¹(AUC₁) / Φ⁻¹(AUC_h). 1 for a one-year label; about 1.27
 * for a five-year label.
 */
export function horizonSlope(h: number): number {
  if (!(h > 1)) return 1;
  return probit((1 + giniAt(1)) / 2) / probit((1 + giniAt(h)) / 2);
}
