import fc from "fast-check";
import { cellError, describeCell, isBlank, readChoice, readNumber, readOptionalNumber, scalarOf } from "../../src/engine/cells";
import { isEngineError } from "../../src/engine/errors";

describe("isBlank", () => {
  it.each([null, undefined, "", "  ", "n/a", "N/A", "NA", "-", "—", "?", "unknown", "不详", "未知", "#N/A"])("%p is blank", (v) =>
    expect(isBlank(v)).toBe(true),
  );
  it.each([0, "0", "abc", false, true, NaN])("%p is not blank", (v) => expect(isBlank(v)).toBe(false));
});

describe("readOptionalNumber", () => {
  it("returns numbers and null for blank", () => {
    expect(readOptionalNumber(1.5, "x")).toBe(1.5);
    expect(readOptionalNumber(0, "x")).toBe(0);
    expect(readOptionalNumber("", "x")).toBeNull();
    expect(readOptionalNumber("n/a", "x")).toBeNull();
  });
  it.each([["1,234"], ["35%"], ["12"]])("refuses numeric-looking text %p with a hint, never 0", (text) => {
    const r = readOptionalNumber(text, "net_worth");
    expect(isEngineError(r) && r.code).toBe("VALUE");
    expect(isEngineError(r) && r.message).toMatch(/^net_worth: text ".*" is text, not a number/);
  });
  it("refuses words and logical values", () => {
    const a = readOptionalNumber("abc", "sales");
    const b = readOptionalNumber(true, "sales");
    expect(isEngineError(a) && a.message).toBe('sales: expected a number but got text "abc".');
    expect(isEngineError(b) && b.message).toBe("sales: expected a number but got a logical value (TRUE).");
  });
  it("applies min/max/integer rules naming the argument", () => {
    expect(isEngineError(readOptionalNumber(-1, "amount", { min: 0 }))).toBe(true);
    expect(isEngineError(readOptionalNumber(2, "share", { max: 1 }))).toBe(true);
    expect(isEngineError(readOptionalNumber(1.5, "months", { integer: true }))).toBe(true);
    // #VALUE! with a message (Excel shows none with #NUM!): the user learns which argument is off.
    const e = readOptionalNumber(Infinity, "x");
    expect(e).toEqual({ kind: "EngineError", code: "VALUE", message: "x: Infinity is not a finite number." });
    expect(readOptionalNumber(NaN, "x")).toEqual({ kind: "EngineError", code: "VALUE", message: "x: NaN is not a finite number." });
  });
  it("readNumber requires a value", () => {
    const r = readNumber(null, "score");
    expect(isEngineError(r) && r.message).toBe("score is required but the cell is empty.");
  });
  it("any finite number passes through unchanged", () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => readOptionalNumber(x, "x") === x));
  });
});

describe("readChoice", () => {
  const choices = ["score", "band", "pd", "reasons", "all"] as const;
  it("matches case- and space-insensitively, blank → default", () => {
    expect(readChoice(" Band ", "output", choices, "score")).toBe("band");
    expect(readChoice(null, "output", choices, "score")).toBe("score");
    expect(readChoice("", "output", choices, "score")).toBe("score");
  });
  it("names the allowed values on a bad choice", () => {
    const r = readChoice("grade", "output", choices, "score");
    expect(isEngineError(r) && r.message).toBe('output: "grade" is not one of "score", "band", "pd", "reasons", "all".');
    expect(isEngineError(readChoice(3, "output", choices, "score"))).toBe(true);
  });
});

describe("scalarOf", () => {
  it("takes the first cell of a range or the scalar itself", () => {
    expect(scalarOf([["x", "y"]])).toBe("x");
    expect(scalarOf(["a"])).toBe("a");
    expect(scalarOf(5)).toBe(5);
    expect(scalarOf(null)).toBeNull();
  });
});

describe("cells no formula can read: clear messages, never an exception", () => {
  const message = (r: unknown) => (isEngineError(r) ? `${r.code} ${r.message}` : r);
  it("an Excel error passed in from a cell: #N/A stays #N/A, any other error is a #VALUE! naming it", () => {
    expect(message(readOptionalNumber({ code: "#N/A" }, "pd"))).toBe("NA pd: the cell holds #N/A: the value is not available.");
    expect(message(readOptionalNumber({ code: "#REF!", message: "" }, "pd"))).toBe(
      "VALUE pd: the cell holds the error #REF!; correct that cell first.",
    );
    expect(message(readChoice({ code: "#DIV/0!", message: "upstream" }, "output", ["a"], "a"))).toBe(
      "VALUE output: the cell holds the error #DIV/0! (upstream); correct that cell first.",
    );
    expect(cellError({ code: "#N/A!x" })).toBeNull(); // not an Excel error code
    expect(cellError({ code: 5 })).toBeNull();
  });
  it("an engine error fed in (one formula's result in another) keeps its code and message, prefixed with the argument", () => {
    expect(message(readOptionalNumber({ kind: "EngineError", code: "DIV0", message: "sales is 0" }, "x"))).toBe("DIV0 x: sales is 0");
  });
  it.each<[string, unknown, string]>([
    ["a plain object", {}, "an object, not a cell value"],
    ["an object without a prototype", Object.create(null), "an object, not a cell value"],
    ["a nested array", [1, 2], "a nested range of 2 value(s) in one cell"],
    ["a symbol", Symbol("s"), "a value of type symbol, not a cell value"],
    ["a big integer", BigInt(5), "a value of type bigint, not a cell value"],
    ["a function", () => 1, "a value of type function, not a cell value"],
  ])("%s is described, not converted", (_what, cell, words) => {
    expect(describeCell(cell)).toBe(words);
    expect(message(readOptionalNumber(cell, "amount"))).toBe(`VALUE amount: expected a number but got ${words}.`);
  });
  it("very long text is clipped in messages", () => {
    const r = readOptionalNumber("x".repeat(100_000), "amount");
    expect(message(r)).toBe(`VALUE amount: expected a number but got text "${"x".repeat(30)}…".`);
    expect(message(readChoice("y".repeat(5000), "method", ["standard"], "standard"))).toBe(
      `VALUE method: "${"y".repeat(30)}…" is not one of "standard".`,
    );
  });
  it("text of many spaces then a letter is read in linear time (it froze Excel: the old pattern backtracked cubically)", () => {
    // 100,000 spaces: the old regular expression needed hours here; this test would not finish.
    expect(message(readOptionalNumber(" ".repeat(100_000) + "x", "amount"))).toBe(
      `VALUE amount: expected a number but got text "${" ".repeat(30)}…".`,
    );
    expect(message(readOptionalNumber("1 ".repeat(50_000) + "%x", "amount"))).toMatch(/^VALUE amount: expected a number but got text/);
    expect(message(readOptionalNumber(" - 1 234 ", "amount"))).toMatch(/^VALUE amount: text " - 1 234 " is text, not a number/);
  });
  it("−0 is described as 0", () => {
    expect(describeCell(-0)).toBe("0");
  });
});
