import fc from "fast-check";
import { serialFromYmd } from "../../../src/engine/dates";
import { isEngineError, messageIn } from "../../../src/engine/errors";
import { InvoiceProblem, isInvoiceProblem, parseInvoice, readInvoice } from "../../../src/engine/receivables/ledger";
import { invoiceProblemMessage, invoiceProblemText, invoiceRowError } from "../../../src/engine/receivables/ledger-messages";

const D = serialFromYmd(2026, 1, 1);

/** parseInvoice of a row given as [customer, invoice date, due date, paid date, amount, open amount, disputed]. */
const parse = (row: unknown[], i = 11, withCustomer = true) =>
  parseInvoice(i, row[0], row[1], row[2], row[3], row[4], row[5], row[6], withCustomer);
const problem = (row: unknown[]): InvoiceProblem => {
  const p = parse(row);
  if (!isInvoiceProblem(p)) throw new Error("expected a problem");
  return p;
};

describe("parseInvoice", () => {
  test("a bad row gives the rule, field and cell with readInvoice's English error", () => {
    const p = problem(["C1", D, D - 1, "", 100, "", ""]);
    expect(p).toEqual({
      kind: "InvoiceProblem",
      problem: "due_before_invoice",
      field: "due_date",
      cell: D - 1,
      amount: null,
      error: { kind: "EngineError", code: "VALUE", message: "due_dates: the due date is before the invoice date." },
    });
    expect(readInvoice(11, "C1", D, D - 1, "", 100, "", "", true)).toEqual({
      ...p.error,
      message: "row 12: due_dates: the due date is before the invoice date.",
    });
    expect(problem(["C1", D, D + 30, "", 100, 150, ""])).toMatchObject({
      problem: "open_outside",
      field: "open_amount",
      cell: 150,
      amount: 100,
    });
  });

  test("every rule and field is reported", () => {
    const rows: unknown[][] = [
      ["", D, D + 30, "", 100, "", ""],
      [false, D, D + 30, "", 100, "", ""],
      ["C1", "x", D + 30, "", 100, "", ""],
      ["C1", D, null, "", 100, "", ""],
      ["C1", D, D - 1, "", 100, "", ""],
      ["C1", D, D + 30, -1, 100, "", ""],
      ["C1", D, D + 30, D - 1, 100, "", ""],
      ["C1", D, D + 30, "", "", "", ""],
      ["C1", D, D + 30, "", 100, "x", ""],
      ["C1", D, D + 30, D + 1, 100, 1, ""],
      ["C1", D, D + 30, "", 100, 101, ""],
      ["C1", D, D + 30, "", 100, "", "maybe"],
    ];
    expect(rows.map((r) => `${problem(r).problem} ${problem(r).field}`)).toEqual([
      "customer_empty customer_id",
      "customer_type customer_id",
      "unreadable invoice_date",
      "unreadable due_date",
      "due_before_invoice due_date",
      "unreadable paid_date",
      "paid_before_invoice paid_date",
      "unreadable amount",
      "unreadable open_amount",
      "open_on_paid open_amount",
      "open_outside open_amount",
      "unreadable disputed",
    ]);
  });

  test("good and blank rows are what readInvoice gives", () => {
    expect(parse(["C1", D, D + 30, D + 40, 100, 0, "是"])).toEqual({
      row: 11,
      customer: "C1",
      customerCell: "C1",
      invoiceDate: D,
      dueDate: D + 30,
      paidDate: D + 40,
      amount: 100,
      open: 0,
      disputed: true,
    });
    expect(parse([0, 0, 0, 0, 0, null, null])).toBeNull();
  });
});

describe("invoiceProblemText / invoiceRowError", () => {
  const p = problem(["C1", D, D - 1, "", 100, "", ""]);
  test("the brief's example", () => {
    expect(invoiceRowError(p, 11, "到期日", "zh").message).toBe("第 12 行“到期日”列（due_date）：到期日早于发票日期。");
    expect(invoiceRowError(p, 11, "", "zh").message).toBe("第 12 行“due_date”列：到期日早于发票日期。");
    expect(invoiceRowError(p, 11, "到期日", "en").message).toBe("row 12: due_dates: the due date is before the invoice date.");
    expect(invoiceProblemText(p, "zh")).toBe("到期日早于发票日期");
    expect(invoiceProblemText(p, "en")).toBe("due_dates: the due date is before the invoice date.");
  });
  test("long text is cut at 30 characters in Chinese", () => {
    const long = "due on the fifteenth of next month please";
    expect(invoiceProblemText(problem(["C1", D, long, "", 100, "", ""]), "zh")).toBe(
      "文本“due on the fifteenth of next m…”不是日期，请输入 Excel 日期（例如使用 DATE() 或 DATEVALUE()）",
    );
  });
});

describe("property: one validation, two languages", () => {
  const dateCell = fc.oneof(
    fc.integer({ min: D - 40, max: D + 80 }),
    fc.constantFrom(
      0,
      -3,
      0.5,
      1,
      60,
      2958465,
      2958465.9,
      2958466,
      D + 0.75,
      "",
      null,
      undefined,
      "n/a",
      "2026-01-05",
      "x",
      true,
      false,
      NaN,
      Infinity,
      -Infinity,
    ),
  );
  const numberCell = fc.oneof(
    fc.integer({ min: -200, max: 200 }),
    fc.constantFrom(0, 0.5, "", null, "-", "1,000", "50%", "abc", true, NaN, Infinity, -Infinity),
  );
  const custCell = fc.constantFrom("C1", " C2 ", 1001, 0, "", null, "n/a", true, NaN, Infinity);
  const flagCell = fc.constantFrom(null, "", "是", "否", "yes", "x", 0, 1, 2, true, "maybe", -1);
  const row = fc.tuple(custCell, dateCell, dateCell, dateCell, numberCell, numberCell, flagCell);
  // Words of the English reader messages; none may leak into the Chinese text.
  const ENGLISH = /\b(is|not|expected|required|must|row|the|got|empty|cell|between|open|paid|date|amounts?|flag|customer)\b/;

  test("readInvoice = parseInvoice + row prefix; the Chinese message names row and column, same code", () => {
    fc.assert(
      fc.property(row, fc.integer({ min: 0, max: 10_000 }), fc.boolean(), (r, i, withCustomer) => {
        const p = parse(r, i, withCustomer);
        const old = readInvoice(i, r[0], r[1], r[2], r[3], r[4], r[5], r[6], withCustomer);
        if (!isInvoiceProblem(p)) {
          expect(old).toEqual(p);
          return;
        }
        expect(isEngineError(old)).toBe(true);
        expect(invoiceRowError(p, i, "列名", "en")).toEqual(old);
        const zh = invoiceRowError(p, i, "列名", "zh");
        expect(zh.code).toBe(p.error.code);
        const head = `第 ${i + 1} 行“列名”列（${p.field}）：`;
        expect(zh.message.startsWith(head)).toBe(true);
        expect(zh.message.endsWith("。")).toBe(true);
        // After the column, and quoted cell text aside, no English words.
        expect(zh.message.slice(head.length).replace(/文本“[^”]*”/g, "")).not.toMatch(ENGLISH);
        expect(zh.message).not.toMatch(/undefined|\[object|无法读取/);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("ledger-row messages from the catalogue", () => {
  test("the pane's wording is picked by the rule's message id; the error reads in either language", () => {
    const p = problem(["C1", D, D - 1, "", 100, "", ""]);
    const zh = invoiceRowError(p, 11, "到期日", "zh", "Ledger!C12");
    expect(zh.message).toBe("第 12 行“到期日”列（due_date，单元格 Ledger!C12）：到期日早于发票日期。");
    expect(messageIn(zh, "en")).toBe("row 12, cell Ledger!C12: due_dates: the due date is before the invoice date.");
    expect(invoiceProblemMessage(p).id).toBe("review.ledger.dueBeforeInvoice");
  });

  test("a rule the pane has no words of its own for keeps its own message (one full stop)", () => {
    const p = problem(["C1", D, { code: "#N/A" }, "", 100, "", ""]);
    const zh = invoiceRowError(p, 11, "到期日", "zh");
    expect(zh.code).toBe("NA");
    expect(zh.message).toBe("第 12 行“到期日”列（due_date）：due_dates：该单元格为 #N/A：该值不可用。");
    expect(invoiceRowError(p, 11, "到期日", "en").message).toBe("row 12: due_dates: the cell holds #N/A: the value is not available.");
  });
});
