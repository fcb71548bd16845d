import { parseLabel, polishHorizon, readArff, readCsv, splitRecord } from "../../scripts/lib/dataset";

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
