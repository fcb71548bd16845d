import { writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  csvCellValue,
  csvSafe,
  detectDecimal,
  formatCsv,
  formatNumber,
  parseCsv,
  sepLine,
  sniffDelimiter,
} from "../../../scripts/batch/csv";
import { MESSAGES, USAGE } from "../../../scripts/batch/messages";
import { detectEncoding, firstInvalidUtf8, looksLikeGb18030 } from "../../../scripts/io/encoding";
import { encodeGbk, encodeUtf16, removeTempDirs, tempDir } from "./helpers";

const dir = tempDir("csv-encoding-");
afterAll(removeTempDirs);
const file = (name: string, data: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};

describe("csv (csv-parse)", () => {
  it("round-trips quotes, commas, line breaks and a BOM", () => {
    const rows = [
      ["a", 'say "hi"', "x,y"],
      ["line\nbreak", "", "中文"],
      ["cr\r\nlf", "tail ", " lead"],
    ];
    expect(parseCsv("\ufeff" + formatCsv(rows))).toEqual(rows);
    expect(parseCsv(formatCsv(rows, ";"), ";")).toEqual(rows);
  });

  it("keeps ragged rows, blank lines and quotes inside unquoted fields; a trailing newline adds no row", () => {
    expect(parseCsv('a,b\n1\n\n2,x"y,3\r\n')).toEqual([["a", "b"], ["1"], [""], ["2", 'x"y', "3"]]);
    expect(parseCsv("a;b\r1;2\r", ";")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("turns only plain numeric text into numbers", () => {
    expect(csvCellValue("0.35")).toBe(0.35);
    expect(csvCellValue(" -1e3 ")).toBe(-1000);
    expect(csvCellValue("1,234")).toBe("1,234");
    expect(csvCellValue("n/a")).toBe("n/a");
  });

  it("reads decimal commas, with dots or spaces grouping thousands; anything else stays text", () => {
    expect(csvCellValue("0,95", ",")).toBe(0.95);
    expect(csvCellValue("-0,5", ",")).toBe(-0.5);
    expect(csvCellValue("1.234,5", ",")).toBe(1234.5);
    expect(csvCellValue("1.234.567", ",")).toBe(1234567);
    expect(csvCellValue("1 234,5", ",")).toBe(1234.5);
    expect(csvCellValue("12", ",")).toBe(12);
    expect(csvCellValue("0.95", ",")).toBe("0.95"); // not silently 0 or 95: the engine names it
    expect(csvCellValue("1,2,3", ",")).toBe("1,2,3");
    expect(formatNumber(0.0123, ",")).toBe("0,0123");
    expect(formatNumber(0.0123, ".")).toBe("0.0123");
  });

  it("detects the delimiter from the header and the rows, and Excel's sep= line", () => {
    expect(sniffDelimiter("a,b,c\n1,2,3\n")).toBe(",");
    expect(sniffDelimiter("Kunde;Quote;Umsatz\nA;0,95;1,2\nB;0,5;3,4\n")).toBe(";");
    expect(sniffDelimiter("a\tb\n1\t2\n")).toBe("\t");
    expect(sniffDelimiter('"x;y",b\n1,2\n')).toBe(",");
    expect(sniffDelimiter("single\n1\n")).toBe(",");
    expect(sepLine("sep=;\r\na;b\r\n")).toBe(";");
    expect(sepLine("a;b\r\n")).toBeNull();
  });

  it("detects the decimal mark of semicolon and tab files from their numbers", () => {
    expect(detectDecimal([["A", "0,95"]], ";")).toEqual({ decimal: ",", mixed: false });
    expect(detectDecimal([["A", "0.95"]], ";")).toEqual({ decimal: ".", mixed: false });
    expect(detectDecimal([["A", "1.234"]], ";")).toEqual({ decimal: ",", mixed: false }); // ambiguous: the semicolon convention
    expect(detectDecimal([["A", "1.234"]], "\t")).toEqual({ decimal: ".", mixed: false });
    expect(
      detectDecimal(
        [
          ["A", "0,95"],
          ["B", "0,5"],
          ["C", "0.5"],
        ],
        ";",
      ),
    ).toEqual({ decimal: ",", mixed: true });
    expect(detectDecimal([["A", "0,95"]], ",")).toEqual({ decimal: ".", mixed: false });
  });

  it("neutralises text a spreadsheet would run as a formula, like the pane's write guard", () => {
    for (const s of [
      "=1+1",
      "+1+1",
      "-2+3",
      "@SUM(A1)",
      "\tx",
      "\rx",
      "  =1",
      "\u3000=1",
      "＝1",
      "＋1",
      "－1+2",
      "＠A1",
      '=HYPERLINK("http://x")',
    ])
      expect(csvSafe(s)).toBe("'" + s);
    for (const s of ["Acme", "", "-5", "+5", "-0.5", "1e3", "-", "--", "—", "'quoted", "a=b", "#N/A"]) expect(csvSafe(s)).toBe(s);
    expect(csvSafe("-0,5", ",")).toBe("-0,5");
    expect(csvSafe("-0,5", ".")).toBe("'-0,5");
  });
});

describe("encoding detection", () => {
  const text = "客户名称,资产负债率\r\n甲公司,0.35\r\n";
  it("reads byte-order marks: UTF-8, UTF-16 LE, UTF-16 BE", async () => {
    expect(await detectEncoding(file("bom8.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])))).toEqual({
      label: "utf-8",
      bomLength: 3,
      how: "bom",
    });
    expect(await detectEncoding(file("le.csv", encodeUtf16(text, "le")))).toEqual({ label: "utf-16le", bomLength: 2, how: "bom" });
    expect(await detectEncoding(file("be.csv", encodeUtf16(text, "be")))).toEqual({ label: "utf-16be", bomLength: 2, how: "bom" });
  });

  it("takes valid UTF-8 without a BOM as UTF-8, and GBK bytes as GB18030", async () => {
    expect(await detectEncoding(file("u8.csv", text))).toEqual({ label: "utf-8", bomLength: 0, how: "detected" });
    expect(await detectEncoding(file("gbk.csv", encodeGbk(text)))).toEqual({ label: "gb18030", bomLength: 0, how: "detected" });
  });

  it("finds invalid UTF-8 anywhere in a large file, also across read chunks", async () => {
    const head = Buffer.alloc((1 << 20) - 1, 0x61);
    const p = file("late.csv", Buffer.concat([head, Buffer.from("中"), Buffer.from([0xc3]), Buffer.from("x")]));
    expect(await firstInvalidUtf8(p)).toBe(head.length + 3);
    expect(await firstInvalidUtf8(file("split.csv", Buffer.concat([head, Buffer.from("中文")])))).toBe(-1);
  });

  it("does not take Western European text for Chinese: it asks for --encoding", async () => {
    const latin = Buffer.from("Kunde;Stra\u00dfe\r\nM\u00fcller;Soci\u00e9t\u00e9 G\u00e9n\u00e9rale\r\n", "latin1");
    expect(looksLikeGb18030(latin)).toBe(false);
    // Accented letters followed by letters are well-formed GBK pairs: only their shape (a lone high byte) tells them apart.
    const pairs = Buffer.from("Kunde;Ort\r\nM\u00fcller;K\u00f6ln\r\nG\u00e9n\u00e9rale;Se\u00f1or\r\n", "latin1");
    expect(new TextDecoder("gb18030", { fatal: true }).decode(pairs)).toBeTruthy();
    expect(looksLikeGb18030(pairs)).toBe(false);
    expect(looksLikeGb18030(encodeGbk(text))).toBe(true);
    expect(await detectEncoding(file("latin.csv", latin))).toMatchObject({ kind: "not-utf8" });
    expect(await detectEncoding(file("latin2.csv", latin), "windows-1252")).toEqual({ label: "windows-1252", bomLength: 0, how: "given" });
    expect(await detectEncoding(file("nobom16.csv", Buffer.from("a,b\r\n\u00e9,1\r\n", "utf16le")))).toMatchObject({
      kind: "utf16-no-bom",
    });
    expect(await detectEncoding(file("x.csv", "a"), "klingon")).toEqual({ kind: "unknown-encoding", label: "klingon" });
  });
});

describe("messages", () => {
  it("every CLI message exists in English and Chinese", () => {
    expect(Object.keys(MESSAGES.zh).sort()).toEqual(Object.keys(MESSAGES.en).sort());
    for (const lang of ["en", "zh"] as const) {
      for (const [key, fn] of Object.entries(MESSAGES[lang])) {
        const out = (fn as (...a: unknown[]) => string)("a", "b", "c", "d", 5);
        expect({ key, lang, ok: typeof out === "string" && out.length > 0 }).toEqual({ key, lang, ok: true });
      }
    }
    expect(USAGE.zh.split("\n").filter((l) => l.trim().startsWith("-")).length).toBe(
      USAGE.en.split("\n").filter((l) => l.trim().startsWith("-")).length,
    );
  });
});
