/**
 * Text reports of the CLIs (calibrate, evaluate): the engine computes, these
 * functions only lay the figures out.
 */
import type { Metrics } from "../../src/engine/calibration/evaluation";

const pct = (x: number): string => (Number.isFinite(x) ? `${(x * 100).toFixed(1)} %` : "n/a");
const f3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : "n/a");

/** Human-readable report lines. */
export function formatMetrics(m: Metrics, title: string): string {
  const lines = [
    title,
    `  n = ${m.n} (defaulters ${m.defaulters}, ${pct(m.defaulters / m.n)}), mean coverage ${f3(m.meanCoverage)}`,
    `  CreditSentinel  AUC ${f3(m.auc)}  KS ${f3(m.ks)}  Brier ${m.brier.toFixed(4)} (PD over ${m.horizonYears} y)`,
    `                  bands D–E hold ${pct(m.deCapture)} of defaulters and ${pct(m.deFalseAlarm)} of healthy firms`,
    `  Altman Z''      AUC ${f3(m.altman.auc)} on ${m.altman.n} rows with all four inputs (CreditSentinel on the same rows: ${f3(m.altman.modelAucSameRows)})`,
    `                  distress zone (< 1.1) holds ${pct(m.altman.distressCapture)} of defaulters and ${pct(m.altman.distressFalseAlarm)} of healthy; below safe (< 2.6): ${pct(m.altman.greyCapture)} / ${pct(m.altman.greyFalseAlarm)}`,
    `  band   n      defaulters  rate`,
    ...m.bands.map((b, i) => `  ${"ABCDE"[i]}      ${String(b.n).padEnd(6)} ${String(b.defaulters).padEnd(11)} ${b.n ? pct(b.defaulters / b.n) : "–"}`),
  ];
  return lines.join("\n");
}
