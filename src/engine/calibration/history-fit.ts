/**
 * Fitting the scorecard to a user's own labelled history, in three stages
 * chosen by how many defaults the history holds:
 *
 * 1. "levels" (any history; without defaults, given an expected 12-month
 *    default rate): the points stay; the PD level moves so that the
 *    history's mean 12-month PD equals its default rate; the band cut-offs
 *    are set on the portfolio's own scores (each band keeps its share of the
 *    shipped model's calibration sample); band PDs follow.
 * 2. "weights" (at least 25 defaults): the shipped bins stay; each factor the
 *    history gives gets a weight (its points around neutral × weight), fitted
 *    by L2 logistic regression that shrinks towards the shipped weights of 1;
 *    a weight never goes below 0, so no factor turns against its direction.
 * 3. "full" (at least 100 defaults): bins refitted by monotone WoE binning in
 *    each factor's direction, weights by L2 logistic regression (sign kept);
 *    the incomplete-statements flag keeps its bins and gets a weight (≥ 0).
 *
 * In every stage the band cut-offs are set on the history's healthy rows: each
 * band holds the share of them that it held in the base model's calibration
 * sample (D–E the riskiest 15.5 %), and the defaults fall where the scores put
 * them, so a riskier portfolio has more customers in D–E.
 *
 * Every fit reports k-fold cross-validated AUC, KS, Brier and the two worst
 * bands' capture and false alarms next to the shipped model's on the same
 * rows, and says whether it did better (`better`): the caller keeps the
 * shipped model otherwise. Pure, deterministic (seeded folds), and
 * allocation-light enough to fit 5,000 customers × 17 factors well under 2 s.
 */
import { EngineError, Result, valueError } from "../errors";
import { message } from "../messages";
import { Lang } from "../lang";
import { FACTOR_COUNT, FactorKey, factorDef, factorIndex } from "../scoring/factors";
import { deriveInPlace } from "../scoring/derive";
import { BANDS, Band, BandSpec, FactorSpec, ScorecardModel, compileModel, validateModel } from "../scoring/model";
import { bandIndex, contributionsOf, displayScore, givenColumns, markNotReported, pdOf } from "../scoring/score";
import { applyBinning, fitBinning } from "./binning";
import { fitLogistic } from "./logistic";
import { auc, brier, captureRates, ks } from "./metrics";
import { annualPd, horizonSlope, offsetFor, poolAdjacent } from "./pd";
import { Sample, defaultCount, sampleRows, withDerivedRatios } from "./sample";
import { scoreSample } from "./evaluation";
import { CANONICAL_RATIOS, SCORE_DISTRIBUTION_EDGES } from "./fit";
import { binCounts } from "./metrics";
import { kFolds } from "./split";

export type FitStage = "levels" | "weights" | "full";
export const FIT_STAGES: readonly FitStage[] = ["levels", "weights", "full"];

/** Defaults a history needs for each stage. */
export const STAGE_MIN_DEFAULTS: Record<FitStage, number> = { levels: 0, weights: 25, full: 100 };

/** A blank in a given column gets its own points in a full refit when at least this share of rows (and 10) is blank … */
export const NOT_REPORTED_MIN_SHARE = 0.01;
/** … and at least this many of them defaulted. */
export const NOT_REPORTED_MIN_DEFAULTS = 5;

/** L2 penalty per row of the weight refit (shrinks towards the shipped weights of 1). */
export const REFIT_RIDGE = 0.01;

/**
 * L2 penalty per row of the full refit (shrinks the WoE coefficients towards 0).
 * Chosen by cross-validation inside the fitted half of the evaluation
 * histories (docs/methodology.md §10): 3 inner folds over 0.0003–0.03 picked
 * 0.0003 or 0.001 in every outer fold; 0.01 shrank the weights of correlated
 * ratios so far that the cross-validated AUC fell by about 0.01.
 */
export const FULL_REFIT_RIDGE = 0.001;

/** Weight (in rows) of the model's own PD when band PDs are estimated from the history. */
export const HISTORY_BAND_PRIOR_ROWS = 50;

export interface HistoryFitOptions {
  stage: FitStage;
  /** Expected 12-month default rate of the portfolio (stage "levels"; needed when the history has no defaults). */
  expectedDefaultRate?: number;
  /** Years within which the history's label counts a default (default 1). */
  labelHorizonYears?: number;
  folds?: number;
  seed?: number;
  version?: string;
  dataName?: string;
}

/** Discrimination and calibration of a set of scores on labelled rows. */
export interface FitFigures {
  auc: number;
  ks: number;
  /** Brier score of the 12-month PD (converted to the label's horizon) against the label. */
  brier: number;
  /** Share of defaulters, and of healthy rows, in bands D–E. */
  capture: number;
  falseAlarm: number;
}

export interface HistoryFit {
  stage: FitStage;
  rows: number;
  defaults: number;
  /** k-fold cross-validated figures of the fit, and the shipped (base) model's on the same rows. */
  cv: { fitted: FitFigures; shipped: FitFigures; folds: number; seed: number; measurable: boolean };
  /** True when the fit did at least as well as the shipped model (AUC for stages 2–3, Brier for stage 1), or could not be measured (stage 1 without defaults). */
  better: boolean;
  /** The model fitted on all rows. */
  model: ScorecardModel;
  /** Stage 2: each factor's weight (1 = shipped). Stage 3: each factor's coefficient on its WoE. */
  weights: Partial<Record<FactorKey, number>>;
  /** The fitted model's bands on the history: cut-off, rows, defaults, band PD. */
  bands: { band: Band; minScore: number; n: number; defaults: number; pd: number }[];
}

/** The refusal of a stage the history has too few defaults for, in the user's language. */
export function stageRefusal(stage: FitStage, defaults: number, lang: Lang): EngineError {
  const need = STAGE_MIN_DEFAULTS[stage];
  return valueError(message("historyFit.tooFewDefaults", { weights: stage === "weights", need, defaults }), lang);
}

/** The highest stage a number of defaults allows. */
export function stageFor(defaults: number): FitStage {
  return defaults >= STAGE_MIN_DEFAULTS.full ? "full" : defaults >= STAGE_MIN_DEFAULTS.weights ? "weights" : "levels";
}

// ---------------------------------------------------------------- per-row inputs

/** Per row: the model's derived factor vector pieces the fits need. */
interface Prepared {
  n: number;
  /** Derived factor values by model slot (NaN = missing). */
  values: Float64Array[];
  /** Effective points − neutral points by model slot (what each factor adds to the score). */
  dev: Float64Array[];
  /** Model score per row. */
  score: Float64Array;
  /** Slots of the factors the history gives (a column, with some value). */
  present: number[];
  /** The history with its ratios derived from statement items. */
  derived: Sample;
}

function prepare(model: ScorecardModel, s: Sample): Prepared {
  const c = compileModel(model);
  const d = withDerivedRatios(s);
  const cols = Object.entries(d.columns).map(([k, a]) => ({ i: factorIndex(k), a: a as Float64Array }));
  const given = givenColumns(Object.keys(s.columns));
  const nf = model.factors.length;
  const values = Array.from({ length: nf }, () => new Float64Array(s.n));
  const dev = Array.from({ length: nf }, () => new Float64Array(s.n));
  const score = new Float64Array(s.n);
  const v = new Float64Array(FACTOR_COUNT);
  const seen = new Uint8Array(nf);
  for (let r = 0; r < s.n; r++) {
    v.fill(NaN);
    for (const { i, a } of cols) v[i] = a[r];
    deriveInPlace(v);
    markNotReported(c, v, given);
    const contrib = contributionsOf(c, v);
    let total = c.offset + model.factors.reduce((t, f) => t + f.neutral, 0);
    for (let k = 0; k < nf; k++) {
      values[k][r] = v[c.index[k]];
      dev[k][r] = contrib[k].points - model.factors[k].neutral;
      total += dev[k][r];
      if (contrib[k].observed) seen[k] = 1;
    }
    score[r] = total < 0 ? 0 : total > 100 ? 100 : total;
  }
  const present: number[] = [];
  for (let k = 0; k < nf; k++) if (seen[k]) present.push(k);
  return { n: s.n, values, dev, score, present, derived: d };
}

const logit = (p: number): number => Math.log(p / (1 - p));
const lnOddsGood = (p: number): number => Math.log((1 - p) / p);

/** 12-month PD of a score under a PD mapping (intercept `L0` of ln odds good, F points per unit). */
const pdAt = (score: number, L0: number, F: number): number => 1 / (1 + Math.exp(L0 + score / F));

/** Band cut-offs at the model's band PD thresholds under a PD mapping: descending, within (0, 100], E at 0. */
function cutoffsFor(thresholds: readonly number[], L0: number, F: number): number[] {
  return descending(thresholds.map((p) => Math.round((lnOddsGood(p) - L0) * F * 10) / 10));
}

/**
 * Band cut-offs set on the portfolio: the scores of its healthy rows cut at
 * the shares of the bands in the base model's calibration sample
 * (`calibration.healthyBandShares` of a fitted model, else
 * `calibration.bandShares`: the shipped model's training rows, 96 % healthy),
 * so each band keeps its place among the healthy customers (D–E the riskiest
 * ~15 % of them) and the defaults fall where the scores put them: a riskier
 * portfolio has more customers in D–E. All rows when the history has no
 * healthy row labelled (or no labels); without those shares, the scores of
 * the base model's PD thresholds under the new level.
 */
function portfolioCutoffs(
  base: ScorecardModel,
  scores: ArrayLike<number>,
  label: ArrayLike<number> | null,
  L0: number,
  F: number,
): number[] {
  const cal = base.calibration as { bandShares?: unknown; healthyBandShares?: unknown } | undefined;
  const shares = cal?.healthyBandShares ?? cal?.bandShares;
  if (!Array.isArray(shares) || shares.length !== 5 || !shares.every((x) => typeof x === "number" && x >= 0) || scores.length === 0)
    return cutoffsFor(thresholdsOf(base), L0, F);
  const healthy = label ? Array.from(scores).filter((_, i) => label[i] !== 1) : [];
  const sorted = Array.from(healthy.length > 0 ? healthy : scores, (x) => displayScore(x)).sort((a, b) => b - a);
  const raw: number[] = [];
  let cum = 0;
  for (let b = 0; b < 4; b++) {
    cum += shares[b] as number;
    const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil(cum * sorted.length) - 1));
    raw.push(sorted[at]);
  }
  return descending(raw);
}

/** Cut-offs made strictly descending by at least 0.1, within (0, 100], with E at 0. */
function descending(raw: readonly number[]): number[] {
  const out: number[] = [];
  let prev = 100.1;
  raw.forEach((x, i) => {
    const c = Math.min(prev - 0.1, Math.max(0.1 * (raw.length - i), x));
    out.push(Math.round(c * 10) / 10);
    prev = out[out.length - 1];
  });
  return [...out, 0];
}

/** The 12-month PD thresholds a model's cut-offs stand for (from its own scale). */
function thresholdsOf(model: ScorecardModel): number[] {
  return model.bands.slice(0, 4).map((b) => pdOf(b.minScore, model));
}

/** Band PDs from labelled rows: observed 12-month rates credibility-weighted with the model PD, made monotone. */
function bandPdsFrom(
  score: ArrayLike<number>,
  label: ArrayLike<number>,
  cutoffs: readonly number[],
  pdOfScore: (s: number) => number,
  h: number,
): { n: number; defaults: number; pd: number }[] {
  const bands = BANDS.map(() => ({ n: 0, defaults: 0, pdSum: 0 }));
  for (let i = 0; i < score.length; i++) {
    const s = displayScore(score[i]);
    let b = 0;
    while (b < 4 && s < cutoffs[b]) b++;
    bands[b].n++;
    bands[b].defaults += label[i];
    bands[b].pdSum += pdOfScore(s);
  }
  const rates = bands.map((b, k) => {
    const prior = b.n > 0 ? b.pdSum / b.n : pdOfScore(k === 0 ? Math.min(100, cutoffs[0] + 5) : (cutoffs[k - 1] + cutoffs[k]) / 2);
    const observed12 = b.n > 0 ? annualPd(b.defaults / b.n, h) : prior;
    return (b.n * observed12 + HISTORY_BAND_PRIOR_ROWS * prior) / (b.n + HISTORY_BAND_PRIOR_ROWS);
  });
  const pds = poolAdjacent(
    rates,
    bands.map((b) => b.n + HISTORY_BAND_PRIOR_ROWS),
  ).map((p) => Number(Math.min(0.999, Math.max(1e-6, p)).toPrecision(3)));
  return bands.map((b, k) => ({ n: b.n, defaults: b.defaults, pd: pds[k] }));
}

// ---------------------------------------------------------------- the three stages

/** A fitted scorer: its score per row (any rows of the prepared history) and the PD mapping. */
interface Fitted {
  model: ScorecardModel;
  weights: Partial<Record<FactorKey, number>>;
}

function stageLevels(
  base: ScorecardModel,
  p: Prepared,
  rows: readonly number[],
  label: ArrayLike<number>,
  rate: number | null,
  h: number,
): Fitted {
  const F = base.pd.pointsPerLogOdds;
  const L0 = base.pd.logOddsAtZero;
  const z = Float64Array.from(rows, (i) => -(L0 + p.score[i] / F)); // ln odds of default (12 months)
  const defaults = rows.reduce((t, i) => t + label[i], 0);
  const target = rate ?? annualPd(defaults / rows.length, h);
  const shift = offsetFor(z, target * rows.length, 0); // added to ln odds of default
  const L0new = L0 - shift;
  const cut = portfolioCutoffs(
    base,
    Float64Array.from(rows, (i) => p.score[i]),
    Float64Array.from(rows, (i) => label[i]),
    L0new,
    F,
  );
  const bands = bandPdsFrom(
    Float64Array.from(rows, (i) => p.score[i]),
    Float64Array.from(rows, (i) => label[i]),
    cut,
    (sc) => pdAt(sc, L0new, F),
    h,
  );
  const model: ScorecardModel = {
    ...base,
    pd: { ...base.pd, logOddsAtZero: Number(L0new.toPrecision(8)) },
    bands: BANDS.map((band, k): BandSpec => ({ band, minScore: cut[k], pd: bands[k].pd })),
  };
  return { model, weights: {} };
}

/** Rebuilds a model from new survival shifts per slot (relative to neutral = 0), a new intercept and band PDs. */
function rebuild(
  base: ScorecardModel,
  shifts: (number[] | null)[],
  edges: (number[] | null)[],
  intercept12: number,
  dropPool: boolean,
  note: string,
): ScorecardModel {
  const F = base.pd.pointsPerLogOdds;
  const r2 = (x: number): number => Math.round(x * 100) / 100;
  const factors: FactorSpec[] = base.factors.map((f, k) => {
    const sh = shifts[k];
    if (!sh) return f;
    const lo = Math.min(...sh, 0);
    return {
      ...f,
      edges: edges[k] ?? f.edges,
      points: sh.map((x) => r2(F * (x - lo))),
      neutral: r2(F * (0 - lo)),
      note: `${note}${f.note ? ` (shipped: ${f.note})` : ""}`,
    };
  });
  // Score of the all-neutral customer: the scale's score of the intercept.
  const neutralScore = r2(Math.min(100, Math.max(0, (intercept12 - base.pd.logOddsAtZero) * F)));
  const model: ScorecardModel = { ...base, factors, neutralScore };
  if (dropPool) delete model.pool;
  return model;
}

/** Points around neutral as survival shifts (log-odds) per bin of slot k. */
function shiftsOf(base: ScorecardModel, k: number): number[] {
  const f = base.factors[k];
  return f.points.map((pt) => (pt - f.neutral) / base.pd.pointsPerLogOdds);
}

function stageWeights(
  base: ScorecardModel,
  p: Prepared,
  hist: Sample,
  rows: readonly number[],
  label: ArrayLike<number>,
  h: number,
): Fitted {
  const F = base.pd.pointsPerLogOdds;
  const y = Float64Array.from(rows, (i) => label[i]);
  let refit = [...p.present];
  const k = horizonSlope(h);
  let weights = new Map<number, number>();
  for (;;) {
    // ln odds of default = a − Σ (1 + d_j) x_j: offset −Σ x_j (all factors), features −x_j of those refitted.
    const offset = Float64Array.from(rows, (i) => -p.dev.reduce((t, dv) => t + dv[i], 0) / F / k);
    const X = refit.map((s) => Float64Array.from(rows, (i) => -p.dev[s][i] / F / k));
    const beta = fitLogistic(X, y, REFIT_RIDGE, 50, 1e-10, offset);
    weights = new Map(refit.map((s, j) => [s, 1 + beta[j + 1]]));
    const bad = refit.find((s) => (weights.get(s) as number) < 0);
    if (bad === undefined) break;
    refit = refit.filter((s) => s !== bad); // a negative weight would turn the factor against its direction: held at 0
    weights.set(bad, 0);
    if (refit.length === 0) break;
  }
  for (const s of p.present) if (!weights.has(s)) weights.set(s, 0);
  const shifts = base.factors.map((_, s) => (weights.has(s) ? shiftsOf(base, s).map((x) => x * (weights.get(s) as number)) : null));
  // Level: the rows' mean 12-month PD at their default rate per year.
  const z = Float64Array.from(rows, (i) => -p.dev.reduce((t, dv, s) => t + dv[i] * (weights.get(s) ?? 1), 0) / F);
  const target = annualPd(y.reduce((a, b) => a + b, 0) / rows.length, h);
  const c1 = offsetFor(z, target * rows.length, logit(target));
  const model = rebuild(
    base,
    shifts,
    base.factors.map(() => null),
    -c1,
    false,
    "Weight refitted on the user's history.",
  );
  const w: Partial<Record<FactorKey, number>> = {};
  for (const [s, x] of weights) w[base.factors[s].key] = Math.round(x * 1e4) / 1e4;
  return { model: withBands(model, hist, rows, label, h, base), weights: w };
}

/** What a full refit may use: the base model's factors and the canonical ratios the history gives. */
interface Candidate {
  key: FactorKey;
  direction: "increasing" | "decreasing";
  /** Slot in the base model, or −1 for a ratio the base model does not score. */
  slot: number;
  neutralValues?: number[];
}

function stageFull(base: ScorecardModel, p: Prepared, hist: Sample, rows: readonly number[], label: ArrayLike<number>, h: number): Fitted {
  const y = Float64Array.from(rows, (i) => label[i]);
  const d = p.derived;
  const cands: Candidate[] = [];
  base.factors.forEach((f, slot) => {
    if (f.key !== "interest_not_reported" && d.columns[f.key])
      cands.push({ key: f.key, direction: f.direction, slot, neutralValues: f.neutralValues });
  });
  for (const r of CANONICAL_RATIOS)
    if (!cands.some((c) => c.key === r.key) && !base.factors.some((f) => f.key === r.key) && d.columns[r.key])
      cands.push({ key: r.key, direction: r.direction, slot: -1, neutralValues: r.neutralValues });
  // Each candidate's column and blank indicator on these rows are built once (never written to): the refit loop
  // below asks for them again at every pass.
  const cols = new Map<Candidate, Float64Array>(),
    blanks = new Map<Candidate, Float64Array>();
  const col = (c: Candidate, rs: readonly number[]): Float64Array => {
    const known = rs === rows ? cols.get(c) : undefined;
    if (known) return known;
    const out = Float64Array.from(rs, (i) => {
      const x = (d.columns[c.key] as Float64Array)[i];
      return c.neutralValues?.includes(x) ? NaN : x;
    });
    if (rs === rows) cols.set(c, out);
    return out;
  };
  // A blank in a column the history gives: its own bin where the data supports it.
  const blank = (c: Candidate, rs: readonly number[]): Float64Array => {
    const known = rs === rows ? blanks.get(c) : undefined;
    if (known) return known;
    const raw = hist.columns[c.key] as Float64Array | undefined;
    const out = Float64Array.from(rs, (i) => (raw && raw[i] !== raw[i] ? 1 : 0));
    if (rs === rows) blanks.set(c, out);
    return out;
  };
  let use = cands.map((c) => ({ c, bin: fitBinning(col(c, rows), y, { direction: c.direction }), nr: false }));
  use.forEach((u) => {
    const b = blank(u.c, rows);
    let n = 0,
      bad = 0;
    b.forEach((v, j) => {
      n += v;
      bad += v * y[j];
    });
    u.nr = n >= Math.max(10, NOT_REPORTED_MIN_SHARE * rows.length) && bad >= NOT_REPORTED_MIN_DEFAULTS;
  });
  use = use.filter((u) => u.bin.edges.length > 0 || u.nr);
  const k = horizonSlope(h);
  const F = base.pd.pointsPerLogOdds;
  // The incomplete-statements flag keeps its bins and gets a weight on its shipped points (≥ 0, as in the weights stage):
  // its shipped shift (−4.2 log-odds) was fitted next to six pooled ratios, not next to this refit's factors and blank bins.
  const flagSlot = base.factors.findIndex((f) => f.key === "interest_not_reported");
  let flagX =
    flagSlot >= 0 && rows.some((i) => p.dev[flagSlot][i] !== 0) ? Float64Array.from(rows, (i) => -p.dev[flagSlot][i] / F / k) : null;
  // Factors the refit does not touch (factors the history lacks) stay as shipped: an offset.
  const touched = new Set(use.map((u) => u.c.slot).filter((x) => x >= 0));
  if (flagX) touched.add(flagSlot);
  const offset = Float64Array.from(rows, (i) => {
    let t = 0;
    for (let sl = 0; sl < base.factors.length; sl++) if (!touched.has(sl)) t -= p.dev[sl][i] / F / k;
    return t;
  });
  let beta: number[] = [];
  for (;;) {
    const X = [...use.map((u) => applyBinning(u.bin, col(u.c, rows))), ...use.filter((u) => u.nr).map((u) => blank(u.c, rows))];
    if (flagX) X.push(flagX);
    beta = fitLogistic(X, y, FULL_REFIT_RIDGE, 50, 1e-10, offset);
    const wrong = use.findIndex((u, j) => u.bin.edges.length > 0 && beta[j + 1] >= 0); // WoE > 0 is safer: slopes must be negative
    if (wrong >= 0) {
      if (use[wrong].nr) use[wrong] = { ...use[wrong], bin: { ...use[wrong].bin, edges: [], woe: [0] } };
      else use = use.filter((_, j) => j !== wrong);
    } else if (flagX && beta[X.length] < 0)
      flagX = null; // a flag that made a row safer would turn against its direction: held at 0
    else break;
    if (use.length === 0 && !flagX) break;
  }
  const flagWeight = flagX ? beta[beta.length - 1] : 0;
  const nrIndex = new Map(use.filter((u) => u.nr).map((u, j) => [u.c.key, use.length + j + 1]));
  const r2 = (x: number): number => Math.round(x * 100) / 100;
  const spec = (u: (typeof use)[number], j: number, f?: FactorSpec): FactorSpec => {
    const shifts = u.bin.woe.map((w) => -k * beta[j + 1] * w); // 12-month survival log-odds per bin
    const nrShift = u.nr ? -k * beta[nrIndex.get(u.c.key) as number] : null;
    const lo = Math.min(...shifts, 0, nrShift ?? 0);
    const def = factorDef(u.c.key);
    return {
      key: u.c.key,
      group: f?.group ?? (def.group === "statement" ? "financial" : def.group),
      source: "calibrated",
      direction: u.c.direction,
      edges: u.bin.edges.map((e) => Number(e.toPrecision(6))),
      points: shifts.map((x) => r2(F * (x - lo))),
      neutral: r2(F * (0 - lo)),
      ...(u.c.neutralValues ? { neutralValues: u.c.neutralValues } : {}),
      ...(nrShift !== null ? { notReportedPoints: r2(F * (nrShift - lo)) } : {}),
      note: `Bins and weight refitted on the user's history${nrShift !== null ? "; a blank in the given column has its own points" : ""}.`,
    };
  };
  const factors: FactorSpec[] = base.factors.map((f, slot) => {
    if (slot === flagSlot && touched.has(slot))
      return {
        ...f,
        points: f.points.map((x) => r2(x * flagWeight)),
        neutral: r2(f.neutral * flagWeight),
        note: `Weight ${flagWeight.toFixed(2)} of the shipped points, refitted on the user's history${f.note ? ` (shipped: ${f.note})` : ""}`,
      };
    const j = use.findIndex((u) => u.c.slot === slot);
    if (j >= 0) return spec(use[j], j, f);
    // A factor the history gives but the refit dropped: no points either way.
    return cands.some((c) => c.slot === slot)
      ? {
          ...f,
          points: f.points.map(() => 0),
          neutral: 0,
          note: "Dropped by the refit on the user's history (no weight with the economic sign).",
        }
      : f;
  });
  use.forEach((u, j) => {
    if (u.c.slot < 0) factors.push(spec(u, j));
  });
  const weights: Partial<Record<FactorKey, number>> = {};
  use.forEach((u, j) => (weights[u.c.key] = Math.round(-beta[j + 1] * k * 1e4) / 1e4));
  if (touched.has(flagSlot)) weights[base.factors[flagSlot].key] = Math.round(flagWeight * 1e4) / 1e4;
  // Level: the rows' mean 12-month PD at their default rate per year.
  const flagged = flagSlot >= 0 && touched.has(flagSlot) ? Float64Array.from(rows, (i) => -p.dev[flagSlot][i] / F) : null;
  const z = Float64Array.from(offset, (o, j) => o * k + (flagged ? flagWeight * flagged[j] : 0));
  use.forEach((u, m) => {
    const w = applyBinning(u.bin, col(u.c, rows));
    const b = u.nr ? blank(u.c, rows) : null;
    const nrBeta = u.nr ? beta[nrIndex.get(u.c.key) as number] : 0;
    for (let j = 0; j < rows.length; j++) z[j] += k * (beta[m + 1] * w[j] + (b ? nrBeta * b[j] : 0));
  });
  const target = annualPd(y.reduce((a, b) => a + b, 0) / rows.length, h);
  const c1 = offsetFor(z, target * rows.length, logit(target));
  const neutralScore = r2(Math.min(100, Math.max(0, (-c1 - base.pd.logOddsAtZero) * F)));
  const model: ScorecardModel = { ...base, factors, neutralScore };
  delete model.pool;
  return { model: withBands(model, hist, rows, label, h, base), weights };
}

/** Band cut-offs (on the portfolio) and band PDs of a refitted model from the history. */
function withBands(
  model: ScorecardModel,
  hist: Sample,
  rows: readonly number[],
  label: ArrayLike<number>,
  h: number,
  base: ScorecardModel,
): ScorecardModel {
  const sub = scoreRows(model, hist, rows);
  const y = Float64Array.from(rows, (i) => label[i]);
  const cut = portfolioCutoffs(base, sub, y, model.pd.logOddsAtZero, model.pd.pointsPerLogOdds);
  const bands = bandPdsFrom(sub, y, cut, (sc) => pdOf(sc, model), h);
  return { ...model, bands: BANDS.map((band, k): BandSpec => ({ band, minScore: cut[k], pd: bands[k].pd })) };
}

/** Scores rows of the history under a model, as the formulas would (derived ratios, blanks in given columns). */
function scoreRows(model: ScorecardModel, hist: Sample, rows: readonly number[]): Float64Array {
  return scoreSample(sampleRows(hist, rows), model).score;
}

// ---------------------------------------------------------------- the fit and its cross-validation

/** Counts as shares of their sum, 4 decimals. */
function shares(counts: readonly number[]): number[] {
  const n = counts.reduce((a, b) => a + b, 0);
  return counts.map((c) => (n > 0 ? Math.round((c / n) * 1e4) / 1e4 : 0));
}

function figures(score: ArrayLike<number>, label: ArrayLike<number>, model: ScorecardModel, h: number): FitFigures {
  const risk = Array.from(score, (s) => -s);
  const c = compileModel(model);
  const pd = Array.from(score, (s) => 1 - Math.pow(1 - pdOf(displayScore(s), model), h));
  const flagged = Array.from(score, (s) => bandIndex(c, displayScore(s)) >= 3);
  const cap = captureRates(flagged, label);
  return { auc: auc(risk, label), ks: ks(risk, label), brier: brier(pd, label), capture: cap.defaulters, falseAlarm: cap.healthy };
}

/**
 * Fits a stage on a labelled history and cross-validates it against the base
 * (shipped) model on the same rows. An error value when the history cannot
 * be fitted at that stage (too few defaults: the message says how many the
 * stage needs), in the user's language.
 */
export function fitHistory(base: ScorecardModel, history: Sample, opts: HistoryFitOptions, lang: Lang): Result<HistoryFit> {
  const steps = fitHistorySteps(base, history, opts, lang);
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

/** Progress of a fit run in steps: `done` of `total` steps (preparing, each fold, the final fit). */
export interface FitProgress {
  done: number;
  total: number;
}

/**
 * The same fit as `fitHistory`, in steps: the generator yields after the
 * preparation and after each cross-validation fold, so a caller (the pane)
 * can report progress, let the UI breathe between steps and stop early; its
 * return value is the fit or the error.
 */
export function* fitHistorySteps(
  base: ScorecardModel,
  history: Sample,
  opts: HistoryFitOptions,
  lang: Lang,
): Generator<FitProgress, Result<HistoryFit>, void> {
  const bad = validateModel(base);
  if (bad) return bad;
  if (history.n === 0) return valueError(message("historyFit.noRows"), lang);
  const defaults = defaultCount(history);
  if (defaults === history.n) return valueError(message("historyFit.allDefaults"), lang);
  const stage = opts.stage;
  if (defaults < STAGE_MIN_DEFAULTS[stage]) return stageRefusal(stage, defaults, lang);
  const rate = opts.expectedDefaultRate ?? null;
  if (rate !== null && !(rate > 0 && rate < 1)) return valueError(message("historyFit.badRate"), lang);
  if (stage === "levels" && defaults === 0 && rate === null) return valueError(message("historyFit.needRate"), lang);
  const h = opts.labelHorizonYears ?? 1;
  const p = prepare(base, history);
  if (p.present.length === 0) return valueError(message("historyFit.noFactor"), lang);
  const label = history.label;
  const fit = (rows: readonly number[]): Fitted =>
    stage === "levels"
      ? stageLevels(base, p, rows, label, rate, h)
      : stage === "weights"
        ? stageWeights(base, p, history, rows, label, h)
        : stageFull(base, p, history, rows, label, h);

  // k-fold cross-validation: every row scored by a fit that never saw it.
  const k = opts.folds ?? 5;
  const seed = opts.seed ?? 1;
  const all = Array.from({ length: history.n }, (_, i) => i);
  const fold = kFolds(label, k, seed);
  const oofScore = new Float64Array(history.n);
  const oofPd = new Float64Array(history.n);
  const oofFlag: boolean[] = new Array(history.n).fill(false);
  const total = k + 2;
  yield { done: 1, total };
  for (let f = 0; f < k; f++) {
    const tr = all.filter((i) => fold[i] !== f),
      te = all.filter((i) => fold[i] === f);
    if (te.length === 0 || tr.length === 0) continue;
    const m = fit(tr).model;
    const c = compileModel(m);
    const sc = scoreRows(m, history, te);
    te.forEach((i, j) => {
      oofScore[i] = sc[j];
      oofPd[i] = 1 - Math.pow(1 - pdOf(displayScore(sc[j]), m), h);
      oofFlag[i] = bandIndex(c, displayScore(sc[j])) >= 3;
    });
    yield { done: f + 2, total };
  }
  const cap = captureRates(oofFlag, label);
  const fitted: FitFigures = {
    auc: auc(
      Array.from(oofScore, (s) => -s),
      label,
    ),
    ks: ks(
      Array.from(oofScore, (s) => -s),
      label,
    ),
    brier: brier(oofPd, label),
    capture: cap.defaulters,
    falseAlarm: cap.healthy,
  };
  const shipped = figures(p.score, label, base, h);
  const measurable = defaults > 0;
  const better = !measurable || (stage === "levels" ? fitted.brier <= shipped.brier : fitted.auc >= shipped.auc);

  const final = fit(all);
  const sc = scoreRows(final.model, history, all);
  const c = compileModel(final.model);
  const bandRows = BANDS.map((band, b) => {
    const inBand = all.filter((i) => bandIndex(c, displayScore(sc[i])) === b);
    return {
      band,
      minScore: final.model.bands[b].minScore,
      n: inBand.length,
      defaults: inBand.filter((i) => label[i] === 1).length,
      pd: final.model.bands[b].pd,
    };
  });
  const model: ScorecardModel = {
    ...final.model,
    version: opts.version ?? `${base.version}+${stage}`,
    calibration: {
      basedOn: `${base.id} ${base.version}`,
      data: opts.dataName ?? "user history",
      fit: {
        stage,
        rows: history.n,
        defaults,
        labelHorizonYears: h,
        expectedDefaultRate: rate,
        folds: k,
        seed,
        cv: { fitted, shipped },
        better,
        weights: final.weights,
      },
      // The history's scores under the fitted model: the reference of the population stability index (monitor.ts).
      scoreDistribution: { edges: SCORE_DISTRIBUTION_EDGES, shares: shares(binCounts(sc, SCORE_DISTRIBUTION_EDGES)), rows: "history rows" },
      bandShares: shares(bandRows.map((b) => b.n)),
      // The same among the healthy rows: what a fit on this model as its base cuts the bands at (portfolioCutoffs).
      healthyBandShares: shares(bandRows.map((b) => b.n - b.defaults)),
    },
  };
  const check = validateModel(model);
  if (check) return valueError(message("historyFit.invalid", { cause: check.msg ?? check.message }), lang);
  return {
    stage,
    rows: history.n,
    defaults,
    cv: { fitted, shipped, folds: k, seed, measurable },
    better,
    model,
    weights: final.weights,
    bands: bandRows,
  };
}
