/**
 * The calibration pipeline that builds the shipped scorecard (format 2):
 * fixed-seed stratified 70/30 split → monotone WoE binning of a fixed, small
 * set of financial factors on the training rows → logistic regression of the
 * default flag on the sum of the WoE values (one common coefficient) and the
 * incomplete-statements flag (missing indicators as nuisance terms) → the
 * flag switched on only when it ranks the validation rows better → log-odds
 * converted from the label's horizon to 12 months (slope by horizon, level by
 * calibration in the large) → points on the fixed PD-anchored score scale
 * (scaling.ts) together with the expert factors → band cut-offs at the
 * 12-month PD thresholds → band PDs from the validation rows.
 * Deterministic for a given sample and seed.
 */
import { EngineError, Result, valueError } from "../errors";
import { message } from "../messages";
import { type FactorKey, factorEntry } from "../scoring/factors";
import { FACTOR_REGISTRY } from "../scoring/registry";
import { BANDS, ScorecardModel, poolWeight, validateModel, withIncompleteStatements } from "../scoring/model";
import { displayScore } from "../scoring/score";
import { applyBinning, fitBinning } from "./binning";
import { EXPERT_FACTORS } from "./expert";
import { Metrics, flagColumn, measure, scoreSample } from "./evaluation";
import { fitLogistic, sigmoid } from "./logistic";
import { auc, binCounts } from "./metrics";
import { annualPd, giniAt, horizonSlope, offsetFor, poolAdjacent } from "./pd";
import { Sample, defaultCount, withDerivedRatios } from "./sample";
import { LogOddsFactor, buildScaledModel } from "./scaling";
import { splitRows } from "./split";

/** A factor offered to the calibration with its economic direction ("increasing" = a higher value is safer). */
export interface CandidateFactor {
  key: FactorKey;
  direction: "increasing" | "decreasing";
  /** Values that mean "none" rather than a measurement (scored neutral, not binned). */
  neutralValues?: number[];
}

/**
 * A factor as the calibration is offered it: its direction and "none" values
 * from the factor registry (`scoring/registry.ts`).
 */
export function candidateOf(key: FactorKey): CandidateFactor {
  const f = factorEntry(key);
  const none = f.calibration?.neutralValues;
  // Every calibration candidate of the registry has a direction (test/engine/scoring/registry.test.ts).
  return { key, direction: f.direction as CandidateFactor["direction"], ...(none ? { neutralValues: [...none] } : {}) };
}

/**
 * The financial factors offered to the calibration. Chosen a priori to cover
 * leverage, profitability, cash flow, liquidity, accumulated earnings and debt
 * service — the families every bankruptcy study finds — and no size factor
 * (currency-dependent).
 */
export const FINANCIAL_FACTORS: CandidateFactor[] = (
  ["debt_ratio", "ebit_to_assets", "cash_flow_to_debt", "quick_ratio", "retained_earnings_to_assets", "interest_coverage"] as const
).map(candidateOf);

/**
 * Every canonical ratio with its economic direction, decided a priori (the
 * candidates compared by `npm run calibrate -- --compare-factors`): the
 * factors with a `calibration` entry in the factor registry, in its `rank`
 * order (`FINANCIAL_FACTORS` first). Sales growth and asset turnover are taken
 * as "higher is safer", though both are disputed; receivable and inventory
 * days as "longer is riskier".
 */
export const CANONICAL_RATIOS: CandidateFactor[] = FACTOR_REGISTRY.filter((f) => f.calibration !== null)
  .sort((a, b) => (a.calibration?.rank ?? 0) - (b.calibration?.rank ?? 0))
  .map((f) => candidateOf(f.key));

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
  /**
   * The incomplete-statements factor: "auto" (default) fits it and switches it on
   * only when it ranks the validation rows better; "on" / "off" force the switch.
   */
  incompleteStatements?: "auto" | "on" | "off";
}

/** What the fit found about the incomplete-statements factor. */
export interface IncompleteStatementsFit {
  /** Rows flagged among the training rows, and defaulters among them. */
  flaggedTrain: number;
  flaggedTrainDefaulters: number;
  /** ln-odds of default added by the flag over the label's horizon, and over 12 months. */
  coefficient: number;
  shift12m: number;
  /** Validation AUC of the model with and without the factor. */
  validationAucWith: number;
  validationAucWithout: number;
  enabled: boolean;
}

export interface CalibrationResult {
  model: ScorecardModel;
  train: Metrics;
  validation: Metrics;
  trainRows: number[];
  validationRows: number[];
  /** Factor → coefficient on WoE (ln odds of survival per unit WoE over the label's horizon) and information value. */
  coefficients: Record<string, { beta: number; iv: number }>;
  dropped: string[];
  /** The factor that turned the label's log-odds into 12-month log-odds (1 for a one-year label). */
  horizonSlope: number;
  incompleteStatements: IncompleteStatementsFit | null;
}

/** The model's identity. */
export const MODEL_ID = "creditsentinel-scorecard";

/** Debt ratio from which a blank interest figure counts as "not reported". */
export const NOT_REPORTED_DEBT_RATIO = 0.3;

/** Edges of the score distribution kept for the population stability index (10-point bins). */
export const SCORE_DISTRIBUTION_EDGES = [10, 20, 30, 40, 50, 60, 70, 80, 90];

const r4 = (x: number): number => Math.round(x * 1e4) / 1e4;
const logit = (p: number): number => Math.log(p / (1 - p));

/** Average pairwise correlation of the factors' WoE values, each pair over the rows where both are given. */
export function meanCorrelation(W: readonly Float64Array[], x: readonly ArrayLike<number>[]): number {
  let total = 0,
    pairs = 0;
  for (let a = 0; a < W.length; a++)
    for (let b = a + 1; b < W.length; b++) {
      let n = 0,
        sa = 0,
        sb = 0;
      for (let i = 0; i < W[a].length; i++)
        if (x[a][i] === x[a][i] && x[b][i] === x[b][i]) {
          n++;
          sa += W[a][i];
          sb += W[b][i];
        }
      if (n < 3) continue;
      const ma = sa / n,
        mb = sb / n;
      let c = 0,
        va = 0,
        vb = 0;
      for (let i = 0; i < W[a].length; i++)
        if (x[a][i] === x[a][i] && x[b][i] === x[b][i]) {
          c += (W[a][i] - ma) * (W[b][i] - mb);
          va += (W[a][i] - ma) ** 2;
          vb += (W[b][i] - mb) ** 2;
        }
      if (va > 0 && vb > 0) {
        total += c / Math.sqrt(va * vb);
        pairs++;
      }
    }
  return pairs ? Math.min(0.99, Math.max(0, total / pairs)) : 0;
}

/** Per row, the sum of the given factors' WoE times the pool weight for the number given (see poolWeight). */
export function pooledSum(W: readonly Float64Array[], x: readonly ArrayLike<number>[], rho: number): Float64Array {
  const n = W.length ? W[0].length : 0;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0,
      m = 0;
    for (let j = 0; j < W.length; j++)
      if (x[j][i] === x[j][i]) {
        sum += W[j][i];
        m++;
      }
    out[i] = sum * poolWeight(W.length, m, rho);
  }
  return out;
}

/** Runs the pipeline on a labelled sample; an error value when the sample cannot be calibrated. */
export function calibrate(input: Sample, opts: CalibrationOptions): Result<CalibrationResult> {
  if (input.n === 0) return valueError(message("calibration.noRows"));
  const bads = defaultCount(input);
  if (bads === 0 || bads === input.n) return valueError(message("calibration.oneClass", { bads, n: input.n }));
  const ds = withDerivedRatios(input);
  const h = opts.horizonYears;
  const { train, validation } = splitRows(ds.label, opts.trainShare, opts.seed);
  const y = Float64Array.from(train, (i) => ds.label[i]);
  let factors = (opts.factors ?? FINANCIAL_FACTORS).filter((f) => ds.columns[f.key]);
  // A value that means "none" (interest coverage 0: no interest expense) is not a measurement: not binned, neutral.
  const valueOf = (f: CandidateFactor, x: number): number => (f.neutralValues?.includes(x) ? NaN : x);
  const column = (f: CandidateFactor, rows: readonly number[]): Float64Array =>
    Float64Array.from(rows, (i) => valueOf(f, (ds.columns[f.key] as Float64Array)[i]));
  const bins = new Map(
    factors.map((f) => {
      const x = column(f, train);
      return [
        f.key,
        { bin: fitBinning(x, y, { direction: f.direction, maxBins: opts.maxBins ?? 6, minShare: opts.minShare ?? 0.05 }), x },
      ] as const;
    }),
  );
  factors = factors.filter((f) => (bins.get(f.key)?.bin.edges.length ?? 0) > 0);
  if (factors.length === 0) return valueError(message("calibration.noBinnable"));

  // The incomplete-statements flag, when the sample has an interest column and flags some training rows.
  const flagAll = flagColumn(ds, NOT_REPORTED_DEBT_RATIO);
  const flagTrain = Float64Array.from(train, (i) => (flagAll[i] === 1 ? 1 : 0));
  const flaggedTrain = flagTrain.reduce((a, b) => a + b, 0);
  const mode = opts.incompleteStatements ?? "auto";
  let useFlag = mode !== "off" && flaggedTrain > 0;

  const dropped: string[] = [];
  let rho = 0;
  let beta: number[] = [];
  let flagBeta = 0;
  let X: Float64Array[] = [];
  const weighting = opts.weighting ?? "equal";
  for (;;) {
    X = factors.map((f) => applyBinning(bins.get(f.key)!.bin, bins.get(f.key)!.x));
    // Missing-value indicators enter the fit as nuisance terms only: they keep a
    // data set's missingness pattern (an artefact of how it was collected) from
    // biasing the factor coefficients, and are not part of the scorecard,
    // where a missing factor is neutral. Rows the flag covers are left to the flag.
    const M = factors
      .map((f) => Float64Array.from(bins.get(f.key)!.x, (v, j) => (Number.isNaN(v) && !(useFlag && flagTrain[j] === 1) ? 1 : 0)))
      .filter((m) => m.reduce((a, b) => a + b, 0) >= MIN_MISSING_FOR_INDICATOR * m.length);
    const extra = useFlag ? [flagTrain] : [];
    if (weighting === "equal") {
      // One common coefficient on the sum of WoE values (an "improper" equal-weight
      // model): as accurate here as free weights and far more robust when a data set
      // lacks some of the factors (see docs/methodology.md). Rows with fewer factors
      // count their sum with the pool weight (Spearman–Brown), as the scorecard will.
      rho = meanCorrelation(
        X,
        factors.map((f) => bins.get(f.key)!.x),
      );
      const sum = pooledSum(
        X,
        factors.map((f) => bins.get(f.key)!.x),
        rho,
      );
      const b = fitLogistic([sum, ...extra, ...M], y, 0);
      beta = [b[0], ...factors.map(() => b[1])];
      flagBeta = useFlag ? b[2] : 0;
    } else {
      const b = fitLogistic([...X, ...extra, ...M], y, 1e-3); // ln odds of default
      beta = b.slice(0, factors.length + 1);
      flagBeta = useFlag ? b[factors.length + 1] : 0;
    }
    if (useFlag && !(flagBeta > 0)) {
      useFlag = false; // the flag must raise the risk, or it is not used
      continue;
    }
    const wrong = factors.findIndex((_, j) => beta[j + 1] >= 0); // WoE > 0 is safer, so slopes must be negative
    if (wrong < 0) break;
    dropped.push(factors[wrong].key);
    factors = factors.filter((_, j) => j !== wrong);
    if (factors.length === 0) return valueError(message("calibration.noSign"));
  }

  // Linear predictors (ln odds of default over the label's horizon, without the intercept).
  const pooled = weighting === "equal";
  const woeOfRows = (rows: readonly number[]): Float64Array => {
    const xs = factors.map((f) => column(f, rows));
    const W = factors.map((f, j) => applyBinning(bins.get(f.key)!.bin, xs[j]));
    if (pooled) return pooledSum(W, xs, rho).map((v) => beta[1] * v);
    const z = new Float64Array(rows.length);
    W.forEach((w, j) => {
      for (let i = 0; i < rows.length; i++) z[i] += beta[j + 1] * w[i];
    });
    return z;
  };
  const zTrain = woeOfRows(train);
  const zVal = woeOfRows(validation);
  const flagVal = Float64Array.from(validation, (i) => (flagAll[i] === 1 ? 1 : 0));
  const yVal = Float64Array.from(validation, (i) => ds.label[i]);
  let inc: IncompleteStatementsFit | null = null;
  let enabled = false;
  const k = horizonSlope(h);
  if (useFlag) {
    const aucWith = auc(
      Float64Array.from(zVal, (z, i) => z + flagBeta * flagVal[i]),
      yVal,
    );
    const aucWithout = auc(zVal, yVal);
    enabled = mode === "on" || (mode === "auto" && aucWith > aucWithout);
    inc = {
      flaggedTrain,
      flaggedTrainDefaulters: flagTrain.reduce((a, f, i) => a + f * y[i], 0),
      coefficient: r4(flagBeta),
      shift12m: r4(-k * flagBeta),
      validationAucWith: r4(aucWith),
      validationAucWithout: r4(aucWithout),
      enabled,
    };
  }
  // The level is set as if the flag were not known (most tables have no interest column, or fill it):
  // reporting interest is the normal case and earns nothing; a blank adds the flag's penalty on top.
  const zFull = zTrain;
  // Calibration in the large, without the nuisance terms: over the label's horizon
  // (the model's own PD for that horizon), and for 12 months: the log-odds are
  // steepened by k (ranking power is higher over one year than over h years) and
  // the level is set so that the mean 12-month PD of the training rows equals
  // their default rate per year.
  const trainBads = y.reduce((a, b) => a + b, 0);
  const b0h = offsetFor(zFull, trainBads, beta[0]);
  const annual = annualPd(trainBads / y.length, h);
  const c1 = offsetFor(
    Float64Array.from(zFull, (z) => k * z),
    annual * y.length,
    logit(annual),
  );

  const fin: LogOddsFactor[] = factors.map((f, j) => {
    const b = bins.get(f.key)!.bin;
    return {
      key: f.key,
      group: "financial",
      source: "calibrated",
      direction: f.direction,
      edges: b.edges,
      shifts: b.woe.map((w) => -k * beta[j + 1] * w),
      neutralShift: 0,
      ...(f.neutralValues ? { neutralValues: f.neutralValues } : {}),
      note: `WoE bins fitted on ${opts.dataName} (train split); coefficient ${r4(-beta[j + 1])} over ${h} years, ${r4(-k * beta[j + 1])} over 12 months; IV ${r4(b.iv)}.${f.neutralValues ? ` ${f.neutralValues.join(", ")} means none (no interest expense): neutral, not observed.` : ""}`,
    };
  });
  if (inc) {
    fin.push({
      key: "interest_not_reported",
      group: "financial",
      source: "calibrated",
      direction: "decreasing",
      edges: [1],
      shifts: [0, -k * flagBeta],
      neutralShift: 0,
      note: `Interest left blank in a given column while the debt ratio is ≥ ${NOT_REPORTED_DEBT_RATIO}: fitted on ${opts.dataName} (train split, ${flaggedTrain} rows flagged); coefficient ${r4(flagBeta)} ln-odds of default over ${h} years. Switched ${enabled ? "on" : "off"} by default: validation AUC ${inc.validationAucWith} with it, ${inc.validationAucWithout} without.`,
    });
  }
  const all = [...fin, ...EXPERT_FACTORS];
  const coefficients: Record<string, { beta: number; iv: number }> = {};
  factors.forEach((f, j) => (coefficients[f.key] = { beta: r4(-beta[j + 1]), iv: r4(bins.get(f.key)!.bin.iv) }));
  const base = {
    id: MODEL_ID,
    version: opts.version,
    description:
      "CreditSentinel credit scorecard: financial factors calibrated by monotone WoE binning + logistic regression; payment behaviour, profile and risk context by documented expert shifts on the same 12-month log-odds scale. Score 0–100, higher = safer; factors not given score neutral and the score uses the whole scale for those given.",
    intercept: -c1,
    factors: all,
    bandPdThresholds: BAND_PD_THRESHOLDS,
    ...(inc ? { incompleteStatements: { enabled, debtRatioMin: NOT_REPORTED_DEBT_RATIO } } : {}),
    ...(pooled ? { pool: { factors: factors.map((f) => f.key), correlation: r4(rho) } } : {}),
  };
  // Provisional band PDs (thresholds) to score the validation rows, then the observed rates.
  const provisional = buildScaledModel({ ...base, bandPds: [0.001, 0.003, 0.01, 0.03, 0.1] });
  // Band PDs on the footing of the level: the validation rows scored without the flag.
  const scored = scoreSample(ds, withIncompleteStatements(provisional, false));
  const F = provisional.pd.pointsPerLogOdds;
  // PD over the label's horizon of a score, and the conversion of such a PD to 12 months.
  const pdH = (score: number): number => sigmoid(b0h + (-(provisional.pd.logOddsAtZero + score / F) - c1) / k);
  const to12m = (p: number): number => sigmoid(c1 + k * (logit(p) - b0h));
  const mins = provisional.bands.map((b) => b.minScore);
  const observed = BANDS.map((_, b) => {
    const rows = validation.filter((i) => scored.band[i] === b);
    const bad = rows.filter((i) => ds.label[i] === 1).length;
    // Prior: the model's own mean horizon PD in the band (for an empty band, its PD half a
    // band width below the band's upper cut-off); weight BAND_PRIOR_ROWS rows.
    let prior: number;
    if (rows.length > 0) prior = rows.reduce((a, i) => a + pdH(displayScore(scored.score[i])), 0) / rows.length;
    else {
      const upper = b === 0 ? 100 : mins[b - 1];
      const lower = b === 4 ? Math.max(0, 2 * mins[3] - mins[2]) : mins[b];
      prior = pdH((upper + lower) / 2);
    }
    return { n: rows.length, bads: bad, rate: (bad + BAND_PRIOR_ROWS * prior) / (rows.length + BAND_PRIOR_ROWS) };
  });
  // Pool adjacent violators so PDs never fall from A to E.
  const pds = poolAdjacent(
    observed.map((o) => o.rate),
    observed.map((o) => o.n + BAND_PRIOR_ROWS),
  ).map((p) => Number(to12m(p).toPrecision(3)));
  const asShipped = scoreSample(ds, provisional).score; // scores do not depend on the band PDs
  const trainScores = Float64Array.from(train, (i) => asShipped[i]);
  const dist = binCounts(trainScores, SCORE_DISTRIBUTION_EDGES);
  const shipBands = binCounts(
    Float64Array.from(trainScores, (x) => displayScore(x)),
    [...provisional.bands.map((b) => b.minScore)].slice(0, 4).reverse(),
  ).reverse();
  const model = buildScaledModel({
    ...base,
    bandPds: pds,
    calibration: {
      data: opts.dataName,
      split: {
        method: "stratified by class, mulberry32 Fisher–Yates shuffle",
        seed: opts.seed,
        trainShare: opts.trainShare,
        trainRows: train.length,
        validationRows: validation.length,
      },
      weighting,
      labelHorizonYears: h,
      pdConversion: `12-month ln-odds = ${r4(k)} × ln-odds over ${h} years (ranking power by horizon: Gini ${giniAt(1)} at one year, ${r4(giniAt(h))} at ${h}), level set so the training rows' mean 12-month PD equals their default rate per year, ${r4(annual)}`,
      horizonSlope: r4(k),
      bandPdThresholds12m: BAND_PD_THRESHOLDS,
      bandPdSource: `validation split: (defaults + ${BAND_PRIOR_ROWS} × model PD) / (n + ${BAND_PRIOR_ROWS}) per band over ${h} years, made monotone (pool adjacent violators), converted to 12 months as above`,
      bandObserved: observed.map((o, b) => ({ band: BANDS[b], n: o.n, defaulters: o.bads })),
      coefficients,
      dropped,
      incompleteStatements: inc,
      scoreDistribution: { edges: SCORE_DISTRIBUTION_EDGES, shares: dist.map((c) => r4(c / train.length)), rows: "training rows" },
      bandShares: shipBands.map((c) => r4(c / train.length)),
    },
  });
  const bad: EngineError | null = validateModel(model);
  if (bad) return valueError(message("calibration.invalid", { cause: bad.msg ?? bad.message }));
  const metrics = (rows: number[]): Metrics => measure(ds, model, h, rows);
  return {
    model,
    train: metrics(train),
    validation: metrics(validation),
    trainRows: train,
    validationRows: validation,
    coefficients,
    dropped,
    horizonSlope: k,
    incompleteStatements: inc,
  };
}
