/**
 * Data problems name the sheet's own rows and cells, and every problem has a
 * "Go to" button that selects its cell (or row) through the WorkbookPort
 * (issue 9, item 7). The customer table's header is in sheet row 5 from
 * column C of "Customers", the ledger's in row 3 from column B of "Ledger",
 * so a row count from the data rows, or a forgotten first column, shows.
 */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ReviewPane } from "../../src/taskpane/review/ReviewPane";
import { Problems } from "../../src/taskpane/review/Problems";
import { strings } from "../../src/taskpane/i18n";
import { createMemoryWorkbook, type MemoryTable, type MemoryWorkbook } from "../../src/taskpane/services/memory-workbook";
import { isEngineError } from "../../src/engine/errors";
import { DEFAULT_POLICY } from "../../src/engine/policy";
import { autoMapColumns, prepareReview, reviewChunk, summarise } from "../../src/engine/portfolio";
import { AS_OF, AS_OF_ISO, CUSTOMER_HEADERS, CUSTOMER_ROWS, LEDGER_HEADERS, LEDGER_ROWS } from "./fixtures";

/**
 * Data rows (sheet rows under the header in row 5): 0 C1 (row 6), 1 C2 with text in Debt ratio (row 7, E7),
 * 2 C3, 3 C1 again (row 9), 4 C9 with no factor value (row 10), 5 a customer without an id (row 11).
 */
function customers(): MemoryTable {
  const rows = CUSTOMER_ROWS.map((r) => [...r]);
  rows[1][2] = "90 %";
  rows[3][0] = "C1";
  rows.push(["C9", "Empty Co", "", "", "", "", "", 30, 5_000]);
  rows.push(["", "No Id Ltd", 0.4, 5, 0, 1_000_000, 5_000_000, 30, 1_000]);
  return { name: "Customers", sheetName: "Customers", headerRow: 4, firstColumn: 2, headers: [...CUSTOMER_HEADERS], rows };
}

/** Ledger data rows from sheet row 4: 3 X9 (row 7, id in B7), 4 a text invoice date (row 8, C8). */
function ledger(): MemoryTable {
  const rows = [...LEDGER_ROWS.map((r) => [...r]), ["C3", "2026-01-05", AS_OF + 10, "", 100]];
  return { name: "Invoices", sheetName: "Ledger", headerRow: 2, firstColumn: 1, headers: [...LEDGER_HEADERS], rows };
}

function renderPane(wb: MemoryWorkbook, lang: "en" | "zh" = "en") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <ReviewPane port={wb} lang={lang} progressDelayMs={0} initialAsOf={AS_OF_ISO} />
    </FluentProvider>,
  );
}

/** Picks both tables, reviews, and goes back to the Data step, where the problems are listed. */
async function pickAndRun(customerLabel: string, ledgerLabel: string, headings: [string, string], run: RegExp, dataTab = "Data") {
  const select = screen.getByRole("combobox", { name: customerLabel });
  await waitFor(() => expect(within(select).getByRole("option", { name: /^Customers\b/ })).toBeInTheDocument());
  fireEvent.change(select, { target: { value: "Customers" } });
  await screen.findByRole("heading", { name: headings[0] });
  fireEvent.change(screen.getByRole("combobox", { name: ledgerLabel }), { target: { value: "Invoices" } });
  await screen.findByRole("heading", { name: headings[1] });
  fireEvent.click(screen.getByRole("button", { name: run }));
  await screen.findByTestId("band-chart");
  fireEvent.click(screen.getByRole("tab", { name: dataTab }));
  return screen.findByTestId("problems");
}

/** The problem bar of one kind. */
const bar = (problems: HTMLElement, kind: string) => problems.querySelector(`[data-problem="${kind}"]`) as HTMLElement;

describe("Go to a data problem", () => {
  test("messages name sheet rows and cells; each Go to selects its cell or row on the port", async () => {
    const wb = createMemoryWorkbook({ tables: [customers(), ledger()] });
    renderPane(wb);
    const problems = await pickAndRun(
      "Customer table",
      "Invoice ledger (optional)",
      ["Customer table columns", "Invoice ledger columns"],
      /^Review portfolio$/,
    );

    // Rows not scored: the bad cell and the row without factors, by their sheet row and address.
    const rows = bar(problems, "rows");
    expect(within(rows).getByText(/^row 7, column "Debt ratio" \(debt_ratio\), cell Customers!E7: text "90 %"/)).toBeInTheDocument();
    expect(within(rows).getByText("row 10: no factor values in this row: nothing to score.")).toBeInTheDocument();
    const goE7 = within(rows).getByRole("button", { name: "Go to E7 on sheet Customers" });
    expect(goE7).toHaveTextContent("Go to E7");
    expect(wb.cellSelections).toEqual([]);
    fireEvent.click(goE7);
    await waitFor(() => expect(wb.cellSelections).toEqual([{ sheetName: "Customers", row: 6, column: 4 }]));
    fireEvent.click(within(rows).getByRole("button", { name: "Go to row 10 on sheet Customers" }));
    await waitFor(() => expect(wb.cellSelections.at(-1)).toEqual({ sheetName: "Customers", row: 9, column: null }));

    // Duplicate ids: both rows, each with its own Go to on the id cell.
    const dup = bar(problems, "dup");
    expect(within(dup).getByText("C1: rows 6, 9")).toBeInTheDocument();
    fireEvent.click(within(dup).getByRole("button", { name: "Go to C9 on sheet Customers" }));
    await waitFor(() => expect(wb.cellSelections.at(-1)).toEqual({ sheetName: "Customers", row: 8, column: 2 }));
    expect(within(dup).getByRole("button", { name: "Go to C6 on sheet Customers" })).toBeInTheDocument();

    // The ledger: the unreadable invoice and the id that matches no customer, on the ledger's sheet.
    const bad = bar(problems, "ledger");
    expect(within(bad).getByText(/^ledger row 8, cell Ledger!C8: invoice_dates: text "2026-01-05" is not a date/)).toBeInTheDocument();
    fireEvent.click(within(bad).getByRole("button", { name: "Go to C8 on sheet Ledger" }));
    await waitFor(() => expect(wb.cellSelections.at(-1)).toEqual({ sheetName: "Ledger", row: 7, column: 2 }));
    const unmatched = bar(problems, "unmatched");
    fireEvent.click(within(unmatched).getByRole("button", { name: "Go to B7 on sheet Ledger" }));
    await waitFor(() => expect(wb.cellSelections.at(-1)).toEqual({ sheetName: "Ledger", row: 6, column: 1 }));
    expect(wb.cellSelections).toHaveLength(5);
    expect(wb.writes).toEqual([]);
  });

  test("Go to is a real button in the tab order, and the explanation of a bad row has one too", async () => {
    const wb = createMemoryWorkbook({ tables: [customers(), ledger()] });
    renderPane(wb);
    const problems = await pickAndRun(
      "Customer table",
      "Invoice ledger (optional)",
      ["Customer table columns", "Invoice ledger columns"],
      /^Review portfolio$/,
    );
    const go = within(bar(problems, "rows")).getByRole("button", { name: "Go to E7 on sheet Customers" });
    expect(go.tagName).toBe("BUTTON");
    expect(go).toBeEnabled();
    expect(go).not.toHaveAttribute("tabindex", "-1");
    go.focus();
    expect(document.activeElement).toBe(go);
    expect(go).toHaveAttribute("title", "Customers!E7");

    // The customer list names a customer without an id by its sheet row.
    fireEvent.click(screen.getByRole("tab", { name: "Customers" }));
    expect(within(screen.getByTestId("customer-list")).getByRole("option", { name: /^row 11 / })).toBeInTheDocument();
    // The explanation of a row that was not scored offers Go to its cell.
    fireEvent.click(within(screen.getByTestId("customer-list")).getByRole("option", { name: /^C2 / }));
    const panel = await screen.findByTestId("explain");
    expect(within(panel).getByText(/^Not scored: row 7, column "Debt ratio"/)).toBeInTheDocument();
    fireEvent.click(within(panel).getByRole("button", { name: "Go to E7 on sheet Customers" }));
    await waitFor(() => expect(wb.cellSelections).toEqual([{ sheetName: "Customers", row: 6, column: 4 }]));
  });

  test("in Chinese: messages and button names", async () => {
    const wb = createMemoryWorkbook({ tables: [customers(), ledger()] });
    renderPane(wb, "zh");
    const problems = await pickAndRun("客户表", "发票台账（可选）", ["客户表的列", "发票台账的列"], /^评估组合$/, "数据");
    const rows = bar(problems, "rows");
    expect(within(rows).getByText(/^第 7 行“Debt ratio”列（debt_ratio，单元格 Customers!E7）：文本“90 %”不是数字/)).toBeInTheDocument();
    expect(within(rows).getByText("第 10 行：该行没有任何因子数据，无法评分。")).toBeInTheDocument();
    expect(within(bar(problems, "dup")).getByText("C1：第 6、9 行")).toBeInTheDocument();
    expect(
      within(bar(problems, "ledger")).getByText(/^第 8 行“Invoice date”列（invoice_date，单元格 Ledger!C8）：文本“2026-01-05”不是日期/),
    ).toBeInTheDocument();
    const go = within(rows).getByRole("button", { name: "转到 E7（工作表 Customers）" });
    expect(go).toHaveTextContent("转到 E7");
    expect(within(rows).getByRole("button", { name: "转到第 10 行（工作表 Customers）" })).toBeInTheDocument();
    fireEvent.click(go);
    await waitFor(() => expect(wb.cellSelections).toEqual([{ sheetName: "Customers", row: 6, column: 4 }]));
  });

  test("a sheet renamed since the review: Go to says so next to the button", async () => {
    const headers = ["Customer ID", "Debt ratio"];
    const state = prepareReview({
      headers,
      rows: [["C1", "x"]],
      mapping: autoMapColumns(headers),
      place: { sheetName: "Old name", firstDataRow: 5, firstColumn: 2 },
      asOf: AS_OF,
      policy: DEFAULT_POLICY,
      lang: "en",
    });
    if (isEngineError(state)) throw new Error(state.message);
    reviewChunk(state, 0, state.total);
    const wb = createMemoryWorkbook({ tables: [customers()] });
    render(
      <FluentProvider theme={webLightTheme}>
        <Problems
          summary={summarise(state)}
          lang="en"
          t={strings.en.review}
          onGoTo={(at) => wb.selectCell(at.sheetName, at.row, at.column)}
        />
      </FluentProvider>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Go to D6 on sheet Old name" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Could not go to 'Old name'!D6: The worksheet was renamed or deleted. Review again.",
    );
    expect(wb.cellSelections).toEqual([]);
  });
});
