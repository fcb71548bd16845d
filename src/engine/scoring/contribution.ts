/**
 * One factor's part of a score: the type score.ts computes and reasons.ts reads.
 * It lives apart from both so that neither imports the other (score → reasons only).
 */
import type { FactorKey, ScoreGroup } from "./factors";

/**
 * What every point figure the product shows is measured against: an average firm (the factor's neutral points,
 * the neutral score for the total). Reasons, the Explain waterfall and the report all use it.
 */
export const POINT_BASIS = "neutral" as const;
export type PointBasis = typeof POINT_BASIS;

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
  /** The factor's neutral points: what an average firm (or a missing value) scores. */
  neutral: number;
  /**
   * neutral − points: how many points this factor puts the customer below an average firm (negative when above).
   * The one point basis of the reasons, the Explain waterfall and the report (see POINT_BASIS).
   */
  deficit: number;
  /** False when missing, or when the value means "none" (scored neutral, e.g. interest coverage 0). */
  observed: boolean;
  /** True for a blank in a given column scored with the factor's not-reported points (value null). */
  notReported?: boolean;
}
