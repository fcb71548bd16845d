/**
 * Portfolio review benchmark: rows per second through the task pane's engine
 * pipeline (prepareReview → reviewChunk in 5,000-row chunks → summarise) for
 * 200,000 synthetic customers, without and with a 1,000,000-invoice ledger.
 * Run alone with `npx tsx bench/review.ts`, or via `npm run bench`.
 */
import { autoMapColumns, prepareReview, reviewChunk, summarise } from "../src/engine/portfolio";
import type { MappedTable, ReviewState } from "../src/engine/portfolio";
import { isEngineError } from "../src/engine/errors";
import { serialFromYmd } from "../src/engine/dates";
import { DEFAULT_POLICY } from "../src/engine/policy";

const ROWS = 200_000;
const INVOICES = 1_000_000;
const CHUNK = 5_000;
const RUNS = 3;
const AS_OF = serialFromYmd(2026, 6, 30);

function rng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** A customer table as Excel's `Range.values` gives it: numbers, text, "" for empty cells. */
export function makeCustomers(n: number): MappedTable {
  const headers = [
    "Customer ID",
    "Customer name",
    "Debt ratio",
    "Quick ratio",
    "EBIT / total assets",
    "Interest coverage",
    "Average days late",
    "Overdue share",
    "Years in business",
    "Industry risk",
    "Litigation",
    "Equity",
    "Sales",
    "Exposure",
    "Credit limit",
    "Payment terms",
  ];
  const r = rng(7);
  const rows: unknown[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const equity = Math.round(r() * 5_000_000) - 200_000;
    rows[i] = [
      `C${i}`,
      `Customer ${i}`,
      Math.round(r() * 120) / 100,
      r() < 0.1 ? "" : Math.round(r() * 300) / 100,
      Math.round((r() * 0.4 - 0.1) * 1000) / 1000,
      Math.round((r() * 20 - 2) * 10) / 10,
      r() < 0.3 ? "" : Math.floor(r() * 90), // blank → filled from the ledger
      r() < 0.3 ? "" : Math.round(r() * 100) / 100,
      Math.floor(r() * 40),
      1 + Math.floor(r() * 5),
      Math.floor(r() * 3),
      equity,
      Math.round(r() * 30_000_000),
      r() < 0.2 ? "" : Math.round(r() * 800_000),
      Math.round(r() * 500_000),
      [30, 45, 60][i % 3],
    ];
  }
  return { headers, rows, mapping: autoMapColumns(headers) };
}

/** An invoice ledger over the first `customers` ids plus a few unknown ones. */
export function makeLedger(n: number, customers: number): MappedTable {
  const headers = ["Customer ID", "Invoice date", "Due date", "Paid date", "Amount", "Disputed"];
  const r = rng(11);
  const start = AS_OF - 540;
  const rows: unknown[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const d = start + Math.floor(r() * 540);
    const terms = [30, 45, 60][i % 3];
    const paid = r() < 0.75 && d + terms + 40 < AS_OF;
    const id = r() < 0.001 ? `X${Math.floor(r() * 100)}` : `C${Math.floor(r() * customers)}`;
    rows[i] = [
      id,
      d,
      d + terms,
      paid ? d + Math.floor(r() * (terms + 40)) : "",
      Math.round(r() * 50_000) / 100 + 10,
      r() < 0.01 ? "yes" : "",
    ];
  }
  return { headers, rows, mapping: autoMapColumns(headers, "ledger") };
}

function run(table: MappedTable, ledger: MappedTable | null): { prepare: number; chunks: number; summary: number } {
  const t0 = performance.now();
  const st = prepareReview({ ...table, ledger, asOf: AS_OF, policy: DEFAULT_POLICY, lang: "en" });
  if (isEngineError(st)) throw new Error(st.message);
  const t1 = performance.now();
  for (let i = 0; i < st.total; i += CHUNK) reviewChunk(st as ReviewState, i, i + CHUNK);
  const t2 = performance.now();
  const s = summarise(st);
  const t3 = performance.now();
  if (s.reviewed !== table.rows.length) throw new Error("review incomplete");
  return { prepare: t1 - t0, chunks: t2 - t1, summary: t3 - t2 };
}

function report(label: string, rows: number, table: MappedTable, ledger: MappedTable | null): void {
  run(table, ledger); // warm-up
  let best = { prepare: Infinity, chunks: Infinity, summary: Infinity };
  let bestTotal = Infinity;
  for (let k = 0; k < RUNS; k++) {
    const t = run(table, ledger);
    const total = t.prepare + t.chunks + t.summary;
    if (total < bestTotal) {
      bestTotal = total;
      best = t;
    }
  }
  const perSec = Math.round(rows / (bestTotal / 1000)).toLocaleString("en-US");
  console.log(
    `${label.padEnd(44)} best of ${RUNS}: ${bestTotal.toFixed(0)} ms (prepare ${best.prepare.toFixed(0)}, chunks ${best.chunks.toFixed(0)}, summarise ${best.summary.toFixed(0)}) → ${perSec} rows/s`,
  );
}

/** Prints rows/s for the review of 200,000 customers, without and with a 1,000,000-invoice ledger. */
export async function benchReview(): Promise<void> {
  const table = makeCustomers(ROWS);
  console.log(`Portfolio review: ${ROWS.toLocaleString("en-US")} synthetic customers, chunks of ${CHUNK.toLocaleString("en-US")} rows`);
  report("customers only", ROWS, table, null);
  const ledger = makeLedger(INVOICES, ROWS);
  report(`with a ${INVOICES.toLocaleString("en-US")}-invoice ledger`, ROWS, table, ledger);
}

if (require.main === module) void benchReview();
