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
import { readNumber, readOptionalNumber } from "../cells";
import { Result, isEngineError, valueError } from "../errors";
import { message } from "../messages";
import { Spill, SpillCell, at, mapRows, readVector } from "../spill";
import { requireVector } from "./common";

/** Loss given default used when `lgd` is blank. */
export const DEFAULT_LGD = 0.6;

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
export function expectedLoss(exposure: number, pd: number, lgd: number = DEFAULT_LGD, insuredShare: number = 0, insuredLimit: number | null = null): Result<number> {
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
export function expectedLossCore(exposure: unknown, pd: unknown, lgd: unknown, insuredShare: unknown, insuredLimit: unknown): Result<Spill> {
  const e = requireVector(exposure, "exposure");
  if (isEngineError(e)) return e;
  const p = requireVector(pd, "pd");
  if (isEngineError(p)) return p;
  const l = readVector(lgd, "lgd");
  if (isEngineError(l)) return l;
  const s = readVector(insuredShare, "insured_share");
  if (isEngineError(s)) return s;
  const lim = readVector(insuredLimit, "insured_limit");
  if (isEngineError(lim)) return lim;
  const vectors = [
    { name: "exposure", vector: e },
    { name: "pd", vector: p },
    { name: "lgd", vector: l },
    { name: "insured_share", vector: s },
    { name: "insured_limit", vector: lim },
  ];
  return mapRows(vectors, (i): SpillCell => {
    const ev = readNumber(at(e, i), "exposure");
    if (isEngineError(ev)) return ev;
    const pv = readNumber(at(p, i), "pd");
    if (isEngineError(pv)) return pv;
    const lv = readOptionalNumber(at(l, i), "lgd");
    if (isEngineError(lv)) return lv;
    const sv = readOptionalNumber(at(s, i), "insured_share");
    if (isEngineError(sv)) return sv;
    const limv = readOptionalNumber(at(lim, i), "insured_limit");
    if (isEngineError(limv)) return limv;
    if (limv !== null && sv === null) return valueError(message("el.shareNeeded"));
    return expectedLoss(ev, pv, lv ?? DEFAULT_LGD, sv ?? 0, limv);
  }, [e, p]);
}
