/**
 * The credit-limit part of the credit policy: every percentage, ramp and
 * rounding rule behind RISK.CREDITLIMIT, in one typed object with defaults.
 */
import { EngineError, valueError } from "../errors";
import { message } from "../messages";
import { BANDS, Band } from "../scoring/model";

export { BANDS };
export type { Band };

export interface BandLimitRule {
  /** Share of the customer's net worth (equity) it may owe us at most, e.g. 0.35. */
  netWorthShare: number;
  /** Share of the customer's annual turnover financed per 30 days of terms, e.g. 0.05. */
  turnoverShare: number;
}

export interface LimitPolicy {
  /** Per band; a band whose shares are both 0 is "cash in advance". */
  bands: Record<Band, BandLimitRule>;
  /** Payment terms assumed when the formula is not given any (days). */
  defaultTermsDays: number;
  /** Months of relationship before a customer gets its full limit. */
  rampMonths: number;
  /** Share of the full limit a brand-new customer (0 months) starts with. */
  rampStartShare: number;
  /** Limits are rounded down to a multiple of this amount (0 = no rounding). */
  roundDownTo: number;
  /** Absolute ceiling for any one customer (null = none), e.g. 10 % of your own annual sales. */
  maxLimit: number | null;
}

/**
 * Default limit rules. Grade B follows the published rule of thumb
 * "min(35 % × tangible net worth, 5 % × customer turnover)" at 30-day terms;
 * better grades get more, weaker grades less, grade E none (cash in advance).
 */
export const DEFAULT_LIMIT_POLICY: LimitPolicy = {
  bands: {
    A: { netWorthShare: 0.5, turnoverShare: 0.1 },
    B: { netWorthShare: 0.35, turnoverShare: 0.05 },
    C: { netWorthShare: 0.2, turnoverShare: 0.03 },
    D: { netWorthShare: 0.1, turnoverShare: 0.01 },
    E: { netWorthShare: 0, turnoverShare: 0 },
  },
  defaultTermsDays: 30,
  rampMonths: 12,
  rampStartShare: 0.5,
  roundDownTo: 100,
  maxLimit: null,
};

function share(path: string, v: unknown): EngineError | null {
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || v > 1) {
    return valueError(message("policy.share", { path, value: typeof v === "number" ? String(v) : JSON.stringify(v) }));
  }
  return null;
}

/** Checks a limit policy; the error names the first bad field. */
export function validateLimitPolicy(p: LimitPolicy, prefix = "limit"): EngineError | null {
  if (!p || typeof p !== "object") return valueError(message("policy.missing", { path: prefix }));
  for (const band of BANDS) {
    const rule = p.bands?.[band];
    if (!rule) return valueError(message("policy.missing", { path: `${prefix}.bands.${band}` }));
    const e =
      share(`${prefix}.bands.${band}.netWorthShare`, rule.netWorthShare) ??
      share(`${prefix}.bands.${band}.turnoverShare`, rule.turnoverShare);
    if (e) return e;
  }
  for (let i = 1; i < BANDS.length; i++) {
    const better = p.bands[BANDS[i - 1]];
    const worse = p.bands[BANDS[i]];
    if (worse.netWorthShare > better.netWorthShare || worse.turnoverShare > better.turnoverShare) {
      return valueError(message("policy.bandOrder", { path: `${prefix}.bands.${BANDS[i]}`, better: BANDS[i - 1] }));
    }
  }
  if (!Number.isFinite(p.defaultTermsDays) || p.defaultTermsDays < 1 || p.defaultTermsDays > 365) {
    return valueError(message("policy.terms", { path: `${prefix}.defaultTermsDays` }));
  }
  if (!Number.isFinite(p.rampMonths) || p.rampMonths < 0)
    return valueError(message("policy.nonNegative", { path: `${prefix}.rampMonths` }));
  const e = share(`${prefix}.rampStartShare`, p.rampStartShare);
  if (e) return e;
  if (!Number.isFinite(p.roundDownTo) || p.roundDownTo < 0)
    return valueError(message("policy.nonNegative", { path: `${prefix}.roundDownTo` }));
  if (p.maxLimit !== null && (!Number.isFinite(p.maxLimit) || p.maxLimit < 0)) {
    const got = typeof p.maxLimit === "number" ? String(p.maxLimit) : JSON.stringify(p.maxLimit);
    return valueError(message("policy.maxLimit", { path: `${prefix}.maxLimit`, value: got }));
  }
  return null;
}
