/**
 * The pane's services: formula text of the live write-back, the write
 * request and report built from a review, the hand-off to src/excel's
 * injection-safe writer, the chunked review runner (progress, cancel, I/O
 * errors) and the in-memory workbook's overwrite guard.
 */
import { autoMapColumns, type ColumnMapping } from "../../src/engine/portfolio/mapping";
import { creditScoreCore } from "../../src/engine/scoring/creditscore";
import { DEFAULT_POLICY, type CreditPolicy } from "../../src/engine/policy";
import { isEngineError } from "../../src/engine/errors";
import { toExcelCell } from "../../src/excel/write-columns";
import { createExcelWorkbook, rowsOf } from "../../src/excel/excel-workbook";
import { FakeExcel } from "../excel/fake-excel";
import { labelsArgument, riskFormulas } from "../../src/taskpane/services/formulas";
import { runReview, type ReviewOutcome, type ReviewProgress } from "../../src/taskpane/services/review-runner";
import { WRITE_NUMBER_FORMATS, buildReport, buildWriteRequest, formulasUnavailable } from "../../src/taskpane/services/write-back";
import type { DataArea } from "../../src/excel/port";
import { WRITE_COLUMNS } from "../../src/taskpane/i18n";
import { AS_OF, CUSTOMER_HEADERS, CUSTOMER_ROWS, INJECTION_NAME, LEDGER_HEADERS, customersTable, workbook } from "./fixtures";

const AREA: DataArea = {
  sheetName: "Sheet1",
  firstDataRow: 1,
  rowCount: 4,
  firstColumn: 0,
  columnCount: 9,
  tableName: "Customers",
  address: "Sheet1!A1:I5",
};

function ignoring(mapping: ColumnMapping, header: string): ColumnMapping {
  return { ...mapping, columns: mapping.columns.map((c) => (c.header === header ? { ...c, key: null, auto: false } : c)) };
}

async function review(opts: { ledger?: boolean; mapping?: ColumnMapping; policy?: CreditPolicy } = {}): Promise<ReviewOutcome> {
  const wb = workbook();
  const r = await runReview(wb, {
    customers: { source: { kind: "table", name: "Customers" }, mapping: opts.mapping ?? autoMapColumns(CUSTOMER_HEADERS) },
    ledger: opts.ledger ? { source: { kind: "table", name: "Invoices" }, mapping: autoMapColumns(LEDGER_HEADERS, "ledger") } : null,
    asOf: AS_OF,
    lang: "en",
    policy: opts.policy ?? DEFAULT_POLICY,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

describe("live RISK formulas", () => {
  const mapping = autoMapColumns(CUSTOMER_HEADERS);

  test("every column references its own row; limit uses the band cell, equity, sales and terms; headroom the limit and exposure cells", () => {
    const f = riskFormulas(mapping, AREA, WRITE_COLUMNS);
    // Written columns start right of the table: J score, K band, L pd, M limit, N headroom, O stage, P reasons.
    expect(f.map((x) => (x ? x(0) : null))).toEqual([
      '=RISK.CREDITSCORE(A2:I2,$A$1:$I$1,"score")',
      '=RISK.CREDITSCORE(A2:I2,$A$1:$I$1,"band")',
      '=RISK.CREDITSCORE(A2:I2,$A$1:$I$1,"pd")',
      "=RISK.CREDITLIMIT(K2,F2,G2,H2)",
      '=IF(I2="","",M2-MAX(0,I2))',
      null,
      '=RISK.CREDITSCORE(A2:I2,$A$1:$I$1,"reasons")',
    ]);
    expect(f[0]?.(3)).toBe('=RISK.CREDITSCORE(A5:I5,$A$1:$I$1,"score")');
  });

  test("without the band and limit columns the limit nests CREDITSCORE and headroom nests CREDITLIMIT", () => {
    const [headroom] = riskFormulas(mapping, AREA, ["headroom"]);
    expect(headroom?.(0)).toBe('=IF(I2="","",RISK.CREDITLIMIT(RISK.CREDITSCORE(A2:I2,$A$1:$I$1,"band"),F2,G2,H2)-MAX(0,I2))');
  });

  test("a table elsewhere on the sheet shifts every reference", () => {
    const area: DataArea = { ...AREA, firstDataRow: 5, firstColumn: 2, address: "Sheet1!C5:K9" };
    const [score] = riskFormulas(mapping, area, ["score"]);
    expect(score?.(0)).toBe('=RISK.CREDITSCORE(C6:K6,$C$5:$K$5,"score")');
  });

  test("net worth falls back to total assets − total liabilities when there is no equity column", () => {
    const m = autoMapColumns(["ID", "Debt ratio", "Total assets", "Total liabilities", "Sales"]);
    const area: DataArea = { ...AREA, columnCount: 5, address: "Sheet1!A1:E5" };
    const [limit] = riskFormulas(m, area, ["limit"]);
    expect(limit?.(0)).toBe('=RISK.CREDITLIMIT(RISK.CREDITSCORE(A2:E2,$A$1:$E$1,"band"),IF(AND(ISNUMBER(C2),ISNUMBER(D2)),C2-D2,""),E2)');
  });

  test("a hand-made mapping is passed as an array constant of keys, and CREDITSCORE reads it as the review did", async () => {
    const m = ignoring(mapping, "Average days late");
    expect(labelsArgument(m, AREA)).toBe(
      '{"customer_id","customer_name","debt_ratio","interest_coverage","","equity","sales","terms_days","exposure"}',
    );
    const o = await review({ mapping: m });
    const keys = m.columns.map((c) => c.key ?? "");
    for (let i = 0; i < CUSTOMER_ROWS.length; i++) {
      const spill = creditScoreCore([CUSTOMER_ROWS[i]], [keys], "score", "en");
      if (isEngineError(spill)) throw new Error(spill.message);
      expect(spill[0][0]).toBe(Math.round((o.state.results[i]?.score as number) * 10) / 10);
    }
    // Ignoring the payment column changes C2's score: the formula must not see it either.
    const withDays = await review();
    expect(withDays.state.results[1]?.score).not.toBe(o.state.results[1]?.score);
  });
});

describe("write request and report from a review", () => {
  test("static values: score to 0.1, band, PD, limit, headroom, reasons; all in values mode; band formats A–E", async () => {
    const o = await review();
    const req = await buildWriteRequest(o, ["score", "band", "limit", "headroom", "reasons"], "values");
    expect(req).not.toBeNull();
    const cols = req!.columns;
    expect(cols.map((c) => c.mode)).toEqual(["values", "values", "values", "values", "values"]);
    expect(cols.map((c) => c.header)).toEqual(["Risk score", "Risk band", "Recommended limit", "Headroom", "Risk reasons"]);
    expect(cols[0].values).toEqual([68.8, 45.6, 59.6, 64.6]);
    expect(cols[1].values).toEqual(["B", "D", "C", "C"]);
    expect(cols[2].values).toEqual([700_000, 40_000, 150_000, 135_000]);
    expect(cols[3].values).toEqual([600_000, -110_000, 130_000, 75_000]);
    expect(cols[4].values[1]).toBe("Average days late 40 days (−11 pts); Debt ratio 90% (−6 pts)");
    expect(req!.bandColumn).toBe(1);
    expect(Object.keys(req!.bandFormats ?? {})).toEqual(["A", "B", "C", "D", "E"]);
    expect(req!.area).toMatchObject({ sheetName: "Sheet1", firstDataRow: 1, rowCount: 4, firstColumn: 0, columnCount: 9 });
    expect(cols.map((c) => c.numberFormat)).toEqual(["0.0", undefined, "#,##0", "#,##0", undefined]);
  });

  test("number formats: score 0.0, PD 0.00%, limit and headroom #,##0; band, stage and reasons none — in formulas mode too", async () => {
    const o = await review();
    const all = await buildWriteRequest(o, [...WRITE_COLUMNS], "values");
    expect(all!.columns.map((c) => c.numberFormat)).toEqual(["0.0", undefined, "0.00%", "#,##0", "#,##0", undefined, undefined]);
    expect(all!.columns.map((c) => "numberFormat" in c)).toEqual([true, false, true, true, true, false, false]);
    expect(all!.columns[2].values.every((v) => typeof v === "number" && v > 0 && v < 1)).toBe(true); // PD is a fraction: 0.0234 shows 2.34%
    const live = await buildWriteRequest(o, ["score", "pd", "stage"], "formulas");
    expect(live!.columns.map((c) => [c.mode, c.numberFormat])).toEqual([
      ["formulas", "0.0"],
      ["formulas", "0.00%"],
      ["values", undefined], // no live formula for the stage without a ledger
    ]);
    expect(Object.keys(WRITE_NUMBER_FORMATS)).toEqual([...WRITE_COLUMNS]);
  });

  test("formulas mode writes formulas; with a ledger joined it falls back to values", async () => {
    const live = await buildWriteRequest(await review(), ["score", "stage"], "formulas");
    expect(live!.columns.map((c) => c.mode)).toEqual(["formulas", "values"]);
    expect(live!.columns[0].values[0]).toBe('=RISK.CREDITSCORE(A2:I2,$A$1:$I$1,"score")');
    const withLedger = await buildWriteRequest(await review({ ledger: true }), ["score", "stage"], "formulas");
    expect(withLedger!.columns.map((c) => c.mode)).toEqual(["values", "values"]);
    expect(withLedger!.columns[1].values).toEqual(["Not due", "Insurance claim", "", ""]);
  });

  test("a calibrated model whose settings stay behind (the workbench): values, since the shared file's formulas would use the shipped model", async () => {
    const calibrated: CreditPolicy = { ...DEFAULT_POLICY, model: { ...DEFAULT_POLICY.model, version: "2.0.0+levels" } };
    const o = await review({ policy: calibrated });
    expect(formulasUnavailable(o, false)).toBe("model");
    expect((await buildWriteRequest(o, ["score"], "formulas", { settingsTravel: false }))!.columns[0].mode).toBe("values");
    // In Excel the stored model travels with the file, and the shipped model needs nothing stored.
    expect(formulasUnavailable(o)).toBeNull();
    expect((await buildWriteRequest(o, ["score"], "formulas"))!.columns[0].mode).toBe("formulas");
    const shipped = await review();
    expect(formulasUnavailable(shipped, false)).toBeNull();
    expect((await buildWriteRequest(shipped, ["score"], "formulas", { settingsTravel: false }))!.columns[0].mode).toBe("formulas");
  });

  test("a cancelled build returns null", async () => {
    const ac = new AbortController();
    ac.abort();
    expect(await buildWriteRequest(await review(), ["score"], "values", { signal: ac.signal })).toBeNull();
  });

  test("the report carries as-of date, versions, by-band table with a chart, and the breach list with the customer's name as given", async () => {
    const o = await review({ ledger: true });
    const r = buildReport(o.summary, "en");
    expect(r).toMatchObject({
      title: "CreditSentinel portfolio risk report",
      asOf: "2026-06-30",
      modelVersion: DEFAULT_POLICY.model.version,
      policyVersion: DEFAULT_POLICY.version,
    });
    expect(r.sections.map((s) => s.title)).toEqual([
      "Summary",
      "By band",
      "Open receivables by aging bucket",
      "Exposure by band and aging bucket",
      "Largest limit breaches",
    ]);
    const byBand = r.sections[1];
    expect(byBand.rows.map((row) => row.slice(0, 3))).toEqual([
      ["A", 0, 0],
      ["B", 1, 100_000],
      ["C", 2, 80_000],
      // The ledger's payment behaviour (C2: 45 days overdue, all of its open amount) fills the table's blanks: C2 drops to E.
      ["D", 0, 0],
      ["E", 1, 150_000],
      ["Not scored", 0, 0],
    ]);
    expect(byBand.chart).toEqual({ type: "column", title: "By band", categoriesColumn: 0, valueColumns: [2] });
    // Band E is cash in advance: limit 0, the whole exposure is in excess.
    expect(r.sections[4].rows).toEqual([["C2", INJECTION_NAME, "E", 150_000, 0, 150_000]]);
    expect(buildReport(o.summary, "zh").sections[0].title).toBe("汇总");
  });
});

describe("hand-off to src/excel's writer", () => {
  test("values stay plain data (text that looks like a formula is made text by toExcelCell); only formula columns become formula cells", () => {
    const rows = rowsOf(
      {
        area: AREA,
        columns: [
          { header: "name", mode: "values", values: [INJECTION_NAME, "+1 555", 12.5] },
          { header: "score", mode: "formulas", values: ['=RISK.CREDITSCORE(A2:I2,$A$1:$I$1,"score")', "", 3] },
        ],
      },
      3,
    );
    expect(rows[0][0]).toBe(INJECTION_NAME);
    expect(rows[0][1]).toEqual({ formula: '=RISK.CREDITSCORE(A2:I2,$A$1:$I$1,"score")' });
    expect(rows.map((r) => r.map((v) => toExcelCell(v, "formulas")))).toEqual([
      [`'${INJECTION_NAME}`, '=RISK.CREDITSCORE(A2:I2,$A$1:$I$1,"score")'],
      ["'+1 555", ""],
      [12.5, 3],
    ]);
  });
});

describe("number formats through the ports", () => {
  const req = {
    area: AREA,
    columns: [
      { header: "Score", mode: "values" as const, values: [68.8, 45.6, 59.6, 64.6], numberFormat: "0.0" },
      { header: "Band", mode: "values" as const, values: ["B", "D", "C", "C"] },
      { header: "PD", mode: "values" as const, values: [0.0234, 0.15, 0.05, 0.04], numberFormat: "0.00%" },
    ],
  };

  test("the in-memory workbook records each column's format on its data cells; headers and text columns stay General", async () => {
    const wb = workbook();
    const plan = await wb.planWrite(req);
    if (!plan.ok) throw new Error(plan.error.message);
    expect((await wb.writeColumns(plan.value, req, { overwrite: false })).ok).toBe(true);
    const fmt = (row: number, col: number) => wb.numberFormatAt("Sheet1", row, col);
    expect([0, 1, 2, 3, 4, 5].map((r) => fmt(r, 9))).toEqual(["General", "0.0", "0.0", "0.0", "0.0", "General"]);
    expect([0, 1, 4].map((r) => fmt(r, 10))).toEqual(["General", "General", "General"]);
    expect([0, 1, 4].map((r) => fmt(r, 11))).toEqual(["General", "0.00%", "0.00%"]);
    expect(fmt(1, 8)).toBe("General"); // the user's table
    // A rewrite without a format for a column leaves its cells' format, as Excel does.
    const again = { ...req, columns: req.columns.map((c) => ({ header: c.header, mode: c.mode, values: c.values })) };
    expect((await wb.writeColumns(plan.value, again, { overwrite: false })).ok).toBe(true);
    expect(fmt(2, 11)).toBe("0.00%");
  });

  test("the live port passes each column's format to src/excel's writer (checked on the fake Excel host)", async () => {
    const x = new FakeExcel();
    x.addSheet("Sheet1");
    x.addTable(
      "Sheet1",
      "Customers",
      0,
      0,
      ["ID", "A", "B", "C", "D", "E", "F", "G", "H"],
      Array.from({ length: 4 }, (_, i) => [`C${i + 1}`, 1, 2, 3, 4, 5, 6, 7, 8]),
    );
    const g = globalThis as unknown as { Excel?: unknown };
    g.Excel = { run: (a: unknown, b?: unknown) => x.run(a, b as never) };
    try {
      const port = createExcelWorkbook();
      const plan = await port.planWrite(req);
      if (!plan.ok) throw new Error(plan.error.message);
      const w = await port.writeColumns(plan.value, req, { overwrite: false });
      expect(w.ok && w.value.address).toBe("Sheet1!J1:L5");
    } finally {
      delete g.Excel;
    }
    const s = x.sheet("Sheet1");
    expect(s.read({ row: 0, col: 9, rowCount: 5, colCount: 3 }, "numberFormat")).toEqual([
      ["General", "General", "General"],
      ...Array(4).fill(["0.0", "General", "0.00%"]),
    ]);
    expect(x.cell("Sheet1", "L2")).toMatchObject({ value: 0.0234, numberFormat: "0.00%" });
  });
});

describe("runReview", () => {
  test("reads, scores in slices with progress, and summarises", async () => {
    const seen: ReviewProgress[] = [];
    const wb = workbook({ blockRows: 2 });
    const r = await runReview(
      wb,
      {
        customers: { source: { kind: "table", name: "Customers" }, mapping: autoMapColumns(CUSTOMER_HEADERS) },
        ledger: null,
        asOf: AS_OF,
        lang: "en",
        policy: DEFAULT_POLICY,
      },
      { onProgress: (p) => seen.push({ ...p }) },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(seen.filter((p) => p.phase === "reading").map((p) => [p.done, p.total])).toEqual([
      [0, 0],
      [2, 4],
      [4, 4],
    ]);
    expect(seen.filter((p) => p.phase === "scoring").at(-1)).toEqual({ phase: "scoring", done: 4, total: 4 });
    expect(seen.at(-1)?.phase).toBe("summarising");
    expect(r.value.summary.bands.map((b) => b.count)).toEqual([0, 1, 2, 1, 0, 0]);
    expect(r.value.area).toEqual({
      sheetName: "Sheet1",
      firstDataRow: 1,
      rowCount: 4,
      firstColumn: 0,
      columnCount: 9,
      tableName: "Customers",
      address: "Sheet1!A1:I5",
      keyHash: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
  });

  test("cancelling while reading stops with 'cancelled' and scores nothing", async () => {
    const ac = new AbortController();
    const wb = workbook({ blockRows: 1, latencyMs: 1 });
    const r = await runReview(
      wb,
      {
        customers: { source: { kind: "table", name: "Customers" }, mapping: autoMapColumns(CUSTOMER_HEADERS) },
        ledger: null,
        asOf: AS_OF,
        lang: "en",
        policy: DEFAULT_POLICY,
      },
      { signal: ac.signal, onProgress: (p) => p.done === 1 && ac.abort() },
    );
    expect(r).toEqual({ ok: false, error: { kind: "cancelled" } });
  });

  test("cancelling while scoring stops between slices", async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [`C${i}`, "x", 0.5, 3, 4, 1e6, 5e6, 30, 1000]);
    const wb = workbook({ tables: [customersTable(rows)] });
    const ac = new AbortController();
    let clock = 0;
    const r = await runReview(
      wb,
      {
        customers: { source: { kind: "table", name: "Customers" }, mapping: autoMapColumns(CUSTOMER_HEADERS) },
        ledger: null,
        asOf: AS_OF,
        lang: "en",
        policy: DEFAULT_POLICY,
      },
      { signal: ac.signal, now: () => (clock += 1), sliceMs: 5, onProgress: (p) => p.phase === "scoring" && p.done > 0 && ac.abort() },
    );
    expect(r).toEqual({ ok: false, error: { kind: "cancelled" } });
  });

  test("I/O problems come back with their table and code; engine problems with the engine's message", async () => {
    const wb = workbook({ selection: { error: "no header row" } });
    const r = await runReview(wb, {
      customers: { source: { kind: "selection" }, mapping: autoMapColumns(CUSTOMER_HEADERS) },
      ledger: null,
      asOf: AS_OF,
      lang: "en",
      policy: DEFAULT_POLICY,
    });
    expect(r).toEqual({ ok: false, error: { kind: "io", table: "customers", code: "no header row", message: "selection: no header row" } });
    const bad = await runReview(wb, {
      customers: { source: { kind: "table", name: "Customers" }, mapping: autoMapColumns(["Customer ID", "Notes"]) },
      ledger: null,
      asOf: AS_OF,
      lang: "en",
      policy: DEFAULT_POLICY,
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatchObject({ kind: "engine", message: expect.stringContaining("mapping: the table has 9 columns") });
  });
});

describe("in-memory workbook overwrite guard", () => {
  test("a user's cell in the target is foreign; after a write the block is the add-in's own", async () => {
    const wb = workbook({ cells: [{ sheetName: "Sheet1", row: 2, col: 10, value: "my note" }] });
    const req = {
      area: AREA,
      columns: [
        { header: "Score", mode: "values" as const, values: [1, 2, 3, 4] },
        { header: "Band", mode: "values" as const, values: ["A", "B", "C", "D"] },
      ],
    };
    const plan = await wb.planWrite(req);
    expect(plan.ok && plan.value).toMatchObject({ address: "Sheet1!J1:K5", foreignCount: 1, foreignSample: ["K3"], ownedCount: 0 });
    if (!plan.ok) return;
    const refused = await wb.writeColumns(plan.value, req, { overwrite: false });
    expect(refused).toMatchObject({ ok: false, error: { code: "overwrite not confirmed" } });
    expect(wb.writes).toEqual([]);
    expect((await wb.writeColumns(plan.value, req, { overwrite: true })).ok).toBe(true);
    expect(wb.cellAt("Sheet1", 2, 10)).toBe("B");
    const again = await wb.planWrite(req);
    expect(again.ok && again.value).toMatchObject({ foreignCount: 0, ownedCount: 10 });
  });
});
