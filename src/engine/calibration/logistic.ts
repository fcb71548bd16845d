/**
 * Logistic regression by Newton–Raphson (IRLS) with an L2 (ridge) penalty on
 * the slopes. Models ln(p / (1 − p)) = b0 + Σ b_j x_j, where p = P(y = 1).
 * The penalty is `ridge × n × Σ b_j²/2`, so its strength does not depend on the
 * number of rows. Deterministic; no allocation per row. Rows are walked by their
 * non-zero features only (WoE columns of missing values and blank indicators are
 * mostly 0), with the same result to the last bit as the dense loop.
 */

/** Solves A x = b for a small system (Gaussian elimination with partial pivoting). A singular system gives zeros for the undetermined unknowns. */
export function solveLinear(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    if (M[c][c] === 0) continue;
    for (let r = c + 1; r < n; r++) {
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    if (M[r][r] === 0) continue;
    let s = M[r][n];
    for (let k = r + 1; k < n; k++) s -= M[r][k] * x[k];
    x[r] = s / M[r][r];
  }
  return x;
}

export interface LogisticOptions {
  /** L2 penalty per row on the slopes (not the intercept). Default 1e-3. */
  ridge?: number;
  /** Most Newton steps. Default 50. */
  iterations?: number;
  /** Stop when no coefficient moves more than this. Default 1e-10. */
  tolerance?: number;
}

/**
 * Fits [b0, b1, …] for features `X` (one array per feature, each of length n)
 * and outcomes `y` (0/1). Returns the coefficients. An `offset` (a fixed
 * part of each row's linear predictor) makes the penalty shrink towards it:
 * with offset Σ x_j and features x_j, the slopes are the changes to weights of 1.
 * @example fitLogistic([[0, 0, 1, 1]], [0, 1, 0, 1], 0) // → [0, 0]: x says nothing about y
 */
export function fitLogistic(
  X: ArrayLike<number>[],
  y: ArrayLike<number>,
  ridge = 1e-3,
  iterations = 50,
  tolerance = 1e-10,
  offset?: ArrayLike<number>,
): number[] {
  const d = X.length + 1;
  const n = y.length;
  let beta = new Array<number>(d).fill(0);
  // Each row as the list of its non-zero features (the intercept, 1, first), gathered once: the Newton steps
  // then touch only those. A term with a zero feature adds ±0 to a sum, which leaves a finite sum unchanged, so
  // the result is the dense loop's to the last bit (non-finite input gives NaN coefficients either way).
  let nnz = 0;
  for (const x of X) for (let i = 0; i < n; i++) if (x[i] !== 0) nnz++;
  const start = new Int32Array(n + 1);
  const idx = new Int32Array(n + nnz);
  const val = new Float64Array(n + nnz);
  let at = 0;
  for (let i = 0; i < n; i++) {
    start[i] = at;
    idx[at] = 0;
    val[at++] = 1;
    for (let j = 1; j < d; j++) {
      const v = X[j - 1][i];
      if (v !== 0) {
        idx[at] = j;
        val[at++] = v;
      }
    }
  }
  start[n] = at;
  const Hf = new Float64Array(d * d); // lower triangle, row-major
  const g = new Float64Array(d);
  for (let it = 0; it < iterations; it++) {
    Hf.fill(0);
    g.fill(0);
    for (let i = 0; i < n; i++) {
      const s = start[i],
        e = start[i + 1];
      let z = offset ? offset[i] : 0;
      for (let k = s; k < e; k++) z += beta[idx[k]] * val[k];
      const p = 1 / (1 + Math.exp(-z));
      const w = p * (1 - p);
      const r = y[i] - p;
      for (let ka = s; ka < e; ka++) {
        const a = idx[ka];
        const ra = val[ka];
        g[a] += r * ra;
        const wa = w * ra;
        const off = a * d;
        for (let kb = s; kb <= ka; kb++) Hf[off + idx[kb]] += wa * val[kb];
      }
    }
    const H = Array.from({ length: d }, (_, a) => Array.from({ length: d }, (_, b) => (b <= a ? Hf[a * d + b] : Hf[b * d + a])));
    const grad = Array.from(g);
    for (let j = 1; j < d; j++) {
      H[j][j] += ridge * n;
      grad[j] -= ridge * n * beta[j];
    }
    const step = solveLinear(H, grad);
    beta = beta.map((b, j) => b + step[j]);
    if (Math.max(...step.map(Math.abs)) < tolerance) break;
  }
  return beta;
}

/** Linear predictor b0 + Σ b_j x_j for row i. */
export function linearPredictor(beta: readonly number[], X: ArrayLike<number>[], i: number): number {
  let z = beta[0];
  for (let j = 0; j < X.length; j++) z += beta[j + 1] * X[j][i];
  return z;
}

/** The logistic function 1 / (1 + e^−z). */
export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
