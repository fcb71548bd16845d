/**
 * Monitoring the model: the population stability index (PSI) of the scores of
 * a review against the scores of the model's calibration sample
 * (`model.calibration.scoreDistribution`: the shipped model's training rows,
 * or the history a fitted model was fitted on). Usual reading: below 0.1
 * stable, 0.1–0.25 some shift, above 0.25 the population has drifted and the
 * model's PDs and band cut-offs may no longer hold.
 */
import type { ScorecardModel } from "../scoring/model";
import { binCounts, psi } from "./metrics";

/** Above this PSI the pane warns that the portfolio has drifted from the calibration sample. */
export const PSI_DRIFT = 0.25;

export interface ScoreStability {
  /** PSI of the scores against the calibration sample. */
  psi: number;
  /** Scores compared (customers with a score). */
  rows: number;
  /** Score bin edges (ascending); bins are below the first edge, between edges, at or above the last. */
  edges: number[];
  /** Share of each bin in the calibration sample and in the scores given. */
  expected: number[];
  actual: number[];
  /** True when psi > PSI_DRIFT. */
  drift: boolean;
}

/** The calibration sample's score distribution of a model, or null when the model does not carry one. */
export function calibrationDistribution(model: ScorecardModel): { edges: number[]; shares: number[] } | null {
  const d = (model.calibration as { scoreDistribution?: { edges?: unknown; shares?: unknown } } | undefined)?.scoreDistribution;
  if (!d || !Array.isArray(d.edges) || !Array.isArray(d.shares)) return null;
  const edges = d.edges as unknown[],
    shares = d.shares as unknown[];
  if (!edges.every((x) => typeof x === "number" && Number.isFinite(x)) || shares.length !== edges.length + 1) return null;
  if (!shares.every((x) => typeof x === "number" && x >= 0) || !((shares as number[]).reduce((a, b) => a + b, 0) > 0)) return null;
  return { edges: edges as number[], shares: shares as number[] };
}

/**
 * PSI of review scores (null entries, customers without a score, are left
 * out) against the model's calibration sample; null when the model carries no
 * score distribution or no score is given.
 * @example scoreStability(DEFAULT_MODEL, results.map((r) => r.score))
 */
export function scoreStability(model: ScorecardModel, scores: ArrayLike<number | null>): ScoreStability | null {
  const ref = calibrationDistribution(model);
  if (!ref) return null;
  const given: number[] = [];
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (typeof s === "number" && Number.isFinite(s)) given.push(s);
  }
  if (given.length === 0) return null;
  const counts = binCounts(given, ref.edges);
  const value = psi(ref.shares, counts);
  const expTotal = ref.shares.reduce((a, b) => a + b, 0);
  return {
    psi: value,
    rows: given.length,
    edges: ref.edges,
    expected: ref.shares.map((x) => x / expTotal),
    actual: counts.map((c) => c / given.length),
    drift: value > PSI_DRIFT,
  };
}
