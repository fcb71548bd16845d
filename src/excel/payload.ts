/**
 * Payload measuring and block sizing for Excel on the web's 5 MB limit per
 * request and per response.
 *
 * The size of a block is the UTF-8 byte length of the JSON of its 2-D array
 * (what office.js sends or receives for `Range.values`), measured without
 * building a byte buffer.
 */

/** Excel on the web rejects a request or a response above 5 MB. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1000 * 1000;
/** Blocks are sized to about this many bytes, leaving 1.5 MB of headroom for rows heavier than the estimate. */
export const TARGET_BLOCK_BYTES = 3.5 * 1000 * 1000;
/** The first read block holds at most this many cells (1,000 rows × 20 columns): small enough for 250-byte cells. */
export const FIRST_BLOCK_CELLS = 20_000;
/** No block holds more cells than this (Excel's read limit is 5,000,000 cells on every platform). */
export const MAX_BLOCK_CELLS = 500_000;
/** A block grows at most this factor over the previous one (protects against a sparse start followed by dense rows). */
export const MAX_GROWTH = 4;

/** UTF-8 byte length of a string (surrogate pairs count 4 bytes). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * Bytes of a value as JSON in UTF-8, the measure used for every block.
 * @example jsonBytes([[1, "é"]]) === 10   // [[1,"é"]] is 9 characters; é takes 2 bytes
 */
export function jsonBytes(value: unknown): number {
  const s = JSON.stringify(value);
  return s === undefined ? 0 : utf8Length(s);
}

/**
 * Rows in the first read block: FIRST_BLOCK_CELLS / columns, at least 1,
 * at most `rowCount`.
 * @example firstBlockRows(200_000, 20) === 1000
 */
export function firstBlockRows(rowCount: number, colCount: number): number {
  return Math.max(1, Math.min(rowCount, Math.floor(FIRST_BLOCK_CELLS / Math.max(1, colCount))));
}

/**
 * Rows in the next block after a block of `lastRows` rows that weighed
 * `lastBytes`: enough rows to reach `targetBytes` at the last block's bytes
 * per row, grown at most MAX_GROWTH-fold, capped by MAX_BLOCK_CELLS, at least 1.
 * @example nextBlockRows(1000, 200_000, 20) === 4000        // growth cap
 * @example nextBlockRows(16000, 3_200_000, 20) === 17500   // 3.5 MB / 200 B per row
 */
export function nextBlockRows(lastRows: number, lastBytes: number, colCount: number, targetBytes = TARGET_BLOCK_BYTES): number {
  const perRow = Math.max(1, lastBytes / Math.max(1, lastRows));
  const byBytes = Math.floor(targetBytes / perRow);
  const byCells = Math.floor(MAX_BLOCK_CELLS / Math.max(1, colCount));
  return Math.max(1, Math.min(byBytes, lastRows * MAX_GROWTH, byCells));
}

/** What a chunked read or write did, for progress displays, logs and the benchmark. */
export interface BlockStats {
  /** Rows of each block that succeeded, in order. */
  blockRows: number[];
  /** Measured JSON bytes of each block that succeeded. */
  blockBytes: number[];
  /** Blocks that hit a payload-limit error and were halved. */
  retries: number;
}

export function emptyStats(): BlockStats {
  return { blockRows: [], blockBytes: [], retries: 0 };
}
