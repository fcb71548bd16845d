import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main, parseArgs } from "../../../scripts/score";
import { parseCsv, formatCsv, csvCellValue } from "../../../scripts/batch/csv";

const dir = mkdtempSync(join(tmpdir(), "score-cli-"));
let errSpy: jest.SpyInstance;
let logSpy: jest.SpyInstance;
beforeEach(() => {
  errSpy = jest.spyOn(console, "error").mockImplementation(() => undefined);
  logSpy = jest.spyOn(console, "log").mockImplementation(() => undefined);
});
afterEach(() => {
  errSpy.mockRestore();
  logSpy.mockRestore();
});

describe("csv", () => {
  it("round-trips quotes, commas, line breaks and a BOM", () => {
    const rows = [["a", 'say "hi"', "x,y"], ["line\nbreak", "", "中文"]];
    expect(parseCsv("\ufeff" + formatCsv(rows))).toEqual(rows);
  });
  it("turns only plain numeric text into numbers", () => {
    expect(csvCellValue("0.35")).toBe(0.35);
    expect(csvCellValue("-1e3")).toBe(-1000);
    expect(csvCellValue("1,234")).toBe("1,234");
    expect(csvCellValue("n/a")).toBe("n/a");
  });
});

describe("npm run score", () => {
  const csvIn = join(dir, "customers.csv");
  writeFileSync(
    csvIn,
    [
      "客户名称,资产负债率,流动比率,利息保障倍数,净资产,营业收入,平均逾期天数,账期",
      "甲公司,0.35,2.1,8,2000000,10000000,0,60",
      '"Beta, Ltd",0.95,0.6,0.4,-100,500000,45,30',
      "Gamma,n/a,,,,,,",
      'Delta,0.5,"1,234",3,100000,800000,5,30',
    ].join("\n"),
  );

  it("appends score, band, PD, coverage, reasons and limit columns to a Chinese-headed CSV", async () => {
    const out = join(dir, "out.csv");
    expect(await main([csvIn, "--out", out, "--as-of", "2026-11-22", "--lang", "zh"], "2000-01-01")).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(text);
    expect(rows[0].slice(8)).toEqual(["信用评分", "等级", "违约概率(12个月)", "数据覆盖率", "主要扣分原因", "建议信用额度", "额度规则", "评估日期"]);
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
  });

  it("keeps the original columns untouched", async () => {
    const out = join(dir, "out2.csv");
    await main([csvIn, "--out", out, "--as-of", "2026-11-22"], "2000-01-01");
    const original = parseCsv(readFileSync(csvIn, "utf8"));
    const written = parseCsv(readFileSync(out, "utf8"));
    written.forEach((r, i) => expect(r.slice(0, 8)).toEqual(original[i]));
    expect(written[0][8]).toBe("Score");
  });

  it("xlsx in → xlsx out with English headers, other sheets kept", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Customers");
    ws.addRows([
      ["Customer", "Debt ratio", "Current ratio", "Interest coverage", "Equity", "Sales", "Avg days late"],
      ["ACME", 0.35, 2.1, 8, 2_000_000, 10_000_000, 0],
      ["Beta", 0.95, 0.6, 0.4, 50_000, 500_000, 45],
    ]);
    wb.addWorksheet("Notes").addRow(["keep me"]);
    const xin = join(dir, "book.xlsx");
    await wb.xlsx.writeFile(xin);
    expect(await main([xin, "--as-of", "2026-11-22"], "2000-01-01")).toBe(0);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(join(dir, "book.scored.xlsx"));
    const sheet = back.getWorksheet("Customers")!;
    expect(sheet.getRow(1).getCell(8).value).toBe("Score");
    expect(sheet.getRow(1).getCell(13).value).toBe("Recommended limit");
    expect(typeof sheet.getRow(2).getCell(8).value).toBe("number");
    expect(sheet.getRow(2).getCell(8).value as number).toBeGreaterThan(sheet.getRow(3).getCell(8).value as number);
    expect(back.getWorksheet("Notes")!.getRow(1).getCell(1).value).toBe("keep me");
  });

  it("fails clearly on a missing file, an unknown format and bad options", async () => {
    expect(await main([join(dir, "nope.csv")], "2026-01-01")).toBe(1);
    expect(errSpy.mock.calls.at(-1)?.[0]).toMatch(/input file not found/);
    const txt = join(dir, "x.txt");
    writeFileSync(txt, "a");
    expect(await main([txt], "2026-01-01")).toBe(2);
    expect(errSpy.mock.calls.at(-1)?.[0]).toMatch(/give a \.csv or \.xlsx/);
    expect(parseArgs([csvIn, "--as-of", "2026-13-01"], "2026-01-01")).toMatch(/--as-of/);
    expect(parseArgs([], "2026-01-01")).toMatch(/no input file/);
  });

  it("a table with no recognised column fails with the accepted keys named", async () => {
    const f = join(dir, "colours.csv");
    writeFileSync(f, "colour,size\nred,3\n");
    expect(await main([f, "--as-of", "2026-11-22"], "2000-01-01")).toBe(1);
    expect(errSpy.mock.calls.at(-1)?.[0]).toMatch(/debt_ratio/);
  });
});
