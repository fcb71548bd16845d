import { OfficeMockObject } from "office-addin-mock";
import { onSelectedRow, rowInArea, selectCell, selectRow } from "../../src/excel/selection";
import { FakeExcel } from "./fake-excel";

const AREA = { sheetName: "Data", firstDataRow: 1, rowCount: 10, firstColumn: 1, columnCount: 3 }; // B2:D11

describe("rowInArea", () => {
  test.each([
    ["B2", 0],
    ["D11", 9],
    ["C5:D7", 3],
    ["$C$5", 3],
    ["Data!C5", 3],
    ["data!C5", 3],
    ["B1", null], // header row
    ["B12", null], // below
    ["A5", null], // left
    ["E5", null], // right
    ["C:C", null], // whole column
    ["Other!C5", null],
    ["nonsense", null],
  ])("%s → %p", (a, i) => expect(rowInArea(a, AREA)).toBe(i));
});

describe("onSelectedRow wiring (office-addin-mock)", () => {
  test("registers on the table's sheet, maps event addresses, removes on its own context", async () => {
    const removed: number[] = [];
    let handler: ((e: { address: string }) => Promise<void>) | undefined;
    const ctx = new OfficeMockObject({
      workbook: {
        worksheets: {
          sheet: {
            onSelectionChanged: {
              add(h: (e: { address: string }) => Promise<void>) {
                handler = h;
                return { context: "registration-context", remove: () => removed.push(1) };
              },
            },
          },
          getItem(name: string) {
            expect(name).toBe("Data");
            return this.sheet;
          },
        },
      },
    }) as unknown as Excel.RequestContext;
    const seen: (number | null)[] = [];
    const runs: unknown[] = [];
    const stop = await onSelectedRow(
      ctx,
      AREA,
      (i) => seen.push(i),
      async (c, batch) => {
        runs.push(c);
        await batch({ sync: async () => undefined } as unknown as Excel.RequestContext);
      },
    );
    await handler?.({ address: "C5" });
    await handler?.({ address: "A1" });
    expect(seen).toEqual([3, null]);
    await stop();
    await stop(); // idempotent
    expect(runs).toEqual(["registration-context"]);
    expect(removed).toEqual([1]);
  });
});

describe("selection on the fake workbook", () => {
  function book(): FakeExcel {
    const x = new FakeExcel();
    x.addSheet("Data");
    x.addSheet("Other");
    return x;
  }

  test("the handler hears selections on the table's sheet only, until removed", async () => {
    const x = book();
    const seen: (number | null)[] = [];
    const stop = await onSelectedRow(
      x.context() as unknown as Excel.RequestContext,
      AREA,
      (i) => seen.push(i),
      (c, b) => b(c),
    );
    await x.userSelects("Data", "D4");
    await x.userSelects("Other", "D4");
    await x.userSelects("Data", "D20");
    await stop();
    await x.userSelects("Data", "B2");
    expect(seen).toEqual([2, null]);
    expect(x.sheet("Data").handlers.size).toBe(0);
  });

  test("selectRow activates the sheet and selects the customer's row across the table", async () => {
    const x = book();
    x.select("Other", "A1");
    await selectRow(x.context() as unknown as Excel.RequestContext, AREA, 4);
    expect(x.active?.name).toBe("Data");
    expect(x.selection?.rect).toEqual({ row: 5, col: 1, rowCount: 1, colCount: 3 }); // B6:D6
    await expect(selectRow(x.context() as unknown as Excel.RequestContext, AREA, 10)).rejects.toThrow(RangeError);
  });

  test("selectCell activates the sheet and selects one cell, or the whole row", async () => {
    const x = book();
    x.select("Other", "A1");
    const ctx = () => x.context() as unknown as Excel.RequestContext;
    expect(await selectCell(ctx(), "Data", 17, 2)).toEqual({ ok: true, value: undefined });
    expect(x.active?.name).toBe("Data");
    expect(x.selection?.rect).toEqual({ row: 17, col: 2, rowCount: 1, colCount: 1 }); // C18
    expect(await selectCell(ctx(), "other", 4, null)).toEqual({ ok: true, value: undefined }); // sheet names are case-insensitive
    expect(x.active?.name).toBe("Other");
    expect(x.selection?.rect).toEqual({ row: 4, col: 0, rowCount: 1, colCount: 16384 }); // 5:5
  });

  test("selectCell on a sheet that was renamed or deleted: 'sheet not found', selection unchanged", async () => {
    const x = book();
    x.select("Data", "B2");
    const ctx = () => x.context() as unknown as Excel.RequestContext;
    x.sheet("Other").name = "Renamed";
    const r = await selectCell(ctx(), "Other", 3, 1);
    expect(r).toEqual({ ok: false, error: { code: "sheet not found", message: 'no worksheet named "Other" to select Other!B4 on' } });
    expect(x.active?.name).toBe("Data");
    expect(x.selection?.rect).toEqual({ row: 1, col: 1, rowCount: 1, colCount: 1 });
    await expect(selectCell(ctx(), "Data", -1, 0)).rejects.toThrow(RangeError);
    await expect(selectCell(ctx(), "Data", 0, 16384)).rejects.toThrow(RangeError);
    await expect(selectCell(ctx(), "Data", 1048576, null)).rejects.toThrow(RangeError);
  });
});
