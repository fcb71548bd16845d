import { auc, brier, captureRates, ks } from "../../scripts/lib/metrics";
import { mulberry32, stratifiedSplit } from "../../scripts/lib/rng";
import { fitBinning, applyBinning, roundSig } from "../../scripts/lib/woe";
import { fitLogistic } from "../../scripts/lib/logistic";
import { poolAdjacent } from "../../scripts/lib/calibration";
import { parseLabel, polishHorizon, readArff, readCsv, splitRecord, withDerivedRatios } from "../../scripts/lib/dataset";

describe("metrics", () => {
  test("AUC, KS, Brier on a worked example", () => {
    const risk = [0.1, 0.4, 0.35, 0.8];
    const y = [0, 0, 1, 1];
    expect(auc(risk, y)).toBe(0.75); // 3 of 4 (bad, good) pairs ranked right
    expect(ks(risk, y)).toBe(0.5);
    expect(brier([0.1, 0.9, 0.5], [0, 1, 1])).toBeCloseTo((0.01 + 0.01 + 0.25) / 3, 15);
  });
  test("ties count half; one class only gives NaN", () => {
    expect(auc([1, 1, 1, 1], [0, 1, 0, 1])).toBe(0.5);
    expect(auc([1, 2], [0, 0])).toBeNaN();
    expect(ks([1, 1, 2, 2], [0, 1, 0, 1])).toBe(0);
  });
  test("capture rates", () => {
    expect(captureRates([true, false, true, true], [1, 1, 0, 0])).toEqual({ defaulters: 0.5, healthy: 1 });
  });
});

describe("split, binning, regression", () => {
  test("mulberry32 is deterministic", () => {
    const a = mulberry32(5), b = mulberry32(5);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });
  test("stratified split keeps 70 % of each class and is reproducible", () => {
    const y = Array.from({ length: 1000 }, (_, i) => (i % 10 === 0 ? 1 : 0));
    const s = stratifiedSplit(y, 0.7, 42);
    expect(s.filter((t, i) => t && y[i] === 1).length).toBe(70);
    expect(s.filter((t, i) => t && y[i] === 0).length).toBe(630);
    expect(stratifiedSplit(y, 0.7, 42)).toEqual(s);
    expect(stratifiedSplit(y, 0.7, 43)).not.toEqual(s);
  });
  test("binning is monotone in the economic direction and rounds cut points", () => {
    const r = mulberry32(1);
    const x: number[] = [], y: number[] = [];
    for (let i = 0; i < 3000; i++) {
      const v = r();
      x.push(v);
      y.push(r() < 0.02 + 0.2 * v * v ? 1 : 0); // higher = riskier
    }
    const b = fitBinning(x, y, { direction: "decreasing" });
    expect(b.edges.length).toBeGreaterThan(0);
    expect(b.edges.length).toBeLessThanOrEqual(5);
    for (let k = 1; k < b.woe.length; k++) expect(b.woe[k]).toBeLessThanOrEqual(b.woe[k - 1]);
    for (const e of b.edges) expect(roundSig(e, 2)).toBe(e);
    expect(b.iv).toBeGreaterThan(0.1);
    expect(Array.from(applyBinning(b, [NaN, 0, 1]))).toEqual([0, b.woe[0], b.woe[b.woe.length - 1]]);
  });
  test("logistic regression recovers known coefficients", () => {
    const r = mulberry32(3);
    const x: number[] = [], y: number[] = [];
    for (let i = 0; i < 20000; i++) {
      const v = r() * 4 - 2;
      x.push(v);
      y.push(r() < 1 / (1 + Math.exp(-(-1 + 1.5 * v))) ? 1 : 0);
    }
    const [b0, b1] = fitLogistic([x], y, 0);
    expect(b0).toBeCloseTo(-1, 1);
    expect(b1).toBeCloseTo(1.5, 1);
  });
  test("pool adjacent violators", () => {
    expect(poolAdjacent([0.01, 0.03, 0.02, 0.1], [1, 1, 1, 1])).toEqual([0.01, 0.025, 0.025, 0.1]);
  });
});

describe("readers", () => {
  test("splitRecord handles quotes", () => {
    expect(splitRecord('a,"b, c","d ""e""",')).toEqual(["a", "b, c", 'd "e"', ""]);
  });
  test("ARFF: Polish attributes map to canonical keys, Attr21 becomes growth, ? is missing", () => {
    const ds = readArff("@relation x\n@attribute Attr2 numeric\n@attribute Attr21 numeric\n@attribute Attr29 numeric\n@attribute class {0,1}\n@data\n0.5,1.2,3,0\n?,0.9,3,1\n");
    if (typeof ds === "string") throw new Error(ds);
    expect(Array.from(ds.columns.debt_ratio!)).toEqual([0.5, NaN]);
    expect(ds.columns.sales_growth![0]).toBeCloseTo(0.2, 12);
    expect(ds.columns.sales_growth![1]).toBeCloseTo(-0.1, 12);
    expect(ds.ignored).toEqual(["Attr29"]);
    expect(Array.from(ds.label)).toEqual([0, 1]);
  });
  test("CSV: header matching, label column, text cells and blank labels", () => {
    const ds = readCsv("资产负债率,Colour,bankrupt\n0.5,red,1\n1,234,blue,0\n0.7,green,\n", undefined);
    if (typeof ds === "string") throw new Error(ds);
    expect(ds.labelColumn).toBe("bankrupt");
    expect(ds.n).toBe(1); // second row has 4 fields (label "blue" unreadable), third has a blank label
    expect(ds.droppedRows).toBe(2);
    expect(readCsv("a,b\n1,2\n")).toMatch(/no label column found/);
    expect(readCsv("a,b\n1,2\n", { label: "y" })).toMatch(/label column "y" not found/);
    expect(readArff("hello")).toMatch(/not an ARFF file/);
  });
});

describe("labels and label horizon", () => {
  test.each([
    ["1", 1], ["0", 0], [" 'true' ", 1], ["No", 0], ["failed", 1], ["alive", 0], ["Bankrupt", 1], ["healthy", 0], ["违约", 1], ["正常", 0],
    ["", null], ["?", null], ["2", null], ["maybe", null],
  ])("parseLabel(%j) = %j", (cell, y) => expect(parseLabel(cell as string)).toBe(y));
  test("with bad = \"0\" (files that code bankrupt firms as 0) every other value is healthy", () => {
    expect([parseLabel("0", "0"), parseLabel("1", "0"), parseLabel("sound", "0"), parseLabel("", "0"), parseLabel(" '0' ", "0")]).toEqual([1, 0, 0, null, 1]);
    expect(parseLabel("Failed", "failed")).toBe(1);
  });
  test("UCI Polish files: the N-th year file labels bankruptcy within 6 − N years", () => {
    expect([1, 2, 3, 4, 5].map((n) => polishHorizon(`'${n}year-weka.filters.unsupervised.instance.SubsetByExpression'`))).toEqual([5, 4, 3, 2, 1]);
    expect(polishHorizon("x")).toBeUndefined();
    expect(polishHorizon("'6year'")).toBeUndefined();
    const arff = (rel: string, attr = "Attr2"): string => `@relation ${rel}\n@attribute ${attr} numeric\n@attribute class {0,1}\n@data\n0.5,0\n`;
    const five = readArff(arff("'5year-weka'"));
    expect(typeof five !== "string" && five.horizonHint).toBe(1);
    const other = readArff(arff("'5year-weka'", "debt_ratio")); // not the Polish attributes: no hint
    expect(typeof other !== "string" && other.horizonHint).toBeUndefined();
  });
  test("label column names used by public files are found without --label", () => {
    for (const name of ["Bankrupt?", "status_label", "破产"]) {
      const ds = readCsv(`debt_ratio,${name}\n0.5,0\n0.9,1\n`);
      expect(typeof ds !== "string" && ds.labelColumn).toBe(name);
    }
  });
});

describe("withDerivedRatios", () => {
  test("fills ratio columns from statement items, keeping given ratios", () => {
    const ds = readCsv("total_assets,total_liabilities,debt_ratio,default\n100,60,,0\n200,50,0.9,1\n");
    if (typeof ds === "string") throw new Error(ds);
    const d = withDerivedRatios(ds);
    expect(Array.from(d.columns.debt_ratio!)).toEqual([0.6, 0.9]);
    expect(Array.from(d.columns.equity_to_liabilities!)).toEqual([40 / 60, 150 / 50]);
    const polish = readArff("@attribute Attr2 numeric\n@attribute class {0,1}\n@data\n0.5,0\n");
    expect(typeof polish !== "string" && withDerivedRatios(polish)).toBe(polish);
  });
});
