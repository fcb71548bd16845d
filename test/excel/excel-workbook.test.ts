/**
 * The real WorkbookPort (`createExcelWorkbook`) against the fake Excel host of
 * test/excel: the path a user's workbook takes. Every call goes through the
 * `Excel` global (stubbed here over FakeExcel) and, for writes, `runWrite`
 * (which asks `Office.context.requirements` about ExcelApi 1.20).
 *
 * The `Excel.run` stub forwards `run(batch)` and `run(options, batch)` to
 * FakeExcel.run, and runs `run(context, batch)` on that same context, as
 * office.js does (ClientRequestContext._runBatchCommon: a RequestContext as
 * first argument is reused). FakeExcel.run itself would take the context for
 * run options and open a new one, so an event handler could never be removed.
 */
import { autoMapColumns } from "../../src/engine/portfolio/mapping";
import { DEFAULT_POLICY } from "../../src/engine/policy";
import { pdOf } from "../../src/engine/scoring/score";
import { SETTINGS_PREFIX, SETTING_KEYS, decodeSetting } from "../../src/excel/settings";
import { PANE_SETTING_VERSION, createExcelWorkbook } from "../../src/excel/excel-workbook";
import { runReview, type ReviewOutcome } from "../../src/taskpane/services/review-runner";
import { bandFormats, buildReport, buildWriteRequest } from "../../src/taskpane/services/write-back";
import { areaOf, mappingSettingKey, type DataArea, type WorkbookPort, type WriteRequest } from "../../src/excel/port";
import type { MemoryTable } from "../../src/taskpane/services/memory-workbook";
import { WRITE_COLUMNS } from "../../src/taskpane/i18n";
import { FakeExcel } from "./fake-excel";
import {
  AS_OF,
  CUSTOMER_HEADERS,
  CUSTOMER_ROWS,
  INJECTION_NAME,
  LEDGER_HEADERS,
  LEDGER_ROWS,
  customersTable,
  ledgerTable,
} from "../taskpane/fixtures";

type Scalar = Parameters<FakeExcel["addTable"]>[5][number][number];
type Globals = { Excel?: unknown; Office?: unknown };

/** The ledger sits at B3 of its sheet (header row 3), so every area offset is visible. */
const LEDGER: MemoryTable = { ...ledgerTable(), headerRow: 2, firstColumn: 1 };
const CUSTOMER_AREA: DataArea = {
  sheetName: "Sheet1",
  firstDataRow: 1,
  rowCount: 4,
  firstColumn: 0,
  columnCount: 9,
  tableName: "Customers",
  address: "Sheet1!A1:I5",
};
const RISK_HEADERS = ["Risk score", "Risk band", "PD (12m)", "Recommended limit", "Headroom", "Dunning stage", "Risk reasons"];

/** A fake host holding the fixture tables (customers at Sheet1!A1, invoices at Ledger!B3). */
function host(tables: MemoryTable[] = [customersTable(), LEDGER]): FakeExcel {
  const x = new FakeExcel();
  for (const t of tables) {
    if (!x.findSheet(t.sheetName)) x.addSheet(t.sheetName);
    x.addTable(t.sheetName, t.name, t.headerRow ?? 0, t.firstColumn ?? 0, t.headers.map(String), t.rows as Scalar[][]);
  }
  return x;
}

const g = globalThis as unknown as Globals;
const saved = { Excel: g.Excel, Office: g.Office, hadExcel: "Excel" in globalThis, hadOffice: "Office" in globalThis };
/** isSetSupported calls seen by the Office stub. */
let requirementCalls: [string, string | undefined][] = [];

/**
 * Installs the `Excel` global over `x` and, unless `mergeUndo` is undefined,
 * an `Office` global whose requirements answer `mergeUndo` for every set.
 */
function install(x: FakeExcel, mergeUndo?: boolean): WorkbookPort {
  g.Excel = {
    run: (a: unknown, b?: unknown) => x.run(a, b as never), // run(context, batch) reuses the context, as office.js does
  };
  if (mergeUndo !== undefined) {
    g.Office = {
      context: {
        requirements: {
          isSetSupported: (name: string, version?: string) => {
            requirementCalls.push([name, version]);
            return mergeUndo;
          },
        },
      },
    };
  }
  return createExcelWorkbook();
}

afterEach(() => {
  requirementCalls = [];
  if (saved.hadExcel) g.Excel = saved.Excel;
  else delete g.Excel;
  if (saved.hadOffice) g.Office = saved.Office;
  else delete g.Office;
});

/** Lets fire-and-forget promises (the unsubscribe) settle. */
const settle = () => new Promise<void>((r) => setImmediate(r));

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

async function reviewOn(port: WorkbookPort, withLedger = false): Promise<ReviewOutcome> {
  const r = await runReview(port, {
    customers: { source: { kind: "table", name: "Customers" }, mapping: autoMapColumns(CUSTOMER_HEADERS) },
    ledger: withLedger ? { source: { kind: "table", name: "Invoices" }, mapping: autoMapColumns(LEDGER_HEADERS, "ledger") } : null,
    asOf: AS_OF,
    lang: "en",
    policy: DEFAULT_POLICY,
  });
  return unwrap(r);
}

/** One property of a rectangle of a fake sheet (0-based row and column), e.g. block(x, "Sheet1", 0, 9, 5, 7) is J1:P5. */
function block(
  x: FakeExcel,
  sheet: string,
  row: number,
  col: number,
  rowCount: number,
  colCount: number,
  prop: "values" | "formulas" | "numberFormat" = "values",
) {
  return x.sheet(sheet).read({ row, col, rowCount, colCount }, prop);
}

describe("listTables and readTable", () => {
  test("lists both tables with their sheet, data row count and header texts", async () => {
    const port = install(host());
    expect(await port.listTables()).toEqual([
      { name: "Customers", sheetName: "Sheet1", rowCount: 4, headers: CUSTOMER_HEADERS },
      { name: "Invoices", sheetName: "Ledger", rowCount: 4, headers: LEDGER_HEADERS },
    ]);
  });

  test("reads the customer table: header, rows as stored, and its area (A1:I5, data from row 2)", async () => {
    const port = install(host());
    const progress: [number, number][] = [];
    const t = unwrap(await port.readTable({ kind: "table", name: "Customers" }, { onProgress: (d, n) => progress.push([d, n]) }));
    expect(t.headerRow).toEqual(CUSTOMER_HEADERS);
    expect(t.rows).toEqual(CUSTOMER_ROWS);
    expect(t.rows[1][1]).toBe(INJECTION_NAME); // read back as the text it is
    expect(areaOf(t)).toEqual({ ...CUSTOMER_AREA, keyHash: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(progress).toEqual([[4, 4]]);
    expect(t.stats.blockRows).toEqual([4]);
  });

  test('reads the ledger placed at B3: area offsets, empty paid dates as ""', async () => {
    const port = install(host());
    const t = unwrap(await port.readTable({ kind: "table", name: "invoices" })); // Excel matches table names case-insensitively
    expect(t.headerRow).toEqual(LEDGER_HEADERS);
    expect(t.rows).toEqual(LEDGER_ROWS);
    expect(t.rows[1][3]).toBe("");
    expect(areaOf(t)).toEqual({
      sheetName: "Ledger",
      firstDataRow: 3,
      rowCount: 4,
      firstColumn: 1,
      columnCount: 5,
      tableName: "Invoices",
      address: "Ledger!B3:F7",
      keyHash: expect.any(String),
    });
  });

  test("the current region of the selection, a missing table, and a cancelled read", async () => {
    const x = host();
    x.select("Ledger", "D5");
    const port = install(x);
    const sel = unwrap(await port.readTable({ kind: "selection" }));
    expect(areaOf(sel)).toEqual({
      sheetName: "Ledger",
      firstDataRow: 3,
      rowCount: 4,
      firstColumn: 1,
      columnCount: 5,
      tableName: undefined,
      address: "Ledger!B3:F7",
      keyHash: expect.any(String),
    });
    expect(sel.rows[2]).toEqual(LEDGER_ROWS[2]);
    expect(await port.readTable({ kind: "table", name: "Nope" })).toEqual({
      ok: false,
      error: { code: "table not found", message: 'no table named "Nope"' },
    });
    const ac = new AbortController();
    ac.abort();
    expect(await port.readTable({ kind: "table", name: "Customers" }, { signal: ac.signal })).toMatchObject({
      ok: false,
      error: { code: "cancelled" },
    });
  });
});

describe("the pane's flow on the host: review, write back values, then formulas", () => {
  test("risk columns J:P with exact cells, number formats, band rules and the ownership record", async () => {
    const x = host();
    const port = install(x);
    const o = await reviewOn(port);
    expect(o.area).toEqual({ ...CUSTOMER_AREA, keyHash: expect.any(String) });

    // ---- values
    const req = await buildWriteRequest(o, WRITE_COLUMNS, "values");
    if (!req) throw new Error("cancelled");
    const plan = unwrap(await port.planWrite(req));
    expect(plan).toEqual({
      // The table is checked again before the write: its range, header row and first column.
      target: {
        sheetName: "Sheet1",
        headerRow: 0,
        rowCount: 4,
        firstColumn: 9,
        columnCount: 7,
        source: { rect: { row: 0, col: 0, rowCount: 5, colCount: 9 }, keyHash: o.area.keyHash, tableName: "Customers" },
      },
      sheetId: x.sheet("Sheet1").id,
      address: "Sheet1!J1:P5",
      foreignCount: 0,
      foreignSample: [],
      ownedCount: 0,
      editedCount: 0,
      editedSample: [],
      resized: [],
      leftover: { clearCount: 0, keptCount: 0, keptSample: [] },
      snapshot: new Uint32Array(35),
    });
    const progress: [number, number][] = [];
    const w = unwrap(await port.writeColumns(plan, req, { overwrite: false, onProgress: (d, n) => progress.push([d, n]) }));
    expect(w).toMatchObject({ address: "Sheet1!J1:P5", rowsWritten: 4 });
    expect(progress).toEqual([[4, 4]]);

    expect(block(x, "Sheet1", 0, 9, 1, 7)).toEqual([RISK_HEADERS]);
    expect(x.sheet("Sheet1").formatOps).toEqual([{ address: "J1:P1", prop: "font.bold", value: true }]);
    // Score with one decimal, band letter, PD as a fraction, limits as amounts (fixtures.ts derives them).
    expect(block(x, "Sheet1", 1, 9, 4, 2)).toEqual([
      [68.8, "B"],
      [45.6, "D"],
      [59.6, "C"],
      [64.6, "C"],
    ]);
    expect(x.cell("Sheet1", "L2").value).toBe(pdOf(68.8));
    expect(x.cell("Sheet1", "L2").value).toBeCloseTo(0.003563, 6); // shows 0.36%
    expect(x.cell("Sheet1", "L3").value).toBe(pdOf(45.6));
    expect(block(x, "Sheet1", 1, 12, 4, 2)).toEqual([
      [700_000, 600_000],
      [40_000, -110_000],
      [150_000, 130_000],
      [135_000, 75_000],
    ]);
    expect(x.cell("Sheet1", "P3").value).toBe("Average days late 40 days (−11 pts); Debt ratio 90% (−6 pts)");
    expect(x.cell("Sheet1", "O2")).toMatchObject({ value: "", formula: undefined }); // no stage without a ledger
    expect(x.cell("Sheet1", "J2")).toMatchObject({ value: 68.8, formula: undefined, numberFormat: "0.0" });

    // Number formats per column on the data rows; header row and text columns stay General.
    const fmts = ["0.0", "General", "0.00%", "#,##0", "#,##0", "General", "General"];
    expect(block(x, "Sheet1", 0, 9, 5, 7, "numberFormat")).toEqual([Array(7).fill("General"), fmts, fmts, fmts, fmts]);
    expect(x.cell("Sheet1", "I2").numberFormat).toBe("General"); // the user's table is untouched

    // Band rules on K2:K5, colours from the pane's theme.
    const bands = bandFormats();
    expect(x.sheet("Sheet1").conditionalFormats).toEqual(
      Object.entries(bands).map(([b, f]) => ({
        address: "K2:K5",
        type: "CellValue",
        fill: f.fill,
        font: f.font,
        rule: { formula1: `="${b}"`, operator: "EqualTo" },
      })),
    );
    expect(x.sheet("Sheet1").conditionalFormats.map((c) => c.rule?.formula1)).toEqual(['="A"', '="B"', '="C"', '="D"', '="E"']);

    // The ownership record.
    const owned = decodeSetting(x.settings.get(SETTING_KEYS.ownedBlocks));
    expect(owned).toMatchObject({
      version: 2,
      value: [
        {
          row: 0,
          col: 9,
          rowCount: 5,
          colCount: 7,
          sheetId: x.sheet("Sheet1").id,
          sheetName: "Sheet1",
          address: "J1:P5",
          headers: RISK_HEADERS,
          marker: "CreditSentinel.m1",
        },
      ],
    });
    expect(x.nameFormula(x.names.get("CREDITSENTINEL.M1")!)).toBe("=Sheet1!$J$1:$P$5");
    expect((owned?.value as { writtenAt: string }[])[0].writtenAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    // ---- formulas, over the add-in's own block: nothing to confirm
    const live = await buildWriteRequest(o, WRITE_COLUMNS, "formulas");
    if (!live) throw new Error("cancelled");
    const plan2 = unwrap(await port.planWrite(live));
    // Every non-empty cell of the block is the add-in's: 7 headers and the values (no stage in O2:O5; a customer with
    // no factor below an average firm has an empty reasons cell).
    const nonEmpty = ["J", "K", "L", "M", "N", "O", "P"]
      .flatMap((c) => [1, 2, 3, 4, 5].map((r) => x.cell("Sheet1", `${c}${r}`)))
      .filter((c) => c.value !== "" && c.value !== null && c.value !== undefined).length;
    expect(nonEmpty).toBe(29);
    expect(plan2).toMatchObject({ address: "Sheet1!J1:P5", foreignCount: 0, foreignSample: [], ownedCount: nonEmpty });
    unwrap(await port.writeColumns(plan2, live, { overwrite: false }));
    expect(block(x, "Sheet1", 1, 9, 1, 7, "formulas")).toEqual([
      [
        '=RISK.CREDITSCORE(A2:I2,$A$1:$I$1,"score")',
        '=RISK.CREDITSCORE(A2:I2,$A$1:$I$1,"band")',
        '=RISK.CREDITSCORE(A2:I2,$A$1:$I$1,"pd")',
        "=RISK.CREDITLIMIT(K2,F2,G2,H2)",
        '=IF(I2="","",M2-MAX(0,I2))',
        "", // the stage has no formula without a ledger
        '=RISK.CREDITSCORE(A2:I2,$A$1:$I$1,"reasons")',
      ],
    ]);
    expect(x.cell("Sheet1", "M5").formula).toBe("=RISK.CREDITLIMIT(K5,F5,G5,H5)");
    expect(block(x, "Sheet1", 0, 9, 1, 7)).toEqual([RISK_HEADERS]);
    // Formats stay per column; the band rules are replaced, not doubled; still one owned block.
    expect(block(x, "Sheet1", 0, 9, 5, 7, "numberFormat")).toEqual([Array(7).fill("General"), fmts, fmts, fmts, fmts]);
    expect(x.cell("Sheet1", "L3")).toMatchObject({ formula: '=RISK.CREDITSCORE(A3:I3,$A$1:$I$1,"pd")', numberFormat: "0.00%" });
    expect(x.sheet("Sheet1").conditionalFormats).toHaveLength(5);
    expect((decodeSetting(x.settings.get(SETTING_KEYS.ownedBlocks))?.value as unknown[]).length).toBe(1);
    // No Office global: plain Excel.run everywhere (no undo group asked for).
    expect(x.runOptions.every((opt) => opt === undefined)).toBe(true);
  });

  test('a customer name starting with "=" stays text, in a formulas-mode block too', async () => {
    const x = host();
    const port = install(x);
    const o = await reviewOn(port);
    const names = o.customers.rows.map((r) => r[1]);
    const score = (await buildWriteRequest(o, ["score"], "formulas"))!.columns[0];
    const req: WriteRequest = { area: o.area, columns: [score, { header: "Customer", mode: "values", values: names }] };
    unwrap(await port.writeColumns(unwrap(await port.planWrite(req)), req, { overwrite: false }));
    expect(x.cell("Sheet1", "J3").formula).toBe('=RISK.CREDITSCORE(A3:I3,$A$1:$I$1,"score")');
    expect(x.cell("Sheet1", "K3")).toEqual({ value: INJECTION_NAME, formula: undefined, numberFormat: "General", quotePrefix: true });
    expect(x.cell("Sheet1", "K2")).toMatchObject({ value: "Alpha Ltd", quotePrefix: false });
  });

  test("with the ledger at B3 joined, the review sees C2's overdue invoice (C2 → band E)", async () => {
    const port = install(host());
    const o = await reviewOn(port, true);
    expect(o.ledger && areaOf(o.ledger).address).toBe("Ledger!B3:F7");
    expect(o.summary.bands.map((b) => [b.label, b.count, b.exposure])).toEqual([
      ["A", 0, 0],
      ["B", 1, 100_000],
      ["C", 2, 80_000],
      ["D", 0, 0],
      ["E", 1, 150_000],
      ["Not scored", 0, 0],
    ]);
  });

  test("on ExcelApi 1.20 every write is one undo group; reads stay plain Excel.run", async () => {
    const x = host();
    const port = install(x, true);
    const o = await reviewOn(port);
    const req = (await buildWriteRequest(o, ["score", "band"], "values"))!;
    const before = x.runOptions.length;
    const plan = unwrap(await port.planWrite(req));
    expect(x.runOptions.slice(before)).toEqual([undefined]);
    unwrap(await port.writeColumns(plan, req, { overwrite: false }));
    unwrap(await port.writeReport(buildReport(o.summary, "en")));
    expect(x.runOptions.slice(before + 1)).toEqual([{ mergeUndoGroup: true }, { mergeUndoGroup: true }]);
    // Checking the report and the last write are reads; restoring is a write: one undo group too.
    unwrap(await port.planReport());
    expect(await port.lastWrite()).toMatchObject({ addresses: ["Sheet1!J1:K5"] });
    unwrap(await port.restoreLastWrite());
    expect(x.runOptions.slice(before + 3)).toEqual([undefined, undefined, { mergeUndoGroup: true }]);
    expect(requirementCalls).toEqual([
      ["ExcelApi", "1.20"],
      ["ExcelApi", "1.20"],
      ["ExcelApi", "1.20"],
    ]);
  });

  test("on older hosts the writes run without options", async () => {
    const x = host();
    const port = install(x, false);
    const o = await reviewOn(port);
    const req = (await buildWriteRequest(o, ["score"], "values"))!;
    unwrap(await port.writeColumns(unwrap(await port.planWrite(req)), req, { overwrite: false }));
    expect(requirementCalls).toEqual([["ExcelApi", "1.20"]]);
    expect(x.runOptions.every((opt) => opt === undefined)).toBe(true);
    expect(x.cell("Sheet1", "J5").value).toBe(64.6);
  });
});

describe("the overwrite guard", () => {
  test("a user's note in the target is foreign: refused without overwrite, written with it; the own block needs no confirmation", async () => {
    const x = host();
    x.put("Sheet1", 2, 10, [["my note"]]); // K3
    const port = install(x);
    const o = await reviewOn(port);
    const req = (await buildWriteRequest(o, ["score", "band"], "values"))!;
    const plan = unwrap(await port.planWrite(req));
    expect(plan).toMatchObject({ address: "Sheet1!J1:K5", foreignCount: 1, foreignSample: ["K3"], ownedCount: 0 });

    const refused = await port.writeColumns(plan, req, { overwrite: false });
    expect(refused).toEqual({
      ok: false,
      error: { code: "overwrite not confirmed", message: "1 non-empty cells in Sheet1!J1:K5 were not written by CreditSentinel" },
    });
    expect(x.cell("Sheet1", "K3").value).toBe("my note");
    expect(x.sheet("Sheet1").isEmpty(0, 9)).toBe(true);
    expect(x.settings.has(SETTING_KEYS.ownedBlocks)).toBe(false);

    unwrap(await port.writeColumns(plan, req, { overwrite: true }));
    expect(block(x, "Sheet1", 0, 9, 5, 2)).toEqual([
      ["Risk score", "Risk band"],
      [68.8, "B"],
      [45.6, "D"],
      [59.6, "C"],
      [64.6, "C"],
    ]);

    const again = unwrap(await port.planWrite(req));
    expect(again).toMatchObject({ foreignCount: 0, foreignSample: [], ownedCount: 10 });
    expect((await port.writeColumns(again, req, { overwrite: false })).ok).toBe(true);

    // A user who types over a header cell of the block takes that cell back.
    x.put("Sheet1", 0, 9, [["My score"]]);
    expect(unwrap(await port.planWrite(req))).toMatchObject({ foreignCount: 1, foreignSample: ["J1"], editedCount: 1, ownedCount: 9 });
  });

  test("a target sheet that is gone is reported, not thrown", async () => {
    const port = install(host());
    const req: WriteRequest = {
      area: { ...CUSTOMER_AREA, sheetName: "Deleted" },
      columns: [{ header: "Risk score", mode: "values", values: [1, 2, 3, 4] }],
    };
    expect(await port.planWrite(req)).toEqual({ ok: false, error: { code: "sheet not found", message: 'no worksheet named "Deleted"' } });
  });
});

describe("the Risk report sheet", () => {
  test("created with title, as-of, versions and sections; regenerated in place", async () => {
    const x = host();
    const port = install(x);
    const o = await reviewOn(port);
    const model = buildReport(o.summary, "en");
    const r = unwrap(await port.writeReport(model));
    const sheet = x.sheet("Risk report");
    expect(r).toEqual({
      sheetName: "Risk report",
      sheetId: sheet.id,
      replaced: false,
      sections: ["'Risk report'!A6:B17", "'Risk report'!A20:E27", "'Risk report'!A37:F39"],
      charts: 1,
    });
    expect(block(x, "Risk report", 0, 0, 4, 2)).toEqual([
      ["CreditSentinel portfolio risk report", ""],
      ["As of", "2026-06-30"],
      ["Model version", DEFAULT_POLICY.model.version],
      ["Policy version", DEFAULT_POLICY.version],
    ]);
    expect(block(x, "Risk report", 5, 0, 3, 2)).toEqual([
      ["Summary", ""],
      ["Item", "Value"],
      ["Customers", 4],
    ]);
    expect(block(x, "Risk report", 19, 0, 3, 5)).toEqual([
      ["By band", "", "", "", ""],
      ["Band", "Customers", "Total exposure", "Expected loss", "Recommended limit"],
      ["A", 0, 0, 0, 0],
    ]);
    expect(x.cell("Risk report", "C23")).toMatchObject({ value: 100_000, numberFormat: "#,##0" });
    // The breach list names C2 as given: text, never a formula.
    expect(block(x, "Risk report", 38, 0, 1, 6)).toEqual([["C2", INJECTION_NAME, "D", 150_000, 40_000, 110_000]]);
    expect(x.cell("Risk report", "B39")).toMatchObject({ formula: undefined, quotePrefix: true });
    expect(x.active?.name).toBe("Risk report");
    expect(decodeSetting(x.settings.get(SETTING_KEYS.reportSheet))).toMatchObject({
      version: 2,
      value: { sheetId: sheet.id, name: "Risk report", charts: 1 },
    });

    // A cell the user typed on the report sheet: the check names it, the write refuses without a confirmation.
    x.put("Risk report", 49, 25, [["scribble"]]);
    const check = unwrap(await port.planReport());
    expect(check).toMatchObject({
      action: "replace",
      sheetName: "Risk report",
      renamedFrom: null,
      edited: { count: 1, cells: ["'Risk report'!Z50"] },
    });
    expect(await port.writeReport(model)).toMatchObject({ ok: false, error: { code: "report changed", cells: ["'Risk report'!Z50"] } });
    expect(x.cell("Risk report", "Z50").value).toBe("scribble");

    // Regenerate once confirmed: the same sheet is cleared (the scribble goes, kept for undo), one chart again, no new sheet.
    x.select("Sheet1", "A1");
    const again = unwrap(await port.writeReport(model, { confirmed: check.token, ifChanged: "replace" }));
    expect(again).toMatchObject({ sheetName: "Risk report", sheetId: sheet.id, replaced: true, charts: 1 });
    expect(x.sheets.map((s) => s.name)).toEqual(["Sheet1", "Ledger", "Risk report"]);
    expect(x.active?.name).toBe("Risk report");
    expect(sheet.charts).toHaveLength(1);
    expect(x.cell("Risk report", "Z50").value).toBe("");
    expect(x.cell("Risk report", "A1").value).toBe("CreditSentinel portfolio risk report");
    expect(unwrap(await port.planReport())).toMatchObject({ edited: null, renamedFrom: null });
    // Restore previous values brings the scribble back.
    expect(unwrap(await port.restoreLastWrite()).restored).toEqual(["Risk report"]);
    expect(x.cell("Risk report", "Z50").value).toBe("scribble");
  });
});

describe("settings and selection", () => {
  test("saveSetting/loadSetting round-trip under the pane's prefix, in a version envelope", async () => {
    const x = host();
    const port = install(x);
    const key = mappingSettingKey("customers", "Customers");
    const mapping = autoMapColumns(CUSTOMER_HEADERS);
    expect(await port.loadSetting(key)).toBeNull();
    await port.saveSetting(key, mapping);
    expect(await port.loadSetting(key)).toEqual(JSON.parse(JSON.stringify(mapping)));
    const stored = x.settings.get(`${SETTINGS_PREFIX}mapping.customers.Customers`);
    expect(typeof stored).toBe("string");
    expect(JSON.parse(stored as string)).toEqual({ v: PANE_SETTING_VERSION, data: JSON.parse(JSON.stringify(mapping)) });
    expect(PANE_SETTING_VERSION).toBe(1);

    // Another version, unreadable text, or an undefined value read as null (the pane then rebuilds).
    x.settings.set(`${SETTINGS_PREFIX}other`, JSON.stringify({ v: 2, data: { a: 1 } }));
    expect(await port.loadSetting("other")).toBeNull();
    x.settings.set(`${SETTINGS_PREFIX}broken`, "{not json");
    expect(await port.loadSetting("broken")).toBeNull();
    await port.saveSetting("gone", undefined);
    expect(await port.loadSetting("gone")).toBeNull();
    await port.saveSetting("n", 42);
    expect(await port.loadSetting("n")).toBe(42);
  });

  test("selectRow activates the table's sheet and selects the customer's row across the table", async () => {
    const x = host();
    x.select("Ledger", "A1");
    const port = install(x);
    await port.selectRow(CUSTOMER_AREA, 2);
    expect(x.active?.name).toBe("Sheet1");
    expect(x.selection?.rect).toEqual({ row: 3, col: 0, rowCount: 1, colCount: 9 }); // A4:I4, customer C3
    await expect(port.selectRow(CUSTOMER_AREA, 4)).rejects.toThrow(RangeError);
  });

  test("selectCell goes to a problem's cell from the review (the ledger at B3), or says the sheet is gone", async () => {
    const x = host();
    const port = install(x);
    const o = await reviewOn(port, true);
    // X9 matches no customer: ledger data row 3 is sheet row 3 + 3 + 1 = 7, its id in column B.
    const at = o.summary.ledger?.unmatched[0].at;
    expect(at).toEqual({ sheetName: "Ledger", row: 6, column: 1, cell: "B7", address: "Ledger!B7" });
    if (!at) throw new Error("no location");
    expect(await port.selectCell(at.sheetName, at.row, at.column)).toEqual({ ok: true, value: undefined });
    expect(x.active?.name).toBe("Ledger");
    expect(x.selection?.rect).toEqual({ row: 6, col: 1, rowCount: 1, colCount: 1 });
    x.sheet("Ledger").name = "Invoices 2026"; // renamed after the review
    const r = await port.selectCell(at.sheetName, at.row, at.column);
    expect(!r.ok && r.error.code).toBe("sheet not found");
    expect(x.selection?.rect).toEqual({ row: 6, col: 1, rowCount: 1, colCount: 1 });
  });

  test("onSelectedRow hears the user's selections inside the data rows until unsubscribed", async () => {
    const x = host();
    const port = install(x);
    const seen: number[] = [];
    const stop = await port.onSelectedRow(CUSTOMER_AREA, (row) => seen.push(row));
    expect(x.sheet("Sheet1").handlers.size).toBe(1);
    await x.userSelects("Sheet1", "C4"); // customer C3
    await x.userSelects("Sheet1", "A1"); // header: not a row, not reported
    await x.userSelects("Sheet1", "J2"); // right of the table's columns
    await x.userSelects("Ledger", "C4"); // another sheet
    await x.userSelects("Sheet1", "I5:I5"); // last customer
    expect(seen).toEqual([2, 3]);
    stop();
    await settle();
    expect(x.sheet("Sheet1").handlers.size).toBe(0);
    await x.userSelects("Sheet1", "B2");
    expect(seen).toEqual([2, 3]);
    stop(); // twice is harmless
    await settle();
  });
});
