/**
 * A formula over a whole-column selection (e.g. B2:B1000 with data down to row 500)
 * gives "" for the trailing empty rows, as RISK.CREDITSCORE, AGING and DUNNINGSTAGE
 * do, instead of a column of "… is required" errors. A lone empty cell is still an error.
 */
import { creditLimitCore } from "../../src/engine/limit/creditlimit";
import { ceiCore } from "../../src/engine/receivables/cei";
import { dsoCore } from "../../src/engine/receivables/dso";
import { expectedLossCore } from "../../src/engine/receivables/expected-loss";
import { isBlankRow } from "../../src/engine/spill";

const col = (xs: unknown[]): unknown[][] => xs.map((x) => [x]);
const code = (x: unknown): string | undefined => (x as { code?: string })?.code;
/** The error code of a whole-call error, or of the first cell of a spill. */
const firstCode = (r: unknown): string | undefined => (Array.isArray(r) ? code(r[0][0]) : code(r));

describe("trailing empty rows of a selection give empty results", () => {
  test.each([
    ["DSO standard", () => dsoCore(col([15000, null, ""]), col([10000, null, ""]), 30, null), [[45], [""], [""]]],
    [
      "DSO add (two receivables columns)",
      () =>
        dsoCore(
          [
            [15000, 4000],
            [null, null],
          ],
          col([10000, null]),
          30,
          "add",
        ),
      [[33], [""]],
    ],
    [
      "CEI",
      () => ceiCore(col([6200, null]), col([10890, null]), col([6340, null]), col([3590, null]), 3, null),
      [[expect.closeTo(55.929, 3)], [""]],
    ],
    ["EXPECTEDLOSS", () => expectedLossCore(col([100000, null]), col([0.05, null]), null, null, null), [[3000], [""]]],
    [
      "CREDITLIMIT",
      () =>
        creditLimitCore(
          { score: col(["B", null]), netWorth: col([2000000, null]), annualSales: col([10000000, null]), termsDays: 60 },
          "en",
        ),
      [[700000], [""]],
    ],
    [
      "CREDITLIMIT all",
      () =>
        creditLimitCore(
          { score: col(["B", null]), netWorth: col([2000000, null]), annualSales: col([10000000, null]), termsDays: 60, output: "all" },
          "en",
        ),
      [
        [700000, "B", "Net-worth cap"],
        ["", "", ""],
      ],
    ],
  ])("%s", (_name, run, expected) => {
    expect(run()).toEqual(expected);
  });

  test("a row with some inputs is still checked: a missing required value is an error in that row", () => {
    const out = dsoCore(col([15000, 2000]), col([10000, null]), 30, null) as unknown[][];
    expect(out[0]).toEqual([45]);
    expect(code(out[1][0])).toBe("VALUE");
  });

  test("a single empty cell is an error, not an empty result", () => {
    expect(firstCode(dsoCore(null, 10000, 30, null))).toBe("VALUE");
    expect(firstCode(dsoCore([[null]], [[10000]], 30, null))).toBe("VALUE");
    expect(firstCode(expectedLossCore([[null]], 0.05, null, null, null))).toBe("VALUE");
    expect(firstCode(creditLimitCore({ score: null, netWorth: 1000, annualSales: null }, "en"))).toBe("VALUE");
  });

  test("isBlankRow ignores single cells repeated for every row, and needs at least one per-row range", () => {
    const v = (values: unknown[]) => ({ values, horizontal: false });
    expect(isBlankRow([v([1, null]), v([365])], 1)).toBe(true);
    expect(isBlankRow([v([1, null]), v([1, 0])], 1)).toBe(false); // 0 is a value
    expect(isBlankRow([v([null]), v([365])], 0)).toBe(false); // no per-row range
    expect(isBlankRow([null, v([null, "n/a"])], 1)).toBe(true); // "n/a" marks a blank
  });
});

describe("Excel desktop passes the empty rows of a selection as 0: rows of 0s at either end give empty results too", () => {
  test.each([
    ["DSO standard", () => dsoCore(col([15000, 0, 0]), col([10000, 0, 0]), 30, null), [[45], [""], [""]]],
    [
      "CEI (a row of 0s used to give #DIV/0!)",
      () => ceiCore(col([6200, 0]), col([10890, 0]), col([6340, 0]), col([3590, 0]), 3, null),
      [[expect.closeTo(55.929, 3)], [""]],
    ],
    [
      "EXPECTEDLOSS (used to give 0)",
      () => expectedLossCore(col([0, 100000, 0]), col([0, 0.05, 0]), null, null, null),
      [[""], [3000], [""]],
    ],
    [
      "CREDITLIMIT (a score of 0 used to read as band E: a limit of 0, cash in advance)",
      () => creditLimitCore({ score: col(["B", 0]), netWorth: col([2000000, 0]), annualSales: col([10000000, 0]), termsDays: 60 }, "en"),
      [[700000], [""]],
    ],
    [
      "CREDITLIMIT all",
      () =>
        creditLimitCore(
          { score: col([0, "B", 0]), netWorth: col([0, 2000000, 0]), annualSales: col([0, 10000000, 0]), termsDays: 60, output: "all" },
          "en",
        ),
      [
        ["", "", ""],
        [700000, "B", "Net-worth cap"],
        ["", "", ""],
      ],
    ],
  ])("%s", (_name, run, expected) => {
    expect(run()).toEqual(expected);
  });

  test("a row of 0s between rows of data is real data", () => {
    const cei = ceiCore(col([6200, 0, 6200]), col([10890, 0, 10890]), col([6340, 0, 6340]), col([3590, 0, 3590]), 3, null) as unknown[][];
    expect(code(cei[1][0])).toBe("DIV0");
    expect(expectedLossCore(col([100000, 0, 100000]), col([0.05, 0, 0.05]), null, null, null)).toEqual([[3000], [0], [3000]]);
    const limit = creditLimitCore(
      {
        score: col(["B", 0, "B"]),
        netWorth: col([2000000, 0, 2000000]),
        annualSales: col([10000000, 0, 10000000]),
        termsDays: 60,
        output: "all",
      },
      "en",
    ) as unknown[][];
    expect(limit[1]).toEqual([0, "E", "Cash in advance (band E)"]);
  });
});
