/*
 * CreditSentinel custom functions (namespace RISK).
 *
 * Each function is a thin adapter: it hands Excel's arguments to an engine
 * `*Core` function and turns the result into Excel values with `guard`
 * (engine errors → #VALUE!/#N/A with a message, #DIV/0!, #NUM!).
 * The JSDoc below is the formula help users see in Excel, and
 * custom-functions-metadata-plugin generates functions.json from it.
 * Function ids (@customfunction ID) are permanent: saved workbooks use them.
 *
 * Ranges are declared `any[][]` so a whole column is one call that spills one
 * result per row. Omitted optional arguments arrive as null.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { creditScoreCore } from "../engine/scoring/creditscore";
import { creditLimitCore } from "../engine/limit/creditlimit";
import { dsoCore } from "../engine/receivables/dso";
import { dunningStageCore } from "../engine/receivables/dunning";
import { ceiCore } from "../engine/receivables/cei";
import { dsoFromInvoicesCore } from "../engine/receivables/dso-invoices";
import { agingCore } from "../engine/receivables/aging";
import { payBehaviorCore } from "../engine/receivables/pay-behavior";
import { expectedLossCore } from "../engine/receivables/expected-loss";
import { guard } from "./excel-errors";
import { displayLang } from "./display-language";
import { activePolicy } from "./active-policy";

/**
 * Credit score of each customer row: 0–100, higher is safer. Also gives the risk band (A best … E worst), the 12-month probability of default, and the reasons behind the score.
 * @customfunction CREDITSCORE
 * @param values Customer factors: one row per customer, one column per factor (e.g. debt_ratio, current_ratio, interest_coverage, avg_days_late). Ratios as decimals (0.35, not 35%). Blank or "n/a" = not known. If labels is omitted, the first row must be the header.
 * @param [labels] Header row naming each column of values (English or Chinese names, e.g. "Debt ratio" or 资产负债率). Omit it when values starts with its header row.
 * @param [output] "score" (default), "band", "pd", "reasons", or "all" (score, band, PD, coverage, reasons side by side).
 * @returns One result row per customer row.
 */
export function creditScore(values: any[][], labels?: any[][], output?: any): any[][] {
  return guard("CREDITSCORE", () => creditScoreCore(values, labels ?? null, output ?? null, displayLang(), activePolicy().model));
}

/**
 * Recommended credit limit per customer, in the currency of the amounts: a net-worth cap and a turnover × terms cap scaled by the risk band; band E gets 0 (cash in advance); never above the amount requested.
 * @customfunction CREDITLIMIT
 * @param score Credit score 0–100 (from RISK.CREDITSCORE) or a band letter A–E.
 * @param net_worth Customer's net worth (equity). Zero or negative gives 0 (cash in advance).
 * @param annual_sales Customer's annual turnover (sales).
 * @param [terms_days] Payment terms in days (default 30).
 * @param [requested] Amount requested: the limit never exceeds it.
 * @param [relationship_months] Months since the first order: new customers start at half the limit and reach the full limit after 12 months.
 * @param [output] "limit" (default), "rule" (the rule that set the limit), or "all" (limit, band, rule).
 * @returns One limit per row.
 */
export function creditLimit(
  score: any[][],
  net_worth: any[][],
  annual_sales: any[][],
  terms_days?: any[][],
  requested?: any[][],
  relationship_months?: any[][],
  output?: any,
): any[][] {
  return guard("CREDITLIMIT", () =>
    creditLimitCore(
      {
        score,
        netWorth: net_worth,
        annualSales: annual_sales,
        termsDays: terms_days ?? null,
        requested: requested ?? null,
        relationshipMonths: relationship_months ?? null,
        output: output ?? null,
      },
      displayLang(),
      activePolicy(),
    ),
  );
}

/**
 * Days sales outstanding. "standard": receivables ÷ credit sales × days. "countback": walks back through monthly sales (newest last) until the receivables are used up. Also "average", "bestpossible" and "add" (average days delinquent).
 * @customfunction DSO
 * @param receivables Receivables (AR) at the end of the period; a column for many customers. For "average": two columns [opening AR, closing AR]; for "bestpossible" and "add": [total AR, current (not yet due) AR].
 * @param credit_sales Credit sales of the period. For "countback": the monthly credit sales, oldest first and newest last (one row per customer when receivables is a column); empty months at the ends are ignored.
 * @param [days_in_period] Days in the period (default 365); for "countback" the days per month (default 30).
 * @param [method] "standard" (default), "countback", "average", "bestpossible" or "add".
 * @returns DSO in days, one per row.
 */
export function dso(receivables: any[][], credit_sales: any[][], days_in_period?: any[][], method?: any): any[][] {
  return guard("DSO", () => dsoCore(receivables, credit_sales, days_in_period ?? null, method ?? null));
}

/**
 * Collection stage of each invoice on the dunning ladder: Not due; Reminder (from 7 days before due); Formal notice (3+ days overdue); Legal escalation (15+); Insurance claim (30+); Collection agency (90+); Closed when nothing is outstanding.
 * @customfunction DUNNINGSTAGE
 * @param due_date Due date of the invoice (an Excel date); a column for many invoices.
 * @param as_of Date to assess the stage at, e.g. a cell with the review date (avoid TODAY() if you want stable results).
 * @param [outstanding] Open amount; 0 or less means Closed. Omit when all invoices are open.
 * @param [disputed] TRUE (or 1, "yes", 是) for a disputed invoice: it is held "On hold (disputed)" and does not escalate.
 * @param [ladder] Your own ladder: rows of [days relative to due date, stage name, minimum open amount, grace days]. Empty rows are ignored.
 * @param [output] "name" (default) or "number" (0 = not due, 1… = ladder stage, -1 = closed).
 * @returns One stage per invoice.
 */
export function dunningStage(
  due_date: any[][],
  as_of: any[][],
  outstanding?: any[][],
  disputed?: any[][],
  ladder?: any[][],
  output?: any,
): any[][] {
  return guard("DUNNINGSTAGE", () =>
    dunningStageCore(due_date, as_of, outstanding ?? null, disputed ?? null, ladder ?? null, output ?? null, displayLang()),
  );
}

/**
 * Collection effectiveness index (CEI) in percent: how much of what could be collected in the period was collected. 100 = everything collected.
 * @customfunction CEI
 * @param begin_ar Receivables at the start of the period.
 * @param credit_sales Credit sales of the whole period.
 * @param end_ar Total receivables at the end of the period.
 * @param end_current_ar Receivables at the end of the period that are not yet due.
 * @param [months] Months in the period (default 1).
 * @param [convention] "monthly" (default: credit sales ÷ months) or "period" (the whole period's sales, as some vendors compute it).
 * @returns CEI in percent points, one per row.
 */
export function cei(
  begin_ar: any[][],
  credit_sales: any[][],
  end_ar: any[][],
  end_current_ar: any[][],
  months?: any[][],
  convention?: any,
): any[][] {
  return guard("CEI", () => ceiCore(begin_ar, credit_sales, end_ar, end_current_ar, months ?? null, convention ?? null));
}

/**
 * DSO computed straight from an invoice ledger at an as-of date, for the whole ledger or per customer.
 * @customfunction DSOINVOICES
 * @param invoice_dates Invoice date of each invoice (Excel dates).
 * @param due_dates Due date of each invoice.
 * @param paid_dates Date each invoice was paid; blank = still open.
 * @param amounts Invoice amount (negative = credit note).
 * @param as_of Date the DSO is measured at.
 * @param [method] "standard" (default), "countback", "average", "bestpossible" or "add".
 * @param [period_days] Length of the sales period in days, ending at as_of (default 90).
 * @param [open_amounts] Amount still open per invoice, for partial payments.
 * @param [customer_ids] Customer of each invoice: gives a header row and one DSO per customer.
 * @returns One DSO, or a table of customer and DSO.
 */
export function dsoInvoices(
  invoice_dates: any[][],
  due_dates: any[][],
  paid_dates: any[][],
  amounts: any[][],
  as_of: any[][],
  method?: any,
  period_days?: any[][],
  open_amounts?: any[][],
  customer_ids?: any[][],
): any[][] {
  return guard("DSOINVOICES", () =>
    dsoFromInvoicesCore(
      invoice_dates,
      due_dates,
      paid_dates,
      amounts,
      as_of,
      method ?? null,
      period_days ?? null,
      open_amounts ?? null,
      customer_ids ?? null,
    ),
  );
}

/**
 * Aging of open invoices at a date: the bucket of each invoice (Current, 1–30, 31–60, 61–90, 90+ days overdue), or, with amounts, the open amount per bucket as one row.
 * @customfunction AGING
 * @param due_dates Due date of each invoice.
 * @param as_of Date to age at.
 * @param [amounts] Open amount per invoice: returns bucket labels and the total per bucket instead of a label per invoice.
 * @param [buckets] Your own bucket edges in days overdue, e.g. {30,60,90,180}. Empty cells are ignored.
 * @returns A bucket per invoice, or labels and totals.
 */
export function aging(due_dates: any[][], as_of: any[][], amounts?: any[][], buckets?: any[][]): any[][] {
  return guard("AGING", () => agingCore(due_dates, as_of, amounts ?? null, buckets ?? null, displayLang()));
}

/**
 * Payment behaviour per customer from an invoice ledger: average and maximum days late, share of invoices late, overdue share and the trend. The header row uses the factor names RISK.CREDITSCORE reads, so the result feeds it directly.
 * @customfunction PAYBEHAVIOR
 * @param customer_ids Customer of each invoice.
 * @param invoice_dates Invoice date of each invoice.
 * @param due_dates Due date of each invoice.
 * @param paid_dates Date paid; blank = still open.
 * @param amounts Invoice amount (negative = credit note).
 * @param as_of Date to measure at: open invoices count their days late up to it.
 * @param [open_amounts] Amount still open per invoice, for partial payments.
 * @returns A header row, then one row per customer.
 */
export function payBehavior(
  customer_ids: any[][],
  invoice_dates: any[][],
  due_dates: any[][],
  paid_dates: any[][],
  amounts: any[][],
  as_of: any[][],
  open_amounts?: any[][],
): any[][] {
  return guard("PAYBEHAVIOR", () =>
    payBehaviorCore(customer_ids, invoice_dates, due_dates, paid_dates, amounts, as_of, open_amounts ?? null),
  );
}

/**
 * Expected loss after credit insurance: PD × LGD × (uninsured part of the exposure). The insurer pays insured_share of the loss on the exposure up to the insured limit.
 * @customfunction EXPECTEDLOSS
 * @param exposure Amount at risk (open receivables).
 * @param pd Probability of default, 0–1 (e.g. from RISK.CREDITSCORE with "pd").
 * @param [lgd] Loss given default, 0–1 (default 0.6).
 * @param [insured_share] Share of an insured loss the insurer pays, 0–1 (e.g. 0.9). Omit when uninsured.
 * @param [insured_limit] Insurer-approved limit for the buyer: exposure above it is uninsured.
 * @returns Expected loss per row, in the currency of the exposure.
 */
export function expectedLoss(exposure: any[][], pd: any[][], lgd?: any[][], insured_share?: any[][], insured_limit?: any[][]): any[][] {
  return guard("EXPECTEDLOSS", () => expectedLossCore(exposure, pd, lgd ?? null, insured_share ?? null, insured_limit ?? null));
}
