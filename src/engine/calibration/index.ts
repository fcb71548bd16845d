/** Public API of the calibration engine: binning, regression, scaling, PD calibration, metrics, splits and the shipped model's pipeline. */
export * from "./metrics";
export * from "./split";
export * from "./binning";
export * from "./logistic";
export * from "./pd";
export * from "./scaling";
export * from "./sample";
export * from "./evaluation";
export * from "./fit";
export { EXPERT_FACTORS } from "./expert";
export * from "./cv";
export * from "./benchmarks";
export * from "./history-fit";
export * from "./labels";
export * from "./monitor";
export * from "./stored-model";
export * from "./ledger-labels";
