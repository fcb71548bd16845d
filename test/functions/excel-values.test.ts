/**
 * What the nine RISK.* adapters hand back to Excel, whatever they are given:
 * only values Excel can show (no −0, NaN, undefined, stray objects, over-long
 * text), and for malformed arguments a clear #VALUE!/#N/A message, never the
 * guard's "internal error".
 */
import { isExcelError } from "./custom-functions-global";
import * as F from "../../src/functions/functions";
import { MAX_CELL_TEXT, toExcelCell } from "../../src/functions/excel-errors";
import { serialFromIso } from "../../src/engine/dates";

/* eslint-disable @typescript-eslint/no-explicit-any */
const d = (iso: string) => serialFromIso(iso) as number;
const col = (xs: unknown[]): unknown[][] => xs.map((x) => [x]);

/** Each formula with arguments that compute, as Excel passes them (omitted optional arguments are null). */
const GOOD: Record<string, { call: (a: any[]) => unknown[][]; args: unknown[] }> = {
  CREDITSCORE: {
    call: (a) => F.creditScore(a[0], a[1], a[2]),
    args: [
      [
        ["Debt ratio", "Current ratio"],
        [0.35, 2.1],
        [0.9, 0.6],
      ],
      null,
      null,
    ],
  },
  CREDITLIMIT: {
    call: (a) => F.creditLimit(a[0], a[1], a[2], a[3], a[4], a[5], a[6]),
    args: [col(["B", "A"]), col([2e6, 1e6]), col([1e7, 1e7]), [[60]], null, null, null],
  },
  DSO: { call: (a) => F.dso(a[0], a[1], a[2], a[3]), args: [col([15000, 5000]), col([10000, 60000]), [[30]], null] },
  DUNNINGSTAGE: {
    call: (a) => F.dunningStage(a[0], a[1], a[2], a[3], a[4], a[5]),
    args: [col([d("2026-03-01"), d("2026-03-10")]), [[d("2026-03-21")]], null, null, null, null],
  },
  CEI: {
    call: (a) => F.cei(a[0], a[1], a[2], a[3], a[4], a[5]),
    args: [col([6200, 1000]), col([10890, 500]), col([6340, 600]), col([3590, 300]), [[3]], null],
  },
  DSOINVOICES: {
    call: (a) => F.dsoInvoices(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8]),
    args: [
      col([d("2026-08-01"), d("2026-09-01")]),
      col([d("2026-08-31"), d("2026-10-01")]),
      col([d("2026-09-10"), null]),
      col([1000, 3000]),
      [[d("2026-11-22")]],
      null,
      null,
      null,
      col(["A", "B"]),
    ],
  },
  AGING: {
    call: (a) => F.aging(a[0], a[1], a[2], a[3]),
    args: [col([d("2026-06-20"), d("2026-05-01")]), [[d("2026-06-30")]], col([100, 250]), null],
  },
  PAYBEHAVIOR: {
    call: (a) => F.payBehavior(a[0], a[1], a[2], a[3], a[4], a[5], a[6]),
    args: [
      col(["A", "B"]),
      col([d("2026-08-01"), d("2026-09-01")]),
      col([d("2026-08-31"), d("2026-10-01")]),
      col([d("2026-09-10"), null]),
      col([1000, 3000]),
      [[d("2026-11-22")]],
      null,
    ],
  },
  EXPECTEDLOSS: {
    call: (a) => F.expectedLoss(a[0], a[1], a[2], a[3], a[4]),
    args: [col([100000, 50000]), col([0.05, 0.1]), null, null, null],
  },
};

const ALLOWED = new Set(["#VALUE!", "#N/A", "#DIV/0!", "#NUM!"]);

/** Every reason `out` is not something Excel can show as a spill. */
function problems(out: unknown): string[] {
  if (!Array.isArray(out) || out.length === 0 || !out.every((r) => Array.isArray(r) && r.length > 0)) return ["not a non-empty matrix"];
  const width = (out[0] as unknown[]).length;
  const found: string[] = [];
  if (!out.every((r: unknown[]) => r.length === width)) found.push("not rectangular");
  for (const row of out as unknown[][]) {
    for (const x of row) {
      if (typeof x === "number") {
        if (!Number.isFinite(x)) found.push(`non-finite ${x}`);
        if (Object.is(x, -0)) found.push("−0");
      } else if (typeof x === "string") {
        if (x.length > MAX_CELL_TEXT) found.push(`text of ${x.length} characters`);
      } else if (typeof x !== "boolean") {
        if (!isExcelError(x)) found.push(`not an Excel value: ${String(x)}`);
        else if (!ALLOWED.has(x.code)) found.push(`error code ${x.code}`);
        else if ((x.code === "#VALUE!" || x.code === "#N/A") && !(x.message && x.message.length > 0 && x.message.length < 1000))
          found.push(`${x.code} message ${JSON.stringify(x.message?.slice(0, 80))}`);
        else if (/internal error/i.test(x.message ?? "")) found.push(`internal error: ${x.message}`);
      }
    }
  }
  return found;
}

const errorsIn = (out: unknown[][]) => out.flat().filter(isExcelError);

describe("no function returns −0 (normalised where results leave the engine)", () => {
  test("toExcelCell turns −0 into 0 and keeps other numbers", () => {
    expect(Object.is(toExcelCell(-0), 0)).toBe(true);
    expect(toExcelCell(-5)).toBe(-5);
    expect(toExcelCell(0)).toBe(0);
  });

  // −0 in the inputs that carry straight through to a result (AR, a requested amount, a PD) …
  test.each<[string, () => unknown[][]]>([
    ["DSO: AR −0", () => F.dso([[-0]], [[100]], null as any, null)],
    ["DSO countback: AR −0", () => F.dso([[-0]], col([100, 100]), null as any, "countback")],
    ["CREDITLIMIT: requested −0", () => F.creditLimit([["A"]], [[1e6]], [[1e7]], null as any, [[-0]], null as any, null)],
    ["EXPECTEDLOSS: pd −0", () => F.expectedLoss([[1000]], [[-0]], null as any, null as any, null as any)],
    ["CEI: nothing collected, −0 balances", () => F.cei([[-0]], [[100]], [[100]], [[-0]], null as any, null)],
  ])("%s gives 0", (_what, run) => {
    const out = run();
    expect(problems(out)).toEqual([]);
    expect(out[0][0]).toBe(0);
  });

  // … and −0 in every numeric input of every function.
  test.each(Object.keys(GOOD))("%s with −0 for every number", (name) => {
    const { call, args } = GOOD[name];
    const zeroed = JSON.parse(JSON.stringify(args), (_k, v) => (typeof v === "number" ? -0 : v));
    expect(problems(call(zeroed))).toEqual([]);
    expect(problems(call(args))).toEqual([]);
  });
});

describe("malformed arguments give a clear #VALUE!/#N/A message, never an internal error", () => {
  const variants: Array<[string, () => unknown, RegExp]> = [
    ["a ragged range", () => [[1], [2, 3]], /not rectangular: row 2 has 2 cell\(s\) but row 1 has 1/],
    ["a range with a null row", () => [[1], null, [3]], /malformed: item 2 is a single value where a row of cells was expected/],
    ["a range mixing rows and cells", () => [[1], 7], /malformed: item 2/],
    ["a plain object as the argument", () => ({}), /an object, not a cell value|no column is a recognised factor|expected one of/],
    ["a cell without a prototype", () => [[Object.create(null)], [1]], /an object, not a cell value|no column is a recognised factor/],
    [
      "arrays nested deeper than rows × columns",
      () => [[[1, 2]], [[3]]],
      /nested range of 2 value\(s\) in one cell|no column is a recognised factor/,
    ],
    ["NaN and Infinity", () => [[NaN], [Infinity]], /NaN|Infinity/],
    [
      "very long text",
      () => [["x".repeat(100_000)], [" ".repeat(100_000) + "y"]],
      /"(x{30}| {30})…"|no column is a recognised factor|is not one of/,
    ],
    [
      "Excel errors passed in",
      () => [
        [new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable)],
        [new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidReference, "gone")],
      ],
      /the cell holds (#N\/A|the error #REF! \(gone\))|no column is a recognised factor/,
    ],
  ];

  for (const [name, { call, args }] of Object.entries(GOOD)) {
    test.each(variants)(`${name}: %s in each argument`, (_what, make, words) => {
      let clear = 0;
      for (let p = 0; p < args.length; p++) {
        const bad = args.slice();
        bad[p] = make();
        let out: unknown[][] = [[]];
        expect(() => (out = call(bad))).not.toThrow();
        expect({ argument: p, problems: problems(out) }).toEqual({ argument: p, problems: [] });
        if (errorsIn(out).some((e) => words.test(e.message ?? ""))) clear++;
      }
      // At least the first argument (always a range) is refused with the words that say why.
      expect(clear).toBeGreaterThan(0);
    });
  }
});

describe("Excel errors in the cells", () => {
  const NA = () => new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable);
  test("#N/A from a lookup stays #N/A in that row (IFNA still works); the other rows compute", () => {
    const out = F.expectedLoss(col([100000, NA()]), col([0.05, 0.05]), null as any, null as any, null as any);
    expect(out[0][0]).toBe(3000);
    expect(isExcelError(out[1][0]) && [out[1][0].code, out[1][0].message]).toEqual([
      "#N/A",
      "exposure: the cell holds #N/A: the value is not available.",
    ]);
  });
  test("any other error becomes #VALUE! naming it (a formula cannot return #REF! or #NAME?)", () => {
    const out = F.cei([[new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidName)]], [[1]], [[1]], [[0]], null as any, null);
    expect(isExcelError(out[0][0]) && [out[0][0].code, out[0][0].message]).toEqual([
      "#VALUE!",
      "begin_ar: the cell holds the error #NAME?; correct that cell first.",
    ]);
  });
  test("a score cell holding #N/A gives #N/A in CREDITLIMIT's row", () => {
    const out = F.creditLimit(col(["B", NA()]), [[2e6]], [[1e7]], [[60]], null as any, null as any, null);
    expect(out[0][0]).toBe(700_000);
    expect(isExcelError(out[1][0]) && out[1][0].code).toBe("#N/A");
  });
});

describe("results Excel cannot hold", () => {
  test("text longer than a cell holds becomes #VALUE! saying so (e.g. a 40,000-character customer id echoed back)", () => {
    const id = "C".repeat(40_000);
    const out = F.payBehavior(
      [[id]],
      [[d("2026-08-01")]],
      [[d("2026-08-31")]],
      [[d("2026-09-10")]],
      [[1000]],
      [[d("2026-11-22")]],
      null as any,
    );
    expect(problems(out)).toEqual([]);
    expect(isExcelError(out[1][0]) && out[1][0].message).toBe(
      `The result is 40000 characters long, more than the ${MAX_CELL_TEXT} an Excel cell holds.`,
    );
    expect(out[1][1]).toBe(10); // the measures still compute
  });
});
