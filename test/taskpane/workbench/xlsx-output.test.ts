import ExcelJS from "exceljs";
import type { LoggedWrite } from "../../../src/taskpane/services/memory-workbook";
import { applyWrite, cellValueOf, sheetNameOfFile, writeReportSheet } from "../../../src/taskpane/workbench/xlsx-output";

describe("cells the workbench writes", () => {
  test("text stays text, even when it looks like a formula; formulas only in formula columns", () => {
    expect(cellValueOf('=HYPERLINK("http://x","y")', "values")).toBe('=HYPERLINK("http://x","y")');
    expect(cellValueOf("+1 555", "values")).toBe("+1 555");
    expect(cellValueOf("=RISK.CREDITSCORE(A2:O2)", "formulas")).toEqual({ formula: "RISK.CREDITSCORE(A2:O2)" });
    expect(cellValueOf("B", "formulas")).toBe("B");
    expect(cellValueOf(81.3, "values")).toBe(81.3);
    expect(cellValueOf(Number.NaN, "values")).toBeNull();
    expect(cellValueOf("", "values")).toBeNull();
    expect(cellValueOf(null, "formulas")).toBeNull();
    expect(cellValueOf(true, "values")).toBe(true);
  });

  function write(
    columns: { header: string; mode: "values" | "formulas"; values: unknown[]; numberFormat?: string }[],
    bandColumn?: number,
  ): LoggedWrite {
    const target = { sheetName: "S", headerRow: 0, rowCount: 2, firstColumn: 2, columnCount: columns.length };
    return {
      plan: {
        target,
        sheetId: "S",
        address: "S!C1:D3",
        foreignCount: 0,
        foreignSample: [],
        ownedCount: 0,
        editedCount: 0,
        editedSample: [],
        resized: [],
        leftover: { clearCount: 0, keptCount: 0, keptSample: [] },
        snapshot: new Uint32Array(0),
      },
      req: {
        area: { sheetName: "S", firstDataRow: 1, rowCount: 2, firstColumn: 0, columnCount: 2, address: "S!A1:B3" },
        columns,
        ...(bandColumn === undefined
          ? {}
          : { bandColumn, bandFormats: { A: { fill: "#107C10", font: "#FFFFFF" }, E: { fill: "#C50F1F" } } }),
      },
      overwrite: false,
    };
  }

  test("a write: bold headers, values, number formats, band colours that replace the earlier ones", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = "ID";
    ws.getCell("C2").numFmt = "@";
    const w = write(
      [
        { header: "Risk band", mode: "values", values: ["A", "=1+1"] },
        { header: "Risk score", mode: "values", values: [81.25, ""], numberFormat: "0.0" },
      ],
      0,
    );
    applyWrite(wb, w);
    applyWrite(wb, w);
    expect([
      ws.getCell("C1").value,
      ws.getCell("C2").value,
      ws.getCell("C3").value,
      ws.getCell("D2").value,
      ws.getCell("D3").value,
    ]).toEqual(["Risk band", "A", "=1+1", 81.25, null]);
    expect(ws.getCell("C3").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("C1").font?.bold).toBe(true);
    expect(ws.getCell("D2").numFmt).toBe("0.0");
    const cfs = (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
    expect(cfs).toHaveLength(1);
    expect(cfs[0].ref).toBe("C2:C3");
    expect(cfs[0].rules.map((r) => (r as { formulae: string[] }).formulae[0])).toEqual(['"A"', '"E"']);
    // Through a file and back, the text is still text.
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect(back.getWorksheet("S")?.getCell("C3").value).toBe("=1+1");
  });

  test("a write to a sheet the workbook does not have is a programming error", () => {
    const wb = new ExcelJS.Workbook();
    expect(() => applyWrite(wb, write([{ header: "x", mode: "values", values: [1, 2] }]))).toThrow(/no sheet "S"/);
  });

  test("the report sheet: title, meta rows, sections two rows apart (as in Excel) with formats; rewritten in place", () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Data");
    const model = {
      title: "Report",
      asOf: "2026-10-31",
      modelVersion: "m1",
      policyVersion: "p1",
      sections: [
        { title: "Summary", header: ["Item", "Value"], rows: [["Customers", 3] as (string | number)[]] },
        { title: "By band", header: ["Band", "Exposure"], rows: [["A", 1200.5]], formats: [null, "#,##0"] },
      ],
    };
    writeReportSheet(wb, model, "Risk report");
    writeReportSheet(wb, { ...model, title: "Report 2" }, "Risk report");
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Data", "Risk report"]);
    const ws = wb.getWorksheet("Risk report") as ExcelJS.Worksheet;
    expect([
      ws.getCell("A1").value,
      ws.getCell("A2").value,
      ws.getCell("B2").value,
      ws.getCell("A6").value,
      ws.getCell("A7").value,
      ws.getCell("B8").value,
    ]).toEqual(["Report 2", "As of", "2026-10-31", "Summary", "Item", 3]);
    expect([ws.getCell("A11").value, ws.getCell("B13").value, ws.getCell("B13").numFmt]).toEqual(["By band", 1200.5, "#,##0"]);
  });
});

describe("sheet names of CSV files", () => {
  test("the file name without extension, made valid, unique and at most 31 characters", () => {
    expect(sheetNameOfFile("customers.csv", [])).toBe("customers");
    expect(sheetNameOfFile("a/b:c?.csv", [])).toBe("a_b_c_");
    expect(sheetNameOfFile("History.csv", [])).toBe("History data"); // "History" is reserved by Excel
    expect(sheetNameOfFile("customers.csv", ["Customers"])).toBe("customers (2)");
    const long = sheetNameOfFile(`${"x".repeat(40)}.csv`, ["x".repeat(31)]);
    expect(long).toBe(`${"x".repeat(27)} (2)`);
    expect(long.length).toBe(31);
    expect(sheetNameOfFile(".csv", [])).toBe("Sheet");
  });
});
