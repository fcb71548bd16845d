import fc from "fast-check";
import { MAX_BLOCK_CELLS, firstBlockRows, jsonBytes, nextBlockRows, utf8Length } from "../../src/excel/payload";

describe("payload measures", () => {
  test.each([
    ["abc", 3],
    ["é", 2],
    ["资产负债率", 15],
    ["😀", 4],
    ["", 0],
  ])("utf8Length(%j) = %i", (s, n) => expect(utf8Length(s)).toBe(n));

  test("utf8Length agrees with Buffer.byteLength", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => utf8Length(s) === Buffer.byteLength(s, "utf8")));
  });

  test("jsonBytes of a block", () => {
    expect(jsonBytes([[1, "é"]])).toBe(10);
    expect(jsonBytes([["a", 2.5, true, null]])).toBe(21); // [["a",2.5,true,null]]
  });

  test("first block: 20,000 cells, at least 1 row, at most all rows", () => {
    expect(firstBlockRows(200_000, 20)).toBe(1000);
    expect(firstBlockRows(200_000, 7)).toBe(2857);
    expect(firstBlockRows(300, 20)).toBe(300);
    expect(firstBlockRows(10, 50_000)).toBe(1);
  });

  test("next block: 3.5 MB at the measured bytes per row, 4× growth cap, cell cap", () => {
    expect(nextBlockRows(1000, 200_000, 20)).toBe(4000); // 200 B/row would allow 17,500
    expect(nextBlockRows(16000, 3_200_000, 20)).toBe(17500);
    expect(nextBlockRows(100_000, 1_000_000, 2)).toBe(MAX_BLOCK_CELLS / 2); // tiny rows: cell cap
    expect(nextBlockRows(10, 60_000_000, 20)).toBe(1); // 6 MB per row: one row at a time
  });
});
