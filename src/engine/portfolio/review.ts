/**
 * The portfolio review pipeline of the task pane, in chunks:
 *
 *   const state = prepareReview({ headers, rows, mapping, ledger, asOf, policy, lang });
 *   for (let i = 0; i < state.total; i += 5000) { reviewChunk(state, i, i + 5000); await yieldToExcel(); }
 *   const summary = summarise(state);
 *
 * `prepareReview` checks the mappings, digests the optional invoice ledger
 * (payment behaviour, aging, worst dunning stage per customer, DSO) and joins
 * it on customer_id. `reviewChunk` scores rows [start, end) into
 * `state.results`; chunks may come in any order and sizes (a cancelled review
 * simply stops calling it). `summarise` aggregates the reviewed rows in row
 * order, so any chunking gives the same summary.
 *
 * Join rule: a ledger customer joins the FIRST table row with the same
 * customer_id (trimmed text; the number 1001 and the text "1001" are the same
 * id). The ledger's payment behaviour (avg_days_late, max_days_late,
 * pct_invoices_late, overdue_share) fills a factor only where the table's own
 * cell is blank or the column is not mapped: figures the user typed win.
 * When the exposure cell is blank (or not mapped), the ledger's open amount
 * at as-of is the exposure.
 *
 * Row numbers: every message names the sheet's own row and cell
 * (`row 18, column "Quick ratio" (quick_ratio), cell Customers!F18: …`), from
 * the table's `place` (sheet, first data row, first column; default: header in
 * row 1 from column A), and every problem carries its `SheetLocation`.
 *
 * Per row the figures come from the engine's one customer path
 * (`assessVector`, customer/assess.ts, as for the formulas, Explain and the
 * CLI): score, band, PD, limit and rule (net worth = equity, else total assets
 * − total liabilities), headroom = limit − exposure, breach = max(0, exposure −
 * limit) against the recommended limit, expected loss = `expectedLoss`(exposure,
 * PD, LGD) (option `expectedLossLgd`, default 0.6; no insurance); breachCurrent
 * is against the mapped credit_limit. A negative exposure (a credit balance)
 * counts as 0.
 */
export type { PercentColumn } from "./percent-columns";
export { DEFAULT_PERCENT_BOUND, findPercentColumns, percentBound, percentColumnMessage } from "./percent-columns";
export type { DataProblem, SheetLocation, SheetPlace } from "./place";
export { DEFAULT_PLACE, cellLocation, columnRange, headerLocation, rowLocation, sheetRowNumber } from "./place";
export type { ReviewOptions, MappedTable, ReviewInput, CustomerResult, DuplicateId, ReviewState } from "./review-state";
export { prepareReview, prepareReviewSteps } from "./review-plan";
export { reviewChunk, rowInputs, rowReasons } from "./review-score";
export type { ExplainExtras } from "./review-score";
export { summarise } from "./review-summary";
export type { BandFigures, LimitBreach, UnmatchedLedgerId, PortfolioSummary } from "./review-summary";
