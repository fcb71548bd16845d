/**
 * One customer, every figure: the single engine path of every door.
 *
 * The formulas (RISK.CREDITSCORE, RISK.CREDITLIMIT, RISK.EXPECTEDLOSS), the
 * task pane's review, Explain, the write-back and `npm run score` all compute a
 * customer here (or, where a formula gets only part of the inputs, through the
 * single functions this module uses):
 *
 *   factor vector (table cells; a joined ledger's payment behaviour fills blanks)
 *     → limit basis: net worth = equity, else total assets − total liabilities
 *       (`netWorthOf`), annual sales, relationship months
 *     → ratios derived from statement items (`deriveInPlace`), incomplete
 *       statements marked (`markNotReported`)
 *     → score, band and PD of the score as shown (one decimal), coverage
 *     → recommended limit and its binding rule (`recommendLimit`)
 *     → headroom = limit − exposure, breach = max(0, exposure − limit)
 *     → expected loss (`expectedLoss`: PD × LGD × uninsured exposure)
 *
 * `assessVector` is the allocation-light form the review runs per row;
 * `assessCustomer` takes a record of inputs and adds the derived ratios, the
 * per-factor contributions, the reasons and the payment summary.
 * Pure: no clock, errors are values.
 */
import { EngineError, Result, isEngineError, valueError } from "../errors";
import { Lang } from "../lang";
import { CreditPolicy } from "../policy";
import { FACTOR_COUNT, FACTOR_KEYS, FactorKey, factorDef, factorIndex, isFactorKey } from "../scoring/factors";
import { deriveInPlace, netWorthOf, toVector } from "../scoring/derive";
import { BANDS, Band, CompiledModel, compileModel } from "../scoring/model";
import { bandIndex, contributionsOf, displayScore, givenColumns, markNotReported, pdOf, scoreVector } from "../scoring/score";
import type { Contribution } from "../scoring/contribution";
import { ReasonCode, topReasons } from "../scoring/reasons";
import { LimitResult, recommendLimit } from "../limit/limit";
import { DEFAULT_LGD, expectedLoss } from "../receivables/expected-loss";
import type { PayBehavior } from "../receivables/pay-behavior";

/** The payment-behaviour factors a joined ledger fills where the table leaves them blank. */
export const BEHAVIOR_KEYS = [
  "avg_days_late",
  "max_days_late",
  "pct_invoices_late",
  "overdue_share",
] as const satisfies readonly FactorKey[];
const BEHAVIOR_IDX = BEHAVIOR_KEYS.map((k) => factorIndex(k));
const I_SALES = factorIndex("sales"),
  I_REL = factorIndex("relationship_months");

/** Score figures of a factor vector. */
export interface ScoreFigures {
  /** 0–100, unrounded. */
  score: number;
  /** The score as the formulas show and the pane writes it (one decimal): band and PD are read from it. */
  shown: number;
  band: Band;
  /** 12-month PD of the shown score. */
  pd: number;
  /** Share of the model's weight observed, 0–1. */
  coverage: number;
}

/**
 * Readies a raw factor vector for scoring, in place: derives missing ratios
 * from statement items (when `derive`) and marks incomplete statements.
 * After it, `contributionsOf(c, v)` gives the breakdown the score came from.
 */
export function prepareVector(c: CompiledModel, v: Float64Array, given: Uint8Array, derive = true): void {
  if (derive) deriveInPlace(v);
  markNotReported(c, v, given);
}

const pair = new Float64Array(2);

/** Scores a prepared vector (`prepareVector`): score, band and PD of the score as shown, coverage. */
export function figuresOf(c: CompiledModel, v: Float64Array): ScoreFigures {
  scoreVector(c, v, pair);
  const score = pair[0];
  const shown = displayScore(score);
  return { score, shown, band: BANDS[bandIndex(c, shown)], pd: pdOf(shown, c.model), coverage: pair[1] };
}

/** What sizes a limit besides the band. */
export interface LimitBasis {
  /** Equity, else total assets − total liabilities; null when neither is known. */
  netWorth: number | null;
  /** Annual turnover (sales). */
  annualSales: number | null;
  relationshipMonths: number | null;
}

/** The limit basis of a raw or prepared factor vector (derivation does not touch these items). */
export function limitBasisOf(v: Float64Array): LimitBasis {
  const nw = netWorthOf(v);
  return {
    netWorth: nw === nw ? nw : null,
    annualSales: v[I_SALES] === v[I_SALES] ? v[I_SALES] : null,
    relationshipMonths: v[I_REL] === v[I_REL] ? v[I_REL] : null,
  };
}

/** recommendLimit's "no net worth, no sales" error, made once (the review meets it on every such row). */
let noBasisError: EngineError | null = null;

/** The limit from `recommendLimit` (the one limit rule); the no-basis error is recommendLimit's own, cached. */
function limitOf(band: Band, basis: LimitBasis, extras: CustomerExtras, policy: CreditPolicy): Result<LimitResult> {
  const share = policy.limit.bands[band];
  if (basis.netWorth === null && basis.annualSales === null && (share.netWorthShare !== 0 || share.turnoverShare !== 0)) {
    if (!noBasisError) {
      const e = recommendLimit(
        { band, netWorth: null, annualSales: null, termsDays: null, requested: null, relationshipMonths: null },
        policy.limit,
      );
      if (isEngineError(e)) noBasisError = e;
      else return e;
    }
    return noBasisError;
  }
  return recommendLimit(
    {
      band,
      netWorth: basis.netWorth,
      annualSales: basis.annualSales,
      termsDays: extras.termsDays ?? null,
      requested: extras.requested ?? null,
      relationshipMonths: basis.relationshipMonths,
    },
    policy.limit,
  );
}

/** Inputs of a customer that are not factors (all optional). */
export interface CustomerExtras {
  /** Payment terms in days (1–365); null → the policy's default. */
  termsDays?: number | null;
  /** Amount requested: the limit never exceeds it. */
  requested?: number | null;
  /** Amount at risk; a negative amount (a credit balance) counts as 0. */
  exposure?: number | null;
  /** Loss given default, 0–1 (default `DEFAULT_LGD`). */
  lgd?: number;
  /** Share of an insured loss the insurer pays, 0–1 (default 0: uninsured). */
  insuredShare?: number | null;
  /** Insurer-approved limit: exposure above it is uninsured (null: no limit). */
  insuredLimit?: number | null;
}

/** The figures every door shows for one customer. */
export interface CoreAssessment extends ScoreFigures {
  basis: LimitBasis;
  /** The recommended limit and its binding rule, or null (then `limitError` says why). */
  limit: LimitResult | null;
  /** Why there is no limit (e.g. neither net worth nor sales known), null with a limit. */
  limitError: EngineError | null;
  /** Exposure ≥ 0, or null when not known. */
  exposure: number | null;
  /** limit − exposure (negative = over the limit). */
  headroom: number | null;
  /** max(0, exposure − limit). */
  breach: number | null;
  /** `expectedLoss(exposure, pd, lgd, insuredShare, insuredLimit)`; null without exposure. */
  expectedLoss: number | null;
}

/**
 * Every figure of one customer from a raw factor vector (NaN = missing; the
 * ledger's behaviour already filled in). Prepares `v` in place (derived ratios,
 * incomplete statements), so `contributionsOf(c, v)` afterwards gives the
 * breakdown of this score.
 * @param given the factor columns the table has (`givenColumns`)
 * @param derive false when no statement item is present (nothing to derive)
 */
export function assessVector(
  c: CompiledModel,
  v: Float64Array,
  given: Uint8Array,
  extras: CustomerExtras,
  policy: CreditPolicy,
  derive = true,
): CoreAssessment {
  const basis = limitBasisOf(v);
  prepareVector(c, v, given, derive);
  const fig = figuresOf(c, v);
  const lr = limitOf(fig.band, basis, extras, policy);
  const limit = isEngineError(lr) ? null : lr;
  const limitError = isEngineError(lr) ? lr : null;
  const x = extras.exposure ?? null;
  const exposure = x === null ? null : x < 0 ? 0 : x;
  let el: number | null = null;
  if (exposure !== null) {
    const r = expectedLoss(exposure, fig.pd, extras.lgd ?? DEFAULT_LGD, extras.insuredShare ?? 0, extras.insuredLimit ?? null);
    el = typeof r === "number" ? r : null;
  }
  // An explicit literal (no spread): this runs once per row of a review.
  return {
    score: fig.score,
    shown: fig.shown,
    band: fig.band,
    pd: fig.pd,
    coverage: fig.coverage,
    basis,
    limit,
    limitError,
    exposure,
    headroom: exposure !== null && limit ? limit.limit - exposure : null,
    breach: exposure !== null && limit ? (exposure > limit.limit ? exposure - limit.limit : 0) : null,
    expectedLoss: el,
  };
}

/** A customer's mapped inputs, for `assessCustomer`. */
export interface CustomerInputs extends CustomerExtras {
  /**
   * Factor values and statement items as given (ratios as decimals). A key
   * with a non-finite value is a blank cell in a column the table has (it
   * matters for the incomplete-statements factor).
   */
  factors: Partial<Record<FactorKey, number>>;
  /** Payment behaviour of a joined invoice ledger (PAYBEHAVIOR's measures, "" = no experience): fills the behaviour factors the table leaves blank. */
  payment?: Partial<PayBehavior> | null;
  /** A net worth given as such (RISK.CREDITLIMIT's argument); default: derived from the statement items (`netWorthOf`). */
  netWorth?: number | null;
  /** Annual sales given as such; default: the sales item. */
  annualSales?: number | null;
  /** Default: the relationship_months factor. */
  relationshipMonths?: number | null;
}

/** Payment behaviour as scored: the table's figures, blanks filled from the ledger. */
export interface PaymentSummary {
  avg_days_late: number | null;
  max_days_late: number | null;
  pct_invoices_late: number | null;
  overdue_share: number | null;
  /** Which behaviour factors came from the ledger. */
  fromLedger: FactorKey[];
}

export interface CustomerAssessment extends CoreAssessment {
  /** Factor values used: given ones, ledger-filled behaviour and ratios derived from statement items. */
  derived: Partial<Record<FactorKey, number>>;
  /** One entry per model factor, in model order. */
  contributions: Contribution[];
  /** Up to three observed factors with the largest point deficit. */
  reasons: ReasonCode[];
  payment: PaymentSummary;
}

/**
 * Checks factor values against each factor's rules (unknown keys, values out
 * of range); null when all are usable. Non-finite values are blanks, not errors.
 */
export function checkFactorValues(values: Partial<Record<string, number>>, lang: Lang): EngineError | null {
  for (const k in values) {
    const x = values[k];
    if (!isFactorKey(k)) return valueError(lang === "zh" ? `未知因子“${k}”。` : `unknown factor "${k}".`);
    if (typeof x !== "number" || !Number.isFinite(x)) continue;
    const r = factorDef(k).rules;
    if ((r.min !== undefined && x < r.min) || (r.max !== undefined && x > r.max) || (r.integer && !Number.isInteger(x))) {
      const label = factorDef(k).label[lang];
      return valueError(lang === "zh" ? `${label}：${x} 超出允许范围。` : `${label}: ${x} is outside the allowed values.`);
    }
  }
  return null;
}

/**
 * Every result for one customer: derived ratios, score, band, PD, coverage,
 * reasons, limit and its binding rule, headroom, expected loss and the payment
 * summary. An error (in `lang`) for an unknown factor or a value out of range.
 * @example assessCustomer({ factors: { total_assets: 1e6, total_liabilities: 6e5, sales: 3e6 }, termsDays: 60 }, DEFAULT_POLICY, "en")
 *   // net worth 400,000 (assets − liabilities) sizes the net-worth cap
 */
export function assessCustomer(inputs: CustomerInputs, policy: CreditPolicy, lang: Lang = "en"): Result<CustomerAssessment> {
  const bad = checkFactorValues(inputs.factors, lang);
  if (bad) return bad;
  const c = compileModel(policy.model);
  const v = toVector(inputs.factors);
  const given = givenColumns(Object.keys(inputs.factors));
  const fromLedger: FactorKey[] = [];
  if (inputs.payment) {
    for (let k = 0; k < BEHAVIOR_KEYS.length; k++) {
      const x = inputs.payment[BEHAVIOR_KEYS[k]];
      const fi = BEHAVIOR_IDX[k];
      if (typeof x === "number" && v[fi] !== v[fi]) {
        v[fi] = x;
        fromLedger.push(BEHAVIOR_KEYS[k]);
      }
    }
  }
  const core = assessVector(c, v, given, inputs, policy);
  if (inputs.netWorth !== undefined || inputs.annualSales !== undefined || inputs.relationshipMonths !== undefined) {
    // A basis given as such (Explain's overrides): size the limit from it with the same rule.
    const basis: LimitBasis = {
      netWorth: inputs.netWorth !== undefined ? inputs.netWorth : core.basis.netWorth,
      annualSales: inputs.annualSales !== undefined ? inputs.annualSales : core.basis.annualSales,
      relationshipMonths: inputs.relationshipMonths !== undefined ? inputs.relationshipMonths : core.basis.relationshipMonths,
    };
    const lr = recommendLimit(
      { band: core.band, ...basis, termsDays: inputs.termsDays ?? null, requested: inputs.requested ?? null },
      policy.limit,
    );
    core.basis = basis;
    core.limit = isEngineError(lr) ? null : lr;
    core.limitError = isEngineError(lr) ? lr : null;
    core.headroom = core.exposure !== null && core.limit ? core.limit.limit - core.exposure : null;
    core.breach = core.exposure !== null && core.limit ? Math.max(0, core.exposure - core.limit.limit) : null;
  }
  const contributions = contributionsOf(c, v);
  const derived: Partial<Record<FactorKey, number>> = { ...inputs.factors };
  for (let i = 0; i < FACTOR_COUNT; i++) if (v[i] === v[i] && v[i] !== -Number.MAX_VALUE) derived[FACTOR_KEYS[i]] = v[i];
  const val = (i: number) => (v[i] === v[i] ? v[i] : null);
  return {
    ...core,
    derived,
    contributions,
    reasons: topReasons(contributions),
    payment: {
      avg_days_late: val(BEHAVIOR_IDX[0]),
      max_days_late: val(BEHAVIOR_IDX[1]),
      pct_invoices_late: val(BEHAVIOR_IDX[2]),
      overdue_share: val(BEHAVIOR_IDX[3]),
      fromLedger,
    },
  };
}
