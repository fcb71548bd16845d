import ExcelJS from "exceljs";
import { plainValue, serialOfDate, workbookInput } from "../../../src/taskpane/workbench/xlsx-input";

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const out = new ExcelJS.Workbook();
  await out.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return out;
}

describe("cell values as the pane expects them", () => {
  test("dates become Excel serials, formulas their saved result, rich text and links their text, errors their code", () => {
    expect(serialOfDate(new Date(Date.UTC(2026, 9, 31)))).toBe(46326);
    expect(plainValue(new Date(Date.UTC(2026, 9, 31, 12)))).toBe(46326.5);
    const noResult = { count: 0 };
    expect(plainValue({ formula: "A1*2", result: 4 }, noResult)).toBe(4);
    expect(plainValue({ formula: "TODAY()", result: new Date(Date.UTC(2026, 0, 1)) }, noResult)).toBe(46023);
    expect(plainValue({ formula: "A1/0", result: { error: "#DIV/0!" } }, noResult)).toBe("#DIV/0!");
    expect(plainValue({ formula: "A1*3" }, noResult)).toBe("");
    expect(noResult.count).toBe(1);
    expect(plainValue({ richText: [{ text: "Acme " }, { text: "Ltd" }] })).toBe("Acme Ltd");
    expect(plainValue({ text: "site", hyperlink: "https://example.com" })).toBe("site");
    expect(plainValue({ error: "#N/A" })).toBe("#N/A");
    expect(plainValue(null)).toBe("");
    expect(plainValue('=HYPERLINK("x")')).toBe('=HYPERLINK("x")');
  });
});

describe("tables of a workbook", () => {
  async function workbook() {
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet("Customers");
    a.addTable({
      name: "Book",
      ref: "B3",
      headerRow: true,
      columns: [{ name: "Customer ID" }, { name: "Debt ratio" }],
      rows: [
        ["C1", 0.5],
        ["C2", 0.7],
      ],
    });
    a.getCell("E4").value = "Call back on Monday"; // a user's note right of the table
    a.getCell("A1").value = "Portfolio 2026";
    const b = wb.addWorksheet("Ledger");
    b.getCell("A1").value = "Invoices (exported 2026-10-31)";
    b.mergeCells("A1:C1");
    b.addRow([]);
    b.addRow(["Customer ID", "Invoice date", "Amount"]);
    b.addRow(["C1", new Date(Date.UTC(2026, 8, 1)), 100]);
    b.addRow(["C2", new Date(Date.UTC(2026, 8, 2)), { formula: "50*2", result: 100 }]);
    b.getCell("F10").value = "total checked";
    b.views = [{ state: "normal", activeCell: "B4" }];
    wb.addWorksheet("Empty");
    wb.views = [{ x: 0, y: 0, width: 100, height: 100, firstSheet: 0, activeTab: 1, visibility: "visible" }];
    return roundTrip(wb);
  }

  test("Excel tables by name, a sheet without one as its largest region, everything else as loose cells", async () => {
    const input = workbookInput(await workbook());
    expect(input.sheetNames).toEqual(["Customers", "Ledger", "Empty"]);
    expect(input.excelTables).toBe(1);
    expect(
      input.tables.map((t) => ({
        name: t.name,
        sheet: t.sheetName,
        headerRow: t.headerRow,
        firstColumn: t.firstColumn,
        headers: t.headers,
        rows: t.rows,
      })),
    ).toEqual([
      {
        name: "Book",
        sheet: "Customers",
        headerRow: 2,
        firstColumn: 1,
        headers: ["Customer ID", "Debt ratio"],
        rows: [
          ["C1", 0.5],
          ["C2", 0.7],
        ],
      },
      {
        name: "Ledger",
        sheet: "Ledger",
        headerRow: 2,
        firstColumn: 0,
        headers: ["Customer ID", "Invoice date", "Amount"],
        rows: [
          ["C1", 46266, 100],
          ["C2", 46267, 100],
        ],
      },
    ]);
    expect(input.cells).toEqual([
      { sheetName: "Customers", row: 0, col: 0, value: "Portfolio 2026" },
      { sheetName: "Customers", row: 3, col: 4, value: "Call back on Monday" },
      { sheetName: "Ledger", row: 0, col: 0, value: "Invoices (exported 2026-10-31)" },
      { sheetName: "Ledger", row: 9, col: 5, value: "total checked" },
    ]);
  });

  test("the selection is the region around the active cell of the active sheet", async () => {
    const input = workbookInput(await workbook());
    expect(input.selection).toMatchObject({
      sheetName: "Ledger",
      headerRow: 2,
      firstColumn: 0,
      headers: ["Customer ID", "Invoice date", "Amount"],
    });
  });

  test("a sheet name that an Excel table already uses gets a suffix", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Data").addTable({ name: "Sales", ref: "A1", columns: [{ name: "ID" }, { name: "Sales" }], rows: [["a", 1]] });
    const s = wb.addWorksheet("Sales");
    s.addRow(["ID", "Debt ratio"]);
    s.addRow(["b", 0.4]);
    const input = workbookInput(await roundTrip(wb));
    expect(input.tables.map((t) => t.name)).toEqual(["Sales", "Sales (2)"]);
  });
});
