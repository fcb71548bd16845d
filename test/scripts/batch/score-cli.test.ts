import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "../../../scripts/score";
import { parseCsv } from "../../../scripts/batch/csv";
import { CHUNK_ROWS } from "../../../scripts/batch/table";
import { encodeGbk, encodeUtf16, leftovers, removeTempDirs, score, tempDir } from "./helpers";

const dir = tempDir("score-cli-");
afterAll(removeTempDirs);
const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");
const read = (path: string) => parseCsv(readFileSync(path, "utf8"));

const CHINESE = [
  "客户名称,资产负债率,流动比率,利息保障倍数,净资产,营业收入,平均逾期天数,账期",
  "甲公司,0.35,2.1,8,2000000,10000000,0,60",
  '"Beta, Ltd",0.95,0.6,0.4,-100,500000,45,30',
  "Gamma,n/a,,,,,,",
  'Delta,0.5,"1,234",3,100000,800000,5,30',
].join("\n");
const ZH_HEADER = ["信用评分", "等级", "违约概率(12个月)", "数据覆盖率", "主要扣分原因", "建议信用额度", "额度规则", "评估日期"];
const EN_HEADER = ["Score", "Band", "PD (12m)", "Coverage", "Reasons", "Recommended limit", "Limit rule", "As of"];

function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

describe("npm run score: CSV", () => {
  const csvIn = file("customers.csv", CHINESE);

  it("appends score, band, PD, coverage, reasons and limit columns to a Chinese-headed CSV", async () => {
    const out = join(dir, "out.csv");
    const r = await score([csvIn, "--out", out, "--as-of", "2026-11-22", "--lang", "zh"]);
    // Delta's current ratio "1,234" is text in a comma file: that row carries an error, so exit code 2.
    expect(r.code).toBe(2);
    const text = readFileSync(out, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(text);
    expect(rows[0].slice(8)).toEqual(ZH_HEADER);
    const [good, weak, blank, bad] = rows.slice(1);
    expect(Number(good[8])).toBeGreaterThan(Number(weak[8]));
    expect(["A", "B", "C", "D", "E"]).toContain(good[9]);
    expect(Number(good[13])).toBeGreaterThan(0);
    expect(weak[13]).toBe("0");
    expect(weak[14]).toBe("预付款（净资产≤0）");
    expect(good[15]).toBe("2026-11-22");
    expect(blank.slice(8).every((c) => c === "")).toBe(true);
    expect(bad[8]).toMatch(/^#VALUE! .*1,234/);
    expect(bad[9]).toBe("#VALUE!");
    expect(r.err).toMatch(/1 行无法评分/);
    expect(r.err).toContain("customers.csv!C5");
    expect(r.out).toMatch(/表头行 1/);
  });

  it("keeps the original columns untouched", async () => {
    const out = join(dir, "out2.csv");
    await score([csvIn, "--out", out, "--as-of", "2026-11-22"]);
    const original = parseCsv(CHINESE);
    const written = read(out);
    written.forEach((r, i) => expect(r.slice(0, 8)).toEqual(original[i]));
    expect(written[0].slice(8)).toEqual(EN_HEADER);
  });

  it("reads a GBK (GB18030) CSV saved by Chinese Excel: Chinese headers are recognised, not ignored", async () => {
    const gbk = file("gbk.csv", encodeGbk(CHINESE.split("\n").slice(0, 3).join("\r\n") + "\r\n"));
    const utf8 = file("utf8.csv", CHINESE.split("\n").slice(0, 3).join("\n"));
    const r = await score([gbk, "--out", join(dir, "gbk.scored.csv")]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/GB18030/);
    const fromGbk = read(join(dir, "gbk.scored.csv"));
    await score([utf8, "--out", join(dir, "utf8.scored.csv")]);
    const fromUtf8 = read(join(dir, "utf8.scored.csv"));
    // Same scores, limits and reasons as the UTF-8 file; the output is UTF-8 with the Chinese text intact.
    expect(fromGbk).toEqual(fromUtf8);
    expect(fromGbk[1][0]).toBe("甲公司");
    expect(fromGbk[0][1]).toBe("资产负债率");
  });

  it("reads UTF-16 LE and BE with a byte-order mark (Excel's 'Unicode Text', tab-separated)", async () => {
    const text = CHINESE.split("\n")
      .slice(0, 3)
      .map((l) => l.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, "\t").replace(/"/g, ""))
      .join("\r\n");
    for (const endian of ["le", "be"] as const) {
      const p = file(`u16${endian}.txt`, encodeUtf16(text, endian));
      const out = join(dir, `u16${endian}.scored.txt`);
      const r = await score([p, "--out", out]);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(endian === "le" ? /UTF-16 LE with BOM, tab-separated/ : /UTF-16 BE with BOM, tab-separated/);
      const rows = parseCsv(readFileSync(out, "utf8"), "\t");
      expect(rows[0][1]).toBe("资产负债率");
      expect(rows[1][0]).toBe("甲公司");
      expect(Number(rows[1][8])).toBeGreaterThan(0);
    }
  });

  it("reads a semicolon file with decimal commas: 0,95 is 0.95 and 1.234,5 is 1234.5, never 0", async () => {
    const dot = file(
      "dot.csv",
      "Customer,Debt ratio,Current ratio,Equity,Sales,Terms\nA,0.95,1.5,1234.5,1000000,30\nB,0.2,2.5,2000000,9000000,60\n",
    );
    const eu = file(
      "eu.csv",
      "Kunde;Debt ratio;Current ratio;Equity;Sales;Terms\r\nA;0,95;1,5;1.234,5;1.000.000;30\r\nB;0,2;2,5;2.000.000;9.000.000;60\r\n",
    );
    const r = await score([eu, "--out", join(dir, "eu.scored.csv")]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/semicolon-separated, decimal ,/);
    await score([dot, "--out", join(dir, "dot.scored.csv")]);
    const euRows = parseCsv(readFileSync(join(dir, "eu.scored.csv"), "utf8"), ";");
    const dotRows = read(join(dir, "dot.scored.csv"));
    // The same scores, bands, limits and rules as the decimal-point file …
    for (const i of [1, 2]) {
      expect(euRows[i][6].replace(",", ".")).toBe(dotRows[i][6]);
      expect(euRows[i].slice(7, 8)).toEqual(dotRows[i].slice(7, 8));
      expect(euRows[i][11]).toBe(dotRows[i][11]);
      expect(euRows[i][12]).toBe(dotRows[i][12]);
    }
    // … written back with the file's own delimiter and decimal comma; the user's cells as they were.
    expect(euRows[1].slice(0, 6)).toEqual(["A", "0,95", "1,5", "1.234,5", "1.000.000", "30"]);
    expect(euRows[1][8]).toMatch(/^0,\d+$/);
    // 0,95 read as 0 would have made A the safer customer.
    expect(Number(euRows[1][6].replace(",", "."))).toBeLessThan(Number(euRows[2][6].replace(",", ".")));
  });

  it("honours Excel's sep= line and an explicit --delimiter/--decimal", async () => {
    const p = file("sep.csv", "sep=;\r\nCustomer;Debt ratio\r\nA;0,5\r\n");
    const r = await score([p, "--out", join(dir, "sep.scored.csv")]);
    expect(r.code).toBe(0);
    const lines = readFileSync(join(dir, "sep.scored.csv"), "utf8").split("\r\n");
    expect(lines[0]).toBe("\ufeffsep=;");
    expect(lines[1].startsWith("Customer;Debt ratio;Score")).toBe(true);
    const forced = file("forced.csv", "Customer|x\nA;0.5\n".replace("|x", ";Debt ratio"));
    const r2 = await score([forced, "--out", join(dir, "forced.scored.csv"), "--delimiter", "semicolon", "--decimal", "."]);
    expect(r2.code).toBe(0);
    expect(r2.out).toMatch(/decimal \./);
  });

  it("neutralises formula-like text in the CSV it writes; numbers stay numbers", async () => {
    const p = file(
      "inject.csv",
      [
        "Customer,Debt ratio,Note",
        '"=HYPERLINK(""http://evil"",""click"")",0.5,+1+1',
        "@SUM(A1),-0.5,-2+3",
        '"\tTab",0.4,＝1+1',
        '" =1+2",0.3,＋1',
        "-,0.3,-",
        "Acme,0.3,-5",
      ].join("\n"),
    );
    const out = join(dir, "inject.scored.csv");
    const r = await score([p, "--out", out]);
    const rows = read(out);
    expect(rows[1][0]).toBe('\'=HYPERLINK("http://evil","click")');
    expect(rows[1][2]).toBe("'+1+1");
    expect(rows[2][0]).toBe("'@SUM(A1)");
    expect(rows[2][1]).toBe("-0.5"); // a number (out of range for a debt ratio: that row has an error, not a formula)
    expect(rows[2][2]).toBe("'-2+3");
    expect(rows[3][0]).toBe("'\tTab");
    expect(rows[3][2]).toBe("'＝1+1");
    expect(rows[4][0]).toBe("' =1+2");
    expect(rows[4][2]).toBe("'＋1");
    expect(rows[5][0]).toBe("-"); // "unknown" marker, not a formula
    expect(rows[6][2]).toBe("-5");
    // No cell of the output starts a formula.
    for (const row of rows) for (const cell of row) expect(cell.trimStart().normalize("NFKC")).not.toMatch(/^[=+@]|^-(?![\d.,]|$|-)/);
    expect(r.code).toBe(2);
  });

  it("finds the header row below a title, and --header-row chooses it; messages name sheet cells", async () => {
    const p = file(
      "titled.csv",
      ["Customer book Q3,,", ",,", "Customer,Debt ratio,Avg days late", "A,0.4,3", "B,abc,5", "C,0.6,9"].join("\n"),
    );
    const r = await score([p, "--out", join(dir, "titled.scored.csv")]);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/header row 3/);
    expect(r.err).toContain('titled.csv!B5: debt_ratio (column "Debt ratio"): expected a number but got text "abc".');
    const rows = read(join(dir, "titled.scored.csv"));
    expect(rows[0]).toEqual(["Customer book Q3", "", ""]); // rows above the header are copied, not given risk columns
    expect(rows[2].slice(3, 5)).toEqual(["Score", "Band"]);
    const wrong = await score([p, "--out", join(dir, "titled2.csv"), "--header-row", "1"]);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/header row 1: .*no column is a recognised factor/);
    expect(existsSync(join(dir, "titled2.csv"))).toBe(false);
  });

  it("re-scoring a scored file replaces the CLI's own columns instead of appending a second set", async () => {
    const first = join(dir, "rescore1.csv");
    const second = join(dir, "rescore2.csv");
    const third = join(dir, "rescore3.csv");
    await score([csvIn, "--out", first, "--lang", "zh", "--as-of", "2026-01-01"]);
    const r = await score([first, "--out", second, "--as-of", "2026-11-22"]);
    expect(r.out).toMatch(/Replaced the risk columns of an earlier run \(I:P\)/);
    const rows = read(second);
    expect(rows[0]).toEqual([...parseCsv(CHINESE)[0], ...EN_HEADER]);
    expect(rows[1][15]).toBe("2026-11-22");
    await score([second, "--out", third, "--as-of", "2026-11-22"]);
    expect(readFileSync(third, "utf8")).toBe(readFileSync(second, "utf8"));
  });

  it("never removes a user's column: a lone 'Score' column, or data right of the block, keeps everything", async () => {
    const own = file("userscore.csv", "Customer,Debt ratio,Score\nA,0.4,my own 7\n");
    await score([own, "--out", join(dir, "userscore.scored.csv")]);
    const rows = read(join(dir, "userscore.scored.csv"));
    expect(rows[0].slice(0, 4)).toEqual(["Customer", "Debt ratio", "Score", "Score"]);
    expect(rows[1][2]).toBe("my own 7");
    // A block that differs from the CLI's in one header (the user's "As at") is the user's: kept whole.
    const near = file("near.csv", "Customer,Debt ratio,Score,Band,PD (12m),Coverage,Reasons,As at\nA,0.4,1,2,3,4,5,6\n");
    await score([near, "--out", join(dir, "near.scored.csv")]);
    const nearRows = read(join(dir, "near.scored.csv"));
    expect(nearRows[0].slice(2, 9)).toEqual(["Score", "Band", "PD (12m)", "Coverage", "Reasons", "As at", "Score"]);
    expect(nearRows[1].slice(2, 8)).toEqual(["1", "2", "3", "4", "5", "6"]);
    // A scored file whose rows have user data right of the risk columns: the block is not taken for ours.
    const scored = join(dir, "right.csv");
    await score([file("right-in.csv", "Customer,Debt ratio\nA,0.4\nB,0.5\n"), "--out", scored]);
    const withNote = readFileSync(scored, "utf8").replace(/\r\nB,0.5,(.*)\r\n/, (_m, rest) => `\r\nB,0.5,${rest},note by user\r\n`);
    writeFileSync(scored, withNote);
    const again = join(dir, "right.again.csv");
    expect((await score([scored, "--out", again])).code).toBe(0);
    const back = read(again);
    expect(back[2]).toContain("note by user");
    expect(back[0].filter((h) => h === "Score")).toHaveLength(2);
    expect(back[0].length).toBe(2 + 6 + 1 + 6); // user columns + old block + the note's column + new block (6 columns: no limit inputs)
  });

  it("a row longer than the header pushes the risk columns right of it (nothing overwritten)", async () => {
    const p = file("ragged.csv", "Customer,Debt ratio\nA,0.4\nB,0.5,extra,more\n");
    const out = join(dir, "ragged.scored.csv");
    expect((await score([p, "--out", out])).code).toBe(0);
    const rows = read(out);
    expect(rows[0].slice(4, 6)).toEqual(["Score", "Band"]);
    expect(rows[2].slice(0, 4)).toEqual(["B", "0.5", "extra", "more"]);
    expect(Number(rows[2][4])).toBeGreaterThan(0);
  });

  it("never writes over its input, however --out names it, and never replaces a file without --force", async () => {
    const p = file("precious.csv", CHINESE);
    const before = sha(p);
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      for (const out of [p, "./precious.csv", `../${dir.split("/").pop()}/precious.csv`, "PRECIOUS.csv"]) {
        const r = await score([p, "--out", out, "--force"]);
        expect(r.code).toBe(1);
        expect(r.err).toMatch(/refusing to write .*it is the input file/);
      }
    } finally {
      process.chdir(cwd);
    }
    const out = file("taken.csv", "precious too");
    const r = await score([p, "--out", out]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/already exists\. Add --force/);
    expect(readFileSync(out, "utf8")).toBe("precious too");
    expect((await score([p, "--out", out, "--force"])).code).toBe(2);
    expect(read(out)[0].slice(8)).toEqual(EN_HEADER);
    expect(sha(p)).toBe(before);
  });

  it("an interrupted run leaves no half-written output and no temporary file", async () => {
    const rows = ["Customer,Debt ratio"];
    for (let i = 0; i < CHUNK_ROWS * 2 + 10; i++) rows.push(`C${i},0.${i % 10}`);
    const sub = tempDir("score-interrupt-");
    const p = join(sub, "many.csv");
    writeFileSync(p, rows.join("\n"));
    const out = join(sub, "many.scored.csv");
    let seen = 0;
    const r = await score([p, "--out", out], {
      afterChunk: (n) => {
        seen = n;
        if (n === 1) throw new Error("power cut");
      },
    });
    expect(seen).toBe(1);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/power cut/);
    expect(existsSync(out)).toBe(false);
    expect(leftovers(sub)).toEqual([]);
  });

  it("scores more rows than the old reader could (~130,000 crashed it) with one chunk at a time", async () => {
    const n = 140_000;
    const sub = tempDir("score-big-");
    const p = join(sub, "big.csv");
    const parts = ["Customer,Debt ratio,Current ratio,Avg days late\n"];
    for (let i = 0; i < n; i++) parts.push(`C${i},0.${i % 97},${1 + (i % 30) / 10},${i % 60}\n`);
    writeFileSync(p, parts.join(""));
    let chunks = 0;
    const r = await score([p, "--out", join(sub, "big.scored.csv")], { afterChunk: (c) => void (chunks = c) });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/140,000 rows scored/);
    expect(chunks).toBe(Math.ceil(n / CHUNK_ROWS));
  }, 120_000);

  it("stops with a message, not garbage, on a file that is neither UTF-8 nor GB18030", async () => {
    const latin = Buffer.concat([
      Buffer.from("Kunde;Debt ratio\r\nM"),
      Buffer.from([0xfc]),
      Buffer.from("ller GmbH;0,4\r\nSoci"),
      Buffer.from([0xe9]),
      Buffer.from("t"),
    ]);
    const p = file(
      "latin1.csv",
      Buffer.concat([latin, Buffer.from([0xe9]), Buffer.from(" G"), Buffer.from([0xe9]), Buffer.from("n;0,5\r\n")]),
    );
    const r = await score([p, "--out", join(dir, "latin1.scored.csv")]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/is not UTF-8 .*--encoding/);
    expect(existsSync(join(dir, "latin1.scored.csv"))).toBe(false);
    const ok = await score([p, "--out", join(dir, "latin1.scored.csv"), "--encoding", "windows-1252"]);
    expect(ok.code).toBe(0);
    expect(parseCsv(readFileSync(join(dir, "latin1.scored.csv"), "utf8"), ";")[1][0]).toBe("Müller GmbH");
  });

  it("decodes strictly: a byte that is invalid in the file's encoding stops the run, never becomes \ufffd", async () => {
    const p = file(
      "badbom.csv",
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from("Customer,Debt ratio\r\nA"),
        Buffer.from([0xff]),
        Buffer.from(",0.5\r\n"),
      ]),
    );
    const r = await score([p, "--out", join(dir, "badbom.scored.csv")]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/is not valid utf-8 near byte/);
    expect(existsSync(join(dir, "badbom.scored.csv"))).toBe(false);
  });
});

describe("npm run score: exit codes and arguments", () => {
  it("0 when every row scored, 2 when some rows carry errors, 1 when nothing could be scored", async () => {
    const all = file("all.csv", "Customer,Debt ratio\nA,0.3\nB,0.6\n");
    expect((await score([all, "--out", join(dir, "all.out.csv")])).code).toBe(0);
    const some = file("some.csv", "Customer,Debt ratio\nA,0.3\nB,lots\nC,more\n");
    const r = await score([some, "--out", join(dir, "some.out.csv")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^2 rows could not be scored/m);
    const none = file("none.csv", "Customer,Debt ratio\nA,lots\n");
    const r1 = await score([none, "--out", join(dir, "none.out.csv")]);
    expect(r1.code).toBe(1);
    expect(r1.err).toMatch(/No row could be scored; the reasons are in/);
    const empty = file("empty.csv", "Customer,Debt ratio\n");
    const r2 = await score([empty, "--out", join(dir, "empty.out.csv")]);
    expect(r2.code).toBe(1);
    expect(r2.err).toMatch(/no data rows under header row 1/);
    expect(existsSync(join(dir, "empty.out.csv"))).toBe(false);
    const zero = file("zero.csv", "");
    const r3 = await score([zero, "--out", join(dir, "zero.out.csv")]);
    expect(r3.code).toBe(1);
    expect(r3.err).toMatch(/zero\.csv is empty/);
  });

  it("fails clearly on a missing file, an unknown format, unknown flags and bad values (exit 1)", async () => {
    const r = await score([join(dir, "nope.csv")]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/input file not found/);
    const pdf = file("x.pdf", "a");
    expect((await score([pdf])).err).toMatch(/give a \.csv or \.xlsx/);
    expect((await score([file("old.xls", "a")])).err).toMatch(/save it as \.xlsx/);
    const u = await score([pdf, "--frobnicate"]);
    expect(u.code).toBe(1);
    expect(u.err).toMatch(/unknown option --frobnicate/);
    expect(u.err).toMatch(/--help/);
    expect((await score([pdf, "--out"])).err).toMatch(/--out needs a value/);
    expect(parseArgs(["x.csv", "--as-of", "2026-13-01"], "2026-01-01")).toMatchObject({ error: expect.stringMatching(/--as-of/) });
    expect(parseArgs([], "2026-01-01")).toMatchObject({ error: expect.stringMatching(/no input file/) });
    expect(parseArgs(["a.csv", "b.csv"], "2026-01-01")).toMatchObject({ error: expect.stringMatching(/only one input file/) });
    expect(parseArgs(["a.csv", "--lang", "fr"], "2026-01-01")).toMatchObject({ error: expect.stringMatching(/--lang must be en or zh/) });
    expect(parseArgs(["a.csv", "--delimiter", "|"], "2026-01-01")).toMatchObject({ error: expect.stringMatching(/--delimiter/) });
    expect(parseArgs(["a.csv", "--header-row", "0"], "2026-01-01")).toMatchObject({ error: expect.stringMatching(/--header-row/) });
    expect(parseArgs(["a.csv", "--encoding", "klingon"], "2026-01-01")).toMatchObject({ error: expect.stringMatching(/--encoding/) });
    expect(parseArgs(["a.csv", "--unknown", "--lang", "zh"], "2026-01-01")).toMatchObject({ error: "未知选项 --unknown。", lang: "zh" });
    const csv = file("opt.csv", "Customer,Debt ratio\nA,0.3\n");
    expect((await score([csv, "--sheet", "x"])).err).toMatch(/--sheet applies to \.xlsx files only/);
  });

  it("--help prints the usage in the chosen language (exit 0)", async () => {
    const en = await score(["--help"]);
    expect(en.code).toBe(0);
    expect(en.out).toMatch(/^Usage: npm run score/);
    expect(en.out).toMatch(/--header-row/);
    const zh = await score(["-h", "--lang", "zh"]);
    expect(zh.out).toMatch(/^用法/);
  });

  it("a table with no recognised column fails with the accepted keys named", async () => {
    const f = file("colours.csv", "colour,size\nred,3\n");
    const r = await score([f, "--as-of", "2026-11-22"]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/none of rows 1–2 names a scoring factor.*debt_ratio/);
  });
});
