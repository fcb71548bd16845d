/**
 * Display aggregates the pane adds to the engine's summary: where the total
 * exposure comes from (the table's exposure cells, or the ledger's open
 * amount where a cell is blank — the engine's rule, `CustomerResult.exposureSource`),
 * so every total can say what it adds up.
 */
import type { CustomerResult } from "../../engine/portfolio/review";

export interface ExposureSources {
  table: { sum: number; customers: number };
  ledger: { sum: number; customers: number };
}

export function exposureSources(results: readonly (CustomerResult | null)[]): ExposureSources {
  const out: ExposureSources = { table: { sum: 0, customers: 0 }, ledger: { sum: 0, customers: 0 } };
  for (const c of results) {
    if (!c || c.blank || c.exposure === null || c.exposureSource === null) continue;
    const part = out[c.exposureSource];
    part.sum += c.exposure;
    part.customers++;
  }
  return out;
}
