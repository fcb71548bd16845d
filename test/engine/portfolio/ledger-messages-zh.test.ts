/**
 * Bad invoice-ledger rows in the portfolio review: Chinese messages naming the
 * row, the mapped column (its header) and the problem; English messages stay
 * exactly the RISK.* formulas' text.
 */
import { serialFromYmd } from "../../../src/engine/dates";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { MAX_ERROR_MESSAGES, autoMapColumns, digestLedger } from "../../../src/engine/portfolio";
import { readInvoice } from "../../../src/engine/receivables/ledger";
import { isEngineError } from "../../../src/engine/errors";

const D = serialFromYmd(2026, 1, 1);
const AS_OF = D + 100;
const HEADERS = ["客户编号", "发票日期", "到期日", "付款日期", "发票金额", "未结金额", "争议"];
const MAPPING = autoMapColumns(HEADERS, "ledger");
const EDGES = [30, 60, 90];

const digest = (rows: unknown[][], lang: "en" | "zh") => digestLedger(rows, MAPPING, AS_OF, DEFAULT_POLICY.dunning, EDGES, 90, lang);

/** A good row with one cell replaced: column index → value. */
const bad = (patch: Record<number, unknown>): unknown[] => {
  const row: unknown[] = ["C1", D, D + 30, "", 100, "", ""];
  for (const [k, v] of Object.entries(patch)) row[Number(k)] = v;
  return row;
};

const RANGE = "（1 = 1900-01-01 … 2958465 = 9999-12-31）";
const RANGE_EN = "(1 = 1900-01-01 … 2958465 = 9999-12-31)";
const DATE_HINT = "，请输入 Excel 日期（例如使用 DATE() 或 DATEVALUE()）";
const DATE_HINT_EN = ". Enter a real Excel date (e.g. with DATE() or DATEVALUE()).";
const NUM_HINT_EN = ". Enter it as a number (remove thousands separators or % signs, or convert the cell with VALUE()).";
const FLAG_HINT = "（请使用 TRUE/FALSE、1/0、yes/no 或 是/否）";
const FLAG_HINT_EN = ' (use TRUE/FALSE, 1/0, "yes"/"no" or "是"/"否").';

/** [case, row, Chinese message, English message] — the bad row is data row 12. */
const CASES: [string, unknown[], string, string][] = [
  ["customer id empty", bad({ 0: "" }), "第 12 行“客户编号”列（customer_id）：客户编号为空。", "customer_ids: the customer id is empty."],
  [
    "customer id a marker",
    bad({ 0: "n/a" }),
    "第 12 行“客户编号”列（customer_id）：客户编号为空。",
    "customer_ids: the customer id is empty.",
  ],
  [
    "customer id logical",
    bad({ 0: true }),
    "第 12 行“客户编号”列（customer_id）：逻辑值 TRUE 不是有效的客户编号（请使用文本或数字）。",
    "customer_ids: true is not a customer id (use text or a number).",
  ],
  [
    "customer id NaN",
    bad({ 0: NaN }),
    "第 12 行“客户编号”列（customer_id）：NaN 不是有效的客户编号（请使用文本或数字）。",
    "customer_ids: NaN is not a customer id (use text or a number).",
  ],
  [
    "invoice date text",
    bad({ 1: "2026-01-05" }),
    `第 12 行“发票日期”列（invoice_date）：文本“2026-01-05”不是日期${DATE_HINT}。`,
    `invoice_dates: text "2026-01-05" is not a date${DATE_HINT_EN}`,
  ],
  [
    "invoice date missing",
    bad({ 1: null }),
    "第 12 行“发票日期”列（invoice_date）：发票日期为必填项，但单元格为空。",
    "invoice_dates is required but the cell is empty.",
  ],
  [
    "invoice date negative",
    bad({ 1: -1 }),
    `第 12 行“发票日期”列（invoice_date）：-1 不是有效的 Excel 日期序列号${RANGE}。`,
    `invoice_dates: -1 is not a valid Excel date serial ${RANGE_EN}.`,
  ],
  [
    "invoice date fraction below 1",
    bad({ 1: 0.5 }),
    `第 12 行“发票日期”列（invoice_date）：0.5 不是有效的 Excel 日期序列号${RANGE}。`,
    `invoice_dates: 0.5 is not a valid Excel date serial ${RANGE_EN}.`,
  ],
  [
    "invoice date 0 in a real row",
    bad({ 1: 0 }),
    `第 12 行“发票日期”列（invoice_date）：0 不是有效的 Excel 日期序列号${RANGE}。`,
    `invoice_dates: 0 is not a valid Excel date serial ${RANGE_EN}.`,
  ],
  [
    "due date missing",
    bad({ 2: "" }),
    "第 12 行“到期日”列（due_date）：到期日为必填项，但单元格为空。",
    "due_dates is required but the cell is empty.",
  ],
  [
    "due date after 9999-12-31",
    bad({ 2: 2958466 }),
    `第 12 行“到期日”列（due_date）：2958466 不是有效的 Excel 日期序列号${RANGE}。`,
    `due_dates: 2958466 is not a valid Excel date serial ${RANGE_EN}.`,
  ],
  [
    "due date logical",
    bad({ 2: true }),
    "第 12 行“到期日”列（due_date）：逻辑值 TRUE 不是 Excel 日期。",
    "due_dates: expected an Excel date but got true.",
  ],
  [
    "due date NaN",
    bad({ 2: NaN }),
    "第 12 行“到期日”列（due_date）：NaN 不是 Excel 日期。",
    "due_dates: expected an Excel date but got NaN.",
  ],
  [
    "due date before invoice date",
    bad({ 2: D - 1 }),
    "第 12 行“到期日”列（due_date）：到期日早于发票日期。",
    "due_dates: the due date is before the invoice date.",
  ],
  [
    "paid date text",
    bad({ 3: "paid" }),
    `第 12 行“付款日期”列（paid_date）：文本“paid”不是日期${DATE_HINT}。`,
    `paid_dates: text "paid" is not a date${DATE_HINT_EN}`,
  ],
  [
    "paid date negative",
    bad({ 3: -5 }),
    `第 12 行“付款日期”列（paid_date）：-5 不是有效的 Excel 日期序列号${RANGE}。`,
    `paid_dates: -5 is not a valid Excel date serial ${RANGE_EN}.`,
  ],
  [
    "paid date before invoice date",
    bad({ 3: D - 1 }),
    "第 12 行“付款日期”列（paid_date）：付款日期早于发票日期。",
    "paid_dates: the paid date is before the invoice date.",
  ],
  [
    "amount missing",
    bad({ 4: "-" }),
    "第 12 行“发票金额”列（amount）：金额为必填项，但单元格为空。",
    "amounts is required but the cell is empty.",
  ],
  [
    "amount with thousands separator",
    bad({ 4: "1,000" }),
    "第 12 行“发票金额”列（amount）：文本“1,000”不是数字（请去掉千位分隔符或百分号，或用 VALUE() 转换）。",
    `amounts: text "1,000" is text, not a number${NUM_HINT_EN}`,
  ],
  [
    "amount words",
    bad({ 4: "abc" }),
    "第 12 行“发票金额”列（amount）：文本“abc”不是数字。",
    'amounts: expected a number but got text "abc".',
  ],
  [
    "amount logical",
    bad({ 4: false }),
    "第 12 行“发票金额”列（amount）：逻辑值 FALSE 不是数字。",
    "amounts: expected a number but got a logical value (FALSE).",
  ],
  [
    "amount infinite",
    bad({ 4: Infinity }),
    "第 12 行“发票金额”列（amount）：Infinity 不是有限数值。",
    "amounts: Infinity is not a finite number.",
  ],
  [
    "open amount percent text",
    bad({ 5: "50%" }),
    "第 12 行“未结金额”列（open_amount）：文本“50%”不是数字（请去掉千位分隔符或百分号，或用 VALUE() 转换）。",
    `open_amounts: text "50%" is text, not a number${NUM_HINT_EN}`,
  ],
  [
    "open amount on a paid invoice",
    bad({ 3: D + 40, 5: 50 }),
    "第 12 行“未结金额”列（open_amount）：发票已有付款日期，但未结金额为 50（应为 0 或留空）。",
    "open_amounts: 50 is still open but the invoice has a paid date.",
  ],
  [
    "open amount above the amount",
    bad({ 5: 150 }),
    "第 12 行“未结金额”列（open_amount）：未结金额 150 须在 0 与发票金额 100 之间。",
    "open_amounts: 150 must lie between 0 and the invoice amount 100.",
  ],
  [
    "open amount negative",
    bad({ 5: -1 }),
    "第 12 行“未结金额”列（open_amount）：未结金额 -1 须在 0 与发票金额 100 之间。",
    "open_amounts: -1 must lie between 0 and the invoice amount 100.",
  ],
  [
    "credit note with a positive open amount",
    bad({ 4: -50, 5: 20 }),
    "第 12 行“未结金额”列（open_amount）：未结金额 20 须在 0 与发票金额 -50 之间。",
    "open_amounts: 20 must lie between 0 and the invoice amount -50.",
  ],
  [
    "disputed flag text",
    bad({ 6: "maybe" }),
    `第 12 行“争议”列（disputed）：文本“maybe”不是有效的争议标记${FLAG_HINT}。`,
    `disputed: "maybe" is not a yes/no flag${FLAG_HINT_EN}`,
  ],
  [
    "disputed flag number",
    bad({ 6: 2 }),
    `第 12 行“争议”列（disputed）：2 不是有效的争议标记${FLAG_HINT}。`,
    `disputed: 2 is not a yes/no flag${FLAG_HINT_EN}`,
  ],
];

/** Column letter of each field: the ledger's columns are A–G (no place given: header in sheet row 1 from column A). */
const LETTER: Record<string, string> = {
  customer_id: "A",
  invoice_date: "B",
  due_date: "C",
  paid_date: "D",
  amount: "E",
  open_amount: "F",
  disputed: "G",
};

/**
 * The review's message of a case: the CASES text names data row 12 (as the formulas count); the review
 * names sheet row `n` and the offending cell, e.g. `第 13 行“到期日”列（due_date，单元格 C13）：…`.
 */
function zhAt(zh: string, n: number): string {
  return zh.replace(
    /^第 12 行“([^”]*)”列（(\w+)）：/,
    (_m, h: string, key: string) => `第 ${n} 行“${h}”列（${key}，单元格 ${LETTER[key]}${n}）：`,
  );
}
function enAt(zh: string, en: string, n: number): string {
  const key = /（(\w+)）：/.exec(zh)?.[1] as string;
  return `ledger row ${n}, cell ${LETTER[key]}${n}: ${en}`;
}

/** Eleven good rows, then the bad one (data row 12 = sheet row 13 under the header in row 1). */
const GOOD = Array.from({ length: 11 }, (_, k) => ["C" + (k % 3), D + k, D + k + 30, "", 100 + k, "", ""]);

describe("bad ledger rows in the review", () => {
  test.each(CASES)("%s", (_name, row, zh, en) => {
    const z = digest([...GOOD, row], "zh");
    expect(z.badRows).toBe(1);
    expect(z.invoices).toBe(11);
    expect(z.firstErrors.map((e) => e.message)).toEqual([zhAt(zh, 13)]);
    expect(zhAt(zh, 13)).not.toBe(zh); // every case names its sheet cell
    const e = digest([...GOOD, row], "en");
    expect(e.firstErrors.map((x) => x.message)).toEqual([enAt(zh, en, 13)]);
    // The location of the offending cell travels with the message.
    const key = /（(\w+)）：/.exec(zh)?.[1] as string;
    expect(z.firstProblems).toEqual([
      {
        message: zhAt(zh, 13),
        at: { sheetName: "", row: 12, column: LETTER[key].charCodeAt(0) - 65, cell: `${LETTER[key]}13`, address: `${LETTER[key]}13` },
      },
    ]);
    // The same code in both languages (#VALUE!, also for a non-finite number: it carries the message).
    expect(z.firstErrors[0].code).toBe(e.firstErrors[0].code);
    expect(z.firstErrors[0].code).toBe("VALUE");
  });

  test("English messages are the RISK.* formulas' messages (readInvoice), byte for byte", () => {
    for (const [, row, , en] of CASES) {
      const r = readInvoice(11, row[0], row[1], row[2], row[3], row[4], row[5], row[6], true);
      expect(isEngineError(r) && r.message).toBe(`row 12: ${en}`);
    }
  });

  test("the first few bad rows are kept with their own row numbers; all are counted", () => {
    const rows = CASES.map((c) => c[1]);
    const z = digest(rows, "zh");
    expect(z.badRows).toBe(CASES.length);
    expect(z.invoices).toBe(0);
    expect(z.firstErrors).toHaveLength(MAX_ERROR_MESSAGES);
    expect(z.firstErrors.map((e) => e.message)).toEqual(CASES.slice(0, MAX_ERROR_MESSAGES).map(([, , zh], k) => zhAt(zh, k + 2)));
    expect(z.firstErrors[1].message).toBe("第 3 行“客户编号”列（customer_id，单元格 A3）：客户编号为空。");
    // Blank rows are skipped, not counted; numbering stays that of the sheet rows.
    const withBlank = digest([[null, null, null, null, null, null, null], bad({ 2: D - 1 })], "zh");
    expect(withBlank.badRows).toBe(1);
    expect(withBlank.firstErrors[0].message).toBe("第 3 行“到期日”列（due_date，单元格 C3）：到期日早于发票日期。");
  });

  test("the column is named by the header the user mapped", () => {
    const headers = ["Kunde", "Rechnungsdatum", "Fällig am", "Bezahlt am", "Betrag", "Offen", "Strittig"];
    const keys = ["customer_id", "invoice_date", "due_date", "paid_date", "amount", "open_amount", "disputed"] as const;
    const mapping = {
      version: 1 as const,
      kind: "ledger" as const,
      columns: headers.map((header, index) => ({ index, header, key: keys[index], auto: false })),
    };
    const d = digestLedger([bad({ 2: D - 1 })], mapping, AS_OF, DEFAULT_POLICY.dunning, EDGES, 90, "zh");
    expect(d.firstErrors[0].message).toBe("第 2 行“Fällig am”列（due_date，单元格 C2）：到期日早于发票日期。");
    // Columns in another order: the header follows the mapping, not the position.
    const swapped = {
      ...mapping,
      columns: mapping.columns.map((c) =>
        c.index === 5 ? { ...c, key: "disputed" as const } : c.index === 6 ? { ...c, key: "open_amount" as const } : c,
      ),
    };
    const s = digestLedger([["C1", D, D + 30, "", 100, "maybe", ""]], swapped, AS_OF, DEFAULT_POLICY.dunning, EDGES, 90, "zh");
    expect(s.firstErrors[0].message).toBe(`第 2 行“Offen”列（disputed，单元格 F2）：文本“maybe”不是有效的争议标记${FLAG_HINT}。`);
    // A blank header: the canonical field name stands in.
    const blank = { ...mapping, columns: mapping.columns.map((c) => (c.index === 2 ? { ...c, header: "" } : c)) };
    const b = digestLedger([bad({ 2: D - 1 })], blank, AS_OF, DEFAULT_POLICY.dunning, EDGES, 90, "zh");
    expect(b.firstErrors[0].message).toBe("第 2 行“due_date”列（单元格 C2）：到期日早于发票日期。");
  });
});
