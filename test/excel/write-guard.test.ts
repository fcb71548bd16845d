/**
 * Every way a write-back could lose or corrupt a user's cell, on the fake
 * Excel host: the user acts between the plan (the overwrite check the
 * confirmation shows) and the write, or after an earlier write. Each case
 * fails when its guard is removed (see docs/excel-io.md, "Guarantees").
 */
import { WriteCell, WritePlan, WriteTarget, planWrite, sourceKeyHash, targetBeside, writeColumns } from "../../src/excel/write-columns";
import { SETTING_KEYS } from "../../src/excel/settings";
import { FakeExcel, FakeSheet } from "./fake-excel";

const ctxOf = (x: FakeExcel) => x.context() as unknown as Excel.RequestContext;
const RISK = ["Score", "Band"];
const ROWS: WriteCell[][] = [
  [71.2, "B"],
  [45.5, "D"],
  [60.1, "C"],
];
const HEADER = ["ID", "Name", "Exposure"];
const DATA = [
  ["C1", "Acme", 1000],
  ["C2", "Beta", 2000],
  ["C3", "Gamma", 3000],
];

/** Customers on "Data" A1:C4 (a table), the risk columns go to D1:E4. */
function book(): FakeExcel {
  const x = new FakeExcel();
  x.addSheet("Data");
  x.addTable("Data", "Customers", 0, 0, HEADER, DATA);
  return x;
}

/** The area the pane reads, with the key hash of its header and first column (as DataArea carries it). */
function area(tableName?: string) {
  return {
    sheetName: "Data",
    firstDataRow: 1,
    rowCount: 3,
    firstColumn: 0,
    columnCount: 3,
    keyHash: sourceKeyHash(
      HEADER,
      DATA.map((r) => r[0]),
    ),
    ...(tableName ? { tableName } : {}),
  };
}

async function plan(x: FakeExcel, target: WriteTarget = targetBeside(area(), 2)): Promise<WritePlan> {
  const p = await planWrite(ctxOf(x), target);
  if (!p.ok) throw new Error(p.error.message);
  return p.value;
}

async function write(x: FakeExcel, p: WritePlan, rows = ROWS, overwrite = false) {
  return writeColumns(ctxOf(x), p, RISK, rows, { overwrite });
}

/** Values of the block D1:E4 (or of `rows` × 2 from D1). */
const block = (s: FakeSheet, rows = 4) => s.read({ row: 0, col: 3, rowCount: rows, colCount: 2 }, "values");

/** A check that nothing was written: no cell write in any sync since `since`, and no setting changed. */
function nothingWrittenSince(x: FakeExcel, since: number, settings: Map<string, unknown>) {
  expect(x.syncs.slice(since).flatMap((s) => s.writes ?? [])).toEqual([]);
  expect(new Map(x.settings)).toEqual(settings);
}

describe("the write re-checks its target in the same batch, before writing anything", () => {
  test("the user types into an empty target cell after the plan: refused, the cell named, nothing written; after a new confirmation it is written", async () => {
    const x = book();
    const p = await plan(x);
    expect(p.foreignCount).toBe(0); // the confirmation said: nothing of yours
    x.sheet("Data").enter(2, 4, "call Tuesday"); // E3
    const since = x.syncs.length;
    const settings = new Map(x.settings);
    const r = await write(x, p);
    expect(!r.ok && r.error).toMatchObject({ code: "target changed", count: 1, cells: ["Data!E3"] });
    nothingWrittenSince(x, since, settings);
    expect(x.cell("Data", "E3").value).toBe("call Tuesday");
    expect(x.sheet("Data").isEmpty(0, 3)).toBe(true);

    // Back to the confirmation: the plan now names E3, and the user confirms.
    const again = await plan(x);
    expect(again).toMatchObject({ foreignCount: 1, foreignSample: ["E3"] });
    expect((await write(x, again, ROWS, true)).ok).toBe(true);
    expect(block(x.sheet("Data"))).toEqual([
      ["Score", "Band"],
      [71.2, "B"],
      [45.5, "D"],
      [60.1, "C"],
    ]);
  });

  test("the user edits a cell the add-in wrote, after the plan of a rewrite: refused, named", async () => {
    const x = book();
    await write(x, await plan(x));
    const p = await plan(x);
    expect(p).toMatchObject({ foreignCount: 0, ownedCount: 8 });
    x.sheet("Data").enter(1, 3, "=A2*0+99"); // D2: the credit committee's override
    const r = await write(x, p, [
      [1, "A"],
      [2, "A"],
      [3, "A"],
    ]);
    expect(!r.ok && r.error).toMatchObject({ code: "target changed", count: 1, cells: ["Data!D2"] });
    expect(x.cell("Data", "D2").formula).toBe("=A2*0+99");
  });

  test("a cell the user cleared after the plan is no loss: the write goes ahead", async () => {
    const x = book();
    x.put("Data", 2, 4, [["old note"]]);
    const p = await plan(x);
    x.sheet("Data").clearCell(2, 4);
    expect((await write(x, p, ROWS, true)).ok).toBe(true);
  });

  test("rows inserted inside the block after the plan: refused, the moved cells named", async () => {
    const x = book();
    await write(x, await plan(x));
    const p = await plan(x, targetBeside({ ...area(), keyHash: undefined }, 2)); // no table check: the target's own re-check must catch it
    x.insertCells("Data", "D3:E3", "Down"); // cells inserted in the risk columns only
    const r = await write(x, p);
    // D3:E3 are empty now (nothing to lose there); D4:E4 hold what was in D3:E3.
    expect(!r.ok && r.error).toMatchObject({ code: "target changed", count: 2, cells: ["Data!D4", "Data!E4"] });
    expect(x.cell("Data", "D5").value).toBe(60.1); // still where the insertion moved it
  });

  test("rows deleted inside the block after the plan: refused", async () => {
    const x = book();
    await write(x, await plan(x));
    const p = await plan(x, targetBeside({ ...area(), keyHash: undefined }, 2));
    x.put("Data", 4, 3, [["my total", 177]]); // D5:E5, under the block
    x.deleteCells("Data", "D2:E2", "Up");
    const r = await write(x, p);
    expect(!r.ok && r.error).toMatchObject({ code: "target changed", cells: ["Data!D2", "Data!E2", "Data!D3", "Data!E3", "Data!D4"] });
    expect(x.cell("Data", "D4").value).toBe("my total");
  });

  test("rows inserted above the table after the plan: the table moved, so the write refuses (nothing lands beside the wrong customers)", async () => {
    const x = book();
    const p = await plan(x); // the target is empty: the target re-check alone would see no change
    x.insertCells("Data", "1:2", "Down");
    const since = x.syncs.length;
    const settings = new Map(x.settings);
    const r = await write(x, p);
    expect(!r.ok && r.error.code).toBe("table changed");
    nothingWrittenSince(x, since, settings);
  });

  test("a row inserted inside an Excel table: its range changed, the write refuses", async () => {
    const x = book();
    const p = await plan(x, targetBeside(area("Customers"), 2));
    x.insertCells("Data", "3:3", "Down");
    expect(x.tables[0].rect).toEqual({ row: 0, col: 0, rowCount: 5, colCount: 3 });
    const r = await write(x, p);
    expect(!r.ok && r.error).toMatchObject({
      code: "table changed",
      message: expect.stringContaining('table "Customers" is now Data!A1:C5'),
    });
  });

  test("the table's first column edited (another customer in a row) after the plan: refused", async () => {
    const x = book();
    const p = await plan(x);
    x.put("Data", 2, 0, [["C9"]]);
    expect((await write(x, p)).ok).toBe(false);
  });
});

describe("sheets are identified by id", () => {
  test("the sheet is renamed after the plan and another sheet takes its name: the write follows the renamed sheet; the other receives nothing", async () => {
    const x = book();
    const p = await plan(x);
    x.sheet("Data").name = "Customers 2026";
    const impostor = x.addSheet("Data");
    impostor.enter(1, 3, "not yours to write"); // D2 of the new "Data"
    const r = await write(x, p);
    expect(r.ok && r.value.address).toBe("'Customers 2026'!D1:E4");
    expect(block(x.sheet("Customers 2026"))).toEqual([
      ["Score", "Band"],
      [71.2, "B"],
      [45.5, "D"],
      [60.1, "C"],
    ]);
    expect(
      impostor
        .read({ row: 0, col: 0, rowCount: 5, colCount: 6 }, "values")
        .flat()
        .filter((v) => v !== ""),
    ).toEqual(["not yours to write"]);
  });

  test("the planned sheet is deleted and another takes its name: sheet not found, nothing written", async () => {
    const x = book();
    const p = await plan(x);
    x.sheets = x.sheets.filter((s) => s.name !== "Data");
    const impostor = x.addSheet("Data");
    const r = await write(x, p);
    expect(!r.ok && r.error.code).toBe("sheet not found");
    expect(impostor.usedRect()).toBeNull();
  });

  test("a sheet whose name is the planned sheet's id is not that sheet (getItem takes a name or an id)", async () => {
    const x = book();
    const p = await plan(x);
    x.sheets = x.sheets.filter((s) => s.name !== "Data");
    const lookalike = x.addSheet(p.sheetId);
    const r = await write(x, p);
    expect(!r.ok && r.error.code).toBe("sheet not found");
    expect(lookalike.usedRect()).toBeNull();
  });

  test("plan: an Excel table's sheet is found through the table after a rename; a region's sheet by name, and a sheet that took the name is refused by the table check", async () => {
    const x = book();
    x.sheet("Data").name = "Renamed";
    const byTable = await planWrite(ctxOf(x), targetBeside(area("Customers"), 2));
    expect(byTable.ok && byTable.value.address).toBe("Renamed!D1:E4");
    const other = x.addSheet("Data");
    other.enter(0, 0, "something else");
    const byName = await planWrite(ctxOf(x), targetBeside(area(), 2));
    expect(!byName.ok && byName.error.code).toBe("table changed");
  });
});

describe("ownership cannot claim a user's cell", () => {
  test("a cell the user edited after the add-in wrote it is the user's: the plan names it, the write needs a confirmation", async () => {
    const x = book();
    await write(x, await plan(x));
    x.sheet("Data").enter(2, 4, "A (committee)"); // E3
    const p = await plan(x);
    expect(p).toMatchObject({ foreignCount: 1, foreignSample: ["E3"], editedCount: 1, editedSample: ["E3"], ownedCount: 7 });
    const r = await write(x, p);
    expect(!r.ok && r.error.code).toBe("overwrite not confirmed");
    expect(x.cell("Data", "E3").value).toBe("A (committee)");
  });

  test("the user's value equal to what was there is still told apart from a text that looks the same (quote prefix kept out of the hash by formulas, not by values)", async () => {
    const x = book();
    await write(x, await plan(x), [
      [1, "=x"],
      [2, "B"],
      [3, "C"],
    ]); // E2 holds the text "=x"
    expect(x.cell("Data", "E2")).toMatchObject({ value: "=x", quotePrefix: true });
    x.sheet("Data").enter(1, 4, 5); // the user types a number over it
    expect((await plan(x)).foreignSample).toEqual(["E2"]);
  });

  test("rows inserted inside an owned block: the block owns nothing any more; its cells and the user's row are foreign, the block is named", async () => {
    const x = book();
    await write(x, await plan(x));
    x.insertCells("Data", "3:3", "Down"); // a whole row: the table and the block grow
    x.put("Data", 2, 0, [["C1b", "New Co", 500]]);
    x.put("Data", 2, 3, [["my guess", "B"]]);
    expect(x.nameFormula(x.names.get("CREDITSENTINEL.M1")!)).toBe("=Data!$D$1:$E$5");
    const rows = [
      ["C1", "Acme", 1000],
      ["C1b", "New Co", 500],
      ["C2", "Beta", 2000],
      ["C3", "Gamma", 3000],
    ];
    const a = {
      sheetName: "Data",
      firstDataRow: 1,
      rowCount: 4,
      firstColumn: 0,
      columnCount: 3,
      keyHash: sourceKeyHash(
        HEADER,
        rows.map((r) => r[0]),
      ),
    };
    const p = await plan(x, targetBeside(a, 2));
    expect(p).toMatchObject({ foreignCount: 10, ownedCount: 0, resized: ["Data!D1:E5"] });
    expect(p.foreignSample).toEqual(["D1", "E1", "D2", "E2", "D3"]);
  });

  test("cells deleted in one written column pull the user's cell below into the block: it is not claimed", async () => {
    const x = book();
    await write(x, await plan(x));
    x.put("Data", 4, 4, [["keep me"]]); // E5, under the block
    x.deleteCells("Data", "E2", "Up"); // E3→E2, E4→E3, E5 ("keep me") → E4
    expect(x.cell("Data", "E4").value).toBe("keep me");
    const p = await plan(x);
    expect(p.foreignSample).toContain("E4");
    expect(p).toMatchObject({ ownedCount: 5 }); // D1:D4 and E1 are still exactly as written
  });

  test("cells inserted in a written row shift the user's cells right: the shifted cell is foreign", async () => {
    const x = book();
    await write(x, await plan(x));
    x.insertCells("Data", "D3", "Right"); // D3 → E3, E3 → F3
    const p = await plan(x);
    expect(p.foreignSample).toEqual(["E3"]); // our old D3 value, now in E3: it moved, so it is not ours where it stands
  });

  test("rows inserted above the table move the table and the block together: a new review finds its own results at the new place", async () => {
    const x = book();
    await write(x, await plan(x));
    x.insertCells("Data", "1:2", "Down");
    const moved = {
      sheetName: "Data",
      firstDataRow: 3,
      rowCount: 3,
      firstColumn: 0,
      columnCount: 3,
      keyHash: sourceKeyHash(
        HEADER,
        DATA.map((r) => r[0]),
      ),
    };
    const p = await plan(x, targetBeside(moved, 2));
    expect(p).toMatchObject({ address: "Data!D3:E6", foreignCount: 0, ownedCount: 8 });
  });

  test("a block recorded by an earlier version (no fingerprint) owns nothing: the user is asked", async () => {
    const x = book();
    await write(x, await plan(x));
    x.settings.set(
      SETTING_KEYS.ownedBlocks,
      JSON.stringify({
        v: 1,
        data: [
          {
            row: 0,
            col: 3,
            rowCount: 4,
            colCount: 2,
            sheetId: "{sheet-1}",
            sheetName: "Data",
            address: "D1:E4",
            headers: RISK,
            writtenAt: "",
          },
        ],
      }),
    );
    expect((await plan(x)).foreignCount).toBe(8);
  });
});

describe("when the table shrinks", () => {
  const SHORT = { sheetName: "Data", firstDataRow: 1, rowCount: 1, firstColumn: 0, columnCount: 3 };

  test("earlier results beside rows no longer in the table are cleared when still exactly as written; a changed one is left and reported", async () => {
    const x = book();
    await write(x, await plan(x));
    x.sheet("Data").enter(3, 4, "C?"); // E4: the user's doubt about C3's band
    const p = await plan(x, targetBeside(SHORT, 2));
    expect(p.leftover).toEqual({ clearCount: 3, keptCount: 1, keptSample: ["E4"] });
    const r = await writeColumns(ctxOf(x), p, RISK, [[80, "A"]]);
    expect(r.ok && r.value).toMatchObject({ cleared: 3, kept: { count: 1, sample: ["Data!E4"] } });
    expect(block(x.sheet("Data"))).toEqual([
      ["Score", "Band"],
      [80, "A"],
      ["", ""],
      ["", "C?"],
    ]);
  });

  test("fewer columns: the earlier columns right of the new block are cleared too", async () => {
    const x = book();
    await write(x, await plan(x));
    const p = await plan(x, targetBeside(area(), 1));
    const r = await writeColumns(ctxOf(x), p, ["Score"], [[1], [2], [3]]);
    expect(r.ok && r.value.cleared).toBe(4);
    expect(block(x.sheet("Data"))).toEqual([
      ["Score", ""],
      [1, ""],
      [2, ""],
      [3, ""],
    ]);
  });
});
