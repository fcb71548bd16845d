import fc from "fast-check";
import { isBlank, readChoice, readNumber, readOptionalNumber, scalarOf } from "../../src/engine/cells";
import { isEngineError } from "../../src/engine/errors";

describe("isBlank", () => {
  it.each([null, undefined, "", "  ", "n/a", "N/A", "NA", "-", "—", "?", "unknown", "不详", "未知", "#N/A"])("%p is blank", (v) => expect(isBlank(v)).toBe(true));
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
    const e = readOptionalNumber(Infinity, "x");
    expect(isEngineError(e) && e.code).toBe("NUM");
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
