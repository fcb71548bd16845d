/**
 * One factor's part of a score: the type score.ts computes and reasons.ts reads.
 * It lives apart from both so that neither imports the other (score → reasons only).
 */
import type { FactorKey, ScoreGroup } from "./factors";

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
  /** False when missing, or when the value means "none" (scored neutral, e.g. interest coverage 0). */
  observed: boolean;
  /** True for a blank in a given column scored with the factor's not-reported points (value null). */
  notReported?: boolean;
}
