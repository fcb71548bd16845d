import { listTables, readTable } from "../../src/excel/read-table";
import { FAKE_PAYLOAD_LIMIT, FakeExcel } from "./fake-excel";
import { HEADER_20, customerRows, firstDifference } from "./data";

const ctxOf = (x: FakeExcel) => x.context() as unknown as Excel.RequestContext;

function smallBook(): FakeExcel {
  const x = new FakeExcel();
  x.addSheet("Data");
  x.addTable(
    "Data",
    "Customers",
    2,
    1,
    ["ID", "Name", "Exposure"],
    [
      ["C1", "Acme", 1000],
      ["C2", "=SUM(A1)", 2500.5],
      ["C3", "", 0],
    ],
  );
  return x;
}

describe("listTables", () => {
  test("names, sheets, data rows and header texts", async () => {
    const x = smallBook();
    x.addSheet("Ledger");
    x.addTable("Ledger", "Invoices", 0, 0, ["Customer ID", "Amount", "Due"], [["C1", 10, 45000]]);
    expect(await listTables(ctxOf(x))).toEqual([
      { name: "Customers", sheetName: "Data", rowCount: 3, headers: ["ID", "Name", "Exposure"] },
      { name: "Invoices", sheetName: "Ledger", rowCount: 1, headers: ["Customer ID", "Amount", "Due"] },
    ]);
  });
});

describe("readTable from a table", () => {
  test("header, rows and sheet position", async () => {
    const r = await readTable(ctxOf(smallBook()), { kind: "table", name: "customers" });
    expect(r.ok && r.value).toMatchObject({
      sheetName: "Data",
      tableName: "Customers",
      address: "Data!B3:D6",
      headerRow: ["ID", "Name", "Exposure"],
      rows: [
        ["C1", "Acme", 1000],
        ["C2", "=SUM(A1)", 2500.5],
        ["C3", "", 0],
      ],
      firstDataRow: 3,
      rowCount: 3,
      firstColumn: 1,
      columnCount: 3,
    });
  });

  test("unknown table → table not found", async () => {
    const r = await readTable(ctxOf(smallBook()), { kind: "table", name: "Nope" });
    expect(r).toEqual({ ok: false, error: { code: "table not found", message: 'no table named "Nope"' } });
  });

  test("a table whose header row is hidden → no header row", async () => {
    const x = smallBook();
    x.tables[0].showHeaders = false;
    const r = await readTable(ctxOf(x), { kind: "table", name: "Customers" });
    expect(!r.ok && r.error.code).toBe("no header row");
  });
});

describe("readTable from the selection", () => {
  function regionBook(): FakeExcel {
    const x = new FakeExcel();
    x.addSheet("S");
    x.put("S", 1, 1, [
      ["Customer", "Exposure", "Debt ratio"],
      ["Acme", 100, 0.5],
      ["Beta", 200, 0.7],
    ]);
    x.put("S", 6, 1, [["Unrelated", 1]]); // separated by blank rows
    return x;
  }

  test("one cell inside a block → its current region", async () => {
    const x = regionBook();
    x.select("S", "C3");
    const r = await readTable(ctxOf(x), { kind: "selection" });
    expect(r.ok && r.value).toMatchObject({
      address: "S!B2:D4",
      headerRow: ["Customer", "Exposure", "Debt ratio"],
      rows: [
        ["Acme", 100, 0.5],
        ["Beta", 200, 0.7],
      ],
      firstDataRow: 2,
      firstColumn: 1,
    });
    expect(r.ok && r.value.tableName).toBeUndefined();
  });

  test("a row of cells → the current region of its first cell", async () => {
    const x = regionBook();
    x.select("S", "B2:D2");
    const r = await readTable(ctxOf(x), { kind: "selection" });
    expect(r.ok && r.value.address).toBe("S!B2:D4");
  });

  test("a multi-row selection is taken as chosen, cut to the used range", async () => {
    const x = regionBook();
    x.select("S", "B2:C3");
    let r = await readTable(ctxOf(x), { kind: "selection" });
    expect(r.ok && r.value.address).toBe("S!B2:C3");
    x.select("S", "B:D");
    r = await readTable(ctxOf(x), { kind: "selection" });
    expect(r.ok && r.value.address).toBe("S!B2:D7");
  });

  test("one empty cell with nothing around → empty selection", async () => {
    const x = regionBook();
    x.select("S", "H20");
    const r = await readTable(ctxOf(x), { kind: "selection" });
    expect(!r.ok && r.error).toEqual({ code: "empty selection", message: "S!H20 is empty and has no data around it" });
  });

  test("empty columns selected → empty selection", async () => {
    const x = regionBook();
    x.select("S", "K:M");
    const r = await readTable(ctxOf(x), { kind: "selection" });
    expect(!r.ok && r.error.code).toBe("empty selection");
  });

  test("nothing selectable (a chart) → empty selection", async () => {
    const x = regionBook();
    x.selection = null;
    const r = await readTable(ctxOf(x), { kind: "selection" });
    expect(!r.ok && r.error.code).toBe("empty selection");
  });

  test("numbers in the first row → no header row", async () => {
    const x = new FakeExcel();
    x.addSheet("S");
    x.put("S", 0, 0, [
      [1, 2],
      [3, 4],
    ]);
    x.select("S", "A1");
    const r = await readTable(ctxOf(x), { kind: "selection" });
    expect(!r.ok && r.error).toEqual({ code: "no header row", message: "the first row of S!A1:B2 has no column labels" });
  });

  test("a single text cell → no data rows", async () => {
    const x = new FakeExcel();
    x.addSheet("S");
    x.put("S", 0, 0, [["Customer"]]);
    x.select("S", "A1");
    const r = await readTable(ctxOf(x), { kind: "selection" });
    expect(!r.ok && r.error.code).toBe("no data rows");
  });
});

describe("readTable in payload-safe blocks", () => {
  test("200,000 rows × 20 columns: every row read, every response under 5 MB, adaptive blocks", async () => {
    const rows = customerRows(200_000);
    const x = new FakeExcel();
    x.addSheet("Customers");
    x.addTable("Customers", "Book", 0, 0, HEADER_20, rows);
    const progress: number[] = [];
    const r = await readTable(
      ctxOf(x),
      { kind: "table", name: "Book" },
      { onProgress: (d, t) => (expect(t).toBe(200_000), progress.push(d)) },
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.rows).toHaveLength(200_000);
    expect(r.value.rows[0]).toEqual(rows[0]);
    expect(r.value.rows[123_456]).toEqual(rows[123_456]);
    expect(r.value.rows[199_999]).toEqual(rows[199_999]);
    expect(firstDifference(r.value.rows, rows)).toBe(-1);
    const { blockRows, blockBytes, retries } = r.value.stats;
    expect(retries).toBe(0);
    expect(blockRows[0]).toBe(1000); // conservative first block: 20,000 cells
    expect(blockRows[1]).toBe(4000); // 4× growth cap
    expect(Math.max(...blockRows)).toBe(25_000); // then up to 3.5 MB, here capped at 500,000 cells (~3.2 MB)
    expect(Math.max(...blockBytes)).toBeLessThan(3_700_000);
    expect(blockRows.reduce((a, b) => a + b, 0)).toBe(200_000);
    expect(x.payloadErrors).toEqual([]);
    expect(x.maxResponseBytes).toBeLessThan(FAKE_PAYLOAD_LIMIT);
    expect(x.maxLoadCells).toBeLessThanOrEqual(500_000);
    expect(progress[progress.length - 1]).toBe(200_000);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  }, 30_000);

  test("a first block over the limit is halved and retried", async () => {
    // 2,000 rows of 20 × 300-character cells ≈ 6 KB per row: the first 1,000-row block is ≈ 6 MB.
    const wide = Array.from({ length: 2000 }, (_, i) => Array.from({ length: 20 }, (_, j) => `${i}:${j}:`.padEnd(300, "x")));
    const x = new FakeExcel();
    x.addSheet("S");
    x.addTable("S", "Wide", 0, 0, HEADER_20, wide);
    const r = await readTable(ctxOf(x), { kind: "table", name: "Wide" });
    if (!r.ok) throw new Error(r.error.message);
    expect(x.payloadErrors).toEqual(["ResponsePayloadSizeLimitExceeded"]);
    expect(r.value.stats.retries).toBe(1);
    expect(r.value.stats.blockRows[0]).toBe(500);
    expect(r.value.rows).toEqual(wide);
    expect(x.maxResponseBytes).toBeLessThan(FAKE_PAYLOAD_LIMIT);
  });

  test("one row over the limit → payload too large after halving down to 1 row (no endless loop)", async () => {
    const x = new FakeExcel();
    x.addSheet("S");
    x.addTable(
      "S",
      "Huge",
      0,
      0,
      ["A", "B"],
      Array.from({ length: 64 }, () => ["y".repeat(6000), "z".repeat(6000)]),
    );
    x.limit = 10_000;
    const r = await readTable(ctxOf(x), { kind: "table", name: "Huge" });
    expect(!r.ok && r.error).toEqual({ code: "payload too large", message: "row 2 of S!A2:B2 alone exceeds the host's payload limit" });
    // 64 → 32 → 16 → 8 → 4 → 2 → 1 rows: 7 failed reads of the data, then give up.
    expect(x.payloadErrors).toHaveLength(7);
  });

  test("abort between blocks → cancelled, nothing more is read", async () => {
    const x = new FakeExcel();
    x.addSheet("S");
    x.addTable("S", "Book", 0, 0, HEADER_20, customerRows(10_000));
    const ac = new AbortController();
    const seen: number[] = [];
    const r = await readTable(
      ctxOf(x),
      { kind: "table", name: "Book" },
      {
        signal: ac.signal,
        onProgress: (d) => {
          seen.push(d);
          ac.abort();
        },
      },
    );
    expect(!r.ok && r.error).toEqual({ code: "cancelled", message: "reading S after 1000 rows cancelled" });
    expect(seen).toEqual([1000]);
    // table lookup, table parts, header row, first block — and no further read
    expect(x.syncs).toHaveLength(4);
    expect(x.syncs[3].responseBytes).toBeGreaterThan(100_000);
  });
});
