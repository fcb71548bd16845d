/**
 * "Calibrate to my portfolio" with the outcome from the invoice ledger, on the
 * fake host (in-memory WorkbookPort, jsdom): pick the history and the ledger
 * tables and the as-of date, see the label counts before the fit, fit; a
 * window the ledger does not cover is refused with the as-of date that would
 * work; Chinese texts.
 */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { Lang } from "../../src/engine/lang";
import { serialFromYmd } from "../../src/engine/dates";
import { CANONICAL_RATIOS } from "../../src/engine/calibration/fit";
import { setActiveModel } from "../../src/functions/active-policy";
import { ModelPanel } from "../../src/taskpane/calibrate/ModelPanel";
import { useStoredModel } from "../../src/taskpane/calibrate/useStoredModel";
import { createMemoryWorkbook, type MemoryTable, type MemoryWorkbook } from "../../src/taskpane/services/memory-workbook";
import { syntheticHistory } from "../../bench/scoring";

jest.setTimeout(60_000);

const N = 600;
const h = syntheticHistory(N, 3); // 42 defaults
const id = (i: number) => `K${String(i).padStart(4, "0")}`;

/** The history: customer ids and the ratios, no outcome column. */
function historyTable(): MemoryTable {
  const keys = CANONICAL_RATIOS.map((f) => f.key);
  const rows = Array.from({ length: N }, (_, i) => [
    id(i),
    ...keys.map((k) => {
      const x = h.columns[k]![i];
      return x === x ? x : "";
    }),
  ]);
  return { name: "History", sheetName: "Past", headers: ["客户编号", ...keys], rows };
}

/** As-of 2025-06-30: an invoice paid on time per customer; the defaulted ones also one paid 120 days late. The last invoice is dated 2026-07-15. */
function ledgerTable(): MemoryTable {
  const d = (y: number, m: number, day: number) => serialFromYmd(y, m, day);
  const rows: unknown[][] = [];
  for (let i = 0; i < N; i++) {
    rows.push([id(i), d(2025, 8, 1), d(2025, 8, 31), d(2025, 8, 30), 1000]);
    if (h.label[i]) rows.push([id(i), d(2025, 9, 1), d(2025, 9, 30), d(2026, 1, 28), 2500]);
  }
  rows.push(["X-other", d(2026, 7, 15), d(2026, 8, 14), "", 700]);
  rows.push([id(5), "soon", d(2025, 9, 30), "", 100]); // unreadable
  return { name: "Ledger", sheetName: "AR", headers: ["Customer", "Invoice date", "Due date", "Paid date", "Amount"], rows };
}

function Harness({ wb, lang }: { wb: MemoryWorkbook; lang: Lang }) {
  const stored = useStoredModel(wb);
  return <ModelPanel port={wb} lang={lang} stored={stored} today={() => "2026-06-30"} />;
}

function renderPanel(wb: MemoryWorkbook, lang: Lang = "en") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <Harness wb={wb} lang={lang} />
    </FluentProvider>,
  );
}

afterEach(() => setActiveModel(null));

describe("Calibrate to my portfolio: the outcome from the invoice ledger", () => {
  test("pick the ledger and the as-of date, see the label counts before the fit, then fit on them", async () => {
    const wb = createMemoryWorkbook({ tables: [historyTable(), ledgerTable()] });
    renderPanel(wb);
    await screen.findByText(/^In use: the shipped model/);
    fireEvent.click(screen.getByRole("button", { name: "Calibrate to my portfolio" }));
    const table = await screen.findByRole("combobox", { name: "History table" });
    await waitFor(() => expect(within(table).getByRole("option", { name: "History (600)" })).toBeInTheDocument());
    fireEvent.change(table, { target: { value: "History" } });
    fireEvent.click(screen.getByRole("radio", { name: "From the invoice ledger" }));
    expect(screen.queryByRole("combobox", { name: /^Outcome column/ })).toBeNull();
    const fit = screen.getByRole("button", { name: "Fit" });
    expect(fit).toBeDisabled(); // no ledger, no as-of date yet
    const ledger = screen.getByRole("combobox", { name: /^Invoice ledger table/ });
    expect(within(ledger).queryByRole("option", { name: /^History/ })).toBeNull();
    fireEvent.change(ledger, { target: { value: "Ledger" } });
    expect(
      screen.getByText(/A customer defaulted when one of its invoices was 90 or more days past due within 12 months/),
    ).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText(/^As-of date of the history/), { target: { value: "2025-06-30" } });
    fireEvent.click(screen.getByRole("button", { name: "Count the labels" }));
    const labels = await screen.findByTestId("ledger-labels");
    expect(labels.textContent).toBe(
      "600 history customers: 599 labelled (42 defaulted: an invoice 90+ days past due between 2025-06-30 and 2026-06-30; 557 healthy); 1 left out: 1 with unreadable ledger rows. Ledger known up to 2026-07-15. 1 ledger row could not be read and was left out; their customers are not labelled healthy.",
    );
    expect(screen.queryByTestId("fit-report")).toBeNull(); // counts first, no fit yet
    fireEvent.click(screen.getByRole("radio", { name: "Band cut-offs and PD levels (any history)" }));
    fireEvent.click(fit);
    await screen.findByTestId("fit-report", {}, { timeout: 30_000 });
    expect(screen.getByText(/^History: 599 customers, 42 defaults\.$/)).toBeInTheDocument();
    // changing the as-of date drops the counts
    fireEvent.change(screen.getByLabelText(/^As-of date of the history/), { target: { value: "2025-06-01" } });
    expect(screen.queryByTestId("ledger-labels")).toBeNull();
  });

  test("a window the ledger does not cover is refused, naming the as-of date that would work (Chinese)", async () => {
    const wb = createMemoryWorkbook({ tables: [historyTable(), ledgerTable()] });
    renderPanel(wb, "zh");
    fireEvent.click(await screen.findByRole("button", { name: "按我的组合校准" }));
    const table = await screen.findByRole("combobox", { name: "历史数据表" });
    await waitFor(() => expect(within(table).getByRole("option", { name: "History (600)" })).toBeInTheDocument());
    fireEvent.change(table, { target: { value: "History" } });
    fireEvent.click(screen.getByRole("radio", { name: "由发票台账得出" }));
    fireEvent.change(screen.getByRole("combobox", { name: /^发票台账表/ }), { target: { value: "Ledger" } });
    fireEvent.change(screen.getByLabelText(/^历史数据观察日/), { target: { value: "2025-09-30" } });
    fireEvent.click(screen.getByRole("button", { name: "统计标签" }));
    expect(
      await screen.findByText(
        "台账数据截至 2026-07-15，但观察日之后 12 个月的观察期到 2026-09-30 才结束：目前无法把任何客户判定为正常。请选择不晚于 2025-07-15 的观察日，或给出更晚的数据截止日。",
      ),
    ).toBeInTheDocument();
    expect(screen.queryByTestId("ledger-labels")).toBeNull();
    // a later data date covers it
    fireEvent.change(screen.getByLabelText(/^台账数据截止日/), { target: { value: "2026-10-31" } });
    fireEvent.click(screen.getByRole("button", { name: "统计标签" }));
    expect((await screen.findByTestId("ledger-labels")).textContent).toMatch(/^历史客户 600 个：已判定 42 个（违约 42 个/);
  });

  test("the history can be the selected range (its region), not only an Excel table", async () => {
    const { name: _name, ...region } = historyTable();
    // Plain cells on the sheet (no table), and the selection is their region.
    const cells = [region.headers, ...region.rows].flatMap((row, r) =>
      row.map((value, col) => ({ sheetName: "Past", row: r, col, value })),
    );
    const wb = createMemoryWorkbook({ tables: [ledgerTable()], cells, selection: region });
    renderPanel(wb);
    fireEvent.click(await screen.findByRole("button", { name: "Calibrate to my portfolio" }));
    const table = await screen.findByRole("combobox", { name: "History table" });
    await waitFor(() => expect(within(table).getByRole("option", { name: "Ledger (644)" })).toBeInTheDocument());
    fireEvent.click(screen.getByRole("button", { name: "Use current selection" }));
    await waitFor(() => expect(table).toHaveDisplayValue(/^Selection Past!A1:R601 \(600 rows\)$/));
    fireEvent.click(screen.getByRole("radio", { name: "From the invoice ledger" }));
    fireEvent.change(screen.getByRole("combobox", { name: /^Invoice ledger table/ }), { target: { value: "Ledger" } });
    fireEvent.change(screen.getByLabelText(/^As-of date of the history/), { target: { value: "2025-06-30" } });
    fireEvent.click(screen.getByRole("button", { name: "Count the labels" }));
    expect((await screen.findByTestId("ledger-labels")).textContent).toMatch(/^600 history customers: 599 labelled \(42 defaulted/);
  });
});
