/**
 * Scoring a customer: factor values → points → score (0–100, higher = safer),
 * band A–E, 12-month PD, coverage and the per-factor breakdown.
 */
import { FACTOR_COUNT, FactorKey, ScoreGroup } from "./factors";
import { deriveInPlace, toVector } from "./derive";
import { BANDS, Band, CompiledModel, DEFAULT_MODEL, ScorecardModel, compileModel } from "./model";
import { ReasonCode, topReasons } from "./reasons";

/** One factor's part of the score, for reason codes and the task pane. */
export interface Contribution {
  key: FactorKey;
  group: ScoreGroup;
  /** The value used (given or derived), or null when missing. */
  value: number | null;
  /** Points earned (neutral points when missing). */
  points: number;
  /** Best attainable points of this factor. */
  maxPoints: number;
  /** maxPoints − points (0 when missing is at the top; still shown). */
  deficit: number;
  observed: boolean;
}

export interface ScoreResult {
  /** 0–100, higher = safer (not rounded). */
  score: number;
  band: Band;
  /** 12-month probability of default implied by the score. */
  pd: number;
  /** Share of the model's weight (max points) that was observed, 0–1. */
  coverage: number;
  /** One entry per scored factor, in model order. */
  contributions: Contribution[];
  /** Up to three observed factors with the largest point deficit, largest first. */
  reasons: ReasonCode[];
}

/** Points of factor slot `s` for value `x` (NaN → neutral). Allocation-free. */
export function pointsOf(c: CompiledModel, s: number, x: number): number {
  if (x !== x) return c.neutral[s];
  const e = c.edges[s];
  let k = 0;
  while (k < e.length && x >= e[k]) k++;
  return c.points[s][k];
}

/**
 * Scores a factor vector (NaN = missing; ratios already derived). Writes the
 * score and coverage into `out[0]`, `out[1]`. Allocation-free hot path.
 */
export function scoreVector(c: CompiledModel, v: Float64Array, out: Float64Array): void {
  let total = 0;
  let seen = 0;
  const idx = c.index;
  for (let s = 0; s < idx.length; s++) {
    const x = v[idx[s]];
    total += pointsOf(c, s, x);
    if (x === x) seen += c.max[s];
  }
  out[0] = total < 0 ? 0 : total > 100 ? 100 : total;
  out[1] = c.maxTotal > 0 ? seen / c.maxTotal : 0;
}

/**
 * A score as the formulas show and the pane writes it: one decimal. The band
 * and the PD of a computed score are read from this value, so a score shown as
 * 70.9 is in the band whose cut-off is 70.9, its PD is the PD of 70.9, and
 * RISK.CREDITLIMIT given the shown score finds the same band.
 * @example displayScore(70.85) === 70.9
 */
export function displayScore(score: number): number {
  return Math.round(score * 10) / 10;
}

/**
 * The band of a score as given (e.g. typed into RISK.CREDITLIMIT): the first
 * band (A…E) whose minScore it reaches, compared exactly.
 * @example bandOf(85) === "A" with the default model's cut-offs (see docs/methodology.md)
 */
export function bandOf(score: number, model: ScorecardModel = DEFAULT_MODEL): Band {
  const bands = model.bands;
  for (let i = 0; i < bands.length; i++) if (score >= bands[i].minScore) return bands[i].band;
  return "E";
}

/**
 * Band index 0 (A) … 4 (E) of a score, from compiled cut-offs (compared exactly).
 * Callers pass the score as shown (`displayScore`) so the band agrees with it.
 */
export function bandIndex(c: CompiledModel, score: number): number {
  const b = c.bandMin;
  for (let i = 0; i < b.length; i++) if (score >= b[i]) return i;
  return b.length - 1;
}

/**
 * 12-month PD implied by a score: the model's horizon PD
 * 1 / (1 + exp(logOddsAtZero + score / pointsPerLogOdds)), converted to one year
 * under a constant hazard: 1 − (1 − PD_h)^(1 / horizonYears).
 */
export function pdOf(score: number, model: ScorecardModel = DEFAULT_MODEL): number {
  const p = horizonPdOf(score, model);
  const h = model.pd.horizonYears;
  return h === 1 ? p : -Math.expm1(Math.log1p(-p) / h);
}

/** PD over the model's calibration horizon (`model.pd.horizonYears`) implied by a score. */
export function horizonPdOf(score: number, model: ScorecardModel = DEFAULT_MODEL): number {
  return 1 / (1 + Math.exp(model.pd.logOddsAtZero + score / model.pd.pointsPerLogOdds));
}

/** The per-factor breakdown of a factor vector (ratios already derived). */
export function contributionsOf(c: CompiledModel, v: Float64Array): Contribution[] {
  const out: Contribution[] = new Array(c.index.length);
  for (let s = 0; s < c.index.length; s++) {
    const f = c.model.factors[s];
    const x = v[c.index[s]];
    const points = pointsOf(c, s, x);
    const observed = x === x;
    out[s] = { key: f.key, group: f.group, value: observed ? x : null, points, maxPoints: c.max[s], deficit: c.max[s] - points, observed };
  }
  return out;
}

const scratch = new Float64Array(FACTOR_COUNT);
const pair = new Float64Array(2);

/** Full result for a vector that already holds derived ratios. */
export function resultOfVector(c: CompiledModel, v: Float64Array): ScoreResult {
  scoreVector(c, v, pair);
  const score = pair[0];
  const shown = displayScore(score);
  const contributions = contributionsOf(c, v);
  return {
    score,
    band: BANDS[bandIndex(c, shown)],
    pd: pdOf(shown, c.model),
    coverage: pair[1],
    contributions,
    reasons: topReasons(contributions),
  };
}

/**
 * Scores one customer from whatever factors are known. Missing ratios are
 * first derived from statement items; still-missing factors score neutral.
 * Non-finite values count as missing.
 * @example scoreCustomer({ debt_ratio: 0.9, interest_coverage: 0.8 }).band // → "D" or "E"
 */
export function scoreCustomer(values: Partial<Record<FactorKey, number>>, model: ScorecardModel = DEFAULT_MODEL): ScoreResult {
  const c = compileModel(model);
  toVector(values, scratch);
  deriveInPlace(scratch);
  return resultOfVector(c, scratch);
}
