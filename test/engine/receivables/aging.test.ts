import fc from "fast-check";
import { isEngineError } from "../../../src/engine/errors";
import { serialFromYmd } from "../../../src/engine/dates";
import { agingBucket, agingCore, agingLabels, agingSummary, readAgingEdges } from "../../../src/engine/receivables/aging";

const A = serialFromYmd(2026, 6, 30);
const col = (xs: unknown[]) => xs.map((x) => [x]);

describe("AGING", () => {
  const dpd = [0, 1, 30, 31, 60, 61, 90, 91, -5];
  const dues = col(dpd.map((d) => A - d));
  test("labels per invoice at the bucket edges (en / zh)", () => {
    expect(agingCore(dues, A, null, null, "en")).toEqual(col(["Current", "1–30", "1–30", "31–60", "31–60", "61–90", "61–90", "90+", "Current"]));
    expect(agingCore(dues, A, null, null, "zh")).toEqual(col(["未逾期", "1–30天", "1–30天", "31–60天", "31–60天", "61–90天", "61–90天", "90天以上", "未逾期"]));
  });
  test("amounts → 2-row spill: labels then sums; paid (0) in no bucket; credit notes netted", () => {
    const amounts = col([100, 200, 300, 400, 500, 600, 700, 800, 0]);
    expect(agingCore(dues, A, amounts, null, "en")).toEqual([
      ["Current", "1–30", "31–60", "61–90", "90+"],
      [100, 500, 900, 1300, 800],
    ]);
    expect(agingCore(col([A - 5, A - 5]), A, col([1000, -250]), null, "en")).toEqual([
      ["Current", "1–30", "31–60", "61–90", "90+"],
      [0, 750, 0, 0, 0],
    ]);
  });
  test("custom edges {15,45} (a row or a column)", () => {
    expect(agingLabels([15, 45], "en")).toEqual(["Current", "1–15", "16–45", "45+"]);
    expect(agingCore(col([A - 15, A - 16, A - 46]), A, null, [[15, 45]], "en")).toEqual(col(["1–15", "16–45", "45+"]));
    expect(agingCore(col([A - 15, A - 16, A - 46]), A, col([1, 2, 4]), col([15, 45]), "en")).toEqual([
      ["Current", "1–15", "16–45", "45+"],
      [0, 1, 2, 4],
    ]);
  });
  test("bad edges are one error", () => {
    expect(isEngineError(readAgingEdges([[30, 30]]))).toBe(true);
    expect(isEngineError(readAgingEdges([[60, 30]]))).toBe(true);
    expect(isEngineError(readAgingEdges([[0, 30]]))).toBe(true);
    expect(isEngineError(readAgingEdges([[1.5]]))).toBe(true);
    expect(isEngineError(agingCore(dues, A, null, [["x"]], "en"))).toBe(true);
  });
  test("bad rows: per-invoice error cells; summary leaves them out and adds an Errors column", () => {
    const out = agingCore(col([A - 40, "2026-05-01", null, A - 2]), A, null, null, "en") as unknown[][];
    expect(out[0][0]).toBe("31–60");
    expect(isEngineError(out[1][0])).toBe(true);
    expect(out[2][0]).toBe("");
    expect(out[3][0]).toBe("1–30");
    const sum = agingCore(col([A - 40, "2026-05-01", null, A - 2, A]), A, col([10, 20, 30, "abc", 5]), null, "zh") as unknown[][];
    expect(sum[0]).toEqual(["未逾期", "1–30天", "31–60天", "61–90天", "90天以上", "错误"]);
    expect(sum[1].slice(0, 5)).toEqual([5, 0, 10, 0, 0]);
    const e = sum[1][5];
    expect(isEngineError(e) && e.message).toMatch(/^3 row\(s\) could not be read.*first: row 2: due_dates/);
  });
  test("argument errors: mismatched lengths, as_of a range in summary mode", () => {
    expect(isEngineError(agingCore(col([A, A]), A, col([1, 2, 3]), null, "en"))).toBe(true);
    expect(isEngineError(agingCore(col([A, A]), col([A, A]), col([1, 2]), null, "en"))).toBe(true);
    expect(agingCore(col([A, A]), col([A, A + 5]), null, null, "en")).toEqual(col(["Current", "1–30"]));
  });
});

describe("aging properties", () => {
  test("buckets partition the open amount exactly", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -400, max: 400 }), fc.integer({ min: -1e9, max: 1e9 })), { maxLength: 200 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 365 }), { minLength: 1, maxLength: 6 }),
        (rows, edgesRaw) => {
          const edges = [...edgesRaw].sort((a, b) => a - b);
          const s = agingSummary(rows.map(([d]) => A - d), rows.map(([, a]) => a / 100), A, edges);
          // cents: compare in integer cents to stay exact
          const bucketCents = s.amounts.reduce((x, y) => x + Math.round(y * 100), 0);
          expect(bucketCents).toBe(rows.reduce((x, [, a]) => x + a, 0));
          expect(s.amounts.length).toBe(edges.length + 2);
          expect(s.badRows).toBe(0);
        },
      ),
    );
  });
  test("integer amounts: sum of buckets equals sum of amounts exactly; each invoice in exactly one bucket", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -400, max: 400 }), fc.integer({ min: 0, max: 1e9 })), { maxLength: 200 }), (rows) => {
        const s = agingSummary(rows.map(([d]) => A - d), rows.map(([, a]) => a), A);
        expect(s.amounts.reduce((x, y) => x + y, 0)).toBe(rows.reduce((x, [, a]) => x + a, 0));
        for (const [d] of rows) {
          const b = agingBucket(d);
          expect(b).toBeGreaterThanOrEqual(0);
          expect(b).toBeLessThanOrEqual(4);
        }
      }),
    );
  });
});
