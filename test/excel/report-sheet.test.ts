import { REPORT_SHEET_VERSION, ReportModel, freeSheetName, planReport, writeReport } from "../../src/excel/report-sheet";
import { SETTING_KEYS, decodeSetting } from "../../src/excel/settings";
import { lastWrite, restoreLastWrite } from "../../src/excel/undo";
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
    expect(r.value).toEqual({
      sheetName: "Risk report",
      sheetId: sheet.id,
      replaced: false,
      sections: ["'Risk report'!A6:D10", "'Risk report'!A23:C26"],
      charts: 2,
    });
    expect(decodeSetting(x.settings.get(SETTING_KEYS.reportSheet))).toEqual({
      version: REPORT_SHEET_VERSION,
      value: {
        sheetId: sheet.id,
        name: "Risk report",
        rect: { row: 0, col: 0, rowCount: 26, colCount: 4 },
        fingerprint: [expect.any(String)],
        charts: 2,
        writtenAt: expect.any(String),
      },
    });
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
    expect(c2).toMatchObject({
      type: "Pie",
      title: "Over limit",
      series: [{ name: "Exposure", values: "'Risk report'!B25:B26", xValues: "'Risk report'!A25:A26" }],
      position: { start: "E23", end: "L37" },
    });
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
    const section = {
      title: "Over limit",
      header: ["Customer", "Exposure"],
      rows: [
        ["00123", 50_000],
        ["2024", 10_000],
      ],
    };
    await writeReport(ctxOf(x), { ...MODEL, sections: [section] });
    expect(x.cell("Risk report", "A8")).toMatchObject({ value: "00123", quotePrefix: true });
    expect(x.cell("Risk report", "A9")).toMatchObject({ value: "2024", quotePrefix: true });
    expect(x.cell("Risk report", "B8").value).toBe(50_000); // numbers stay numbers
  });

  test("regenerating replaces the add-in's own sheet: same id, old cells and charts gone", async () => {
    const x = book();
    const first = await writeReport(ctxOf(x), MODEL);
    const second = await writeReport(ctxOf(x), { ...MODEL, sections: [MODEL.sections[1]] });
    expect(second.ok && second.value).toMatchObject({ sheetName: "Risk report", replaced: true, charts: 1 });
    expect(second.ok && first.ok && second.value.sheetId).toBe(first.ok && first.value.sheetId);
    expect(x.sheets.map((s) => s.name)).toEqual(["Customers", "Risk report"]);
    const s = x.sheet("Risk report");
    expect(s.charts).toHaveLength(1);
    expect(x.cell("Risk report", "A23").value).toBe("");
    expect(x.cell("Risk report", "A6").value).toBe("Over limit");
  });

  test('a user\'s sheet named "Risk report" is never touched: the report goes to "Risk report (2)"', async () => {
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

  test("our sheet renamed by the user is still ours, found by id — and replaced only once the rename is confirmed", async () => {
    const x = book();
    await writeReport(ctxOf(x), MODEL);
    x.sheet("Risk report").name = "Review Oct";
    const check = await planReport(ctxOf(x));
    expect(check.ok && check.value).toMatchObject({ action: "replace", sheetName: "Review Oct", renamedFrom: "Risk report", edited: null });
    const refused = await writeReport(ctxOf(x), MODEL);
    expect(!refused.ok && refused.error.code).toBe("report changed");
    const r = await writeReport(ctxOf(x), MODEL, { confirmed: check.ok ? check.value.token : "", ifChanged: "replace" });
    expect(r.ok && r.value).toMatchObject({ sheetName: "Review Oct", replaced: true, changedSheet: { name: "Review Oct", kept: false } });
    expect(x.sheets).toHaveLength(2);
  });

  test("zh labels and sheet name from the caller", async () => {
    const x = book();
    const r = await writeReport(ctxOf(x), {
      ...MODEL,
      sheetName: "风险报告",
      labels: { asOf: "截至日期", modelVersion: "模型版本", policyVersion: "政策版本" },
      sections: [],
    });
    expect(r.ok && r.value.sheetName).toBe("风险报告");
    expect(x.cell("风险报告", "A2").value).toBe("截至日期");
  });

  test("malformed models throw before anything is written", async () => {
    const x = book();
    const bad = (m: Partial<ReportModel>) => writeReport(ctxOf(x), { ...MODEL, ...m });
    await expect(bad({ sheetName: "a/b" })).rejects.toThrow(RangeError);
    await expect(bad({ sections: [{ title: "t", header: ["a", "b"], rows: [[1]] }] })).rejects.toThrow(RangeError);
    await expect(
      bad({
        sections: [{ title: "t", header: ["a"], rows: [[1]], chart: { type: "bar", title: "", categoriesColumn: 0, valueColumns: [3] } }],
      }),
    ).rejects.toThrow(RangeError);
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

describe("a report sheet the user renamed or edited is not cleared without a confirmation that says so", () => {
  async function written() {
    const x = book();
    const r = await writeReport(ctxOf(x), MODEL);
    if (!r.ok) throw new Error(r.error.message);
    return x;
  }
  async function check(x: FakeExcel) {
    const c = await planReport(ctxOf(x));
    if (!c.ok) throw new Error(c.error.message);
    return c.value;
  }

  test("unchanged: replaced without asking", async () => {
    const x = await written();
    expect(await check(x)).toMatchObject({ action: "replace", sheetName: "Risk report", renamedFrom: null, edited: null });
    expect((await writeReport(ctxOf(x), MODEL)).ok).toBe(true);
  });

  test("edited: the check names the cells; the write refuses without a confirmation and changes nothing", async () => {
    const x = await written();
    x.sheet("Risk report").enter(7, 1, 999); // B8, a figure overwritten by hand
    x.sheet("Risk report").enter(40, 5, "my notes for the committee"); // F41, outside the report
    const c = await check(x);
    expect(c).toMatchObject({
      action: "replace",
      sheetName: "Risk report",
      renamedFrom: null,
      edited: { count: 2, cells: ["'Risk report'!B8", "'Risk report'!F41"], charts: false, unverifiable: false },
    });
    const since = x.syncs.length;
    const r = await writeReport(ctxOf(x), MODEL);
    expect(!r.ok && r.error).toMatchObject({ code: "report changed", count: 2, cells: ["'Risk report'!B8", "'Risk report'!F41"] });
    expect(x.syncs.slice(since).flatMap((s) => s.writes ?? [])).toEqual([]);
    expect(x.cell("Risk report", "F41").value).toBe("my notes for the committee");
    expect(x.sheets).toHaveLength(2);
  });

  test("a chart the user added counts as an edit", async () => {
    const x = await written();
    x.sheet("Risk report").charts.push({ id: 99, name: "Mine", type: "Pie", source: "A1", seriesBy: "Auto", title: "", series: [] });
    expect((await check(x)).edited).toMatchObject({ count: 0, charts: true });
  });

  test("confirmed, the default keeps the user's sheet and writes the report to a new one", async () => {
    const x = await written();
    x.sheet("Risk report").enter(40, 5, "my notes");
    const c = await check(x);
    expect(c.newSheetName).toBe("Risk report (2)");
    const r = await writeReport(ctxOf(x), MODEL, { confirmed: c.token });
    expect(r.ok && r.value).toMatchObject({
      sheetName: "Risk report (2)",
      replaced: false,
      changedSheet: { name: "Risk report", kept: true },
    });
    expect(x.cell("Risk report", "F41").value).toBe("my notes");
    expect(x.cell("Risk report", "A1").value).toBe("Portfolio risk review");
    // The user's sheet is theirs now: the next report replaces "(2)" without asking, never "Risk report".
    const next = await writeReport(ctxOf(x), MODEL);
    expect(next.ok && next.value).toMatchObject({ sheetName: "Risk report (2)", replaced: true });
    expect(x.cell("Risk report", "F41").value).toBe("my notes");
  });

  test("confirmed replace: the sheet's cells are kept, and Restore previous values puts them back", async () => {
    const x = await written();
    const s = x.sheet("Risk report");
    s.enter(7, 1, "=B9*2");
    s.enter(40, 5, "my notes");
    const before = s.read({ row: 0, col: 0, rowCount: 45, colCount: 8 }, "formulas");
    const c = await check(x);
    const r = await writeReport(ctxOf(x), { ...MODEL, sections: [MODEL.sections[1]] }, { confirmed: c.token, ifChanged: "replace" });
    expect(r.ok && r.value).toMatchObject({ sheetName: "Risk report", replaced: true, changedSheet: { name: "Risk report", kept: false } });
    expect(x.cell("Risk report", "F41").value).toBe("");
    expect(await lastWrite(ctxOf(x))).toMatchObject({ addresses: ["Risk report"] });
    const back = await restoreLastWrite(ctxOf(x));
    expect(back.ok && back.value.restored).toEqual(["Risk report"]);
    expect(s.read({ row: 0, col: 0, rowCount: 45, colCount: 8 }, "formulas")).toEqual(before);
    expect(x.cell("Risk report", "C8").numberFormat).toBe("#,##0");
  });

  test("the sheet changed again after the check the user confirmed: refused", async () => {
    const x = await written();
    x.sheet("Risk report").enter(40, 5, "my notes");
    const c = await check(x);
    x.sheet("Risk report").enter(41, 5, "and more");
    const r = await writeReport(ctxOf(x), MODEL, { confirmed: c.token, ifChanged: "replace" });
    expect(!r.ok && r.error.code).toBe("report changed");
    expect(x.cell("Risk report", "F42").value).toBe("and more");
  });

  test("renamed, and another sheet took the old name: the check names both; the other sheet is never touched", async () => {
    const x = await written();
    x.sheet("Risk report").name = "Q3 review";
    x.addSheet("Risk report").enter(0, 0, "a user's sheet");
    const c = await check(x);
    expect(c).toMatchObject({ action: "replace", sheetName: "Q3 review", renamedFrom: "Risk report", newSheetName: "Risk report (2)" });
    const r = await writeReport(ctxOf(x), MODEL, { confirmed: c.token, ifChanged: "replace" });
    expect(r.ok && r.value.sheetName).toBe("Q3 review");
    expect(x.cell("Risk report", "A1").value).toBe("a user's sheet");
  });

  test("a record of an earlier version (no fingerprint) cannot be checked: the user is asked", async () => {
    const x = await written();
    const id = x.sheet("Risk report").id;
    x.settings.set(SETTING_KEYS.reportSheet, JSON.stringify({ v: 1, data: { sheetId: id, name: "Risk report" } }));
    expect((await check(x)).edited).toMatchObject({ unverifiable: true });
  });
});
