import { DEFAULT_LABELS, parseLabel, polishHorizon, readArff, readCsv, splitRecord } from "../../scripts/lib/dataset";

describe("readers", () => {
  test("splitRecord handles quotes", () => {
    expect(splitRecord('a,"b, c","d ""e""",')).toEqual(["a", "b, c", 'd "e"', ""]);
  });
  test("ARFF: Polish attributes map to canonical keys, Attr21 becomes growth, ? is missing", () => {
    const ds = readArff(
      "@relation x\n@attribute Attr2 numeric\n@attribute Attr21 numeric\n@attribute Attr29 numeric\n@attribute class {0,1}\n@data\n0.5,1.2,3,0\n?,0.9,3,1\n",
    );
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
    ["1", 1],
    ["0", 0],
    [" 'true' ", 1],
    ["No", 0],
    ["failed", 1],
    ["alive", 0],
    ["Bankrupt", 1],
    ["healthy", 0],
    ["违约", 1],
    ["正常", 0],
    ["", null],
    ["?", null],
    ["2", null],
    ["maybe", null],
  ])("parseLabel(%j) = %j", (cell, y) => expect(parseLabel(cell as string)).toBe(y));
  test('with bad = "0" (files that code bankrupt firms as 0) every other value is healthy', () => {
    expect([parseLabel("0", "0"), parseLabel("1", "0"), parseLabel("sound", "0"), parseLabel("", "0"), parseLabel(" '0' ", "0")]).toEqual([
      1,
      0,
      0,
      null,
      1,
    ]);
    expect(parseLabel("Failed", "failed")).toBe(1);
  });
  test("UCI Polish files: the N-th year file labels bankruptcy within 6 − N years", () => {
    expect([1, 2, 3, 4, 5].map((n) => polishHorizon(`'${n}year-weka.filters.unsupervised.instance.SubsetByExpression'`))).toEqual([
      5, 4, 3, 2, 1,
    ]);
    expect(polishHorizon("x")).toBeUndefined();
    expect(polishHorizon("'6year'")).toBeUndefined();
    const arff = (rel: string, attr = "Attr2"): string =>
      `@relation ${rel}\n@attribute ${attr} numeric\n@attribute class {0,1}\n@data\n0.5,0\n`;
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

describe("US listed companies file (raw statement items, firm-level status)", () => {
  const header = "company_name,status_label,year,X1,X2,X3,X4,X5,X6,X7,X8,X9,X10,X11,X12,X13,X14,X15,X16,X17,X18";
  // C_1 fails after 2001; C_2 is alive. X1 current assets … X17 total liabilities.
  const row = (name: string, status: string, year: number, sales: number, ni: number): string =>
    [name, status, year, 400, 300, 30, 110, 100, ni, 80, 900, sales, 1000, 100, 80, 200, 200, 100, sales, 600, 700].join(",");
  const text = [
    header,
    row("C_1", "failed", 1999, 1000, 50),
    row("C_1", "failed", 2000, 900, -10),
    row("C_1", "failed", 2001, 800, -40),
    row("C_2", "alive", 2000, 500, 20),
  ].join("\n");

  test("the header is recognised; items map to statement keys; the label is the failed firm's last year only", () => {
    const ds = readCsv(text);
    if (typeof ds === "string") throw new Error(ds);
    expect(ds.n).toBe(4);
    expect(Array.from(ds.label)).toEqual([0, 0, 1, 0]);
    expect(Array.from(ds.columns.total_assets!)).toEqual([1000, 1000, 1000, 1000]);
    expect(Array.from(ds.columns.total_liabilities!)).toEqual([600, 600, 600, 600]);
    expect(Array.from(ds.columns.net_income!)).toEqual([50, -10, -40, 20]);
    expect(ds.columns.interest_expense).toBeUndefined(); // the file has none: the column is not given
    expect(ds.labelColumn).toBe("status_label (last year of a failed firm)");
    expect(ds.ignored).toEqual(["X2", "X4", "X8", "X11", "X16", "X18"]);
  });

  test("the firm's previous year gives sales_prior_year and last year's net income (NaN for its first year)", () => {
    const ds = readCsv(text);
    if (typeof ds === "string") throw new Error(ds);
    expect(Array.from(ds.columns.sales_prior_year!)).toEqual([NaN, 1000, 900, NaN]);
    expect(Array.from(ds.extra!.net_income_prior!)).toEqual([NaN, 50, -10, NaN]);
  });

  test("with --label or --bad the file is read as a plain labelled CSV", () => {
    const ds = readCsv(text, { label: "status_label" });
    if (typeof ds === "string") throw new Error(ds);
    expect(Array.from(ds.label)).toEqual([1, 1, 1, 0]);
  });
});

describe("Polish size attribute", () => {
  test("Attr29 (base-10 logarithm of total assets) is kept as the natural logarithm for Ohlson, and stays out of the factors", () => {
    const ds = readArff(
      "@relation x\n@attribute Attr2 numeric\n@attribute Attr29 numeric\n@attribute class {0,1}\n@data\n0.5,3,0\n0.6,?,1\n0.7,4,\n",
    );
    if (typeof ds === "string") throw new Error(ds);
    expect(ds.n).toBe(2);
    expect(ds.extra!.log_total_assets![0]).toBeCloseTo(3 * Math.LN10, 12);
    expect(ds.extra!.log_total_assets![1]).toBeNaN();
    expect(ds.ignored).toEqual(["Attr29"]);
  });
  test("interest coverage is read as given: a blank stays blank, a 0 stays 0", () => {
    const ds = readArff("@relation x\n@attribute Attr27 numeric\n@attribute class {0,1}\n@data\n?,0\n0,1\n2.5,0\n");
    if (typeof ds === "string") throw new Error(ds);
    expect(Array.from(ds.columns.interest_coverage!)).toEqual([NaN, 0, 2.5]);
  });
});

describe("reading errors come from the catalogue (cli.dataset.*) in the CLI's language", () => {
  test("Chinese under lang zh; the English is unchanged", () => {
    expect(readCsv("a,b\n1,2\n", {}, "zh")).toBe(`未找到标签列（已尝试 ${DEFAULT_LABELS.join("、")}）；请用 --label <列> 指定`);
    expect(readCsv("a,b\n1,2\n", { label: "y" }, "zh")).toBe("找不到标签列“y”；现有的列为：a、b");
    expect(readCsv("a,b\n1,2\n", { label: "y" })).toBe('label column "y" not found; columns are: a, b');
    expect(readCsv("a,b\n1,2\n")).toBe(`no label column found (tried ${DEFAULT_LABELS.join(", ")}); name it with --label <column>`);
    expect(readArff("hello", {}, "zh")).toBe("不是 ARFF 文件（没有 @attribute/@data 部分）");
    expect(readCsv("a,b\n", {}, "zh")).toBe("CSV 文件需要一行表头和至少一行数据");
    expect(readCsv("a,b\n")).toBe("CSV needs a header row and at least one data row");
  });
});
