import { scoreCustomer } from "../../../src/engine/scoring/score";
import type { FactorKey } from "../../../src/engine/scoring/factors";

// The worked customers of docs/methodology.md §5 (update the table there if the model changes).
const best = {
  debt_ratio: 0.3,
  ebit_to_assets: 0.25,
  cash_flow_to_debt: 0.8,
  quick_ratio: 3.5,
  retained_earnings_to_assets: 0.3,
  interest_coverage: 50,
};
const worst = {
  debt_ratio: 0.9,
  ebit_to_assets: -0.1,
  cash_flow_to_debt: 0,
  quick_ratio: 0.3,
  retained_earnings_to_assets: -0.1,
  interest_coverage: -1,
};
const late = { avg_days_late: 120, max_days_late: 200, pct_invoices_late: 0.9, overdue_share: 0.6 };
const onTime = { avg_days_late: 0, max_days_late: 0, pct_invoices_late: 0, overdue_share: 0 };
const { interest_coverage: _b, ...best5 } = best;
const { interest_coverage: _w, ...worst5 } = worst;

describe("docs/methodology.md §5: what the scale does", () => {
  test.each<[string, Partial<Record<FactorKey, number>>, number, string, number, number]>([
    ["nothing known", {}, 61.7, "C", 0.0069, 0],
    ["best six ratios only", best, 80.8, "A", 0.0012, 0.295],
    ["worst six ratios only", worst, 37.7, "E", 0.061, 0.295],
    ["best five ratios", best5, 82.5, "A", 0.001, 0.264],
    ["worst five ratios", worst5, 38.0, "E", 0.06, 0.264],
    ["worst three", { debt_ratio: 0.9, quick_ratio: 0.3, ebit_to_assets: -0.1 }, 40.4, "D", 0.048, 0.146],
    ["best three", { debt_ratio: 0.3, quick_ratio: 3.5, ebit_to_assets: 0.25 }, 76.5, "A", 0.0017, 0.146],
    ["best ratios + 120 days late", { ...best, ...late }, 39.0, "E", 0.055, 0.648],
    ["worst ratios + paying on time", { ...worst, ...onTime }, 47.4, "D", 0.026, 0.648],
    ["payment only: 120 days late", late, 19.9, "E", 0.26, 0.352],
    ["payment only: on time", onTime, 71.3, "B", 0.0028, 0.352],
    ["debt 0.6, no coverage column", { debt_ratio: 0.6 }, 57.1, "C", 0.0105, 0.038],
    ["debt 0.6, coverage 0", { debt_ratio: 0.6, interest_coverage: 0 }, 57.1, "C", 0.0105, 0.038],
    ["debt 0.6, coverage column given, cell blank", { debt_ratio: 0.6, interest_coverage: NaN }, 12.3, "E", 0.41, 0.038],
  ])("%s", (_name, values, score, band, pd, coverage) => {
    const r = scoreCustomer(values);
    expect(Math.round(r.score * 10) / 10).toBe(score);
    expect(r.band).toBe(band);
    expect(r.pd).toBeCloseTo(pd, pd < 0.01 ? 4 : 2);
    expect(r.coverage).toBeCloseTo(coverage, 3);
  });
});
