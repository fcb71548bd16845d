/**
 * Text reports of the CLIs (calibrate, evaluate): the engine computes, these
 * functions only lay the figures out.
 */
import type { Metrics } from "../../src/engine/calibration/evaluation";

const pct = (x: number): string => (Number.isFinite(x) ? `${(x * 100).toFixed(1)} %` : "n/a");
const pct2 = (x: number): string => `${(x * 100).toFixed(2)} %`;
const f3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : "n/a");

/** Human-readable report lines. */
export function formatMetrics(m: Metrics, title: string): string {
  const lines = [
    title,
    `  n = ${m.n} (defaulters ${m.defaulters}, ${pct(m.defaulters / m.n)}), mean coverage ${f3(m.meanCoverage)}`,
    `  CreditSentinel  AUC ${f3(m.auc)}  KS ${f3(m.ks)}  Brier ${m.brier.toFixed(4)} (PD over ${m.horizonYears} y); mean 12-month PD ${pct2(m.meanPd12)}`,
    `                  bands D–E hold ${pct(m.deCapture)} of defaulters and ${pct(m.deFalseAlarm)} of healthy firms`,
    ...m.benchmarks.flatMap((b) => [
      `  ${b.name.padEnd(14)}  AUC ${f3(b.auc)}  KS ${f3(b.ks)} on ${b.n} rows with its inputs (CreditSentinel on the same rows: AUC ${f3(b.modelAuc)}  KS ${f3(b.modelKs)})`,
      `                  ${b.cutoffText} holds ${pct(b.capture)} of defaulters and ${pct(b.falseAlarm)} of healthy (CreditSentinel D–E: ${pct(b.modelCapture)} / ${pct(b.modelFalseAlarm)})`,
    ]),
    `  interest not reported (blank, debt ratio ≥ threshold): ${m.notReported.flagged.n} rows, ${pct(m.notReported.flagged.defaulters / m.notReported.flagged.n)} defaulted; reported or low debt: ${m.notReported.reported.n} rows, ${pct(m.notReported.reported.defaulters / m.notReported.reported.n)}; no interest column or debt unknown: ${m.notReported.unknown.n} rows; interest coverage exactly 0: ${m.zeroCoverage.n} rows, ${m.zeroCoverage.defaulters} defaulted`,
    `  band   n      defaulters  rate     mean 12-month PD`,
    ...m.bands.map(
      (b, i) =>
        `  ${"ABCDE"[i]}      ${String(b.n).padEnd(6)} ${String(b.defaulters).padEnd(11)} ${(b.n ? pct(b.defaulters / b.n) : "–").padEnd(8)} ${b.n ? pct2(b.meanPd12) : "–"}`,
    ),
  ];
  return lines.join("\n");
}
