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
import { guard } from "./excel-errors";
import { displayLang } from "./display-language";

/**
 * Credit score of each customer row: 0–100, higher is safer. Also gives the risk band (A best … E worst), the 12-month probability of default, and the reasons behind the score.
 * @customfunction CREDITSCORE
 * @param values Customer factors: one row per customer, one column per factor (e.g. debt_ratio, current_ratio, interest_coverage, avg_days_late). Ratios as decimals (0.35, not 35%). Blank or "n/a" = not known. If labels is omitted, the first row must be the header.
 * @param [labels] Header row naming each column of values (English or Chinese names, e.g. "Debt ratio" or 资产负债率). Omit it when values starts with its header row.
 * @param [output] "score" (default), "band", "pd", "reasons", or "all" (score, band, PD, coverage, reasons side by side).
 * @returns One result row per customer row.
 */
export function creditScore(values: any[][], labels?: any[][], output?: any): any[][] {
  return guard("CREDITSCORE", () => creditScoreCore(values, labels ?? null, output ?? null, displayLang()));
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
    ),
  );
}

/**
 * Days sales outstanding. "standard": receivables ÷ credit sales × days. "countback": walks back through monthly sales (newest last) until the receivables are used up. Also "average", "bestpossible" and "add" (average days delinquent).
 * @customfunction DSO
 * @param receivables Receivables (AR) at the end of the period; a column for many customers. For "average": two columns [opening AR, closing AR]; for "bestpossible" and "add": [total AR, current (not yet due) AR].
 * @param credit_sales Credit sales of the period. For "countback": the monthly credit sales, oldest first and newest last (one row per customer when receivables is a column).
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
 * @param [ladder] Your own ladder: rows of [days relative to due date, stage name, minimum open amount, grace days].
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
