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
  if (!policy || typeof policy !== "object") return valueError("policy must be an object.");
  const p = policy as Partial<CreditPolicy>;
  if (typeof p.version !== "string" || !/^\d+\.\d+\.\d+$/.test(p.version)) {
    return valueError(`policy version must look like "1.0.0", got ${JSON.stringify(p.version)}.`);
  }
  const modelError = validateModel(p.model);
  if (modelError) return valueError(`policy model: ${modelError.message}`);
  const limitError = validateLimitPolicy(p.limit as LimitPolicy);
  if (limitError) return limitError;
  const levels = p.dunning?.levels;
  if (!Array.isArray(levels) || levels.length === 0) return valueError("policy dunning.levels must list at least one stage.");
  for (let i = 0; i < levels.length; i++) {
    const l = levels[i];
    if (typeof l !== "object" || l === null)
      return valueError(`policy dunning.levels[${i}] must be a stage { fromDay, name, minOpen, graceDays }.`);
    if (!Number.isInteger(l.fromDay)) return valueError(`policy dunning.levels[${i}].fromDay must be a whole number of days.`);
    if (i > 0 && l.fromDay <= levels[i - 1].fromDay)
      return valueError(`policy dunning.levels[${i}].fromDay must be later than the stage before it.`);
    if (!l.name?.en || !l.name?.zh) return valueError(`policy dunning.levels[${i}].name needs an English and a Chinese name.`);
    // Both feed comparisons in dunningStage: a missing or NaN value would silently disable the stage.
    if (!Number.isFinite(l.minOpen) || l.minOpen < 0)
      return valueError(`policy dunning.levels[${i}].minOpen must be an amount of 0 or more.`);
    if (!Number.isInteger(l.graceDays) || l.graceDays < 0)
      return valueError(`policy dunning.levels[${i}].graceDays must be a whole number of days, 0 or more.`);
  }
  return validateOutcomePolicy(p.outcome);
}
