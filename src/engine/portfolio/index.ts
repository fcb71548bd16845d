/** Public API of the portfolio review engine (task pane): column mapping, chunked review, summary, explanations. */
export * from "./mapping";
export * from "./review";
export * from "./explain";
export { digestLedger, digestLedgerSteps, MAX_ERROR_MESSAGES } from "./ledger-digest";
export type { LedgerCustomer, LedgerDigest, ReviewProgress } from "./ledger-digest";
export { BAND_LABELS, NO_OPEN_LABEL } from "./texts";
export type { BandKey } from "./texts";
