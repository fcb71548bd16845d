/**
 * Synthetic portfolios, deterministic for a seed: the demo portfolio of the
 * task pane (`taskpane.html?mock=demo`, its tests and `npm run bench`) and the
 * sample workbook the workbench opens and `npm run sample` writes
 * (assets/sample/). Pure data generation: no rule of the engine lives here;
 * it is in the engine so the pane, the scripts and the benches share it.
 *
 * The demo portfolio: a customer table with English headers the engine's
 * matcher recognises, an invoice ledger, and a few deliberate data problems
 * so every message of the pane can be seen: text in a numeric column, a
 * duplicate customer id and a ledger id that matches no customer.
 */
import { mulberry32 } from "./random";

/** A generated table: a header row and data rows, named, on a sheet of its own. */
export interface SyntheticTable {
  name: string;
  sheetName: string;
  headers: unknown[];
  rows: unknown[][];
}

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

const SYL = [
  "An",
  "Bei",
  "Chen",
  "Da",
  "Eastern",
  "Fu",
  "Global",
  "Hua",
  "Jin",
  "Kang",
  "Lotus",
  "Ming",
  "North",
  "Orient",
  "Pacific",
  "Qing",
  "River",
  "Shen",
  "Tian",
  "Union",
  "Wei",
  "Xin",
  "Yang",
  "Zhong",
];
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
export function demoTables(o: DemoOptions): { customers: SyntheticTable; ledger: SyntheticTable; quality: number[] } {
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
  // Deliberate problems, for the pane's messages (the pane's demo also gives row 3 a formula-looking name).
  rows[16][2] = "12,5 %";
  rows[40][0] = rows[39][0];
  invoices.push(["C999999", o.asOf - 40, o.asOf - 10, "", 12_500]);
  return {
    customers: { name: "Customers", sheetName: "Customers", headers: [...DEMO_CUSTOMER_HEADERS], rows },
    ledger: { name: "Invoices", sheetName: "Invoices", headers: [...DEMO_LEDGER_HEADERS], rows: invoices },
    quality,
  };
}

// ---------------------------------------------------------------- the sample workbook

/** The sample workbook the workbench opens first (assets/sample/, written by `npm run sample`). */
export const SAMPLE_FILE_NAME = "creditsentinel-sample.xlsx";

/** The as-of date the sample's ledger is anchored to (the workbench reviews the sample at this date). */
export const SAMPLE_AS_OF = "2026-10-31";

/** Excel tables of the sample workbook (each on a sheet of the same name, but History). */
export const SAMPLE_TABLES = {
  /** Customers with statements and payment history, English headers. */
  customers: "Customers",
  /** Another customer portfolio with Chinese headers. */
  customersZh: "客户",
  /** Invoice ledger of the English customers. */
  ledger: "Invoices",
  /** Labelled history for calibration: factors and a Defaulted yes/no column. */
  history: "History",
} as const;

/** The sheet of the History table ("History" itself is a sheet name Excel reserves). */
export const SAMPLE_HISTORY_SHEET = "Default history";

/** The CSV files next to the workbook (for `npm run score` and the workbench). */
export const SAMPLE_CSV_FILES = {
  customers: "creditsentinel-customers.csv",
  /** Saved in GB18030, as Excel in Chinese saves "CSV (comma delimited)". */
  customersZh: "creditsentinel-customers-zh.csv",
  history: "creditsentinel-history.csv",
} as const;
