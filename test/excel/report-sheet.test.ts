import { ReportModel, freeSheetName, writeReport } from "../../src/excel/report-sheet";
import { SETTING_KEYS, decodeSetting } from "../../src/excel/settings";
import { FakeExcel } from "./fake-excel";

const ctxOf = (x: FakeExcel) => x.context() as unknown as Excel.RequestContext;

const MODEL: ReportModel = {
  title: "Portfolio risk review",
  asOf: "2026-10-31",
  modelVersion: "score-1.2.0",
  policyVersion: "1.0.0",
  sections: [
    {
      title: "Exposure by band",
      header: ["Band", "Customers", "Exposure", "Share"],
      rows: [
        ["A", 120, 1_500_000, 0.3],
        ["B", 80, 2_000_000, 0.4],
        ["E", 5, 1_500_000, 0.3],
      ],
      formats: [null, "0", "#,##0", "0.0%"],
      chart: { type: "column", title: "Exposure by band", categoriesColumn: 0, valueColumns: [2, 1] },
    },
    {
      title: "Over limit",
      header: ["Customer", "Exposure", "Limit"],
      rows: [
        ['=HYPERLINK("http://evil","x")', 50_000, 20_000],
        ["+1 Trading", 10_000, 5_000],
      ],
      chart: { type: "pie", title: "Over limit", categoriesColumn: 0, valueColumns: [1] },
    },
  ],
};

function book(): FakeExcel {
  const x = new FakeExcel();
  x.addSheet("Customers");
  x.put("Customers", 0, 0, [["ID"], ["C1"]]);
  return x;
}

describe("freeSheetName", () => {
  test.each([
    [[], "Risk report"],
    [["Risk report"], "Risk report (2)"],
    [["RISK REPORT", "risk report (2)"], "Risk report (3)"],
  ])("taken %j → %s", (taken, name) => expect(freeSheetName("Risk report", taken)).toBe(name));
  test("cut to 31 characters with the suffix", () => {
    const base = "A".repeat(31);
    expect(freeSheetName(base, [base])).toBe("A".repeat(27) + " (2)");
  });
});

describe("writeReport", () => {
  test("creates the sheet, records it, writes title, meta rows and sections with formats", async () => {
    const x = book();
    const r = await writeReport(ctxOf(x), MODEL);
    if (!r.ok) throw new Error(r.error.message);
    const sheet = x.sheet("Risk report");
    expect(r.value).toEqual({ sheetName: "Risk report", sheetId: sheet.id, replaced: false, sections: ["'Risk report'!A6:D10", "'Risk report'!A23:C26"], charts: 2 });
    expect(decodeSetting(x.settings.get(SETTING_KEYS.reportSheet))).toEqual({ version: 1, value: { sheetId: sheet.id, name: "Risk report" } });
    expect(sheet.read({ row: 0, col: 0, rowCount: 4, colCount: 2 }, "values")).toEqual([
      ["Portfolio risk review", ""],
      ["As of", "2026-10-31"],
      ["Model version", "score-1.2.0"],
      ["Policy version", "1.0.0"],
    ]);
    expect(sheet.read({ row: 5, col: 0, rowCount: 5, colCount: 4 }, "values")).toEqual([
      ["Exposure by band", "", "", ""],
      ["Band", "Customers", "Exposure", "Share"],
      ["A", 120, 1_500_000, 0.3],
      ["B", 80, 2_000_000, 0.4],
      ["E", 5, 1_500_000, 0.3],
    ]);
    expect(sheet.read({ row: 7, col: 0, rowCount: 1, colCount: 4 }, "numberFormat")).toEqual([["General", "0", "#,##0", "0.0%"]]);
    expect(sheet.formatOps).toEqual(
      expect.arrayContaining([
        { address: "A1", prop: "font.bold", value: true },
        { address: "A1", prop: "font.size", value: 14 },
        { address: "A6", prop: "font.bold", value: true },
        { address: "A7:D7", prop: "font.bold", value: true },
      ]),
    );
    expect(x.active).toBe(sheet);
  });

  test("native charts beside each section, with series names and category axis", async () => {
    const x = book();
    await writeReport(ctxOf(x), MODEL);
    const [c1, c2] = x.sheet("Risk report").charts;
    expect(c1).toMatchObject({
      type: "ColumnClustered",
      title: "Exposure by band",
      series: [
        { name: "Exposure", values: "'Risk report'!C8:C10", xValues: "'Risk report'!A8:A10" },
        { name: "Customers", values: "'Risk report'!B8:B10", xValues: "'Risk report'!A8:A10" },
      ],
      position: { start: "F6", end: "M20" },
    });
    // the second section starts below the first chart (15 rows) + 2 blank rows
    expect(c2).toMatchObject({ type: "Pie", title: "Over limit", series: [{ name: "Exposure", values: "'Risk report'!B25:B26", xValues: "'Risk report'!A25:A26" }], position: { start: "E23", end: "L37" } });
  });

  test("customer text in sections stays text", async () => {
    const x = book();
    await writeReport(ctxOf(x), MODEL);
    const s = x.sheet("Risk report");
    expect(s.formulas.size).toBe(0);
    expect(x.cell("Risk report", "A25")).toMatchObject({ value: '=HYPERLINK("http://evil","x")', quotePrefix: true });
    expect(x.cell("Risk report", "A26").value).toBe("+1 Trading");
  });

  test("customer ids that look like numbers keep their leading zeros (written as text, not converted)", async () => {
    const x = book();
    const section = { title: "Over limit", header: ["Customer", "Exposure"], rows: [["00123", 50_000], ["2024", 10_000]] };
    await writeReport(ctxOf(x), { ...MODEL, sections: [section] });
    expect(x.cell("Risk report", "A8")).toMatchObject({ value: "00123", quotePrefix: true });
    expect(x.cell("Risk report", "A9")).toMatchObject({ value: "2024", quotePrefix: true });
    expect(x.cell("Risk report", "B8").value).toBe(50_000); // numbers stay numbers
  });

  test("regenerating replaces the add-in's own sheet: same id, old cells and charts gone", async () => {
    const x = book();
    const first = await writeReport(ctxOf(x), MODEL);
    x.put("Risk report", 40, 0, [["stale"]]);
    const second = await writeReport(ctxOf(x), { ...MODEL, sections: [MODEL.sections[1]] });
    expect(second.ok && second.value).toMatchObject({ sheetName: "Risk report", replaced: true, charts: 1 });
    expect(second.ok && first.ok && second.value.sheetId).toBe(first.ok && first.value.sheetId);
    expect(x.sheets.map((s) => s.name)).toEqual(["Customers", "Risk report"]);
    const s = x.sheet("Risk report");
    expect(s.charts).toHaveLength(1);
    expect(x.cell("Risk report", "A41").value).toBe("");
    expect(x.cell("Risk report", "A6").value).toBe("Over limit");
  });

  test("a user's sheet named \"Risk report\" is never touched: the report goes to \"Risk report (2)\"", async () => {
    const x = book();
    x.addSheet("Risk report");
    x.put("Risk report", 0, 0, [["my own notes", 42]]);
    const r = await writeReport(ctxOf(x), MODEL);
    expect(r.ok && r.value.sheetName).toBe("Risk report (2)");
    expect(x.sheet("Risk report").read({ row: 0, col: 0, rowCount: 1, colCount: 2 }, "values")).toEqual([["my own notes", 42]]);
    expect(x.sheet("Risk report").charts).toHaveLength(0);
    // and the next run reuses "(2)", still leaving the user's sheet alone
    const again = await writeReport(ctxOf(x), MODEL);
    expect(again.ok && again.value).toMatchObject({ sheetName: "Risk report (2)", replaced: true });
    expect(x.cell("Risk report", "A1").value).toBe("my own notes");
  });

  test("our sheet deleted and a user sheet made under its name → a new sheet, the user's untouched", async () => {
    const x = book();
    await writeReport(ctxOf(x), MODEL);
    x.sheets = x.sheets.filter((s) => s.name !== "Risk report");
    x.addSheet("Risk report");
    x.put("Risk report", 0, 0, [["user"]]);
    const r = await writeReport(ctxOf(x), MODEL);
    expect(r.ok && r.value).toMatchObject({ sheetName: "Risk report (2)", replaced: false });
    expect(x.cell("Risk report", "A1").value).toBe("user");
  });

  test("our sheet renamed by the user is still ours", async () => {
    const x = book();
    await writeReport(ctxOf(x), MODEL);
    x.sheet("Risk report").name = "Review Oct";
    const r = await writeReport(ctxOf(x), MODEL);
    expect(r.ok && r.value).toMatchObject({ sheetName: "Review Oct", replaced: true });
    expect(x.sheets).toHaveLength(2);
  });

  test("zh labels and sheet name from the caller", async () => {
    const x = book();
    const r = await writeReport(ctxOf(x), { ...MODEL, sheetName: "风险报告", labels: { asOf: "截至日期", modelVersion: "模型版本", policyVersion: "政策版本" }, sections: [] });
    expect(r.ok && r.value.sheetName).toBe("风险报告");
    expect(x.cell("风险报告", "A2").value).toBe("截至日期");
  });

  test("malformed models throw before anything is written", async () => {
    const x = book();
    const bad = (m: Partial<ReportModel>) => writeReport(ctxOf(x), { ...MODEL, ...m });
    await expect(bad({ sheetName: "a/b" })).rejects.toThrow(RangeError);
    await expect(bad({ sections: [{ title: "t", header: ["a", "b"], rows: [[1]] }] })).rejects.toThrow(RangeError);
    await expect(bad({ sections: [{ title: "t", header: ["a"], rows: [[1]], chart: { type: "bar", title: "", categoriesColumn: 0, valueColumns: [3] } }] })).rejects.toThrow(RangeError);
    expect(x.sheets).toHaveLength(1);
  });

  test("cancel between sections", async () => {
    const x = book();
    const ac = new AbortController();
    const r = await writeReport(ctxOf(x), MODEL, { signal: ac.signal, onProgress: () => ac.abort() });
    expect(!r.ok && r.error).toEqual({ code: "cancelled", message: 'report cancelled before section "Over limit"' });
    expect(x.sheet("Risk report").charts).toHaveLength(1); // the first section was completed
    expect(x.cell("Risk report", "A23").value).toBe("");
  });
});
