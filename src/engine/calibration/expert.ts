/**
 * Expert points for the factors the calibration data cannot calibrate
 * (payment behaviour, company profile, risk context).
 *
 * These are NOT fitted on data. Each bin carries a shift of the log-odds of
 * survival (positive = safer) relative to an average customer (shift 0), set
 * by judgement from trade-credit practice:
 * - days beyond terms follow a PAYDEX-style ladder (D&B: 80 = pays on time,
 *   70 = 15 days beyond terms, 60 = 22, 50 = 30, 40 = 60, 30 = 90, 20 = 120);
 *   each PAYDEX step down of ~10 costs about 0.5 log-odds (the odds of
 *   survival fall by ~40 %), capped at 90+ days; the other payment factors
 *   overlap with it and get smaller shifts so that together they do not
 *   count the same delays several times;
 * - a customer whose value is unknown gets the neutral shift, the shift of an
 *   average customer: 0 for behaviour and profile; for the risk flags, whose
 *   common state is "none", the neutral shift is that of "none".
 * The shifts are converted to points with the same points-per-log-odds as the
 * calibrated financial factors (src/engine/calibration/scaling.ts).
 */
import { type FactorKey, type ScoreGroup, factorEntry } from "../scoring/factors";
import type { LogOddsFactor } from "./scaling";

/** An expert factor: its bins and shifts, with group and direction from the factor registry (`scoring/registry.ts`). */
function expert(key: FactorKey, bins: Pick<LogOddsFactor, "edges" | "shifts" | "neutralShift" | "note">): LogOddsFactor {
  const f = factorEntry(key);
  // Expert factors are scored: never statement items, always with a direction (test/engine/scoring/registry.test.ts).
  return { key, group: f.group as ScoreGroup, source: "expert", direction: f.direction as LogOddsFactor["direction"], ...bins };
}

export const EXPERT_FACTORS: LogOddsFactor[] = [
  expert("avg_days_late", {
    edges: [1, 8, 16, 31, 61, 91],
    shifts: [0.4, 0.2, 0, -0.5, -1.0, -1.5, -2.0],
    neutralShift: 0,
    note: "PAYDEX-style: on time (PAYDEX 80) best; up to 15 days beyond terms (70) average; 16–30 (60–50), 31–60 (40), 61–90 (30), 90+ (20) each cost about 0.5 log-odds more.",
  }),
  expert("max_days_late", {
    edges: [31, 61, 91, 181],
    shifts: [0.1, 0, -0.2, -0.4, -0.6],
    neutralShift: 0,
    note: "Worst single delay: over 90 days is the usual insurer claim / collection-agency threshold.",
  }),
  expert("pct_invoices_late", {
    edges: [0.1, 0.25, 0.5, 0.75],
    shifts: [0.2, 0, -0.2, -0.35, -0.5],
    neutralShift: 0,
    note: "Share of invoices paid after due date.",
  }),
  expert("overdue_share", {
    edges: [0.05, 0.15, 0.3, 0.5],
    shifts: [0.2, 0, -0.25, -0.5, -0.8],
    neutralShift: 0,
    note: "Overdue share of the open receivables balance.",
  }),
  expert("years_in_business", {
    edges: [2, 5, 10, 20],
    shifts: [-0.6, -0.3, 0, 0.1, 0.2],
    neutralShift: 0,
    note: "Young firms fail more often (liability of newness).",
  }),
  expert("relationship_months", {
    edges: [6, 12, 36],
    shifts: [-0.3, -0.15, 0, 0.1],
    neutralShift: 0,
    note: "A proven relationship lowers risk; new customers start low.",
  }),
  expert("industry_risk", {
    edges: [2, 3, 4, 5],
    shifts: [0.3, 0.15, 0, -0.3, -0.6],
    neutralShift: 0,
    note: "Industry risk 1 (low) – 5 (high); 3 is average.",
  }),
  expert("country_risk", {
    edges: [2, 3, 4, 5, 6, 7],
    shifts: [0, -0.1, -0.2, -0.35, -0.5, -0.75, -1.0],
    neutralShift: 0,
    note: "OECD-style country risk 0–7; 0–1 (high-income, domestic) carries no penalty and is assumed when unknown.",
  }),
  expert("litigation_count", {
    edges: [1, 2, 3],
    shifts: [0, -0.3, -0.5, -0.7],
    neutralShift: 0,
    note: "Open litigation cases against the customer; none assumed when unknown.",
  }),
  expert("management_change", {
    edges: [1],
    shifts: [0, -0.4],
    neutralShift: 0,
    note: "Recent change of management or owners (0/1).",
  }),
  expert("negative_news", {
    edges: [1],
    shifts: [0, -0.6],
    neutralShift: 0,
    note: "Adverse media (0/1).",
  }),
];
