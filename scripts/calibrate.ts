/**
 * `npm run calibrate [-- --data <file.arff|file.csv>] [--label <column>] [--bad <value>] [--out <model.json>] [--seed <n>] [--horizon <years>]`
 *
 * Fits the financial factors of the scorecard on the Polish bankruptcy data
 * (default ../shared/data/polish-bankruptcy-1year.arff; its label is
 * bankruptcy within five years) with a fixed-seed 70/30 split, and writes
 * src/engine/scoring/scorecard-model.v1.json. Prints train and validation
 * figures. Deterministic: the same data and seed give the same file.
 * The label horizon is `--horizon`, else the one a UCI Polish file names
 * ("1year" → 5 … "5year" → 1), else 1 year.
 */
import { existsSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { Dataset, LabelOptions, readArff, readCsv } from "./lib/dataset";
import { calibrate } from "./lib/calibration";
import { formatMetrics } from "./lib/evaluation";

export const DEFAULT_SEED = 20240917;
const ROOT = path.resolve(__dirname, "..");
const DEFAULT_DATA = path.resolve(ROOT, "..", "shared", "data", "polish-bankruptcy-1year.arff");
const DEFAULT_OUT = path.resolve(ROOT, "src", "engine", "scoring", "scorecard-model.v1.json");

/** Reads a labelled ARFF or CSV file, or returns an error message. `labels` names the label column and, optionally, its "defaulted" value. */
export function loadDataset(file: string, labels: LabelOptions = {}): Dataset | string {
  if (!existsSync(file)) return `file not found: ${file}`;
  const ext = path.extname(file).toLowerCase();
  if (ext !== ".arff" && ext !== ".csv") return `unreadable format "${ext || "(none)"}": give a .csv or .arff file`;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    return `cannot read ${file}: ${(e as Error).message}`;
  }
  return ext === ".arff" ? readArff(text, labels) : readCsv(text, labels);
}

function arg(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

export function main(argv: string[]): number {
  const data = arg(argv, "data") ?? DEFAULT_DATA;
  const out = arg(argv, "out") ?? DEFAULT_OUT;
  const seed = Number(arg(argv, "seed") ?? DEFAULT_SEED);
  const ds = loadDataset(data, { label: arg(argv, "label"), bad: arg(argv, "bad") });
  if (typeof ds === "string") {
    console.error(`calibrate: ${ds}`);
    return 1;
  }
  const horizon = Number(arg(argv, "horizon") ?? ds.horizonHint ?? 1);
  if (!Number.isInteger(seed) || !(horizon > 0)) {
    console.error("calibrate: --seed must be an integer and --horizon a positive number of years");
    return 2;
  }
  const res = calibrate(ds, { seed, trainShare: 0.7, horizonYears: horizon, dataName: path.basename(data), version: arg(argv, "version") ?? "1.0.1" });
  writeFileSync(out, JSON.stringify(res.model, null, 2) + "\n");
  console.log(`calibrate: ${path.basename(data)}: ${ds.n} rows, ${ds.label.reduce((a, b) => a + b, 0)} defaulters; seed ${seed}; label horizon ${horizon} years`);
  console.log(`coefficients (ln odds of survival per unit WoE): ${JSON.stringify(res.coefficients)}${res.dropped.length ? `; dropped (wrong sign): ${res.dropped.join(", ")}` : ""}`);
  console.log(`bands (min score, 12-month PD): ${res.model.bands.map((b) => `${b.band} ≥ ${b.minScore}: ${b.pd}`).join("; ")}`);
  console.log(formatMetrics(res.train, "train split"));
  console.log(formatMetrics(res.validation, "validation split"));
  console.log(`wrote ${path.relative(process.cwd(), out) || out}`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
