/**
 * The scorecard model: its JSON shape, validation and compilation for fast scoring.
 *
 * Each scored factor maps its value through monotone bins to points:
 * `edges` are ascending cut points and bin k covers [edges[k-1], edges[k]),
 * so a value below edges[0] falls in bin 0 and a value ≥ the last edge in the
 * last bin. Points never fall below 0. A missing factor scores its `neutral`
 * points (the points of an average firm). Format 2 models (with
 * `neutralScore`) score neutralScore + Σ (points − neutral), kept within
 * 0–100, so factors that were not given neither add nor dilute; format 1
 * models score the plain sum, their maxima adding up to 100. Either way the
 * score is linear in the log-odds of survival over the calibration horizon:
 * ln(odds good) = pd.logOddsAtZero + score / pd.pointsPerLogOdds.
 */
import { EngineError, valueError } from "../errors";
import { message } from "../messages";
import { FACTOR_COUNT, FactorKey, ScoreGroup, factorIndex, isFactorKey } from "./factors";
import modelJson from "./scorecard-model.v2.json";

export type Band = "A" | "B" | "C" | "D" | "E";
export const BANDS: readonly Band[] = ["A", "B", "C", "D", "E"];

export interface FactorSpec {
  key: FactorKey;
  group: ScoreGroup;
  /** "calibrated" = fitted on data; "expert" = documented expert points. */
  source: "calibrated" | "expert";
  /** "increasing": points never fall as the value grows; "decreasing": never rise. */
  direction: "increasing" | "decreasing";
  /** Ascending bin cut points. */
  edges: number[];
  /** Points per bin, length edges.length + 1, monotone in `direction`. */
  points: number[];
  /** Points when the factor is missing. */
  neutral: number;
  /**
   * Values that mean "none" rather than a measurement: they score the neutral
   * points and do not count as observed (interest coverage 0 = no interest expense).
   */
  neutralValues?: number[];
  /**
   * Points when the table has a column for the factor but the row leaves it
   * blank ("not reported"), where the data supports giving that its own
   * points (models fitted to a user's history). Absent: a blank scores neutral.
   */
  notReportedPoints?: number;
  /** Why these bins (documentation only). */
  note?: string;
}

/**
 * The incomplete-statements factor (`interest_not_reported`) and its policy
 * switch: when enabled, a blank interest cell in a column the user gave, with
 * a debt ratio of at least `debtRatioMin`, sets the factor to 1 (see
 * not-reported.ts); a reported interest figure (0 included) sets it to 0; a
 * table without any interest column leaves it missing (neutral).
 */
export interface IncompleteStatementsSpec {
  enabled: boolean;
  debtRatioMin: number;
}

/** A pool of correlated factors and their average correlation ρ (0 ≤ ρ < 1). */
export interface PoolSpec {
  factors: FactorKey[];
  correlation: number;
}

/** The weight of a pool's points when m of its n factors are given (Spearman–Brown): 1 when all are given. */
export function poolWeight(n: number, m: number, rho: number): number {
  return m > 0 ? (1 + (n - 1) * rho) / (1 + (m - 1) * rho) : 0;
}

export interface BandSpec {
  band: Band;
  /** Lowest score of the band (inclusive). E must start at 0. */
  minScore: number;
  /** 12-month probability of default of the band. */
  pd: number;
}

export interface ScorecardModel {
  id: string;
  version: string;
  description: string;
  /** Maps the score to a PD: ln(odds good over horizon) = logOddsAtZero + score / pointsPerLogOdds. */
  pd: { logOddsAtZero: number; pointsPerLogOdds: number; horizonYears: number };
  /** Bands A (best) … E (worst), in that order. */
  bands: BandSpec[];
  factors: FactorSpec[];
  /**
   * Score of a customer of whom nothing is known (every factor at its neutral
   * points). When given (format 2), score = neutralScore + Σ (points − neutral
   * points), kept within 0–100: factors not given add nothing, so the given ones
   * use the whole scale. When absent (format 1), the score is the plain sum of
   * points and the maximum points of all factors add up to 100.
   */
  neutralScore?: number;
  /** The incomplete-statements factor's switch and threshold (format 2). */
  incompleteStatements?: IncompleteStatementsSpec;
  /**
   * Correlated factors scored as a pool (format 2): when only m of the pool's N
   * factors are given, their points around neutral count
   * (1 + (N − 1) ρ) / (1 + (m − 1) ρ) times (Spearman–Brown), so the factors
   * given speak for the ones not given and are not diluted by them.
   */
  pool?: PoolSpec;
  /** Provenance of the calibration (documentation only). */
  calibration?: Record<string, unknown>;
}

/**
 * The incomplete-statements policy switch: a copy of the model with the
 * factor switched on or off (the model itself is left as it is). A model
 * without the factor is returned unchanged.
 */
export function withIncompleteStatements(model: ScorecardModel, enabled: boolean): ScorecardModel {
  if (!model.incompleteStatements || model.incompleteStatements.enabled === enabled) return model;
  return { ...model, incompleteStatements: { ...model.incompleteStatements, enabled } };
}

/** The score of a customer of whom nothing is known: `neutralScore`, else (format 1) the sum of neutral points. */
export function neutralScoreOf(model: ScorecardModel): number {
  return model.neutralScore ?? model.factors.reduce((s, f) => s + f.neutral, 0);
}

/** The bundled, calibrated model (src/engine/scoring/scorecard-model.v2.json, built by `npm run calibrate`). */
export const DEFAULT_MODEL: ScorecardModel = modelJson as unknown as ScorecardModel;

const isNum = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);
const GROUPS: readonly string[] = ["financial", "payment", "profile", "risk"];

/**
 * Checks a model and returns an error naming the first bad field, or null when
 * it is usable. Checks: id/version, pd scale, bands A–E with descending
 * minScore (E at 0) and PDs in (0,1) rising from A to E, and per factor: known
 * key (once), group, ascending edges, points ≥ 0 matching edges and monotone in
 * `direction`, neutral within the points range; the maximum points add up to 100.
 * @example validateModel({ ...DEFAULT_MODEL, bands: [] }) // → #VALUE! "model.bands: …"
 */
export function validateModel(model: unknown): EngineError | null {
  if (typeof model !== "object" || model === null) return valueError(message("modelCheck.notObject"));
  const m = model as Partial<ScorecardModel>;
  if (typeof m.id !== "string" || m.id === "") return valueError(message("modelCheck.text", { at: "model.id" }));
  if (typeof m.version !== "string" || m.version === "") return valueError(message("modelCheck.text", { at: "model.version" }));
  const pd = m.pd;
  if (typeof pd !== "object" || pd === null) return valueError(message("modelCheck.pd", { at: "model.pd" }));
  if (!isNum(pd.logOddsAtZero)) return valueError(message("modelCheck.number", { at: "model.pd.logOddsAtZero" }));
  if (!isNum(pd.pointsPerLogOdds) || pd.pointsPerLogOdds <= 0)
    return valueError(message("modelCheck.positive", { at: "model.pd.pointsPerLogOdds" }));
  if (!isNum(pd.horizonYears) || pd.horizonYears <= 0) return valueError(message("modelCheck.positive", { at: "model.pd.horizonYears" }));
  if (!Array.isArray(m.bands) || m.bands.length !== BANDS.length)
    return valueError(message("modelCheck.bandCount", { at: "model.bands", count: BANDS.length }));
  for (let i = 0; i < BANDS.length; i++) {
    const b = m.bands[i] as Partial<BandSpec>;
    const at = `model.bands[${i}]`;
    if (typeof b !== "object" || b === null) return valueError(message("modelCheck.band", { at }));
    if (b.band !== BANDS[i]) return valueError(message("modelCheck.bandName", { at: `${at}.band`, band: BANDS[i] }));
    if (!isNum(b.minScore) || b.minScore < 0 || b.minScore > 100)
      return valueError(message("modelCheck.score100", { at: `${at}.minScore` }));
    if (i > 0 && b.minScore >= (m.bands[i - 1] as BandSpec).minScore)
      return valueError(message("modelCheck.minScoreOrder", { at: `${at}.minScore`, band: BANDS[i - 1] }));
    if (i === BANDS.length - 1 && b.minScore !== 0) return valueError(message("modelCheck.lastBand", { at: `${at}.minScore` }));
    if (!isNum(b.pd) || b.pd <= 0 || b.pd >= 1) return valueError(message("modelCheck.probability", { at: `${at}.pd` }));
    if (i > 0 && b.pd < (m.bands[i - 1] as BandSpec).pd)
      return valueError(message("modelCheck.pdOrder", { at: `${at}.pd`, band: BANDS[i - 1] }));
  }
  if (!Array.isArray(m.factors) || m.factors.length === 0) return valueError(message("modelCheck.factors", { at: "model.factors" }));
  const seen = new Set<string>();
  let maxTotal = 0;
  for (let i = 0; i < m.factors.length; i++) {
    const f = m.factors[i] as Partial<FactorSpec>;
    const at = `model.factors[${i}]`;
    if (typeof f !== "object" || f === null) return valueError(message("modelCheck.factor", { at }));
    if (!isFactorKey(f.key)) return valueError(message("modelCheck.factorKey", { at: `${at}.key`, key: String(f.key) }));
    const atk = `${at} (${f.key})`;
    if (seen.has(f.key)) return valueError(message("modelCheck.twice", { at: `${atk}.key` }));
    seen.add(f.key);
    if (typeof f.group !== "string" || !GROUPS.includes(f.group))
      return valueError(message("modelCheck.group", { at: `${atk}.group`, groups: GROUPS }));
    if (f.source !== "calibrated" && f.source !== "expert") return valueError(message("modelCheck.source", { at: `${atk}.source` }));
    if (f.direction !== "increasing" && f.direction !== "decreasing")
      return valueError(message("modelCheck.direction", { at: `${atk}.direction` }));
    if (!Array.isArray(f.edges) || !f.edges.every(isNum)) return valueError(message("modelCheck.numbers", { at: `${atk}.edges` }));
    for (let k = 1; k < f.edges.length; k++) {
      if (!(f.edges[k] > f.edges[k - 1])) return valueError(message("modelCheck.ascending", { at: `${atk}.edges`, edge: k }));
    }
    if (!Array.isArray(f.points) || f.points.length !== f.edges.length + 1)
      return valueError(message("modelCheck.pointCount", { at: `${atk}.points`, count: (f.edges.length ?? 0) + 1 }));
    if (!f.points.every((p) => isNum(p) && p >= 0)) return valueError(message("modelCheck.pointsPositive", { at: `${atk}.points` }));
    for (let k = 1; k < f.points.length; k++) {
      const ok = f.direction === "increasing" ? f.points[k] >= f.points[k - 1] : f.points[k] <= f.points[k - 1];
      if (!ok) return valueError(message("modelCheck.monotone", { at: `${atk}.points`, increasing: f.direction === "increasing", bin: k }));
    }
    const lo = Math.min(...f.points),
      hi = Math.max(...f.points);
    if (!isNum(f.neutral) || f.neutral < lo || f.neutral > hi)
      return valueError(message("modelCheck.between", { at: `${atk}.neutral`, min: lo, max: hi }));
    if (f.neutralValues !== undefined && (!Array.isArray(f.neutralValues) || !f.neutralValues.every(isNum)))
      return valueError(message("modelCheck.numbers", { at: `${atk}.neutralValues` }));
    if (f.notReportedPoints !== undefined && (!isNum(f.notReportedPoints) || f.notReportedPoints < 0))
      return valueError(message("modelCheck.nonNegative", { at: `${atk}.notReportedPoints` }));
    maxTotal += Math.max(hi, f.notReportedPoints ?? 0);
  }
  if (m.neutralScore === undefined) {
    if (Math.abs(maxTotal - 100) > 0.01)
      return valueError(message("modelCheck.total", { at: "model.factors", total: Math.round(maxTotal * 100) / 100 }));
  } else {
    if (!isNum(m.neutralScore) || m.neutralScore < 0 || m.neutralScore > 100)
      return valueError(message("modelCheck.score100", { at: "model.neutralScore" }));
    if (!(maxTotal > 0)) return valueError(message("modelCheck.noPoints", { at: "model.factors" }));
  }
  const inc = m.incompleteStatements;
  if (inc !== undefined) {
    if (typeof inc !== "object" || inc === null || typeof inc.enabled !== "boolean")
      return valueError(message("modelCheck.incomplete", { at: "model.incompleteStatements" }));
    if (!isNum(inc.debtRatioMin) || inc.debtRatioMin < 0)
      return valueError(message("modelCheck.debtRatioMin", { at: "model.incompleteStatements.debtRatioMin" }));
    if (inc.enabled && !seen.has("interest_not_reported"))
      return valueError(message("modelCheck.incompleteFactor", { at: "model.incompleteStatements" }));
  }
  const pool = m.pool;
  if (pool !== undefined) {
    if (typeof pool !== "object" || pool === null || !Array.isArray(pool.factors) || pool.factors.length === 0)
      return valueError(message("modelCheck.pool", { at: "model.pool" }));
    const inPool = new Set<string>();
    for (const k of pool.factors) {
      if (typeof k !== "string" || !seen.has(k) || inPool.has(k))
        return valueError(message("modelCheck.poolFactor", { at: "model.pool.factors", key: String(k) }));
      inPool.add(k);
    }
    if (!isNum(pool.correlation) || pool.correlation < 0 || pool.correlation >= 1)
      return valueError(message("modelCheck.correlation", { at: "model.pool.correlation" }));
  }
  return null;
}

/** A model prepared for fast scoring: flat typed arrays indexed like `FACTORS`. */
export interface CompiledModel {
  readonly model: ScorecardModel;
  /** Factor index (into FACTORS / factor vectors) of each scored factor. */
  readonly index: Int32Array;
  readonly edges: Float64Array[];
  readonly points: Float64Array[];
  readonly neutral: Float64Array;
  readonly max: Float64Array;
  /** Per slot, the weight the factor adds to coverage when observed: its max points, 0 for the incomplete-statements flag. */
  readonly coverageWeight: Float64Array;
  /** Sum of the coverage weights (for format 1 models, the sum of max points: 100). */
  readonly maxTotal: number;
  /** Band lower bounds, A..E. */
  readonly bandMin: Float64Array;
  /** Position in `index` of each factor index, or -1 when the factor is not scored. */
  readonly slotOf: Int32Array;
  /** Per slot, the values scored as neutral and not observed (null when none). */
  readonly neutralValues: (Float64Array | null)[];
  /** Added to the sum of points: neutralScore − Σ neutral points (0 for format 1). */
  readonly offset: number;
  /** Incomplete-statements switch: the debt-ratio threshold when enabled, NaN when off. */
  readonly notReportedDebtMin: number;
  /** Per slot, the points of a blank in a given column (NaN: a blank scores neutral). */
  readonly notReportedPoints: Float64Array;
  /** Per slot, 1 when the factor belongs to the model's pool. */
  readonly inPool: Uint8Array;
  /** Pool size and correlation (size 0 without a pool). */
  readonly poolSize: number;
  readonly poolRho: number;
}

const compiledCache = new WeakMap<ScorecardModel, CompiledModel>();

/** Compiles (and caches per model object) a model for scoring. The model must be valid. */
export function compileModel(model: ScorecardModel): CompiledModel {
  const hit = compiledCache.get(model);
  if (hit) return hit;
  const n = model.factors.length;
  const slotOf = new Int32Array(FACTOR_COUNT).fill(-1);
  const index = new Int32Array(n);
  const max = new Float64Array(n);
  const neutral = new Float64Array(n);
  const coverageWeight = new Float64Array(n);
  let maxTotal = 0;
  model.factors.forEach((f, s) => {
    index[s] = factorIndex(f.key);
    slotOf[index[s]] = s;
    max[s] = Math.max(...f.points, f.notReportedPoints ?? 0);
    neutral[s] = f.neutral;
    // Coverage measures how much of the risk evidence was given; whether interest was reported is a data-quality flag.
    coverageWeight[s] = f.key === "interest_not_reported" ? 0 : max[s];
    maxTotal += coverageWeight[s];
  });
  const compiled: CompiledModel = {
    model,
    index,
    edges: model.factors.map((f) => Float64Array.from(f.edges)),
    points: model.factors.map((f) => Float64Array.from(f.points)),
    neutral,
    max,
    coverageWeight,
    maxTotal,
    bandMin: Float64Array.from(model.bands.map((b) => b.minScore)),
    slotOf,
    neutralValues: model.factors.map((f) => (f.neutralValues && f.neutralValues.length ? Float64Array.from(f.neutralValues) : null)),
    offset: model.neutralScore === undefined ? 0 : model.neutralScore - model.factors.reduce((t, f) => t + f.neutral, 0),
    notReportedDebtMin: model.incompleteStatements?.enabled ? model.incompleteStatements.debtRatioMin : NaN,
    notReportedPoints: Float64Array.from(model.factors, (f) => f.notReportedPoints ?? NaN),
    inPool: Uint8Array.from(model.factors, (f) => (model.pool?.factors.includes(f.key) ? 1 : 0)),
    poolSize: model.pool?.factors.length ?? 0,
    poolRho: model.pool?.correlation ?? 0,
  };
  compiledCache.set(model, compiled);
  return compiled;
}
