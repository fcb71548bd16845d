/**
 * The calibration pipeline that builds the shipped scorecard:
 * fixed-seed stratified 70/30 split → monotone WoE binning of a fixed, small
 * set of financial factors on the training rows → logistic regression of the
 * default flag on the sum of the WoE values (one common coefficient; missing
 * indicators as nuisance terms; intercept re-set so the mean PD equals the
 * training default rate) → points (scaling.ts) together with the expert
 * factors → band cut-offs from 12-month PD thresholds → band PDs from the
 * validation rows. Deterministic for a given sample and seed.
 */
import { EngineError, Result, valueError } from "../errors";
import type { FactorKey } from "../scoring/factors";
import { BANDS, ScorecardModel, validateModel } from "../scoring/model";
import { horizonPdOf } from "../scoring/score";
import { applyBinning, fitBinning } from "./binning";
import { EXPERT_FACTORS } from "./expert";
import { Metrics, measure, scoreSample } from "./evaluation";
import { fitLogistic } from "./logistic";
import { annualPd, horizonPd, interceptFor, poolAdjacent } from "./pd";
import { Sample, defaultCount, withDerivedRatios } from "./sample";
import { LogOddsFactor, buildModel, pointsPerLogOdds, scoreAtPd } from "./scaling";
import { splitRows } from "./split";

/** A factor offered to the calibration with its economic direction ("increasing" = a higher value is safer). */
export interface CandidateFactor {
  key: FactorKey;
  direction: "increasing" | "decreasing";
}

/**
 * The financial factors offered to the calibration. Chosen a priori to cover
 * leverage, profitability, cash flow, liquidity, accumulated earnings and debt
 * service — the families every bankruptcy study finds — and no size factor
 * (currency-dependent).
 */
export const FINANCIAL_FACTORS: CandidateFactor[] = [
  { key: "debt_ratio", direction: "decreasing" },
  { key: "ebit_to_assets", direction: "increasing" },
  { key: "cash_flow_to_debt", direction: "increasing" },
  { key: "quick_ratio", direction: "increasing" },
  { key: "retained_earnings_to_assets", direction: "increasing" },
  { key: "interest_coverage", direction: "increasing" },
];

/** 12-month PD thresholds separating bands A|B, B|C, C|D, D|E. */
export const BAND_PD_THRESHOLDS = [0.002, 0.005, 0.015, 0.05];

/** Weight (in rows) of the model-implied PD when band PDs are estimated from the validation rows. */
export const BAND_PRIOR_ROWS = 100;

/** Smallest share of missing values for which a nuisance missing indicator is fitted. */
export const MIN_MISSING_FOR_INDICATOR = 0.01;

export interface CalibrationOptions {
  seed: number;
  trainShare: number;
  /** Years within which the data's label counts a bankruptcy. */
  horizonYears: number;
  dataName: string;
  version: string;
  factors?: CandidateFactor[];
  maxBins?: number;
  minShare?: number;
  /** "equal" (default): one common coefficient on the WoE sum; "logistic": free coefficients. */
  weighting?: "equal" | "logistic";
}

export interface CalibrationResult {
  model: ScorecardModel;
  train: Metrics;
  validation: Metrics;
  trainRows: number[];
  validationRows: number[];
  /** Factor → coefficient on WoE (ln odds of survival per unit WoE) and information value. */
  coefficients: Record<string, { beta: number; iv: number }>;
  dropped: string[];
}

const r4 = (x: number): number => Math.round(x * 1e4) / 1e4;

/** Runs the pipeline on a labelled sample; an error value when the sample cannot be calibrated. */
export function calibrate(input: Sample, opts: CalibrationOptions): Result<CalibrationResult> {
  if (input.n === 0) return valueError("calibration: the sample has no rows.");
  const bads = defaultCount(input);
  if (bads === 0 || bads === input.n) return valueError(`calibration: the sample needs both defaulters and healthy rows (it has ${bads} defaulters among ${input.n} rows).`);
  const ds = withDerivedRatios(input);
  const { train, validation } = splitRows(ds.label, opts.trainShare, opts.seed);
  const y = Float64Array.from(train, (i) => ds.label[i]);
  let factors = (opts.factors ?? FINANCIAL_FACTORS).filter((f) => ds.columns[f.key]);
  const bins = new Map(factors.map((f) => {
    const x = Float64Array.from(train, (i) => (ds.columns[f.key] as Float64Array)[i]);
    return [f.key, { bin: fitBinning(x, y, { direction: f.direction, maxBins: opts.maxBins ?? 6, minShare: opts.minShare ?? 0.05 }), x }] as const;
  }));
  factors = factors.filter((f) => (bins.get(f.key)?.bin.edges.length ?? 0) > 0);
  if (factors.length === 0) return valueError("calibration: no factor column of the sample can be binned (give at least one financial ratio with varied values).");
  const dropped: string[] = [];
  let beta: number[] = [];
  let X: Float64Array[] = [];
  const weighting = opts.weighting ?? "equal";
  for (;;) {
    X = factors.map((f) => {
      const b = bins.get(f.key)!;
      return applyBinning(b.bin, b.x);
    });
    // Missing-value indicators enter the fit as nuisance terms only: they keep a
    // data set's missingness pattern (an artefact of how it was collected) from
    // biasing the factor coefficients, and are not part of the scorecard,
    // where a missing factor is neutral.
    const M = factors
      .map((f) => Float64Array.from(bins.get(f.key)!.x, (v) => (Number.isNaN(v) ? 1 : 0)))
      .filter((m) => m.reduce((a, b) => a + b, 0) >= MIN_MISSING_FOR_INDICATOR * m.length);
    if (weighting === "equal") {
      // One common coefficient on the sum of WoE values (an "improper" equal-weight
      // model): as accurate here as free weights and far more robust when a data set
      // lacks some of the factors (see docs/methodology.md).
      const sum = new Float64Array(y.length);
      for (const x of X) for (let i = 0; i < x.length; i++) sum[i] += x[i];
      const [b0, b1] = fitLogistic([sum, ...M], y, 0);
      beta = [b0, ...factors.map(() => b1)];
    } else {
      beta = fitLogistic([...X, ...M], y, 1e-3).slice(0, factors.length + 1); // ln odds of default
    }
    const wrong = factors.findIndex((_, j) => beta[j + 1] >= 0); // WoE > 0 is safer, so slopes must be negative
    if (wrong < 0) break;
    dropped.push(factors[wrong].key);
    factors = factors.filter((_, j) => j !== wrong);
    if (factors.length === 0) return valueError("calibration: no factor has a coefficient with the economic sign.");
  }
  // Calibration in the large without the nuisance terms: the intercept makes the
  // mean predicted PD on the training rows equal their default rate.
  beta[0] = interceptFor(beta, X, y);
  const fin: LogOddsFactor[] = factors.map((f, j) => {
    const b = bins.get(f.key)!.bin;
    return {
      key: f.key, group: "financial", source: "calibrated", direction: f.direction,
      edges: b.edges, shifts: b.woe.map((w) => -beta[j + 1] * w), neutralShift: 0,
      note: `WoE bins fitted on ${opts.dataName} (train split); coefficient ${r4(-beta[j + 1])}, IV ${r4(b.iv)}.`,
    };
  });
  const all = [...fin, ...EXPERT_FACTORS];
  const F = pointsPerLogOdds(all);
  const intercept = -beta[0];
  const L0 = intercept + all.reduce((s, f) => s + Math.min(...f.shifts), 0);
  const h = opts.horizonYears;
  const mins = BAND_PD_THRESHOLDS.map((p) => Math.round(scoreAtPd(horizonPd(p, h), L0, F) * 10) / 10);
  const coefficients: Record<string, { beta: number; iv: number }> = {};
  factors.forEach((f, j) => (coefficients[f.key] = { beta: r4(-beta[j + 1]), iv: r4(bins.get(f.key)!.bin.iv) }));
  const base = {
    id: "creditsentinel-scorecard",
    version: opts.version,
    description: "CreditSentinel credit scorecard: financial factors calibrated by monotone WoE binning + logistic regression; payment behaviour, profile and risk context by documented expert points. Score 0–100, higher = safer.",
    intercept,
    horizonYears: h,
    factors: all,
    bandMinScores: [...mins, 0],
  };
  // Provisional band PDs (thresholds) to score the validation rows, then the observed rates.
  const provisional = buildModel({ ...base, bandPds: [0.001, 0.003, 0.01, 0.03, 0.1] });
  const scored = scoreSample(ds, provisional);
  const observed = BANDS.map((_, b) => {
    const rows = validation.filter((i) => scored.band[i] === b);
    const bads = rows.filter((i) => ds.label[i] === 1).length;
    // Prior: the model's own mean horizon PD in the band (for an empty band, its PD half a
    // band width below the band's upper cut-off); weight BAND_PRIOR_ROWS rows.
    let prior: number;
    if (rows.length > 0) prior = rows.reduce((a, i) => a + horizonPdOf(scored.score[i], provisional), 0) / rows.length;
    else {
      const upper = b === 0 ? 100 : mins[b - 1];
      const width = b === 0 ? 100 - mins[0] : b === 1 ? 100 - mins[0] : mins[b - 2] - mins[b - 1];
      prior = horizonPdOf(upper - width / 2, provisional);
    }
    return { n: rows.length, bads, rate: (bads + BAND_PRIOR_ROWS * prior) / (rows.length + BAND_PRIOR_ROWS) };
  });
  // Pool adjacent violators so PDs never fall from A to E.
  const pds = poolAdjacent(observed.map((o) => o.rate), observed.map((o) => o.n + BAND_PRIOR_ROWS)).map((p) => Number(annualPd(p, h).toPrecision(3)));
  const model = buildModel({
    ...base,
    bandPds: pds,
    calibration: {
      data: opts.dataName,
      split: { method: "stratified by class, mulberry32 Fisher–Yates shuffle", seed: opts.seed, trainShare: opts.trainShare, trainRows: train.length, validationRows: validation.length },
      weighting,
      labelHorizonYears: h,
      pdConversion: `12-month PD = 1 − (1 − PD over ${h} years)^(1/${h}) (constant annual hazard)`,
      bandPdThresholds12m: BAND_PD_THRESHOLDS,
      bandPdSource: `validation split: (defaults + ${BAND_PRIOR_ROWS} × model PD) / (n + ${BAND_PRIOR_ROWS}) per band, made monotone (pool adjacent violators), converted to 12 months`,
      bandObserved: observed.map((o, b) => ({ band: BANDS[b], n: o.n, defaulters: o.bads })),
      coefficients,
      dropped,
    },
  });
  const bad: EngineError | null = validateModel(model);
  if (bad) return valueError(`calibration produced an invalid model: ${bad.message}`);
  const metrics = (rows: number[]): Metrics => measure(ds, model, h, rows);
  return { model, train: metrics(train), validation: metrics(validation), trainRows: train, validationRows: validation, coefficients, dropped };
}
