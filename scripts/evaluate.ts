/**
 * `npm run evaluate -- <file.csv|file.arff> [--label <column>] [--bad <value>] [--split validation|train|all] [--horizon <years>] [--seed <n>] [--cutoff <score>]`
 *
 * Scores every labelled row with the bundled scorecard and prints n, AUC, KS,
 * Brier, the share of defaulters (and of healthy firms) in bands D–E, next to
 * Altman Z'' on the same rows. CSV headers go through the formulas' header
 * matcher; ARFF attributes of the Polish data (Attr1…) are mapped to canonical
 * keys. `--split validation` reproduces the calibration's validation rows
 * (same seed and 70/30 stratified split). `--horizon` is the label's horizon
 * in years for the Brier score: by default read from a UCI Polish file's
 * `@relation` ("1year" → 5 … "5year" → 1; 5 for other Polish ARFF files),
 * else 1. Labels read as defaulted: 1, true, yes, bankrupt, default, failed
 * (and 违约/破产/是); as healthy: 0, false, no, healthy, alive (and 正常/否).
 * `--bad <value>` says which value means defaulted when a file codes it
 * differently (e.g. `--bad 0`); every other value is then healthy.
 * `--cutoff <score>` also prints the shares of defaulters and healthy firms
 * whose shown score is below that score (a what-if C|D cut-off, as in the
 * cut-off table of docs/methodology.md).
 */
import * as path from "path";
import { DEFAULT_MODEL, withIncompleteStatements } from "../src/engine/scoring/model";
import { displayScore } from "../src/engine/scoring/score";
import { splitRows } from "../src/engine/calibration/split";
import { cutoffForFalseAlarm, measure, scoreSample } from "../src/engine/calibration/evaluation";
import { withDerivedRatios } from "../src/engine/calibration/sample";
import { captureRates } from "../src/engine/calibration/metrics";
import { DEFAULT_SEED, loadDataset, loadModel } from "./calibrate";
import { langOf, readOptions } from "./lib/args";
import { cliText } from "./batch/messages";
import { message } from "../src/engine/messages/cli";
import type { Lang } from "../src/engine/lang";
import { formatMetrics } from "./lib/report";

/** The help of `npm run evaluate`, in a language (from the message catalogue). */
export function usage(lang: Lang = "en"): string {
  return cliText(lang, "cli.evaluate.usage", { seed: DEFAULT_SEED });
}

export const USAGE = usage("en");

const OPTIONS = {
  model: { type: "string" },
  "incomplete-statements": { type: "string" },
  label: { type: "string" },
  bad: { type: "string" },
  split: { type: "string" },
  horizon: { type: "string" },
  seed: { type: "string" },
  cutoff: { type: "string" },
  "false-alarm": { type: "string" },
  lang: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export function main(argv: string[], log: (s: string) => void = console.log, err: (s: string) => void = console.error): number {
  const lang0 = langOf(argv);
  const parsed = readOptions(argv, "evaluate", OPTIONS, true, lang0);
  if (typeof parsed === "string") {
    err(`${parsed}\n${usage(lang0)}`);
    return 2;
  }
  const opts = parsed.values as { [K in keyof typeof OPTIONS]?: string } & { help?: boolean };
  if (opts.lang !== undefined && opts.lang !== "en" && opts.lang !== "zh") {
    err(`evaluate: ${cliText(lang0, "cli.score.badLang", { value: opts.lang })}\n${usage(lang0)}`);
    return 2;
  }
  const lang: Lang = opts.lang === "zh" ? "zh" : "en";
  const t = (id: Parameters<typeof cliText>[1], args: Parameters<typeof cliText>[2] = {}) => `evaluate: ${cliText(lang, id, args)}`;
  const help = usage(lang);
  if (opts.help) {
    log(help);
    return 0;
  }
  if (parsed.positionals.length !== 1) {
    err(`${t("cli.evaluate.oneFile")}\n${help}`);
    return 2;
  }
  const file = parsed.positionals[0];
  const ds = loadDataset(file, { label: opts.label, bad: opts.bad }, lang);
  if (typeof ds === "string") {
    err(`evaluate: ${ds}`);
    return 1;
  }
  if (ds.n === 0 || Object.keys(ds.columns).length === 0) {
    err(t("cli.evaluate.noRows", { file, ignored: ds.ignored.join(", ") }));
    return 1;
  }
  const split = opts.split ?? "all";
  if (!["all", "train", "validation"].includes(split)) {
    err(`${t("cli.evaluate.badSplit")}\n${help}`);
    return 2;
  }
  const horizon = Number(opts.horizon ?? ds.horizonHint ?? 1);
  const seed = Number(opts.seed ?? DEFAULT_SEED);
  if (!(horizon > 0) || !Number.isInteger(seed)) {
    err(t("cli.evaluate.badHorizonSeed"));
    return 2;
  }
  const cutoff = opts.cutoff === undefined ? null : Number(opts.cutoff);
  if (cutoff !== null && !(cutoff >= 0 && cutoff <= 100)) {
    err(t("cli.evaluate.badCutoff"));
    return 2;
  }
  const budget = opts["false-alarm"] === undefined ? null : Number(opts["false-alarm"]);
  if (budget !== null && !(budget >= 0 && budget <= 1)) {
    err(t("cli.evaluate.badFalseAlarm"));
    return 2;
  }
  const loaded = opts.model === undefined ? DEFAULT_MODEL : loadModel(opts.model, lang);
  if (typeof loaded === "string") {
    err(`evaluate: ${loaded}`);
    return 1;
  }
  const inc = opts["incomplete-statements"];
  if (inc !== undefined && inc !== "on" && inc !== "off") {
    err(`${t("cli.evaluate.badIncomplete")}\n${help}`);
    return 2;
  }
  const model = inc === undefined ? loaded : withIncompleteStatements(loaded, inc === "on");
  const rows = split === "all" ? undefined : splitRows(ds.label, 0.7, seed)[split as "train" | "validation"];
  const m = measure(ds, model, horizon, rows);
  log(
    t("cli.evaluate.header", {
      file: path.basename(file),
      id: model.id,
      version: model.version,
      incomplete: model.incompleteStatements ? message("cli.report.onOff", { on: model.incompleteStatements.enabled }) : "",
      label: ds.labelColumn,
      bad: opts.bad,
      factors: Object.keys(ds.columns).join(", "),
    }),
  );
  if (ds.droppedRows || ds.badCells) log(cliText(lang, "cli.evaluate.skipped", { rows: ds.droppedRows, cells: ds.badCells }));
  const title =
    split === "all"
      ? cliText(lang, "cli.report.allRows")
      : cliText(lang, "cli.report.split", { split: message("cli.report.splitName", { split }), seed });
  log(formatMetrics(m, title, lang));
  if (cutoff !== null || budget !== null) {
    const idx = rows ?? Array.from({ length: ds.n }, (_, i) => i);
    const score = scoreSample(withDerivedRatios(ds), model).score;
    if (budget !== null) {
      const c = cutoffForFalseAlarm(score, ds.label, idx, budget);
      log(
        cliText(lang, "cli.evaluate.falseAlarm", {
          budget: (budget * 100).toFixed(1),
          cutoff: c.cutoff,
          defaulters: (c.defaulters * 100).toFixed(1),
          healthy: (c.healthy * 100).toFixed(1),
        }),
      );
    }
  }
  if (cutoff !== null) {
    const idx = rows ?? Array.from({ length: ds.n }, (_, i) => i);
    const score = scoreSample(withDerivedRatios(ds), model).score;
    const r = captureRates(
      idx.map((i) => displayScore(score[i]) < cutoff),
      idx.map((i) => ds.label[i]),
    );
    log(
      cliText(lang, "cli.evaluate.belowCutoff", {
        cutoff,
        defaulters: (r.defaulters * 100).toFixed(1),
        healthy: (r.healthy * 100).toFixed(1),
      }),
    );
  }
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
