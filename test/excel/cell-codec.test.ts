import { cellInput, encodeCell } from "../../src/excel/cell-codec";

describe("backup codes of cells (values and formulas read together)", () => {
  test.each([
    ["a formula", "=A1*2", 84, undefined, { f: "=A1*2" }],
    ["quote-prefixed text that looks like a formula (formulas drops the apostrophe)", "=A1", "=A1", "String", "=A1"],
    ["a number", 12.5, 12.5, "Double", 12.5],
    ["a boolean", true, true, "Boolean", true],
    ["text", "Acme", "Acme", "String", "Acme"],
    ["an error constant", "#N/A", "#N/A", "Error", { e: "#N/A" }],
    ["the text #N/A", "#N/A", "#N/A", "String", "#N/A"],
    ["empty", "", "", "Empty", null],
  ])("%s", (_, formula, value, type, code) => expect(encodeCell(formula, value, type)).toEqual(code));

  test("what is written back keeps the type: text through the injection rule, formulas and errors as typed", () => {
    expect(cellInput({ f: "=SUM(A1:A3)" })).toBe("=SUM(A1:A3)");
    expect(cellInput("=SUM(A1:A3)")).toBe("'=SUM(A1:A3)");
    expect(cellInput("00123")).toBe("'00123");
    expect(cellInput("'quoted")).toBe("''quoted");
    expect(cellInput({ e: "#DIV/0!" })).toBe("#DIV/0!");
    expect(cellInput(null)).toBe("");
    expect(cellInput(0)).toBe(0);
    expect(cellInput(false)).toBe(false);
  });
});
