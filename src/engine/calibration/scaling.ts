/**
 * Points scaling: turning log-odds factor specifications into the points-based
 * scorecard JSON. `buildScaledModel` builds format 2 models (the shipped
 * model from version 2): a fixed score scale anchored on 12-month PDs. The
 * format 1 builder (`buildModel`, maxima adding up to 100) is kept for
 * reading and comparing version 1.
 *
 * Every factor bin carries a shift of ln(odds of survival) (calibrated:
 * β × WoE from the logistic regression; expert: a documented judgement).
 * With F = points per unit of log-odds chosen so that the best attainable
 * points of all factors add up to exactly 100:
 *   points(bin) = F × (shift(bin) − min shift of the factor)     (≥ 0)
 *   neutral     = F × (neutral shift − min shift)
 *   ln(odds good over the horizon) = logOddsAtZero + score / F,
 *   logOddsAtZero = intercept + Σ min shifts.
 */
import type { Band, BandSpec, FactorSpec, PoolSpec, ScorecardModel } from "../scoring/model";
import type { FactorKey, ScoreGroup } from "../scoring/factors";

export interface LogOddsFactor {
  key: FactorKey;
  group: ScoreGroup;
  source: "calibrated" | "expert";
  direction: "increasing" | "decreasing";
  edges: number[];
  /** ln-odds-of-survival shift per bin (edges.length + 1 values). */
  shifts: number[];
  /** Shift used when the factor is missing. */
  neutralShift: number;
  /** Values that mean "none": scored at the neutral shift and not observed. */
  neutralValues?: number[];
  note?: string;
}

export interface BuildInput {
  id: string;
  version: string;
  description: string;
  /** Intercept of ln(odds good) with every factor at shift 0. */
  intercept: number;
  horizonYears: number;
  factors: LogOddsFactor[];
  /** Minimum scores of bands A..E (E = 0). */
  bandMinScores: number[];
  /** 12-month PDs of bands A..E. */
  bandPds: number[];
  calibration?: Record<string, unknown>;
}

const r2 = (x: number): number => Math.round(x * 100) / 100;

/** A factor's spec from its log-odds shifts: points F × (shift − lowest shift), so the worst bin scores 0 (both model formats). */
function factorSpecOf(f: LogOddsFactor, F: number, neutralValues?: readonly number[]): FactorSpec {
  const lo = Math.min(...f.shifts);
  return {
    key: f.key,
    group: f.group,
    source: f.source,
    direction: f.direction,
    edges: f.edges.map((e) => Number(e.toPrecision(6))),
    points: f.shifts.map((sh) => r2(F * (sh - lo))),
    neutral: r2(F * (f.neutralShift - lo)),
    ...(neutralValues ? { neutralValues: [...neutralValues] } : {}),
    ...(f.note ? { note: f.note } : {}),
  };
}

/** Points per unit of log-odds that make the maximum points add up to 100. */
export function pointsPerLogOdds(factors: readonly LogOddsFactor[]): number {
  const span = factors.reduce((s, f) => s + Math.max(...f.shifts) - Math.min(...f.shifts), 0);
  return 100 / span;
}

/** Builds the scorecard model (points rounded to 0.01; the rounding residue goes to the widest factor so the maxima add up to 100). */
export function buildModel(input: BuildInput): ScorecardModel {
  const F = pointsPerLogOdds(input.factors);
  let minSum = 0;
  const factors: FactorSpec[] = input.factors.map((f) => {
    minSum += Math.min(...f.shifts);
    return factorSpecOf(f, F);
  });
  const total = factors.reduce((s, f) => s + Math.max(...f.points), 0);
  const residue = r2(100 - total);
  if (residue !== 0) {
    const widest = factors.reduce((a, b) => (Math.max(...b.points) > Math.max(...a.points) ? b : a));
    const top = Math.max(...widest.points);
    widest.points = widest.points.map((p) => (p === top ? r2(p + residue) : p));
    if (widest.neutral === top) widest.neutral = r2(top + residue);
  }
  const bands: BandSpec[] = (["A", "B", "C", "D", "E"] as Band[]).map((band, i) => ({
    band,
    minScore: input.bandMinScores[i],
    pd: input.bandPds[i],
  }));
  return {
    id: input.id,
    version: input.version,
    description: input.description,
    pd: {
      logOddsAtZero: Number((input.intercept + minSum).toPrecision(8)),
      pointsPerLogOdds: Number(F.toPrecision(8)),
      horizonYears: input.horizonYears,
    },
    bands,
    factors,
    ...(input.calibration ? { calibration: input.calibration } : {}),
  };
}

/** Score at which the horizon PD equals `pd` under a model's scale. */
export function scoreAtPd(pd: number, logOddsAtZero: number, F: number): number {
  return (Math.log((1 - pd) / pd) - logOddsAtZero) * F;
}

/** Two points of the score scale: a score and the 12-month PD it stands for. */
export interface ScaleAnchors {
  high: { score: number; pd: number };
  low: { score: number; pd: number };
}

/**
 * The score scale of format 2 models: score 80 stands for a 12-month PD of
 * 0.2 % (the A|B threshold) and score 30 for 5 % (D|E); linear in log-odds in
 * between and beyond, kept within 0–100 (score 100 ≈ 0.05 %, score 0 ≈ 27 %).
 */
export const SCORE_SCALE: ScaleAnchors = { high: { score: 75, pd: 0.002 }, low: { score: 40, pd: 0.05 } };

const logOddsGood = (pd: number): number => Math.log((1 - pd) / pd);

/** Points per unit of log-odds of a scale. */
export function scalePointsPerLogOdds(a: ScaleAnchors = SCORE_SCALE): number {
  return (a.high.score - a.low.score) / (logOddsGood(a.high.pd) - logOddsGood(a.low.pd));
}

/** The unclamped score of a 12-month ln(odds of survival) on a scale. */
export function scoreOfLogOdds(lnOddsGood: number, a: ScaleAnchors = SCORE_SCALE): number {
  return a.low.score + scalePointsPerLogOdds(a) * (lnOddsGood - logOddsGood(a.low.pd));
}

export interface ScaledBuildInput {
  id: string;
  version: string;
  description: string;
  /** 12-month ln(odds of survival) of a customer with every factor at shift 0. */
  intercept: number;
  factors: LogOddsFactor[];
  /** 12-month PDs of bands A..E. */
  bandPds: number[];
  /** 12-month PD thresholds A|B, B|C, C|D, D|E: the band cut-offs are their scores. */
  bandPdThresholds: number[];
  incompleteStatements?: { enabled: boolean; debtRatioMin: number };
  pool?: PoolSpec;
  scale?: ScaleAnchors;
  calibration?: Record<string, unknown>;
}

/**
 * Builds a format 2 model: points(bin) = F × (shift − min shift), neutral =
 * F × (neutral shift − min shift), and the neutral score is the score of the
 * customer of whom nothing is known, so that score = neutral score +
 * Σ (points − neutral) = scale score of (intercept + Σ shifts). Points are
 * rounded to 0.01; cut-offs to 0.1.
 */
export function buildScaledModel(input: ScaledBuildInput): ScorecardModel {
  const a = input.scale ?? SCORE_SCALE;
  const F = scalePointsPerLogOdds(a);
  const factors: FactorSpec[] = input.factors.map((f) => {
    return factorSpecOf(f, F, f.neutralValues);
  });
  const neutralShift = input.factors.reduce((t, f) => t + f.neutralShift, 0);
  const r1 = (x: number): number => Math.round(x * 10) / 10;
  const mins = input.bandPdThresholds.map((p) => r1(scoreOfLogOdds(logOddsGood(p), a)));
  const bands: BandSpec[] = (["A", "B", "C", "D", "E"] as Band[]).map((band, i) => ({
    band,
    minScore: i < 4 ? mins[i] : 0,
    pd: input.bandPds[i],
  }));
  return {
    id: input.id,
    version: input.version,
    description: input.description,
    pd: {
      logOddsAtZero: Number((logOddsGood(a.low.pd) - a.low.score / F).toPrecision(8)),
      pointsPerLogOdds: Number(F.toPrecision(8)),
      horizonYears: 1,
    },
    neutralScore: r2(Math.min(100, Math.max(0, scoreOfLogOdds(input.intercept + neutralShift, a)))),
    ...(input.incompleteStatements ? { incompleteStatements: input.incompleteStatements } : {}),
    ...(input.pool ? { pool: input.pool } : {}),
    bands,
    factors,
    ...(input.calibration ? { calibration: input.calibration } : {}),
  };
}
