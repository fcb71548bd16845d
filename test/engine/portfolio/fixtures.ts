/**
 * A small test scorecard (hand-checkable points) and a hand-built customer
 * table + invoice ledger for the portfolio review tests. The bundled model is
 * still being calibrated, so exact expectations use this model, never its numbers.
 */
import { serialFromYmd } from "../../../src/engine/dates";
import { CreditPolicy, DEFAULT_POLICY } from "../../../src/engine/policy";
import { ScorecardModel } from "../../../src/engine/scoring/model";

/**
 * debt_ratio (decreasing): < 0.5 → 40, < 0.8 → 20, else 0 (neutral 20)
 * quick_ratio (increasing): < 1 → 0, else 30 (neutral 15)
 * avg_days_late (decreasing): < 1 → 30, < 31 → 15, else 0 (neutral 15)
 * Bands A ≥ 85, B ≥ 70, C ≥ 50, D ≥ 30, E. PD = 1 / (1 + e^(−2 + score/20)).
 */
export const TEST_MODEL: ScorecardModel = {
  id: "test-model",
  version: "9.9.9",
  description: "hand-checkable test scorecard",
  pd: { logOddsAtZero: -2, pointsPerLogOdds: 20, horizonYears: 1 },
  bands: [
    { band: "A", minScore: 85, pd: 0.01 },
    { band: "B", minScore: 70, pd: 0.02 },
    { band: "C", minScore: 50, pd: 0.05 },
    { band: "D", minScore: 30, pd: 0.1 },
    { band: "E", minScore: 0, pd: 0.3 },
  ],
  factors: [
    {
      key: "debt_ratio",
      group: "financial",
      source: "expert",
      direction: "decreasing",
      edges: [0.5, 0.8],
      points: [40, 20, 0],
      neutral: 20,
    },
    { key: "quick_ratio", group: "financial", source: "expert", direction: "increasing", edges: [1], points: [0, 30], neutral: 15 },
    { key: "avg_days_late", group: "payment", source: "expert", direction: "decreasing", edges: [1, 31], points: [30, 15, 0], neutral: 15 },
  ],
};

export const TEST_POLICY: CreditPolicy = { ...DEFAULT_POLICY, version: "1.2.3", model: TEST_MODEL };

/** PD of a score under TEST_MODEL. */
export const pdAt = (score: number): number => 1 / (1 + Math.exp(-2 + score / 20));

export const D = serialFromYmd(2026, 1, 1);
export const AS_OF = D + 100;

export const HEADERS = [
  "Customer ID",
  "Name",
  "Debt ratio",
  "Quick ratio",
  "Avg days late",
  "Equity",
  "Sales",
  "Exposure",
  "Credit limit",
  "Notes",
];

/**
 * r0 C1 A (40+30+30 = 100); r1 C2 D (20+0+ledger 28 days → 15 = 35), exposure from the ledger;
 * r2 C3 text in quick ratio → error; r3 C1 again (duplicate) E (0); r4 blank;
 * r5 C4 C (20+30+15 = 65); r6 C5 no factor values → error.
 */
export const ROWS: unknown[][] = [
  ["C1", "Alpha", 0.4, 1.5, 0, 1_000_000, 12_000_000, 300_000, 400_000, ""],
  ["C2", "Beta", 0.6, 0.8, "", 200_000, "", "", "", "new"],
  ["C3", "Gamma", "n/a", "1,5", 5, 500_000, "", 50_000, "", ""],
  ["C1", "Alpha (dup)", 0.9, 0.5, 40, 100_000, "", 10_000, 5_000, ""],
  ["", "", "", "", "", "", "", "", "", ""],
  ["C4", "Delta", 0.7, 1.2, 10, 300_000, 3_000_000, 80_000, 50_000, ""],
  ["C5", "Epsilon", "", "", "", "", "", "", "", "x"],
];

export const LEDGER_HEADERS = ["客户编号", "发票日期", "到期日", "付款日期", "发票金额", "争议"];

/** Customers C2, C1 (disputed overdue invoice, a credit note), ZZ (not in the table), C4 (a bad row only). */
export const LEDGER_ROWS: unknown[][] = [
  ["C2", D, D + 30, D + 50, 1_000, ""], // paid 20 days late
  ["C2", D + 40, D + 70, "", 4_000, ""], // open, 30 days overdue → 1–30, insurance claim
  ["C2", D + 90, D + 120, "", 2_000, ""], // open, not due
  ["C1", D + 10, D + 40, "", 3_000, "是"], // open, 60 days overdue, disputed → 31–60, held
  ["C1", D + 80, D + 110, "", 1_000, ""], // open, not due
  ["C1", D + 50, D + 50, "", -500, ""], // credit note, netted in 31–60
  ["ZZ", D + 60, D + 90, "", 700, ""], // unknown customer, 10 days overdue
  ["C4", "2026-01-05", D + 30, "", 100, ""], // text date: bad row
  [null, null, null, null, null, null], // blank row
];
