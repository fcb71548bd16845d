/**
 * Under a Chinese Office display language, formula errors carry Chinese messages (issue 10 item 4): each
 * function family is called through the functions module with Office.context.displayLanguage = "zh-CN".
 */
import { isExcelError } from "./custom-functions-global";
import {
  aging,
  cei,
  creditLimit,
  creditScore,
  dso,
  dsoInvoices,
  dunningStage,
  expectedLoss,
  payBehavior,
} from "../../src/functions/functions";
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
    expect(msgOf(expectedLoss([[{ code: "#REF!" }]], [[0.1]], OMITTED, OMITTED, OMITTED))).toBe(
      "exposure：该单元格含错误值 #REF!；请先更正该单元格。",
    );
  });

  test("ranges of different sizes, an unknown option, a bad flag", () => {
    expect(msgOf(expectedLoss([[1], [2], [3]], [[0.1], [0.2]], OMITTED, OMITTED, OMITTED))).toMatch(
      /^pd 有 2 个值，而 exposure 有 3 个：各区域大小须相同/,
    );
    expect(msgOf(cei([[1]], [[1]], [[1]], [[1]], OMITTED, "weekly"))).toBe("convention：“weekly”不是 “monthly”、“period” 之一。");
    expect(msgOf(dunningStage([[d("2026-01-31")]], [[d("2026-02-10")]], OMITTED, [["maybe"]], OMITTED, OMITTED))).toMatch(
      /^disputed：“maybe”不是是\/否标记/,
    );
  });

  test("an adapter that throws reports an internal error in Chinese", () => {
    const r = guard("DSO", () => {
      throw new Error("boom");
    });
    expect(msgOf(r)).toBe("DSO：内部错误（boom）。请报告此问题。");
  });
});

describe("receivables formulas under zh-CN", () => {
  beforeEach(() => setDisplay("zh-CN"));

  test("DSO: negative receivables, countback running out of months, two-column methods", () => {
    expect(msgOf(dso([[-5]], [[1000]], OMITTED, OMITTED))).toBe("receivables：-5 为负数；应收账款必须大于或等于 0。");
    expect(msgOf(dso([[5000]], [[100, 200]], OMITTED, "countback"))).toBe(
      "应收账款超过给出的全部 2 个月的赊销额（已计 60 天，剩余应收账款 4700）：倒推法需要更多（更早的）月份。",
    );
    expect(msgOf(dso([[100, "n.a."]], [[1000]], OMITTED, "average"))).toBe("receivables（期末应收账款）：需要数字，但得到的是文本“n.a.”。");
    expect(msgOf(dso([[100]], [["x", 200]], OMITTED, "countback"))).toBe("credit_sales（第 1 个月）：需要数字，但得到的是文本“x”。");
    expect(msgOf(dso([[100]], [[1000]], OMITTED, "average"))).toBe(
      "receivables：方法“average”每行需要两列 [期初应收账款, 期末应收账款]，但该区域有 1 列。",
    );
  });

  test("CEI: inconsistent balances name the balance in Chinese", () => {
    expect(msgOf(cei([[100]], [[0]], [[200]], [[0]], OMITTED, OMITTED))).toBe(
      "end_ar：期末应收账款 200 超过期初应收账款加赊销额（100 + 0 = 100）：应收账款的增加不可能超过销售额，因此这些余额相互矛盾。",
    );
  });

  test("AGING: descending bucket edges; unreadable rows counted in the totals row", () => {
    expect(msgOf(aging([[d("2026-11-01")]], [[d("2026-11-22")]], OMITTED, [[60], [30]]))).toBe(
      "buckets：30 必须大于前一个分界 60（分界须升序）。",
    );
    const r = aging([[d("2026-11-01")], ["soon"]], [[d("2026-11-22")]], [[100], [50]], OMITTED);
    const last = r[1][r[1].length - 1];
    expect(isExcelError(last) && last.message).toBe(
      "1 行无法读取，未计入账龄区间；第一个问题：第 2 行：due_dates：文本“soon”不是日期。请输入真正的 Excel 日期（例如用 DATE() 或 DATEVALUE()）。",
    );
  });

  test("DUNNINGSTAGE: a custom ladder's row problems", () => {
    const due = [[d("2026-01-31")]];
    const asOf = [[d("2026-02-10")]];
    expect(
      msgOf(
        dunningStage(
          due,
          asOf,
          OMITTED,
          OMITTED,
          [
            [0, "Reminder"],
            [10, ""],
          ],
          OMITTED,
        ),
      ),
    ).toBe("ladder 第 2 行：阶段名称必须是非空文本。");
    expect(
      msgOf(
        dunningStage(
          due,
          asOf,
          OMITTED,
          OMITTED,
          [
            [0, "Reminder"],
            ["x", "Legal"],
          ],
          OMITTED,
        ),
      ),
    ).toBe("ladder 第 2 行的天数：需要数字，但得到的是文本“x”。");
  });

  test("EXPECTEDLOSS: a PD above 1, a limit without a share", () => {
    expect(msgOf(expectedLoss([[1000]], [[1.5]], OMITTED, OMITTED, OMITTED))).toBe("pd：1.5 必须在 0 到 1 之间（5% 请输入 0.05）。");
    expect(msgOf(expectedLoss([[1000]], [[0.1]], OMITTED, OMITTED, [[500]]))).toBe(
      "给出 insured_limit 时需要 insured_share（例如保险人赔付 90% 时填 0.9）。",
    );
  });

  test("DSOINVOICES and PAYBEHAVIOR: ledger rows that cannot be read", () => {
    const inv = [[d("2026-08-01")], [d("2026-09-01")]];
    const due = [[d("2026-07-01")], [d("2026-07-01")]];
    const r = dsoInvoices(inv, due, [[null], [null]], [[1000], [500]], [[d("2026-11-22")]], OMITTED, OMITTED, OMITTED, OMITTED);
    expect(msgOf(r)).toBe("第 1 行：due_dates：到期日早于开票日。（共 2 行无效；请更正后再计算）");
    const p = payBehavior([["A"], ["A"]], inv, due, [[null], [null]], [[1000], [500]], [[d("2026-11-22")]], OMITTED);
    expect(isExcelError(p[1][1]) && p[1][1].message).toBe("第 1 行：due_dates：到期日早于开票日。（该客户共 2 行无效）");
  });
});

describe("scoring and limit formulas under zh-CN", () => {
  beforeEach(() => setDisplay("zh-CN"));

  test("CREDITSCORE: no recognised factor, labels of the wrong width, a factor cell that is text", () => {
    expect(msgOf(creditScore([["colour"], [1]], OMITTED, OMITTED))).toMatch(
      /^values（标题行）：没有任何列是可识别的因子。可用的键：working_capital_to_assets, .*debt_ratio, /,
    );
    expect(msgOf(creditScore([[0.5, 4]], [["debt_ratio"]], OMITTED))).toBe(
      "labels 有 1 列，而 values 有 2 列：请为 values 的每一列给出一个列名。",
    );
    const r = creditScore([["debt_ratio"], ["1,234"]], OMITTED, OMITTED);
    expect(isExcelError(r[1][0]) && r[1][0].message).toMatch(CHINESE);
    expect(isExcelError(r[1][0]) && r[1][0].message).toContain("是文本，不是数字");
  });

  test("CREDITLIMIT: a score that is neither 0–100 nor a band, no financials at all", () => {
    expect(msgOf(creditLimit([["AAA"]], [[100000]], [[500000]], OMITTED, OMITTED, OMITTED, OMITTED))).toBe(
      "score：需要 0 到 100 的评分或 A–E 的等级，但得到的是文本“AAA”。",
    );
    expect(msgOf(creditLimit([[120]], [[100000]], [[500000]], OMITTED, OMITTED, OMITTED, OMITTED))).toBe(
      "score：需要 0 到 100 的评分或 A–E 的等级，但得到的是 120。",
    );
    expect(msgOf(creditLimit([["B"]], [[null]], [[null]], OMITTED, OMITTED, OMITTED, OMITTED))).toBe(
      "net_worth 和 annual_sales 均为空：至少需要其中之一才能确定额度。",
    );
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
