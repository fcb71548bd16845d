/**
 * `npm run fuzz` in CI: a short seeded run against the real adapters, and
 * proof that the checker catches each class of defect it is meant to catch.
 */
import { DEFAULT_SEED, FORMULAS, FormulaSpec, Gen, caseSeed, checkCase, fuzz, main, show } from "../../scripts/fuzz";

/** Cases per formula in CI: a few thousand, seconds in all. */
const CI_CASES = 2000;

describe("npm run fuzz, short seeded run", () => {
  test(`${CI_CASES} random argument sets per formula against the nine adapters: no failure`, () => {
    const { stats, failures } = fuzz({ seed: DEFAULT_SEED, cases: CI_CASES });
    expect(stats.map((s) => [s.formula, s.cases])).toEqual(FORMULAS.map((f) => [f.name, CI_CASES]));
    // On failure this prints the problems, the arguments and the command that replays the case.
    expect(failures).toEqual([]);
  });

  test("a case is generated from the seed, the formula and its number alone", () => {
    const args = (seed: number, fi: number, i: number) => show(FORMULAS[fi].gen(new Gen(caseSeed(seed, fi, i))));
    expect(args(7, 2, 123)).toBe(args(7, 2, 123));
    expect(args(7, 2, 123)).not.toBe(args(8, 2, 123));
    expect(args(7, 2, 123)).not.toBe(args(7, 2, 124));
  });
});

describe("the checker catches every defect class", () => {
  const CF = CustomFunctions as unknown as { Error: new (code: string, message?: string) => unknown };
  /** A formula spec whose adapter returns `out` for the argument `[[1], [2]]` (a column of two). */
  const fake = (call: (args: unknown[]) => unknown, extra: Partial<FormulaSpec> = {}): FormulaSpec => ({
    name: "FAKE",
    call,
    gen: () => [],
    expect: () => ({ kind: "dims", rows: 2, cols: 1 }),
    range: (_a, out, r, c) => (typeof out[r][c] === "number" && (out[r][c] as number) < 0 ? "negative" : null),
    ...extra,
  });
  const ARGS = () => [[[1], [2]]]; // fresh for every check: one of them changes its arguments
  const check = (call: (args: unknown[]) => unknown, extra?: Partial<FormulaSpec>) => checkCase(fake(call, extra), ARGS()).join("\n");

  test("a well-behaved adapter passes", () => {
    expect(check(() => [[1], [2]])).toBe("");
  });
  test.each<[string, (args: unknown[]) => unknown, RegExp]>([
    [
      "a raw throw",
      () => {
        throw new Error("boom");
      },
      /raw throw: Error: boom/,
    ],
    ["the guard's internal error", () => [[new CF.Error("#VALUE!", "DSO: internal error (x). Please report it.")], [1]], /internal error/],
    ["−0", () => [[-0], [1]], /−0 returned/],
    ["NaN", () => [[NaN], [1]], /NaN is no Excel number/],
    ["Infinity", () => [[1], [Infinity]], /Infinity is no Excel number/],
    ["undefined", () => [[undefined], [1]], /undefined is no Excel value/],
    ["null", () => [[null], [1]], /null is no Excel value/],
    ["a plain object", () => [[{ code: "#N/A" }], [1]], /object is no Excel value/],
    ["an error code a formula cannot return", () => [[new CF.Error("#REF!")], [1]], /error code #REF! cannot be returned/],
    ["#VALUE! without a message", () => [[new CF.Error("#VALUE!")], [1]], /#VALUE! without a message/],
    ["text longer than a cell holds", () => [["x".repeat(40_000)], [1]], /text of 40000 characters/],
    ["a ragged result", () => [[1], [2, 3]], /not rectangular/],
    ["an empty result", () => [], /not a non-empty matrix/],
    ["the wrong spill shape (a row for a column)", () => [[1, 2]], /spill shape 1 × 2, expected 2 × 1/],
    ["an out-of-range value", () => [[1], [-3]], /cell \[1\]\[0\]: negative/],
  ])("%s", (_what, call, problem) => {
    expect(check(call)).toMatch(problem);
  });
  test("nondeterminism: a different result for the same arguments", () => {
    let n = 0;
    expect(check(() => [[n++], [1]])).toMatch(/nondeterministic/);
  });
  test("an adapter that changes its arguments", () => {
    expect(check((args) => (((args[0] as unknown[][])[0][0] = 9), [[1], [2]]))).toMatch(/changed its arguments/);
  });
  test("a whole-call error where per-row results are due, and results where one error is due", () => {
    expect(check(() => [[1], [2]], { expect: () => ({ kind: "error" }) })).toMatch(/expected one error for the whole call/);
    expect(check(() => [[new CF.Error("#VALUE!", "ranges differ")]])).toBe(""); // one error for the call is always a valid answer
  });
  test("empty rows added at the ends must give the same results plus empty rows (the countback class of bug)", () => {
    // An adapter that, like countback before its fix, counts appended zero rows as data.
    const call = (args: unknown[]) => (args[0] as unknown[][]).map((r) => [r[0] === 0 ? 30 : (r[0] as number)]);
    const padded = { kind: "rows" as const, head: 0, tail: 1, args: [[[1], [2], [0]]] };
    expect(checkCase(fake(call), ARGS(), padded).join("\n")).toMatch(/with empty cells added at the ends.*row 3 is \[30\], expected empty/);
    const fixed = (args: unknown[]) => (args[0] as unknown[][]).map((r) => [r[0] === 0 ? "" : (r[0] as number)]);
    expect(checkCase(fake(fixed), ARGS(), padded)).toEqual([]);
  });
});

describe("the npm run fuzz command", () => {
  const run = (argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = main(
      argv,
      (s) => out.push(s),
      (s) => err.push(s),
    );
    return { code, out: out.join("\n"), err: err.join("\n") };
  };
  test("--help explains the options and exits 0", () => {
    const r = run(["--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/--cases N[\s\S]*--seed S[\s\S]*--formula NAME[\s\S]*--case K/);
  });
  test("bad options exit 2 with the reason", () => {
    expect(run(["--cases", "0"])).toMatchObject({ code: 2, err: expect.stringMatching(/--cases must be a whole number of 1 or more/) });
    expect(run(["--formula", "NOPE"])).toMatchObject({ code: 2, err: expect.stringMatching(/unknown formula NOPE/) });
    expect(run(["--case", "3"])).toMatchObject({ code: 2, err: expect.stringMatching(/--case needs exactly one --formula/) });
    expect(run(["--bogus"])).toMatchObject({ code: 2 });
  });
  test("a run reports cases, failures and cases/s per formula and exits 0 when all pass", () => {
    const r = run(["--cases", "200", "--formula", "cei", "--formula", "RISK.AGING", "--seed", "5"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^fuzz: seed 5, 200 argument sets per formula, CEI, AGING/);
    expect(r.out).toMatch(/CEI +200 cases +0 failures .* cases\/s/);
    expect(r.out).toMatch(/total: 400 cases, 0 failures/);
  });
  test("--case replays one case: its arguments, its result and its problems", () => {
    const r = run(["--formula", "DSO", "--case", "17"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^DSO case 17 \(seed 20261130, display language/);
    expect(r.out).toMatch(/\narguments: \[[\s\S]*\nresult: {4}\[[\s\S]*\nno problems$/);
  });
});
