import { fitLogistic, linearPredictor, sigmoid, solveLinear } from "../../../src/engine/calibration/logistic";
import { mulberry32 } from "../../../src/engine/random";

describe("logistic regression", () => {
  // One binary feature: the unpenalised optimum is the log-odds of each group.
  // x = 0: 8 rows, 2 defaulters (p = 1/4); x = 1: 4 rows, 3 defaulters (p = 3/4).
  const x = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1];
  const y = [1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0];
  test("a fit with a known optimum: b0 = logit(1/4), b1 = logit(3/4) − logit(1/4)", () => {
    const [b0, b1] = fitLogistic([x], y, 0);
    expect(b0).toBeCloseTo(Math.log(1 / 3), 10);
    expect(b1).toBeCloseTo(Math.log(3) - Math.log(1 / 3), 10);
  });
  test("the L2 penalty shrinks the slope and the fit satisfies its optimality condition", () => {
    const ridge = 0.05;
    const beta = fitLogistic([x], y, ridge);
    expect(beta[1]).toBeGreaterThan(0);
    expect(beta[1]).toBeLessThan(Math.log(9));
    // ∂/∂b1: Σ (y − p) x = ridge × n × b1; ∂/∂b0: Σ (y − p) = 0
    let g0 = 0,
      g1 = 0;
    x.forEach((xi, i) => {
      const p = sigmoid(linearPredictor(beta, [x], i));
      g0 += y[i] - p;
      g1 += (y[i] - p) * xi;
    });
    expect(g0).toBeCloseTo(0, 10);
    expect(g1).toBeCloseTo(ridge * x.length * beta[1], 10);
  });
  test("recovers known coefficients from simulated data", () => {
    const r = mulberry32(3);
    const xs: number[] = [],
      ys: number[] = [];
    for (let i = 0; i < 20000; i++) {
      const v = r() * 4 - 2;
      xs.push(v);
      ys.push(r() < sigmoid(-1 + 1.5 * v) ? 1 : 0);
    }
    const [b0, b1] = fitLogistic([xs], ys, 0);
    expect(b0).toBeCloseTo(-1, 1);
    expect(b1).toBeCloseTo(1.5, 1);
  });
  test("a feature that says nothing gets slope 0; a constant feature does not break the fit", () => {
    const [, b1] = fitLogistic([[0, 0, 1, 1]], [0, 1, 0, 1], 0);
    expect(b1).toBeCloseTo(0, 12);
    const beta = fitLogistic([[0, 0, 0, 0]], [0, 1, 0, 1], 0);
    expect(beta.every(Number.isFinite)).toBe(true);
    expect(beta[0]).toBeCloseTo(0, 12);
    const two = fitLogistic(
      [
        [0, 0, 0, 0],
        [0, 1, 0, 1],
      ],
      [0, 1, 0, 1],
      0,
      3,
    ); // a constant before an informative feature
    expect(two.every(Number.isFinite)).toBe(true);
    expect(two[2]).toBeGreaterThan(1);
  });
  test("solveLinear solves a small system", () => {
    expect(
      solveLinear(
        [
          [2, 1],
          [1, 3],
        ],
        [3, 5],
      ).map((v) => Math.round(v * 1e12) / 1e12),
    ).toEqual([0.8, 1.4]);
  });
});

/** The textbook dense Newton loop (every feature of every row, zeros included): what fitLogistic must equal to the bit. */
function denseReference(
  X: ArrayLike<number>[],
  y: ArrayLike<number>,
  ridge: number,
  iterations: number,
  tolerance: number,
  offset?: ArrayLike<number>,
): number[] {
  const d = X.length + 1;
  const n = y.length;
  let beta = new Array<number>(d).fill(0);
  const row = new Float64Array(d);
  for (let it = 0; it < iterations; it++) {
    const H = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    const g = new Array<number>(d).fill(0);
    for (let i = 0; i < n; i++) {
      row[0] = 1;
      for (let j = 1; j < d; j++) row[j] = X[j - 1][i];
      let z = offset ? offset[i] : 0;
      for (let j = 0; j < d; j++) z += beta[j] * row[j];
      const p = 1 / (1 + Math.exp(-z));
      const w = p * (1 - p);
      const r = y[i] - p;
      for (let a = 0; a < d; a++) {
        g[a] += r * row[a];
        for (let b = 0; b <= a; b++) H[a][b] += w * row[a] * row[b];
      }
    }
    for (let a = 0; a < d; a++) for (let b = a + 1; b < d; b++) H[a][b] = H[b][a];
    for (let j = 1; j < d; j++) {
      H[j][j] += ridge * n;
      g[j] -= ridge * n * beta[j];
    }
    const step = solveLinear(H, g);
    beta = beta.map((b, j) => b + step[j]);
    if (Math.max(...step.map(Math.abs)) < tolerance) break;
  }
  return beta;
}

describe("fitLogistic walks rows by their non-zero features with the dense loop's exact result", () => {
  // WoE-like columns with many zeros (missing values) and 0/1 blank indicators, as the history fit gives them.
  const r = mulberry32(17);
  const n = 3000;
  const latent = Array.from({ length: n }, () => r() * 2 - 1);
  const X = Array.from({ length: 6 }, (_, j) =>
    Float64Array.from(latent, (z) => (j >= 4 ? (r() < 0.1 ? 1 : 0) : r() < 0.3 ? 0 : -(z + (r() - 0.5)) * (j + 1) * 0.3)),
  );
  const y = Float64Array.from(latent, (z) => (r() < sigmoid(-2 + 1.5 * z) ? 1 : 0));
  const offset = Float64Array.from(latent, (z) => 0.2 * z);
  const bits = (b: number[]): string => JSON.stringify(b.map((x) => (Object.is(x, -0) ? "-0" : String(x))));
  test("sparse features, with and without an offset and a penalty: the same bits", () => {
    expect(bits(fitLogistic(X, y, 0.01, 50, 1e-10, offset))).toBe(bits(denseReference(X, y, 0.01, 50, 1e-10, offset)));
    expect(bits(fitLogistic(X, y, 0, 50, 1e-10))).toBe(bits(denseReference(X, y, 0, 50, 1e-10)));
    expect(bits(fitLogistic(X, y, 0.001, 2, 0))).toBe(bits(denseReference(X, y, 0.001, 2, 0)));
  });
  test("non-finite input gives what the dense loop gives (NaN coefficients)", () => {
    const withNaNOffset = Float64Array.from(offset, (o, i) => (i === 7 ? NaN : o));
    expect(bits(fitLogistic(X, y, 0.01, 3, 1e-10, withNaNOffset))).toBe(bits(denseReference(X, y, 0.01, 3, 1e-10, withNaNOffset)));
    const withNaNLabel = Float64Array.from(y, (v, i) => (i === 11 ? NaN : v));
    expect(bits(fitLogistic(X, withNaNLabel, 0.01, 3, 1e-10))).toBe(bits(denseReference(X, withNaNLabel, 0.01, 3, 1e-10)));
    const withInf = X.map((x, j) => (j === 2 ? Float64Array.from(x, (v, i) => (i === 5 ? Infinity : v)) : x));
    expect(bits(fitLogistic(withInf, y, 0.01, 3, 1e-10))).toBe(bits(denseReference(withInf, y, 0.01, 3, 1e-10)));
    expect(fitLogistic(withInf, y, 0.01, 3, 1e-10).some(Number.isNaN)).toBe(true); // the non-finite feature does reach the result
  });
});
