/**
 * English messages of model and policy checks (src/engine/scoring/model.ts validateModel, policy.ts,
 * limit/limit-policy.ts) and of calibration refusals (calibration/fit.ts, history-fit.ts). `at` is the JSON path
 * of the bad field ("model.bands[2]", "model.factors[0] (debt_ratio)"). Spread into the catalogue by en.ts;
 * model.zh.ts has the same ids.
 */
import type { Entry } from "./types";
import { joined } from "./describe";

export const MODEL_EN = {
  "modelCheck.notObject": () => "model: expected a scorecard model object.",
  "modelCheck.text": (a) => `${a.at}: expected a non-empty text.`,
  "modelCheck.pd": (a) => `${a.at}: expected { logOddsAtZero, pointsPerLogOdds, horizonYears }.`,
  "modelCheck.number": (a) => `${a.at}: expected a number.`,
  "modelCheck.positive": (a) => `${a.at}: expected a positive number.`,
  "modelCheck.bandCount": (a) => `${a.at}: expected ${a.count} bands A–E.`,
  "modelCheck.band": (a) => `${a.at}: expected { band, minScore, pd }.`,
  "modelCheck.bandName": (a) => `${a.at}: expected "${a.band}" (bands run A, B, C, D, E).`,
  "modelCheck.score100": (a) => `${a.at}: expected a number from 0 to 100.`,
  "modelCheck.minScoreOrder": (a) => `${a.at}: must be below band ${a.band}'s minScore.`,
  "modelCheck.lastBand": (a) => `${a.at}: band E must start at 0.`,
  "modelCheck.probability": (a) => `${a.at}: expected a probability between 0 and 1 (exclusive).`,
  "modelCheck.pdOrder": (a) => `${a.at}: must not be below band ${a.band}'s PD.`,
  "modelCheck.factors": (a) => `${a.at}: expected a non-empty list.`,
  "modelCheck.factor": (a) => `${a.at}: expected a factor object.`,
  "modelCheck.factorKey": (a) => `${a.at}: "${a.key}" is not a canonical factor key.`,
  "modelCheck.twice": (a) => `${a.at}: appears twice.`,
  "modelCheck.group": (a) => `${a.at}: expected one of ${joined(a.groups, ", ")}.`,
  "modelCheck.source": (a) => `${a.at}: expected "calibrated" or "expert".`,
  "modelCheck.direction": (a) => `${a.at}: expected "increasing" or "decreasing".`,
  "modelCheck.numbers": (a) => `${a.at}: expected a list of numbers.`,
  "modelCheck.ascending": (a) => `${a.at}: must be strictly ascending (edge ${a.edge}).`,
  "modelCheck.pointCount": (a) => `${a.at}: expected ${a.count} numbers (one more than edges).`,
  "modelCheck.pointsPositive": (a) => `${a.at}: every point value must be a number ≥ 0.`,
  "modelCheck.monotone": (a) => `${a.at}: must be ${a.increasing ? "non-decreasing" : "non-increasing"} (bin ${a.bin}).`,
  "modelCheck.between": (a) => `${a.at}: expected a number between ${a.min} and ${a.max}.`,
  "modelCheck.nonNegative": (a) => `${a.at}: expected a number ≥ 0.`,
  "modelCheck.total": (a) => `${a.at}: the maximum points add up to ${a.total}, expected 100.`,
  "modelCheck.noPoints": (a) => `${a.at}: no factor can earn points.`,
  "modelCheck.incomplete": (a) => `${a.at}: expected { enabled: true/false, debtRatioMin }.`,
  "modelCheck.debtRatioMin": (a) => `${a.at}: expected a debt ratio of 0 or more.`,
  "modelCheck.incompleteFactor": (a) => `${a.at}: enabled, but the model has no interest_not_reported factor.`,
  "modelCheck.pool": (a) => `${a.at}: expected { factors: [keys of the model's factors], correlation }.`,
  "modelCheck.poolFactor": (a) => `${a.at}: "${a.key}" is not a factor of the model, or appears twice.`,
  "modelCheck.correlation": (a) => `${a.at}: expected a number from 0 to below 1.`,
  "policy.notObject": () => "policy must be an object.",
  "policy.version": (a) => `policy version must look like "1.0.0", got ${a.value}.`,
  "policy.model": (a) => `policy model: ${a.cause}`,
  "policy.noLevels": () => "policy dunning.levels must list at least one stage.",
  "policy.level": (a) => `policy dunning.levels[${a.i}] must be a stage { fromDay, name, minOpen, graceDays }.`,
  "policy.levelFromDay": (a) => `policy dunning.levels[${a.i}].fromDay must be a whole number of days.`,
  "policy.levelOrder": (a) => `policy dunning.levels[${a.i}].fromDay must be later than the stage before it.`,
  "policy.levelName": (a) => `policy dunning.levels[${a.i}].name needs an English and a Chinese name.`,
  "policy.levelMinOpen": (a) => `policy dunning.levels[${a.i}].minOpen must be an amount of 0 or more.`,
  "policy.levelGrace": (a) => `policy dunning.levels[${a.i}].graceDays must be a whole number of days, 0 or more.`,
  "policy.share": (a) => `policy ${a.path} must be a number from 0 to 1, got ${a.value}.`,
  "policy.missing": (a) => `policy ${a.path} is missing.`,
  "policy.bandOrder": (a) => `policy ${a.path} allows more credit than band ${a.better}: a worse band must never get a higher share.`,
  "policy.terms": (a) => `policy ${a.path} must be between 1 and 365 days.`,
  "policy.nonNegative": (a) => `policy ${a.path} must be 0 or more.`,
  "policy.maxLimit": (a) =>
    `policy ${a.path} must be null (no maximum) or a non-negative amount, got ${a.value ?? "nothing (the field is missing)"}.`,
  "calibration.noRows": () => "calibration: the sample has no rows.",
  "calibration.oneClass": (a) =>
    `calibration: the sample needs both defaulters and healthy rows (it has ${a.bads} defaulters among ${a.n} rows).`,
  "calibration.noBinnable": () =>
    "calibration: no factor column of the sample can be binned (give at least one financial ratio with varied values).",
  "calibration.noSign": () => "calibration: no factor has a coefficient with the economic sign.",
  "calibration.invalid": (a) => `calibration produced an invalid model: ${a.cause}`,
  "historyFit.invalid": (a) => `history fit produced an invalid model: ${a.cause}`,
  "historyFit.noRows": () => "The history has no labelled rows.",
  "historyFit.allDefaults": () => "Every row of the history is a default: nothing to compare them with.",
  "historyFit.needRate": () =>
    "The history has no defaults: give the portfolio's expected 12-month default rate to set the PD level and band cut-offs.",
  "historyFit.badRate": () => "The expected default rate must be a share between 0 and 1 (e.g. 0.02 for 2 %).",
  "historyFit.noFactor": () => "No column of the history is a factor of the model.",
  /** A stage the history has too few defaults for (weights: stage 2; else the full refit, stage 3). */
  "historyFit.tooFewDefaults": (a) =>
    a.weights
      ? `Refitting the factor weights needs at least ${a.need} defaults in the history; it has ${a.defaults}. Fit the band cut-offs and PD levels instead (stage 1), or add history.`
      : `A full refit (bins and weights) needs at least ${a.need} defaults in the history; it has ${a.defaults}. Refit the weights instead (stage 2, 25 defaults), or add history.`,
  /** A classical distress model's own cut-off (src/engine/calibration/benchmarks.ts), in the evaluation report. */
  "benchmark.cutoff": (a) =>
    a.key === "altman" ? `distress zone Z'' < ${a.value}` : a.key === "ohlson" ? `P > ${a.value}` : `X > ${a.value}`,
} satisfies Record<string, Entry>;

export type ModelMessageId = keyof typeof MODEL_EN;
