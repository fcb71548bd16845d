/**
 * The workbench's workbook end to end in Node: open a file (the shipped
 * sample, a user's workbook, CSV files), review it through the port, write
 * back, download, and read the download back with exceljs.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import * as path from "path";
import { serialFromIso } from "../../../src/engine/dates";
import { autoMapColumns } from "../../../src/engine/portfolio/mapping";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { WRITE_COLUMNS } from "../../../src/taskpane/i18n";
import { runReview, type ReviewOutcome } from "../../../src/taskpane/services/review-runner";
import { buildReport, buildWriteRequest } from "../../../src/taskpane/services/write-back";
import {
  createWorkbenchPort,
  openFiles,
  scoredFileName,
  scoredWorkbook,
  suggestTables,
  type WorkbenchDocument,
  type WorkbenchPort,
} from "../../../src/taskpane/workbench/file-workbook";
import { SAMPLE_AS_OF, SAMPLE_CSV_FILES, SAMPLE_FILE_NAME } from "../../../src/engine/synthetic";
import { featureCounts, knownLosses, lostFeatures } from "../../../src/taskpane/workbench/zip-parts";
import { withParts } from "./zip-helper";

jest.setTimeout(60_000);

const SAMPLE_DIR = path.resolve(__dirname, "../../../assets/sample");
const read = (f: string) => new Uint8Array(readFileSync(path.join(SAMPLE_DIR, f)));
const lib = async () => ExcelJS;
const asOf = serialFromIso(SAMPLE_AS_OF) as number;

async function open(files: { name: string; bytes: Uint8Array }[], sample = false): Promise<WorkbenchDocument> {
  const r = await openFiles(files, lib, { sample });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.doc;
}

async function review(port: WorkbenchPort, doc: WorkbenchDocument, customers: string, ledger: string | null): Promise<ReviewOutcome> {
  const headers = (n: string) => doc.input.tables.find((t) => t.name === n)?.headers ?? [];
  const r = await runReview(port, {
    customers: { source: { kind: "table", name: customers }, mapping: autoMapColumns(headers(customers)) },
    ledger: ledger ? { source: { kind: "table", name: ledger }, mapping: autoMapColumns(headers(ledger), "ledger") } : null,
    asOf,
    lang: "en",
    policy: DEFAULT_POLICY,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/** Writes every risk column (as the pane's Write back does, after its check) and the report. */
async function writeBack(port: WorkbenchPort, outcome: ReviewOutcome, mode: "values" | "formulas" = "values", overwrite = false) {
  const columns = WRITE_COLUMNS.filter((c) => c !== "stage" || outcome.ledger !== null);
  const req = await buildWriteRequest(outcome, columns, mode);
  if (!req) throw new Error("cancelled");
  const plan = await port.planWrite(req);
  if (!plan.ok) throw new Error(plan.error.message);
  const w = await port.writeColumns(plan.value, req, { overwrite });
  const rep = await port.writeReport(buildReport(outcome.summary, "en"));
  return { req, plan: plan.value, w, rep };
}

/** exceljs keeps these on the worksheet but its typings do not declare them. */
type SheetExtras = {
  conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
  dataValidations: { add(ref: string, v: ExcelJS.DataValidation): void };
};
const extras = (ws: ExcelJS.Worksheet) => ws as unknown as SheetExtras;

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  return wb;
}

describe("the sample workbook in the workbench", () => {
  let doc: WorkbenchDocument;
  let port: WorkbenchPort;
  let outcome: ReviewOutcome;
  const events = { writes: 0, selected: [] as number[], cells: [] as [string, number, number | null][] };

  beforeAll(async () => {
    doc = await open([{ name: SAMPLE_FILE_NAME, bytes: read(SAMPLE_FILE_NAME) }], true);
    port = createWorkbenchPort(doc, {
      onWrite: () => events.writes++,
      onSelectRow: (_a, row) => events.selected.push(row),
      onSelectCell: (...at) => events.cells.push(at),
    });
  });

  test("opens with its four Excel tables; the pane starts on the customers and the ledger", async () => {
    expect(doc).toMatchObject({ kind: "xlsx", sample: true, name: SAMPLE_FILE_NAME, losses: [] });
    expect((await port.listTables()).map((t) => [t.name, t.sheetName, t.rowCount])).toEqual([
      ["Customers", "Customers", 400],
      ["客户", "客户", 200],
      ["Invoices", "Invoices", expect.any(Number)],
      ["History", "Default history", 1000],
    ]);
    expect(suggestTables(doc.input)).toEqual({ customers: "Customers", ledger: "Invoices" });
  });

  test("review, write back and download: the input's sheets are kept, the risk columns hold the engine's values, the report is added", async () => {
    outcome = await review(port, doc, "Customers", "Invoices");
    const { req, plan, w, rep } = await writeBack(port, outcome);
    expect(plan.foreignCount).toBe(0);
    expect(w.ok).toBe(true);
    expect(rep.ok && rep.value).toMatchObject({ sheetName: "Risk report", replaced: false, charts: 0 });
    expect(events.writes).toBe(2);

    const out = await scoredWorkbook(doc, port, lib);
    expect(out.fileName).toBe("creditsentinel-sample-scored.xlsx");
    expect(out.losses).toEqual([]);
    expect(out.formulaColumns).toEqual([]);
    const wb = await load(out.bytes);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Customers", "客户", "Invoices", "Default history", "Risk report"]);
    const ws = wb.getWorksheet("Customers") as ExcelJS.Worksheet;
    const first = 19 + 1; // 19 input columns, 1-based
    expect(req.columns.map((_, j) => ws.getCell(1, first + j).value)).toEqual(req.columns.map((c) => c.header));
    expect(ws.getCell(1, first).font?.bold).toBe(true);
    const written = req.columns.map((_, j) => Array.from({ length: 400 }, (_, i) => ws.getCell(2 + i, first + j).value));
    expect(written).toEqual(req.columns.map((c) => c.values.map((v) => (v === "" ? null : v))));
    expect(ws.getCell(2, first).numFmt).toBe("0.0");
    expect(ws.getCell(2, first + 2).numFmt).toBe("0.00%");
    // The band colours as conditional formats, one rule per band.
    const cf = extras(ws).conditionalFormattings.find((c) => c.ref === "U2:U401");
    expect(cf?.rules.map((r) => (r as { formulae?: string[] }).formulae?.[0])).toEqual(['"A"', '"B"', '"C"', '"D"', '"E"']);
    // The input is kept: every other sheet's cells are the input's.
    const input = await load(read(SAMPLE_FILE_NAME));
    for (const name of ["客户", "Invoices", "Default history"]) {
      const a = input.getWorksheet(name) as ExcelJS.Worksheet,
        b = wb.getWorksheet(name) as ExcelJS.Worksheet;
      expect(b.rowCount).toBe(a.rowCount);
      const before: unknown[] = [],
        after: unknown[] = [];
      a.eachRow((row, r) =>
        row.eachCell((cell, c) => {
          before.push([cell.address, cell.value]);
          after.push([cell.address, b.getCell(r, c).value]);
        }),
      );
      expect(after).toEqual(before);
    }
    expect(ws.getTables().map((t) => (t as unknown as { table: { name: string } }).table.name)).toEqual(["Customers"]);
    // The report sheet: title, as-of, sections.
    const report = wb.getWorksheet("Risk report") as ExcelJS.Worksheet;
    expect(report.getCell("A1").value).toBe("CreditSentinel portfolio risk report");
    expect(report.getCell("B2").value).toBe(SAMPLE_AS_OF);
    expect(report.getCell("A6").value).toBe("Summary");
  });

  test("writing again replaces the risk columns and the report (one report sheet)", async () => {
    await writeBack(port, outcome);
    const r2 = port.memory.reports.length;
    expect(r2).toBe(2);
    const wb = await load((await scoredWorkbook(doc, port, lib)).bytes);
    expect(wb.worksheets.filter((s) => s.name.startsWith("Risk report")).map((s) => s.name)).toEqual(["Risk report"]);
    expect(extras(wb.getWorksheet("Customers") as ExcelJS.Worksheet).conditionalFormattings).toHaveLength(1);
  });

  test('"Show in sheet" and "Go to" reach the page; a sheet the file does not have is refused', async () => {
    await port.selectRow(outcome.area, 12);
    expect(events.selected).toEqual([12]);
    expect((await port.selectCell("Invoices", 7, 4)).ok).toBe(true);
    expect((await port.selectCell("Customers", 17, null)).ok).toBe(true);
    const gone = await port.selectCell("Old sheet", 1, 1);
    expect(gone.ok === false && gone.error.code).toBe("sheet not found");
    expect(events.cells).toEqual([
      ["Invoices", 7, 4],
      ["Customers", 17, null],
    ]);
  });
});

describe("a user's workbook", () => {
  async function userWorkbook(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Risk report"); // the user's own sheet of that name
    ws.getCell("A1").value = "my notes";
    const c = wb.addWorksheet("Customers");
    c.addRow(["Customer ID", "Customer name", "Debt ratio", "Current ratio", "Exposure"]);
    c.addRow(["C1", '=HYPERLINK("http://example.com","Click me")', 0.5, 1.4, 1000]);
    c.addRow(["C2", "Beta Ltd", 0.9, 0.8, 2000]);
    c.getCell("G3").value = "Call back on Monday"; // where the second risk column goes
    c.getCell("A1").note = "exported from the ERP"; // kept: the cell has a value
    c.getCell("I8").note = "ask Li"; // on an empty cell: exceljs drops it
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  test("the overwrite guard sees the user's note right of the table; text that looks like a formula stays text; the report takes a free sheet name", async () => {
    const doc = await open([{ name: "book.xlsx", bytes: await userWorkbook() }]);
    expect(doc.losses).toEqual([]); // nothing exceljs always drops
    const port = createWorkbenchPort(doc);
    const outcome = await review(port, doc, "Customers", null);
    const columns = ["band", "score", "reasons"] as const;
    const req = await buildWriteRequest(outcome, columns, "values");
    if (!req) throw new Error("cancelled");
    const plan = await port.planWrite(req);
    expect(plan.ok && plan.value).toMatchObject({ foreignCount: 1, foreignSample: ["G3"] });
    if (!plan.ok) return;
    const refused = await port.writeColumns(plan.value, req, { overwrite: false });
    expect(refused.ok === false && refused.error.code).toBe("overwrite not confirmed");
    expect(port.memory.writes).toEqual([]);
    expect((await port.writeColumns(plan.value, req, { overwrite: true })).ok).toBe(true);
    const rep = await port.writeReport(buildReport(outcome.summary, "en"));
    expect(rep.ok && rep.value.sheetName).toBe("Risk report (2)");

    const out = await scoredWorkbook(doc, port, lib);
    expect(out.fileName).toBe("book-scored.xlsx");
    expect(out.losses).toEqual([{ feature: "notes", before: 2, after: 1 }]); // the download names what it lost
    const wb = await load(out.bytes);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Risk report", "Customers", "Risk report (2)"]);
    expect((wb.getWorksheet("Risk report") as ExcelJS.Worksheet).getCell("A1").value).toBe("my notes");
    const c = wb.getWorksheet("Customers") as ExcelJS.Worksheet;
    expect(c.getCell("B2").value).toBe('=HYPERLINK("http://example.com","Click me")');
    expect(c.getCell("B2").type).toBe(ExcelJS.ValueType.String);
    expect(c.getCell("F2").value).toMatch(/^[A-E]$/);
    expect(c.getCell("G3").value).toBe(req.columns[1].values[1]);
  });

  test("live formulas stay formulas, and the download says which columns hold them", async () => {
    const doc = await open([{ name: "book.xlsx", bytes: await userWorkbook() }]);
    const port = createWorkbenchPort(doc);
    const outcome = await review(port, doc, "Customers", null);
    const req = await buildWriteRequest(outcome, ["score", "band"], "formulas");
    if (!req) throw new Error("cancelled");
    const plan = await port.planWrite(req);
    if (!plan.ok) throw new Error("plan");
    await port.writeColumns(plan.value, req, { overwrite: true });
    const out = await scoredWorkbook(doc, port, lib);
    expect(out.formulaColumns).toEqual(["Risk score", "Risk band"]);
    const c = (await load(out.bytes)).getWorksheet("Customers") as ExcelJS.Worksheet;
    expect(c.getCell("F2").formula).toBe(String(req.columns[0].values[0]).slice(1));
  });

  test("parts exceljs cannot carry are named when the file is opened and again in the download", async () => {
    const xml = '<?xml version="1.0"?><x/>';
    const planted = withParts(await userWorkbook(), {
      "xl/charts/chart1.xml": xml,
      "xl/charts/chart2.xml": xml,
      "xl/chartsheets/sheet1.xml": xml,
      "xl/threadedComments/threadedComment1.xml": xml,
      "xl/pivotTables/pivotTable1.xml": xml,
      "xl/slicers/slicer1.xml": xml,
      "xl/vbaProject.bin": new Uint8Array([1, 2, 3]),
      "xl/ctrlProps/ctrlProp1.xml": xml,
      "xl/embeddings/oleObject1.bin": new Uint8Array([1]),
      "xl/externalLinks/externalLink1.xml": xml,
      "xl/connections.xml": xml,
      "xl/model/item.data": new Uint8Array([1]),
      "customXml/item1.xml": xml,
      "xl/webextensions/webextension1.xml": xml,
    });
    const parts = [
      "charts",
      "chartSheets",
      "threadedComments",
      "pivotTables",
      "slicers",
      "macros",
      "controls",
      "embeddedObjects",
      "externalLinks",
      "connections",
      "dataModel",
      "customXml",
      "addinData",
    ];
    const counts = await featureCounts(planted);
    expect(counts).toMatchObject({ charts: 2, macros: 1, notes: 2 });
    const doc = await open([{ name: "planted.xlsm", bytes: planted }]);
    expect(doc.losses.map((l) => l.feature)).toEqual(parts);
    expect(doc.losses[0]).toEqual({ feature: "charts", before: 2, after: 0 });
    const out = await scoredWorkbook(doc, createWorkbenchPort(doc), lib);
    expect(out.losses.map((l) => l.feature).sort()).toEqual([...parts, "notes"].sort());
  });

  test("features exceljs keeps are not reported lost (images, tables, merged cells, links, validations)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.addTable({ name: "T", ref: "A1", columns: [{ name: "ID" }, { name: "Debt ratio" }], rows: [["a", 0.5]] });
    ws.getCell("D1").value = { text: "site", hyperlink: "https://example.com" };
    ws.mergeCells("F1:G2");
    extras(ws).dataValidations.add("H1", { type: "list", allowBlank: true, formulae: ['"a,b"'] });
    ws.addImage(
      wb.addImage({
        buffer: readFileSync(path.resolve(__dirname, "../../../assets/icon-16.png")) as unknown as ExcelJS.Buffer,
        extension: "png",
      }),
      "J1:K3",
    );
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const before = await featureCounts(bytes);
    expect(before).toMatchObject({ tables: 1, hyperlinks: 1, mergedCells: 1, dataValidations: 1, images: 1 });
    expect(knownLosses(before ?? {})).toEqual([]);
    const doc = await open([{ name: "kept.xlsx", bytes }]);
    const out = await scoredWorkbook(doc, createWorkbenchPort(doc), lib);
    expect(lostFeatures(before ?? {}, (await featureCounts(out.bytes)) ?? {})).toEqual([]);
    expect(out.losses).toEqual([]);
  });
});

describe("CSV files", () => {
  test("the Chinese sample CSV (GB18030) opens as a table with its Chinese headers, and the download is an .xlsx", async () => {
    const doc = await open([{ name: SAMPLE_CSV_FILES.customersZh, bytes: read(SAMPLE_CSV_FILES.customersZh) }]);
    expect(doc.csv.map((c) => ({ sheet: c.sheetName, enc: c.encoding, sep: c.delimiter, rows: c.rows.length }))).toEqual([
      { sheet: "creditsentinel-customers-zh", enc: "gb18030", sep: ",", rows: 200 },
    ]);
    expect(doc.input.tables[0].headers.slice(0, 3)).toEqual(["客户编号", "客户名称", "资产负债率"]);
    expect(suggestTables(doc.input)).toEqual({ customers: "creditsentinel-customers-zh" });
    const port = createWorkbenchPort(doc);
    const outcome = await review(port, doc, "creditsentinel-customers-zh", null);
    expect(outcome.summary.customers).toBe(200);
    await writeBack(port, outcome);
    const out = await scoredWorkbook(doc, port, lib);
    expect(out.fileName).toBe("creditsentinel-customers-zh-scored.xlsx");
    const wb = await load(out.bytes);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["creditsentinel-customers-zh", "Risk report"]);
    const ws = wb.worksheets[0];
    expect(ws.getCell("A1").value).toBe("客户编号");
    expect(ws.getCell("B2").value).toBe(doc.csv[0].rows[0][1]);
    expect(ws.getCell("T1").value).toBe("Risk score");
  });

  test("several CSV files open together: customers and their ledger, dates read as dates", async () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    const doc = await open([
      { name: "customers.csv", bytes: enc("Customer ID;Debt ratio;Current ratio\nC1;0,5;1,4\nC2;0,9;0,8\n") },
      {
        name: "invoices.csv",
        bytes: enc("Customer ID,Invoice date,Due date,Amount\nC1,2026-09-01,2026-10-01,100\nC2,2026-09-15,2026-10-15,250\n"),
      },
    ]);
    expect(doc.input.tables.map((t) => t.name)).toEqual(["customers", "invoices"]);
    expect(doc.input.tables[0].rows).toEqual([
      ["C1", 0.5, 1.4],
      ["C2", 0.9, 0.8],
    ]);
    expect(suggestTables(doc.input)).toEqual({ customers: "customers", ledger: "invoices" });
    const port = createWorkbenchPort(doc);
    const outcome = await review(port, doc, "customers", "invoices");
    expect(outcome.summary.customers).toBe(2);
    const wb = await load((await scoredWorkbook(doc, port, lib)).bytes);
    const inv = wb.getWorksheet("invoices") as ExcelJS.Worksheet;
    expect(inv.getCell("B2").numFmt).toBe("yyyy-mm-dd");
    expect(inv.getCell("B2").value).toEqual(new Date(Date.UTC(2026, 8, 1)));
  });

  test("what cannot be opened is said, file by file", async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(await openFiles([{ name: "old.xls", bytes }], lib)).toEqual({
      ok: false,
      error: { code: "unsupported", fileName: "old.xls", kind: "xls" },
    });
    expect(await openFiles([{ name: "book.ods", bytes }], lib)).toEqual({
      ok: false,
      error: { code: "unsupported", fileName: "book.ods", kind: "other-spreadsheet" },
    });
    expect(await openFiles([{ name: "report.pdf", bytes }], lib)).toEqual({
      ok: false,
      error: { code: "unsupported", fileName: "report.pdf", kind: "unknown" },
    });
    expect(
      await openFiles(
        [
          { name: "a.xlsx", bytes },
          { name: "b.csv", bytes },
        ],
        lib,
      ),
    ).toEqual({ ok: false, error: { code: "mixed" } });
    expect(await openFiles([{ name: "empty.csv", bytes: new Uint8Array() }], lib)).toEqual({
      ok: false,
      error: { code: "empty", fileName: "empty.csv" },
    });
    const broken = await openFiles([{ name: "broken.xlsx", bytes }], lib);
    expect(broken.ok === false && broken.error.code).toBe("unreadable");
  });

  test("scored file names", () => {
    expect(scoredFileName("book.xlsx")).toBe("book-scored.xlsx");
    expect(scoredFileName("客户.csv")).toBe("客户-scored.xlsx");
    expect(scoredFileName("noext")).toBe("noext-scored.xlsx");
  });
});
