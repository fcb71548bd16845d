/**
 * Scoring a customer: factor values → points → score (0–100, higher = safer),
 * band A–E, 12-month PD, coverage and the per-factor breakdown.
 */
import { FACTOR_COUNT, FactorKey, factorIndex } from "./factors";
import { deriveInPlace, toVector } from "./derive";
import { BANDS, Band, CompiledModel, DEFAULT_MODEL, ScorecardModel, compileModel, poolWeight } from "./model";
import { ReasonCode, topReasons } from "./reasons";
import type { Contribution } from "./contribution";

export type { Contribution } from "./contribution";

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
  /** Up to three observed factors furthest below an average firm (points under their neutral points), largest first. */
  reasons: ReasonCode[];
}

/** True when x is one of slot s's "none" values (scored neutral, not observed). */
function isNoneValue(c: CompiledModel, s: number, x: number): boolean {
  const nv = c.neutralValues[s];
  if (nv === null) return false;
  for (let k = 0; k < nv.length; k++) if (nv[k] === x) return true;
  return false;
}

/**
 * The value `markNotReported` puts in a factor vector for a blank cell in a
 * given column of a factor that has not-reported points (never a real value:
 * −Number.MAX_VALUE).
 */
export const NOT_REPORTED = -Number.MAX_VALUE;

/** Points of factor slot `s` for value `x` (NaN or a "none" value → neutral; NOT_REPORTED → not-reported points). Allocation-free. */
export function pointsOf(c: CompiledModel, s: number, x: number): number {
  if (x !== x || isNoneValue(c, s, x)) return c.neutral[s];
  if (x === NOT_REPORTED) return c.notReportedPoints[s];
  const e = c.edges[s];
  let k = 0;
  while (k < e.length && x >= e[k]) k++;
  return c.points[s][k];
}

/** True when slot s's value x counts as observed (a number that is not a "none" value). */
function observedAt(c: CompiledModel, s: number, x: number): boolean {
  return x === x && !isNoneValue(c, s, x);
}

/**
 * Scores a factor vector (NaN = missing; ratios already derived). Writes the
 * score and coverage into `out[0]`, `out[1]`. Allocation-free hot path.
 * Format 2 models: neutral score + Σ (points − neutral points), within 0–100.
 */
export function scoreVector(c: CompiledModel, v: Float64Array, out: Float64Array): void {
  let total = c.offset;
  let seen = 0;
  let poolDev = 0,
    poolSeen = 0;
  const idx = c.index;
  for (let s = 0; s < idx.length; s++) {
    const x = v[idx[s]];
    const p = pointsOf(c, s, x);
    const obs = observedAt(c, s, x);
    if (c.inPool[s] === 1) {
      total += c.neutral[s];
      if (obs) {
        poolDev += p - c.neutral[s];
        poolSeen++;
      }
    } else total += p;
    if (obs) seen += c.coverageWeight[s];
  }
  if (poolSeen > 0) total += poolDev * poolWeight(c.poolSize, poolSeen, c.poolRho);
  out[0] = total < 0 ? 0 : total > 100 ? 100 : total;
  out[1] = c.maxTotal > 0 ? seen / c.maxTotal : 0;
}

/** How many of the pool's factors a vector gives. */
function poolSeenOf(c: CompiledModel, v: Float64Array): number {
  let m = 0;
  for (let s = 0; s < c.index.length; s++) if (c.inPool[s] === 1 && observedAt(c, s, v[c.index[s]])) m++;
  return m;
}

const I_NOT_REPORTED = factorIndex("interest_not_reported");
const I_COVERAGE = factorIndex("interest_coverage");
const I_INTEREST = factorIndex("interest_expense");
const I_DEBT = factorIndex("debt_ratio");

/** The columns whose blank cells the incomplete-statements factor reads. */
export const NOT_REPORTED_KEYS: readonly FactorKey[] = ["interest_coverage", "interest_expense"];

/**
 * Which factors the user's table has a column for (1 = given), by factor index:
 * the difference between "a column the user does not have" (neutral) and "a
 * blank in a column the user gave" (not reported).
 */
export function givenColumns(keys: Iterable<string>): Uint8Array {
  const g = new Uint8Array(FACTOR_COUNT);
  for (const k of keys) {
    const i = factorIndex(k);
    if (i >= 0) g[i] = 1;
  }
  return g;
}

/**
 * Sets the incomplete-statements factor (interest_not_reported) of a derived
 * factor vector, when the model has it switched on and the vector does not
 * already hold it: 1 when the table has an interest column (coverage or
 * interest expense) but this row leaves it blank and the debt ratio is at
 * least the model's threshold; 0 when interest is reported (a 0 is a report:
 * no interest expense) or the debt ratio is below the threshold; missing
 * (neutral) when the table has no interest column or the debt ratio is unknown.
 */
export function markNotReported(c: CompiledModel, v: Float64Array, given: Uint8Array): void {
  const min = c.notReportedDebtMin;
  if (min === min && v[I_NOT_REPORTED] !== v[I_NOT_REPORTED]) v[I_NOT_REPORTED] = notReportedFlag(v, given, min);
  // Factors with points of their own for a blank in a given column (models fitted to a user's history).
  const nr = c.notReportedPoints;
  for (let s = 0; s < nr.length; s++) {
    const i = c.index[s];
    if (nr[s] === nr[s] && given[i] === 1 && v[i] !== v[i]) v[i] = NOT_REPORTED;
  }
}

/** The incomplete-statements flag of a derived factor vector at a debt-ratio threshold: 1, 0, or NaN (see `markNotReported`). */
export function notReportedFlag(v: Float64Array, given: Uint8Array, debtRatioMin: number): number {
  if (given[I_COVERAGE] !== 1 && given[I_INTEREST] !== 1) return NaN;
  if (v[I_COVERAGE] === v[I_COVERAGE] || v[I_INTEREST] === v[I_INTEREST]) return 0;
  const d = v[I_DEBT];
  return d === d ? (d >= debtRatioMin ? 1 : 0) : NaN;
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
  const w = c.poolSize > 0 ? poolWeight(c.poolSize, poolSeenOf(c, v), c.poolRho) : 1;
  for (let s = 0; s < c.index.length; s++) {
    const f = c.model.factors[s];
    const x = v[c.index[s]];
    const raw = pointsOf(c, s, x);
    const observed = observedAt(c, s, x);
    // A pooled factor's points and best points as they count in this customer's score (see poolWeight).
    const k = c.inPool[s] === 1 && observed ? w : 1;
    const n = c.neutral[s];
    const points = n + k * (raw - n);
    const maxPoints = n + k * (c.max[s] - n);
    const notReported = x === NOT_REPORTED;
    out[s] = {
      key: f.key,
      group: f.group,
      value: x === x && !notReported ? x : null,
      points,
      maxPoints,
      neutral: n,
      deficit: n - points,
      observed,
      ...(notReported ? { notReported } : {}),
    };
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
 * Non-finite values count as missing; a key present with a non-finite value
 * is a blank in a column the user gave (it matters for interest: see
 * `markNotReported`).
 * @example scoreCustomer({ debt_ratio: 0.9, interest_coverage: 0.8 }).band // → "D" or "E"
 */
export function scoreCustomer(values: Partial<Record<FactorKey, number>>, model: ScorecardModel = DEFAULT_MODEL): ScoreResult {
  const c = compileModel(model);
  toVector(values, scratch);
  deriveInPlace(scratch);
  markNotReported(c, scratch, givenColumns(Object.keys(values)));
  return resultOfVector(c, scratch);
}
