/**
 * `npm run calibrate [-- --data <file.arff|file.csv>] [--label <column>] [--bad <value>] [--out <model.json>] [--seed <n>] [--horizon <years>] [--version <v>]`
 *
 * Rebuilds the shipped scorecard: reads the labelled file (default
 * ../shared/data/polish-bankruptcy-1year.arff, whose label is bankruptcy
 * within five years), runs the engine's calibration pipeline
 * (src/engine/calibration) and writes the model JSON
 * (default src/engine/scoring/scorecard-model.v2.json). Prints train and
 * validation figures. Deterministic: the same data and seed give the same
 * file, byte for byte. The label horizon is `--horizon`, else the one a UCI
 * Polish file names ("1year" → 5 … "5year" → 1), else 1 year.
 */
import { existsSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { isEngineError } from "../src/engine/errors";
import { CANONICAL_RATIOS, CandidateFactor, FINANCIAL_FACTORS, calibrate } from "../src/engine/calibration/fit";
import { crossValidate, equalWeightFit, slopeByFactorsGiven } from "../src/engine/calibration/cv";
import { withDerivedRatios } from "../src/engine/calibration/sample";
import { ScorecardModel, validateModel } from "../src/engine/scoring/model";
import { Dataset, LabelOptions, readArff, readCsv } from "./lib/dataset";
import { formatMetrics } from "./lib/report";
import { readOptions } from "./lib/args";

export const DEFAULT_SEED = 20240917;
const ROOT = path.resolve(__dirname, "..");
const DEFAULT_DATA = path.resolve(ROOT, "..", "shared", "data", "polish-bankruptcy-1year.arff");
const DEFAULT_OUT = path.resolve(ROOT, "src", "engine", "scoring", "scorecard-model.v2.json");
const DEFAULT_VERSION = "2.0.0";

export const USAGE = `usage: npm run calibrate -- [--data <file.arff|file.csv>] [--label <column>] [--bad <value>] [--out <model.json>] [--seed <n>] [--horizon <years>] [--version <v>]

Rebuilds the shipped scorecard from a labelled file (default ../shared/data/polish-bankruptcy-1year.arff)
and writes the model JSON (default src/engine/scoring/scorecard-model.v2.json).
  --data <file>      labelled data: UCI Polish ARFF or CSV with canonical or Chinese/English headers
  --label <column>   label column (default: class, label, default, bankrupt, status_label, 违约, …)
  --bad <value>      the label value that means "defaulted" (every other value is healthy)
  --out <file>       where to write the model JSON
  --seed <n>         seed of the 70/30 stratified split (default ${DEFAULT_SEED})
  --horizon <years>  label horizon in years (default: from a Polish file's name, else 1)
  --version <v>      model version written into the JSON (default ${DEFAULT_VERSION})
  --compare-factors  also print the cross-validated AUC of other factor sets on the training rows
  --help             this text`;

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

/** Reads a model JSON file and checks it, or returns an error message. */
export function loadModel(file: string): ScorecardModel | string {
  if (!existsSync(file)) return `model file not found: ${file}`;
  let model: unknown;
  try {
    model = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    return `${file} is not a model JSON file: ${(e as Error).message}`;
  }
  const bad = validateModel(model);
  return bad ? `${file}: ${bad.message}` : (model as ScorecardModel);
}

const OPTIONS = {
  data: { type: "string" },
  label: { type: "string" },
  bad: { type: "string" },
  out: { type: "string" },
  seed: { type: "string" },
  horizon: { type: "string" },
  version: { type: "string" },
  "compare-factors": { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

export function main(argv: string[], log: (s: string) => void = console.log, err: (s: string) => void = console.error): number {
  const parsed = readOptions(argv, "calibrate", OPTIONS, false);
  if (typeof parsed === "string") {
    err(`${parsed}\n${USAGE}`);
    return 2;
  }
  const o = parsed.values as { [K in keyof typeof OPTIONS]?: string } & { help?: boolean; "compare-factors"?: boolean };
  if (o.help) {
    log(USAGE);
    return 0;
  }
  const data = o.data ?? DEFAULT_DATA;
  const out = o.out ?? DEFAULT_OUT;
  const seed = Number(o.seed ?? DEFAULT_SEED);
  const ds = loadDataset(data, { label: o.label, bad: o.bad });
  if (typeof ds === "string") {
    err(`calibrate: ${ds}`);
    return 1;
  }
  const horizon = Number(o.horizon ?? ds.horizonHint ?? 1);
  if (!Number.isInteger(seed) || !(horizon > 0)) {
    err("calibrate: --seed must be an integer and --horizon a positive number of years");
    return 2;
  }
  const res = calibrate(ds, { seed, trainShare: 0.7, horizonYears: horizon, dataName: path.basename(data), version: o.version ?? DEFAULT_VERSION });
  if (isEngineError(res)) {
    err(`calibrate: ${res.message}`);
    return 1;
  }
  writeFileSync(out, JSON.stringify(res.model, null, 2) + "\n");
  log(`calibrate: ${path.basename(data)}: ${ds.n} rows, ${ds.label.reduce((a, b) => a + b, 0)} defaulters; seed ${seed}; label horizon ${horizon} years`);
  log(`coefficients (ln odds of survival per unit WoE): ${JSON.stringify(res.coefficients)}${res.dropped.length ? `; dropped (wrong sign): ${res.dropped.join(", ")}` : ""}`);
  log(`label horizon → 12 months: log-odds × ${res.horizonSlope.toFixed(4)}; neutral score ${res.model.neutralScore}`);
  const inc = res.incompleteStatements;
  if (inc) log(`incomplete statements (interest not reported): ${inc.flaggedTrain} training rows flagged (${inc.flaggedTrainDefaulters} defaulters); coefficient ${inc.coefficient}; validation AUC ${inc.validationAucWith} with it, ${inc.validationAucWithout} without → switched ${inc.enabled ? "on" : "off"} by default`);
  log(`bands (min score, 12-month PD): ${res.model.bands.map((b) => `${b.band} ≥ ${b.minScore}: ${b.pd}`).join("; ")}`);
  log(formatMetrics(res.train, "train split"));
  log(formatMetrics(res.validation, "validation split"));
  log("calibration slope on the validation rows when only some of the pooled factors are given (1 = as calibrated on all):");
  const slopes = slopeByFactorsGiven(withDerivedRatios(ds), res.model, res.validationRows, [6, 5, 4, 3, 2, 1]);
  const ref = slopes[0];
  for (const sl of slopes) log(`  ${sl.given} given: with the pool weight ${(sl.pooled / ref.pooled).toFixed(2)}, plain sum ${(sl.plain / ref.plain).toFixed(2)}`);
  if (o["compare-factors"]) {
    log("factor sets, equal weights, 5-fold cross-validation on the training rows (3 repeats): AUC");
    const d = withDerivedRatios(ds);
    const cv = (fs: CandidateFactor[]): string => crossValidate(d.label, res.trainRows, equalWeightFit(d, fs), 5, seed, 3).auc.toFixed(4);
    const six = FINANCIAL_FACTORS;
    log(`  the six shipped factors: ${cv(six)}; all ${CANONICAL_RATIOS.length} canonical ratios: ${cv(CANONICAL_RATIOS)}; the six without interest coverage: ${cv(six.filter((f) => f.key !== "interest_coverage"))}`);
    for (const f of CANONICAL_RATIOS.slice(six.length)) log(`  the six + ${f.key}: ${cv([...six, f])}`);
  }
  log(`wrote ${path.relative(process.cwd(), out) || out}`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
