/** Receivables analytics: DSO family, CEI, ledger, aging, dunning, payment behaviour, expected loss. */
export * from "./dso";
export * from "./cei";
export * from "./dunning";
export * from "./ledger";
export * from "./dso-invoices";
export * from "./aging";
export * from "./pay-behavior";
export * from "./expected-loss";
