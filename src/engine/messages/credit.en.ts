/**
 * English messages of the scoring and limit formulas (CREDITSCORE, CREDITLIMIT). Spread into the catalogue by
 * en.ts; credit.zh.ts has the same ids.
 */
import type { Entry } from "./types";

export const CREDIT_EN = {
  "score.noValues": () => "values: expected a range of customer factors (one row per customer).",
  "score.labelsOneRow": (a) => `labels: expected a single row of column names${a.rows ? `, but got ${a.rows} rows` : ""}.`,
  "score.labelsWidth": (a) => `labels has ${a.labels} columns but values has ${a.values}: give one label per column of values.`,
  "score.duplicateFactor": (a) => `labels: columns "${a.first}" and "${a.second}" both mean ${a.key}; keep one of them.`,
  "score.noFactor": (a) =>
    `${a.inHeader ? "values (header row)" : "labels"}: no column is a recognised factor. Accepted keys: ${a.keys} (or their English/Chinese names).`,
  "limit.scoreRequired": () => "score is required but the cell is empty.",
  "limit.badScore": (a, w) => {
    const v = w.raw(a.value);
    return `score: expected a score from 0 to 100 or a band A–E, but got ${typeof v === "number" || typeof v === "boolean" ? String(v) : w.cell(a.value)}.`;
  },
  "limit.noFinancials": () => "net_worth and annual_sales are both empty: at least one is needed to size a limit.",
} satisfies Record<string, Entry>;

export type CreditMessageId = keyof typeof CREDIT_EN;
