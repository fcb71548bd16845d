import { OfficeMockObject } from "office-addin-mock";
import { readTable } from "../../src/excel/read-table";
import {
  BandFormat,
  WriteCell,
  WriteHost,
  defaultWriteHost,
  formula,
  planWrite,
  queueBandFormats,
  runWrite,
  targetBeside,
  writeColumns,
} from "../../src/excel/write-columns";
import { SETTING_KEYS, decodeSetting } from "../../src/excel/settings";
import { OWNED_BLOCKS_VERSION } from "../../src/excel/owned";
import { jsonBytes } from "../../src/excel/payload";
import { FAKE_PAYLOAD_LIMIT, FakeExcel } from "./fake-excel";
import { HEADER_20, customerRows, firstDifference } from "./data";

const ctxOf = (x: FakeExcel) => x.context() as unknown as Excel.RequestContext;
const AREA = { sheetName: "Data", firstDataRow: 1, rowCount: 3, firstColumn: 0, columnCount: 3 };
const RISK = ["Score", "Band"];
const NOW = () => new Date("2026-11-02T09:30:00Z");

function book(): FakeExcel {
  const x = new FakeExcel();
  x.addSheet("Data");
  x.addTable(
    "Data",
    "Customers",
    0,
    0,
    ["ID", "Name", "Exposure"],
    [
      ["C1", "Acme", 1000],
      ["C2", "Beta", 2000],
      ["C3", "Gamma", 3000],
    ],
  );
  return x;
}

async function plan(x: FakeExcel, at?: number) {
  const p = await planWrite(ctxOf(x), targetBeside(AREA, 2, at));
  if (!p.ok) throw new Error(p.error.message);
  return p.value;
}

const ROWS: WriteCell[][] = [
  [712, "B"],
  [455, "D"],
  [null, "E"],
];

describe("targetBeside", () => {
  test("right of the table, aligned with header and data rows", () => {
    expect(targetBeside({ sheetName: "S", firstDataRow: 1, rowCount: 10, firstColumn: 0, columnCount: 20 }, 7)).toEqual({
      sheetName: "S",
      headerRow: 0,
      rowCount: 10,
      firstColumn: 20,
      columnCount: 7,
    });
    expect(targetBeside(AREA, 2, 10).firstColumn).toBe(10);
    expect(() => targetBeside(AREA, 2, 16383)).toThrow(RangeError);
  });
});

describe("planWrite: the overwrite guard", () => {
  test("empty target → nothing to confirm", async () => {
    expect(await plan(book())).toEqual({
      target: { sheetName: "Data", headerRow: 0, rowCount: 3, firstColumn: 3, columnCount: 2 },
      sheetId: "{sheet-1}",
      address: "Data!D1:E4",
      foreignCount: 0,
      foreignSample: [],
      ownedCount: 0,
      editedCount: 0,
      editedSample: [],
      resized: [],
      leftover: { clearCount: 0, keptCount: 0, keptSample: [] },
      snapshot: new Uint32Array(8),
    });
  });

  test('user values and formulas in the target are foreign (a formula showing "" too)', async () => {
    const x = book();
    x.put("Data", 2, 4, [["my note"]]);
    x.sheet("Data").enter(3, 3, '=IF(1,"","")');
    x.put("Data", 0, 6, [["outside"]]);
    const p = await plan(x);
    expect(p.foreignCount).toBe(2);
    expect(p.foreignSample).toEqual(["E3", "D4"]);
  });

  test("the sample lists at most 5 addresses", async () => {
    const x = book();
    x.put("Data", 0, 3, [
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
    ]);
    const p = await plan(x);
    expect(p.foreignCount).toBe(8);
    expect(p.foreignSample).toEqual(["D1", "E1", "D2", "E2", "D3"]);
  });

  test("cells the add-in wrote are owned: no confirmation the second time", async () => {
    const x = book();
    const first = await plan(x);
    expect((await writeColumns(ctxOf(x), first, RISK, ROWS, { now: NOW })).ok).toBe(true);
    const again = await plan(x);
    expect(again.foreignCount).toBe(0);
  });

  test("the ownership record: sheet id and name, address, headers, time, a hidden name on the block, the fingerprint's parts", async () => {
    const x = book();
    await writeColumns(ctxOf(x), await plan(x), RISK, ROWS, { now: NOW });
    const stored = decodeSetting(x.settings.get(SETTING_KEYS.ownedBlocks));
    expect(stored).toEqual({
      version: OWNED_BLOCKS_VERSION,
      value: [
        {
          row: 0,
          col: 3,
          rowCount: 4,
          colCount: 2,
          id: "1",
          sheetId: "{sheet-1}",
          sheetName: "Data",
          address: "D1:E4",
          headers: ["Score", "Band"],
          writtenAt: "2026-11-02T09:30:00.000Z",
          marker: "CreditSentinel.m1",
          fingerprint: [expect.stringMatching(/^\{.*\}$/)],
        },
      ],
    });
    const name = x.names.get("CREDITSENTINEL.M1");
    expect(name && { formula: x.nameFormula(name), visible: name.visible }).toEqual({ formula: "=Data!$D$1:$E$4", visible: false });
    const part = x.xmlParts.find((p) => p.id === (stored?.value as { fingerprint: string[] }[])[0].fingerprint[0]);
    expect(part?.namespaceUri).toBe("urn:creditsentinel:store:1");
  });

  test("a block partly over our own columns: owned cells are not foreign, the rest is", async () => {
    const x = book();
    await writeColumns(ctxOf(x), await plan(x), RISK, ROWS, { now: NOW });
    x.put("Data", 1, 5, [["user"]]); // F2, right of our block
    const p = await planWrite(ctxOf(x), { sheetName: "Data", headerRow: 0, rowCount: 3, firstColumn: 4, columnCount: 2 }); // E1:F4
    if (!p.ok) throw new Error();
    expect(p.value.ownedCount).toBe(4); // E1:E4 (header "Band" + B, D, E)
    expect(p.value.foreignCount).toBe(1);
    expect(p.value.foreignSample).toEqual(["F2"]);
  });

  test("a user who edits one of our header cells takes that cell back (and only that one)", async () => {
    const x = book();
    await writeColumns(ctxOf(x), await plan(x), RISK, ROWS, { now: NOW });
    x.put("Data", 0, 3, [["My score"]]);
    const p = await plan(x);
    expect(p).toMatchObject({ foreignCount: 1, foreignSample: ["D1"], editedCount: 1, editedSample: ["D1"], ownedCount: 6 });
  });

  test("ownership follows the sheet id, not its name or another sheet at the same address", async () => {
    const x = book();
    await writeColumns(ctxOf(x), await plan(x), RISK, ROWS, { now: NOW });
    x.sheet("Data").name = "Renamed";
    const renamed = await planWrite(ctxOf(x), { ...targetBeside(AREA, 2), sheetName: "Renamed" });
    expect(renamed.ok && renamed.value.foreignCount).toBe(0);
    x.addSheet("Other");
    x.put("Other", 0, 3, [
      ["Score", "Band"],
      [1, "A"],
    ]);
    const other = await planWrite(ctxOf(x), { ...targetBeside(AREA, 2), sheetName: "Other" });
    expect(other.ok && other.value.foreignCount).toBe(4);
  });

  test("missing sheet → sheet not found", async () => {
    const p = await planWrite(ctxOf(book()), { ...targetBeside(AREA, 2), sheetName: "Gone" });
    expect(!p.ok && p.error.code).toBe("sheet not found");
  });
});

describe("writeColumns", () => {
  test("foreign cells without confirmation → nothing written", async () => {
    const x = book();
    x.put("Data", 2, 4, [["my note"]]);
    const p = await plan(x);
    const syncs = x.syncs.length;
    const r = await writeColumns(ctxOf(x), p, RISK, ROWS);
    expect(!r.ok && r.error).toEqual({
      code: "overwrite not confirmed",
      message: "1 non-empty cells in Data!D1:E4 were not written by CreditSentinel",
    });
    expect(x.syncs.length).toBe(syncs);
    expect(x.cell("Data", "E3").value).toBe("my note");
    const ok = await writeColumns(ctxOf(x), p, RISK, ROWS, { overwrite: true });
    expect(ok.ok).toBe(true);
    expect(x.cell("Data", "E3").value).toBe("D");
  });

  test("values land beside the table; a blank cell clears what was there; header is bold", async () => {
    const x = book();
    x.put("Data", 3, 3, [[999]]);
    const r = await writeColumns(ctxOf(x), await plan(x), RISK, ROWS, { overwrite: true });
    expect(r.ok && r.value).toMatchObject({ address: "Data!D1:E4", rowsWritten: 3 });
    const s = x.sheet("Data");
    expect(s.read({ row: 0, col: 3, rowCount: 4, colCount: 2 }, "values")).toEqual([
      ["Score", "Band"],
      [712, "B"],
      [455, "D"],
      ["", "E"],
    ]);
    expect(s.formatOps).toContainEqual({ address: "D1:E1", prop: "font.bold", value: true });
  });

  test("customer text never becomes a formula", async () => {
    const x = book();
    const evil = ['=HYPERLINK("http://evil.example","x")', "+1 555 0100", "@SUM(A1:A9)", "-2+3", "  =1+1", "＝1+1", "'quoted"];
    const target = { sheetName: "Data", headerRow: 0, rowCount: evil.length, firstColumn: 5, columnCount: 2 };
    const p = await planWrite(ctxOf(x), target);
    if (!p.ok) throw new Error();
    const r = await writeColumns(
      ctxOf(x),
      p.value,
      ["=Name", "Reason"],
      evil.map((e) => [e, `reason ${e}`]),
    );
    expect(r.ok).toBe(true);
    const s = x.sheet("Data");
    expect(s.formulas.size).toBe(0);
    expect(s.read({ row: 0, col: 5, rowCount: 1, colCount: 2 }, "values")).toEqual([["=Name", "Reason"]]);
    expect(s.read({ row: 1, col: 5, rowCount: evil.length, colCount: 1 }, "values").map((r) => r[0])).toEqual(evil);
    expect(x.cell("Data", "F2")).toEqual({ value: evil[0], formula: undefined, numberFormat: "General", quotePrefix: true });
    // the header was written safely and still proves ownership
    const again = await planWrite(ctxOf(x), target);
    expect(again.ok && again.value.foreignCount).toBe(0);
  });

  test("formulas mode: formula cells become formulas, text stays text", async () => {
    const x = book();
    const rows: WriteCell[][] = [
      [formula("=RISK.SCORE(A2:C2)"), "=not a formula"],
      [formula("=RISK.SCORE(A3:C3)"), "ok"],
      [formula("=RISK.SCORE(A4:C4)"), null],
    ];
    const r = await writeColumns(ctxOf(x), await plan(x), RISK, rows, { mode: "formulas" });
    expect(r.ok).toBe(true);
    expect(x.cell("Data", "D2").formula).toBe("=RISK.SCORE(A2:C2)");
    expect(x.cell("Data", "D4").formula).toBe("=RISK.SCORE(A4:C4)");
    expect(x.cell("Data", "E2")).toMatchObject({ value: "=not a formula", formula: undefined });
  });

  test("a formula cell in values mode is a programming error", async () => {
    const x = book();
    await expect(
      writeColumns(ctxOf(x), await plan(x), RISK, [
        [formula("=1"), "A"],
        [1, "B"],
        [2, "C"],
      ]),
    ).rejects.toThrow(TypeError);
  });

  test("shape mismatches throw", async () => {
    const x = book();
    const p = await plan(x);
    await expect(writeColumns(ctxOf(x), p, ["Score"], ROWS)).rejects.toThrow(RangeError);
    await expect(writeColumns(ctxOf(x), p, RISK, ROWS.slice(1))).rejects.toThrow(RangeError);
    await expect(writeColumns(ctxOf(x), p, RISK, ROWS, { bandColumn: 2, bandFormats: {} })).rejects.toThrow(RangeError);
  });

  const BANDS: Record<string, BandFormat> = {
    A: { fill: "#C6EFCE", font: "#006100" },
    B: { fill: "#E2EFDA" },
    C: { fill: "#FFEB9C" },
    D: { fill: "#F8CBAD" },
    E: { fill: "#FFC7CE", font: "#9C0006" },
  };

  test("band column: one conditional format per band with the caller's colours, after the values, not stacked on rewrite", async () => {
    const x = book();
    await writeColumns(ctxOf(x), await plan(x), RISK, ROWS, { bandColumn: 1, bandFormats: BANDS });
    await writeColumns(ctxOf(x), await plan(x), RISK, ROWS, { bandColumn: 1, bandFormats: BANDS });
    const cfs = x.sheet("Data").conditionalFormats;
    expect(cfs).toHaveLength(5);
    expect(cfs[0]).toEqual({
      address: "E2:E4",
      type: "CellValue",
      fill: "#C6EFCE",
      font: "#006100",
      rule: { formula1: '="A"', operator: "EqualTo" },
    });
    expect(cfs.map((c) => c.rule?.formula1)).toEqual(['="A"', '="B"', '="C"', '="D"', '="E"']);
    expect(cfs[1].font).toBeUndefined();
  });

  test("abort between blocks → cancelled; the rows written stay owned", async () => {
    const x = new FakeExcel();
    x.addSheet("S");
    const rows = customerRows(3000);
    x.addTable("S", "T", 0, 0, HEADER_20, rows);
    const area = { sheetName: "S", firstDataRow: 1, rowCount: 3000, firstColumn: 0, columnCount: 20 };
    const p = await planWrite(ctxOf(x), targetBeside(area, 2));
    if (!p.ok) throw new Error();
    const ac = new AbortController();
    const r = await writeColumns(
      ctxOf(x),
      p.value,
      ["Id", "Name"],
      rows.map((r) => [r[0], r[1]]),
      {
        targetBytes: 20_000,
        signal: ac.signal,
        onProgress: () => ac.abort(),
      },
    );
    expect(!r.ok && r.error.code).toBe("cancelled");
    expect(x.cell("S", "U2").value).toBe("C000001");
    expect(x.cell("S", "U3000").value).toBe("");
    const again = await planWrite(ctxOf(x), targetBeside(area, 2));
    expect(again.ok && again.value.foreignCount).toBe(0);
  });
});

describe("writeColumns in payload-safe blocks", () => {
  test("200,000 × 20 read and written back entirely, every request and response under 5 MB", async () => {
    const rows = customerRows(200_000);
    const x = new FakeExcel();
    x.addSheet("Customers");
    x.addTable("Customers", "Book", 0, 0, HEADER_20, rows);
    const read = await readTable(ctxOf(x), { kind: "table", name: "Book" });
    if (!read.ok) throw new Error(read.error.message);
    const p = await planWrite(ctxOf(x), targetBeside(read.value, 20));
    if (!p.ok) throw new Error(p.error.message);
    expect(p.value.address).toBe("Customers!U1:AN200001");
    const w = await writeColumns(ctxOf(x), p.value, HEADER_20, read.value.rows as WriteCell[][]);
    if (!w.ok) throw new Error(w.error.message);
    expect(w.value.stats.retries).toBe(0);
    expect(Math.max(...w.value.stats.blockBytes)).toBeLessThanOrEqual(3_500_000);
    expect(x.payloadErrors).toEqual([]);
    expect(x.maxRequestBytes).toBeLessThan(FAKE_PAYLOAD_LIMIT);
    expect(x.maxResponseBytes).toBeLessThan(FAKE_PAYLOAD_LIMIT);
    // round trip: the written block equals the source table, cell by cell (formula-looking names stayed text)
    const s = x.sheet("Customers");
    expect(s.formulas.size).toBe(0);
    expect(firstDifference(s.read({ row: 1, col: 20, rowCount: 200_000, colCount: 20 }, "values"), rows)).toBe(-1);
  }, 30_000);

  test("a request over the limit is halved and retried", async () => {
    const x = book();
    x.limit = 2_000;
    const rows: WriteCell[][] = Array.from({ length: 60 }, (_, i) => [i, `band ${i} ${"x".repeat(80)}`]); // ~95 bytes per row, 5.7 KB in all
    const target = { sheetName: "Data", headerRow: 0, rowCount: 60, firstColumn: 8, columnCount: 2 };
    const p = await planWrite(ctxOf(x), target);
    if (!p.ok) throw new Error();
    const w = await writeColumns(ctxOf(x), p.value, RISK, rows);
    if (!w.ok) throw new Error(w.error.message);
    expect(w.value.stats.retries).toBeGreaterThan(0);
    expect(x.payloadErrors.every((e) => e === "RequestPayloadSizeLimitExceeded")).toBe(true);
    expect(x.maxRequestBytes).toBeLessThanOrEqual(2_000);
    expect(x.sheet("Data").read({ row: 1, col: 8, rowCount: 60, colCount: 2 }, "values")).toEqual(rows);
  });

  test("one row over the limit → payload too large", async () => {
    const x = book();
    const p = await plan(x);
    x.limit = 1_800; // above the records the write keeps (about 1.6 KB), below the 2 KB row
    const r = await writeColumns(ctxOf(x), p, RISK, [
      [1, "x".repeat(2000)],
      [2, "B"],
      [3, "C"],
    ]);
    expect(!r.ok && r.error).toEqual({
      code: "payload too large",
      message: "row 1 to write at Data!D2:E2 alone exceeds the host's payload limit",
    });
  });
});

describe("number formats of the written columns", () => {
  const col = (x: FakeExcel, sheet: string, row: number, c: number, n: number) =>
    x
      .sheet(sheet)
      .read({ row, col: c, rowCount: n, colCount: 1 }, "numberFormat")
      .map((r) => r[0]);

  test("each format lands on its column's data cells only; the header stays General; null leaves a cell's format", async () => {
    const x = book();
    const r = await writeColumns(ctxOf(x), await plan(x), RISK, ROWS, { numberFormats: ["0.0", "0.000"] });
    expect(r.ok).toBe(true);
    expect(col(x, "Data", 0, 3, 5)).toEqual(["General", "0.0", "0.0", "0.0", "General"]); // D1 header … D5 below the block
    expect(col(x, "Data", 0, 4, 5)).toEqual(["General", "0.000", "0.000", "0.000", "General"]);
    expect(col(x, "Data", 0, 5, 5)).toEqual(Array(5).fill("General")); // F: right of the block
    expect(x.cell("Data", "C2").numberFormat).toBe("General"); // the user's table
    // Rewrite: the score column gets a new format, the band column (null) keeps the one it had.
    await writeColumns(ctxOf(x), await plan(x), RISK, ROWS, { numberFormats: ["0.00%", null] });
    expect(col(x, "Data", 1, 3, 3)).toEqual(["0.00%", "0.00%", "0.00%"]);
    expect(col(x, "Data", 1, 4, 3)).toEqual(["0.000", "0.000", "0.000"]);
    expect(x.cell("Data", "D2")).toMatchObject({ value: 712, numberFormat: "0.00%" });
  });

  test("formats travel in the values' request: the sync that writes a block's values sets its formats, no sync sets formats alone", async () => {
    const run = async (numberFormats?: (string | null)[]) => {
      const x = book();
      const p = await plan(x);
      const before = x.syncs.length;
      await writeColumns(ctxOf(x), p, RISK, ROWS, { numberFormats });
      return x.syncs
        .slice(before)
        .filter((s) => s.writes)
        .map((s) => s.writes);
    };
    const plain = await run();
    const all = await run([null, null]);
    const formatted = await run(["0.0", null]);
    expect(all).toEqual(plain); // nothing to format: nothing sent
    expect(plain).toEqual([["values Data!D1:E1"], ["values Data!D2:E4"]]);
    // the 3×2 array [["0.0",null],…] goes with the values of D2:E4
    expect(formatted).toEqual([["values Data!D1:E1"], ["values Data!D2:E4", "numberFormat Data!D2:E4"]]);
  });

  test("formulas mode: formula cells get the format too", async () => {
    const x = book();
    const rows: WriteCell[][] = [
      [formula("=RISK.PD(A2:C2)"), "B"],
      [formula("=RISK.PD(A3:C3)"), "D"],
      [formula("=RISK.PD(A4:C4)"), "E"],
    ];
    const r = await writeColumns(ctxOf(x), await plan(x), ["PD", "Band"], rows, { mode: "formulas", numberFormats: ["0.00%", null] });
    expect(r.ok).toBe(true);
    expect(x.cell("Data", "D3")).toMatchObject({ formula: "=RISK.PD(A3:C3)", numberFormat: "0.00%" });
    expect(col(x, "Data", 0, 3, 4)).toEqual(["General", "0.00%", "0.00%", "0.00%"]);
    expect(col(x, "Data", 0, 4, 4)).toEqual(Array(4).fill("General"));
  });

  test("one format per column, or a RangeError", async () => {
    const x = book();
    await expect(writeColumns(ctxOf(x), await plan(x), RISK, ROWS, { numberFormats: ["0.0"] })).rejects.toThrow(RangeError);
  });

  test("a request over the limit with formats is halved and retried; every request (values + formats) stays under it", async () => {
    const x = book();
    x.limit = 2_000;
    const rows: WriteCell[][] = Array.from({ length: 60 }, (_, i) => [i * 1000, `band ${i} ${"x".repeat(80)}`]);
    const p = await planWrite(ctxOf(x), { sheetName: "Data", headerRow: 0, rowCount: 60, firstColumn: 8, columnCount: 2 });
    if (!p.ok) throw new Error();
    const w = await writeColumns(ctxOf(x), p.value, RISK, rows, { numberFormats: ["#,##0", null], targetBytes: 3_000 });
    if (!w.ok) throw new Error(w.error.message);
    expect(w.value.stats.retries).toBeGreaterThan(0);
    expect(x.maxRequestBytes).toBeLessThanOrEqual(2_000);
    expect(col(x, "Data", 1, 8, 60)).toEqual(Array(60).fill("#,##0"));
    expect(x.sheet("Data").read({ row: 1, col: 8, rowCount: 60, colCount: 2 }, "values")).toEqual(rows);
  });

  test("the fake host takes only a 2-D array of the range's size (a single format string is not documented)", async () => {
    const x = book();
    const ctx = x.context();
    const range = ctx.workbook.worksheets.getItem("Data").getRangeByIndexes(1, 6, 3, 1) as unknown as Excel.Range;
    (range as unknown as { numberFormat: unknown }).numberFormat = "0.00%";
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(x.cell("Data", "G2").numberFormat).toBe("General");
    range.numberFormat = [["0.00%"], [null], ["#,##0"]];
    await ctx.sync();
    expect(col(x, "Data", 1, 6, 3)).toEqual(["0.00%", "General", "#,##0"]);
  });

  test("200,000 rows × 7 risk columns with 4 formats: every block under the limit, every data cell formatted", async () => {
    const N = 200_000;
    const x = new FakeExcel();
    x.addSheet("Customers");
    x.addTable("Customers", "Book", 0, 0, HEADER_20, customerRows(N));
    const area = { sheetName: "Customers", firstDataRow: 1, rowCount: N, firstColumn: 0, columnCount: 20 };
    const header = ["Score", "Band", "PD", "Recommended limit", "Headroom", "Dunning stage", "Reasons"];
    const formats = ["0.0", null, "0.00%", "#,##0", "#,##0", null, null];
    const rows: WriteCell[][] = Array.from({ length: N }, (_, i) => {
      const score = 300 + ((i * 37) % 551);
      return [
        score / 10,
        "ABCDE"[i % 5],
        Math.round((1 / score) * 1e6) / 1e6,
        (i % 97) * 1000,
        (i % 13) * 500 - 2000,
        ["Current", "Reminder", "Call", "Stop"][i % 4],
        `debt ratio high; customer ${i + 1} pays late`,
      ];
    });
    const p = await planWrite(ctxOf(x), targetBeside(area, 7));
    if (!p.ok) throw new Error(p.error.message);
    const w = await writeColumns(ctxOf(x), p.value, header, rows, { numberFormats: formats });
    if (!w.ok) throw new Error(w.error.message);
    const st = w.value.stats;
    expect(st.retries).toBe(0);
    expect(x.payloadErrors).toEqual([]);
    expect(Math.max(...st.blockBytes)).toBeLessThanOrEqual(3_500_000);
    expect(x.maxRequestBytes).toBeLessThan(FAKE_PAYLOAD_LIMIT);
    expect(st.blockRows.reduce((a, b) => a + b, 0)).toBe(N);
    // A block's size counts its values and its format array.
    const n0 = st.blockRows[0];
    expect(st.blockBytes[0]).toBe(jsonBytes(rows.slice(0, n0)) + jsonBytes(Array(n0).fill(formats)));
    const s = x.sheet("Customers");
    const fmts = s.read({ row: 0, col: 20, rowCount: N + 1, colCount: 7 }, "numberFormat");
    expect(fmts[0]).toEqual(Array(7).fill("General"));
    const expected = formats.map((f) => f ?? "General");
    expect(firstDifference(fmts.slice(1), Array(N).fill(expected))).toBe(-1);
    expect(firstDifference(s.read({ row: 1, col: 20, rowCount: N, colCount: 7 }, "values"), rows as unknown[][])).toBe(-1);
  }, 30_000);
});

describe("runWrite: one undo group where supported", () => {
  function host(x: FakeExcel, supported: boolean): WriteHost {
    return { run: (o, b) => x.run(o, b as never), supportsMergeUndo: () => supported };
  }
  test("ExcelApi 1.20 → Excel.run({ mergeUndoGroup: true }, batch)", async () => {
    const x = book();
    expect(await runWrite(async () => 42, host(x, true))).toBe(42);
    expect(x.runOptions).toEqual([{ mergeUndoGroup: true }]);
  });
  test("older host → Excel.run(batch) with no options", async () => {
    const x = book();
    await runWrite(async () => 0, host(x, false));
    expect(x.runOptions).toEqual([undefined]);
  });
  test("the default host asks Office.context.requirements for ExcelApi 1.20 and calls the global Excel.run", async () => {
    const g = globalThis as unknown as { Office?: unknown; Excel?: unknown };
    const calls: unknown[][] = [];
    const asked: string[] = [];
    g.Excel = { run: async (...args: unknown[]) => (calls.push(args), "done") };
    try {
      for (const supported of [true, false]) {
        g.Office = { context: { requirements: { isSetSupported: (n: string, v: string) => (asked.push(`${n} ${v}`), supported) } } };
        await runWrite(async () => 1, defaultWriteHost());
      }
    } finally {
      delete g.Office;
      delete g.Excel;
    }
    expect(asked).toEqual(["ExcelApi 1.20", "ExcelApi 1.20"]);
    expect(calls[0]).toHaveLength(2);
    expect(calls[0][0]).toEqual({ mergeUndoGroup: true });
    expect(calls[1]).toHaveLength(1);
    expect(typeof calls[1][0]).toBe("function");
  });
});

describe("conditional format calls on an office-addin-mock range", () => {
  test("clearAll, then add('CellValue') per band with fill, font and rule", async () => {
    const added: { type: string; cf: Record<string, unknown> }[] = [];
    let cleared = 0;
    const mock = new OfficeMockObject({
      conditionalFormats: {
        add(type: string) {
          const cf = {
            cellValue: { format: { fill: {} as Record<string, unknown>, font: {} as Record<string, unknown> }, rule: undefined as unknown },
          };
          added.push({ type, cf });
          return cf;
        },
        clearAll() {
          cleared++;
        },
      },
    }) as unknown as Excel.Range;
    queueBandFormats(mock, { A: { fill: "green", font: "white" }, 'B"x': { fill: "#FFEB9C" } });
    expect(cleared).toBe(1);
    expect(added.map((a) => a.type)).toEqual(["CellValue", "CellValue"]);
    expect(added[0].cf).toEqual({
      cellValue: { format: { fill: { color: "green" }, font: { color: "white" } }, rule: { formula1: '="A"', operator: "EqualTo" } },
    });
    expect(added[1].cf.cellValue).toEqual({
      format: { fill: { color: "#FFEB9C" }, font: {} },
      rule: { formula1: '="B""x"', operator: "EqualTo" },
    });
  });
});
