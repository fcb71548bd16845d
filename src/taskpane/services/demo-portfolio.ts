/**
 * A generated demo portfolio (deterministic for a seed): a customer table
 * with English headers the engine's matcher recognises, an invoice ledger,
 * and a few deliberate data problems so every message of the pane can be
 * seen: a customer name that looks like a formula, text in a numeric column,
 * a duplicate customer id, a ledger id that matches no customer, and a note
 * of the user's right of the table (the overwrite guard asks before writing
 * over it). Used by `?mock=demo` and the tests; never by the production path.
 */
import { mulberry32 } from "../../engine/random";
import { createMemoryWorkbook, type MemoryTable, type MemoryWorkbook } from "./memory-workbook";

/** A small, fast, seedable PRNG (mulberry32): numbers in [0, 1). */
export const rng = mulberry32;

export const DEMO_CUSTOMER_HEADERS = [
  "Customer ID",
  "Customer name",
  "Debt ratio",
  "Current ratio",
  "Interest coverage",
  "Return on assets",
  "Sales growth",
  "Years in business",
  "Industry risk",
  "Equity",
  "Sales",
  "Payment terms",
  "Exposure",
  "Credit limit",
  "Notes",
] as const;

export const DEMO_LEDGER_HEADERS = ["Customer ID", "Invoice date", "Due date", "Paid date", "Amount"] as const;

/** The formula-looking customer name planted in row 3 (must reach the sheet as text). */
export const DEMO_INJECTION_NAME = '=HYPERLINK("http://example.com","Click me")';

const SYL = ["An", "Bei", "Chen", "Da", "Eastern", "Fu", "Global", "Hua", "Jin", "Kang", "Lotus", "Ming", "North", "Orient", "Pacific", "Qing", "River", "Shen", "Tian", "Union", "Wei", "Xin", "Yang", "Zhong"];
const KIND = ["Trading", "Logistics", "Foods", "Textiles", "Metals", "Electronics", "Chemicals", "Packaging", "Machinery", "Retail"];
const FORM = ["Ltd", "Co., Ltd", "GmbH", "Inc.", "S.A.", "BV"];

/** A standard normal draw (Box–Muller) from a uniform generator. */
export function normal(r: () => number): number {
  const u = Math.max(1e-12, r());
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

export interface DemoOptions {
  /** Customers (default 2,000). */
  customers?: number;
  /** Excel serial the ledger is anchored to (invoices fall due around it). */
  asOf: number;
  seed?: number;
  /** Share of customers with invoices in the ledger (default 0.75). */
  invoiceShare?: number;
  /** Invoices per customer with invoices, [fewest, most] (default [3, 6]). */
  invoicesPerCustomer?: readonly [number, number];
}

/**
 * The demo customer table and invoice ledger, and the latent credit quality
 * of each customer (standard normal; higher = safer) that drove its figures
 * (the sample workbook derives its labelled history from it).
 */
export function demoTables(o: DemoOptions): { customers: MemoryTable; ledger: MemoryTable; quality: number[] } {
  const n = Math.max(50, o.customers ?? 2000);
  const r = rng(o.seed ?? 20261031);
  const rows: unknown[][] = new Array(n);
  const invoices: unknown[][] = [];
  const quality: number[] = new Array(n);
  const share = o.invoiceShare ?? 0.75;
  const [fewest, most] = o.invoicesPerCustomer ?? [3, 6];
  for (let i = 0; i < n; i++) {
    const q = normal(r);
    quality[i] = q;
    const id = `C${String(i + 1).padStart(6, "0")}`;
    const name = `${SYL[Math.floor(r() * SYL.length)]} ${KIND[Math.floor(r() * KIND.length)]} ${FORM[Math.floor(r() * FORM.length)]}`;
    const equity = round(Math.exp(14 + 0.8 * q + 0.9 * normal(r)), -3);
    const sales = round(Math.exp(15.8 + 0.4 * q + 0.8 * normal(r)), -3);
    const terms = [30, 30, 45, 60, 90][Math.floor(r() * 5)];
    const exposure = round(((sales * terms) / 365) * (0.04 + 0.08 * r()) * Math.exp(-0.25 * q), 0);
    const limit = round(exposure * (0.8 + 0.9 * r()), -3);
    rows[i] = [
      id,
      name,
      round(Math.min(1.4, Math.max(0.05, 0.55 - 0.16 * q + 0.1 * normal(r))), 3),
      round(Math.max(0.2, 1.5 + 0.45 * q + 0.3 * normal(r)), 2),
      round(4 + 3.2 * q + 1.5 * normal(r), 1),
      round(0.04 + 0.045 * q + 0.02 * normal(r), 3),
      round(Math.max(-0.6, 0.05 + 0.08 * q + 0.06 * normal(r)), 3),
      Math.max(0, Math.round(Math.exp(2.1 + 0.5 * q + 0.5 * normal(r)))),
      1 + Math.floor(r() * 5),
      equity,
      sales,
      terms,
      exposure,
      limit,
      r() < 0.05 ? "Key account" : "",
    ];
    // Ledger: three quarters of the customers (by default) have 3–6 invoices around the as-of date.
    if (r() < share) {
      const k = fewest + Math.floor(r() * (most - fewest + 1));
      for (let j = 0; j < k; j++) {
        const inv = o.asOf - Math.floor(10 + r() * 150);
        const due = inv + terms;
        const late = Math.max(0, Math.round(normal(r) * 12 - 10 * q + 6));
        const paidAt = due + late;
        const paid = paidAt <= o.asOf && r() < 0.9 ? paidAt : "";
        invoices.push([id, inv, due, paid, round((exposure / 3) * (0.5 + r()), 2)]);
      }
    }
  }
  // Deliberate problems, for the pane's messages.
  rows[2][1] = DEMO_INJECTION_NAME;
  rows[16][2] = "12,5 %";
  rows[40][0] = rows[39][0];
  invoices.push(["C999999", o.asOf - 40, o.asOf - 10, "", 12_500]);
  return {
    customers: { name: "Customers", sheetName: "Customers", headers: [...DEMO_CUSTOMER_HEADERS], rows },
    ledger: { name: "Invoices", sheetName: "Invoices", headers: [...DEMO_LEDGER_HEADERS], rows: invoices },
    quality,
  };
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
