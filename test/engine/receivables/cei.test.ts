import { isEngineError } from "../../../src/engine/errors";
import { cei, ceiCore } from "../../../src/engine/receivables/cei";

const code = (x: unknown) => (isEngineError(x) ? x.code : x);

describe("CEI", () => {
  test("domain reference: 6,200 / 10,890 over 3 months / 6,340 / 3,590 → 55.9 %", () => {
    const r = cei(6_200, 10_890, 6_340, 3_590, 3) as number;
    expect(r).toBeCloseTo((3490 / 6240) * 100, 12);
    expect(r.toFixed(1)).toBe("55.9");
    expect(ceiCore(6200, 10890, 6340, 3590, 3, null)).toEqual([[expect.closeTo(55.9294871795, 9)]]);
    expect(ceiCore([[6200]], [[10890]], [[6340]], [[3590]], [[3]], "monthly")).toEqual([[expect.closeTo(55.9294871795, 9)]]);
  });
  test("whole-period convention uses all sales", () => {
    expect(ceiCore(6200, 10890, 6340, 3590, 3, "period")).toEqual([[expect.closeTo((10750 / 13500) * 100, 9)]]);
    // months is irrelevant under "period"
    expect(cei(6200, 10890, 6340, 3590, 12, "period")).toBeCloseTo(79.6296296, 6);
  });
  test("months default 1", () => {
    expect(ceiCore(1000, 500, 600, 300, null, null)).toEqual([[(900 / 1200) * 100]]);
  });
  test("100 when everything collectable was collected", () => {
    expect(cei(1000, 3000, 400, 400, 3)).toBe(100);
  });
  test("rows spill, bad rows alone", () => {
    const out = ceiCore([[6200], [-1], [6200], ["x"], [0]], 10890, [[6340], [1], [3000], [1], [0]], [[3590], [0], [3590], [0], [0]], 3, null) as unknown[][];
    expect(out[0][0]).toBeCloseTo(55.929, 3);
    expect((out[1][0] as { message: string }).message).toMatch(/begin_ar/);
    expect((out[2][0] as { message: string }).message).toMatch(/end_current_ar/); // current 3590 > end 3000
    expect(code(out[3][0])).toBe("VALUE");
    expect(out[4][0]).toBeCloseTo(100, 9); // begin 0, sales 3630, end 0 → collected everything
  });
  test("nothing collectable → #DIV/0!; inconsistent → #NUM!; bad months/convention", () => {
    expect(code(cei(0, 0, 0, 0, 1))).toBe("DIV0");
    expect(code(cei(0, 0, 100, 100, 1))).toBe("NUM");
    expect(code(cei(1, 1, 1, 0, 0))).toBe("VALUE");
    expect(code(ceiCore(1, 1, 1, 0, 1, "quarterly"))).toBe("VALUE");
    expect(code(ceiCore([[1], [2]], [[1], [2], [3]], 1, 0, 1, null))).toBe("VALUE");
  });
});
