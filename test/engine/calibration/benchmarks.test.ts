import { OHLSON_CUTOFF, altmanZ2, benchmarks, ohlsonO, zmijewskiX } from "../../../src/engine/calibration/benchmarks";
import { Sample, withDerivedRatios } from "../../../src/engine/calibration/sample";

/** One firm from statement items, worked by hand. */
const items = (netIncome: number): Sample["columns"] => ({
  total_assets: Float64Array.from([1000]),
  total_liabilities: Float64Array.from([600]),
  current_assets: Float64Array.from([400]),
  current_liabilities: Float64Array.from([200]),
  retained_earnings: Float64Array.from([100]),
  ebit: Float64Array.from([80]),
  net_income: Float64Array.from([netIncome]),
  depreciation: Float64Array.from([30]),
});
const firm: Sample = withDerivedRatios({
  n: 1,
  label: Uint8Array.from([0]),
  columns: items(50),
  extra: { net_income_prior: Float64Array.from([-20]) },
});

describe("classical distress models with their published coefficients", () => {
  test("Altman Z'' = 6.56 X1 + 3.26 X2 + 6.72 X3 + 1.05 X4", () => {
    // X1 = 200/1000, X2 = 100/1000, X3 = 80/1000, X4 = 400/600
    expect(altmanZ2(firm)[0]).toBeCloseTo(6.56 * 0.2 + 3.26 * 0.1 + 6.72 * 0.08 + 1.05 * (400 / 600), 12);
  });
  test("Zmijewski X = −4.336 − 4.513 NI/TA + 5.679 TL/TA + 0.004 CA/CL", () => {
    expect(zmijewskiX(firm)[0]).toBeCloseTo(-4.336 - 4.513 * 0.05 + 5.679 * 0.6 + 0.004 * 2, 12);
  });
  test("Ohlson O with last year's net income (INTWO 0, CHIN (50 − (−20)) / 70 = 1)", () => {
    const o =
      -1.32 -
      0.407 * Math.log(1000) +
      6.03 * 0.6 -
      1.43 * 0.2 +
      0.0757 * 0.5 -
      1.72 * 0 -
      2.37 * 0.05 -
      1.83 * (80 / 600) +
      0.285 * 0 -
      0.521 * 1;
    expect(ohlsonO(firm)[0]).toBeCloseTo(o, 12);
  });
  test("Ohlson: two losses in a row set INTWO; without last year INTWO and CHIN are 0; size from ln(total assets) given as extra", () => {
    const loss = withDerivedRatios({ ...firm, columns: items(-10) });
    const base = ohlsonO({ ...loss, extra: { net_income_prior: Float64Array.from([-20]) } })[0];
    const o =
      -1.32 -
      0.407 * Math.log(1000) +
      6.03 * 0.6 -
      1.43 * 0.2 +
      0.0757 * 0.5 -
      2.37 * -0.01 -
      1.83 * (20 / 600) +
      0.285 -
      0.521 * ((-10 + 20) / 30);
    expect(base).toBeCloseTo(o, 12);
    const noPrior = ohlsonO({ ...loss, extra: undefined })[0];
    expect(noPrior).toBeCloseTo(o - 0.285 + 0.521 * (1 / 3), 12);
    const { total_assets: _ta, ...rest } = loss.columns;
    const logged = ohlsonO({
      ...loss,
      columns: rest,
      extra: { log_total_assets: Float64Array.from([Math.log(1000)]), net_income_prior: Float64Array.from([-20]) },
    })[0];
    expect(logged).toBeCloseTo(o, 12);
  });
  test("a missing input gives NaN; cut-offs flag distress", () => {
    const thin: Sample = { n: 1, label: Uint8Array.from([1]), columns: { debt_ratio: Float64Array.from([0.95]) } };
    expect(altmanZ2(thin)[0]).toBeNaN();
    expect(zmijewskiX(thin)[0]).toBeNaN();
    expect(ohlsonO(thin)[0]).toBeNaN();
    const b = benchmarks(firm);
    expect(b.map((x) => x.key)).toEqual(["altman", "ohlson", "zmijewski"]);
    expect(b[0].distressed[0]).toBe(altmanZ2(firm)[0] < 1.1);
    expect(b[1].distressed[0]).toBe(1 / (1 + Math.exp(-ohlsonO(firm)[0])) > OHLSON_CUTOFF);
    expect(b[2].distressed[0]).toBe(zmijewskiX(firm)[0] > 0);
    expect(b[0].risk[0]).toBe(-altmanZ2(firm)[0]);
  });
});
