/**
 * What the points the pane shows are measured against. Today the engine's
 * waterfall gives each factor's points against the neutral score (an average
 * firm) and the reasons give points short of the factor's best value; the
 * pane labels each with its basis, and shows one label when both agree, so
 * the explanation reads right whichever basis the engine settles on. This is
 * the one place that says which basis each part has.
 */
import type { Explanation } from "../../engine/portfolio/explain";

export type PointBasis = "neutral" | "best";

export function pointBases(ex: Explanation & { pointBasis?: PointBasis }): { waterfall: PointBasis; reasons: PointBasis } {
  return ex.pointBasis ? { waterfall: ex.pointBasis, reasons: ex.pointBasis } : { waterfall: "neutral", reasons: "best" };
}
