/**
 * Points scaling: turning log-odds factor specifications into the points-based
 * scorecard JSON.
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
import type { Band, BandSpec, FactorSpec, ScorecardModel } from "../scoring/model";
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
    const lo = Math.min(...f.shifts);
    minSum += lo;
    return {
      key: f.key, group: f.group, source: f.source, direction: f.direction,
      edges: f.edges.map((e) => Number(e.toPrecision(6))),
      points: f.shifts.map((s) => r2(F * (s - lo))),
      neutral: r2(F * (f.neutralShift - lo)),
      ...(f.note ? { note: f.note } : {}),
    };
  });
  const total = factors.reduce((s, f) => s + Math.max(...f.points), 0);
  const residue = r2(100 - total);
  if (residue !== 0) {
    const widest = factors.reduce((a, b) => (Math.max(...b.points) > Math.max(...a.points) ? b : a));
    const top = Math.max(...widest.points);
    widest.points = widest.points.map((p) => (p === top ? r2(p + residue) : p));
    if (widest.neutral === top) widest.neutral = r2(top + residue);
  }
  const bands: BandSpec[] = (["A", "B", "C", "D", "E"] as Band[]).map((band, i) => ({ band, minScore: input.bandMinScores[i], pd: input.bandPds[i] }));
  return {
    id: input.id,
    version: input.version,
    description: input.description,
    pd: { logOddsAtZero: Number((input.intercept + minSum).toPrecision(8)), pointsPerLogOdds: Number(F.toPrecision(8)), horizonYears: input.horizonYears },
    bands,
    factors,
    ...(input.calibration ? { calibration: input.calibration } : {}),
  };
}

/** Score at which the horizon PD equals `pd` under a model's scale. */
export function scoreAtPd(pd: number, logOddsAtZero: number, F: number): number {
  return (Math.log((1 - pd) / pd) - logOddsAtZero) * F;
}
