/**
 * RISK.CREDITLIMIT's engine: reads the formula's arguments row by row and
 * returns the recommended limit (or the rule that bound it) per row.
 */
import { Lang } from "../lang";
import { NumberRules, cellErrorFor, readChoice, readOptionalNumber, isBlank, scalarOf } from "../cells";
import { cellArg, message } from "../messages";
import { Result, isEngineError, valueError } from "../errors";
import { Spill, SpillCell, Vector, readVector, broadcastLength, at, dataRows, isBlankRow, isHorizontal } from "../spill";
import { bandOf } from "../scoring/score";
import { BANDS, Band } from "../scoring/model";
import { DEFAULT_POLICY, CreditPolicy } from "../policy";
import { LIMIT_RULE_TEXT, LimitResult, recommendLimit } from "./limit";

export const CREDITLIMIT_OUTPUTS = ["limit", "rule", "all"] as const;
export type CreditLimitOutput = (typeof CREDITLIMIT_OUTPUTS)[number];

/** Reads a score (0–100) or a band letter into a band. */
export function readBand(cell: unknown, policy: CreditPolicy): Result<Band> {
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
  return bandOf(score as number, policy.model);
}

export interface LimitArgs {
  score: unknown;
  netWorth: unknown;
  annualSales: unknown;
  termsDays?: unknown;
  requested?: unknown;
  relationshipMonths?: unknown;
  output?: unknown;
}

const ARG_NAMES = {
  score: "score",
  netWorth: "net_worth",
  annualSales: "annual_sales",
  termsDays: "terms_days",
  requested: "requested",
  relationshipMonths: "relationship_months",
} as const;
type VectorArgs = Record<keyof typeof ARG_NAMES, Vector | null>;

function readArgs(args: LimitArgs): Result<VectorArgs> {
  const out = {} as VectorArgs;
  for (const key of Object.keys(ARG_NAMES) as (keyof typeof ARG_NAMES)[]) {
    const v = readVector(args[key] ?? null, ARG_NAMES[key]);
    if (isEngineError(v)) return v;
    out[key] = v;
  }
  return out;
}

/** The bounds of the limit's amount inputs, wherever they are read (this formula, the review, `npm run score`). */
export const LIMIT_INPUT_RULES = {
  netWorth: {},
  annualSales: { min: 0 },
  termsDays: { min: 1, max: 365 },
  requested: { min: 0 },
  relationshipMonths: { min: 0 },
} as const satisfies Record<Exclude<keyof typeof ARG_NAMES, "score">, NumberRules>;

/** Reads one limit input cell as RISK.CREDITLIMIT does: blank → null, a number within `LIMIT_INPUT_RULES`, or the error naming the argument. */
export function readLimitInput(cell: unknown, arg: keyof typeof LIMIT_INPUT_RULES): Result<number | null> {
  return readOptionalNumber(cell, ARG_NAMES[arg], LIMIT_INPUT_RULES[arg]);
}

function limitRow(i: number, v: VectorArgs, policy: CreditPolicy): Result<LimitResult> {
  const band = readBand(at(v.score, i), policy);
  if (isEngineError(band)) return band;
  const netWorth = readLimitInput(at(v.netWorth, i), "netWorth");
  if (isEngineError(netWorth)) return netWorth;
  const annualSales = readLimitInput(at(v.annualSales, i), "annualSales");
  if (isEngineError(annualSales)) return annualSales;
  const termsDays = readLimitInput(at(v.termsDays, i), "termsDays");
  if (isEngineError(termsDays)) return termsDays;
  const requested = readLimitInput(at(v.requested, i), "requested");
  if (isEngineError(requested)) return requested;
  const relationshipMonths = readLimitInput(at(v.relationshipMonths, i), "relationshipMonths");
  if (isEngineError(relationshipMonths)) return relationshipMonths;
  return recommendLimit({ band, netWorth, annualSales, termsDays, requested, relationshipMonths }, policy.limit);
}

/**
 * `=RISK.CREDITLIMIT(score, net_worth, annual_sales, [terms_days], [requested], [relationship_months], [output])`.
 * output "limit" (default) → the amount; "rule" → the rule that bound it, in `lang`;
 * "all" → limit, band, rule side by side.
 */
export function creditLimitCore(args: LimitArgs, lang: Lang, policy: CreditPolicy = DEFAULT_POLICY): Result<Spill> {
  const output = readChoice(scalarOf(args.output ?? null), "output", CREDITLIMIT_OUTPUTS, "limit");
  if (isEngineError(output)) return output;
  const v = readArgs(args);
  if (isEngineError(v)) return v;
  const named = (Object.keys(ARG_NAMES) as (keyof typeof ARG_NAMES)[]).map((k) => ({ name: ARG_NAMES[k], vector: v[k] }));
  const n = broadcastLength(named);
  if (isEngineError(n)) return n;
  const rows: SpillCell[][] = [];
  // Rows empty in score, net worth and sales give "": blank anywhere, or blank/0 at
  // either end of a selection (Excel desktop passes empty cells as 0; a score of 0
  // there would otherwise read as band E, "cash in advance").
  const data = [v.score, v.netWorth, v.annualSales];
  const span = dataRows(data, n);
  for (let i = 0; i < n; i++) {
    if (i < span.first || i > span.last || isBlankRow(data, i)) {
      rows.push(output === "all" ? ["", "", ""] : [""]);
      continue;
    }
    const r = limitRow(i, v, policy);
    if (isEngineError(r)) rows.push(output === "all" ? [r, r, r] : [r]);
    else if (output === "limit") rows.push([r.limit]);
    else if (output === "rule") rows.push([LIMIT_RULE_TEXT[r.rule][lang]]);
    else rows.push([r.limit, r.band, LIMIT_RULE_TEXT[r.rule][lang]]);
  }
  // A row of inputs gives a row of results (single-column outputs only).
  if (output !== "all" && isHorizontal(named.map((x) => x.vector))) return [rows.map((r) => r[0])];
  return rows;
}
