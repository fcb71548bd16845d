/**
 * Sheet row numbers and addresses in the review's problems (issue 9, item 7):
 * the customer table's header is in sheet row 5 from column C of "Customers",
 * the ledger's header in row 3 from column B of "Invoice ledger" (a name that
 * needs quoting), so a message that counted data rows, or forgot the header
 * row or the first column, names the wrong row or cell.
 */
import { isEngineError } from "../../../src/engine/errors";
import {
  CustomerResult,
  PortfolioSummary,
  ReviewInput,
  ReviewState,
  autoMapColumns,
  cellLocation,
  columnRange,
  headerLocation,
  prepareReview,
  reviewChunk,
  rowLocation,
  sheetRowNumber,
  summarise,
} from "../../../src/engine/portfolio";
import { cellAddress, columnLetters, quoteSheet } from "../../../src/engine/a1";
import { AS_OF, HEADERS, LEDGER_HEADERS, LEDGER_ROWS, ROWS, TEST_POLICY } from "./fixtures";

/** Header at C5: data from sheet row 6 (0-based 5), first column C (0-based 2). */
const CUSTOMERS = { sheetName: "Customers", firstDataRow: 5, firstColumn: 2 };
/** Header at B3: data from sheet row 4 (0-based 3), first column B (0-based 1). As readTable gives it, with more fields. */
const LEDGER = {
  sheetName: "Invoice ledger",
  firstDataRow: 3,
  firstColumn: 1,
  rowCount: LEDGER_ROWS.length,
  columnCount: LEDGER_HEADERS.length,
  address: "'Invoice ledger'!B3:G12",
};

function input(lang: "en" | "zh"): ReviewInput {
  return {
    headers: HEADERS,
    rows: ROWS,
    mapping: autoMapColumns(HEADERS),
    place: CUSTOMERS,
    ledger: { headers: LEDGER_HEADERS, rows: LEDGER_ROWS, mapping: autoMapColumns(LEDGER_HEADERS, "ledger"), place: LEDGER },
    asOf: AS_OF,
    policy: TEST_POLICY,
    lang,
  };
}

function run(inp: ReviewInput): { state: ReviewState; summary: PortfolioSummary; r: CustomerResult[] } {
  const state = prepareReview(inp);
  if (isEngineError(state)) throw new Error(state.message);
  reviewChunk(state, 0, state.total);
  return { state, summary: summarise(state), r: state.results as CustomerResult[] };
}

const loc = (sheetName: string, row: number, column: number | null, cell: string | null, address: string) => ({
  sheetName,
  row,
  column,
  cell,
  address,
});

describe("a table whose header is in sheet row 5 from column C", () => {
  const en = run(input("en"));
  const zh = run(input("zh"));

  test("every row knows its sheet row", () => {
    expect(en.r.map((x) => x.sheetRow)).toEqual([6, 7, 8, 9, 10, 11, 12]);
    expect(en.state.place).toEqual(CUSTOMERS);
  });

  test("a bad cell: sheet row, column and address, in en and zh", () => {
    // Data row 2 is sheet row 8; Quick ratio is the table's 4th column: C + 3 = F.
    expect(en.r[2].error?.message).toBe(
      'row 8, column "Quick ratio" (quick_ratio), cell Customers!F8: text "1,5" is text, not a number. Enter it as a number (remove thousands separators or % signs, or convert the cell with VALUE()).',
    );
    expect(zh.r[2].error?.message).toBe(
      "第 8 行“Quick ratio”列（quick_ratio，单元格 Customers!F8）：文本“1,5”不是数字（请去掉千位分隔符或百分号，或用 VALUE() 转换）。",
    );
    expect(en.r[2].errorAt).toEqual(loc("Customers", 7, 5, "F8", "Customers!F8"));
    expect(zh.r[2].errorAt).toEqual(en.r[2].errorAt);
  });

  test("a bad non-factor cell (exposure) is located too", () => {
    const rows = ROWS.map((row) => [...row]);
    rows[0][7] = "lots";
    const { r } = run({ ...input("en"), rows });
    // Exposure is the table's 8th column: C + 7 = J; data row 0 is sheet row 6.
    expect(r[0].error?.message).toBe('row 6, column "Exposure" (exposure), cell Customers!J6: expected a number but got text "lots".');
    expect(r[0].errorAt).toEqual(loc("Customers", 5, 9, "J6", "Customers!J6"));
  });

  test("a row without factor values: the sheet row, and the whole row as its location", () => {
    expect(en.r[6].error?.message).toBe("row 12: no factor values in this row: nothing to score.");
    expect(zh.r[6].error?.message).toBe("第 12 行：该行没有任何因子数据，无法评分。");
    expect(en.r[6].errorAt).toEqual(loc("Customers", 11, null, null, "Customers!12:12"));
  });

  test("the summary's first errors carry message and location", () => {
    expect(en.summary.errorItems).toEqual([
      { message: en.r[2].error?.message, at: loc("Customers", 7, 5, "F8", "Customers!F8") },
      { message: en.r[6].error?.message, at: loc("Customers", 11, null, null, "Customers!12:12") },
    ]);
    expect(en.summary.errorMessages).toEqual(en.summary.errorItems.map((x) => x.message));
  });

  test("duplicate ids: sheet rows and the id cells", () => {
    const dup = {
      id: "C1",
      rows: [0, 3],
      sheetRows: [6, 9],
      at: [loc("Customers", 5, 2, "C6", "Customers!C6"), loc("Customers", 8, 2, "C9", "Customers!C9")],
    };
    expect(en.summary.duplicateIds).toEqual([dup]);
    expect(zh.summary.duplicateIds).toEqual([dup]);
  });

  test("limit breaches name the sheet row", () => {
    expect(en.summary.breaches.map((b) => [b.id, b.row, b.sheetRow])).toEqual([
      ["C4", 5, 11],
      ["C1", 3, 9],
    ]);
    expect(en.summary.breachesCurrent.map((b) => b.sheetRow)).toEqual([11, 9]);
  });

  test("a bad ledger row: the ledger's own sheet row and the quoted cell address, in en and zh", () => {
    // Ledger data row 7 is sheet row 3 + 7 + 1 = 11; invoice date is its 2nd column: B + 1 = C.
    const at = loc("Invoice ledger", 10, 2, "C11", "'Invoice ledger'!C11");
    const enMsg =
      "ledger row 11, cell 'Invoice ledger'!C11: invoice_dates: text \"2026-01-05\" is not a date. Enter a real Excel date (e.g. with DATE() or DATEVALUE()).";
    const zhMsg =
      "第 11 行“发票日期”列（invoice_date，单元格 'Invoice ledger'!C11）：文本“2026-01-05”不是日期，请输入 Excel 日期（例如使用 DATE() 或 DATEVALUE()）。";
    expect(en.summary.ledger?.errorMessages).toEqual([enMsg]);
    expect(zh.summary.ledger?.errorMessages).toEqual([zhMsg]);
    expect(en.summary.ledger?.errorItems).toEqual([{ message: enMsg, at }]);
    expect(zh.summary.ledger?.errorItems).toEqual([{ message: zhMsg, at }]);
  });

  test("an unmatched ledger id points at its first ledger row's id cell", () => {
    // ZZ is ledger data row 6 = sheet row 10; customer id is the ledger's first column, B.
    expect(en.summary.ledger?.unmatched).toEqual([
      { id: "ZZ", invoices: 1, open: 700, at: loc("Invoice ledger", 9, 1, "B10", "'Invoice ledger'!B10") },
    ]);
  });

  test("a ratio column of percent numbers names its cells on the sheet, in en and zh", () => {
    const headers = ["Customer ID", "Debt ratio %", "Quick ratio"];
    const rows = [
      ["C1", 55.3, 1.2],
      ["C2", 40.2, 0.8],
      ["C3", 70, 1.5],
    ];
    const inp = (lang: "en" | "zh"): ReviewInput => ({
      headers,
      rows,
      mapping: autoMapColumns(headers),
      place: CUSTOMERS,
      asOf: AS_OF,
      policy: TEST_POLICY,
      lang,
    });
    const e = run(inp("en")).summary.percentColumns;
    const z = run(inp("zh")).summary.percentColumns;
    // Debt ratio % is the table's 2nd column: C + 1 = D; data rows 6–8.
    expect(e.map((c) => c.message)).toEqual([
      "Column “Debt ratio %” (debt_ratio, Customers!D6:D8) looks like percentages (median 55.3): ratios must be decimals, e.g. 0.553 for 55.3 %. Divide the column by 100 (or fix the cells' format) and review again.",
    ]);
    expect(z.map((c) => c.message)).toEqual([
      "“Debt ratio %”列（debt_ratio，Customers!D6:D8）看起来是百分数（中位数 55.3）：比率须为小数，如 55.3% 应填 0.553。请将该列除以 100（或更正单元格格式）后重新评估。",
    ]);
    expect(e[0].at).toEqual(loc("Customers", 4, 3, "D5", "Customers!D5")); // the header cell
  });

  test("a stored mapping that no longer fits names the header cell", () => {
    const bad = prepareReview({ ...input("en"), headers: [...HEADERS.slice(0, 9), "Remarks"] });
    // The 10th column: C + 9 = L; the header row is sheet row 5.
    expect(isEngineError(bad) && bad.message).toBe(
      'mapping: column 10 (Customers!L5) is headed "Remarks" but the mapping expects "Notes"; map the columns again.',
    );
    const badZh = prepareReview({ ...input("zh"), headers: [...HEADERS.slice(0, 9), "Remarks"] });
    expect(isEngineError(badZh) && badZh.message).toBe(
      "列映射：第 10 列（Customers!L5）的表头是“Remarks”，但映射期望“Notes”；请重新映射。",
    );
  });

  test("a place the table cannot have is refused as a value, in the review's language", () => {
    const noRoom = prepareReview({ ...input("en"), place: { sheetName: "Customers", firstDataRow: 0, firstColumn: 2 } });
    expect(isEngineError(noRoom) && noRoom.message).toBe(
      "table place: firstDataRow must be a whole number from 1 to 1048575 (the header is the row above), got 0.",
    );
    const tooWide = prepareReview({ ...input("zh"), place: { sheetName: "Customers", firstDataRow: 5, firstColumn: 16380 } });
    expect(isEngineError(tooWide) && tooWide.message).toBe(
      "表格位置：首列须为 0 到 16383 之间的整数，且 10 列都在工作表内，当前为 16380。",
    );
    const ledger = prepareReview({
      ...input("en"),
      ledger: { ...input("en").ledger!, place: { sheetName: 7 as unknown as string, firstDataRow: 3, firstColumn: 1 } },
    });
    expect(isEngineError(ledger) && ledger.message).toBe("ledger place: the sheet name is missing.");
  });
});

describe("place helpers", () => {
  const P = { sheetName: "Customers", firstDataRow: 5, firstColumn: 2 };
  test("sheet rows, cells, rows, header cells and column ranges", () => {
    expect(sheetRowNumber(P, 12)).toBe(18);
    expect(cellLocation(P, 12, 0)).toEqual(loc("Customers", 17, 2, "C18", "Customers!C18"));
    expect(rowLocation(P, 12)).toEqual(loc("Customers", 17, null, null, "Customers!18:18"));
    expect(headerLocation(P, 1)).toEqual(loc("Customers", 4, 3, "D5", "Customers!D5"));
    expect(columnRange(P, 2, 200)).toBe("Customers!E6:E205");
    expect(columnRange(P, 2, 1)).toBe("Customers!E6");
    expect(columnRange({ sheetName: "", firstDataRow: 1, firstColumn: 0 }, 0, 3)).toBe("A2:A4");
    expect(rowLocation({ sheetName: "My data", firstDataRow: 1, firstColumn: 0 }, 0).address).toBe("'My data'!2:2");
  });
  test("A1 text: letters, quoting, addresses; never a throw", () => {
    expect([0, 25, 26, 27, 701, 702, 16383].map(columnLetters)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA", "XFD"]);
    expect(columnLetters(-1)).toBe("");
    expect(columnLetters(1.5)).toBe("");
    expect(quoteSheet("客户")).toBe("'客户'");
    expect(cellAddress("O'Brien", 0, 0)).toBe("'O''Brien'!A1");
    expect(cellAddress("", 17, 2)).toBe("C18");
  });
});
