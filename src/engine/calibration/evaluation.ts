/**
 * Scoring a labelled sample with a scorecard model and measuring it: AUC, KS,
 * Brier, band D–E capture and false alarms, next to the classical models
 * (Altman Z'', Ohlson, Zmijewski: benchmarks.ts) on the same rows.
 */
import { FACTOR_COUNT, factorIndex } from "../scoring/factors";
import { deriveInPlace } from "../scoring/derive";
import { ScorecardModel, compileModel } from "../scoring/model";
import { bandIndex, displayScore, givenColumns, horizonPdOf, markNotReported, notReportedFlag, scoreVector } from "../scoring/score";
import { Sample, withDerivedRatios } from "./sample";
import { BenchmarkKey, benchmarks } from "./benchmarks";
import { auc, brier, captureRates, ks } from "./metrics";
import type { Message } from "../messages";

export interface Scored {
  score: Float64Array;
  /** Band index 0 (A) … 4 (E), of the score as shown. */
  band: Uint8Array;
  coverage: Float64Array;
}

/** Scores every row of a sample as the formulas would score its table (ratios derived from statement items; the sample's columns are the columns given). */
export function scoreSample(s: Sample, model: ScorecardModel): Scored {
  const c = compileModel(model);
  const cols = Object.entries(s.columns).map(([k, a]) => ({ i: factorIndex(k), a: a as Float64Array }));
  const given = givenColumns(Object.keys(s.columns));
  const v = new Float64Array(FACTOR_COUNT);
  const pair = new Float64Array(2);
  const score = new Float64Array(s.n),
    coverage = new Float64Array(s.n),
    band = new Uint8Array(s.n);
  for (let r = 0; r < s.n; r++) {
    v.fill(NaN);
    for (const { i, a } of cols) v[i] = a[r];
    deriveInPlace(v);
    markNotReported(c, v, given);
    scoreVector(c, v, pair);
    score[r] = pair[0];
    coverage[r] = pair[1];
    band[r] = bandIndex(c, displayScore(pair[0])); // the band the product shows
  }
  return { score, band, coverage };
}

export interface BenchmarkMetrics {
  key: BenchmarkKey;
  name: string;
  /** Rows where the benchmark is computable. */
  n: number;
  defaulters: number;
  auc: number;
  ks: number;
  /** The scorecard's AUC and KS on exactly those rows. */
  modelAuc: number;
  modelKs: number;
  /** Share of defaulters / healthy flagged by the benchmark's own cut-off. */
  capture: number;
  falseAlarm: number;
  /** The benchmark's own cut-off in words (a catalogue message). */
  cutoff: Message;
  /** The scorecard's bands D–E on the same rows: share of defaulters / healthy. */
  modelCapture: number;
  modelFalseAlarm: number;
}

export interface Metrics {
  n: number;
  defaulters: number;
  auc: number;
  ks: number;
  /** Brier score of the model PD over `horizonYears` against the label. */
  brier: number;
  horizonYears: number;
  /** Share of defaulters in bands D–E (the two worst), and of healthy firms there. */
  deCapture: number;
  deFalseAlarm: number;
  meanCoverage: number;
  /** Altman Z'', Ohlson and Zmijewski on the rows where each is computable. */
  benchmarks: BenchmarkMetrics[];
  /** Rows per band A..E: n, defaulters, and the mean 12-month PD the model gives them. */
  bands: { n: number; defaulters: number; meanPd12: number }[];
  /** Rows by incomplete-statements state (interest blank with debt ratio ≥ the model's threshold, or 0.3): rows and defaulters. */
  notReported: {
    flagged: { n: number; defaulters: number };
    reported: { n: number; defaulters: number };
    unknown: { n: number; defaulters: number };
  };
  /** Rows whose interest coverage is exactly 0 ("no interest expense"): rows and defaulters. */
  zeroCoverage: { n: number; defaulters: number };
  /** Mean 12-month PD the model gives the rows. */
  meanPd12: number;
}

const pick = <T extends ArrayLike<number>>(a: T, idx: readonly number[]): number[] => idx.map((i) => a[i]);

/** All metrics for `rows` (indexes into the sample; all rows when omitted). Ratios are derived from statement items first. */
export function measure(input: Sample, model: ScorecardModel, horizonYears: number, rows?: readonly number[]): Metrics {
  const s = withDerivedRatios(input);
  const idx = rows ?? Array.from({ length: s.n }, (_, i) => i);
  const sc = scoreSample(s, model);
  const y = pick(s.label, idx);
  const risk = idx.map((i) => -sc.score[i]);
  const h = model.pd.horizonYears;
  const pd12 = (i: number): number => 1 - Math.pow(1 - horizonPdOf(displayScore(sc.score[i]), model), 1 / h);
  const pd = idx.map((i) => 1 - Math.pow(1 - pd12(i), horizonYears));
  const flagged = (i: number): boolean => sc.band[i] >= 3;
  const de = captureRates(idx.map(flagged), y);
  const bench = benchmarks(s).map((b): BenchmarkMetrics => {
    const br = idx.filter((i) => Number.isFinite(b.risk[i]));
    const by = pick(s.label, br);
    const c = captureRates(
      br.map((i) => b.distressed[i]),
      by,
    );
    const m = captureRates(br.map(flagged), by);
    return {
      key: b.key,
      name: b.name,
      n: br.length,
      defaulters: by.filter((v) => v === 1).length,
      auc: auc(
        br.map((i) => b.risk[i]),
        by,
      ),
      ks: ks(
        br.map((i) => b.risk[i]),
        by,
      ),
      modelAuc: auc(
        br.map((i) => -sc.score[i]),
        by,
      ),
      modelKs: ks(
        br.map((i) => -sc.score[i]),
        by,
      ),
      capture: c.defaulters,
      falseAlarm: c.healthy,
      cutoff: b.cutoff,
      modelCapture: m.defaulters,
      modelFalseAlarm: m.healthy,
    };
  });
  const bands = [0, 1, 2, 3, 4].map((b) => {
    const inBand = idx.filter((i) => sc.band[i] === b);
    return {
      n: inBand.length,
      defaulters: inBand.filter((i) => s.label[i] === 1).length,
      meanPd12: inBand.reduce((a, i) => a + pd12(i), 0) / Math.max(1, inBand.length),
    };
  });
  const flags = flagColumn(s, model.incompleteStatements?.debtRatioMin ?? 0.3);
  const tally = (pick: (f: number) => boolean): { n: number; defaulters: number } => {
    const r = idx.filter((i) => pick(flags[i]));
    return { n: r.length, defaulters: r.filter((i) => s.label[i] === 1).length };
  };
  return {
    notReported: { flagged: tally((f) => f === 1), reported: tally((f) => f === 0), unknown: tally((f) => f !== f) },
    zeroCoverage: (() => {
      const ic = s.columns.interest_coverage;
      const r = ic ? idx.filter((i) => ic[i] === 0) : [];
      return { n: r.length, defaulters: r.filter((i) => s.label[i] === 1).length };
    })(),
    meanPd12: idx.reduce((a, i) => a + pd12(i), 0) / Math.max(1, idx.length),
    n: idx.length,
    defaulters: y.filter((v) => v === 1).length,
    auc: auc(risk, y),
    ks: ks(risk, y),
    brier: brier(pd, y),
    horizonYears,
    deCapture: de.defaulters,
    deFalseAlarm: de.healthy,
    meanCoverage: idx.reduce((a, i) => a + sc.coverage[i], 0) / Math.max(1, idx.length),
    benchmarks: bench,
    bands,
  };
}

/**
 * The highest cut-off on the shown-score grid (one decimal) that flags at most
 * `share` of the healthy rows (flagged = shown score below the cut-off), with
 * the shares of defaulters and healthy rows it flags. For a false-alarm budget
 * chosen on some rows (e.g. the training rows), then applied to others.
 */
export function cutoffForFalseAlarm(
  score: ArrayLike<number>,
  label: ArrayLike<number>,
  rows: readonly number[],
  share: number,
): { cutoff: number; defaulters: number; healthy: number } {
  const healthy = rows
    .filter((i) => label[i] !== 1)
    .map((i) => displayScore(score[i]))
    .sort((a, b) => a - b);
  const allowed = Math.floor(share * healthy.length + 1e-9);
  // Flagging `allowed` healthy rows at most: the cut-off can rise to the (allowed + 1)-th lowest healthy score.
  const cutoff = allowed >= healthy.length ? 100 : healthy[allowed];
  const r = captureRates(
    rows.map((i) => displayScore(score[i]) < cutoff),
    rows.map((i) => label[i]),
  );
  return { cutoff, ...r };
}

/** The incomplete-statements flag of every row (1, 0, or NaN), as the formulas would set it. */
export function flagColumn(ds: Sample, debtMin: number): Float64Array {
  const cols = Object.entries(ds.columns).map(([k, a]) => ({ i: factorIndex(k), a: a as Float64Array }));
  const given = givenColumns(Object.keys(ds.columns));
  const v = new Float64Array(FACTOR_COUNT);
  const out = new Float64Array(ds.n);
  for (let r = 0; r < ds.n; r++) {
    v.fill(NaN);
    for (const { i, a } of cols) v[i] = a[r];
    out[r] = notReportedFlag(v, given, debtMin);
  }
  return out;
}
