import { isExcelError } from "./custom-functions-global";
import { creditLimit, creditScore, dso, dunningStage } from "../../src/functions/functions";

/** Excel passes null for an omitted optional argument (the declared type says undefined). */
const OMITTED = null as unknown as undefined;

const serial = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
};

describe("RISK.DSO adapter", () => {
  it("reproduces the countback worked example (73.7 days)", () => {
    const r = dso([[212000]], [[70000], [80000], [100000]], undefined, "countback");
    expect(r).toHaveLength(1);
    expect(r[0][0] as number).toBeCloseTo(73.714, 3);
  });
  it("countback ignores the empty newest months of a longer range: 73.7 whether Excel passes them as 0 (desktop) or null (web)", () => {
    // Desktop used to give 133.7 (two empty months counted as months without sales), the web a misleading #N/A.
    for (const empty of [0, null, ""]) {
      const r = dso([[212000]], [[70000], [80000], [100000], [empty], [empty]], OMITTED, "countback");
      expect(r).toHaveLength(1);
      expect((r[0][0] as number).toFixed(1)).toBe("73.7");
    }
  });
  it("standard DSO spills one row per customer, with a #DIV/0! only in the bad row", () => {
    const r = dso([[15000], [100], [5000]], [[10000], [0], [60000]], [[30]], OMITTED);
    expect(r[0][0]).toBe(45);
    expect(isExcelError(r[1][0]) && r[1][0].code).toBe("#DIV/0!");
    expect(r[2][0]).toBe(2.5);
  });
  it("an unknown method is one #VALUE! with a message naming the argument", () => {
    const r = dso([[1]], [[1]], OMITTED, "weekly");
    expect(isExcelError(r[0][0]) && r[0][0].code).toBe("#VALUE!");
    expect(isExcelError(r[0][0]) && r[0][0].message).toMatch(/method/);
  });
  it("text where a number is needed is #VALUE!, never 0", () => {
    const r = dso([["1,234"]], [[10]], OMITTED, OMITTED);
    expect(isExcelError(r[0][0]) && r[0][0].code).toBe("#VALUE!");
    expect(isExcelError(r[0][0]) && r[0][0].message).toMatch(/1,234/);
  });
});

describe("RISK.DUNNINGSTAGE adapter", () => {
  const asOf = serial("2026-11-22");
  it("gives the default ladder's stages and spills per invoice", () => {
    const due = [["2026-12-10"], ["2026-11-28"], ["2026-11-19"], ["2026-11-07"], ["2026-10-23"], ["2026-08-24"], ["2026-12-31"]].map(
      ([d]) => [serial(d)],
    );
    const r = dunningStage(due, [[asOf]], OMITTED, OMITTED, OMITTED, OMITTED);
    expect(r.map((row) => row[0])).toEqual([
      "Not due",
      "Reminder",
      "Formal notice",
      "Legal escalation",
      "Insurance claim",
      "Collection agency",
      "Not due",
    ]);
  });
  it("closed when nothing is outstanding; a text date is an error in its row only", () => {
    const r = dunningStage([[serial("2026-01-01")], ["2026-01-01"]], [[asOf]], [[0], [100]], OMITTED, OMITTED, OMITTED);
    expect(r[0][0]).toBe("Closed");
    expect(isExcelError(r[1][0]) && r[1][0].code).toBe("#VALUE!");
    expect(isExcelError(r[1][0]) && r[1][0].message).toMatch(/due_date/);
  });
});

describe("RISK.CREDITSCORE adapter", () => {
  const table = [
    ["Debt ratio", "Current ratio", "Interest coverage", "ROA", "Avg days late"],
    [0.35, 2.1, 8, 0.09, 0],
    [0.95, 0.6, 0.4, -0.12, 45],
    ["n/a", "", "", "", ""],
    [0.5, "1,234", 3, 0.02, 5],
  ];
  it("scores each row, header row first, blank row blank, bad row an error in that row only", () => {
    const r = creditScore(table, undefined, "score");
    expect(r).toHaveLength(5);
    expect(typeof r[0][0]).toBe("string");
    const [strong, weak] = [r[1][0] as number, r[2][0] as number];
    expect(strong).toBeGreaterThan(weak);
    expect(strong).toBeGreaterThanOrEqual(0);
    expect(strong).toBeLessThanOrEqual(100);
    expect(r[3][0]).toBe("");
    expect(isExcelError(r[4][0]) && r[4][0].code).toBe("#VALUE!");
  });
  it("gives the reasons quoted in README.md and docs/functions.md (update the docs if the model changes)", () => {
    const r = creditScore(table.slice(0, 3), undefined, "reasons");
    expect(r[2][0]).toBe("Average days late 45 days (−11 pts); Debt ratio 95% (−6 pts)");
  });
  it("no recognised column is #VALUE! naming accepted keys", () => {
    const r = creditScore([["colour"], ["red"]], undefined, OMITTED);
    expect(isExcelError(r[0][0]) && r[0][0].code).toBe("#VALUE!");
    expect(isExcelError(r[0][0]) && r[0][0].message).toMatch(/debt_ratio/);
  });
  it("labels given separately: no header row in the result; 'all' gives 5 columns", () => {
    const r = creditScore([[0.35, 2.1]], [["资产负债率", "流动比率"]], "all");
    expect(r).toHaveLength(1);
    expect(r[0]).toHaveLength(5);
    expect(["A", "B", "C", "D", "E"]).toContain(r[0][1]);
  });
});

describe("RISK.CREDITLIMIT adapter", () => {
  it("band B example: net-worth cap binds", () => {
    expect(creditLimit([["B"]], [[2_000_000]], [[10_000_000]], [[60]], OMITTED, OMITTED, OMITTED)).toEqual([[700_000]]);
    expect(creditLimit([["B"]], [[2_000_000]], [[10_000_000]], [[60]], OMITTED, OMITTED, "rule")).toEqual([["Net-worth cap"]]);
  });
  it("worst band is cash in advance; requested caps; bad rows are errors in their row", () => {
    const r = creditLimit(
      [["E"], ["A"], [150], ["x"]],
      [[1e6], [1e6], [1e6], [1e6]],
      [[1e7], [1e7], [1e7], [1e7]],
      OMITTED,
      [[null], [50_000], [null], [null]],
      OMITTED,
      OMITTED,
    );
    expect(r[0][0]).toBe(0);
    expect(r[1][0]).toBe(50_000);
    expect(isExcelError(r[2][0]) && r[2][0].message).toMatch(/score/);
    expect(isExcelError(r[3][0]) && r[3][0].message).toMatch(/score/);
  });
  it("a score maps to its band through the model's cut-offs", () => {
    const hi = creditLimit([[99]], [[1e6]], [[1e7]], OMITTED, OMITTED, OMITTED, "all");
    const lo = creditLimit([[1]], [[1e6]], [[1e7]], OMITTED, OMITTED, OMITTED, "all");
    expect(hi[0][1]).toBe("A");
    expect(lo[0][1]).toBe("E");
    expect(lo[0][0]).toBe(0);
  });
  it("mismatched ranges are one #VALUE!", () => {
    const r = creditLimit([["A"], ["B"]], [[1], [2], [3]], [[1]], OMITTED, OMITTED, OMITTED, OMITTED);
    expect(isExcelError(r[0][0]) && r[0][0].message).toMatch(/same size/);
  });
});
