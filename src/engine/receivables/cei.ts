/**
 * Collection effectiveness index (CEI): how much of what could be collected
 * in a period was collected.
 *
 * CEI = (beginning AR + S − ending total AR) ÷ (beginning AR + S − ending current AR) × 100
 * where S = credit sales ÷ N under the "monthly" convention (default, N =
 * months in the period) or the whole period's credit sales under the
 * "period" convention. The result is in percent points: 55.93 means 55.93 %
 * (format the cell as a plain number, not as %). 100 = everything collectable
 * was collected.
 *
 * Range: CEI is always between 0 and 100. With X = beginning AR + S, the
 * numerator X − ending AR is at most the denominator X − ending current AR
 * (current AR ≤ total AR is checked), so CEI ≤ 100. Inputs that would make it
 * negative are refused with `#VALUE!` naming the inconsistent balance:
 * - ending current AR above X (denominator < 0): even the not-yet-due part of
 *   the ending AR is more than could have been there;
 * - ending AR above X (numerator < 0): receivables grew by more than the credit
 *   sales added (under "monthly" with several months: more than one month's
 *   average sales, where the formula does not apply);
 * - nothing collectable (denominator 0, hence numerator 0) is `#DIV/0!`.
 */
import { EngineError, Result, div0Error, numError, valueError } from "../errors";
import { MessageId, message } from "../messages";
import { FunctionSpec, runRows } from "../spec";
import { Spill } from "../spill";

export const CEI_CONVENTIONS = ["monthly", "period"] as const;
export type CeiConvention = (typeof CEI_CONVENTIONS)[number];

/** Months in the period when `months` is omitted: the sales are one month's. */
export const DEFAULT_CEI_MONTHS = 1;

/** `=RISK.CEI(begin_ar, credit_sales, end_ar, end_current_ar, [months], [convention])`, declared. */
export const CEI_SPEC = {
  id: "CEI",
  params: [
    { name: "begin_ar", shape: "column", kind: "amount", data: true },
    { name: "credit_sales", shape: "column", kind: "amount", data: true },
    { name: "end_ar", shape: "column", kind: "amount", data: true },
    { name: "end_current_ar", shape: "column", kind: "amount", data: true },
    { name: "months", shape: "column", kind: "count", optional: true, default: DEFAULT_CEI_MONTHS },
    { name: "convention", shape: "scalar", kind: "enum", optional: true, choices: CEI_CONVENTIONS, default: "monthly" },
  ],
} as const satisfies FunctionSpec;

/**
 * CEI in percent points (pure).
 *
 * @param beginAr AR at the start of the period (≥ 0)
 * @param creditSales credit sales of the whole period (≥ 0)
 * @param endAr total AR at the end of the period (≥ 0)
 * @param endCurrentAr not-yet-due AR at the end (0 … endAr)
 * @param months N, months in the period (> 0), default 1
 * @param convention "monthly" (sales ÷ N, default) or "period" (whole sales)
 * @example cei(6_200, 10_890, 6_340, 3_590, 3) // (6200 + 3630 − 6340) ÷ (6200 + 3630 − 3590) × 100 = 55.929…
 * @example cei(6_200, 10_890, 6_340, 3_590, 3, "period") // 10750 ÷ 13500 × 100 = 79.629…
 */
export function cei(
  beginAr: number,
  creditSales: number,
  endAr: number,
  endCurrentAr: number,
  months: number = DEFAULT_CEI_MONTHS,
  convention: CeiConvention = "monthly",
): Result<number> {
  if (beginAr < 0) return valueError(message("rcv.negativeAr", { arg: "begin_ar", value: beginAr }));
  if (creditSales < 0) return valueError(message("rcv.negativeSales", { arg: "credit_sales", value: creditSales }));
  if (endAr < 0) return valueError(message("rcv.negativeAr", { arg: "end_ar", value: endAr }));
  if (endCurrentAr < 0) return valueError(message("rcv.negativeAr", { arg: "end_current_ar", value: endCurrentAr }));
  if (endCurrentAr > endAr) return valueError(message("cei.currentAboveEnd", { current: endCurrentAr, end: endAr }));
  if (!(months > 0)) return valueError(message("num.mustBePositive", { arg: "months", value: months }));
  const s = convention === "monthly" ? creditSales / months : creditSales;
  const x = beginAr + s;
  if (!Number.isFinite(x)) return numError(message("cei.tooLarge"));
  // Sums of amounts carry rounding error: a difference within this of 0 is 0.
  const eps = 1e-12 * Math.max(beginAr, s, endAr);
  let collectable = x - endCurrentAr;
  let collected = x - endAr;
  if (Math.abs(collectable) <= eps) collectable = 0;
  if (Math.abs(collected) <= eps) collected = 0;
  // #VALUE! rather than #NUM!: Excel shows a message only with #VALUE! and #N/A, and this is an input problem.
  if (collectable < 0) return inconsistent("end_current_ar", "ar.endingCurrent", endCurrentAr, beginAr, creditSales, months, convention);
  if (collected < 0) return inconsistent("end_ar", "ar.ending", endAr, beginAr, creditSales, months, convention);
  if (collectable === 0) return div0Error(message("cei.nothingCollectable"));
  return (collected / collectable) * 100;
}

/** The #VALUE! of a balance that exceeds beginning AR plus the sales the formula adds, with the numbers. */
function inconsistent(
  arg: string,
  what: MessageId,
  balance: number,
  beginAr: number,
  creditSales: number,
  months: number,
  convention: CeiConvention,
): EngineError {
  const n = (v: number) => String(Number(v.toPrecision(12)));
  if (convention === "monthly" && months !== 1) {
    const s = creditSales / months;
    return valueError(
      message("cei.inconsistentMonthly", {
        arg,
        what: message(what),
        balance: n(balance),
        begin: n(beginAr),
        sales: n(creditSales),
        months: n(months),
        sum: n(beginAr + s),
      }),
    );
  }
  return valueError(
    message("cei.inconsistent", {
      arg,
      what: message(what),
      balance: n(balance),
      begin: n(beginAr),
      sales: n(creditSales),
      sum: n(beginAr + creditSales),
    }),
  );
}

/**
 * `=RISK.CEI(begin_ar, credit_sales, end_ar, end_current_ar, [months], [convention])`.
 * Every amount argument is a cell or an equal-length column/row (single cells
 * repeat); one CEI per row spills, in percent points. `months` defaults to 1;
 * `convention` is "monthly" (default) or "period" for the whole range.
 * Rows empty in all four amount ranges give "": blank rows anywhere, and rows
 * of 0s at either end of the selection (Excel desktop's empty cells); a row of
 * 0s between data rows is a real period with nothing collectable (#DIV/0!).
 * @example ceiCore(6200, 10890, 6340, 3590, 3, null) // [[55.929…]]
 */
export function ceiCore(
  beginAr: unknown,
  creditSales: unknown,
  endAr: unknown,
  endCurrentAr: unknown,
  months: unknown,
  convention: unknown,
): Result<Spill> {
  return runRows(CEI_SPEC, [beginAr, creditSales, endAr, endCurrentAr, months, convention], (r) =>
    cei(r.begin_ar, r.credit_sales, r.end_ar, r.end_current_ar, r.months, r.convention),
  );
}
