/**
 * The workbench starts the pane on the tables it suggests (ReviewPane's
 * initialTables): picked once, when the table list arrives, customers first
 * and then the ledger; a name the workbook does not have is ignored; with
 * `review` the review runs as soon as they are picked (the sample).
 */
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ReviewPane } from "../../../src/taskpane/review/ReviewPane";
import type { MemoryWorkbook } from "../../../src/taskpane/services/memory-workbook";
import { AS_OF_ISO, customersTable, ledgerTable, workbook } from "../fixtures";

jest.setTimeout(60_000);

function renderPane(wb: MemoryWorkbook, initialTables?: { customers?: string; ledger?: string; review?: boolean }) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <ReviewPane port={wb} lang="en" progressDelayMs={0} initialAsOf={AS_OF_ISO} initialTables={initialTables} />
    </FluentProvider>,
  );
}

test("the customer table and the ledger are picked when the list arrives, with their mappings shown", async () => {
  renderPane(workbook({ tables: [customersTable(), ledgerTable()] }), { customers: "Customers", ledger: "Invoices" });
  await screen.findByRole("heading", { name: "Invoice ledger columns" });
  expect(screen.getByRole("heading", { name: "Customer table columns" })).toBeInTheDocument();
  expect(screen.getByRole("combobox", { name: "Customer table" })).toHaveValue("Customers");
  expect(screen.getByRole("combobox", { name: "Invoice ledger (optional)" })).toHaveValue("Invoices");
  expect(screen.getByRole("button", { name: "Review portfolio" })).toBeEnabled();
  expect(screen.queryByTestId("band-chart")).toBeNull(); // no review without asking
});

test("with review, the review runs once the tables are picked, with both tables", async () => {
  const wb = workbook({ tables: [customersTable(), ledgerTable()] });
  renderPane(wb, { customers: "Customers", ledger: "Invoices", review: true });
  await screen.findByTestId("band-chart");
  // The aging chart is on the Monitor step, "Review again" on the Data step.
  fireEvent.click(screen.getByRole("tab", { name: "Monitor" }));
  expect(screen.getByTestId("aging-chart")).toBeInTheDocument(); // the ledger was part of it
  fireEvent.click(screen.getByRole("tab", { name: "Data" }));
  expect(screen.getByRole("button", { name: "Review again" })).toBeEnabled();
  expect(wb.writes).toEqual([]);
});

test("without initial tables nothing is picked; an unknown name is ignored", async () => {
  const { unmount } = renderPane(workbook({ tables: [customersTable(), ledgerTable()] }));
  await waitFor(() => expect(screen.getByRole("combobox", { name: "Customer table" })).toHaveTextContent(/Customers \(4 rows\)/));
  expect(screen.getByRole("combobox", { name: "Customer table" })).toHaveValue("");
  unmount();
  renderPane(workbook({ tables: [customersTable(), ledgerTable()] }), { customers: "Nope", ledger: "Invoices" });
  await screen.findByRole("heading", { name: "Invoice ledger columns" });
  expect(screen.getByRole("combobox", { name: "Customer table" })).toHaveValue("");
  expect(screen.queryByRole("heading", { name: "Customer table columns" })).toBeNull();
});
