/**
 * Explaining one customer's score (task pane, "Explain a customer"):
 *
 * - the points waterfall: the neutral score (every factor at its neutral
 *   points, i.e. an average firm) then each factor's contribution
 *   (points − neutral points; 0 when missing), grouped by factor group.
 *   Neutral score + all contributions = the score.
 * - the reason codes, exactly as CREDITSCORE's: the factors furthest below an
 *   average firm, on the waterfall's basis (`pointBasis`, one basis everywhere);
 * - the recommended limit and the rule that bound it (LIMIT_RULE_TEXT);
 *   score, band, PD, limit, headroom and expected loss are the customer's
 *   `assessCustomer` result (customer/assess.ts), the path every door uses;
 * - `liftOneBand`: the smallest realistic single-factor changes that reach the next
 *   better band. For each observed factor the search walks the factor's bins
 *   (the model's own edges) in its improving direction, from the nearest edge
 *   outwards, and re-scores the customer with `scoreCustomer` at each
 *   candidate value; the first candidate that reaches the next band's cut-off
 *   is that factor's suggestion. Candidates are rounded to the precision the
 *   pane displays (e.g. whole percentage points above 10 %), always on the
 *   side that keeps them in the better bin. Only factors a customer can
 *   change (the `LEVERS` table) and values within their plausible range
 *   count; suggestions are sorted by relative size of change and capped at 3.
 * - `liftCombined`: only when no single factor suffices, a greedy plan of at
 *   most 3 lever factors that together reach the next band, verified by
 *   re-scoring the combined values (see `planLift`); null when 3 are not enough.
 */
import { POINT_BASIS, type PointBasis } from "../scoring/contribution";
import { Result, isEngineError, messageIn } from "../errors";
import { message, renderMessage } from "../messages";
import { Lang } from "../lang";
import { CreditPolicy } from "../policy";
import { FACTORS, FactorKey, GROUP_LABELS, ScoreGroup, UnitKind, factorDef, factorIndex } from "../scoring/factors";
import { FACTOR_REGISTRY, type Lever } from "../scoring/registry";
import { BANDS, Band, ScorecardModel, neutralScoreOf } from "../scoring/model";
import { displayScore, scoreCustomer } from "../scoring/score";
import { ReasonCode, fmt, formatReason, formatValue } from "../scoring/reasons";
import { LIMIT_RULE_TEXT, LimitRule } from "../limit/limit";
import { assessCustomer } from "../customer/assess";
import { inEachLabel } from "../labels";
import { ExplainExtras, ReviewState, rowInputs } from "./review";

export type { ExplainExtras };

/** One factor in the waterfall. */
export interface WaterfallStep {
  key: FactorKey;
  group: ScoreGroup;
  label: string;
  /** Value used (given or derived), null when missing. */
  value: number | null;
  /** The value formatted in the language ("—" when missing). */
  valueText: string;
  observed: boolean;
  /** True when the value was derived from statement items rather than given. */
  derived: boolean;
  points: number;
  neutral: number;
  maxPoints: number;
  /** points − neutral: what this factor adds to (or takes from) the neutral score. */
  contribution: number;
}

export interface WaterfallGroup {
  group: ScoreGroup;
  label: string;
  /** Sum of the group's contributions. */
  contribution: number;
  steps: WaterfallStep[];
}

/** One factor's change: from the customer's value to a candidate at one of the model's bin edges, within `LEVERS`. */
export interface LiftStep {
  key: FactorKey;
  label: string;
  /** The customer's value (given or derived). */
  from: number;
  to: number;
  fromText: string;
  toText: string;
  /** |to − from| ÷ max(|from|, |to|): the sort key. */
  relativeChange: number;
  /** e.g. "Average days late from 40 days to 30 days" / "平均逾期天数由 40天 降至 30天". */
  text: string;
}

/** A single-factor change that reaches the next band on its own. */
export interface LiftSuggestion extends LiftStep {
  /** Score gained (new score − score). */
  points: number;
  newScore: number;
  newBand: Band;
  /** With the gain, e.g. "Debt ratio from 82% to 76% (+1.2 pts → band C)". */
  text: string;
}

/** Changes to 2–3 different factors that reach the next band together. */
export interface LiftPlan {
  /** In the order the greedy search first chose each factor. */
  steps: LiftStep[];
  /** Score gained by all steps together (new score − score). */
  points: number;
  /** The real score of the combined values (re-scored, not a sum of parts). */
  newScore: number;
  band: Band;
  /** e.g. "Debt ratio from 85% to 49%; Average days late from 40 days to 30 days (+30 pts → band D)". */
  text: string;
}

export interface Explanation {
  score: number;
  band: Band;
  pd: number;
  coverage: number;
  /** The neutral score: every factor at its neutral points. */
  base: { label: string; points: number };
  /** What the waterfall's and the reasons' points are measured against: an average firm (POINT_BASIS). */
  pointBasis: PointBasis;
  groups: WaterfallGroup[];
  /** Points added or taken away to keep the score within 0–100 (0 when base + contributions already are). */
  bound: { label: string; points: number };
  reasons: ReasonCode[];
  reasonTexts: string[];
  limit: {
    limit: number;
    rule: LimitRule;
    ruleText: string;
    netWorthCap: number | null;
    turnoverCap: number | null;
    rampShare: number;
  } | null;
  limitNote: string | null;
  exposure: number | null;
  headroom: number | null;
  breach: number | null;
  expectedLoss: number | null;
  /** The next better band, null for band A. */
  nextBand: Band | null;
  /** Score needed for the next band. */
  nextBandScore: number | null;
  liftOneBand: LiftSuggestion[];
  /** Only when `liftOneBand` is empty (and the band is not A): a combined plan of at most 3 factors, null when none reaches the next band. */
  liftCombined: LiftPlan | null;
  liftNote: string | null;
}

/**
 * Plausible values of the factors a customer can change, null for the others
 * (industry, country, age, past events, amounts), which are never suggested:
 * each factor's `lever` in the factor registry (`scoring/registry.ts`), so
 * every factor has an entry.
 */
export const LEVERS: Readonly<Record<FactorKey, Lever | null>> = Object.fromEntries(FACTOR_REGISTRY.map((f) => [f.key, f.lever])) as Record<
  FactorKey,
  Lever | null
>;

const BASE_LABEL: Record<Lang, string> = inEachLabel((l) => l.waterfall.base);

const BOUND_LABEL: Record<Lang, string> = inEachLabel((l) => l.waterfall.bound);

/** What keeping the score within 0–100 added (score − unbounded sum), 0 when nothing was cut (rounding noise ignored). */
function boundPoints(score: number, unbounded: number): number {
  const d = score - unbounded;
  return Math.abs(d) < 1e-9 ? 0 : d;
}
const MISSING_TEXT: Record<Lang, string> = { en: "—", zh: "—" };

/**
 * Candidate precision per unit: 1 ÷ the display step, so that candidates are
 * shown exactly as `formatValue` shows them.
 */
function inverseStep(unit: UnitKind, magnitude: number): number {
  switch (unit) {
    case "percent":
      return magnitude >= 0.1 ? 100 : 1000;
    case "times":
      return magnitude >= 10 ? 1 : 10;
    case "ratio":
      return 100;
    default:
      return 1;
  }
}

/** The candidate just inside the better bin at edge `e`: ≥ e for increasing factors, < e for decreasing ones. */
function candidateAt(e: number, increasing: boolean, unit: UnitKind): number {
  const inv = inverseStep(unit, Math.abs(e));
  if (increasing) {
    let k = Math.ceil(e * inv - 1e-9);
    if (k / inv < e) k++;
    return k / inv;
  }
  let k = Math.ceil(e * inv) - 1;
  if (k / inv >= e) k--;
  while ((k + 1) / inv < e) k++;
  return k / inv;
}

/** |to − from| ÷ max(|from|, |to|); 0 when both are 0. The size of a change, for sorting and for the plan's greedy choice. */
function relativeChange(from: number, to: number): number {
  const denom = Math.max(Math.abs(from), Math.abs(to));
  return denom > 0 ? Math.abs(to - from) / denom : 0;
}

/** Points as the lift texts show them: one decimal below 10, whole points from 10. */
function pointsText(gained: number): string {
  return fmt(gained, gained < 10 ? 1 : 0);
}

/** "Debt ratio from 60% to 49%" / "资产负债率由 60% 降至 49%". */
function changeText(key: FactorKey, fromText: string, toText: string, up: boolean, lang: Lang): string {
  const label = factorDef(key).label[lang];
  return renderMessage(message(up ? "explain.raise" : "explain.lower", { label, from: fromText, to: toText }), lang);
}

/** Most factors a combined plan changes. */
export const MAX_PLAN_FACTORS = 3;

/**
 * A combined plan to reach `target` points when no single factor can: a
 * greedy search over the observed `LEVERS` factors of the model.
 *
 * Each round looks, for every lever factor (one not yet changed only while
 * fewer than `MAX_PLAN_FACTORS` are), at its next move: from its current plan
 * value, the nearest bin edge in the improving direction that gains points
 * (the same display-rounded candidates as `liftOneBand`; a candidate outside
 * the lever's plausible range ends that factor). Every candidate is re-scored
 * with `scoreCustomer` on the customer's values plus the plan so far. The move
 * with the most points gained per unit of relative change of that move
 * (|to − at| ÷ max(|at|, |to|)) wins; ties go to the larger gain, then to the
 * model's factor order. The search stops once the score reaches `target`, and
 * gives up (null) when no move is left. Then a factor the others do not need
 * is dropped (earliest first), and the final values are re-scored: the
 * reported score is the real score of the combined values.
 * @param values the customer's values as given to `explainCustomer`
 * @param derived the same values with ratios derived (the `from` values)
 * @param score the customer's current score; `target` the next band's minimum score
 * `explainCustomer` calls it only when no single factor reaches the target,
 * so a plan has 2 or 3 steps.
 * @example
 *   // model: debt < 0.5 → 25, < 0.8 → 10, else 0; days late < 1 → 25, < 31 → 5, else 0; D from 30
 *   explainCustomer({ debt_ratio: 0.85, avg_days_late: 40 }, policy, "en").liftCombined.text
 *   // → "Debt ratio from 85% to 49%; Average days late from 40 days to 30 days (+30 pts → band D)"
 *   // (debt 85 % → 79 % gains 10 for a relative change of 0.07, then 79 % → 49 % 15 for 0.38, then 30 days 5)
 */
function planLift(
  values: Partial<Record<FactorKey, number>>,
  derived: Partial<Record<FactorKey, number>>,
  model: ScorecardModel,
  score: number,
  target: number,
  lang: Lang,
): LiftPlan | null {
  const levers = model.factors.filter((f) => LEVERS[f.key] && typeof derived[f.key] === "number" && Number.isFinite(derived[f.key]));
  const plan = new Map<FactorKey, number>(); // insertion order = order first chosen
  const rescore = (p: Map<FactorKey, number>) => scoreCustomer({ ...values, ...Object.fromEntries(p) }, model);
  let current = score;
  while (displayScore(current) < target) {
    // bands follow the score as shown
    let best: { key: FactorKey; to: number; score: number; gain: number; ratio: number } | null = null;
    for (const f of levers) {
      if (!plan.has(f.key) && plan.size >= MAX_PLAN_FACTORS) continue;
      const lever = LEVERS[f.key] as Lever;
      const at = plan.get(f.key) ?? (derived[f.key] as number);
      const up = f.direction === "increasing";
      const unit = factorDef(f.key).unit;
      const edges = up ? f.edges.filter((e) => e > at) : f.edges.filter((e) => e <= at).reverse();
      for (const e of edges) {
        const to = candidateAt(e, up, unit);
        if (to < lever.min || to > lever.max) break;
        const moved = rescore(new Map(plan).set(f.key, to)).score;
        const gain = moved - current;
        if (gain <= 0) continue;
        const ratio = gain / relativeChange(at, to); // to ≠ at, so the change is > 0
        if (!best || ratio > best.ratio || (ratio === best.ratio && gain > best.gain)) best = { key: f.key, to, score: moved, gain, ratio };
        break;
      }
    }
    if (!best) return null;
    plan.set(best.key, best.to);
    current = best.score;
  }
  for (const k of [...plan.keys()]) {
    const without = new Map(plan);
    without.delete(k);
    if (displayScore(rescore(without).score) >= target) plan.delete(k);
  }
  const final = rescore(plan);
  if (displayScore(final.score) < target) return null; // cannot happen: the plan only shrinks while it still reaches the target
  const steps: LiftStep[] = [...plan].map(([key, to]) => {
    const from = derived[key] as number;
    const unit = factorDef(key).unit;
    const fromText = formatValue(from, unit, lang);
    const toText = formatValue(to, unit, lang);
    return {
      key,
      label: factorDef(key).label[lang],
      from,
      to,
      fromText,
      toText,
      relativeChange: relativeChange(from, to),
      text: changeText(key, fromText, toText, to > from, lang),
    };
  });
  const gained = final.score - score;
  const pts = pointsText(gained);
  const text = renderMessage(message("explain.lift", { changes: steps.map((x) => x.text), pts, band: final.band }), lang);
  return { steps, points: gained, newScore: final.score, band: final.band, text };
}

/**
 * Explains one customer: waterfall, reasons, limit and how to lift the band.
 * @param values factor values as the review reads them (ratios as decimals; statement items allowed)
 * @param extras limit and exposure inputs; net worth defaults to equity (else total assets − total liabilities), sales to sales
 * @example explainCustomer({ debt_ratio: 0.82, avg_days_late: 40 }, DEFAULT_POLICY, "en").liftOneBand[0].text
 *   // e.g. "Average days late from 40 days to 30 days (+3.7 pts → band D)"
 */
export function explainCustomer(
  values: Partial<Record<FactorKey, number>>,
  policy: CreditPolicy,
  lang: Lang,
  extras: ExplainExtras = {},
): Result<Explanation> {
  const res = assessCustomer(
    {
      factors: values,
      termsDays: extras.termsDays,
      requested: extras.requested,
      exposure: extras.exposure,
      lgd: extras.lgd,
      netWorth: extras.netWorth,
      annualSales: extras.sales,
      relationshipMonths: extras.relationshipMonths,
    },
    policy,
    lang,
  );
  if (isEngineError(res)) return res;
  const model = policy.model;
  const derivedAll = res.derived;

  // Waterfall.
  const groups: WaterfallGroup[] = [];
  const base = neutralScoreOf(model);
  model.factors.forEach((f, s) => {
    const c = res.contributions[s];
    const def = FACTORS[factorIndex(f.key)];
    const given = typeof values[f.key] === "number" && Number.isFinite(values[f.key]);
    const step: WaterfallStep = {
      key: f.key,
      group: f.group,
      label: def.label[lang],
      value: c.value,
      valueText: c.value === null ? MISSING_TEXT[lang] : formatValue(c.value, def.unit, lang),
      observed: c.observed,
      derived: c.observed && !given,
      points: c.points,
      neutral: f.neutral,
      maxPoints: c.maxPoints,
      contribution: c.points - f.neutral,
    };
    let g = groups.find((x) => x.group === f.group);
    if (!g) {
      g = { group: f.group, label: GROUP_LABELS[f.group][lang], contribution: 0, steps: [] };
      groups.push(g);
    }
    g.steps.push(step);
    g.contribution += step.contribution;
  });
  const order: ScoreGroup[] = ["financial", "payment", "profile", "risk"];
  groups.sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group));

  // Limit, exposure and expected loss: the customer's assessment.
  let limit: Explanation["limit"] = null;
  let limitNote: string | null = null;
  if (res.limit) {
    const lr = res.limit;
    limit = {
      limit: lr.limit,
      rule: lr.rule,
      ruleText: LIMIT_RULE_TEXT[lr.rule][lang],
      netWorthCap: lr.netWorthCap,
      turnoverCap: lr.turnoverCap,
      rampShare: lr.rampShare,
    };
  } else if (res.basis.netWorth === null && res.basis.annualSales === null) {
    limitNote = renderMessage(message("explain.noFinancials"), lang);
  } else limitNote = res.limitError ? messageIn(res.limitError, lang) : null;

  // Lift by one band.
  const bi = BANDS.indexOf(res.band);
  const lift: LiftSuggestion[] = [];
  let liftCombined: LiftPlan | null = null;
  let liftNote: string | null = null;
  let nextBand: Band | null = null;
  let nextBandScore: number | null = null;
  if (bi === 0) {
    liftNote = renderMessage(message("explain.bestBand"), lang);
  } else {
    nextBand = BANDS[bi - 1];
    nextBandScore = model.bands[bi - 1].minScore;
    for (const f of model.factors) {
      const lever = LEVERS[f.key];
      const from = derivedAll[f.key];
      if (!lever || typeof from !== "number" || !Number.isFinite(from)) continue;
      const unit = factorDef(f.key).unit;
      const up = f.direction === "increasing";
      const edges = up ? f.edges.filter((e) => e > from) : f.edges.filter((e) => e <= from).reverse();
      for (const e of edges) {
        const to = candidateAt(e, up, unit);
        if (to < lever.min || to > lever.max) break;
        const moved = scoreCustomer({ ...values, [f.key]: to }, model);
        if (displayScore(moved.score) < nextBandScore) continue; // the band of the score as shown
        const def = factorDef(f.key);
        const gained = moved.score - res.score;
        const fromText = formatValue(from, unit, lang);
        const toText = formatValue(to, unit, lang);
        const pts = pointsText(gained);
        const change = changeText(f.key, fromText, toText, up, lang);
        const text = renderMessage(message("explain.lift", { changes: [change], pts, band: moved.band }), lang);
        lift.push({
          key: f.key,
          label: def.label[lang],
          from,
          to,
          fromText,
          toText,
          points: gained,
          newScore: moved.score,
          newBand: moved.band,
          relativeChange: relativeChange(from, to),
          text,
        });
        break;
      }
    }
    lift.sort((a, b) => a.relativeChange - b.relativeChange || b.points - a.points);
    lift.splice(3);
    if (lift.length === 0) {
      liftCombined = planLift(values, derivedAll, model, res.score, nextBandScore, lang);
      liftNote = renderMessage(
        message("explain.noSingleLift", { band: nextBand, needs: fmt(nextBandScore, 1), now: fmt(res.score, 1) }),
        lang,
      );
    }
  }

  return {
    score: res.score,
    band: res.band,
    pd: res.pd,
    coverage: res.coverage,
    base: { label: BASE_LABEL[lang], points: base },
    groups,
    bound: {
      label: BOUND_LABEL[lang],
      points: boundPoints(
        res.score,
        groups.reduce((t, g) => t + g.contribution, base),
      ),
    },
    reasons: res.reasons,
    pointBasis: POINT_BASIS,
    reasonTexts: res.reasons.map((r) => formatReason(r, lang)),
    limit,
    limitNote,
    exposure: res.exposure,
    headroom: res.headroom,
    breach: res.breach,
    expectedLoss: res.expectedLoss,
    nextBand,
    nextBandScore,
    liftOneBand: lift,
    liftCombined,
    liftNote,
  };
}

/**
 * Explains row `r` of a review, with the same inputs the review used (table
 * cells, the ledger's behaviour filling blanks, the row's exposure, limit
 * inputs and loss given default), worded in `lang` (default: the review's
 * language; the pane passes its current one). An error for a bad row.
 */
export function explainRow(state: ReviewState, r: number, lang: Lang = state.lang): Result<Explanation> {
  const inp = rowInputs(state, r);
  if (isEngineError(inp)) return inp;
  return explainCustomer(inp.values, state.policy, lang, inp.extras);
}
