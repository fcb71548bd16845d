/**
 * Expected loss after trade-credit insurance (EXPECTEDLOSS).
 *
 * EL = pd × lgd × (min(E, L) × (1 − s) + max(0, E − L))
 * with E = exposure, s = insured share (the part of an insured loss the
 * insurer pays, e.g. 0.9) and L = insured limit (the insurer-approved limit
 * on the buyer). The part of the exposure above L is uninsured. No limit
 * (blank) with a share = the whole exposure is insured; no share = uninsured
 * (s = 0). Amounts in the currency of the exposure.
 */
import { Result, valueError } from "../errors";
import { message } from "../messages";
import { FunctionSpec, runRows } from "../spec";
import { Spill } from "../spill";

/** Loss given default used when `lgd` is blank. */
export const DEFAULT_LGD = 0.6;

/**
 * `=RISK.EXPECTEDLOSS(exposure, pd, [lgd], [insured_share], [insured_limit])`, declared. Ratios are checked to
 * lie in 0–1 by `expectedLoss` (its message says how to enter a percentage); insured_share has no default so
 * that a limit without a share can be refused.
 */
export const EXPECTEDLOSS_SPEC = {
  id: "EXPECTEDLOSS",
  params: [
    { name: "exposure", shape: "column", kind: "amount", data: true },
    { name: "pd", shape: "column", kind: "ratio", data: true },
    { name: "lgd", shape: "column", kind: "ratio", optional: true, default: DEFAULT_LGD },
    { name: "insured_share", shape: "column", kind: "ratio", optional: true },
    { name: "insured_limit", shape: "column", kind: "amount", optional: true },
  ],
} as const satisfies FunctionSpec;

/**
 * Expected loss net of credit insurance (pure).
 * @param exposure amount at risk (≥ 0)
 * @param pd probability of default (0–1)
 * @param lgd loss given default (0–1), default 0.6
 * @param insuredShare share of the insured loss the insurer pays (0–1), default 0 (uninsured)
 * @param insuredLimit insured limit (≥ 0); null = no limit
 * @example expectedLoss(100_000, 0.05, 0.6) // 3,000 (uninsured)
 * @example expectedLoss(100_000, 0.05, 0.6, 0.9) // 0.05 × 0.6 × 100,000 × 0.1 = 300
 * @example expectedLoss(100_000, 0.05, 0.6, 0.9, 60_000) // 0.03 × (60,000 × 0.1 + 40,000) = 1,380
 */
export function expectedLoss(
  exposure: number,
  pd: number,
  lgd: number = DEFAULT_LGD,
  insuredShare: number = 0,
  insuredLimit: number | null = null,
): Result<number> {
  if (exposure < 0) return valueError(message("el.negativeExposure", { value: exposure }));
  const unit = (v: number, arg: string) => (v < 0 || v > 1 ? valueError(message("num.mustBeUnit", { arg, value: v })) : null);
  const bad = unit(pd, "pd") ?? unit(lgd, "lgd") ?? unit(insuredShare, "insured_share");
  if (bad) return bad;
  if (insuredLimit !== null && insuredLimit < 0) return valueError(message("el.negativeLimit", { value: insuredLimit }));
  const insured = insuredLimit === null ? exposure : Math.min(exposure, insuredLimit);
  const uninsured = exposure - insured;
  return pd * lgd * (insured * (1 - insuredShare) + uninsured);
}

/**
 * `=RISK.EXPECTEDLOSS(exposure, pd, [lgd], [insured_share], [insured_limit])`.
 * Each argument is a cell or an equal-length column/row (single cells
 * repeat); one expected loss per row spills. An insured_limit without an
 * insured_share in the same row is a #VALUE! (say which share the policy pays).
 * Rows empty in exposure and pd give "" (blank rows, and rows of 0s at either
 * end of the selection, as Excel desktop passes empty cells).
 * @example expectedLossCore([[100000]], 0.05, null, 0.9, 60000) // [[1380]]
 */
export function expectedLossCore(
  exposure: unknown,
  pd: unknown,
  lgd: unknown,
  insuredShare: unknown,
  insuredLimit: unknown,
): Result<Spill> {
  return runRows(EXPECTEDLOSS_SPEC, [exposure, pd, lgd, insuredShare, insuredLimit], (r) => {
    if (r.insured_limit !== null && r.insured_share === null) return valueError(message("el.shareNeeded"));
    return expectedLoss(r.exposure, r.pd, r.lgd, r.insured_share ?? 0, r.insured_limit);
  });
}
