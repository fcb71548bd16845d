/**
 * Recalculation: after the pane changes the model the RISK formulas use
 * (a stored model accepted, loaded or reverted), Excel must recompute them;
 * they are not volatile, so the pane asks for a full recalculation once.
 */
export async function recalculateAll(ctx: Excel.RequestContext): Promise<void> {
  ctx.workbook.application.calculate(Excel.CalculationType.full);
  await ctx.sync();
}
