/**
 * Receivables benchmark: invoices per second for PAYBEHAVIOR and AGING over
 * 100,000 invoices (the engine cores, as the custom functions call them).
 * Run alone with `npx tsx bench/receivables.ts`, or via `npm run bench`.
 */
import { agingCore } from "../src/engine/receivables/aging";
import { payBehaviorCore } from "../src/engine/receivables/pay-behavior";
import { serialFromYmd } from "../src/engine/dates";

const N = 100_000;
const CUSTOMERS = 5_000;
const RUNS = 5;

/** A deterministic synthetic ledger: one invoice per row, as Excel passes n × 1 ranges. */
function makeLedger(n: number) {
  const start = serialFromYmd(2025, 1, 1);
  const ids: unknown[][] = [];
  const inv: unknown[][] = [];
  const due: unknown[][] = [];
  const paid: unknown[][] = [];
  const amt: unknown[][] = [];
  const open: unknown[][] = [];
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < n; i++) {
    const d = start + Math.floor(rnd() * 540);
    const terms = [30, 45, 60][i % 3];
    const isPaid = rnd() < 0.7;
    const a = Math.round(rnd() * 50_000) / 100 + 10;
    ids.push([`CUST-${Math.floor(rnd() * CUSTOMERS)}`]);
    inv.push([d]);
    due.push([d + terms]);
    paid.push([isPaid ? d + Math.floor(rnd() * (terms + 40)) : ""]);
    amt.push([a]);
    open.push([isPaid ? 0 : a]);
  }
  return { ids, inv, due, paid, amt, open, asOf: start + 560 };
}

function time(label: string, n: number, fn: () => unknown): number {
  fn(); // warm-up
  let best = Infinity;
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  const perSec = n / (best / 1000);
  console.log(
    `${label.padEnd(30)} ${n.toLocaleString("en-US")} invoices, best of ${RUNS}: ${best.toFixed(1)} ms → ${Math.round(perSec).toLocaleString("en-US")} invoices/s`,
  );
  return perSec;
}

/** Prints invoices/s for payBehaviorCore and agingCore over 100,000 invoices. */
export async function benchReceivables(): Promise<void> {
  const l = makeLedger(N);
  console.log(`Receivables engine: ${N.toLocaleString("en-US")} synthetic invoices, ${CUSTOMERS.toLocaleString("en-US")} customers`);
  time("PAYBEHAVIOR", N, () => payBehaviorCore(l.ids, l.inv, l.due, l.paid, l.amt, l.asOf));
  time("AGING (amounts per bucket)", N, () => agingCore(l.due, l.asOf, l.open, null, "en"));
  time("AGING (label per invoice)", N, () => agingCore(l.due, l.asOf, null, null, "en"));
}

// Standalone: `npx tsx bench/receivables.ts`.
if (/bench[\\/]receivables\.ts$/.test(process.argv[1] ?? "")) {
  benchReceivables().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
