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
