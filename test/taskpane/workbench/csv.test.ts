import { csvValue, decodeText, detectDelimiter, parseDelimited, readCsv } from "../../../src/taskpane/workbench/csv";
import { encodeGb18030 } from "../../../scripts/lib/gb18030";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("encoding", () => {
  test("a UTF-8 byte-order mark is dropped; plain UTF-8 is UTF-8", () => {
    expect(decodeText(utf8("\ufeffID,名称\n"))).toEqual({ text: "ID,名称\n", encoding: "utf-8" });
    expect(decodeText(utf8("ID,名称\n"))).toEqual({ text: "ID,名称\n", encoding: "utf-8" });
  });

  test("bytes that are not UTF-8 are read as GB18030 (Excel in Chinese)", () => {
    const bytes = encodeGb18030("客户编号,资产负债率\r\nKH0001,0.55\r\n");
    expect(decodeText(bytes)).toEqual({ text: "客户编号,资产负债率\r\nKH0001,0.55\r\n", encoding: "gb18030" });
  });

  test("UTF-16 with a byte-order mark (Excel's 'Unicode text')", () => {
    const le = new Uint8Array([0xff, 0xfe, ...[..."ID\t名"].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect(decodeText(le)).toEqual({ text: "ID\t名", encoding: "utf-16le" });
  });
});

describe("separator", () => {
  test("comma, semicolon and tab files are told apart, quotes respected", () => {
    expect(detectDelimiter('ID,Name,Debt ratio\nC1,"Acme; Ltd",0.5\nC2,"B, C",0.7\n')).toBe(",");
    expect(detectDelimiter("ID;Name;Debt ratio\nC1;Acme, Ltd;0,5\nC2;B;0,7\n")).toBe(";");
    expect(detectDelimiter("ID\tName\tDebt ratio\nC1\tAcme, Ltd; x\t0.5\n")).toBe("\t");
  });

  test("a single column falls back to comma", () => {
    expect(detectDelimiter("ID\nC1\nC2\n")).toBe(",");
  });

  test("Excel's sep= line decides and is not a row", () => {
    const t = readCsv(utf8("sep=;\nID;Debt ratio\nC1;0,5\n"));
    expect(t?.delimiter).toBe(";");
    expect(t?.headers).toEqual(["ID", "Debt ratio"]);
    expect(t?.rows).toEqual([["C1", 0.5]]);
  });
});

describe("fields and values", () => {
  test("RFC 4180 quoting: doubled quotes, separators and line breaks inside quotes, CRLF", () => {
    expect(parseDelimited('a,"b ""x"", c","line\r\nbreak"\r\n1,2,3\r\n', ",")).toEqual([
      ["a", 'b "x", c', "line\r\nbreak"],
      ["1", "2", "3"],
    ]);
  });

  test("numbers, ISO dates and text; nothing ambiguous is guessed", () => {
    expect(csvValue("-12.5", false)).toEqual({ value: -12.5, kind: "number" });
    expect(csvValue(" 1e3 ", false)).toEqual({ value: 1000, kind: "number" });
    expect(csvValue("0.553", false)).toEqual({ value: 0.553, kind: "number" });
    expect(csvValue("0,553", true)).toEqual({ value: 0.553, kind: "number" });
    expect(csvValue("0,553", false)).toEqual({ value: "0,553", kind: "text" });
    expect(csvValue("2026-10-31", false)).toEqual({ value: 46326, kind: "date" });
    expect(csvValue("2026/1/5", false)).toEqual({ value: 46027, kind: "date" });
    for (const text of ["00123", "1,234", "1.234,5", "12,5 %", "12.5%", "$100", "31/09/2026", "2026-02-30", "C00001", "TRUE"]) {
      expect(csvValue(text, false)).toEqual({ value: text, kind: "text" });
    }
    for (const text of ["00123", "1.234,5", "12,5 %", "0,5,1"]) expect(csvValue(text, true)).toEqual({ value: text, kind: "text" });
    expect(csvValue("", false)).toEqual({ value: "", kind: "text" });
  });

  test("decimal commas are read only in a file not separated by commas that uses them", () => {
    const eu = readCsv(utf8("ID;Debt ratio;Sales\nC1;0,55;1200000\nC2;0,7;\n"));
    expect(eu).toMatchObject({
      delimiter: ";",
      decimalComma: true,
      rows: [
        ["C1", 0.55, 1200000],
        ["C2", 0.7, ""],
      ],
    });
    const us = readCsv(utf8('ID,Debt ratio\nC1,"0,55"\n'));
    expect(us).toMatchObject({ delimiter: ",", decimalComma: false, rows: [["C1", "0,55"]] });
  });

  test("ragged rows are padded to the widest, trailing blank lines dropped, date columns reported", () => {
    const t = readCsv(utf8("Customer ID,Invoice date,Amount\nC1,2026-10-01,100,extra\nC2\n\n\n"));
    expect(t?.headers).toEqual(["Customer ID", "Invoice date", "Amount", ""]);
    expect(t?.rows).toEqual([
      ["C1", 46296, 100, "extra"],
      ["C2", "", "", ""],
    ]);
    expect(t?.dateColumns).toEqual([1]);
  });

  test("an empty file gives null", () => {
    expect(readCsv(utf8(""))).toBeNull();
    expect(readCsv(utf8("\ufeff\r\n\r\n"))).toBeNull();
  });
});
