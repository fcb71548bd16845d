/**
 * Fingerprints of blocks of cells, to tell which cells still hold exactly what
 * the add-in wrote without keeping the cells themselves.
 *
 * A block's fingerprint holds one 32-bit hash per row (every cell of the row)
 * and one per column chunk (CHUNK_ROWS cells of one column). An edit of cell
 * (r, c) changes both the hash of row r and the hash of c's chunk, so a cell
 * is judged changed when its row AND its chunk differ from the recorded
 * ones: every edited cell is found (barring a 32-bit collision on both, about
 * 1 in 4 billion per hash), one edit is located to its cell, and several
 * edits at most add the crossings of their rows and chunks (those cells are
 * then treated as changed too: the safe side). For 200,000 rows × 7 columns
 * the fingerprint is about 0.9 MB of base64.
 *
 * The hashes are of what `Range.formulas` reads: a formula's text (so a
 * formula the user did not touch keeps its fingerprint when it recalculates),
 * a constant's value. Empty cells hash to 0.
 */

/** Rows of one column chunk. */
export const CHUNK_ROWS = 64;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function blank(v: unknown): boolean {
  return v === "" || v === null || v === undefined;
}

/**
 * The 32-bit hash of one cell as read by `Range.formulas` (0 for an empty
 * cell, never 0 otherwise). Numbers, booleans and text hash apart (1 ≠ "1").
 */
export function cellHash(v: unknown): number {
  if (blank(v)) return 0;
  let t: string;
  if (typeof v === "number") t = "n" + String(v === 0 ? 0 : v);
  else if (typeof v === "boolean") t = v ? "b1" : "b0";
  else if (typeof v === "string") t = "s" + v;
  else t = "o" + JSON.stringify(v);
  let h = FNV_OFFSET;
  for (let i = 0; i < t.length; i++) {
    h ^= t.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  h >>>= 0;
  return h === 0 ? 1 : h;
}

/** Feeds the four bytes of `x` into the FNV state `h`. */
function mix(h: number, x: number): number {
  h = Math.imul(h ^ (x & 0xff), FNV_PRIME);
  h = Math.imul(h ^ ((x >>> 8) & 0xff), FNV_PRIME);
  h = Math.imul(h ^ ((x >>> 16) & 0xff), FNV_PRIME);
  h = Math.imul(h ^ (x >>> 24), FNV_PRIME);
  return h >>> 0;
}

/** The fingerprint of a block of `rows` × `cols` cells. */
export interface Fingerprint {
  rows: number;
  cols: number;
  chunkRows: number;
  /** One hash per row. */
  rowHashes: Uint32Array;
  /** One hash per column chunk, column-major: chunk k of column c at c × chunks + k. */
  chunkHashes: Uint32Array;
}

/** Number of chunks of a column of `rows` rows. */
export function chunkCount(rows: number, chunkRows = CHUNK_ROWS): number {
  return Math.ceil(rows / chunkRows);
}

/** Builds a fingerprint row by row, from cells or from cell hashes. */
export class FingerprintBuilder {
  private readonly rowHashes: Uint32Array;
  private readonly chunkHashes: Uint32Array;
  private readonly chunks: number;
  private row = 0;
  private readonly scratch: number[];
  constructor(
    readonly rows: number,
    readonly cols: number,
    readonly chunkRows = CHUNK_ROWS,
  ) {
    this.rowHashes = new Uint32Array(rows);
    this.chunks = chunkCount(rows, chunkRows);
    this.chunkHashes = new Uint32Array(cols * this.chunks).fill(FNV_OFFSET);
    this.scratch = new Array<number>(cols).fill(0);
  }
  /** Rows added so far. */
  get added(): number {
    return this.row;
  }
  /** Adds the next row from its cells (as `Range.formulas` reads them; missing cells are empty). */
  addRow(cells: readonly unknown[]): void {
    for (let c = 0; c < this.cols; c++) this.scratch[c] = cellHash(cells[c]);
    this.addHashes(this.scratch);
  }
  /** Adds the next row from its cell hashes. */
  addHashes(hashes: ArrayLike<number>): void {
    if (this.row >= this.rows) throw new RangeError(`fingerprint of ${this.rows} rows is complete`);
    const k = Math.floor(this.row / this.chunkRows);
    let h = FNV_OFFSET;
    for (let c = 0; c < this.cols; c++) {
      const x = hashes[c];
      h = mix(h, x);
      const i = c * this.chunks + k;
      this.chunkHashes[i] = mix(this.chunkHashes[i], x);
    }
    this.rowHashes[this.row++] = h;
  }
  /** The fingerprint of the rows added so far (a block written only in part); the builder can go on. */
  partial(): Fingerprint {
    const n = this.row;
    const chunks = chunkCount(n, this.chunkRows);
    const chunkHashes = new Uint32Array(this.cols * chunks);
    for (let c = 0; c < this.cols; c++)
      for (let k = 0; k < chunks; k++) chunkHashes[c * chunks + k] = this.chunkHashes[c * this.chunks + k];
    return { rows: n, cols: this.cols, chunkRows: this.chunkRows, rowHashes: this.rowHashes.slice(0, n), chunkHashes };
  }
  finish(): Fingerprint {
    if (this.row !== this.rows) throw new RangeError(`fingerprint has ${this.row} of ${this.rows} rows`);
    return { rows: this.rows, cols: this.cols, chunkRows: this.chunkRows, rowHashes: this.rowHashes, chunkHashes: this.chunkHashes };
  }
}

/** The fingerprint of `rows` × `cols` cells given by `at(r, c)`. */
export function fingerprintOf(rows: number, cols: number, at: (r: number, c: number) => unknown, chunkRows = CHUNK_ROWS): Fingerprint {
  const b = new FingerprintBuilder(rows, cols, chunkRows);
  const hashes = new Array<number>(cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) hashes[c] = cellHash(at(r, c));
    b.addHashes(hashes);
  }
  return b.finish();
}

/**
 * Compares the fingerprint of a block as it is now with the one recorded:
 * returns a predicate telling whether cell (r, c) (0-based within the block)
 * changed. Both must have the same shape (a block whose size changed cannot
 * be compared: the caller treats it as changed everywhere).
 */
export function changedCells(recorded: Fingerprint, now: Fingerprint): { any: boolean; changed: (r: number, c: number) => boolean } {
  if (recorded.rows !== now.rows || recorded.cols !== now.cols || recorded.chunkRows !== now.chunkRows) {
    throw new RangeError("fingerprints of different shapes");
  }
  const badRows = new Uint8Array(recorded.rows);
  let anyRow = false;
  for (let r = 0; r < recorded.rows; r++) {
    if (recorded.rowHashes[r] !== now.rowHashes[r]) {
      badRows[r] = 1;
      anyRow = true;
    }
  }
  const badChunks = new Uint8Array(recorded.chunkHashes.length);
  let anyChunk = false;
  for (let i = 0; i < badChunks.length; i++) {
    if (recorded.chunkHashes[i] !== now.chunkHashes[i]) {
      badChunks[i] = 1;
      anyChunk = true;
    }
  }
  const chunks = chunkCount(recorded.rows, recorded.chunkRows);
  return {
    any: anyRow && anyChunk,
    changed: (r, c) => badRows[r] === 1 && badChunks[c * chunks + Math.floor(r / recorded.chunkRows)] === 1,
  };
}

// ---------------------------------------------------------------- storage

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64_VALUES = Int8Array.from({ length: 128 }, (_, c) => B64.indexOf(String.fromCharCode(c)));
const B64_CODES = Uint8Array.from([...B64].map((ch) => ch.charCodeAt(0)));

/** Base64 of the little-endian bytes of `a`. */
export function base64OfUint32(a: Uint32Array): string {
  const le = new Uint8Array(a.length * 4);
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    le[i * 4] = x & 0xff;
    le[i * 4 + 1] = (x >>> 8) & 0xff;
    le[i * 4 + 2] = (x >>> 16) & 0xff;
    le[i * 4 + 3] = x >>> 24;
  }
  const out = new Uint8Array(Math.ceil(le.length / 3) * 4);
  let j = 0;
  for (let i = 0; i < le.length; i += 3) {
    const n = (le[i] << 16) | ((le[i + 1] ?? 0) << 8) | (le[i + 2] ?? 0);
    out[j++] = B64_CODES[n >>> 18];
    out[j++] = B64_CODES[(n >>> 12) & 63];
    out[j++] = i + 1 < le.length ? B64_CODES[(n >>> 6) & 63] : 61;
    out[j++] = i + 2 < le.length ? B64_CODES[n & 63] : 61;
  }
  const parts: string[] = [];
  for (let i = 0; i < out.length; i += 8192) parts.push(String.fromCharCode(...out.subarray(i, i + 8192)));
  return parts.join("");
}

/** The Uint32Array of a base64OfUint32 text, or null when the text is not one. */
export function uint32OfBase64(s: string): Uint32Array | null {
  if (s.length % 4 !== 0) return null;
  const pad = s.endsWith("==") ? 2 : s.endsWith("=") ? 1 : 0;
  const n = (s.length / 4) * 3 - pad;
  if (n % 4 !== 0) return null;
  const bytes = new Uint8Array(n);
  let j = 0;
  for (let i = 0; i < s.length; i += 4) {
    let v = 0;
    for (let k = 0; k < 4; k++) {
      const c = s.charCodeAt(i + k);
      const d = c === 61 ? 0 : c < 128 ? B64_VALUES[c] : -1;
      if (d < 0) return null;
      v = (v << 6) | d;
    }
    if (j < n) bytes[j++] = (v >>> 16) & 0xff;
    if (j < n) bytes[j++] = (v >>> 8) & 0xff;
    if (j < n) bytes[j++] = v & 0xff;
  }
  const out = new Uint32Array(n / 4);
  for (let i = 0; i < out.length; i++)
    out[i] = (bytes[i * 4] | (bytes[i * 4 + 1] << 8) | (bytes[i * 4 + 2] << 16) | (bytes[i * 4 + 3] << 24)) >>> 0;
  return out;
}

/** A fingerprint as JSON. */
export interface StoredFingerprint {
  rows: number;
  cols: number;
  chunkRows: number;
  rowHashes: string;
  chunkHashes: string;
}

export function storeFingerprint(fp: Fingerprint): StoredFingerprint {
  return {
    rows: fp.rows,
    cols: fp.cols,
    chunkRows: fp.chunkRows,
    rowHashes: base64OfUint32(fp.rowHashes),
    chunkHashes: base64OfUint32(fp.chunkHashes),
  };
}

/** The fingerprint of its JSON, or null when it is malformed. */
export function loadFingerprint(x: unknown): Fingerprint | null {
  if (x === null || typeof x !== "object") return null;
  const s = x as Partial<StoredFingerprint>;
  if (
    ![s.rows, s.cols, s.chunkRows].every((n) => Number.isInteger(n) && (n as number) >= 0) ||
    typeof s.rowHashes !== "string" ||
    typeof s.chunkHashes !== "string"
  )
    return null;
  const rowHashes = uint32OfBase64(s.rowHashes);
  const chunkHashes = uint32OfBase64(s.chunkHashes);
  const rows = s.rows as number;
  const cols = s.cols as number;
  const chunkRows = s.chunkRows as number;
  if (!rowHashes || !chunkHashes || chunkRows < 1 || rowHashes.length !== rows || chunkHashes.length !== cols * chunkCount(rows, chunkRows))
    return null;
  return { rows, cols, chunkRows, rowHashes, chunkHashes };
}

/** A short hex digest of a sequence of numbers (for tokens that say "this is what was checked"). */
export function digest(values: Iterable<number>): string {
  let h1 = FNV_OFFSET;
  let h2 = 0x9e3779b9;
  for (const x of values) {
    h1 = mix(h1, x >>> 0);
    h2 = mix(h2 ^ 0x5bd1e995, x >>> 0);
  }
  return h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0");
}
