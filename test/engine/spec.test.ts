/** Spec-driven argument reading (`runRows`): what a declared parameter reads as, and the errors it gives. */
import { FunctionSpec, readCall, runRows } from "../../src/engine/spec";
import { isEngineError, messageIn } from "../../src/engine/errors";
import { dunningStageCore } from "../../src/engine/receivables/dunning";

const SPEC = {
  id: "DEMO",
  params: [
    { name: "amount", shape: "column", kind: "amount", data: true, rules: { min: 0 } },
    { name: "when", shape: "column", kind: "date", optional: true },
    { name: "share", shape: "column", kind: "ratio", optional: true, default: 0.5 },
    { name: "mode", shape: "scalar", kind: "enum", optional: true, choices: ["fast", "slow"], default: "fast" },
  ],
} as const satisfies FunctionSpec;

const echo = (args: unknown[]) => runRows(SPEC, args, (r) => `${r.amount}|${r.when}|${r.share}|${r.mode}`);

describe("runRows", () => {
  test("reads each row as declared: defaults for omitted optional parameters, the enum's default", () => {
    expect(echo([[[10], [20]], null, null, null])).toEqual([["10|null|0.5|fast"], ["20|null|0.5|fast"]]);
    expect(echo([[[10]], [[46000]], [[0.9]], "SLOW"])).toEqual([["10|46000|0.9|slow"]]);
  });

  test("a blank row in every data parameter is blank; rules are enforced per cell, in that row only", () => {
    const r = echo([[[10], [null], [-1]], null, null, null]);
    expect(isEngineError(r)).toBe(false);
    const rows = r as unknown[][];
    expect(rows[0]).toEqual(["10|null|0.5|fast"]);
    expect(rows[1]).toEqual([""]);
    expect(isEngineError(rows[2][0]) && messageIn(rows[2][0], "zh")).toBe("amount：-1 小于允许的最小值 0。");
    expect(isEngineError(rows[2][0]) && rows[2][0].message).toBe("amount: -1 is below the smallest allowed value 0.");
  });

  test("a required parameter omitted, an unknown enum word and ranges of different sizes are one error for the call", () => {
    const missing = echo([null, null, null, null]);
    expect(isEngineError(missing) && missing.message).toBe("amount is required.");
    const mode = echo([[[1]], null, null, "medium"]);
    expect(isEngineError(mode) && messageIn(mode, "zh")).toBe("mode：“medium”不是 “fast”、“slow” 之一。");
    const sizes = echo([[[1], [2]], null, [[0.1], [0.2], [0.3]], null]);
    expect(isEngineError(sizes) && sizes.message).toBe(
      "share has 3 values but amount has 2: ranges must be the same size (or a single cell).",
    );
  });

  test("a date parameter reads Excel serials and refuses text dates", () => {
    const r = echo([[[1]], [["2026-01-31"]], null, null]) as unknown[][];
    expect(isEngineError(r[0][0]) && r[0][0].message).toMatch(/^when: text "2026-01-31" is not a date\./);
  });
});

describe("runRows: flags, whole-range tables and rows without data", () => {
  const TABLE_SPEC = {
    id: "DEMO2",
    params: [
      { name: "key", shape: "column", kind: "date", blankCells: true, blankMeansNoRow: true },
      { name: "other", shape: "column", kind: "amount" },
      { name: "flag", shape: "column", kind: "flag", optional: true },
      { name: "table", shape: "matrix", kind: "table", optional: true, read: (a: unknown) => (Array.isArray(a) ? a.length : 0) },
    ],
  } as const satisfies FunctionSpec;
  const run = (args: unknown[]) => runRows(TABLE_SPEC, args, (r) => `${r.key}|${r.other}|${r.flag}|${r.table}`);

  test("a flag reads yes/no words; a table is read once by its declared reader", () => {
    expect(run([[[46000], [46001]], [[1]], [["是"], [false]], [[1], [2], [3]]])).toEqual([["46000|1|true|3"], ["46001|1|false|3"]]);
  });

  test("a blank key (or a 0 date) gives an empty result without reading the row's other cells", () => {
    expect(run([[[null], [0], [46000]], [["bad"], ["bad"], [5]], null, null])).toEqual([[""], [""], ["46000|5|false|0"]]);
  });

  test("RISK.DUNNINGSTAGE keeps that rule: no due date, no stage, even when as_of is unusable", () => {
    expect(dunningStageCore([[null]], [["someday"]], null, null, null, null, "en")).toEqual([[""]]);
  });
});

describe("readCall and runRows: single-cell scalars, cell readers, omittable arguments, wider results", () => {
  const SPEC = {
    id: "DEMO3",
    params: [
      { name: "grade", shape: "column", kind: "score", omittable: true, cell: (c: unknown) => (c === "A" ? 1 : c === null ? null : 2) },
      { name: "amount", shape: "column", kind: "amount", blankCells: true, omittable: true, data: true },
      { name: "as_of", shape: "scalar", kind: "date" },
      { name: "days", shape: "scalar", kind: "count", optional: true, default: 90, rules: { min: 1, integer: true } },
      { name: "output", shape: "scalar", kind: "enum", optional: true, choices: ["one", "two"], default: "one" },
    ],
  } as const satisfies FunctionSpec;
  const run = (args: unknown[]) =>
    runRows(
      SPEC,
      args,
      (r) => (r.output === "two" ? [`${r.grade}`, `${r.amount}|${r.as_of}|${r.days}`] : `${r.grade}|${r.amount}|${r.as_of}|${r.days}`),
      { width: (c) => (c.output === "two" ? 2 : 1) },
    );

  test("a scalar date or count is one cell of the call, with its default and rules", () => {
    expect(readCall(SPEC, [null, null, [[46000]], null, null])).toEqual({ as_of: 46000, days: 90, output: "one" });
    const wide = readCall(SPEC, [null, null, [[46000, 46001]], null, null]);
    expect(isEngineError(wide) && wide.message).toMatch(/^as_of/);
    const days = readCall(SPEC, [null, null, 46000, 1.5, null]);
    expect(isEngineError(days) && days.message).toMatch(/^days/);
    const output = readCall(SPEC, [null, null, "x", null, "three"]);
    expect(isEngineError(output) && output.message).toMatch(/^output/);
  });

  test("an omittable argument left out reads as blank cells; a declared cell reader reads its cells", () => {
    expect(run([[["A"], ["B"]], null, 46000, null, null])).toEqual([["1|null|46000|90"], ["2|null|46000|90"]]);
    expect(run([[["A", "B"]], [[5, 6]], 46000, 7, null])).toEqual([["1|5|46000|7", "2|6|46000|7"]]);
  });

  test("a wider result keeps one row per input row; a blank or bad row fills every column", () => {
    const r = run([[["A"], ["A"], ["A"]], [[5], [null], ["x"]], 46000, null, "two"]) as unknown[][];
    expect(r[0]).toEqual(["1", "5|46000|90"]);
    expect(r[1]).toEqual(["", ""]);
    expect(isEngineError(r[2][0]) && r[2][0] === r[2][1]).toBe(true);
  });
});
