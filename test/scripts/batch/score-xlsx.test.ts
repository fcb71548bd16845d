import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { closeZip, entryBuffer, openZip } from "../../../scripts/io/zip";
import { OWN_COLUMNS_NAME } from "../../../scripts/batch/score-xlsx";
import { CHUNK_ROWS } from "../../../scripts/batch/table";
import { leftovers, removeTempDirs, score, tempDir } from "./helpers";
import { FixtureOptions, fixtureParts, writeFixture } from "./xlsx-fixture";

const dir = tempDir("score-xlsx-");
afterAll(removeTempDirs);

const ROWS: FixtureOptions["rows"] = [
  ["Customer", "Debt ratio", "Current ratio", "Interest coverage", "Equity", "Sales", "Avg days late"],
  ["ACME", 0.35, 2.1, 8, 2_000_000, 10_000_000, 0],
  ["Beta", 0.95, 0.6, 0.4, 50_000, 500_000, 45],
  ["Gamma", 0.5, 1.2, 3, 400_000, 2_000_000, 10],
];
const EN = ["Score", "Band", "PD (12m)", "Coverage", "Reasons", "Recommended limit", "Limit rule", "As of"];

async function parts(path: string): Promise<Map<string, Buffer>> {
  const zip = await openZip(path);
  try {
    const m = new Map<string, Buffer>();
    for (const e of zip.entries) m.set(e.fileName, await entryBuffer(zip, e));
    return m;
  } finally {
    closeZip(zip);
  }
}

async function fixture(name: string, opts: Partial<FixtureOptions> = {}): Promise<string> {
  const p = join(dir, name);
  await writeFixture(p, { rows: ROWS, ...opts });
  return p;
}

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

const text = (b: Buffer | undefined) => (b ?? Buffer.alloc(0)).toString("utf8");
const sheetData = (xml: string) => /<sheetData>([\s\S]*)<\/sheetData>/.exec(xml)![1];
const cellsOf = (xml: string) => sheetData(xml).match(/<c [^>]*?(?:\/>|>[\s\S]*?<\/c>)/g) ?? [];

describe("npm run score: xlsx keeps everything it does not own", () => {
  it("copies every part byte for byte except the scored sheet and the workbook; the chart, drawing, picture, comment, names, styles stay", async () => {
    const input = await fixture("book.xlsx");
    const out = join(dir, "book.scored.xlsx");
    const r = await score([input, "--as-of", "2026-11-22"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Read book\.xlsx, sheet Customers, header row 1\./);
    const before = await parts(input);
    const after = await parts(out);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, data] of before) {
      if (name === "xl/worksheets/sheet1.xml" || name === "xl/workbook.xml") continue;
      expect({ name, same: Buffer.compare(after.get(name)!, data) === 0 }).toEqual({ name, same: true });
    }
    // The chart, its drawing and the picture are there and still point at the data.
    expect(text(after.get("xl/charts/chart1.xml"))).toContain("<c:f>&apos;Customers&apos;!$B$2:$B$4</c:f>".replace(/&apos;/g, "'"));
    expect(after.get("xl/media/image1.png")!.subarray(1, 4).toString()).toBe("PNG");
    // Workbook: the user's names kept as they were, one hidden marker added.
    const wb = text(after.get("xl/workbook.xml"));
    const wbBefore = text(before.get("xl/workbook.xml"));
    for (const name of wbBefore.match(/<definedName [^>]*>[^<]*<\/definedName>/g)!) expect(wb).toContain(name);
    expect(wb).toContain(`<definedName name="${OWN_COLUMNS_NAME}" localSheetId="0" hidden="1">'Customers'!$H$1:$O$1</definedName>`);
    expect(wb.replace(/<definedName name="CreditSentinel[^]*?<\/definedName>/, "")).toBe(wbBefore);
    // Sheet: every original cell is still there, character for character; everything after the rows too.
    const sheet = text(after.get("xl/worksheets/sheet1.xml"));
    const sheetBefore = text(before.get("xl/worksheets/sheet1.xml"));
    for (const c of cellsOf(sheetBefore)) expect(sheet).toContain(c);
    expect(sheet.slice(sheet.indexOf("</sheetData>"))).toBe(sheetBefore.slice(sheetBefore.indexOf("</sheetData>")));
    expect(sheet.slice(0, sheet.indexOf("<sheetData>"))).toBe(
      sheetBefore.slice(0, sheetBefore.indexOf("<sheetData>")).replace('ref="A1:G4"', 'ref="A1:O4"'),
    );
    // Another reader sees the values: numbers as numbers, text as text (inline strings, never formulas).
    const book = await load(out);
    const ws = book.getWorksheet("Customers")!;
    expect(ws.getRow(1).values).toEqual([undefined, ...ROWS[0], ...EN]);
    expect(typeof ws.getCell("H2").value).toBe("number");
    expect(ws.getCell("H2").value as number).toBeGreaterThan(ws.getCell("H3").value as number);
    expect(ws.getCell("O2").value).toBe("2026-11-22");
    expect(book.getWorksheet("Notes")!.getCell("A1").value).toBe("keep me");
    expect(sheet).not.toMatch(/<f>/);
  });

  it("re-scoring the output replaces its own columns (no second set), in place", async () => {
    const input = await fixture("again.xlsx");
    const first = join(dir, "again.1.xlsx");
    const second = join(dir, "again.2.xlsx");
    await score([input, "--out", first, "--lang", "zh", "--as-of", "2026-01-01"]);
    const r = await score([first, "--out", second, "--as-of", "2026-11-22"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Replaced the risk columns of an earlier run \(H:O\)/);
    const ws = (await load(second)).getWorksheet("Customers")!;
    expect(ws.getRow(1).values).toEqual([undefined, ...ROWS[0], ...EN]);
    expect(ws.getCell("O3").value).toBe("2026-11-22");
    expect(ws.getCell("P1").value).toBeNull();
    const wb = text((await parts(second)).get("xl/workbook.xml"));
    expect(wb.match(/CreditSentinel\.ScoreColumns/g)).toHaveLength(1);
    // The same run on the same input gives the same file.
    const third = join(dir, "again.3.xlsx");
    await score([second, "--out", third, "--as-of", "2026-11-22"]);
    const a = await parts(second);
    const b = await parts(third);
    for (const [name, data] of a) expect(Buffer.compare(b.get(name)!, data)).toBe(0);
  });

  it("a user's formula typed into the risk columns makes them the user's: kept, and a new set goes right of them", async () => {
    const input = await fixture("formula.xlsx");
    const first = join(dir, "formula.1.xlsx");
    await score([input, "--out", first]);
    // The user types =H2*2 into H2 (one of our cells).
    const p = await parts(first);
    const sheet = text(p.get("xl/worksheets/sheet1.xml")).replace(/<c r="H2"><v>([^<]*)<\/v><\/c>/, '<c r="H2"><f>H3*2</f><v>$1</v></c>');
    const edited = join(dir, "formula.edited.xlsx");
    await writeParts(edited, new Map([...p, ["xl/worksheets/sheet1.xml", Buffer.from(sheet)]]));
    const second = join(dir, "formula.2.xlsx");
    const r = await score([edited, "--out", second]);
    expect(r.out).toMatch(/Risk columns written to P:W/);
    const out = text((await parts(second)).get("xl/worksheets/sheet1.xml"));
    expect(out).toContain("<f>H3*2</f>");
    expect((await load(second)).getWorksheet("Customers")!.getCell("P1").value).toBe("Score");
  });

  it("a formula typed into the risk columns far down (past the rows read to plan) is found while writing and kept", async () => {
    const rows: FixtureOptions["rows"] = [...ROWS];
    for (let i = 0; i < 1500; i++) rows.push([`C${i}`, 0.4, 1.5, 3, 100, 1000, 2]);
    const first = join(dir, "formula-far.1.xlsx");
    await score([await fixture("formula-far.xlsx", { rows }), "--out", first]);
    const p = await parts(first);
    const sheet = text(p.get("xl/worksheets/sheet1.xml")).replace(
      /<c r="H1500"><v>([^<]*)<\/v><\/c>/,
      '<c r="H1500"><f>1+1</f><v>2</v></c>',
    );
    expect(sheet).toContain("<f>1+1</f>");
    const edited = join(dir, "formula-far.edited.xlsx");
    await writeParts(edited, new Map([...p, ["xl/worksheets/sheet1.xml", Buffer.from(sheet)]]));
    const second = join(dir, "formula-far.2.xlsx");
    const r = await score([edited, "--out", second]);
    expect(r.out).toMatch(/Risk columns written to P:W/);
    expect(text((await parts(second)).get("xl/worksheets/sheet1.xml"))).toContain('<c r="H1500"><f>1+1</f><v>2</v></c>');
  });

  it("columns under the marker whose header the user retyped are the user's: kept, a new set is appended", async () => {
    const first = join(dir, "retyped.1.xlsx");
    await score([await fixture("retyped.xlsx"), "--out", first]);
    const p = await parts(first);
    const sheet = text(p.get("xl/worksheets/sheet1.xml")).replace("<t>Reasons</t>", "<t>Committee notes</t>");
    const edited = join(dir, "retyped.edited.xlsx");
    await writeParts(edited, new Map([...p, ["xl/worksheets/sheet1.xml", Buffer.from(sheet)]]));
    const r = await score([edited, "--out", join(dir, "retyped.2.xlsx")]);
    expect(r.out).toMatch(/Risk columns written to P:W/);
    const ws = (await load(join(dir, "retyped.2.xlsx"))).getWorksheet("Customers")!;
    expect(ws.getCell("L1").value).toBe("Committee notes");
    expect(ws.getCell("P1").value).toBe("Score");
  });

  it("never overwrites a cell: a far-down cell, a merged range or an unmarked 'Score' column push the risk columns right", async () => {
    // A note in column J, 1,500 rows down (past the rows read to plan): the run starts again and goes right of it.
    const rows: FixtureOptions["rows"] = [...ROWS];
    for (let i = 0; i < 1500; i++) rows.push([`C${i}`, 0.4, 1.5, 3, 100, 1000, 2]);
    rows.push([null, null, null, null, null, null, null, null, null, "note far below"]);
    const input = await fixture("far.xlsx", { rows });
    const out = join(dir, "far.scored.xlsx");
    const r = await score([input, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Risk columns written to K:R/);
    const ws = (await load(out)).getWorksheet("Customers")!;
    expect(ws.getCell(`J${rows.length}`).value).toBe("note far below");
    expect(ws.getCell("K1").value).toBe("Score");

    const merged = await fixture("merged.xlsx", { merges: ["H3:J3"] });
    const r2 = await score([merged, "--out", join(dir, "merged.scored.xlsx")]);
    expect(r2.out).toMatch(/Risk columns written to K:R/);
    // The same merged range in a sheet too long to scan before planning: found while writing, the run starts again.
    const mergedFar = await fixture("merged-far.xlsx", { rows: rows.slice(0, -1), merges: ["H1400:J1401"] });
    const r2b = await score([mergedFar, "--out", join(dir, "merged-far.scored.xlsx")]);
    expect(r2b.out).toMatch(/Risk columns written to K:R/);

    const userScore = await fixture("userscore.xlsx", { rows: ROWS.map((row, i) => [...row, i === 0 ? "Score" : "mine"]) });
    const r3 = await score([userScore, "--out", join(dir, "userscore.scored.xlsx")]);
    expect(r3.out).toMatch(/Risk columns written to I:P/);
    expect((await load(join(dir, "userscore.scored.xlsx"))).getWorksheet("Customers")!.getCell("H2").value).toBe("mine");
  });

  it("--sheet and --header-row choose the table; messages name cells by sheet address", async () => {
    const rows: FixtureOptions["rows"] = [["Customer book, Q3"], [], ...ROWS, ["Bad", "abc", 1, 1, 1, 1, 1]];
    const input = await fixture("titled.xlsx", { rows, sheetName: "Q3 book", merges: ["A1:C1"] });
    const r = await score([input, "--out", join(dir, "titled.out.xlsx"), "--sheet", "q3 BOOK"]);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/sheet 'Q3 book', header row 3/);
    expect(r.err).toContain(`'Q3 book'!B7: debt_ratio (column "Debt ratio"): expected a number but got text "abc".`);
    const ws = (await load(join(dir, "titled.out.xlsx"))).getWorksheet("Q3 book")!;
    expect(ws.getCell("H3").value).toBe("Score");
    expect(ws.getCell("H1").value).toBeNull();
    const byIndex = await score([input, "--out", join(dir, "titled.idx.xlsx"), "--sheet", "1", "--header-row", "3"]);
    expect(byIndex.code).toBe(2);
    const wrong = await score([input, "--out", join(dir, "titled.wrong.xlsx"), "--header-row", "4"]);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/header row 4: .*no column is a recognised factor/);
    const missing = await score([input, "--out", join(dir, "titled.missing.xlsx"), "--sheet", "Q4"]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no worksheet "Q4": the workbook has "Q3 book", "Notes"/);
    const notes = await score([input, "--out", join(dir, "titled.notes.xlsx"), "--sheet", "Notes", "--lang", "zh"]);
    expect(notes.err).toMatch(/titled\.xlsx, Notes：第 1–50 行中没有任何一行含评分因子列名/);
    expect(existsSync(join(dir, "titled.notes.xlsx"))).toBe(false);
  });

  it("reads an exceljs workbook (shared formulas, styles, a second sheet) and keeps it readable", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Customers");
    ws.addRows(ROWS as unknown[][]);
    ws.getCell("H2").value = { formula: "B2*2", result: 0.7 };
    ws.getCell("B2").numFmt = "0.00%";
    wb.addWorksheet("Notes").addRow(["keep me"]);
    const input = join(dir, "exceljs.xlsx");
    await wb.xlsx.writeFile(input);
    const r = await score([input, "--out", join(dir, "exceljs.out.xlsx")]);
    expect(r.code).toBe(0);
    const back = await load(join(dir, "exceljs.out.xlsx"));
    const s = back.getWorksheet("Customers")!;
    expect(s.getCell("H2").value).toEqual({ formula: "B2*2", result: 0.7 });
    expect(s.getCell("B2").numFmt).toBe("0.00%");
    expect(s.getCell("I1").value).toBe("Score");
  });

  it("stops, naming the part, when a part cannot be copied; refuses a file that is not a workbook", async () => {
    const input = await fixture("odd.xlsx");
    const bytes = readFileSync(input);
    // Mark the picture as compressed with method 12 (bzip2), which cannot be read here: local and central headers.
    const name = Buffer.from("xl/media/image1.png");
    let patched = 0;
    for (let i = bytes.indexOf(name); i >= 0; i = bytes.indexOf(name, i + 1)) {
      if (bytes.readUInt32LE(i - 30) === 0x04034b50) {
        bytes.writeUInt16LE(12, i - 30 + 8);
        patched++;
      }
      if (bytes.readUInt32LE(i - 46) === 0x02014b50) {
        bytes.writeUInt16LE(12, i - 46 + 10);
        patched++;
      }
    }
    expect(patched).toBe(2);
    writeFileSync(input, bytes);
    const r = await score([input, "--out", join(dir, "odd.out.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/xl\/media\/image1\.png \(compression method 12\)\); nothing was written/);
    expect(existsSync(join(dir, "odd.out.xlsx"))).toBe(false);
    const fake = join(dir, "fake.xlsx");
    writeFileSync(fake, "Customer,Debt ratio\nA,0.5\n");
    const r2 = await score([fake, "--out", join(dir, "fake.out.xlsx")]);
    expect(r2.code).toBe(1);
    expect(r2.err).toMatch(/is not an \.xlsx workbook/);
  });

  it("never writes over the input workbook; an interrupted run leaves no output and no temporary file", async () => {
    const input = await fixture("keep.xlsx");
    const before = readFileSync(input);
    const same = await score([input, "--out", input, "--force"]);
    expect(same.code).toBe(1);
    expect(same.err).toMatch(/refusing to write/);
    const rows: FixtureOptions["rows"] = [ROWS[0]];
    for (let i = 0; i < CHUNK_ROWS * 2; i++) rows.push([`C${i}`, 0.4, 1.5, 3, 100, 1000, 2]);
    const sub = tempDir("score-xlsx-interrupt-");
    const big = join(sub, "big.xlsx");
    await writeFixture(big, { rows });
    let chunks = 0;
    expect((await score([big, "--out", join(sub, "counted.xlsx")], { afterChunk: (c) => void (chunks = c) })).code).toBe(0);
    expect(chunks).toBe(2); // scored a chunk at a time, not all rows at once
    const out = join(sub, "big.scored.xlsx");
    const r = await score([big, "--out", out], {
      afterChunk: () => {
        throw new Error("power cut");
      },
    });
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(leftovers(sub)).toEqual([]);
    expect(existsSync(join(sub, "counted.xlsx"))).toBe(true);
    expect(readFileSync(input).equals(before)).toBe(true);
  });
});

/** Writes a package from parts (for inputs edited by a test). */
async function writeParts(path: string, parts: Map<string, Buffer>): Promise<void> {
  const yazl = await import("yazl");
  const { createWriteStream } = await import("node:fs");
  await new Promise<void>((resolve, reject) => {
    const zip = new yazl.ZipFile();
    for (const [name, data] of parts) zip.addBuffer(data, name, { mtime: new Date(Date.UTC(2026, 0, 1)) });
    zip.outputStream.pipe(createWriteStream(path)).on("finish", resolve).on("error", reject);
    zip.end();
  });
}

it("the fixture is deterministic (so tests do not depend on a committed binary)", () => {
  const a = fixtureParts({ rows: ROWS });
  const b = fixtureParts({ rows: ROWS });
  expect(a.map(([n, d]) => [n, d.toString("hex")])).toEqual(b.map(([n, d]) => [n, d.toString("hex")]));
});

describe("a damaged sheet part is reported in the user's language (detail from the message catalogue)", () => {
  it.each([
    ["row number", /<row r="2"/, '<row r="0"', 'row number "0"', "行号“0”无效"],
    ["cell reference", /<c r="B2"/, '<c r="B2B"', 'cell reference "B2B"', "单元格引用“B2B”无效"],
  ])("%s", async (what, find, replace, en, zh) => {
    const p = new Map(fixtureParts({ rows: ROWS }));
    const sheet = text(p.get("xl/worksheets/sheet1.xml"));
    expect(sheet).toMatch(find);
    const damaged = join(dir, `damaged-${what.replace(" ", "-")}.xlsx`);
    await writeParts(damaged, new Map([...p, ["xl/worksheets/sheet1.xml", Buffer.from(sheet.replace(find, replace))]]));
    const e = await score([damaged, "--out", join(dir, `damaged-${what.replace(" ", "-")}.en.xlsx`)]);
    expect(e.code).toBe(1);
    expect(e.err).toContain(`part xl/worksheets/sheet1.xml is damaged (${en}).`);
    const z = await score([damaged, "--out", join(dir, `damaged-${what.replace(" ", "-")}.zh.xlsx`), "--lang", "zh"]);
    expect(z.code).toBe(1);
    expect(z.err).toContain(`部件 xl/worksheets/sheet1.xml 已损坏（${zh}）。`);
    expect(z.err).not.toContain(en);
  });

  it("far down the sheet", async () => {
    const rows: FixtureOptions["rows"] = [...ROWS];
    for (let i = 0; i < 1500; i++) rows.push([`C${i}`, 0.4, 1.5, 3, 100, 1000, 2]);
    const p = new Map(fixtureParts({ rows }));
    const sheet = text(p.get("xl/worksheets/sheet1.xml"));
    expect(sheet).toContain('<row r="1400"');
    const damaged = join(dir, "damaged-far.xlsx");
    await writeParts(damaged, new Map([...p, ["xl/worksheets/sheet1.xml", Buffer.from(sheet.replace('<row r="1400"', '<row r="-1"'))]]));
    const e = await score([damaged, "--out", join(dir, "damaged-far.en.xlsx")]);
    expect(e).toMatchObject({ code: 1, err: expect.stringContaining('part xl/worksheets/sheet1.xml is damaged (row number "-1").') });
    const z = await score([damaged, "--out", join(dir, "damaged-far.zh.xlsx"), "--lang", "zh"]);
    expect(z).toMatchObject({ code: 1, err: expect.stringContaining("部件 xl/worksheets/sheet1.xml 已损坏（行号“-1”无效）。") });
  });
});
