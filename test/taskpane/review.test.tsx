/**
 * The review workflow in jsdom against an in-memory WorkbookPort: mapping,
 * review and dashboard, data problems (incl. percent-number ratio columns), cancel, explanation (from the list and
 * from the sheet), write-back with the overwrite confirmation, language.
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { ReviewPane } from "../../src/taskpane/review/ReviewPane";
import type { MemoryWorkbook } from "../../src/taskpane/services/memory-workbook";
import { Problems } from "../../src/taskpane/review/Problems";
import { strings } from "../../src/taskpane/i18n";
import { isEngineError } from "../../src/engine/errors";
import { DEFAULT_POLICY } from "../../src/engine/policy";
import { autoMapColumns, prepareReview, reviewChunk, summarise } from "../../src/engine/portfolio";
import { AS_OF, AS_OF_ISO, CUSTOMER_HEADERS, CUSTOMER_ROWS, INJECTION_NAME, customersTable, workbook } from "./fixtures";

function renderPane(wb: MemoryWorkbook) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <ReviewPane port={wb} lang="en" progressDelayMs={0} initialAsOf={AS_OF_ISO} />
    </FluentProvider>,
  );
}

/** Waits for the table list, then picks a customer table (and optionally a ledger). */
async function pick(name = "Customers", ledger?: string) {
  const select = screen.getByRole("combobox", { name: "Customer table" });
  await waitFor(() => expect(within(select).getByRole("option", { name: new RegExp(`^${name} \\(`) })).toBeInTheDocument());
  fireEvent.change(select, { target: { value: name } });
  await screen.findByRole("heading", { name: "Customer table columns" });
  if (ledger) {
    fireEvent.change(screen.getByRole("combobox", { name: "Invoice ledger (optional)" }), { target: { value: ledger } });
    await screen.findByRole("heading", { name: "Invoice ledger columns" });
  }
}

/** Runs the review; the pane then shows the Overview step. */
async function runReview() {
  fireEvent.click(screen.getByRole("button", { name: /^Review (portfolio|again)$/ }));
  await screen.findByTestId("band-chart", {}, { timeout: 5000 });
  expect(screen.getByRole("tab", { name: "Overview" })).toHaveAttribute("aria-selected", "true");
}

/** Goes to a step of the review (its tab). */
function step(name: "Data" | "Overview" | "Customers" | "Monitor" | "Write") {
  fireEvent.click(screen.getByRole("tab", { name }));
}

/** The open dialog, found through the accessibility tree (it opens with the focus inside it). */
async function openDialog(): Promise<HTMLElement> {
  return screen.findByRole("alertdialog");
}

/** A button of the open dialog. */
async function dialogButton(name: string): Promise<HTMLElement> {
  return within(await openDialog()).findByRole("button", { name });
}

describe("data and mapping", () => {
  test("the mapping editor fixes an unrecognised column; errors block the review; the mapping is remembered per table", async () => {
    const wb = workbook({
      tables: [
        customersTable(
          [
            ["A", 0.4, 100],
            ["B", 0.95, 200],
          ],
          ["Customer ID", "Gearing", "Exposure"],
        ),
      ],
    });
    const { unmount } = renderPane(wb);
    await pick();
    expect(screen.getByText("2 of 3 columns recognised")).toBeInTheDocument();
    expect(screen.getByText(/No column is a recognised scoring factor/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Review portfolio" })).toBeDisabled();
    expect(screen.getByText("Fix the column problems above to run the review.")).toBeInTheDocument();

    const gearing = screen.getByRole("combobox", { name: "Use of column “Gearing”" });
    expect(gearing).toHaveValue("__ignore__");
    fireEvent.change(gearing, { target: { value: "debt_ratio" } });
    expect(gearing).toHaveValue("debt_ratio");
    expect(screen.queryByText(/No column is a recognised scoring factor/)).toBeNull();
    expect(screen.getByRole("button", { name: "Review portfolio" })).toBeEnabled();
    await waitFor(() =>
      expect(wb.settings.get("mapping.customers.Customers")).toMatchObject({
        kind: "customers",
        columns: [{ key: "customer_id", auto: true }, { header: "Gearing", key: "debt_ratio", auto: false }, { key: "exposure" }],
      }),
    );

    // A fresh pane on the same workbook restores it.
    unmount();
    renderPane(wb);
    await pick();
    expect(screen.getByText("The column mapping saved in this workbook was restored.")).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Use of column “Gearing”" })).toHaveValue("debt_ratio");
  });

  test("a saved mapping that no longer fits the headers is replaced by the automatic one, with a note", async () => {
    const wb = workbook();
    await wb.saveSetting("mapping.customers.Customers", {
      version: 1,
      kind: "customers",
      columns: [{ index: 0, header: "Old", key: null, auto: true }],
    });
    renderPane(wb);
    await pick();
    expect(screen.getByText(/columns changed since the mapping was saved/)).toBeInTheDocument();
    expect(screen.getByText("9 of 9 columns recognised")).toBeInTheDocument();
  });

  test.each([
    [
      "empty selection",
      "Customer table: The selection is empty. Select a cell inside your customer data (with a header row), or pick a table.",
    ],
    ["no header row", "Customer table: The first row has no column labels. The data needs a header row naming each column."],
    ["no data rows", "Customer table: Only a header row was found: there are no rows under it."],
  ] as const)("using the selection: %s gets a clear message", async (code, text) => {
    renderPane(workbook({ selection: { error: code } }));
    fireEvent.click(screen.getByRole("button", { name: "Use current selection" }));
    expect(await screen.findByText(text)).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Customer table columns" })).toBeNull();
  });

  test("the current selection's region is read once and reviewed", async () => {
    const { name: _n, ...region } = customersTable();
    const wb = workbook({ selection: region });
    renderPane(wb);
    fireEvent.click(screen.getByRole("button", { name: "Use current selection" }));
    await screen.findByRole("heading", { name: "Customer table columns" });
    expect(screen.getByRole("combobox", { name: "Customer table" })).toHaveDisplayValue("Selection Sheet1!A1:I5 (4 rows)");
    await runReview();
    expect(screen.getByTestId("review-notice")).toHaveTextContent(/^Reviewed 4 customers in/);
  });
});

describe("a language switch rewords what is already on screen", () => {
  test("the review's notice and the selection's name follow the pane's language", async () => {
    const { name: _n, ...region } = customersTable();
    const wb = workbook({ selection: region });
    const pane = (lang: "en" | "zh") => (
      <FluentProvider theme={webLightTheme}>
        <ReviewPane port={wb} lang={lang} progressDelayMs={0} initialAsOf={AS_OF_ISO} />
      </FluentProvider>
    );
    const { rerender } = render(pane("en"));
    fireEvent.click(screen.getByRole("button", { name: "Use current selection" }));
    await screen.findByRole("heading", { name: "Customer table columns" });
    await runReview();
    expect(screen.getByTestId("review-notice")).toHaveTextContent(/^Reviewed 4 customers in/);
    rerender(pane("zh"));
    expect(screen.getByTestId("review-notice")).toHaveTextContent(/^已评估 4 个客户，用时 .+ 秒。$/);
    fireEvent.click(screen.getByRole("tab", { name: strings.zh.review.steps.names.data }));
    expect(screen.getByRole("combobox", { name: "客户表" })).toHaveDisplayValue("选区 Sheet1!A1:I5（4 行）");
  });
});

describe("review and dashboard", () => {
  test("shows band counts and exposure, totals, breaches; writes nothing", async () => {
    const wb = workbook();
    renderPane(wb);
    await pick();
    await runReview();
    expect(screen.getByTestId("band-chart")).toHaveAttribute(
      "aria-label",
      "Customers and exposure by band: A 0 / 0; B 1 / 100,000; C 2 / 80,000; D 1 / 150,000; E 0 / 0",
    );
    const kpis = screen.getByRole("heading", { name: "Key figures" }).parentElement as HTMLElement;
    expect(within(kpis).getByText("Total exposure").nextSibling).toHaveTextContent("330,000");
    expect(within(kpis).getByText("Exposure in bands D–E").nextSibling).toHaveTextContent("45.5%");
    expect(screen.getByText("Customers above their recommended limit: 1, with 110,000 in excess.")).toBeInTheDocument();
    const breach = within(screen.getByTestId("breaches")).getAllByRole("row")[1];
    expect(
      within(breach)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["150,000", "40,000", "110,000"]);
    expect(within(breach).getByRole("rowheader")).toHaveTextContent("C2");
    // Without a ledger there is no aging or heat map, and it says why.
    step("Monitor");
    expect(screen.getAllByText("No invoice ledger was given: aging, DSO and the heat map need one.").length).toBeGreaterThan(0);
    expect(screen.queryByTestId("heat-map")).toBeNull();
    expect(wb.writes).toEqual([]);
    expect(wb.reports).toEqual([]);
  });

  test("with a ledger: aging, DSO, heat map (with its table) and the unmatched ledger id", async () => {
    renderPane(workbook());
    await pick("Customers", "Invoices");
    await runReview();
    step("Monitor");
    expect(screen.getByTestId("aging-chart").getAttribute("aria-label")).toBe(
      "Open receivables by aging bucket: Current 30,000; 1–30 0; 31–60 40,000; 61–90 0; 90+ 0",
    );
    const table = screen.getByTestId("heat-map-table");
    expect(within(table).getByRole("columnheader", { name: "No open invoices" })).toBeInTheDocument();
    const e = within(table).getByRole("rowheader", { name: "E" }).parentElement as HTMLElement;
    expect(
      within(e)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["0", "0", "150,000", "0", "0", "0"]);
    step("Data");
    const problems = screen.getByTestId("problems");
    expect(
      within(problems).getByText("Invoice-ledger customer IDs that match no customer in the table: 1 (open amount 12,500):"),
    ).toBeInTheDocument();
    expect(within(problems).getByText("X9: 1 invoice, open 12,500")).toBeInTheDocument();
  });

  test("data problems: text in a numeric column (count and first rows) and duplicate customer ids", async () => {
    const rows = CUSTOMER_ROWS.map((r) => [...r]);
    rows[1][2] = "90 %";
    rows[3][0] = "C1";
    renderPane(workbook({ tables: [customersTable(rows)] }));
    await pick();
    await runReview();
    // The overview points to the problems, listed under Data.
    fireEvent.click(screen.getByRole("button", { name: "Show data problems" }));
    const problems = screen.getByTestId("problems");
    expect(within(problems).getByText(/^Rows not scored: 1\./)).toBeInTheDocument();
    // The table's header is sheet row 1: data rows 1 and 3 are sheet rows 3 and 5.
    expect(within(problems).getByText(/^row 3, column "Debt ratio" \(debt_ratio\), cell Sheet1!C3: text "90 %"/)).toBeInTheDocument();
    expect(within(problems).getByText(/^Customer IDs found in more than one row: 1\./)).toBeInTheDocument();
    expect(within(problems).getByText("C1: rows 2, 5")).toBeInTheDocument();
  });

  test("data problems: a ratio column of percent numbers is reported, not rescaled", async () => {
    // Debt ratios 30, 90, 60, 50 → median (50 + 60) / 2 = 55
    const rows = CUSTOMER_ROWS.map((r) => [r[0], r[1], (r[2] as number) * 100, ...r.slice(3)]);
    const headers = CUSTOMER_HEADERS.map((h) => (h === "Debt ratio" ? "Debt ratio %" : h));
    renderPane(workbook({ tables: [customersTable(rows, headers)] }));
    await pick();
    await runReview();
    // Every row is still scored as given.
    expect(screen.getByText("4 of 4 scored")).toBeInTheDocument();
    step("Data");
    const problem = within(screen.getByTestId("problems"))
      .getByText(/^Ratio columns that look like percentages/)
      .closest("[data-problem]") as HTMLElement;
    expect(problem).toHaveAttribute("data-problem", "percent");
    expect(
      within(problem).getByText(
        "Ratio columns that look like percentages: 1. Scores that use them are wrong until the columns hold decimals:",
      ),
    ).toBeInTheDocument();
    expect(
      within(problem).getByText(
        "Column “Debt ratio %” (debt_ratio, Sheet1!C2:C5) looks like percentages (median 55): ratios must be decimals, e.g. 0.55 for 55 %. Divide the column by 100 (or fix the cells' format) and review again.",
      ),
    ).toBeInTheDocument();
  });

  test("the percent-column problem in Chinese", () => {
    const headers = ["客户编号", "资产负债率(%)", "速动比率"];
    const state = prepareReview({
      headers,
      rows: [
        ["C1", 55.3, 1.2],
        ["C2", 40.2, 0.8],
        ["C3", 70, 1.5],
      ],
      mapping: autoMapColumns(headers),
      asOf: AS_OF,
      policy: DEFAULT_POLICY,
      lang: "zh",
    });
    if (isEngineError(state)) throw new Error(state.message);
    reviewChunk(state, 0, state.total);
    render(
      <FluentProvider theme={webLightTheme}>
        <Problems summary={summarise(state)} lang="zh" t={strings.zh.review} />
      </FluentProvider>,
    );
    const problems = screen.getByTestId("problems");
    expect(within(problems).getByRole("heading", { name: "数据问题" })).toBeInTheDocument();
    expect(within(problems).getByText("1 个比率列看起来是百分数；改为小数之前，用到这些列的评分都不正确：")).toBeInTheDocument();
    // No place given to the engine: the table is taken to start at A1, so its debt ratios are B2:B4.
    expect(
      within(problems).getByText(
        "“资产负债率(%)”列（debt_ratio，B2:B4）看起来是百分数（中位数 55.3）：比率须为小数，如 55.3% 应填 0.553。请将该列除以 100（或更正单元格格式）后重新评估。",
      ),
    ).toBeInTheDocument();
  });

  test("Cancel stops a review: nothing is shown or written", async () => {
    const wb = workbook({ blockRows: 1, latencyMs: 20 });
    renderPane(wb);
    await pick();
    fireEvent.click(screen.getByRole("button", { name: "Review portfolio" }));
    const progress = await screen.findByTestId("progress");
    expect(within(progress).getByRole("progressbar")).toBeInTheDocument();
    fireEvent.click(within(progress).getByRole("button", { name: "Cancel" }));
    expect(await screen.findByText("Review cancelled. Nothing was written.")).toBeInTheDocument();
    expect(screen.queryByTestId("band-chart")).toBeNull();
    expect(wb.writes).toEqual([]);
  });
});

describe("explain a customer", () => {
  test("from the list, and from selecting its row in the sheet", async () => {
    const wb = workbook();
    renderPane(wb);
    await pick();
    await runReview();
    step("Customers");
    const list = screen.getByTestId("customer-list");
    fireEvent.click(within(list).getByRole("option", { name: /^C2 / }));
    const panel = await screen.findByTestId("explain");
    expect(within(panel).getByRole("heading", { level: 3 })).toHaveTextContent(`Why C2 ${INJECTION_NAME}?`);
    expect(within(panel).getByTestId("limit")).toHaveTextContent("40,000 · Set by: Turnover × terms cap");
    expect(
      within(within(panel).getByTestId("reasons"))
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["Average days late 40 days (−11 pts)", "Debt ratio 90% (−6 pts)"]);
    // One point basis for the waterfall and the reasons, labelled once.
    expect(within(panel).getByTestId("waterfall-basis")).toHaveTextContent("Points against an average firm");
    expect(within(panel).queryByTestId("reasons-basis")).toBeNull();
    const waterfall = within(panel).getByTestId("waterfall");
    expect(within(waterfall).getByRole("rowheader", { name: "Average days late" })).toBeInTheDocument();
    expect(within(waterfall).getAllByRole("row").at(-1)).toHaveTextContent("Score45.6");
    expect(within(panel).getByRole("heading", { name: "To reach band C" })).toBeInTheDocument();

    // The user selects C1's row (sheet row 2 = data row 0) in Excel.
    act(() => wb.userSelects("Sheet1", 1, 3));
    await waitFor(() =>
      expect(within(screen.getByTestId("explain")).getByRole("heading", { level: 3 })).toHaveTextContent("Why C1 Alpha Ltd?"),
    );
    expect(within(screen.getByTestId("explain")).getByTestId("limit")).toHaveTextContent("700,000 · Set by: Net-worth cap");
    fireEvent.click(screen.getByRole("button", { name: "Show in sheet" }));
    await waitFor(() => expect(wb.selections.map((x) => x.row)).toEqual([0]));
  });
});

describe("write back", () => {
  async function reviewed(wb: MemoryWorkbook) {
    renderPane(wb);
    await pick();
    await runReview();
    step("Write");
  }

  test("foreign cells: the dialog says how many and where; Cancel writes nothing; Overwrite writes the values unchanged and the report", async () => {
    const wb = workbook({ cells: [{ sheetName: "Sheet1", row: 2, col: 10, value: "my note" }] });
    await reviewed(wb);
    fireEvent.click(screen.getByRole("radio", { name: /Static values/ }));
    fireEvent.click(screen.getByRole("button", { name: "Write to workbook…" }));
    let dialog = await openDialog();
    expect(within(dialog).getByText("Overwrite your cells?")).toBeInTheDocument();
    expect(within(dialog).getByTestId("overwrite-warning")).toHaveTextContent(
      "Non-empty cells that CreditSentinel did not write would be overwritten: 1, e.g. Sheet1!K3.",
    );
    expect(within(dialog).getByText("6 columns for 4 customers will be written to Sheet1!J1:O5.")).toBeInTheDocument();
    fireEvent.click(await dialogButton("Cancel"));
    expect(await screen.findByText("Nothing was written.")).toBeInTheDocument();
    expect(wb.writes).toEqual([]);
    expect(wb.reports).toEqual([]);
    expect(wb.cellAt("Sheet1", 2, 10)).toBe("my note");

    fireEvent.click(screen.getByRole("button", { name: "Write to workbook…" }));
    dialog = await openDialog();
    fireEvent.click(await dialogButton("Overwrite and write"));
    expect(await screen.findByText("Written to Sheet1!J1:O5. The “Risk report” sheet was (re)generated.")).toBeInTheDocument();
    expect(wb.writes).toHaveLength(1);
    const w = wb.writes[0];
    expect(w.overwrite).toBe(true);
    expect(w.req.columns.map((c) => [c.header, c.mode])).toEqual([
      ["Risk score", "values"],
      ["Risk band", "values"],
      ["PD (12m)", "values"],
      ["Recommended limit", "values"],
      ["Headroom", "values"],
      ["Risk reasons", "values"],
    ]);
    expect(w.req.columns[1].values).toEqual(["B", "D", "C", "C"]);
    // The formula-looking customer name reaches the port as plain data, unchanged (the report's breach list).
    const breaches = wb.reports[0].sections.find((s) => s.title === "Largest limit breaches");
    expect(breaches?.rows[0]).toEqual(["C2", INJECTION_NAME, "D", 150_000, 40_000, 110_000]);
    expect(wb.cellAt("Sheet1", 2, 10)).toBe("D");
  });

  test("live formulas (the default without a ledger) go to the port as RISK formulas after confirming", async () => {
    const wb = workbook();
    await reviewed(wb);
    fireEvent.click(screen.getByRole("checkbox", { name: /Regenerate|\(Re\)generate/ }));
    fireEvent.click(screen.getByRole("button", { name: "Write to workbook…" }));
    const dialog = await openDialog();
    expect(within(dialog).getByText("Write the results?")).toBeInTheDocument();
    expect(within(dialog).queryByTestId("overwrite-warning")).toBeNull();
    fireEvent.click(await dialogButton("Write"));
    expect(await screen.findByText("Written to Sheet1!J1:O5.")).toBeInTheDocument();
    const cols = wb.writes[0].req.columns;
    expect(cols[0]).toMatchObject({ mode: "formulas", header: "Risk score" });
    expect(cols[0].values[0]).toBe('=RISK.CREDITSCORE(A2:I2,$A$1:$I$1,"score")');
    expect(cols[3].values[1]).toBe("=RISK.CREDITLIMIT(K3,F3,G3,H3)");
    expect(wb.writes[0].overwrite).toBe(false);
    expect(wb.reports).toEqual([]);
  });
});

describe("the pane in the shell", () => {
  test("with a workbook the review is there, and it follows the language switch", async () => {
    render(
      <App
        version="0.1.0"
        referenceUrl="https://x.example/docs/functions.md"
        office={undefined}
        workbook={workbook()}
        progressDelayMs={0}
      />,
    );
    expect(screen.getByRole("heading", { level: 2, name: "Portfolio review" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 2, name: "Formulas" })).toBeInTheDocument();
    fireEvent.click(screen.getByRole("radio", { name: "中文" }));
    expect(screen.getByRole("heading", { level: 2, name: "组合风险评估" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "使用当前选区" })).toBeInTheDocument();
    expect(screen.getAllByRole("status")).toHaveLength(1);
  });

  test("without Excel the pane says the review needs it", () => {
    render(<App version="0.1.0" referenceUrl="https://x.example/docs/functions.md" office={undefined} />);
    expect(screen.getByText("Open the add-in in Excel to review a table of your workbook.")).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Portfolio review" })).toBeNull();
  });
});
