import { formatReason, formatReasons, formatValue, topReasons } from "../../../src/engine/scoring/reasons";
import { scoreCustomer } from "../../../src/engine/scoring/score";
import type { Contribution } from "../../../src/engine/scoring/score";
import { TEST_MODEL } from "./fixtures";

describe("formatValue", () => {
  test.each([
    [0.8, "times", "0.8×", "0.8倍"],
    [12.34, "times", "12×", "12倍"],
    [0.853, "percent", "85%", "85%"],
    [0.0512, "percent", "5.1%", "5.1%"],
    [-0.12, "percent", "-12%", "-12%"],
    [45.4, "days", "45 days", "45天"],
    [1, "days", "1 day", "1天"],
    [6, "months", "6 months", "6个月"],
    [2.5, "years", "2.5 years", "2.5年"],
    [3, "count", "3", "3起"],
    [1, "flag", "yes", "是"],
    [0, "flag", "no", "否"],
    [4, "index", "4", "4"],
    [0.356, "ratio", "0.36", "0.36"],
  ] as const)("%d %s → %j / %j", (value, unit, en, zh) => {
    expect(formatValue(value, unit, "en")).toBe(en);
    expect(formatValue(value, unit, "zh")).toBe(zh);
  });
});

describe("reason codes", () => {
  test.each([
    [
      { key: "interest_coverage", value: 0.8, points: 0, maxPoints: 14, deficit: 14 },
      "Interest coverage 0.8× (−14 pts)",
      "利息保障倍数 0.8倍（−14分）",
    ],
    [{ key: "debt_ratio", value: 0.92, points: 2.4, maxPoints: 12, deficit: 9.6 }, "Debt ratio 92% (−10 pts)", "资产负债率 92%（−10分）"],
    [
      { key: "avg_days_late", value: 35, points: 5, maxPoints: 20, deficit: 15 },
      "Average days late 35 days (−15 pts)",
      "平均逾期天数 35天（−15分）",
    ],
    [{ key: "negative_news", value: 1, points: 0, maxPoints: 1.2, deficit: 1.2 }, "Negative news yes (−1 pt)", "负面新闻 是（−1分）"],
    [
      { key: "years_in_business", value: 1, points: 0, maxPoints: 6, deficit: 6 },
      "Years in business 1 year (−6 pts)",
      "成立年限 1年（−6分）",
    ],
    [{ key: "litigation_count", value: 2, points: 1, maxPoints: 5, deficit: 4 }, "Litigation cases 2 (−4 pts)", "诉讼 2起（−4分）"],
  ] as const)("%j", (r, en, zh) => {
    expect(formatReason(r, "en")).toBe(en);
    expect(formatReason(r, "zh")).toBe(zh);
  });

  test("up to three factors furthest below an average firm, observed factors only, largest first", () => {
    // Points below an average firm (neutral − points): coverage 0.8 → 0 of neutral 10; debt ratio 0.6 → 15 = neutral 15,
    // so not a reason; days late missing (neutral) is never one.
    const r = scoreCustomer({ debt_ratio: 0.6, interest_coverage: 0.8 }, TEST_MODEL);
    expect(r.reasons.map((x) => [x.key, x.deficit])).toEqual([["interest_coverage", 10]]);
    expect(formatReasons(r.reasons, "en")).toBe("Interest coverage 0.8× (−10 pts)");
    expect(formatReasons(r.reasons, "zh")).toBe("利息保障倍数 0.8倍（−10分）");
    const worse = scoreCustomer({ debt_ratio: 0.9, interest_coverage: 0.8, avg_days_late: 40 }, TEST_MODEL);
    expect(worse.reasons.map((x) => [x.key, x.deficit])).toEqual([
      ["avg_days_late", 20],
      ["debt_ratio", 15],
      ["interest_coverage", 10],
    ]);
  });

  test("no deficits → no reasons, empty text", () => {
    const r = scoreCustomer({ debt_ratio: 0.2, interest_coverage: 9, avg_days_late: 0 }, TEST_MODEL);
    expect(r.reasons).toEqual([]);
    expect(formatReasons(r.reasons, "en")).toBe("");
  });

  test("keeps the top three of more, ties in model order, and ignores deficits below 0.5", () => {
    const c = (key: Contribution["key"], deficit: number, observed = true): Contribution => ({
      key,
      group: "financial",
      value: 1,
      points: 10 - deficit,
      maxPoints: 15,
      neutral: 10,
      deficit,
      observed,
    });
    const list = [
      c("roa", 3),
      c("debt_ratio", 5),
      c("quick_ratio", 0.4),
      c("current_ratio", 5),
      c("net_margin", 9, false),
      c("gross_margin", 4),
      c("ebit_to_assets", 1),
    ];
    expect(topReasons(list).map((r) => r.key)).toEqual(["debt_ratio", "current_ratio", "gross_margin"]);
    expect(topReasons(list, 5).map((r) => r.key)).toEqual(["debt_ratio", "current_ratio", "gross_margin", "roa", "ebit_to_assets"]);
  });
});
