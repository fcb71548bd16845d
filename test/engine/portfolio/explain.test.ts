import fc from "fast-check";
import { isEngineError } from "../../../src/engine/errors";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { FactorKey } from "../../../src/engine/scoring/factors";
import { BANDS, ScorecardModel } from "../../../src/engine/scoring/model";
import { displayScore, scoreCustomer } from "../../../src/engine/scoring/score";
import { formatReason } from "../../../src/engine/scoring/reasons";
import {
  Explanation,
  LEVERS,
  autoMapColumns,
  explainCustomer,
  explainRow,
  prepareReview,
  reviewChunk,
} from "../../../src/engine/portfolio";
import { AS_OF, HEADERS, LEDGER_HEADERS, LEDGER_ROWS, ROWS, TEST_MODEL, TEST_POLICY } from "./fixtures";

function ok(x: ReturnType<typeof explainCustomer>): Explanation {
  if (isEngineError(x)) throw new Error(x.message);
  return x;
}

const sumWaterfall = (e: Explanation) =>
  e.base.points + e.groups.reduce((a, g) => a + g.steps.reduce((b, s) => b + s.contribution, 0), 0) + e.bound.points;

describe("explainCustomer with the test scorecard (hand-computed)", () => {
  // debt 60 % → 20 pts, quick 0.8 → 0 pts, 28 days late → 15 pts: 35, band D
  const e = ok(
    explainCustomer({ debt_ratio: 0.6, quick_ratio: 0.8, avg_days_late: 28, equity: 200_000 }, TEST_POLICY, "en", { exposure: 30_000 }),
  );

  test("waterfall: neutral score 50, then contributions by group", () => {
    expect(e.score).toBe(35);
    expect(e.band).toBe("D");
    expect(e.base).toEqual({ label: "Neutral score (average firm)", points: 50 });
    expect(e.groups.map((g) => [g.group, g.label, g.contribution])).toEqual([
      ["financial", "Financial strength", -15],
      ["payment", "Payment behaviour", 0],
    ]);
    expect(e.groups[0].steps.map((s) => [s.key, s.valueText, s.points, s.neutral, s.contribution])).toEqual([
      ["debt_ratio", "60%", 20, 20, 0],
      ["quick_ratio", "0.8×", 0, 15, -15],
    ]);
    expect(sumWaterfall(e)).toBe(35);
  });

  test("reasons are CREDITSCORE's", () => {
    // On the waterfall's basis: only the quick ratio is below an average firm (−15, as its waterfall step says).
    expect(e.pointBasis).toBe("neutral");
    expect(e.reasonTexts).toEqual(["Quick ratio 0.8× (−15 pts)"]);
    expect(e.reasons).toEqual(scoreCustomer({ debt_ratio: 0.6, quick_ratio: 0.8, avg_days_late: 28 }, TEST_POLICY.model).reasons);
  });

  test("limit and the rule that bound it; exposure figures", () => {
    expect(e.limit).toMatchObject({
      limit: 20_000,
      rule: "net_worth_cap",
      ruleText: "Net-worth cap",
      netWorthCap: 20_000,
      turnoverCap: null,
    });
    expect(e).toMatchObject({ exposure: 30_000, headroom: -10_000, breach: 10_000 });
    expect(e.expectedLoss).toBeCloseTo(30_000 * e.pd * 0.6, 9);
  });

  test("lift by one band: smallest relative changes first, each reaching band C", () => {
    expect(e.nextBand).toBe("C");
    expect(e.nextBandScore).toBe(50);
    expect(e.liftOneBand.map((l) => [l.key, l.from, l.to, l.points, l.newBand])).toEqual([
      ["debt_ratio", 0.6, 0.49, 20, "C"], // below the 0.5 edge, at whole-percent precision; |Δ|/0.6 = 0.18
      ["quick_ratio", 0.8, 1, 30, "C"], // the 1.0 edge; 0.2
      ["avg_days_late", 28, 0, 15, "C"], // below the 1-day edge; 1.0
    ]);
    expect(e.liftOneBand.map((l) => l.text)).toEqual([
      "Debt ratio from 60% to 49% (+20 pts → band C)",
      "Quick ratio from 0.8× to 1× (+30 pts → band C)",
      "Average days late from 28 days to 0 days (+15 pts → band C)",
    ]);
    expect(e.liftNote).toBeNull();
    expect(e.liftCombined).toBeNull(); // a single change suffices: no combined plan
  });

  test("Chinese texts", () => {
    const z = ok(explainCustomer({ debt_ratio: 0.6, quick_ratio: 0.8, avg_days_late: 28 }, TEST_POLICY, "zh"));
    expect(z.liftOneBand[0].text).toBe("资产负债率由 60% 降至 49%（+20分 → C级）");
    expect(z.liftOneBand[1].text).toBe("速动比率由 0.8倍 升至 1倍（+30分 → C级）");
    expect(z.base.label).toBe("中性分（平均企业）");
    expect(z.limitNote).toBe("净资产和营业收入均未知，无法测算额度。");
  });

  test("a factor already in its best bin gives nothing; the nearest edge that is not enough is passed", () => {
    // 40 + 0 + 0 = 40 (D), C needs 50. Debt 40 % is already in the top bin.
    // 120 days late: the next bin (< 31 days → 30) gives 55: C. Quick ratio 1.0 gives 70: B.
    const x = ok(explainCustomer({ debt_ratio: 0.4, quick_ratio: 0.5, avg_days_late: 120 }, TEST_POLICY, "en"));
    expect(x.score).toBe(40);
    expect(x.liftOneBand.map((l) => [l.key, l.to, l.newBand, l.relativeChange])).toEqual([
      ["quick_ratio", 1, "B", 0.5],
      ["avg_days_late", 30, "C", 0.75],
    ]);
  });

  test("a move beyond the factor's plausible range is not suggested", () => {
    const model = {
      ...TEST_POLICY.model,
      factors: [
        {
          key: "debt_ratio" as const,
          group: "financial" as const,
          source: "expert" as const,
          direction: "decreasing" as const,
          edges: [0.5],
          points: [70, 0],
          neutral: 35,
        },
        {
          key: "interest_coverage" as const,
          group: "financial" as const,
          source: "expert" as const,
          direction: "increasing" as const,
          edges: [39],
          points: [0, 30],
          neutral: 15,
        },
      ],
    };
    // 0 + 0 = 0 (E); interest coverage 39× would reach D but lies beyond the plausible 30×; debt 49 % reaches B
    const x = ok(explainCustomer({ debt_ratio: 0.6, interest_coverage: 2 }, { ...TEST_POLICY, model }, "en"));
    expect(x.band).toBe("E");
    expect(LEVERS.interest_coverage?.max).toBe(30);
    expect(x.liftOneBand.map((l) => [l.key, l.to, l.newBand])).toEqual([["debt_ratio", 0.49, "B"]]);
  });

  test("band A: no suggestions, a note", () => {
    const a = ok(explainCustomer({ debt_ratio: 0.3, quick_ratio: 2, avg_days_late: 0 }, TEST_POLICY, "en"));
    expect(a.band).toBe("A");
    expect(a.liftOneBand).toEqual([]);
    expect(a.nextBand).toBeNull();
    expect(a.liftNote).toBe("Already in the best band (A).");
    expect(a.liftCombined).toBeNull();
  });

  test("no single change is enough: empty list with a note", () => {
    // 0 + 0 + 0 = 0 (E), D needs 30: the nearest debt edge (< 0.8 → 20 pts) is not enough, the next (< 0.5 → 40) is;
    // likewise 30 days late (15 pts) is not enough, 0 days (30 pts) is
    const x = ok(explainCustomer({ debt_ratio: 0.9, quick_ratio: 0.5, avg_days_late: 40 }, TEST_POLICY, "en"));
    expect(x.band).toBe("E");
    expect(x.liftOneBand.map((l) => [l.key, l.to, l.newBand])).toEqual([
      ["debt_ratio", 0.49, "D"],
      ["quick_ratio", 1, "D"],
      ["avg_days_late", 0, "D"],
    ]);
    // only 20 days late known: 20 + 15 + 15 = 50 (C); B needs 70 but 0 days late gives 65; unknown factors are never suggested
    const c = ok(explainCustomer({ avg_days_late: 20 }, TEST_POLICY, "en"));
    expect(c.score).toBe(50);
    expect(c.liftOneBand).toEqual([]);
    expect(c.liftNote).toBe("No single realistic factor change reaches band B (needs 70, now 50).");
    expect(c.liftCombined).toBeNull(); // one lever only: nothing to combine
    expect(ok(explainCustomer({ avg_days_late: 20 }, TEST_POLICY, "zh")).liftNote).toBe(
      "单一因子的合理变动无法使评分达到 B级（需 70 分，当前 50 分）。",
    );
  });

  test("values outside a factor's rules are refused", () => {
    expect(explainCustomer({ pct_invoices_late: 1.5 }, TEST_POLICY, "en")).toEqual({
      kind: "EngineError",
      code: "VALUE",
      message: "Share of invoices paid late: 1.5 is outside the allowed values.",
    });
  });
});

describe("combined plan when no single change is enough (hand-computed)", () => {
  const withModel = (factors: ScorecardModel["factors"], bands = TEST_MODEL.bands) => ({
    ...TEST_POLICY,
    model: { ...TEST_MODEL, factors, bands },
  });
  type F = ScorecardModel["factors"][number];
  const debt = (edges: number[], points: number[]): F => ({
    key: "debt_ratio",
    group: "financial",
    source: "expert",
    direction: "decreasing",
    edges,
    points,
    neutral: 0,
  });
  const quick = (edges: number[], points: number[]): F => ({
    key: "quick_ratio",
    group: "financial",
    source: "expert",
    direction: "increasing",
    edges,
    points,
    neutral: 0,
  });
  const late = (edges: number[], points: number[]): F => ({
    key: "avg_days_late",
    group: "payment",
    source: "expert",
    direction: "decreasing",
    edges,
    points,
    neutral: 0,
  });
  const plan = (e: Explanation) => e.liftCombined?.steps.map((x) => [x.key, x.from, x.to]);

  test("the test scorecard with band B from 75: two factors, in both languages", () => {
    // debt 60 % → 20, quick missing → neutral 15, 20 days late → 15: 50 (C). B needs 75.
    // Alone: debt 49 % → 70, 0 days late → 65: neither is enough.
    // Greedy round 1: debt 60 % → 49 % gains 20 for a relative change 0.11 / 0.6 = 0.183 (109 pts per unit),
    // 20 → 0 days gains 15 for 1.0 (15 per unit): debt. Round 2: debt has no better bin left; 0 days: 70 + 15 = 85 ≥ 75.
    const policy = withModel(
      TEST_MODEL.factors,
      TEST_MODEL.bands.map((b) => (b.band === "B" ? { ...b, minScore: 75 } : b)),
    );
    const x = ok(explainCustomer({ debt_ratio: 0.6, avg_days_late: 20 }, policy, "en"));
    expect([x.score, x.band, x.nextBand, x.nextBandScore]).toEqual([50, "C", "B", 75]);
    expect(x.liftOneBand).toEqual([]);
    expect(x.liftNote).toBe("No single realistic factor change reaches band B (needs 75, now 50).");
    expect(x.liftCombined).toEqual({
      steps: [
        {
          key: "debt_ratio",
          label: "Debt ratio",
          from: 0.6,
          to: 0.49,
          fromText: "60%",
          toText: "49%",
          relativeChange: expect.closeTo(0.11 / 0.6, 12),
          text: "Debt ratio from 60% to 49%",
        },
        {
          key: "avg_days_late",
          label: "Average days late",
          from: 20,
          to: 0,
          fromText: "20 days",
          toText: "0 days",
          relativeChange: 1,
          text: "Average days late from 20 days to 0 days",
        },
      ],
      points: 35,
      newScore: 85,
      band: "A", // the real band of the combined values, here beyond B
      text: "Debt ratio from 60% to 49%; Average days late from 20 days to 0 days (+35 pts → band A)",
    });
    const z = ok(explainCustomer({ debt_ratio: 0.6, avg_days_late: 20 }, policy, "zh"));
    expect(z.liftCombined?.steps.map((s) => s.text)).toEqual(["资产负债率由 60% 降至 49%", "平均逾期天数由 20天 降至 0天"]);
    expect(z.liftCombined?.text).toBe("资产负债率由 60% 降至 49%；平均逾期天数由 20天 降至 0天（+35分 → A级）");
    expect(z.liftNote).toBe("单一因子的合理变动无法使评分达到 B级（需 75 分，当前 50 分）。");
  });

  test("a factor moves one more bin when that is the cheapest gain", () => {
    // debt < 0.5 → 25, < 0.8 → 10, else 0; days late < 1 → 25, < 31 → 5, else 0. Debt 85 %, 40 days: 0 (E), D needs 30.
    // Alone at most 25 each. Round 1: debt 85 % → 79 % gains 10 for 0.06 / 0.85 (142 per unit), 40 → 30 days 5 for 0.25 (20): debt.
    // Round 2: debt 79 % → 49 % gains 15 for 0.30 / 0.79 (39.5), days still 20: debt. Round 3: 30 days: 25 + 5 = 30 ≥ 30.
    const policy = withModel([debt([0.5, 0.8], [25, 10, 0]), late([1, 31], [25, 5, 0])]);
    const x = ok(explainCustomer({ debt_ratio: 0.85, avg_days_late: 40 }, policy, "en"));
    expect([x.score, x.band]).toEqual([0, "E"]);
    expect(x.liftOneBand).toEqual([]);
    expect(plan(x)).toEqual([
      ["debt_ratio", 0.85, 0.49],
      ["avg_days_late", 40, 30],
    ]);
    expect(x.liftCombined).toMatchObject({
      points: 30,
      newScore: 30,
      band: "D",
      text: "Debt ratio from 85% to 49%; Average days late from 40 days to 30 days (+30 pts → band D)",
    });
  });

  test("a factor the others do not need is dropped", () => {
    // debt < 0.8 → 5; quick ≥ 1 → 15; days late < 31 → 15. Debt 85 %, quick 0.5, 40 days: 0 (E), D needs 30.
    // Ratios: debt 5 / (0.06 / 0.85) = 70.8, days 15 / 0.25 = 60, quick 15 / 0.5 = 30. Greedy: debt (5), days (20), quick (35 ≥ 30).
    // Without debt: 15 + 15 = 30 still reaches D, so debt is dropped.
    const policy = withModel([debt([0.8], [5, 0]), quick([1], [0, 15]), late([31], [15, 0])]);
    const x = ok(explainCustomer({ debt_ratio: 0.85, quick_ratio: 0.5, avg_days_late: 40 }, policy, "en"));
    expect(x.liftOneBand).toEqual([]);
    expect(plan(x)).toEqual([
      ["avg_days_late", 40, 30],
      ["quick_ratio", 0.5, 1],
    ]);
    expect(x.liftCombined).toMatchObject({
      points: 30,
      newScore: 30,
      band: "D",
      text: "Average days late from 40 days to 30 days; Quick ratio from 0.5× to 1× (+30 pts → band D)",
    });
    expect(ok(explainCustomer({ debt_ratio: 0.85, quick_ratio: 0.5, avg_days_late: 40 }, policy, "zh")).liftCombined?.text).toBe(
      "平均逾期天数由 40天 降至 30天；速动比率由 0.5倍 升至 1倍（+30分 → D级）",
    );
  });

  test("three factors are not enough: no plan, the note stays", () => {
    // Four levers worth 9 points each, all at 0 (E); D needs 30: three give 27, only all four (36) would do.
    const overdue: F = {
      key: "overdue_share",
      group: "payment",
      source: "expert",
      direction: "decreasing",
      edges: [0.1],
      points: [9, 0],
      neutral: 0,
    };
    const policy = withModel([debt([0.5], [9, 0]), quick([1], [0, 9]), late([31], [9, 0]), overdue]);
    const v = { debt_ratio: 0.9, quick_ratio: 0.5, avg_days_late: 40, overdue_share: 0.5 };
    const x = ok(explainCustomer(v, policy, "en"));
    expect([x.score, x.band]).toEqual([0, "E"]);
    expect(scoreCustomer({ debt_ratio: 0.49, quick_ratio: 1, avg_days_late: 30, overdue_share: 0.09 }, policy.model).score).toBe(36); // four would
    expect(x.liftOneBand).toEqual([]);
    expect(x.liftCombined).toBeNull();
    expect(x.liftNote).toBe("No single realistic factor change reaches band D (needs 30, now 0).");
    // Moves outside the plausible range do not count either: quick ratio 11× is beyond LEVERS' 10×.
    const far = withModel([debt([0.5], [15, 0]), quick([11], [0, 15])]);
    expect(ok(explainCustomer({ debt_ratio: 0.9, quick_ratio: 0.5 }, far, "en")).liftCombined).toBeNull();
    expect(
      ok(explainCustomer({ debt_ratio: 0.9, quick_ratio: 0.5 }, withModel([debt([0.5], [15, 0]), quick([9], [0, 15])]), "en")).liftCombined
        ?.text,
    ).toBe("Debt ratio from 90% to 49%; Quick ratio from 0.5× to 9× (+30 pts → band D)");
  });
});

describe("explainCustomer with the bundled model (properties, no hard-coded points)", () => {
  const factor = (lo: number, hi: number) => fc.option(fc.double({ min: lo, max: hi, noNaN: true }), { nil: undefined });
  const values = fc.record({
    debt_ratio: factor(0, 1.2),
    quick_ratio: factor(0, 4),
    ebit_to_assets: factor(-0.2, 0.3),
    cash_flow_to_debt: factor(-0.2, 1),
    retained_earnings_to_assets: factor(-0.2, 0.4),
    interest_coverage: factor(-5, 50),
    avg_days_late: factor(0, 120),
    max_days_late: factor(0, 200),
    pct_invoices_late: factor(0, 1),
    overdue_share: factor(0, 1),
    years_in_business: factor(0, 40),
    relationship_months: factor(0, 60),
    industry_risk: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    litigation_count: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
    total_assets: factor(1, 1e7),
    total_liabilities: factor(0, 1e7),
  });
  const clean = (v: Record<string, number | undefined>) =>
    Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)) as Partial<Record<FactorKey, number>>;

  test("the waterfall adds up to the score", () => {
    fc.assert(
      fc.property(values, (v) => {
        const vals = clean(v);
        const e = ok(explainCustomer(vals, DEFAULT_POLICY, "en"));
        expect(e.score).toBe(scoreCustomer(vals, DEFAULT_POLICY.model).score);
        expect(sumWaterfall(e)).toBeCloseTo(e.score, 9);
        expect(e.reasonTexts).toEqual(e.reasons.map((r) => formatReason(r, "en")));
      }),
      { numRuns: 300 },
    );
  });

  test("every suggestion, applied alone, reaches the next band; at most 3, smallest first; none in band A", () => {
    fc.assert(
      fc.property(values, (v) => {
        const vals = clean(v);
        const e = ok(explainCustomer(vals, DEFAULT_POLICY, "en"));
        const bi = BANDS.indexOf(e.band);
        if (bi === 0) {
          expect(e.liftOneBand).toEqual([]);
          return;
        }
        expect(e.liftOneBand.length).toBeLessThanOrEqual(3);
        for (let k = 1; k < e.liftOneBand.length; k++)
          expect(e.liftOneBand[k].relativeChange).toBeGreaterThanOrEqual(e.liftOneBand[k - 1].relativeChange);
        for (const l of e.liftOneBand) {
          const moved = scoreCustomer({ ...vals, [l.key]: l.to }, DEFAULT_POLICY.model);
          // bands follow the score as shown (one decimal)
          expect(displayScore(moved.score)).toBeGreaterThanOrEqual(DEFAULT_POLICY.model.bands[bi - 1].minScore);
          expect("ABCDE".indexOf(moved.band)).toBeLessThanOrEqual(bi - 1); // the next band or better
          expect(BANDS.indexOf(moved.band)).toBeLessThan(bi);
          const lever = LEVERS[l.key];
          expect(lever).toBeDefined();
          expect(l.to).toBeGreaterThanOrEqual(lever!.min);
          expect(l.to).toBeLessThanOrEqual(lever!.max);
          expect(l.points).toBeGreaterThan(0);
        }
        if (e.liftOneBand.length === 0) expect(e.liftNote).toMatch(/No single realistic factor change/);
      }),
      { numRuns: 300 },
    );
  });

  test("a combined plan comes only without single suggestions; its combined values, re-scored, reach the next band; steps stay in LEVERS and improve", () => {
    let plans = 0;
    fc.assert(
      fc.property(values, (v) => {
        const vals = clean(v);
        const e = ok(explainCustomer(vals, DEFAULT_POLICY, "en"));
        const p = e.liftCombined;
        if (!p) return;
        plans++;
        expect(e.liftOneBand).toEqual([]);
        expect(e.liftNote).toMatch(/No single realistic factor change/);
        expect(p.steps.length).toBeGreaterThanOrEqual(2);
        expect(p.steps.length).toBeLessThanOrEqual(3);
        expect(new Set(p.steps.map((x) => x.key)).size).toBe(p.steps.length);
        const combined = { ...vals, ...Object.fromEntries(p.steps.map((x) => [x.key, x.to])) };
        const moved = scoreCustomer(combined, DEFAULT_POLICY.model);
        expect(displayScore(moved.score)).toBeGreaterThanOrEqual(e.nextBandScore!);
        expect("ABCDE".indexOf(moved.band)).toBeLessThanOrEqual("ABCDE".indexOf(e.nextBand!)); // the next band or better
        expect([p.newScore, p.band, p.points]).toEqual([moved.score, moved.band, moved.score - e.score]);
        const derived = Object.fromEntries(e.groups.flatMap((g) => g.steps).map((x) => [x.key, x.value]));
        for (const x of p.steps) {
          const lever = LEVERS[x.key]!;
          expect(lever).toBeDefined();
          expect(x.to).toBeGreaterThanOrEqual(lever.min);
          expect(x.to).toBeLessThanOrEqual(lever.max);
          expect(x.from).toBe(derived[x.key]);
          const f = DEFAULT_POLICY.model.factors.find((m) => m.key === x.key)!;
          if (f.direction === "increasing") expect(x.to).toBeGreaterThan(x.from);
          else expect(x.to).toBeLessThan(x.from);
        }
      }),
      { numRuns: 300 },
    );
    expect(plans).toBeGreaterThan(20); // the generator does reach customers that need a plan
  });
});

describe("explainRow", () => {
  test("explains a reviewed row with the review's inputs (ledger behaviour included)", () => {
    const st = prepareReview({
      headers: HEADERS,
      rows: ROWS,
      mapping: autoMapColumns(HEADERS),
      ledger: { headers: LEDGER_HEADERS, rows: LEDGER_ROWS, mapping: autoMapColumns(LEDGER_HEADERS, "ledger") },
      asOf: AS_OF,
      policy: TEST_POLICY,
      lang: "en",
    });
    if (isEngineError(st)) throw new Error(st.message);
    reviewChunk(st, 0, st.total);
    const e = explainRow(st, 1);
    if (isEngineError(e)) throw new Error(e.message);
    expect(e.score).toBe(st.results[1]?.score);
    expect(e.limit?.limit).toBe(st.results[1]?.limit);
    expect(e.exposure).toBe(6_000);
    expect(e.groups[1].steps[0]).toMatchObject({ key: "avg_days_late", value: 28, valueText: "28 days" });
    expect(isEngineError(explainRow(st, 2))).toBe(true); // the row with text in a numeric column
    expect(isEngineError(explainRow(st, 99))).toBe(true);
    expect(explainRow(st, 4)).toMatchObject({ code: "NA" }); // blank row: nothing to explain
  });
});
