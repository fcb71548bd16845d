import {
  cellA1,
  columnIndex,
  columnLetters,
  contains,
  intersect,
  parseA1,
  qualifiedA1,
  quoteSheet,
  rangeA1,
} from "../../src/excel/address";

describe("A1 helpers", () => {
  test.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [27, "AB"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("column %i ↔ %s", (i, letters) => {
    expect(columnLetters(i)).toBe(letters);
    expect(columnIndex(letters)).toBe(i);
  });

  test("out-of-range columns throw", () => {
    expect(() => columnLetters(-1)).toThrow(RangeError);
    expect(() => columnLetters(16384)).toThrow(RangeError);
  });

  test("cell and range text", () => {
    expect(cellA1(0, 0)).toBe("A1");
    expect(cellA1(9, 27)).toBe("AB10");
    expect(rangeA1(0, 0, 3, 2)).toBe("A1:B3");
    expect(rangeA1(4, 1, 1, 1)).toBe("B5");
    expect(qualifiedA1("My data", 0, 20, 200001, 7)).toBe("'My data'!U1:AA200001");
  });

  test.each([
    ["Sheet1", "Sheet1"],
    ["Risk report", "'Risk report'"],
    ["O'Brien", "'O''Brien'"],
    ["A1", "'A1'"],
    ["R1C1", "'R1C1'"],
    ["2024", "'2024'"],
    ["客户", "'客户'"],
  ])("quoteSheet(%s) = %s", (name, quoted) => expect(quoteSheet(name)).toBe(quoted));

  test.each([
    ["B5", { row: 4, col: 1, rowCount: 1, colCount: 1 }],
    ["$B$5:$C$7", { row: 4, col: 1, rowCount: 3, colCount: 2 }],
    ["C7:B5", { row: 4, col: 1, rowCount: 3, colCount: 2 }],
    ["Sheet1!A1:B2", { sheet: "Sheet1", row: 0, col: 0, rowCount: 2, colCount: 2 }],
    ["'O''Brien data'!B2", { sheet: "O'Brien data", row: 1, col: 1, rowCount: 1, colCount: 1 }],
    ["C:D", { row: 0, col: 2, rowCount: 1048576, colCount: 2 }],
    ["5:7", { row: 4, col: 0, rowCount: 3, colCount: 16384 }],
  ])("parseA1(%s)", (a, rect) => expect(parseA1(a)).toEqual(rect));

  test.each(["", "B", "5", "B0", "B5:C", "1B", "A1:B2:C3"])("parseA1(%j) is null", (a) => expect(parseA1(a)).toBeNull());

  test("intersect and contains", () => {
    const a = { row: 0, col: 0, rowCount: 10, colCount: 5 };
    expect(intersect(a, { row: 5, col: 3, rowCount: 10, colCount: 10 })).toEqual({ row: 5, col: 3, rowCount: 5, colCount: 2 });
    expect(intersect(a, { row: 10, col: 0, rowCount: 1, colCount: 1 })).toBeNull();
    expect(contains(a, { row: 2, col: 1, rowCount: 8, colCount: 4 })).toBe(true);
    expect(contains(a, { row: 2, col: 1, rowCount: 9, colCount: 4 })).toBe(false);
  });
});
