/**
 * The write-back flow of the pane, in jsdom against the in-memory workbook:
 * the user changes the target while the confirmation is open → the write is
 * refused and the dialog comes back naming the cell → confirmed → written →
 * "Restore previous values" puts everything back (and refuses when the
 * written cells changed). Also: the report sheet the user renamed or edited.
 */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ReviewPane } from "../../src/taskpane/review/ReviewPane";
import type { MemoryWorkbook } from "../../src/taskpane/services/memory-workbook";
import { AS_OF_ISO, workbook } from "./fixtures";
import { DEFAULT_POLICY } from "../../src/engine/policy";

function renderPane(wb: MemoryWorkbook, lang: "en" | "zh" = "en") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <ReviewPane port={wb} lang={lang} progressDelayMs={0} initialAsOf={AS_OF_ISO} />
    </FluentProvider>,
  );
}

async function reviewed(wb: MemoryWorkbook) {
  renderPane(wb);
  const select = screen.getByRole("combobox", { name: "Customer table" });
  await waitFor(() => expect(within(select).getByRole("option", { name: /^Customers \(/ })).toBeInTheDocument());
  fireEvent.change(select, { target: { value: "Customers" } });
  await screen.findByRole("heading", { name: "Customer table columns" });
  fireEvent.click(screen.getByRole("button", { name: "Review portfolio" }));
  await screen.findByTestId("band-chart");
  fireEvent.click(screen.getByRole("tab", { name: "Write" }));
}

/** The open dialog and its buttons, found through the accessibility tree (it opens with the focus inside it). */
const openDialog = () => screen.findByRole("alertdialog");
const dialogButton = async (name: string) => within(await openDialog()).findByRole("button", { name });

/** Cells J1:O5, where the six value columns go. */
const block = (wb: MemoryWorkbook) =>
  Array.from({ length: 5 }, (_, r) => Array.from({ length: 6 }, (_, c) => wb.cellAt("Sheet1", r, 9 + c)));

describe("write back, re-checked at write time, and restored", () => {
  test("plan → the user types into the target while the dialog is open → refused, the cell named → confirmed → written → Restore previous values", async () => {
    const wb = workbook({ cells: [{ sheetName: "Sheet1", row: 1, col: 9, value: "my J2" }] });
    const before = block(wb);
    await reviewed(wb);
    fireEvent.click(screen.getByRole("radio", { name: /Static values/ }));
    fireEvent.click(screen.getByRole("checkbox", { name: /\(Re\)generate/ }));
    expect(screen.queryByRole("button", { name: "Restore previous values" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Write to workbook…" }));
    let dialog = await openDialog();
    expect(within(dialog).getByTestId("overwrite-warning")).toHaveTextContent(
      "Non-empty cells that CreditSentinel did not write would be overwritten: 1, e.g. Sheet1!J2.",
    );

    // While the dialog is open, the user types into an empty target cell.
    wb.edit("Sheet1", 2, 10, "call Tuesday"); // K3
    fireEvent.click(await dialogButton("Overwrite and write"));
    const notice = await within(await openDialog()).findByTestId("changed-since", {}, { timeout: 15_000 });
    expect(notice).toHaveTextContent(
      "Since the check, 1 cell of the target changed, e.g. Sheet1!K3. Nothing was written. Check it, then confirm again.",
    );
    expect(wb.writes).toEqual([]);
    expect(wb.cellAt("Sheet1", 2, 10)).toBe("call Tuesday");
    dialog = await openDialog();
    expect(within(dialog).getByTestId("overwrite-warning")).toHaveTextContent(
      "Non-empty cells that CreditSentinel did not write would be overwritten: 2, e.g. Sheet1!J2, Sheet1!K3.",
    );

    // Confirmed again, with the cell named: written.
    fireEvent.click(await dialogButton("Overwrite and write"));
    expect(await screen.findByText("Written to Sheet1!J1:O5.")).toBeInTheDocument();
    expect(wb.writes).toHaveLength(1);
    expect(wb.cellAt("Sheet1", 2, 10)).toBe("D");
    expect(await screen.findByTestId("last-write")).toHaveTextContent("Last write: Sheet1!J1:O5.");

    // Restore previous values: everything as before the write, and nothing left to restore.
    fireEvent.click(screen.getByRole("button", { name: "Restore previous values" }));
    expect(await screen.findByText("Previous values restored in Sheet1!J1:O5.")).toBeInTheDocument();
    const expected = before.map((r) => [...r]);
    expected[2][1] = "call Tuesday";
    expect(block(wb)).toEqual(expected);
    expect(wb.numberFormatAt("Sheet1", 1, 9)).toBe("General");
    await waitFor(() => expect(screen.queryByRole("button", { name: "Restore previous values" })).toBeNull());
  });

  test("Restore previous values refuses, naming the cell, when a written cell changed since", async () => {
    const wb = workbook();
    await reviewed(wb);
    fireEvent.click(screen.getByRole("checkbox", { name: /\(Re\)generate/ }));
    fireEvent.click(screen.getByRole("button", { name: "Write to workbook…" }));
    fireEvent.click(await dialogButton("Write"));
    expect(await screen.findByText("Written to Sheet1!J1:O5.")).toBeInTheDocument();
    wb.edit("Sheet1", 3, 9, 42); // J4: the user overrides a score
    fireEvent.click(await screen.findByRole("button", { name: "Restore previous values" }));
    expect(
      await screen.findByText("Not restored: 1 cell changed since CreditSentinel wrote it, e.g. Sheet1!J4. Nothing was changed."),
    ).toBeInTheDocument();
    expect(wb.cellAt("Sheet1", 3, 9)).toBe(42);
    expect(wb.cellAt("Sheet1", 1, 9)).toMatch(/^=RISK\.CREDITSCORE/);
  });

  test("a cell the add-in wrote and the user changed since is the user's: the dialog says so", async () => {
    const wb = workbook();
    await reviewed(wb);
    fireEvent.click(screen.getByRole("radio", { name: /Static values/ }));
    fireEvent.click(screen.getByRole("checkbox", { name: /\(Re\)generate/ }));
    fireEvent.click(screen.getByRole("button", { name: "Write to workbook…" }));
    fireEvent.click(await dialogButton("Write"));
    expect(await screen.findByText("Written to Sheet1!J1:O5.")).toBeInTheDocument();
    wb.edit("Sheet1", 2, 10, "A (committee)"); // K3, the band of C2
    fireEvent.click(screen.getByRole("button", { name: "Write to workbook…" }));
    const dialog = await openDialog();
    expect(within(dialog).getByText("Overwrite your cells?")).toBeInTheDocument();
    expect(within(dialog).getByTestId("overwrite-warning")).toHaveTextContent("would be overwritten: 1, e.g. Sheet1!K3.");
    expect(within(dialog).getByTestId("edited-warning")).toHaveTextContent(
      "Of these, 1 was written by CreditSentinel and changed since, e.g. Sheet1!K3: it is yours now.",
    );
    fireEvent.click(await dialogButton("Cancel"));
    expect(await screen.findByText("Nothing was written.")).toBeInTheDocument();
    expect(wb.cellAt("Sheet1", 2, 10)).toBe("A (committee)");
  });

  test("a report sheet the user edited: the dialog names the cell and offers to keep it; kept, the report goes to a new sheet", async () => {
    const wb = workbook();
    await reviewed(wb);
    fireEvent.click(screen.getByRole("radio", { name: /Static values/ }));
    fireEvent.click(screen.getByRole("button", { name: "Write to workbook…" }));
    fireEvent.click(await dialogButton("Write"));
    expect(await screen.findByText(/The “Risk report” sheet was \(re\)generated\./)).toBeInTheDocument();
    wb.edit("Risk report", 30, 7, "notes for the committee"); // H31
    fireEvent.click(screen.getByRole("button", { name: "Write to workbook…" }));
    const dialog = await openDialog();
    const warning = within(dialog).getByTestId("report-warning");
    expect(warning).toHaveTextContent(
      "The report sheet “Risk report” was changed since CreditSentinel wrote it: 1 cell, e.g. 'Risk report'!H31.",
    );
    expect(
      within(warning).getByRole("radio", { name: "Keep it as it is and write the report to a new sheet “Risk report (2)”" }),
    ).toBeChecked();
    fireEvent.click(await dialogButton("Write"));
    expect(
      await screen.findByText(/The “Risk report \(2\)” sheet was \(re\)generated\. Your sheet “Risk report” was left as it is\./),
    ).toBeInTheDocument();
    expect(wb.cellAt("Risk report", 30, 7)).toBe("notes for the committee");
    expect(wb.sheetNames()).toContain("Risk report (2)");
  });

  test("the report sheet changes again while the dialog is open: nothing is written to it, the dialog comes back saying so", async () => {
    const wb = workbook();
    await reviewed(wb);
    fireEvent.click(screen.getByRole("radio", { name: /Static values/ }));
    fireEvent.click(screen.getByRole("button", { name: "Write to workbook…" }));
    fireEvent.click(await dialogButton("Write"));
    expect(await screen.findByText(/The “Risk report” sheet was \(re\)generated\./)).toBeInTheDocument();
    wb.edit("Risk report", 30, 7, "first note");
    fireEvent.click(screen.getByRole("button", { name: "Write to workbook…" }));
    const dialog = await openDialog();
    fireEvent.click(within(dialog).getByRole("radio", { name: /^Replace the contents of “Risk report”/ }));
    wb.edit("Risk report", 31, 7, "second note, typed while the dialog was open");
    fireEvent.click(await dialogButton("Write"));
    expect(
      await within(await openDialog()).findByText(
        "The report sheet “Risk report” changed since the check. Nothing was written to it. Check it, then confirm again.",
        {},
        { timeout: 15_000 },
      ),
    ).toBeInTheDocument();
    expect(within(await openDialog()).getByTestId("report-warning")).toHaveTextContent(
      "2 cells, e.g. 'Risk report'!H31, 'Risk report'!H32.",
    );
    expect(wb.cellAt("Risk report", 31, 7)).toBe("second note, typed while the dialog was open");
    fireEvent.click(await dialogButton("Cancel"));
    expect(await screen.findByText(/^Written to Sheet1!J1:O5\.$/)).toBeInTheDocument();
    expect(wb.cellAt("Risk report", 30, 7)).toBe("first note");
  });

  test("a renamed report sheet, replaced after confirming, can be restored", async () => {
    const wb = workbook();
    await reviewed(wb);
    fireEvent.click(screen.getByRole("radio", { name: /Static values/ }));
    fireEvent.click(screen.getByRole("button", { name: "Write to workbook…" }));
    fireEvent.click(await dialogButton("Write"));
    expect(await screen.findByText(/sheet was \(re\)generated/)).toBeInTheDocument();
    wb.renameSheet("Risk report", "Q3 review");
    wb.edit("Q3 review", 0, 0, "My Q3 review");
    fireEvent.click(screen.getByRole("button", { name: "Write to workbook…" }));
    const dialog = await openDialog();
    expect(within(dialog).getByTestId("report-warning")).toHaveTextContent("The report sheet “Risk report” was renamed “Q3 review”.");
    fireEvent.click(within(dialog).getByRole("radio", { name: "Replace the contents of “Q3 review” (you can restore them afterwards)" }));
    fireEvent.click(await dialogButton("Write"));
    expect(await screen.findByText(/The “Q3 review” sheet was \(re\)generated\./)).toBeInTheDocument();
    expect(wb.cellAt("Q3 review", 0, 0)).toBe("CreditSentinel portfolio risk report");
    fireEvent.click(screen.getByRole("button", { name: "Restore previous values" }));
    expect(await screen.findByText(/^Previous values restored in .*Q3 review/)).toBeInTheDocument();
    expect(wb.cellAt("Q3 review", 0, 0)).toBe("My Q3 review");
  });

  test("in Chinese: the restore button and its messages", async () => {
    const wb = workbook();
    renderPane(wb, "zh");
    const select = screen.getByRole("combobox", { name: "客户表" });
    await waitFor(() => expect(within(select).getByRole("option", { name: /^Customers/ })).toBeInTheDocument());
    fireEvent.change(select, { target: { value: "Customers" } });
    await screen.findByRole("heading", { name: "客户表的列" });
    fireEvent.click(screen.getByRole("button", { name: "评估组合" }));
    await screen.findByTestId("band-chart");
    fireEvent.click(screen.getByRole("tab", { name: "写回" }));
    fireEvent.click(screen.getByRole("button", { name: "写入工作簿…" }));
    fireEvent.click(await dialogButton("写入"));
    fireEvent.click(await screen.findByRole("button", { name: "恢复先前的值" }));
    expect(await screen.findByText(/^已恢复 Sheet1!J1:O5 中先前的值。/)).toBeInTheDocument();
  });
});

describe("a calibrated model that does not travel with the file", () => {
  test("the workbench (settings stay in the page): formulas are off, the pane says why, and values are written", async () => {
    const calibrated = { ...DEFAULT_POLICY, model: { ...DEFAULT_POLICY.model, version: "2.0.0+levels" } };
    const wb: MemoryWorkbook = { ...workbook(), settingsTravel: false };
    render(
      <FluentProvider theme={webLightTheme}>
        <ReviewPane port={wb} lang="en" progressDelayMs={0} initialAsOf={AS_OF_ISO} policy={calibrated} />
      </FluentProvider>,
    );
    const select = screen.getByRole("combobox", { name: "Customer table" });
    await waitFor(() => expect(within(select).getByRole("option", { name: /^Customers \(/ })).toBeInTheDocument());
    fireEvent.change(select, { target: { value: "Customers" } });
    await screen.findByRole("heading", { name: "Customer table columns" });
    fireEvent.click(screen.getByRole("button", { name: "Review portfolio" }));
    await screen.findByTestId("band-chart");
    fireEvent.click(screen.getByRole("tab", { name: "Write" }));
    expect(screen.getByRole("radio", { name: "Live RISK formulas" })).toBeDisabled();
    expect(screen.getByText(/which the downloaded file does not carry/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole("checkbox", { name: /\(Re\)generate/ }));
    fireEvent.click(screen.getByRole("button", { name: "Write to workbook…" }));
    fireEvent.click(await dialogButton("Write"));
    await waitFor(() => expect(wb.cellAt("Sheet1", 0, 9)).toBe("Risk score"));
    expect(typeof wb.cellAt("Sheet1", 1, 9)).toBe("number");
  });
});
