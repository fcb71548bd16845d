/**
 * The credit policy: every weight, band cut-off, limit rule and collection
 * threshold the add-in applies, in one typed, versioned object.
 *
 * - `model`: the scorecard (factor points, band cut-offs, band PDs), calibrated
 *   by `npm run calibrate` and bundled as JSON.
 * - `limit`: the credit-limit rules per band.
 * - `dunning`: the default collection ladder.
 * - `outcome`: how a calibration history's outcome is derived from the invoice
 *   ledger (an invoice 90+ days past due within 12 months of the as-of date).
 * The task pane stores a user's edited policy in the workbook so colleagues
 * recompute the same numbers; `validatePolicy` names the first bad field.
 */
import { EngineError, valueError } from "./errors";
import { message } from "./messages";
import { DEFAULT_MODEL, ScorecardModel, validateModel } from "./scoring/model";
import { DEFAULT_LIMIT_POLICY, LimitPolicy, validateLimitPolicy } from "./limit/limit-policy";
import { DEFAULT_DUNNING_LADDER, DunningLadder } from "./receivables/dunning";
import { DEFAULT_OUTCOME_POLICY, LedgerOutcomePolicy, validateOutcomePolicy } from "./calibration/ledger-labels";

export interface CreditPolicy {
  /** Version of this policy object's schema and defaults. */
  version: string;
  model: ScorecardModel;
  limit: LimitPolicy;
  dunning: DunningLadder;
  outcome: LedgerOutcomePolicy;
}

export const POLICY_VERSION = "1.0.0";

export const DEFAULT_POLICY: CreditPolicy = {
  version: POLICY_VERSION,
  model: DEFAULT_MODEL,
  limit: DEFAULT_LIMIT_POLICY,
  dunning: DEFAULT_DUNNING_LADDER,
  outcome: DEFAULT_OUTCOME_POLICY,
};

/** Checks a whole policy; the error names the first bad field. */
export function validatePolicy(policy: unknown): EngineError | null {
  if (!policy || typeof policy !== "object") return valueError(message("policy.notObject"));
  const p = policy as Partial<CreditPolicy>;
  if (typeof p.version !== "string" || !/^\d+\.\d+\.\d+$/.test(p.version)) {
    return valueError(message("policy.version", { value: JSON.stringify(p.version) }));
  }
  const modelError = validateModel(p.model);
  if (modelError) return valueError(message("policy.model", { cause: modelError.msg ?? modelError.message }));
  const limitError = validateLimitPolicy(p.limit as LimitPolicy);
  if (limitError) return limitError;
  const levels = p.dunning?.levels;
  if (!Array.isArray(levels) || levels.length === 0) return valueError(message("policy.noLevels"));
  for (let i = 0; i < levels.length; i++) {
    const l = levels[i];
    if (typeof l !== "object" || l === null) return valueError(message("policy.level", { i }));
    if (!Number.isInteger(l.fromDay)) return valueError(message("policy.levelFromDay", { i }));
    if (i > 0 && l.fromDay <= levels[i - 1].fromDay) return valueError(message("policy.levelOrder", { i }));
    if (!l.name?.en || !l.name?.zh) return valueError(message("policy.levelName", { i }));
    // Both feed comparisons in dunningStage: a missing or NaN value would silently disable the stage.
    if (!Number.isFinite(l.minOpen) || l.minOpen < 0) return valueError(message("policy.levelMinOpen", { i }));
    if (!Number.isInteger(l.graceDays) || l.graceDays < 0) return valueError(message("policy.levelGrace", { i }));
  }
  return validateOutcomePolicy(p.outcome);
}
