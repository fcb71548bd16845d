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
    let s = 0, d = 0;
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
      const b = blocks.pop()!, a = blocks.pop()!;
      blocks.push({ v: (a.v * a.w + b.v * b.w) / (a.w + b.w), w: a.w + b.w, n: a.n + b.n });
    }
  });
  return blocks.flatMap((b) => new Array<number>(b.n).fill(b.v));
}
