/**
 * Recommended credit limit from the band, the customer's net worth and
 * turnover, the payment terms, the age of the relationship and the amount
 * requested.
 *
 *   netWorthCap  = netWorthShare[band] × net worth
 *   turnoverCap  = turnoverShare[band] × annual turnover × terms ÷ 30
 *   limit        = min(netWorthCap, turnoverCap)            (the known ones)
 *                  × ramp (new customers: rampStartShare → 1 over rampMonths)
 *                  capped by maxLimit, rounded down to roundDownTo,
 *                  never above the amount requested.
 * Band E, or net worth ≤ 0, gives 0: cash in advance.
 *
 * Example (default policy): band B, net worth 2,000,000, turnover 10,000,000,
 * 60-day terms → caps 700,000 and 1,000,000 → limit 700,000 (net-worth cap binds).
 */
import { Lang } from "../lang";
import { Result, valueError } from "../errors";
import { message } from "../messages";
import { Band, LimitPolicy } from "./limit-policy";

export type LimitRule =
  "cash_in_advance" | "negative_net_worth" | "net_worth_cap" | "turnover_cap" | "new_customer_ramp" | "max_limit" | "requested";

export interface LimitInput {
  band: Band;
  /** Customer's net worth (equity); null when not known. */
  netWorth: number | null;
  /** Customer's annual turnover (sales); null when not known. */
  annualSales: number | null;
  /** Payment terms in days; null → policy default. */
  termsDays: number | null;
  /** Amount the customer or sales team asked for; null → no cap. */
  requested: number | null;
  /** Months since the first order; null → treated as established. */
  relationshipMonths: number | null;
}

export interface LimitResult {
  limit: number;
  band: Band;
  /** The rule that bound the limit. */
  rule: LimitRule;
  netWorthCap: number | null;
  turnoverCap: number | null;
  /** Share of the full limit granted because of the relationship age (1 = full). */
  rampShare: number;
}

export const LIMIT_RULE_TEXT: Record<LimitRule, Record<Lang, string>> = {
  cash_in_advance: { en: "Cash in advance (band E)", zh: "预付款（E级）" },
  negative_net_worth: { en: "Cash in advance (net worth ≤ 0)", zh: "预付款（净资产≤0）" },
  net_worth_cap: { en: "Net-worth cap", zh: "净资产上限" },
  turnover_cap: { en: "Turnover × terms cap", zh: "营业收入×账期上限" },
  new_customer_ramp: { en: "New-customer ramp-up", zh: "新客户逐步放量" },
  max_limit: { en: "Policy maximum per customer", zh: "单一客户最高额度" },
  requested: { en: "Requested amount", zh: "申请额度" },
};

/** Computes the recommended limit. Inputs must already be validated as non-negative where required. */
export function recommendLimit(input: LimitInput, policy: LimitPolicy): Result<LimitResult> {
  const { band, netWorth, annualSales, requested, relationshipMonths } = input;
  const termsDays = input.termsDays ?? policy.defaultTermsDays;
  const rule = policy.bands[band];
  const base = { band, netWorthCap: null, turnoverCap: null, rampShare: 1 };
  // A band that grants no credit needs no financials: cash in advance.
  if (rule.netWorthShare === 0 && rule.turnoverShare === 0) return { ...base, limit: 0, rule: "cash_in_advance" };
  if (netWorth === null && annualSales === null) {
    return valueError(message("limit.noFinancials"));
  }
  if (netWorth !== null && netWorth <= 0) return { ...base, limit: 0, rule: "negative_net_worth" };

  const netWorthCap = netWorth === null ? null : rule.netWorthShare * netWorth;
  const turnoverCap = annualSales === null ? null : (rule.turnoverShare * annualSales * termsDays) / 30;
  let limit: number;
  let bound: LimitRule;
  if (netWorthCap !== null && (turnoverCap === null || netWorthCap <= turnoverCap)) {
    limit = netWorthCap;
    bound = "net_worth_cap";
  } else {
    limit = turnoverCap as number;
    bound = "turnover_cap";
  }

  let rampShare = 1;
  if (relationshipMonths !== null && policy.rampMonths > 0 && relationshipMonths < policy.rampMonths) {
    rampShare = policy.rampStartShare + ((1 - policy.rampStartShare) * relationshipMonths) / policy.rampMonths;
    limit *= rampShare;
    bound = "new_customer_ramp";
  }
  if (policy.maxLimit !== null && limit > policy.maxLimit) {
    limit = policy.maxLimit;
    bound = "max_limit";
  }
  if (policy.roundDownTo > 0) limit = Math.floor(limit / policy.roundDownTo + 1e-9) * policy.roundDownTo;
  if (requested !== null && requested < limit) {
    limit = requested;
    bound = "requested";
  }
  return { limit, band, rule: bound, netWorthCap, turnoverCap, rampShare };
}
