/**
 * `npm run calibrate [-- --data <file.arff|file.csv>] [--label <column>] [--bad <value>] [--out <model.json>] [--seed <n>] [--horizon <years>] [--version <v>] [--compare-factors]`
 *   rebuilds the shipped scorecard: reads the labelled file (default
 *   ../shared/data/polish-bankruptcy-1year.arff, whose label is bankruptcy
 *   within five years), runs the engine's calibration pipeline
 *   (src/engine/calibration) and writes the model JSON (default
 *   src/engine/scoring/scorecard-model.v2.json). Deterministic: the same data
 *   and seed give the same file, byte for byte.
 *
 * `npm run calibrate -- <history.csv|history.xlsx|history.arff> --label <column> --out <model.json> [--stage auto|levels|weights|full] [--default-rate <share>] [--holdout <share>]`
 *   fits the scorecard to the user's own labelled history (engine:
 *   history-fit.ts), prints the fit report next to the shipped model's
 *   cross-validated figures, and writes the fitted model only when it did at
 *   least as well.
 *
 * `npm run calibrate -- <history.csv|history.xlsx> --ledger <ledger.csv|ledger.xlsx> --as-of <date> [--data-date <date>] --out <model.json>`
 *   the same fit with the outcome derived from the invoice ledger instead of a
 *   column (engine: ledger-labels.ts): joined by customer id, a customer
 *   defaulted when an invoice was 90+ days past due within 12 months after
 *   the as-of date (policy; --days-past-due, --window-months, --min-amount).
 *   Prints how many customers were labelled, defaulted and left out, and why.
 */
import { existsSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { isEngineError, messageIn } from "../src/engine/errors";
import { Lang } from "../src/engine/lang";
import { DEFAULT_MODEL } from "../src/engine/scoring/model";
import { FIT_STAGES, FitStage, fitHistory, stageFor } from "../src/engine/calibration/history-fit";
import { Sample, defaultCount, sampleRows } from "../src/engine/calibration/sample";
import { splitRows } from "../src/engine/calibration/split";
import { measure } from "../src/engine/calibration/evaluation";
import { CANONICAL_RATIOS, CandidateFactor, FINANCIAL_FACTORS, calibrate } from "../src/engine/calibration/fit";
import { crossValidate, equalWeightFit, slopeByFactorsGiven } from "../src/engine/calibration/cv";
import { withDerivedRatios } from "../src/engine/calibration/sample";
import { ScorecardModel } from "../src/engine/scoring/model";
import { parseModelJson } from "../src/engine/scoring/model-file";
import { Dataset, LabelOptions, readArff, readCsv, readXlsx } from "./lib/dataset";
import { formatMetrics } from "./lib/report";
import { langOf, readOptions } from "./lib/args";
import { cliText } from "./batch/messages";
import { renderMessage } from "../src/engine/messages";
import { DEFAULT_POLICY } from "../src/engine/policy";
import { serialFromIso } from "../src/engine/dates";
import { checkOutput } from "./io/safe-output";
import {
  LedgerOutcomePolicy,
  historyFromLedger,
  ledgerOutcomesFromTable,
  outcomeSummary,
  validateOutcomePolicy,
} from "../src/engine/calibration/ledger-labels";
import { readHistoryTable, readLedgerFile } from "./lib/ledger-file";

export const DEFAULT_SEED = 20240917;
const ROOT = path.resolve(__dirname, "..");
const DEFAULT_DATA = path.resolve(ROOT, "..", "shared", "data", "polish-bankruptcy-1year.arff");
const DEFAULT_OUT = path.resolve(ROOT, "src", "engine", "scoring", "scorecard-model.v2.json");
const DEFAULT_VERSION = "2.0.0";

/** The help of `npm run calibrate`, in a language (from the message catalogue). */
export function usage(lang: Lang = "en"): string {
  return `${cliText(lang, "cli.calibrate.usage", { seed: DEFAULT_SEED, version: DEFAULT_VERSION })}\n${cliText(lang, "cli.calibrate.usageLedger")}`;
}

export const USAGE = usage("en");

/** Reads a labelled ARFF or CSV file, or returns an error message. `labels` names the label column and, optionally, its "defaulted" value. */
export function loadDataset(file: string, labels: LabelOptions = {}, lang: Lang = "en"): Dataset | string {
  if (!existsSync(file)) return cliText(lang, "cli.data.notFound", { file });
  const ext = path.extname(file).toLowerCase();
  if (ext !== ".arff" && ext !== ".csv") return cliText(lang, "cli.data.format", { ext: ext || "(none)", xlsx: false });
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    return cliText(lang, "cli.data.unreadable", { file, detail: (e as Error).message });
  }
  return ext === ".arff" ? readArff(text, labels, lang) : readCsv(text, labels, lang);
}

/** Reads a model JSON file and checks it (the engine's checks: parseModelJson), or returns an error message. */
export function loadModel(file: string, lang: Lang = "en"): ScorecardModel | string {
  if (!existsSync(file)) return cliText(lang, "cli.data.modelNotFound", { file });
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    return cliText(lang, "cli.data.unreadable", { file, detail: (e as Error).message });
  }
  const model = parseModelJson(text, file);
  return isEngineError(model) ? messageIn(model, lang) : model;
}

type Options = Partial<
  Record<
    | "stage"
    | "default-rate"
    | "holdout"
    | "lang"
    | "data"
    | "label"
    | "bad"
    | "out"
    | "seed"
    | "horizon"
    | "version"
    | "ledger"
    | "as-of"
    | "data-date"
    | "days-past-due"
    | "window-months"
    | "min-amount",
    string
  >
>;

/** The options that only go with --ledger. */
const LEDGER_ONLY = ["as-of", "data-date", "days-past-due", "window-months", "min-amount"] as const;

/** True when writing `out` would touch `input` (however spelled: links, letter case; see checkOutput). */
function sameFile(input: string, out: string): boolean {
  if (path.resolve(out) === path.resolve(input)) return true;
  return existsSync(input) && checkOutput(input, out, true)?.kind === "same-file";
}

/**
 * The history labelled from the invoice ledger (see the usage), or an exit
 * code after printing why not. Prints the label counts and the ledger's bad rows.
 */
async function ledgerHistory(
  file: string,
  o: Options,
  lang: Lang,
  log: (s: string) => void,
  err: (s: string) => void,
): Promise<Sample | number> {
  const t = (id: Parameters<typeof cliText>[1], args: Parameters<typeof cliText>[2] = {}) => `calibrate: ${cliText(lang, id, args)}`;
  const ledger = o.ledger as string;
  if (o.label !== undefined || o.bad !== undefined) {
    err(t("cli.calibrate.labelOrLedger"));
    return 2;
  }
  if (sameFile(file, ledger)) {
    err(t("cli.calibrate.ledgerIsHistory"));
    return 2;
  }
  if (!o["as-of"]) {
    err(`${t("cli.calibrate.ledgerNeedsAsOf")}\n${usage(lang)}`);
    return 2;
  }
  const dates: number[] = [];
  for (const k of ["as-of", "data-date"] as const) {
    if (o[k] === undefined) continue;
    const v = serialFromIso(o[k] as string);
    if (typeof v !== "number") {
      err(t("cli.calibrate.badDate", { option: k, value: o[k] as string }));
      return 2;
    }
    dates.push(v);
  }
  const num = (k: "days-past-due" | "window-months" | "min-amount", dflt: number): number =>
    o[k] === undefined ? dflt : o[k].trim() === "" ? NaN : Number(o[k]);
  const base = DEFAULT_POLICY.outcome;
  const policy: LedgerOutcomePolicy = {
    daysPastDue: num("days-past-due", base.daysPastDue),
    windowMonths: num("window-months", base.windowMonths),
    minAmount: num("min-amount", base.minAmount),
  };
  const bad = validateOutcomePolicy(policy);
  if (bad) {
    err(`calibrate: ${renderMessage(bad.msg!, lang)}`);
    return 2;
  }
  const lt = await readLedgerFile(ledger, lang);
  if (typeof lt === "string") {
    err(`calibrate: ${lt}`);
    return 1;
  }
  const ht = await readHistoryTable(file, lang);
  if (typeof ht === "string") {
    err(`calibrate: ${ht}`);
    return 1;
  }
  const outs = ledgerOutcomesFromTable(lt.header, lt.rows, dates[0], o["data-date"] === undefined ? null : dates[1], policy, lang);
  if (isEngineError(outs)) {
    err(`calibrate: ${path.basename(ledger)}: ${outs.message}`);
    return 1;
  }
  if (outs.badRows > 0)
    err(
      t("cli.calibrate.ledgerBadRows", {
        file: path.basename(ledger),
        count: outs.badRows,
        first: outs.firstErrors.map((e) => e.message).join(" | "),
      }),
    );
  const h = historyFromLedger(ht.header, ht.rows, outs);
  if (isEngineError(h)) {
    err(`calibrate: ${h.msg ? renderMessage(h.msg, lang) : h.message}`);
    return 1;
  }
  log(`calibrate: ${path.basename(ledger)}: ${renderMessage(outcomeSummary(h.counts, outs), lang)}`);
  return h;
}

const pct = (x: number): string => (Number.isFinite(x) ? `${(x * 100).toFixed(1)} %` : "n/a");
const f3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : "n/a");

/** `npm run calibrate -- <history>`: fit the scorecard to a labelled history (see the usage). */
async function fitHistoryFile(file: string, o: Options, log: (s: string) => void, err: (s: string) => void): Promise<number> {
  const lang0: Lang = o.lang === "zh" ? "zh" : "en";
  const t = (id: Parameters<typeof cliText>[1], args: Parameters<typeof cliText>[2] = {}) => `calibrate: ${cliText(lang0, id, args)}`;
  if (!o.out) {
    err(`${t("cli.calibrate.needsOut")}\n${usage(lang0)}`);
    return 2;
  }
  if (sameFile(file, o.out)) {
    err(t("cli.calibrate.outIsInput"));
    return 2;
  }
  if (o.ledger !== undefined && sameFile(o.ledger, o.out)) {
    err(t("cli.calibrate.outIsLedger"));
    return 2;
  }
  if (o.ledger === undefined) {
    const k = LEDGER_ONLY.find((x) => o[x] !== undefined);
    if (k) {
      err(`${t("cli.calibrate.needsLedger", { option: k })}\n${usage(lang0)}`);
      return 2;
    }
  }
  const lang = (o.lang ?? "en") as Lang;
  if (lang !== "en" && lang !== "zh") {
    err(t("cli.calibrate.badLang"));
    return 2;
  }
  const stageArg = o.stage ?? "auto";
  if (stageArg !== "auto" && !(FIT_STAGES as readonly string[]).includes(stageArg)) {
    err(`${t("cli.calibrate.badStage")}\n${usage(lang0)}`);
    return 2;
  }
  const rate = o["default-rate"] === undefined ? undefined : Number(o["default-rate"]);
  const holdout = o.holdout === undefined ? null : Number(o.holdout);
  if (holdout !== null && !(holdout > 0 && holdout < 1)) {
    err(t("cli.calibrate.badHoldout"));
    return 2;
  }
  const seed = Number(o.seed ?? 1);
  const horizon = Number(o.horizon ?? 1);
  if (!Number.isInteger(seed) || !(horizon > 0)) {
    err(t("cli.calibrate.badSeedHorizon"));
    return 2;
  }
  const ext = path.extname(file).toLowerCase();
  const ds: Sample | string | number =
    o.ledger !== undefined
      ? await ledgerHistory(file, o, lang, log, err)
      : ![".xlsx", ".csv", ".arff"].includes(ext)
        ? cliText(lang, "cli.data.format", { ext: ext || "(none)", xlsx: true })
        : ext !== ".xlsx"
          ? loadDataset(file, { label: o.label, bad: o.bad }, lang)
          : existsSync(file)
            ? await readXlsx(file, { label: o.label, bad: o.bad }, lang)
            : cliText(lang, "cli.data.notFound", { file });
  if (typeof ds === "number") return ds;
  if (typeof ds === "string") {
    err(`calibrate: ${ds}`);
    return 1;
  }
  let fitOn: Sample = ds;
  let held: Sample | null = null;
  if (holdout !== null) {
    const sp = splitRows(ds.label, 1 - holdout, seed);
    fitOn = sampleRows(ds, sp.train);
    held = sampleRows(ds, sp.validation);
  }
  const defaults = defaultCount(fitOn);
  const stage = stageArg === "auto" ? stageFor(defaults) : (stageArg as FitStage);
  const res = fitHistory(
    DEFAULT_MODEL,
    fitOn,
    { stage, expectedDefaultRate: rate, labelHorizonYears: horizon, seed, dataName: path.basename(file) },
    lang,
  );
  if (isEngineError(res)) {
    err(`calibrate: ${res.message}`);
    return 1;
  }
  const say = (id: Parameters<typeof cliText>[1], args: Parameters<typeof cliText>[2] = {}) => cliText(lang, id, args);
  log(
    `calibrate: ${say("cli.history.header", {
      file: path.basename(file),
      rows: fitOn.n,
      defaults,
      held: held ? held.n : 0,
      share: pct(1 - (holdout ?? 0)),
      total: ds.n,
      label: "labelColumn" in ds ? String(ds.labelColumn) : "",
      stage,
    })}`,
  );
  const fitted = say("cli.history.fitted");
  const shipped = say("cli.history.shipped");
  const width = Math.max(16, fitted.length, shipped.length);
  const row = (name: string, f: { auc: number; ks: number; brier: number; capture: number; falseAlarm: number }): string =>
    say("cli.history.row", {
      name: name.padEnd(width),
      auc: f3(f.auc),
      ks: f3(f.ks),
      brier: Number.isFinite(f.brier) ? f.brier.toFixed(4) : "n/a",
      capture: pct(f.capture),
      falseAlarm: pct(f.falseAlarm),
    });
  log(say("cli.history.cv", { folds: res.cv.folds, seed: res.cv.seed, measurable: res.cv.measurable }));
  log(row(fitted, res.cv.fitted));
  log(row(shipped, res.cv.shipped));
  if (Object.keys(res.weights).length)
    log(
      say("cli.history.weights", {
        weights: Object.entries(res.weights)
          .map(([k, w]) => `${k} ${w}`)
          .join(", "),
      }),
    );
  log(
    say("cli.history.bands", {
      bands: res.bands.map((b) => `${b.band} ≥ ${b.minScore}: ${b.n}, ${b.defaults}, ${(b.pd * 100).toFixed(2)} %`).join("; "),
    }),
  );
  if (held) {
    const m = (model: ScorecardModel) => measure(held as Sample, model, horizon);
    const a = m(res.model),
      b = m(DEFAULT_MODEL);
    log(say("cli.history.heldOut", { rows: held.n, defaults: b.defaulters }));
    log(row(fitted, { auc: a.auc, ks: a.ks, brier: a.brier, capture: a.deCapture, falseAlarm: a.deFalseAlarm }));
    log(row(shipped, { auc: b.auc, ks: b.ks, brier: b.brier, capture: b.deCapture, falseAlarm: b.deFalseAlarm }));
  }
  if (!res.better) {
    log(say("cli.history.worse", { out: o.out }));
    return 0;
  }
  writeFileSync(o.out, JSON.stringify(res.model, null, 2) + "\n");
  log(say("cli.history.wrote", { out: o.out, version: res.model.version }));
  return 0;
}

const OPTIONS = {
  stage: { type: "string" },
  "default-rate": { type: "string" },
  holdout: { type: "string" },
  lang: { type: "string" },
  data: { type: "string" },
  label: { type: "string" },
  bad: { type: "string" },
  out: { type: "string" },
  seed: { type: "string" },
  horizon: { type: "string" },
  version: { type: "string" },
  "compare-factors": { type: "boolean" },
  ledger: { type: "string" },
  "as-of": { type: "string" },
  "data-date": { type: "string" },
  "days-past-due": { type: "string" },
  "window-months": { type: "string" },
  "min-amount": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export async function main(
  argv: string[],
  log: (s: string) => void = console.log,
  err: (s: string) => void = console.error,
): Promise<number> {
  const lang = langOf(argv);
  const parsed = readOptions(argv, "calibrate", OPTIONS, true, lang);
  if (typeof parsed === "string") {
    err(`${parsed}\n${usage(lang)}`);
    return 2;
  }
  const o = parsed.values as Options & { help?: boolean; "compare-factors"?: boolean };
  if (o.help) {
    log(usage(lang));
    return 0;
  }
  if (parsed.positionals.length > 1) {
    err(`calibrate: ${cliText(lang, "cli.calibrate.oneHistory", { count: parsed.positionals.length })}\n${usage(lang)}`);
    return 2;
  }
  if (parsed.positionals.length === 1) return fitHistoryFile(parsed.positionals[0], o, log, err);
  if (o.lang !== undefined && o.lang !== "en" && o.lang !== "zh") {
    err(`calibrate: ${cliText(lang, "cli.calibrate.badLang")}\n${usage(lang)}`);
    return 2;
  }
  for (const k of ["stage", "default-rate", "holdout", "ledger", ...LEDGER_ONLY] as const) {
    if (o[k] !== undefined) {
      err(`calibrate: ${cliText(lang, "cli.calibrate.needsHistory", { option: k })}\n${usage(lang)}`);
      return 2;
    }
  }
  const data = o.data ?? DEFAULT_DATA;
  const out = o.out ?? DEFAULT_OUT;
  const seed = Number(o.seed ?? DEFAULT_SEED);
  const ds = loadDataset(data, { label: o.label, bad: o.bad }, lang);
  if (typeof ds === "string") {
    err(`calibrate: ${ds}`);
    return 1;
  }
  const horizon = Number(o.horizon ?? ds.horizonHint ?? 1);
  if (!Number.isInteger(seed) || !(horizon > 0)) {
    err(`calibrate: ${cliText(lang, "cli.calibrate.badSeedHorizon")}`);
    return 2;
  }
  const res = calibrate(ds, {
    seed,
    trainShare: 0.7,
    horizonYears: horizon,
    dataName: path.basename(data),
    version: o.version ?? DEFAULT_VERSION,
  });
  if (isEngineError(res)) {
    err(`calibrate: ${res.message}`);
    return 1;
  }
  writeFileSync(out, JSON.stringify(res.model, null, 2) + "\n");
  const say = (id: Parameters<typeof cliText>[1], args: Parameters<typeof cliText>[2] = {}) => cliText(lang, id, args);
  log(
    `calibrate: ${say("cli.rebuild.header", {
      file: path.basename(data),
      rows: ds.n,
      defaulters: ds.label.reduce((a, b) => a + b, 0),
      seed,
      horizon,
    })}`,
  );
  log(say("cli.rebuild.coefficients", { coefficients: JSON.stringify(res.coefficients), dropped: res.dropped.join(", ") }));
  log(say("cli.rebuild.horizon", { slope: res.horizonSlope.toFixed(4), neutral: res.model.neutralScore }));
  const inc = res.incompleteStatements;
  if (inc)
    log(
      say("cli.rebuild.incomplete", {
        flagged: inc.flaggedTrain,
        defaulters: inc.flaggedTrainDefaulters,
        coefficient: inc.coefficient,
        with: inc.validationAucWith,
        without: inc.validationAucWithout,
        enabled: inc.enabled,
      }),
    );
  log(say("cli.rebuild.bands", { bands: res.model.bands.map((b) => `${b.band} ≥ ${b.minScore}: ${b.pd}`).join("; ") }));
  log(formatMetrics(res.train, say("cli.report.trainSplit"), lang));
  log(formatMetrics(res.validation, say("cli.report.validationSplit"), lang));
  log(say("cli.rebuild.slopes"));
  const slopes = slopeByFactorsGiven(withDerivedRatios(ds), res.model, res.validationRows, [6, 5, 4, 3, 2, 1]);
  const ref = slopes[0];
  for (const sl of slopes)
    log(
      say("cli.rebuild.slope", { given: sl.given, pooled: (sl.pooled / ref.pooled).toFixed(2), plain: (sl.plain / ref.plain).toFixed(2) }),
    );
  if (o["compare-factors"]) {
    log(say("cli.rebuild.compare"));
    const d = withDerivedRatios(ds);
    const cv = (fs: CandidateFactor[]): string => crossValidate(d.label, res.trainRows, equalWeightFit(d, fs), 5, seed, 3).auc.toFixed(4);
    const six = FINANCIAL_FACTORS;
    log(
      say("cli.rebuild.compareSix", {
        six: cv(six),
        count: CANONICAL_RATIOS.length,
        all: cv(CANONICAL_RATIOS),
        noInterest: cv(six.filter((f) => f.key !== "interest_coverage")),
      }),
    );
    for (const f of CANONICAL_RATIOS.slice(six.length)) log(say("cli.rebuild.comparePlus", { key: f.key, auc: cv([...six, f]) }));
  }
  log(say("cli.rebuild.wrote", { out: path.relative(process.cwd(), out) || out }));
  return 0;
}

if (require.main === module) void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
