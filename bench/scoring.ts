/**
 * Scoring benchmark: rows per second for 100,000 synthetic customers through
 * the engine kernel (precompiled bins, no allocation), `scoreCustomer` (full
 * result with breakdown and reason codes) and `creditScoreCore` (the
 * CREDITSCORE engine entry, cells in, spill out, for "score" and "all").
 * Run alone with `npx tsx bench/scoring.ts`, or via `npm run bench`.
 */
import { FACTOR_COUNT, FactorKey, factorIndex } from "../src/engine/scoring/factors";
import { DEFAULT_MODEL, compileModel } from "../src/engine/scoring/model";
import { scoreCustomer, scoreVector } from "../src/engine/scoring/score";
import { creditScoreCore } from "../src/engine/scoring/creditscore";
import { deriveInPlace } from "../src/engine/scoring/derive";
import { CANONICAL_RATIOS } from "../src/engine/calibration/fit";
import { FIT_STAGES, fitHistory } from "../src/engine/calibration/history-fit";
import type { Sample } from "../src/engine/calibration/sample";
import { mulberry32 } from "../src/engine/random";
import { isEngineError } from "../src/engine/errors";

const N = 100_000;
const RUNS = 5;
const KEYS: FactorKey[] = [
  "debt_ratio",
  "ebit_to_assets",
  "cash_flow_to_debt",
  "quick_ratio",
  "retained_earnings_to_assets",
  "interest_coverage",
  "avg_days_late",
  "max_days_late",
  "overdue_share",
  "years_in_business",
  "industry_risk",
  "litigation_count",
];

/** Deterministic synthetic customers; about 10 % of cells blank. */
function makeRows(n: number): { records: Partial<Record<FactorKey, number>>[]; grid: unknown[][] } {
  let seed = 7;
  const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const ranges: Record<string, [number, number]> = {
    debt_ratio: [0, 1.2],
    ebit_to_assets: [-0.2, 0.3],
    cash_flow_to_debt: [-0.3, 1],
    quick_ratio: [0, 3],
    retained_earnings_to_assets: [-0.3, 0.5],
    interest_coverage: [-5, 20],
    avg_days_late: [0, 90],
    max_days_late: [0, 180],
    overdue_share: [0, 1],
    years_in_business: [0, 40],
    industry_risk: [1, 5],
    litigation_count: [0, 3],
  };
  const records: Partial<Record<FactorKey, number>>[] = [];
  const grid: unknown[][] = [KEYS.slice()];
  for (let i = 0; i < n; i++) {
    const rec: Partial<Record<FactorKey, number>> = {};
    const row: unknown[] = [];
    for (const k of KEYS) {
      const [lo, hi] = ranges[k];
      let x = lo + rnd() * (hi - lo);
      if (k === "industry_risk" || k === "litigation_count") x = Math.round(x);
      if (rnd() < 0.1) row.push("");
      else {
        rec[k] = x;
        row.push(x);
      }
    }
    records.push(rec);
    grid.push(row);
  }
  return { records, grid };
}

function time(label: string, n: number, fn: () => unknown): number {
  fn(); // warm-up
  let best = Infinity;
  for (let r = 0; r < RUNS; r++) {
    const t0 = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  const rate = n / best;
  console.log(
    `  ${label.padEnd(44)} ${Math.round(rate).toLocaleString("en-US").padStart(12)} rows/s  (${(best * 1000).toFixed(1)} ms for ${n.toLocaleString("en-US")})`,
  );
  return rate;
}

/** Prints rows/s for 100,000 rows through the kernel, scoreCustomer and creditScoreCore. */
export async function benchScoring(): Promise<void> {
  console.log(
    `Scoring (model ${DEFAULT_MODEL.version}, ${DEFAULT_MODEL.factors.length} factors, ${KEYS.length} input columns, best of ${RUNS})`,
  );
  const { records, grid } = makeRows(N);
  const c = compileModel(DEFAULT_MODEL);
  // Kernel input: one flat Float64Array, NaN = blank.
  const flat = new Float64Array(N * FACTOR_COUNT).fill(NaN);
  records.forEach((rec, i) => {
    for (const k in rec) flat[i * FACTOR_COUNT + factorIndex(k)] = rec[k as FactorKey] as number;
  });
  const v = new Float64Array(FACTOR_COUNT);
  const out = new Float64Array(2);
  let sink = 0;
  time("engine kernel (scoreVector + derive)", N, () => {
    for (let i = 0; i < N; i++) {
      v.set(flat.subarray(i * FACTOR_COUNT, (i + 1) * FACTOR_COUNT));
      deriveInPlace(v);
      scoreVector(c, v, out);
      sink += out[0];
    }
  });
  time("scoreCustomer (full result + reasons)", N, () => {
    for (let i = 0; i < N; i++) sink += scoreCustomer(records[i]).score;
  });
  time('creditScoreCore output "score"', N, () => creditScoreCore(grid, null, "score", "en"));
  time('creditScoreCore output "all" (with reasons)', N, () => creditScoreCore(grid, null, "all", "en"));
  if (sink === 42) console.log(""); // keep the loops observable
  benchHistoryFit();
}

/** A synthetic labelled history: n customers × every canonical ratio, about 8 % defaults, 3 % blanks. */
export function syntheticHistory(n: number, seed = 5): Sample {
  const r = mulberry32(seed);
  const latent = Float64Array.from({ length: n }, () => r() * 2 - 1);
  const columns: Sample["columns"] = {};
  for (const f of CANONICAL_RATIOS) {
    const up = f.direction === "increasing" ? 1 : -1;
    columns[f.key] = Float64Array.from(latent, (z) => (r() < 0.03 ? NaN : up * z + (r() - 0.5) * 1.5));
  }
  const label = Uint8Array.from(latent, (z) => (r() < 1 / (1 + Math.exp(3 + 2.2 * z)) ? 1 : 0));
  return { n, label, columns };
}

/** Fits to a user's history: 5,000 customers × 17 factors, each stage with its 5-fold cross-validation. */
export function benchHistoryFit(): void {
  const n = 5000;
  const history = syntheticHistory(n);
  const defaults = history.label.reduce((a, b) => a + b, 0);
  console.log(
    `\nFit to a history (${n.toLocaleString("en-US")} customers × ${CANONICAL_RATIOS.length} ratios, ${defaults} defaults; 5-fold cross-validation + final fit; best of 3)`,
  );
  for (const stage of FIT_STAGES) {
    let best = Infinity;
    for (let k = 0; k < 3; k++) {
      const t0 = process.hrtime.bigint();
      const res = fitHistory(DEFAULT_MODEL, history, { stage }, "en");
      best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
      if (isEngineError(res)) throw new Error(res.message);
    }
    console.log(`  stage ${stage.padEnd(8)} ${best.toFixed(0).padStart(6)} ms`);
  }
}

if (require.main === module) void benchScoring();
