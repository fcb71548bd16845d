import { broadcastLength, dataRows, mapRows, readGrid, readVector } from "../../src/engine/spill";
import { isEngineError } from "../../src/engine/errors";

describe("readVector", () => {
  it("accepts a scalar, a column and a row", () => {
    expect(readVector(5, "x")).toEqual({ values: [5], horizontal: false });
    expect(readVector([[1], [2], [3]], "x")).toEqual({ values: [1, 2, 3], horizontal: false });
    expect(readVector([[1, 2, 3]], "x")).toEqual({ values: [1, 2, 3], horizontal: true });
    expect(readVector(null, "x")).toBeNull();
  });
  it("refuses a 2-D block naming the argument", () => {
    const r = readVector(
      [
        [1, 2],
        [3, 4],
      ],
      "due_date",
    );
    expect(isEngineError(r) && r.message).toBe("due_date: expected a single column or row, but got a range of 2 rows × 2 columns.");
  });
});

describe("broadcasting", () => {
  const v = (values: unknown[]) => ({ values, horizontal: false });
  it("single cells repeat; ranges must agree", () => {
    expect(
      broadcastLength([
        { name: "a", vector: v([1, 2, 3]) },
        { name: "b", vector: v([9]) },
        { name: "c", vector: null },
      ]),
    ).toBe(3);
    const e = broadcastLength([
      { name: "a", vector: v([1, 2, 3]) },
      { name: "b", vector: v([1, 2]) },
    ]);
    expect(isEngineError(e) && e.message).toBe("b has 2 values but a has 3: ranges must be the same size (or a single cell).");
  });
  it("mapRows lays results out like the first range (row in → row out)", () => {
    const row = { values: [1, 2], horizontal: true };
    expect(mapRows([{ name: "a", vector: row }], (i) => i * 10)).toEqual([[0, 10]]);
    expect(mapRows([{ name: "a", vector: v([1, 2]) }], (i) => i * 10)).toEqual([[0], [10]]);
  });
  it("readGrid normalises scalars and omitted arguments", () => {
    expect(readGrid(7)).toEqual([[7]]);
    expect(readGrid(null)).toBeNull();
    expect(readGrid([1, 2])).toEqual([[1, 2]]);
  });
});

describe("malformed ranges are one #VALUE! naming the argument, never an exception", () => {
  const msg = (r: unknown) => (isEngineError(r) ? r.message : r);
  it("ragged rows", () => {
    expect(msg(readGrid([[1, 2], [3]], "values"))).toBe("values: the range is not rectangular: row 2 has 1 cell(s) but row 1 has 2.");
    expect(msg(readVector([[1], [2, 3]], "due_date"))).toBe("due_date: the range is not rectangular: row 2 has 2 cell(s) but row 1 has 1.");
  });
  it("a row that is not a row (null, a number) where rows of cells were expected", () => {
    expect(msg(readVector([[1], null, [3]], "exposure"))).toBe(
      "exposure: the range is malformed: item 2 is a single value where a row of cells was expected.",
    );
    expect(msg(readGrid([[1], 7], "ladder"))).toBe(
      "ladder: the range is malformed: item 2 is a single value where a row of cells was expected.",
    );
  });
  it("an empty range counts as omitted", () => {
    for (const empty of [[], [[]], [[], []]]) {
      expect(readGrid(empty, "x")).toBeNull();
      expect(readVector(empty, "x")).toBeNull();
    }
  });
  it("a nested array inside a cell is left to the cell readers (an error in that row)", () => {
    expect(readVector([[[1, 2]], [3]], "x")).toEqual({ values: [[1, 2], 3], horizontal: false });
  });
});

describe("dataRows: the unused ends of a selection", () => {
  const v = (values: unknown[]) => ({ values, horizontal: false });
  it("rows blank or 0 in every per-row range at either end are outside; 0 rows between data rows are inside", () => {
    expect(dataRows([v([0, 5, 0, 7, 0, null])], 6)).toEqual({ first: 1, last: 3 });
    expect(dataRows([v([null, "", 0]), v([0, 3, 0])], 3)).toEqual({ first: 1, last: 1 });
    expect(dataRows([v([0, 0])], 2)).toEqual({ first: 2, last: 1 }); // all empty
  });
  it("single cells repeated for every row do not count; without per-row ranges every row is data", () => {
    expect(dataRows([v([5]), v([0, 0, 1])], 3)).toEqual({ first: 2, last: 2 });
    expect(dataRows([v([0])], 1)).toEqual({ first: 0, last: 0 });
    expect(dataRows([null], 1)).toEqual({ first: 0, last: 0 });
  });
  it('mapRows with data ranges gives "" for those rows and blank rows without calling the row function', () => {
    const seen: number[] = [];
    const data = v([0, 4, null, 0, 6, 0, null]);
    const out = mapRows([{ name: "a", vector: data }], (i) => (seen.push(i), i), [data]);
    expect(out).toEqual([[""], [1], [""], [3], [4], [""], [""]]);
    expect(seen).toEqual([1, 3, 4]);
  });
});
