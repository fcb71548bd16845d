/**
 * Text reports of the CLIs (calibrate, evaluate): the engine computes, these
 * functions only lay the figures out, in words from the message catalogue.
 */
import type { Metrics } from "../../src/engine/calibration/evaluation";
import type { Lang } from "../../src/engine/lang";
import { cliText } from "../batch/messages";

const pct2 = (x: number): string => `${(x * 100).toFixed(2)} %`;

/** Human-readable report lines in `lang`. */
export function formatMetrics(m: Metrics, title: string, lang: Lang = "en"): string {
  const t = (id: Parameters<typeof cliText>[1], args: Parameters<typeof cliText>[2] = {}) => cliText(lang, id, args);
  const na = t("cli.report.na");
  const pct = (x: number): string => (Number.isFinite(x) ? `${(x * 100).toFixed(1)} %` : na);
  const f3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : na);
  const lines = [
    title,
    t("cli.report.n", { n: m.n, defaulters: m.defaulters, share: pct(m.defaulters / m.n), coverage: f3(m.meanCoverage) }),
    t("cli.report.model", { auc: f3(m.auc), ks: f3(m.ks), brier: m.brier.toFixed(4), horizon: m.horizonYears, pd: pct2(m.meanPd12) }),
    t("cli.report.deCapture", { capture: pct(m.deCapture), falseAlarm: pct(m.deFalseAlarm) }),
    ...m.benchmarks.flatMap((b) => [
      t("cli.report.benchmark", {
        name: b.name.padEnd(14),
        auc: f3(b.auc),
        ks: f3(b.ks),
        n: b.n,
        modelAuc: f3(b.modelAuc),
        modelKs: f3(b.modelKs),
      }),
      t("cli.report.benchmarkCutoff", {
        cutoff: b.cutoff,
        capture: pct(b.capture),
        falseAlarm: pct(b.falseAlarm),
        modelCapture: pct(b.modelCapture),
        modelFalseAlarm: pct(b.modelFalseAlarm),
      }),
    ]),
    t("cli.report.notReported", {
      flagged: m.notReported.flagged.n,
      flaggedRate: pct(m.notReported.flagged.defaulters / m.notReported.flagged.n),
      reported: m.notReported.reported.n,
      reportedRate: pct(m.notReported.reported.defaulters / m.notReported.reported.n),
      unknown: m.notReported.unknown.n,
      zero: m.zeroCoverage.n,
      zeroDefaulted: m.zeroCoverage.defaulters,
    }),
    t("cli.report.bandHeader"),
    ...m.bands.map(
      (b, i) =>
        `  ${"ABCDE"[i]}      ${String(b.n).padEnd(6)} ${String(b.defaulters).padEnd(11)} ${(b.n ? pct(b.defaulters / b.n) : "–").padEnd(8)} ${b.n ? pct2(b.meanPd12) : "–"}`,
    ),
  ];
  return lines.join("\n");
}
