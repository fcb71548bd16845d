/**
 * Scoring a labelled sample with a scorecard model and measuring it: AUC, KS,
 * Brier, band D–E capture and false alarms, next to Altman Z''.
 */
import { FACTOR_COUNT, FactorKey, factorIndex } from "../scoring/factors";
import { deriveInPlace } from "../scoring/derive";
import { ScorecardModel, compileModel } from "../scoring/model";
import { bandIndex, displayScore, horizonPdOf, scoreVector } from "../scoring/score";
import type { Sample } from "./sample";
import { auc, brier, captureRates, ks } from "./metrics";

export interface Scored {
  score: Float64Array;
  /** Band index 0 (A) … 4 (E), of the score as shown. */
  band: Uint8Array;
  coverage: Float64Array;
}

/** Scores every row of a sample (ratios derived from statement items when present). */
export function scoreSample(s: Sample, model: ScorecardModel): Scored {
  const c = compileModel(model);
  const cols = Object.entries(s.columns).map(([k, a]) => ({ i: factorIndex(k), a: a as Float64Array }));
  const v = new Float64Array(FACTOR_COUNT);
  const pair = new Float64Array(2);
  const score = new Float64Array(s.n), coverage = new Float64Array(s.n), band = new Uint8Array(s.n);
  for (let r = 0; r < s.n; r++) {
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

const column = (s: Sample, k: FactorKey): Float64Array => (s.columns[k] as Float64Array | undefined) ?? new Float64Array(s.n).fill(NaN);

/** Altman Z'' = 6.56 X1 + 3.26 X2 + 6.72 X3 + 1.05 X4 per row (NaN when an input is missing). */
export function altmanZ2(s: Sample): Float64Array {
  const x1 = column(s, "working_capital_to_assets"), x2 = column(s, "retained_earnings_to_assets"), x3 = column(s, "ebit_to_assets"), x4 = column(s, "equity_to_liabilities");
  const z = new Float64Array(s.n);
  for (let i = 0; i < s.n; i++) z[i] = 6.56 * x1[i] + 3.26 * x2[i] + 6.72 * x3[i] + 1.05 * x4[i];
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
    /** The model's AUC on the same rows (those where Z'' is computable). */
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

const pick = <T extends ArrayLike<number>>(a: T, idx: readonly number[]): number[] => idx.map((i) => a[i]);

/** All metrics for `rows` (indexes into the sample; all rows when omitted). */
export function measure(s: Sample, model: ScorecardModel, horizonYears: number, rows?: readonly number[]): Metrics {
  const idx = rows ?? Array.from({ length: s.n }, (_, i) => i);
  const sc = scoreSample(s, model);
  const y = pick(s.label, idx);
  const risk = idx.map((i) => -sc.score[i]);
  const h = model.pd.horizonYears;
  const pd = idx.map((i) => {
    const p12 = 1 - Math.pow(1 - horizonPdOf(sc.score[i], model), 1 / h);
    return 1 - Math.pow(1 - p12, horizonYears);
  });
  const de = captureRates(idx.map((i) => sc.band[i] >= 3), y);
  const z = altmanZ2(s);
  const zr = idx.filter((i) => Number.isFinite(z[i]));
  const zy = pick(s.label, zr);
  const dz = captureRates(zr.map((i) => z[i] < 1.1), zy);
  const gz = captureRates(zr.map((i) => z[i] < 2.6), zy);
  const bands = [0, 1, 2, 3, 4].map((b) => {
    const inBand = idx.filter((i) => sc.band[i] === b);
    return { n: inBand.length, defaulters: inBand.filter((i) => s.label[i] === 1).length };
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
    meanCoverage: idx.reduce((a, i) => a + sc.coverage[i], 0) / Math.max(1, idx.length),
    altman: {
      n: zr.length,
      auc: auc(zr.map((i) => -z[i]), zy),
      modelAucSameRows: auc(zr.map((i) => -sc.score[i]), zy),
      distressCapture: dz.defaulters,
      distressFalseAlarm: dz.healthy,
      greyCapture: gz.defaulters,
      greyFalseAlarm: gz.healthy,
    },
    bands,
  };
}
