/** Public API of the scoring engine (CREDITSCORE, scorecard, header matching). */
export * from "./factors";
export * from "./headers";
export { deriveRatios, deriveInPlace, toVector, STATEMENT_KEYS } from "./derive";
export { BANDS, DEFAULT_MODEL, validateModel, compileModel } from "./model";
export type { Band, BandSpec, FactorSpec, ScorecardModel, CompiledModel } from "./model";
export { scoreCustomer, bandOf, pdOf, horizonPdOf, scoreVector, resultOfVector, contributionsOf, pointsOf } from "./score";
export type { ScoreResult, Contribution } from "./score";
export { topReasons, formatReason, formatReasons, formatValue, MIN_REASON_DEFICIT } from "./reasons";
export type { ReasonCode } from "./reasons";
export { creditScoreCore, displayScore, CREDITSCORE_OUTPUTS, OUTPUT_LABELS } from "./creditscore";
export type { CreditScoreOutput } from "./creditscore";
