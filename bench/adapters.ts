/**
 * Throughput of the custom-function adapters (argument coercion, engine,
 * error mapping) on 100,000-row spills: what one recalculation of a whole
 * column costs inside Excel's JavaScript runtime, minus Excel itself.
 */
import "../test/functions/custom-functions-global";
import { creditLimit, creditScore, dso, dunningStage } from "../src/functions/functions";

/** Excel passes null for an omitted optional argument (the declared type says undefined). */
const OMITTED = null as unknown as undefined;

const N = 100_000;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function time(label: string, rows: number, fn: () => unknown, repeats = 3): void {
  fn(); // warm-up
  let best = Infinity;
  for (let k = 0; k < repeats; k++) {
    const t0 = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  console.log(
    `  ${label.padEnd(44)} ${Math.round(rows / best)
      .toLocaleString("en-US")
      .padStart(12)} rows/s  (${(best * 1000).toFixed(1)} ms for ${rows.toLocaleString("en-US")})`,
  );
}

export async function benchAdapters(): Promise<void> {
  const r = rng(42);
  const header = [
    "Debt ratio",
    "Current ratio",
    "Interest coverage",
    "ROA",
    "EBIT to assets",
    "Avg days late",
    "Industry risk",
    "Years in business",
  ];
  const table: unknown[][] = [header];
  for (let i = 0; i < N; i++) {
    table.push([
      r(),
      0.3 + 3 * r(),
      -2 + 20 * r(),
      -0.2 + 0.4 * r(),
      -0.2 + 0.4 * r(),
      Math.floor(60 * r() * r()),
      1 + Math.floor(5 * r()),
      Math.floor(40 * r()),
    ]);
  }
  const col = (f: () => unknown) => Array.from({ length: N }, () => [f()]);
  const scores = col(() => 100 * r());
  const netWorth = col(() => 1e7 * r());
  const sales = col(() => 5e7 * r());
  const ar = col(() => 1e6 * r());
  const due = col(() => 46000 + Math.floor(400 * r()));
  console.log("Custom-function adapters (Excel argument in → Excel values out):");
  time("CREDITSCORE(values) score", N, () => creditScore(table, undefined, OMITTED));
  time('CREDITSCORE(values, , "all")', N, () => creditScore(table, undefined, "all"));
  time("CREDITLIMIT(score, net_worth, annual_sales)", N, () => creditLimit(scores, netWorth, sales, OMITTED, OMITTED, OMITTED, OMITTED));
  time("DSO(receivables, credit_sales)", N, () => dso(ar, sales, OMITTED, OMITTED));
  time("DUNNINGSTAGE(due_date, as_of)", N, () => dunningStage(due, [[46348]], OMITTED, OMITTED, OMITTED, OMITTED));
}

if (require.main === module) void benchAdapters();
