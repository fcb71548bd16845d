/** A small hand-made model with round numbers, so expected values can be worked out by hand. */
import type { ScorecardModel } from "../../../src/engine/scoring/model";

export const TEST_MODEL: ScorecardModel = {
  id: "test-model",
  version: "0.0.1",
  description: "three-factor model for tests",
  pd: { logOddsAtZero: -2, pointsPerLogOdds: 10, horizonYears: 1 },
  bands: [
    { band: "A", minScore: 80, pd: 0.001 },
    { band: "B", minScore: 65, pd: 0.005 },
    { band: "C", minScore: 50, pd: 0.02 },
    { band: "D", minScore: 35, pd: 0.06 },
    { band: "E", minScore: 0, pd: 0.2 },
  ],
  factors: [
    {
      key: "debt_ratio",
      group: "financial",
      source: "calibrated",
      direction: "decreasing",
      edges: [0.5, 0.8],
      points: [30, 15, 0],
      neutral: 15,
    },
    {
      key: "interest_coverage",
      group: "financial",
      source: "calibrated",
      direction: "increasing",
      edges: [1, 3],
      points: [0, 10, 25],
      neutral: 10,
    },
    { key: "avg_days_late", group: "payment", source: "expert", direction: "decreasing", edges: [1, 31], points: [45, 20, 0], neutral: 20 },
  ],
};
