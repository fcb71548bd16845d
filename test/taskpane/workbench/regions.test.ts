import { occupancyOf, regionAround, regionsOf } from "../../../src/taskpane/workbench/regions";

/** Occupancy from a picture: "x" = a non-empty cell. */
function sheet(...rows: string[]) {
  const cells: [number, number][] = [];
  rows.forEach((line, r) => [...line].forEach((ch, c) => ch === "x" && cells.push([r, c])));
  return occupancyOf(cells);
}

describe("data regions (Excel's current region)", () => {
  test("blocks separated by an empty row or column are separate; the largest comes first", () => {
    const regions = regionsOf(
      sheet(
        "xx..x", //
        "......",
        "xxxx..",
        "xx.x..",
        "xxxx..",
      ),
    );
    expect(regions).toEqual([
      { row: 2, col: 0, rowCount: 3, colCount: 4 },
      { row: 0, col: 0, rowCount: 1, colCount: 2 },
      { row: 0, col: 4, rowCount: 1, colCount: 1 },
    ]);
  });

  test("cells touching at a corner belong together, and a box that reaches another merges with it", () => {
    expect(regionsOf(sheet("x..", ".x.", "..x"))).toEqual([{ row: 0, col: 0, rowCount: 3, colCount: 3 }]);
    // A title over a table, one column sticking out to the right, joined through a diagonal.
    expect(regionsOf(sheet("xxx...", "xxx...", "...x..", "....xx"))).toEqual([{ row: 0, col: 0, rowCount: 4, colCount: 6 }]);
  });

  test("the region around a cell: inside it, touching it, or none", () => {
    const regions = regionsOf(sheet("xx...", "xx...", ".....", "....x"));
    expect(regionAround(regions, 0, 0)).toEqual({ row: 0, col: 0, rowCount: 2, colCount: 2 });
    expect(regionAround(regions, 2, 2)).toEqual({ row: 0, col: 0, rowCount: 2, colCount: 2 }); // diagonal neighbour
    expect(regionAround(regions, 0, 4)).toBeNull();
  });

  test("an empty sheet has no region", () => {
    expect(regionsOf(occupancyOf([]))).toEqual([]);
  });
});
