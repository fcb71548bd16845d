import {
  CHUNK_ROWS,
  FingerprintBuilder,
  base64OfUint32,
  cellHash,
  changedCells,
  digest,
  fingerprintOf,
  loadFingerprint,
  storeFingerprint,
  uint32OfBase64,
} from "../../src/excel/fingerprint";

const grid = (rows: number, cols: number) =>
  Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => (c === 1 ? `text ${r}` : r * 10 + c)));
const fp = (g: unknown[][]) => fingerprintOf(g.length, g[0].length, (r, c) => g[r][c]);
const changedList = (a: unknown[][], b: unknown[][]) => {
  const cmp = changedCells(fp(a), fp(b));
  const out: string[] = [];
  a.forEach((row, r) => row.forEach((_, c) => cmp.changed(r, c) && out.push(`${r}:${c}`)));
  return out;
};

describe("cellHash", () => {
  test("empty is 0, everything else is not; types hash apart; -0 is 0", () => {
    expect([cellHash(""), cellHash(null), cellHash(undefined)]).toEqual([0, 0, 0]);
    expect(cellHash(1)).not.toBe(cellHash("1"));
    expect(cellHash(true)).not.toBe(cellHash("TRUE"));
    expect(cellHash(-0)).toBe(cellHash(0));
    expect(cellHash("=A1")).toBe(cellHash("=A1"));
    expect(cellHash(" ")).not.toBe(0);
  });
});

describe("fingerprints locate edits", () => {
  const base = grid(200, 5);

  test("unchanged: nothing changed", () => {
    const cmp = changedCells(fp(base), fp(grid(200, 5)));
    expect(cmp.any).toBe(false);
  });

  test("one edited cell is found, and only it", () => {
    const g = grid(200, 5);
    g[130][3] = "user";
    expect(changedList(base, g)).toEqual(["130:3"]);
  });

  test("an edit to empty, and a cell emptied, are found", () => {
    const g = grid(200, 5);
    g[5][0] = "";
    g[170][4] = "x";
    expect(changedList(base, g)).toEqual(["5:0", "170:4"]);
  });

  test("several edits: every edited cell is found; crossings in the same chunk rows are flagged too (the safe side)", () => {
    const g = grid(200, 5);
    g[3][1] = "a";
    g[7][2] = "b";
    const found = changedList(base, g);
    expect(found).toEqual(expect.arrayContaining(["3:1", "7:2"]));
    expect(found.sort()).toEqual(["3:1", "3:2", "7:1", "7:2"]);
  });

  test("a row shifted down by one (rows inserted): every moved cell is changed", () => {
    const g = [base[0], ["", "", "", "", ""], ...base.slice(1, -1)];
    const found = changedList(base, g);
    for (let r = 1; r < 200; r++) for (let c = 0; c < 5; c++) if (base[r][c] !== g[r][c]) expect(found).toContain(`${r}:${c}`);
  });

  test("built row by row, from a partial build, and stored as base64 and back", () => {
    const b = new FingerprintBuilder(200, 5);
    base.slice(0, 100).forEach((r) => b.addRow(r));
    const half = b.partial();
    expect(half).toEqual(fp(base.slice(0, 100)));
    base.slice(100).forEach((r) => b.addRow(r));
    const whole = b.finish();
    expect(whole).toEqual(fp(base));
    expect(loadFingerprint(JSON.parse(JSON.stringify(storeFingerprint(whole))))).toEqual(whole);
    expect(whole.chunkRows).toBe(CHUNK_ROWS);
    expect(loadFingerprint({ ...storeFingerprint(whole), rows: 199 })).toBeNull();
    expect(loadFingerprint({ ...storeFingerprint(whole), rowHashes: "!!!!" })).toBeNull();
  });
});

describe("base64 of 32-bit words", () => {
  test.each([0, 1, 2, 3, 1000])("%i words round-trip", (n) => {
    const a = Uint32Array.from({ length: n }, (_, i) => (i * 2654435761) >>> 0);
    const s = base64OfUint32(a);
    expect(s).toBe(Buffer.from(new Uint8Array(a.buffer)).toString("base64"));
    expect(uint32OfBase64(s)).toEqual(a);
  });
  test("malformed text is refused", () => {
    expect(uint32OfBase64("abc")).toBeNull();
    expect(uint32OfBase64("ab?=")).toBeNull();
  });
  test("digest: order matters", () => {
    expect(digest([1, 2])).not.toBe(digest([2, 1]));
    expect(digest([1, 2])).toMatch(/^[0-9a-f]{16}$/);
  });
});
