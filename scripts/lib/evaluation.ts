/**
 * Scoring a labelled data set with a scorecard model and measuring it:
 * AUC, KS, Brier, band D–E capture / false alarms, next to Altman Z''.
 */
import { FACTOR_COUNT, FactorKey, factorIndex } from "../../src/engine/scoring/factors";
import { deriveInPlace } from "../../src/engine/scoring/derive";
import { ScorecardModel, compileModel } from "../../src/engine/scoring/model";
import { bandIndex, displayScore, horizonPdOf, scoreVector } from "../../src/engine/scoring/score";
import type { Dataset } from "./dataset";
import { auc, brier, captureRates, ks } from "./metrics";

export interface Scored {
  score: Float64Array;
  /** Band index 0 (A) … 4 (E). */
  band: Uint8Array;
  coverage: Float64Array;
}

/** Scores every row of a data set (ratios derived from statement items when present). */
export function scoreDataset(ds: Dataset, model: ScorecardModel): Scored {
  const c = compileModel(model);
  const cols = Object.entries(ds.columns).map(([k, a]) => ({ i: factorIndex(k), a: a as Float64Array }));
  const v = new Float64Array(FACTOR_COUNT);
  const pair = new Float64Array(2);
  const score = new Float64Array(ds.n), coverage = new Float64Array(ds.n), band = new Uint8Array(ds.n);
  for (let r = 0; r < ds.n; r++) {
    v.fill(NaN);
    for (const { i, a } of cols) v[i] = a[r];
    deriveInPlace(v);
    scoreVector(c, v, pair);
    score[r] = pair[0];
    coverage[r] = pair[1];
    band[r] = bandIndex(c, displayScore(pair[0])); // the band the product shows
  }
  return { score, band, coverage };
}

/** Altman Z'' = 6.56 X1 + 3.26 X2 + 6.72 X3 + 1.05 X4 per row (NaN when an input is missing). */
export function altmanZ2(ds: Dataset): Float64Array {
  const get = (k: FactorKey): Float64Array => (ds.columns[k] as Float64Array | undefined) ?? new Float64Array(ds.n).fill(NaN);
  const x1 = get("working_capital_to_assets"), x2 = get("retained_earnings_to_assets"), x3 = get("ebit_to_assets"), x4 = get("equity_to_liabilities");
  const z = new Float64Array(ds.n);
  for (let i = 0; i < ds.n; i++) z[i] = 6.56 * x1[i] + 3.26 * x2[i] + 6.72 * x3[i] + 1.05 * x4[i];
  return z;
}

export interface Metrics {
  n: number;
  defaulters: number;
  auc: number;
  ks: number;
  /** Brier score of the model PD over `horizonYears` against the label. */
  brier: number;
  horizonYears: number;
  /** Share of defaulters in bands D–E, and of healthy firms there. */
  deCapture: number;
  deFalseAlarm: number;
  meanCoverage: number;
  altman: {
    n: number;
    auc: number;
    /** Our AUC on the same rows (those where Z'' is computable). */
    modelAucSameRows: number;
    /** Share of defaulters / healthy in the distress zone (Z'' < 1.1). */
    distressCapture: number;
    distressFalseAlarm: number;
    /** Share of defaulters / healthy below the safe zone (Z'' < 2.6). */
    greyCapture: number;
    greyFalseAlarm: number;
  };
  /** Rows per band A..E: n, defaulters. */
  bands: { n: number; defaulters: number }[];
}

const pick = <T extends ArrayLike<number>>(a: T, idx: number[]): number[] => idx.map((i) => a[i]);

/** All metrics for `rows` (indexes into the data set; all rows when omitted). */
export function measure(ds: Dataset, model: ScorecardModel, horizonYears: number, rows?: number[]): Metrics {
  const idx = rows ?? Array.from({ length: ds.n }, (_, i) => i);
  const s = scoreDataset(ds, model);
  const y = pick(ds.label, idx);
  const risk = idx.map((i) => -s.score[i]);
  const h = model.pd.horizonYears;
  const pd = idx.map((i) => {
    const p12 = 1 - Math.pow(1 - horizonPdOf(s.score[i], model), 1 / h);
    return 1 - Math.pow(1 - p12, horizonYears);
  });
  const de = captureRates(idx.map((i) => s.band[i] >= 3), y);
  const z = altmanZ2(ds);
  const zr = idx.filter((i) => Number.isFinite(z[i]));
  const zy = pick(ds.label, zr);
  const dz = captureRates(zr.map((i) => z[i] < 1.1), zy);
  const gz = captureRates(zr.map((i) => z[i] < 2.6), zy);
  const bands = [0, 1, 2, 3, 4].map((b) => {
    const inBand = idx.filter((i) => s.band[i] === b);
    return { n: inBand.length, defaulters: inBand.filter((i) => ds.label[i] === 1).length };
  });
  return {
    n: idx.length,
    defaulters: y.filter((v) => v === 1).length,
    auc: auc(risk, y),
    ks: ks(risk, y),
    brier: brier(pd, y),
    horizonYears,
    deCapture: de.defaulters,
    deFalseAlarm: de.healthy,
    meanCoverage: idx.reduce((a, i) => a + s.coverage[i], 0) / Math.max(1, idx.length),
    altman: {
      n: zr.length,
      auc: auc(zr.map((i) => -z[i]), zy),
      modelAucSameRows: auc(zr.map((i) => -s.score[i]), zy),
      distressCapture: dz.defaulters,
      distressFalseAlarm: dz.healthy,
      greyCapture: gz.defaulters,
      greyFalseAlarm: gz.healthy,
    },
    bands,
  };
}

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
