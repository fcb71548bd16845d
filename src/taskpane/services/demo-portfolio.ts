/**
 * The demo workbook of `taskpane.html?mock=demo` and the tests: the demo
 * portfolio of the engine's synthetic data (src/engine/synthetic.ts, with
 * its planted data problems) plus a customer name that looks like a formula,
 * in an in-memory workbook with a note of the user's right of the table (the
 * overwrite guard asks before writing over it). Never part of the add-in's
 * production path (a separate chunk, loaded only with the flag).
 */
import { DEMO_CUSTOMER_HEADERS, demoTables as syntheticDemoTables, type DemoOptions, type SyntheticTable } from "../../engine/synthetic";
import { createMemoryWorkbook, type MemoryWorkbook } from "./memory-workbook";

export { DEMO_CUSTOMER_HEADERS, DEMO_LEDGER_HEADERS, normal, rng, type DemoOptions } from "../../engine/synthetic";

/** The formula-looking customer name planted in row 3 (must reach the sheet as text). */
export const DEMO_INJECTION_NAME = '=HYPERLINK("http://example.com","Click me")';

/** The demo customer table and invoice ledger (see the engine's `demoTables`), row 3 named like a formula. */
export function demoTables(o: DemoOptions): { customers: SyntheticTable; ledger: SyntheticTable; quality: number[] } {
  const t = syntheticDemoTables(o);
  t.customers.rows[2][1] = DEMO_INJECTION_NAME;
  return t;
}

/**
 * The demo workbook: tables "Customers" and "Invoices", the selection on the
 * customer table, and a user's note right of it (cell P6, where the second
 * risk column would go).
 */
export function createDemoWorkbook(o: DemoOptions & { latencyMs?: number }): MemoryWorkbook {
  const { customers, ledger } = demoTables(o);
  const { name: _name, ...selection } = customers;
  return createMemoryWorkbook({
    tables: [customers, ledger],
    selection,
    cells: [{ sheetName: "Customers", row: 5, col: DEMO_CUSTOMER_HEADERS.length + 1, value: "Call back on Monday" }],
    latencyMs: o.latencyMs ?? 0,
    blockRows: 2500,
  });
}

/**
 * The demo workbook for `taskpane.html?mock=demo`: `rows` (customers, default
 * 2,000) and `latency` (ms per block, default 5) from the query; the ledger is
 * anchored at `asof` (ISO, default today).
 */
export function demoWorkbookFromQuery(params: URLSearchParams, todayIso: string): MemoryWorkbook {
  const rows = Number(params.get("rows") ?? 2000);
  const latency = Number(params.get("latency") ?? 5);
  const iso = params.get("asof") ?? todayIso;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const asOf = m ? Math.round((Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - Date.UTC(1899, 11, 30)) / 86_400_000) : 46_000;
  return createDemoWorkbook({
    customers: Number.isFinite(rows) ? Math.min(1_000_000, Math.max(50, Math.floor(rows))) : 2000,
    asOf,
    latencyMs: Number.isFinite(latency) ? Math.max(0, latency) : 5,
  });
}
