/**
 * "Restore previous values": backups kept in the workbook before a write,
 * restored exactly, and refused when the written cells changed since.
 */
import { WriteCell, planWrite, targetBeside, writeColumns } from "../../src/excel/write-columns";
import { lastWrite, restoreLastWrite, UNDO_VERSION } from "../../src/excel/undo";
import { SETTING_KEYS, decodeSetting } from "../../src/excel/settings";
import { STORE_NAMESPACE } from "../../src/excel/store";
import { jsonBytes } from "../../src/excel/payload";
import { FakeExcel, FakeOfficeError } from "./fake-excel";

const ctxOf = (x: FakeExcel) => x.context() as unknown as Excel.RequestContext;
const AREA = { sheetName: "Data", firstDataRow: 1, rowCount: 5, firstColumn: 0, columnCount: 1 };

function book(): FakeExcel {
  const x = new FakeExcel();
  x.addSheet("Data");
  x.addTable("Data", "T", 0, 0, ["ID"], [["C1"], ["C2"], ["C3"], ["C4"], ["C5"]]);
  return x;
}

async function writeAt(
  x: FakeExcel,
  rows: WriteCell[][],
  opts: { overwrite?: boolean; columns?: number; formats?: (string | null)[] } = {},
) {
  const cols = opts.columns ?? 2;
  const p = await planWrite(ctxOf(x), targetBeside({ ...AREA, rowCount: rows.length }, cols));
  if (!p.ok) throw new Error(p.error.message);
  const header = ["Score", "Band", "PD"].slice(0, cols);
  const w = await writeColumns(ctxOf(x), p.value, header, rows, {
    overwrite: opts.overwrite ?? p.value.foreignCount > 0,
    numberFormats: opts.formats,
  });
  if (!w.ok) throw new Error(w.error.message);
  return w.value;
}

/** Everything Excel holds in cells B1:C6: value, formula, quote prefix, number format, value type. */
function state(x: FakeExcel, rows = 6) {
  const s = x.sheet("Data");
  const out: unknown[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 1; c <= 2; c++) {
      const a = `${"BC"[c - 1]}${r + 1}`;
      out.push({ a, ...x.cell("Data", a), type: s.valueType(r, c) });
    }
  }
  return out;
}

const ROWS: WriteCell[][] = [
  [70, "B"],
  [55, "D"],
  [61, "C"],
  [80, "A"],
  [40, "E"],
];

describe("restoreLastWrite", () => {
  test("puts back exactly what the write overwrote: formulas as formulas, text as text (also text that looks like a number, formula or error), errors, booleans, numbers with their formats, empty as empty", async () => {
    const x = book();
    const s = x.sheet("Data");
    s.enter(0, 1, "My header"); // B1
    s.enter(1, 1, '=A2&"!"'); // B2: a formula
    s.enter(1, 2, "'=SUM(A1:A9)"); // C2: text that looks like a formula
    s.enter(2, 1, "'00123"); // B3: a customer id as text
    s.enter(2, 2, 0.25); // C3: a number…
    s.numberFormats.set(2 * 16384 + 2, "0.00%"); // … shown as a percentage
    s.enter(3, 1, "#N/A"); // B4: an error constant
    s.enter(3, 2, "'#N/A"); // C4: the text "#N/A"
    s.enter(4, 1, true); // B5
    s.enter(4, 2, "''quoted"); // C5: text starting with an apostrophe
    s.enter(5, 1, 46000); // B6: a date
    s.numberFormats.set(5 * 16384 + 1, "yyyy-mm-dd");
    s.numberFormats.set(5 * 16384 + 2, "#,##0"); // C6: an empty cell the user formatted
    const before = state(x);
    expect(x.cell("Data", "C5").value).toBe("'quoted");

    await writeAt(x, ROWS, { overwrite: true, formats: ["0.0", "@"] });
    expect(x.cell("Data", "B2").value).toBe(70);
    expect(x.cell("Data", "C6").numberFormat).toBe("@");
    expect(await lastWrite(ctxOf(x))).toEqual({ writtenAt: expect.any(String), addresses: ["Data!B1:C6"] });

    const r = await restoreLastWrite(ctxOf(x));
    expect(r).toEqual({ ok: true, value: { restored: ["Data!B1:C6"] } });
    expect(state(x)).toEqual(before);
    // The record is spent, and every part and name it used is gone.
    expect(x.settings.has(SETTING_KEYS.undo)).toBe(false);
    expect(x.xmlParts.filter((p) => p.namespaceUri === STORE_NAMESPACE)).toHaveLength(0);
    expect(x.names.size).toBe(0);
    expect(await restoreLastWrite(ctxOf(x))).toMatchObject({ ok: false, error: { code: "nothing to restore" } });
  });

  test("after a first write onto empty cells, restoring empties them again", async () => {
    const x = book();
    await writeAt(x, ROWS, { formats: ["0.0", null] });
    expect((await restoreLastWrite(ctxOf(x))).ok).toBe(true);
    expect(x.sheet("Data").usedRect()).toEqual({ row: 0, col: 0, rowCount: 6, colCount: 1 });
    expect(x.cell("Data", "B2").numberFormat).toBe("General");
  });

  test("refused, naming the cell, when the user changed a written cell since; nothing is changed", async () => {
    const x = book();
    x.put("Data", 2, 2, [["user's note"]]);
    await writeAt(x, ROWS, { overwrite: true });
    x.sheet("Data").enter(3, 1, 99); // B4, a written cell
    const since = x.syncs.length;
    const r = await restoreLastWrite(ctxOf(x));
    expect(!r.ok && r.error).toMatchObject({ code: "restore refused", count: 1, cells: ["Data!B4"] });
    expect(x.syncs.slice(since).flatMap((s) => s.writes ?? [])).toEqual([]);
    expect(x.cell("Data", "B4").value).toBe(99);
    expect(x.cell("Data", "C3").value).toBe("D");
    expect(decodeSetting(x.settings.get(SETTING_KEYS.undo))?.version).toBe(UNDO_VERSION);
  });

  test("refused when rows were inserted inside the written block since", async () => {
    const x = book();
    await writeAt(x, ROWS);
    x.insertCells("Data", "3:3", "Down");
    const r = await restoreLastWrite(ctxOf(x));
    expect(!r.ok && r.error).toMatchObject({ code: "restore refused", cells: ["Data!B1:C7"] });
  });

  test("follows the block when rows were inserted above it, and the sheet when it was renamed", async () => {
    const x = book();
    x.put("Data", 1, 1, [["mine"]]);
    await writeAt(x, ROWS, { overwrite: true });
    x.insertCells("Data", "1:2", "Down");
    x.sheet("Data").name = "Book";
    x.addSheet("Data").enter(3, 1, "other sheet");
    expect((await lastWrite(ctxOf(x)))?.addresses).toEqual(["Book!B1:C6"]);
    const r = await restoreLastWrite(ctxOf(x));
    expect(r.ok && r.value.restored).toEqual(["Book!B3:C8"]);
    expect(x.cell("Book", "B4").value).toBe("mine");
    expect(x.cell("Book", "C4").value).toBe("");
    expect(x.cell("Data", "B4").value).toBe("other sheet");
  });

  test("restores the earlier results a rewrite replaced, and they are the add-in's own again", async () => {
    const x = book();
    await writeAt(x, ROWS);
    await writeAt(
      x,
      ROWS.map(([s]) => [Number(s) + 1, "X"]),
    );
    expect(x.cell("Data", "C2").value).toBe("X");
    expect((await restoreLastWrite(ctxOf(x))).ok).toBe(true);
    expect(x.sheet("Data").read({ row: 1, col: 1, rowCount: 5, colCount: 2 }, "values")).toEqual(ROWS);
    const p = await planWrite(ctxOf(x), targetBeside(AREA, 2));
    expect(p.ok && p.value).toMatchObject({ foreignCount: 0, ownedCount: 12 });
  });

  test("restores the earlier results a shrunken table's write cleared", async () => {
    const x = book();
    await writeAt(x, ROWS);
    const short = await writeAt(x, ROWS.slice(0, 2));
    expect(short.cleared).toBe(6);
    expect(x.cell("Data", "B6").value).toBe("");
    const r = await restoreLastWrite(ctxOf(x));
    expect(r.ok && r.value.restored).toEqual(["Data!B1:C3", "Data!B4:C6"]);
    expect(x.sheet("Data").read({ row: 1, col: 1, rowCount: 5, colCount: 2 }, "values")).toEqual(ROWS);
  });

  test("only the last write is kept: the next write deletes the previous backups", async () => {
    const x = book();
    await writeAt(x, ROWS);
    const parts1 = x.xmlParts.length;
    await writeAt(x, ROWS);
    await writeAt(x, ROWS);
    expect(x.xmlParts.length).toBeLessThanOrEqual(parts1 + 2);
    const undo = decodeSetting(x.settings.get(SETTING_KEYS.undo))?.value as { regions: { backup: string[] }[] };
    expect(undo.regions).toHaveLength(1);
  });
});

describe("backups under the platform's limits", () => {
  test("a large backup is cut into parts; every request and response stays under the host's limit; the restore is exact", async () => {
    const N = 2000;
    const x = new FakeExcel();
    x.addSheet("Data");
    x.addTable(
      "Data",
      "T",
      0,
      0,
      ["ID"],
      Array.from({ length: N }, (_, i) => [`C${i}`]),
    );
    const s = x.sheet("Data");
    for (let i = 0; i < N; i++) {
      s.enter(i + 1, 1, i % 7 === 0 ? `=A${i + 2}&"<&>"` : `note ${i} <b>&amp;</b> ${"é".repeat(i % 5)}\ufffe`);
      s.enter(i + 1, 2, i * 1.5);
    }
    const before = s.read({ row: 0, col: 1, rowCount: N + 1, colCount: 2 }, "formulas");
    x.limit = 250_000;
    const area = { sheetName: "Data", firstDataRow: 1, rowCount: N, firstColumn: 0, columnCount: 1 };
    const store = { partBytes: 10_000, targetBytes: 20_000 };
    const p = await planWrite(ctxOf(x), targetBeside(area, 2), { targetBytes: 20_000, store });
    if (!p.ok) throw new Error(p.error.message);
    expect(p.value.foreignCount).toBe(2 * N);
    const w = await writeColumns(
      ctxOf(x),
      p.value,
      ["A", "B"],
      Array.from({ length: N }, (_, i) => [i, "x"]),
      { overwrite: true, targetBytes: 20_000, store },
    );
    if (!w.ok) throw new Error(w.error.message);
    expect(x.xmlParts.length).toBeGreaterThan(10);
    // Every part is at most 10,000 bytes as it travels (its text in a JSON string), plus its root element.
    expect(Math.max(...x.xmlParts.map((q) => jsonBytes(q.xml)))).toBeLessThanOrEqual(10_000 + 120);
    expect(x.payloadErrors).toEqual([]);
    expect(x.maxRequestBytes).toBeLessThanOrEqual(250_000);
    expect(x.maxResponseBytes).toBeLessThanOrEqual(250_000);
    const r = await restoreLastWrite(ctxOf(x), { targetBytes: 20_000, store });
    if (!r.ok) throw new Error(r.error.message);
    expect(s.read({ row: 0, col: 1, rowCount: N + 1, colCount: 2 }, "formulas")).toEqual(before);
    expect(x.payloadErrors).toEqual([]);
  });

  test("a host error in the middle of a write: the error goes on, the rows written are recorded as the add-in's and can be restored", async () => {
    const N = 3000;
    const x = new FakeExcel();
    x.addSheet("Data");
    x.addTable(
      "Data",
      "T",
      0,
      0,
      ["ID"],
      Array.from({ length: N }, (_, i) => [`C${i}`]),
    );
    x.put("Data", 5, 1, [["user's note"]]);
    const area = { sheetName: "Data", firstDataRow: 1, rowCount: N, firstColumn: 0, columnCount: 1 };
    const p = await planWrite(ctxOf(x), targetBeside(area, 2));
    if (!p.ok) throw new Error();
    let armed = true;
    x.beforeSync = () => {
      if (armed && x.cell("Data", "B1001").value !== "") {
        armed = false;
        throw new FakeOfficeError("GeneralException", "the host stopped");
      }
    };
    await expect(
      writeColumns(
        ctxOf(x),
        p.value,
        ["A", "B"],
        Array.from({ length: N }, (_, i) => [i, "x"]),
        { overwrite: true, targetBytes: 5_000 },
      ),
    ).rejects.toMatchObject({ code: "GeneralException" });
    expect(x.cell("Data", "B6").value).toBe(4);
    const again = await planWrite(ctxOf(x), targetBeside(area, 2));
    expect(again.ok && again.value.foreignCount).toBe(0); // what was written is the add-in's
    expect((await restoreLastWrite(ctxOf(x))).ok).toBe(true);
    expect(x.cell("Data", "B6").value).toBe("user's note");
    expect(x.cell("Data", "B2").value).toBe("");
  });

  test("a cancelled write: the rows written stay the add-in's and can be restored", async () => {
    const N = 3000;
    const x = new FakeExcel();
    x.addSheet("Data");
    x.addTable(
      "Data",
      "T",
      0,
      0,
      ["ID"],
      Array.from({ length: N }, (_, i) => [`C${i}`]),
    );
    x.put("Data", N, 1, [["last note"]]);
    const area = { sheetName: "Data", firstDataRow: 1, rowCount: N, firstColumn: 0, columnCount: 1 };
    const p = await planWrite(ctxOf(x), targetBeside(area, 2));
    if (!p.ok) throw new Error();
    const ac = new AbortController();
    const w = await writeColumns(
      ctxOf(x),
      p.value,
      ["A", "B"],
      Array.from({ length: N }, (_, i) => [i, "x"]),
      { overwrite: true, targetBytes: 5_000, signal: ac.signal, onProgress: () => ac.abort() },
    );
    expect(!w.ok && w.error.code).toBe("cancelled");
    expect(x.cell("Data", "B2").value).toBe(0);
    expect(x.cell("Data", `B${N + 1}`).value).toBe("last note");
    const again = await planWrite(ctxOf(x), targetBeside(area, 2));
    expect(again.ok && again.value.foreignCount).toBe(1); // only the user's note: the rows written are owned
    expect((await restoreLastWrite(ctxOf(x))).ok).toBe(true);
    expect(x.cell("Data", "B2").value).toBe("");
    expect(x.cell("Data", `B${N + 1}`).value).toBe("last note");
  });
});
