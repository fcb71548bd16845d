/** Scoring rows: each row through the engine's customer path (`assessVector`), chunk by chunk; the inputs and reasons of one row. */
import { isBlank } from "../cells";
import { Result, valueError } from "../errors";
import { message } from "../messages";
import { FACTOR_COUNT, FACTOR_KEYS, FactorKey } from "../scoring/factors";
import { Band } from "../scoring/model";
import { NOT_REPORTED_KEYS, contributionsOf } from "../scoring/score";
import { formatReasons, topReasons } from "../scoring/reasons";
import { LIMIT_RULE_TEXT, LimitRule } from "../limit/limit";
import { assessVector, prepareVector } from "../customer/assess";
import { rowLocation, sheetRowNumber } from "./place";
import { CustomerResult, ReviewState } from "./review-state";
import { EMPTY_ROW, idValue, noFactorsError, RowRead, scratchRead, readRow, nameOf } from "./review-rows";

export function reviewRow(state: ReviewState, r: number): CustomerResult {
  const p = state.plan;
  const rd = scratchRead;
  readRow(state, r, rd);
  const row = p.rows[r] ?? EMPTY_ROW;
  const lc = rd.lc;
  const idCell = p.idCol >= 0 ? row[p.idCol] : null;
  let exposure: number | null = rd.exposure === null ? null : rd.exposure < 0 ? 0 : rd.exposure;
  let exposureSource: "table" | "ledger" | null = exposure === null ? null : "table";
  if (exposure === null && lc && !(rd.error && p.exposureCol >= 0 && !isBlank(row[p.exposureCol]))) {
    exposure = lc.open < 0 ? 0 : lc.open;
    exposureSource = "ledger";
  }
  const currentLimit = rd.currentLimit;
  const breachCurrent = exposure !== null && currentLimit !== null ? Math.max(0, exposure - currentLimit) : null;
  let error = rd.error;
  let errorAt = rd.errorAt;
  const blank = rd.nonBlank === 0 && !error;
  if (!error && !blank && !rd.any) {
    error = noFactorsError(state, r);
    errorAt = rowLocation(p.place, r);
  }

  let score: number | null = null,
    band: Band | null = null,
    pd: number | null = null,
    coverage: number | null = null;
  let limit: number | null = null,
    limitRule: LimitRule | null = null,
    limitRuleText: string | null = null;
  let headroom: number | null = null,
    breach: number | null = null,
    el: number | null = null;
  if (!error && !blank) {
    const a = assessVector(
      p.compiled,
      p.v,
      p.given,
      { termsDays: rd.terms, requested: rd.requested, exposure, lgd: p.lgd },
      state.policy,
      p.derive,
    );
    score = a.score;
    coverage = a.coverage;
    band = a.band;
    pd = a.pd;
    if (a.limit) {
      limit = a.limit.limit;
      limitRule = a.limit.rule;
      limitRuleText = LIMIT_RULE_TEXT[a.limit.rule][state.lang];
    }
    headroom = a.headroom;
    breach = a.breach;
    el = a.expectedLoss;
  }
  return {
    row: r,
    sheetRow: sheetRowNumber(p.place, r),
    id: p.idCol >= 0 && !isBlank(idCell) ? idValue(idCell) : null,
    name: p.nameCol >= 0 ? nameOf(row[p.nameCol]) : null,
    blank,
    score,
    band,
    pd,
    coverage,
    limit,
    limitRule,
    limitRuleText,
    currentLimit,
    exposure,
    exposureSource,
    headroom,
    breach,
    breachCurrent,
    expectedLoss: el,
    ledger: lc !== null,
    dunningStage: lc ? lc.dunningName : null,
    dunningStageNumber: lc ? lc.dunningStage : null,
    dunningOnHold: lc ? lc.dunningOnHold : false,
    overdueByBucket: lc ? lc.aging : null,
    duplicateId: p.duplicate[r] === 1,
    error,
    errorAt,
  };
}

/**
 * Reviews rows [start, end) (clamped to the table) into `state.results`.
 * Rows already reviewed are reviewed again (same result). One bad row
 * becomes that row's `error`; it never stops the chunk.
 */
export function reviewChunk(state: ReviewState, start: number, end: number): void {
  const s = Math.max(0, Math.floor(start));
  const e = Math.min(state.total, Math.floor(end));
  for (let r = s; r < e; r++) {
    if (state.results[r] === null) state.done++;
    state.results[r] = reviewRow(state, r);
  }
}

/**
 * The factor values and limit inputs of one row as the review uses them
 * (table cells, ledger behaviour filling blanks; statement items as given),
 * for `explainCustomer` (extras include the review's LGD, so Explain needs no
 * review internals). An error for a bad row or an out-of-range index.
 */
export function rowInputs(state: ReviewState, r: number): Result<{ values: Partial<Record<FactorKey, number>>; extras: ExplainExtras }> {
  if (!Number.isInteger(r) || r < 0 || r >= state.total)
    return valueError(message("review.rowOutside", { row: r + 1, total: state.total }), state.lang);
  const rd: RowRead = { ...scratchRead };
  readRow(state, r, rd);
  if (rd.error) return rd.error;
  if (!rd.any) return noFactorsError(state, r);
  const v = state.plan.v;
  const values: Partial<Record<FactorKey, number>> = {};
  for (let i = 0; i < FACTOR_COUNT; i++) if (v[i] === v[i]) values[FACTOR_KEYS[i]] = v[i];
  // A blank cell in a mapped column whose blank the model scores ("not reported") stays a key (NaN),
  // so Explain scores the row as the review did.
  for (let i = 0; i < FACTOR_COUNT; i++) {
    const k = FACTOR_KEYS[i];
    if (state.plan.given[i] !== 1 || values[k] !== undefined) continue;
    const s = state.plan.compiled.slotOf[i];
    if (NOT_REPORTED_KEYS.includes(k) || (s >= 0 && state.plan.compiled.notReportedPoints[s] === state.plan.compiled.notReportedPoints[s]))
      values[k] = NaN;
  }
  let exposure = rd.exposure === null ? null : Math.max(0, rd.exposure);
  if (exposure === null && rd.lc) exposure = Math.max(0, rd.lc.open);
  return { values, extras: { termsDays: rd.terms, requested: rd.requested, exposure, lgd: state.plan.lgd } };
}

/** Inputs of the limit and exposure figures that are not factors. */
export interface ExplainExtras {
  /** Net worth; default: equity, else total assets − total liabilities. */
  netWorth?: number | null;
  /** Annual turnover; default: sales. */
  sales?: number | null;
  termsDays?: number | null;
  requested?: number | null;
  /** Default: relationship_months. */
  relationshipMonths?: number | null;
  exposure?: number | null;
  /** Loss given default for the expected loss (the review's `expectedLossLgd`; default 0.6). */
  lgd?: number;
}

/**
 * Reason codes of one reviewed row as text in the review language (as
 * CREDITSCORE's "reasons"), "" for a row without reasons, null when the row is
 * an error or blank. For write-back; costs one re-read of the row.
 */
export function rowReasons(state: ReviewState, r: number): string | null {
  if (!Number.isInteger(r) || r < 0 || r >= state.total) return null;
  const rd: RowRead = { ...scratchRead };
  readRow(state, r, rd);
  if (rd.error || !rd.any) return null;
  prepareVector(state.plan.compiled, state.plan.v, state.plan.given, state.plan.derive);
  return formatReasons(topReasons(contributionsOf(state.plan.compiled, state.plan.v)), state.lang);
}
