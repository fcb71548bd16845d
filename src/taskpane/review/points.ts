/**
 * What the points the pane shows are measured against: the engine's one
 * basis (`Explanation.pointBasis`, points against an average firm), used by
 * the waterfall and the reasons alike. The pane labels it once.
 */
import type { Explanation } from "../../engine/portfolio/explain";
import type { PointBasis } from "../../engine/scoring/contribution";

export type { PointBasis };

export function pointBases(ex: Explanation): { waterfall: PointBasis; reasons: PointBasis } {
  return { waterfall: ex.pointBasis, reasons: ex.pointBasis };
}
