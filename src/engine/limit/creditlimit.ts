/**
 * RISK.CREDITLIMIT's engine: its arguments are read row by row from its declared spec (`CREDITLIMIT_SPEC`)
 * and each row's recommended limit (or the rule that bound it) spills.
 */
import { Lang } from "../lang";
import { NumberRules, cellErrorFor, readOptionalNumber, isBlank } from "../cells";
import { cellArg, message } from "../messages";
import { Result, isEngineError, valueError } from "../errors";
import { FunctionSpec, readParamCell, runRows } from "../spec";
import { Spill, SpillCell } from "../spill";
import { bandOf } from "../scoring/score";
import { BANDS, Band } from "../scoring/model";
import { DEFAULT_POLICY, CreditPolicy } from "../policy";
import { LIMIT_RULE_TEXT, recommendLimit } from "./limit";

export const CREDITLIMIT_OUTPUTS = ["limit", "rule", "all"] as const;
export type CreditLimitOutput = (typeof CREDITLIMIT_OUTPUTS)[number];

/**
 * A score cell as RISK.CREDITLIMIT reads it: a score 0–100 (banded by the policy's model) or a band letter A–E.
 * An error passed in (e.g. #N/A from CREDITSCORE or a lookup) passes through; blank is "score is required".
 */
export function readScoreCell(cell: unknown): Result<number | Band> {
  if (isEngineError(cell)) return cell; // an upstream error (e.g. from CREDITSCORE) passes through
  const held = cellErrorFor(cell, "score"); // an Excel error in the cell (e.g. #N/A from a lookup)
  if (held) return held;
  if (isBlank(cell)) return valueError(message("limit.scoreRequired"));
  if (typeof cell === "string") {
    const letter = cell.trim().toUpperCase();
    if ((BANDS as readonly string[]).includes(letter)) return letter as Band;
  }
  const score = readOptionalNumber(cell, "score", { min: 0, max: 100 });
  if (isEngineError(score)) {
    return valueError(message("limit.badScore", { value: cellArg(cell) }));
  }
  return score as number;
}

/** Reads a score (0–100) or a band letter into a band. */
export function readBand(cell: unknown, policy: CreditPolicy): Result<Band> {
  const s = readScoreCell(cell);
  return typeof s === "number" ? bandOf(s, policy.model) : s;
}

/**
 * `=RISK.CREDITLIMIT(score, net_worth, annual_sales, [terms_days], [requested], [relationship_months], [output])`,
 * declared. Every range may be a cell or an equal-length column/row; a blank amount is "not known" (the limit
 * rules decide); a blank terms_days is the policy's default terms. A row empty in score, net worth and sales
 * is blank.
 */
export const CREDITLIMIT_SPEC = {
  id: "CREDITLIMIT",
  params: [
    { name: "score", shape: "column", kind: "score", data: true, omittable: true, cell: readScoreCell },
    { name: "net_worth", shape: "column", kind: "amount", data: true, omittable: true, blankCells: true },
    { name: "annual_sales", shape: "column", kind: "amount", data: true, omittable: true, blankCells: true, rules: { min: 0 } },
    { name: "terms_days", shape: "column", kind: "count", optional: true, rules: { min: 1, max: 365 } },
    { name: "requested", shape: "column", kind: "amount", optional: true, rules: { min: 0 } },
    { name: "relationship_months", shape: "column", kind: "count", optional: true, rules: { min: 0 } },
    { name: "output", shape: "scalar", kind: "enum", optional: true, choices: CREDITLIMIT_OUTPUTS, default: "limit" },
  ],
} as const satisfies FunctionSpec;

export interface LimitArgs {
  score: unknown;
  netWorth: unknown;
  annualSales: unknown;
  termsDays?: unknown;
  requested?: unknown;
  relationshipMonths?: unknown;
  output?: unknown;
}

/** The spec's parameter of each limit input. */
const PARAM = {
  netWorth: CREDITLIMIT_SPEC.params[1],
  annualSales: CREDITLIMIT_SPEC.params[2],
  termsDays: CREDITLIMIT_SPEC.params[3],
  requested: CREDITLIMIT_SPEC.params[4],
  relationshipMonths: CREDITLIMIT_SPEC.params[5],
} as const;

/** The bounds of the limit's amount inputs, wherever they are read (this formula, the review, `npm run score`): the spec's. */
export const LIMIT_INPUT_RULES: Record<keyof typeof PARAM, NumberRules> = {
  netWorth: {},
  annualSales: PARAM.annualSales.rules,
  termsDays: PARAM.termsDays.rules,
  requested: PARAM.requested.rules,
  relationshipMonths: PARAM.relationshipMonths.rules,
};

/** Reads one limit input cell as RISK.CREDITLIMIT does: blank → null, a number within `LIMIT_INPUT_RULES`, or the error naming the argument. */
export function readLimitInput(cell: unknown, arg: keyof typeof PARAM): Result<number | null> {
  return readParamCell(PARAM[arg], cell) as Result<number | null>;
}

/**
 * `=RISK.CREDITLIMIT(score, net_worth, annual_sales, [terms_days], [requested], [relationship_months], [output])`.
 * output "limit" (default) → the amount; "rule" → the rule that bound it, in `lang`;
 * "all" → limit, band, rule side by side.
 */
export function creditLimitCore(args: LimitArgs, lang: Lang, policy: CreditPolicy = DEFAULT_POLICY): Result<Spill> {
  const { score, netWorth, annualSales, termsDays, requested, relationshipMonths, output } = args;
  return runRows(
    CREDITLIMIT_SPEC,
    [score, netWorth, annualSales, termsDays, requested, relationshipMonths, output],
    (r): SpillCell | SpillCell[] => {
      const band = typeof r.score === "number" ? bandOf(r.score, policy.model) : r.score;
      const input = {
        band,
        netWorth: r.net_worth,
        annualSales: r.annual_sales,
        termsDays: r.terms_days,
        requested: r.requested,
        relationshipMonths: r.relationship_months,
      };
      const res = recommendLimit(input, policy.limit);
      if (isEngineError(res)) return res;
      if (r.output === "limit") return res.limit;
      if (r.output === "rule") return LIMIT_RULE_TEXT[res.rule][lang];
      return [res.limit, res.band, LIMIT_RULE_TEXT[res.rule][lang]];
    },
    { width: (c) => (c.output === "all" ? 3 : 1) },
  );
}
