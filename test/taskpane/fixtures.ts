/**
 * A small customer table and ledger for the task-pane tests, with figures a
 * reader can check by hand against the default credit policy:
 *  - C1 band B: limit = min(35 % × 2,000,000, 5 % × 10,000,000 × 60/30) = 700,000 (net-worth cap), exposure 100,000.
 *  - C2 band D: limit = min(10 % × 500,000, 1 % × 4,000,000 × 30/30) = 40,000 (turnover cap);
 *    exposure 150,000 → breach 110,000. Its name looks like a formula.
 *  - C3 band C: limit = min(20 % × 1,000,000, 3 % × 5,000,000) = 150,000.
 *  - C4 band C: limit = min(20 % × 800,000, 3 % × 3,000,000 × 45/30) = 135,000.
 * (Bands come from the bundled scorecard, model 2.0.0: scores 68.8, 45.6, 59.6, 64.6. For model 2.0.0, C1's debt
 * ratio went from 0.3 to 0.45 and C4's days late from 5 to 10, so that each customer keeps its band and the
 * figures above stay as they were.)
 */
import { createMemoryWorkbook, type MemoryTable, type MemoryWorkbookOptions } from "../../src/taskpane/services/memory-workbook";

export const INJECTION_NAME = '=HYPERLINK("http://example.com","Click me")';

export const CUSTOMER_HEADERS = [
  "Customer ID",
  "Customer name",
  "Debt ratio",
  "Interest coverage",
  "Average days late",
  "Equity",
  "Sales",
  "Payment terms",
  "Exposure",
];

export const CUSTOMER_ROWS: unknown[][] = [
  ["C1", "Alpha Ltd", 0.45, 12, 0, 2_000_000, 10_000_000, 60, 100_000],
  ["C2", INJECTION_NAME, 0.9, 0.8, 40, 500_000, 4_000_000, 30, 150_000],
  ["C3", "Gamma Co", 0.6, 3, 10, 1_000_000, 5_000_000, 30, 20_000],
  ["C4", "Delta GmbH", 0.5, 5, 10, 800_000, 3_000_000, 45, 60_000],
];

export function customersTable(rows: unknown[][] = CUSTOMER_ROWS, headers: unknown[] = CUSTOMER_HEADERS): MemoryTable {
  return { name: "Customers", sheetName: "Sheet1", headers: [...headers], rows: rows.map((r) => [...r]) };
}

/** The as-of date of the tests: 2026-06-30. */
export const AS_OF_ISO = "2026-06-30";
export const AS_OF = 46203; // serialFromYmd(2026, 6, 30)

/** Invoices: C1 pays on time, C2 has an invoice 45 days overdue, X9 is in no customer row. */
export const LEDGER_HEADERS = ["Customer ID", "Invoice date", "Due date", "Paid date", "Amount"];
export const LEDGER_ROWS: unknown[][] = [
  ["C1", AS_OF - 90, AS_OF - 60, AS_OF - 60, 50_000],
  ["C1", AS_OF - 20, AS_OF + 10, "", 30_000],
  ["C2", AS_OF - 75, AS_OF - 45, "", 40_000],
  ["X9", AS_OF - 40, AS_OF - 10, "", 12_500],
];

export function ledgerTable(): MemoryTable {
  return { name: "Invoices", sheetName: "Ledger", headers: [...LEDGER_HEADERS], rows: LEDGER_ROWS.map((r) => [...r]) };
}

export function workbook(options: MemoryWorkbookOptions = {}) {
  return createMemoryWorkbook({ tables: [customersTable(), ledgerTable()], ...options });
}
