/**
 * The fake host's model of what Office.js does where data can be lost:
 * names and tables that follow inserted and deleted cells, sheet ids vs
 * names, custom XML parts, error constants. The write-back guards are only
 * as good as these.
 */
import { FakeExcel, adjustReference, checkXml } from "./fake-excel";

const R = (row: number, col: number, rowCount: number, colCount: number) => ({ row, col, rowCount, colCount });

describe("adjustReference: how Excel moves a reference when cells are inserted or deleted", () => {
  const ref = R(2, 3, 4, 2); // D3:E6
  test.each([
    ["rows inserted above → moved down", R(0, 0, 2, 16384), "Down", R(4, 3, 4, 2)],
    ["rows inserted inside → grown", R(4, 0, 1, 16384), "Down", R(2, 3, 5, 2)],
    ["rows inserted just below → unchanged", R(6, 0, 1, 16384), "Down", ref],
    ["cells inserted over its columns only → grown", R(3, 3, 2, 2), "Down", R(2, 3, 6, 2)],
    ["cells inserted over part of its columns → unchanged", R(3, 4, 2, 1), "Down", ref],
    ["rows deleted above → moved up", R(0, 0, 1, 16384), "Up", R(1, 3, 4, 2)],
    ["rows deleted inside → shrunk", R(3, 0, 2, 16384), "Up", R(2, 3, 2, 2)],
    ["rows deleted across its top → shrunk from the top", R(1, 0, 2, 16384), "Up", R(1, 3, 3, 2)],
    ["columns inserted left → moved right", R(0, 0, 1048576, 1), "Right", R(2, 4, 4, 2)],
    ["columns deleted inside → narrower", R(0, 4, 1048576, 1), "Left", R(2, 3, 4, 1)],
  ])("%s", (_, op, shift, expected) => expect(adjustReference(ref, op, shift as never)).toEqual(expected));
  test("all its rows deleted → #REF!", () => expect(adjustReference(ref, R(1, 0, 6, 16384), "Up")).toBeNull());
});

describe("structural edits on the fake host", () => {
  function book() {
    const x = new FakeExcel();
    x.addSheet("S");
    x.put("S", 0, 0, [
      ["a", 1],
      ["b", 2],
      ["c", 3],
    ]);
    x.sheet("S").enter(2, 2, "=B3*2");
    x.sheet("S").numberFormats.set(1 * 16384 + 1, "0.0");
    return x;
  }

  test("inserting a row moves values, formulas and formats; a name and a table follow", async () => {
    const x = book();
    x.addTable("S", "T", 4, 0, ["H"], [["r1"], ["r2"]]);
    const ctx = x.context();
    ctx.workbook.names.add("Mine", ctx.workbook.worksheets.getItem("S").getRange("A2:B3") as never);
    await ctx.sync();
    x.insertCells("S", "2:2", "Down");
    expect(x.sheet("S").read(R(0, 0, 4, 3), "values")).toEqual([
      ["a", 1, ""],
      ["", "", ""],
      ["b", 2, ""],
      ["c", 3, "#FORMULA"],
    ]);
    expect(x.cell("S", "C4").formula).toBe("=B3*2"); // (the fake does not rewrite formula references)
    expect(x.cell("S", "B3").numberFormat).toBe("0.0");
    expect(x.nameFormula(x.names.get("MINE")!)).toBe("=S!$A$3:$B$4");
    expect(x.tables[0].rect).toEqual(R(5, 0, 3, 1));
  });

  test("Range.insert / Range.delete through the proxies; deleting a name's cells gives #REF!", async () => {
    const x = book();
    const ctx = x.context();
    const s = ctx.workbook.worksheets.getItem("S");
    ctx.workbook.names.add("ThirdRow", "=S!$A$3:$B$3");
    s.getRange("A1:B1").insert("Down");
    await ctx.sync();
    expect(x.cell("S", "A2").value).toBe("a");
    expect(x.nameFormula(x.names.get("THIRDROW")!)).toBe("=S!$A$4:$B$4");
    s.getRange("4:4").delete("Up");
    const n = ctx.workbook.names.getItemOrNullObject("ThirdRow");
    n.load("formula");
    const r = n.getRangeOrNullObject();
    await ctx.sync();
    expect(n.formula).toBe("=#REF!");
    expect(r.isNullObject).toBe(true);
  });

  test("a name follows a renamed sheet, and is #REF! once its sheet is deleted", async () => {
    const x = book();
    const ctx = x.context();
    ctx.workbook.names.add("N", "=S!$A$1");
    const ws = ctx.workbook.worksheets.getItem("S");
    ws.name = "My sheet";
    await ctx.sync();
    expect(x.nameFormula(x.names.get("N")!)).toBe("='My sheet'!$A$1");
    ctx.workbook.worksheets.getItem("My sheet").delete();
    await ctx.sync();
    expect(x.nameFormula(x.names.get("N")!)).toBe("=#REF!");
  });

  test("sheets by id or by name: the id survives a rename; getItemOrNullObject by the old name finds the sheet that took it", async () => {
    const x = book();
    const id = x.sheet("S").id;
    x.sheet("S").name = "Old";
    x.addSheet("S");
    const ctx = x.context();
    const byId = ctx.workbook.worksheets.getItemOrNullObject(id);
    const byName = ctx.workbook.worksheets.getItemOrNullObject("S");
    byId.load("name,id");
    byName.load("name,id");
    await ctx.sync();
    expect(byId.name).toBe("Old");
    expect(byName.id).not.toBe(id);
  });

  test("error constants: a typed #N/A is an error, '#N/A is text; valueTypes tells them apart", async () => {
    const x = book();
    const s = x.sheet("S");
    s.enter(5, 0, "#n/a");
    s.enter(5, 1, "'#N/A");
    const ctx = x.context();
    const r = ctx.workbook.worksheets.getItem("S").getRange("A6:C6");
    r.load("values,valueTypes");
    await ctx.sync();
    expect(r.values).toEqual([["#N/A", "#N/A", ""]]);
    expect(r.valueTypes).toEqual([["Error", "String", "Empty"]]);
  });

  test("clear: Contents keeps number formats, Formats keeps values", async () => {
    const x = book();
    const ctx = x.context();
    ctx.workbook.worksheets.getItem("S").getRange("B2").clear("Contents");
    await ctx.sync();
    expect(x.cell("S", "B2")).toMatchObject({ value: "", numberFormat: "0.0" });
    ctx.workbook.worksheets.getItem("S").getRange("B2").clear("Formats");
    await ctx.sync();
    expect(x.cell("S", "B2").numberFormat).toBe("General");
  });
});

describe("custom XML parts on the fake host", () => {
  test("add, find by id and by namespace, read back with a declaration, replace, delete", async () => {
    const x = new FakeExcel();
    const ctx = x.context();
    const p = ctx.workbook.customXmlParts.add('<a xmlns="urn:t">x &amp; y</a>');
    p.load("id");
    ctx.workbook.customXmlParts.add('<b xmlns="urn:other"/>');
    await ctx.sync();
    const mine = ctx.workbook.customXmlParts.getByNamespace("urn:t");
    mine.load("items/id");
    const xml = ctx.workbook.customXmlParts.getItem(p.id).getXml();
    await ctx.sync();
    expect(mine.items.map((i) => i.id)).toEqual([p.id]);
    expect(xml.value).toBe('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<a xmlns="urn:t">x &amp; y</a>');
    ctx.workbook.customXmlParts.getItem(p.id).delete();
    const gone = ctx.workbook.customXmlParts.getItemOrNullObject(p.id);
    await ctx.sync();
    expect(gone.isNullObject).toBe(true);
  });

  test.each([
    ["no namespace", "<a>1</a>"],
    ["a bare &", '<a xmlns="urn:t">a & b</a>'],
    ["a bare <", '<a xmlns="urn:t">a < b</a>'],
    ["a control character", '<a xmlns="urn:t">\u0001</a>'],
    ["U+FFFF", '<a xmlns="urn:t">\uffff</a>'],
    ["a lone surrogate", '<a xmlns="urn:t">\ud800</a>'],
    ["an unclosed element", '<a xmlns="urn:t"><b>1</a>'],
  ])("refused: %s", (_, xml) => expect(() => checkXml(xml)).toThrow(/not well-formed/));
});
