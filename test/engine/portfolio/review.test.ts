import { isEngineError } from "../../../src/engine/errors";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { expectedLoss } from "../../../src/engine/receivables/expected-loss";
import { scoreCustomer } from "../../../src/engine/scoring/score";
import { formatReasons } from "../../../src/engine/scoring/reasons";
import {
  CustomerResult,
  PortfolioSummary,
  ReviewInput,
  ReviewState,
  applyMappingOverrides,
  autoMapColumns,
  prepareReview,
  prepareReviewSteps,
  reviewChunk,
  rowInputs,
  rowReasons,
  summarise,
} from "../../../src/engine/portfolio";
import { AS_OF, HEADERS, LEDGER_HEADERS, LEDGER_ROWS, ROWS, TEST_POLICY, pdAt } from "./fixtures";

function input(lang: "en" | "zh" = "en", withLedger = true): ReviewInput {
  return {
    headers: HEADERS,
    rows: ROWS,
    mapping: autoMapColumns(HEADERS),
    ledger: withLedger ? { headers: LEDGER_HEADERS, rows: LEDGER_ROWS, mapping: autoMapColumns(LEDGER_HEADERS, "ledger") } : null,
    asOf: AS_OF,
    policy: TEST_POLICY,
    lang,
  };
}

function run(inp: ReviewInput): { state: ReviewState; summary: PortfolioSummary; r: CustomerResult[] } {
  const state = prepareReview(inp);
  if (isEngineError(state)) throw new Error(state.message);
  reviewChunk(state, 0, state.total);
  return { state, summary: summarise(state), r: state.results as CustomerResult[] };
}

describe("review of the hand-built table + ledger", () => {
  const { state, summary, r } = run(input());

  test("scores, bands, PD and coverage per row", () => {
    expect(r.map((x) => x.band)).toEqual(["A", "D", null, "E", null, "C", null]);
    expect(r.map((x) => x.score)).toEqual([100, 35, null, 0, null, 65, null]);
    expect(r[0].pd).toBeCloseTo(pdAt(100), 12);
    expect(r[1].pd).toBeCloseTo(pdAt(35), 12);
    expect(r[0].coverage).toBe(1);
    expect(r[0].id).toBe("C1");
    expect(r[0].name).toBe("Alpha");
  });

  test("the ledger fills a blank behaviour cell; the table's own figure wins otherwise", () => {
    // C2: avg days late blank in the table → ledger (1000×20 + 4000×30) / 5000 = 28 → 15 points
    const c2 = rowInputs(state, 1);
    if (isEngineError(c2)) throw new Error(c2.message);
    expect(c2.values.avg_days_late).toBe(28);
    // C1: the table says 0 days late although the ledger has a 60-day overdue invoice
    const c1 = rowInputs(state, 0);
    if (isEngineError(c1)) throw new Error(c1.message);
    expect(c1.values.avg_days_late).toBe(0);
  });

  test("limits, headroom, breaches and expected loss", () => {
    // A: min(0.5 × 1,000,000, 0.1 × 12,000,000 × 30/30) = 500,000
    expect(r[0]).toMatchObject({
      limit: 500_000,
      limitRule: "net_worth_cap",
      limitRuleText: "Net-worth cap",
      exposure: 300_000,
      exposureSource: "table",
      headroom: 200_000,
      breach: 0,
      currentLimit: 400_000,
      breachCurrent: 0,
    });
    expect(r[0].expectedLoss).toBeCloseTo(300_000 * pdAt(100) * 0.6, 9);
    expect(r[0].expectedLoss).toBeCloseTo(expectedLoss(300_000, r[0].pd as number, 0.6) as number, 9);
    // D: 0.1 × 200,000; exposure = the ledger's open amount 4,000 + 2,000
    expect(r[1]).toMatchObject({
      limit: 20_000,
      limitRule: "net_worth_cap",
      exposure: 6_000,
      exposureSource: "ledger",
      headroom: 14_000,
      breach: 0,
      currentLimit: null,
      breachCurrent: null,
    });
    expect(r[1].expectedLoss).toBeCloseTo(6_000 * pdAt(35) * 0.6, 9);
    // E: cash in advance → the whole exposure is a breach; current limit 5,000
    expect(r[3]).toMatchObject({
      limit: 0,
      limitRule: "cash_in_advance",
      exposure: 10_000,
      headroom: -10_000,
      breach: 10_000,
      breachCurrent: 5_000,
    });
    // C: min(0.2 × 300,000, 0.03 × 3,000,000) = 60,000
    expect(r[5]).toMatchObject({
      limit: 60_000,
      exposure: 80_000,
      headroom: -20_000,
      breach: 20_000,
      currentLimit: 50_000,
      breachCurrent: 30_000,
    });
  });

  test("bad rows are errors, blank rows are left out, the rest still score", () => {
    expect(r[2].error?.code).toBe("VALUE");
    // Without a place the table is taken to start at A1 (header in sheet row 1): data row 2 is sheet row 4.
    expect(r[2].error?.message).toBe(
      'row 4, column "Quick ratio" (quick_ratio), cell D4: text "1,5" is text, not a number. Enter it as a number (remove thousands separators or % signs, or convert the cell with VALUE()).',
    );
    expect(r[2].errorAt).toEqual({ sheetName: "", row: 3, column: 3, cell: "D4", address: "D4" });
    expect(r[2]).toMatchObject({ score: null, band: null, limit: null, exposure: 50_000, expectedLoss: null });
    expect(r[6].error?.code).toBe("NA");
    expect(r[6].error?.message).toBe("row 8: no factor values in this row: nothing to score.");
    expect(r[6].errorAt).toEqual({ sheetName: "", row: 7, column: null, cell: null, address: "8:8" });
    expect(r.map((x) => x.sheetRow)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(r[0].errorAt).toBeNull();
    expect(r[4]).toMatchObject({ blank: true, error: null, score: null });
  });

  test("duplicate ids are flagged, each row scores, the ledger joins the first", () => {
    const at = [
      { sheetName: "", row: 1, column: 0, cell: "A2", address: "A2" },
      { sheetName: "", row: 4, column: 0, cell: "A5", address: "A5" },
    ];
    expect(state.duplicates).toEqual([{ id: "C1", rows: [0, 3], sheetRows: [2, 5], at }]);
    expect(r.map((x) => x.duplicateId)).toEqual([true, false, false, true, false, false, false]);
    expect(r[0].ledger).toBe(true);
    expect(r[3].ledger).toBe(false);
    expect(summary.duplicateIds).toEqual([{ id: "C1", rows: [0, 3], sheetRows: [2, 5], at }]);
  });

  test("dunning stage and aging per customer from the ledger", () => {
    // C1: its worst invoice (60 days overdue → stage 4) is disputed → held; the other one is not due; credit note netted in 31–60
    expect(r[0]).toMatchObject({
      dunningStage: "On hold (disputed)",
      dunningStageNumber: 4,
      dunningOnHold: true,
      overdueByBucket: [1_000, 0, 2_500, 0, 0],
    });
    // C2: 30 days overdue → insurance claim (from day 30)
    expect(r[1]).toMatchObject({
      dunningStage: "Insurance claim",
      dunningStageNumber: 4,
      dunningOnHold: false,
      overdueByBucket: [2_000, 4_000, 0, 0, 0],
    });
    // C4: only a bad ledger row → joined, nothing open
    expect(r[5]).toMatchObject({ ledger: true, dunningStage: "Closed", dunningStageNumber: -1, overdueByBucket: [0, 0, 0, 0, 0] });
    expect(r[2]).toMatchObject({ ledger: false, dunningStage: null, dunningStageNumber: null, overdueByBucket: null });
  });

  test("summary: counts, exposure and expected loss by band", () => {
    expect(summary).toMatchObject({
      rows: 7,
      reviewed: 7,
      complete: true,
      blankRows: 1,
      customers: 6,
      scored: 4,
      errors: 2,
      modelVersion: "9.9.9",
      policyVersion: "1.2.3",
    });
    expect(summary.bands.map((b) => [b.band, b.count, b.exposure, b.recommendedLimit])).toEqual([
      ["A", 1, 300_000, 500_000],
      ["B", 0, 0, 0],
      ["C", 1, 80_000, 60_000],
      ["D", 1, 6_000, 20_000],
      ["E", 1, 10_000, 0],
      ["not_scored", 2, 50_000, 0],
    ]);
    const el = [300_000 * pdAt(100), 0, 80_000 * pdAt(65), 6_000 * pdAt(35), 10_000 * pdAt(0), 0].map((x) => x * 0.6);
    summary.bands.forEach((b, i) => expect(b.expectedLoss).toBeCloseTo(el[i], 9));
    expect(summary.totals.exposure).toBe(446_000);
    expect(summary.totals.expectedLoss).toBeCloseTo(
      el.reduce((a, b) => a + b, 0),
      9,
    );
    expect(summary.totals.currentLimit).toBe(455_000);
    expect(summary.exposureShareDE).toBeCloseTo(16_000 / 446_000, 12);
    expect(summary.errorMessages).toHaveLength(2);
  });

  test("summary: breaches sorted by excess, against recommended and current limits", () => {
    expect(summary.breaches.map((b) => [b.id, b.excess, b.exposure, b.limit])).toEqual([
      ["C4", 20_000, 80_000, 60_000],
      ["C1", 10_000, 10_000, 0],
    ]);
    expect(summary.breachExcess).toBe(30_000);
    expect(summary.breachesCurrent.map((b) => [b.row, b.excess])).toEqual([
      [5, 30_000],
      [3, 5_000],
    ]);
    expect(summary.breachCurrentExcess).toBe(35_000);
  });

  test("summary: aging, DSO, unmatched ledger ids", () => {
    // matched customers C1 + C2 + C4
    expect(summary.aging).toEqual({
      labels: ["Current", "1–30", "31–60", "61–90", "90+"],
      amounts: [3_000, 4_000, 2_500, 0, 0],
      overdue: 6_500,
      open: 9_500,
    });
    // sales dated in (as_of − 90, as_of]: 4,000 + 2,000 + 1,000 − 500 + 700 = 7,200; AR 10,200 → 127.5 days
    expect(summary.dso).toBeCloseTo(127.5, 10);
    expect(summary.dsoNote).toBeNull();
    expect(summary.ledger).toMatchObject({
      invoices: 7,
      badRows: 1,
      customers: 4,
      matched: 3,
      unmatched: [{ id: "ZZ", invoices: 1, open: 700 }],
      unmatchedOpen: 700,
    });
    expect(summary.ledger?.errorMessages[0]).toMatch(/^ledger row 9, cell B9: invoice_dates: text "2026-01-05" is not a date/);
    expect(summary.ledger?.errorItems.map((x) => [x.message, x.at.address])).toEqual([[summary.ledger?.errorMessages[0], "B9"]]);
    // ZZ's first (only) invoice is ledger data row 6 = sheet row 8; its id is in column A.
    expect(summary.ledger?.unmatched[0].at).toEqual({ sheetName: "", row: 7, column: 0, cell: "A8", address: "A8" });
  });

  test("summary: heat map cells add up to the exposure by band of customers with a ledger", () => {
    const h = summary.heatMap;
    if (!h) throw new Error("no heat map");
    expect(h.rows).toEqual(["A", "B", "C", "D", "E", "Not scored"]);
    expect(h.columns).toEqual(["Current", "1–30", "31–60", "61–90", "90+", "No open invoices"]);
    // A: C1's 300,000 split over its positive open amounts 1,000 (current) and 2,500 (31–60)
    expect(h.cells[0][0]).toBeCloseTo((300_000 * 1_000) / 3_500, 9);
    expect(h.cells[0][2]).toBeCloseTo((300_000 * 2_500) / 3_500, 9);
    expect(h.cells[2]).toEqual([0, 0, 0, 0, 0, 80_000]); // C4: nothing open in the ledger
    expect(h.cells[3]).toEqual([2_000, 4_000, 0, 0, 0, 0]);
    expect(h.cells[4]).toEqual([0, 0, 0, 0, 0, 0]); // the duplicate C1 row has no ledger
    const withLedger = [300_000, 0, 80_000, 6_000, 0, 0];
    h.cells.forEach((line, i) => expect(line.reduce((a, b) => a + b, 0)).toBeCloseTo(withLedger[i], 9));
    expect(summary.exposureWithoutLedger).toBe(60_000);
  });

  test("rowReasons gives CREDITSCORE's reason text", () => {
    const expected = formatReasons(
      scoreCustomer({ debt_ratio: 0.6, quick_ratio: 0.8, avg_days_late: 28 }, TEST_POLICY.model).reasons,
      "en",
    );
    expect(rowReasons(state, 1)).toBe(expected);
    expect(expected).toBe("Quick ratio 0.8× (−15 pts)"); // the one factor below an average firm
    expect(rowReasons(state, 2)).toBeNull();
  });
});

describe("review in Chinese", () => {
  const { summary, r } = run(input("zh"));
  test("labels, stage names and row errors in Chinese", () => {
    expect(summary.bands.map((b) => b.label)).toEqual(["A级", "B级", "C级", "D级", "E级", "未评分"]);
    expect(summary.aging?.labels).toEqual(["未逾期", "1–30天", "31–60天", "61–90天", "90天以上"]);
    expect(summary.heatMap?.columns[5]).toBe("无未结发票");
    expect(r[1].dunningStage).toBe("信用保险索赔");
    expect(r[0].dunningStage).toBe("争议暂停");
    expect(r[0].limitRuleText).toBe("净资产上限");
    expect(r[2].error?.message).toBe(
      "第 4 行“Quick ratio”列（quick_ratio，单元格 D4）：文本“1,5”不是数字（请去掉千位分隔符或百分号，或用 VALUE() 转换）。",
    );
    expect(r[6].error?.message).toBe("第 8 行：该行没有任何因子数据，无法评分。");
    expect(summary.ledger?.errorMessages).toEqual([
      "第 9 行“发票日期”列（invoice_date，单元格 B9）：文本“2026-01-05”不是日期，请输入 Excel 日期（例如使用 DATE() 或 DATEVALUE()）。",
    ]);
  });
});

describe("review without a ledger", () => {
  const { summary, r } = run(input("en", false));
  test("behaviour stays missing, no aging/DSO/heat map, with reasons", () => {
    // C2 without the ledger: 20 + 0 + neutral 15 = 35 still D; exposure unknown
    expect(r[1]).toMatchObject({ score: 35, exposure: null, exposureSource: null, ledger: false, dunningStage: null });
    expect(summary.aging).toBeNull();
    expect(summary.dso).toBeNull();
    expect(summary.dsoNote).toMatch(/No invoice ledger/);
    expect(summary.heatMap).toBeNull();
    expect(summary.heatMapNote).toMatch(/No invoice ledger/);
    expect(summary.ledger).toBeNull();
    expect(summary.totals.exposure).toBe(440_000);
  });
});

describe("prepareReview checks its inputs", () => {
  test("a mapping without any factor is one error, in the pane's language", () => {
    const h = ["Customer ID", "Exposure"];
    const bad = prepareReview({
      headers: h,
      rows: [["C1", 1]],
      mapping: autoMapColumns(h),
      asOf: AS_OF,
      policy: DEFAULT_POLICY,
      lang: "zh",
    });
    expect(isEngineError(bad) && bad.message).toBe(
      "没有识别出任何评分因子列（如资产负债率、流动比率、平均逾期天数）。请修改表头或手动映射列。",
    );
  });
  test("a ledger without a due-date column is refused", () => {
    const lh = ["Customer", "Invoice date", "Amount"];
    const bad = prepareReview({ ...input(), ledger: { headers: lh, rows: [], mapping: autoMapColumns(lh, "ledger") } });
    expect(isEngineError(bad) && bad.message).toBe('The ledger needs a "Due date" column (due_date); map one.');
  });
  test("a stored mapping that no longer fits the headers is refused", () => {
    const bad = prepareReview({ ...input(), headers: [...HEADERS.slice(0, 9), "Remarks"] });
    expect(isEngineError(bad) && bad.message).toBe(
      'mapping: column 10 is headed "Remarks" but the mapping expects "Notes"; map the columns again.',
    );
  });
  test("as-of date, LGD and aging edges are checked", () => {
    expect(isEngineError(prepareReview({ ...input(), asOf: "2026-06-30" as unknown as number }))).toBe(true);
    expect(isEngineError(prepareReview({ ...input(), options: { expectedLossLgd: 1.5 } }))).toBe(true);
    expect(isEngineError(prepareReview({ ...input(), options: { agingEdges: [60, 30] } }))).toBe(true);
  });
  test("mapping warnings travel with the state", () => {
    const h = ["Debt ratio"];
    const st = prepareReview({ headers: h, rows: [[0.3]], mapping: autoMapColumns(h), asOf: AS_OF, policy: TEST_POLICY, lang: "en" });
    if (isEngineError(st)) throw new Error(st.message);
    expect(st.warnings.map((w) => w.code)).toEqual(["missing_customer_id", "missing_exposure"]);
    reviewChunk(st, 0, 1);
    expect(st.results[0]).toMatchObject({ id: null, score: 70, band: "B" }); // 40 + neutral 15 + neutral 15
    expect(summarise(st).exposureNote).toMatch(/No customer has an exposure figure/);
  });
  test("an ignored column is not read (a bad cell there is no error)", () => {
    const m = applyMappingOverrides(autoMapColumns(HEADERS), { "Quick ratio": "ignore" });
    if (isEngineError(m)) throw new Error(m.message);
    const { r } = run({ ...input(), mapping: m });
    expect(r[2].error).toBeNull();
    expect(r[2].score).toBe(20 + 15 + 15); // neutral debt (n/a) and quick, 5 days late
  });
  test("ragged and missing rows read as blank cells", () => {
    const { r, summary } = run({
      ...input(),
      rows: [["C1", "Alpha", 0.4], undefined as unknown as unknown[], []],
      ledger: {
        headers: LEDGER_HEADERS,
        rows: [undefined as unknown as unknown[], ...LEDGER_ROWS],
        mapping: autoMapColumns(LEDGER_HEADERS, "ledger"),
      },
    });
    // debt 40 + quick neutral 15 + ledger behaviour (C1: 60 days late on its only experienced invoice → 0)
    expect(r[0]).toMatchObject({ score: 55, band: "C" });
    expect(r[1].blank && r[2].blank).toBe(true);
    expect(summary.ledger?.invoices).toBe(7);
  });
  test("custom aging edges and LGD", () => {
    const { summary, r } = run({ ...input(), options: { agingEdges: [45], expectedLossLgd: 0.4 } });
    expect(summary.aging?.labels).toEqual(["Current", "1–45", "45+"]);
    expect(r[1].overdueByBucket).toEqual([2_000, 4_000, 0]);
    expect(r[0].overdueByBucket).toEqual([1_000, 0, 2_500]);
    expect(r[1].expectedLoss).toBeCloseTo(6_000 * pdAt(35) * 0.4, 9);
  });
});

describe("prepareReviewSteps", () => {
  test("yields progress and ends with the same state as prepareReview", () => {
    const it = prepareReviewSteps(input(), 2);
    const progress: string[] = [];
    let s = it.next();
    while (!s.done) {
      progress.push(`${s.value.phase}:${s.value.done}/${s.value.total}`);
      s = it.next();
    }
    expect(progress).toEqual([
      "ledger-rows:2/9",
      "ledger-rows:4/9",
      "ledger-rows:6/9",
      "ledger-rows:8/9",
      "ledger-customers:2/4",
      "customers:2/7",
      "customers:4/7",
      "customers:6/7",
    ]);
    const st = s.value;
    if (isEngineError(st)) throw new Error(st.message);
    reviewChunk(st, 0, st.total);
    expect(summarise(st)).toEqual(run(input()).summary);
  });
});
