/**
 * Row-block reads and writes that keep every request and response under
 * Excel on the web's 5 MB payload limit.
 *
 * Reads: the first block is small (FIRST_BLOCK_CELLS), each later block is
 * sized from the bytes per row measured on the block before (target 3.5 MB,
 * at most 4× growth, at most MAX_BLOCK_CELLS cells). Writes: rows are packed
 * greedily by their exact JSON size up to 3.5 MB. Either way a
 * Request/ResponsePayloadSizeLimitExceeded error halves the block and retries
 * it; a single row that still fails ends with "payload too large". An
 * AbortSignal is checked between blocks.
 */
import { IoResult, cancelledResult, fail, isPayloadLimitError, ok } from "./errors";
import { BlockStats, TARGET_BLOCK_BYTES, MAX_BLOCK_CELLS, emptyStats, firstBlockRows, jsonBytes, nextBlockRows } from "./payload";
import { Rect, qualifiedA1 } from "./address";

/** Progress callback: rows done so far out of the total. */
export type Progress = (rowsDone: number, total: number) => void;

/** Range properties read in blocks. */
export type BlockProperty = "values" | "formulas" | "numberFormat" | "valueTypes";

export interface ReadBlocksOptions {
  /** Which range property to read; "formulas" shows formulas as text and constants as values. Default "values". */
  property?: "values" | "formulas" | "numberFormat";
  onProgress?: Progress;
  signal?: AbortSignal;
  /** Target bytes per block (default TARGET_BLOCK_BYTES, 3.5 MB). */
  targetBytes?: number;
  /** Rows of the first block (default FIRST_BLOCK_CELLS / columns). */
  firstRows?: number;
}

/**
 * Reads `rect` of `sheet` in row blocks; rows come back in order.
 * `sheetName` is only used in error messages.
 */
export async function readRowBlocks(
  ctx: Excel.RequestContext,
  sheet: Excel.Worksheet,
  sheetName: string,
  rect: Rect,
  opts: ReadBlocksOptions = {},
): Promise<IoResult<{ rows: unknown[][]; stats: BlockStats }>> {
  const prop = opts.property ?? "values";
  const r = await readRowBlocksOf(ctx, sheet, sheetName, rect, [prop], opts);
  return r.ok ? ok({ rows: r.value.data[prop], stats: r.value.stats }) : r;
}

/**
 * Reads several properties of `rect` in the same row blocks (one sync per
 * block, sized by the bytes of all of them together).
 */
export async function readRowBlocksOf<P extends BlockProperty>(
  ctx: Excel.RequestContext,
  sheet: Excel.Worksheet,
  sheetName: string,
  rect: Rect,
  props: readonly P[],
  opts: Omit<ReadBlocksOptions, "property"> = {},
): Promise<IoResult<{ data: Record<P, unknown[][]>; stats: BlockStats }>> {
  const target = opts.targetBytes ?? TARGET_BLOCK_BYTES;
  const data = Object.fromEntries(props.map((p) => [p, [] as unknown[][]])) as Record<P, unknown[][]>;
  const stats = emptyStats();
  const cellCap = Math.max(1, Math.floor(MAX_BLOCK_CELLS / Math.max(1, rect.colCount)));
  let size = Math.min(opts.firstRows ?? Math.max(1, Math.floor(firstBlockRows(rect.rowCount, rect.colCount) / props.length)), cellCap);
  let done = 0;
  while (done < rect.rowCount) {
    const cancelled = cancelledResult(opts.signal, `reading ${sheetName} after ${done} rows`);
    if (cancelled) return cancelled;
    const n = Math.max(1, Math.min(size, rect.rowCount - done));
    const range = sheet.getRangeByIndexes(rect.row + done, rect.col, n, rect.colCount);
    range.load(props.join(","));
    let blocks: (unknown[][] | null)[];
    try {
      await ctx.sync();
      blocks = props.map((p) => range[p] as unknown[][] | null);
    } catch (e) {
      if (!isPayloadLimitError(e)) throw e;
      blocks = [null];
    }
    // A null block is how some hosts answer an oversize read instead of an error.
    if (blocks.some((b) => b === null || b === undefined)) {
      if (n <= 1) {
        return fail(
          "payload too large",
          `row ${rect.row + done + 1} of ${qualifiedA1(sheetName, rect.row + done, rect.col, 1, rect.colCount)} alone exceeds the host's payload limit`,
        );
      }
      stats.retries++;
      size = Math.floor(n / 2);
      continue;
    }
    let bytes = 0;
    props.forEach((p, i) => {
      const block = blocks[i] as unknown[][];
      bytes += jsonBytes(block);
      const out = data[p];
      for (const r of block) out.push(r);
    });
    stats.blockRows.push(n);
    stats.blockBytes.push(bytes);
    done += n;
    opts.onProgress?.(done, rect.rowCount);
    size = nextBlockRows(n, bytes, rect.colCount, target);
  }
  return ok({ data, stats });
}

export interface WriteBlocksOptions {
  /** "values" sets Range.values, "formulas" Range.formulas, "numberFormat" Range.numberFormat (null = leave as is). */
  property: "values" | "formulas" | "numberFormat";
  onProgress?: Progress;
  signal?: AbortSignal;
  /** Target bytes per request (default TARGET_BLOCK_BYTES, 3.5 MB). */
  targetBytes?: number;
  /**
   * Number format per column (`colCount` long; null = leave the cell's format
   * as is), set on each block's range as a 2-D array of the block's size, in
   * the same request as the values and after them. Its bytes count toward
   * the block's size. Ignored when every entry is null.
   */
  numberFormats?: readonly (string | null | undefined)[];
  /**
   * Reads each block back (`Range.formulas`, in the same request as the
   * write, so no extra sync: the response is about the size of the values
   * sent) and hands the rows to this callback in order — what Excel holds
   * after the write, for fingerprints.
   */
  readBack?: (rows: unknown[][]) => void;
}

/**
 * Writes `rowCount` rows, produced by `rowAt(i)` (each `colCount` long and
 * already safe to write), into `sheet` from (`row`, `col`) down. Rows are
 * packed into blocks by their exact JSON size (values plus, with
 * `numberFormats`, the block's format array).
 *
 * @example
 *   // 3 columns, the first as a percentage, the others left as they are
 *   await writeRowBlocks(ctx, sheet, "Data", { row: 1, col: 5, colCount: 3 }, rows.length, (i) => rows[i],
 *     { property: "values", numberFormats: ["0.00%", null, null] });
 */
export async function writeRowBlocks(
  ctx: Excel.RequestContext,
  sheet: Excel.Worksheet,
  sheetName: string,
  at: { row: number; col: number; colCount: number },
  rowCount: number,
  rowAt: (i: number) => unknown[],
  opts: WriteBlocksOptions,
): Promise<IoResult<BlockStats>> {
  const stats = emptyStats();
  const fmt = formatRow(opts.numberFormats, at.colCount, opts.property);
  // JSON bytes of one row of the format array (the comma between rows is added when packing).
  const fmtBytes = fmt ? jsonBytes(fmt) : 0;
  let target = opts.targetBytes ?? TARGET_BLOCK_BYTES;
  let maxRows = Math.max(1, Math.floor(MAX_BLOCK_CELLS / Math.max(1, at.colCount)));
  let done = 0;
  // Rows converted but not yet written (kept across a retry) and their sizes.
  const pending: unknown[][] = [];
  const pendingBytes: number[] = [];
  let next = 0;
  while (done < rowCount) {
    const cancelled = cancelledResult(opts.signal, `writing ${sheetName} after ${done} rows`);
    if (cancelled) return cancelled;
    // Pack: bytes of a block = 2 brackets + rows + commas between rows
    // (twice with formats: the values array and the format array).
    let n = 0;
    let bytes = fmt ? 4 : 2;
    for (;;) {
      if (n >= maxRows || done + n >= rowCount) break;
      if (n === pending.length) {
        const r = rowAt(next++);
        if (r.length !== at.colCount) throw new RangeError(`row ${done + n} has ${r.length} cells, expected ${at.colCount}`);
        pending.push(r);
        pendingBytes.push(jsonBytes(r));
      }
      const add = pendingBytes[n] + fmtBytes + (n > 0 ? (fmt ? 2 : 1) : 0);
      if (n > 0 && bytes + add > target) break;
      bytes += add;
      n++;
    }
    const block = pending.slice(0, n);
    const range = sheet.getRangeByIndexes(at.row + done, at.col, n, at.colCount);
    range[opts.property] = block;
    if (fmt) range.numberFormat = Array.from({ length: n }, () => fmt);
    if (opts.readBack) range.load("formulas");
    try {
      await ctx.sync();
      if (opts.readBack) {
        const back = range.formulas as unknown[][] | null;
        // Some hosts answer an oversize response with null instead of an error.
        if (back === null || back === undefined)
          throw Object.assign(new Error("no response"), { code: "ResponsePayloadSizeLimitExceeded" });
        opts.readBack(back);
      }
    } catch (e) {
      if (!isPayloadLimitError(e)) throw e;
      if (n <= 1) {
        return fail(
          "payload too large",
          `row ${done + 1} to write at ${qualifiedA1(sheetName, at.row + done, at.col, 1, at.colCount)} alone exceeds the host's payload limit`,
        );
      }
      stats.retries++;
      maxRows = Math.max(1, Math.floor(n / 2));
      target = Math.max(1, Math.floor(bytes / 2));
      continue;
    }
    pending.splice(0, n);
    pendingBytes.splice(0, n);
    stats.blockRows.push(n);
    stats.blockBytes.push(bytes);
    done += n;
    opts.onProgress?.(done, rowCount);
  }
  return ok(stats);
}

/** The per-column format row of a block, or null when there is nothing to format. */
function formatRow(
  formats: readonly (string | null | undefined)[] | undefined,
  colCount: number,
  property: WriteBlocksOptions["property"],
): (string | null)[] | null {
  if (!formats || formats.every((f) => f === null || f === undefined)) return null;
  if (property === "numberFormat") throw new RangeError('numberFormats cannot go with property "numberFormat"');
  if (formats.length !== colCount) throw new RangeError(`${formats.length} number formats for ${colCount} columns`);
  return formats.map((f) => f ?? null);
}

/**
 * Reads one property of several column runs (`[first column, count]`) over
 * the same rows, each block of rows in one sync for all runs; sized like
 * readRowBlocks by the bytes of the block before. Returns the rows of each
 * run, in the order of `runs`.
 */
export async function readColumnRuns(
  ctx: Excel.RequestContext,
  sheet: Excel.Worksheet,
  sheetName: string,
  row: number,
  rowCount: number,
  runs: readonly (readonly [number, number])[],
  prop: BlockProperty,
  opts: Omit<ReadBlocksOptions, "property"> = {},
): Promise<IoResult<unknown[][][]>> {
  const out: unknown[][][] = runs.map(() => []);
  const width = runs.reduce((n, [, c]) => n + c, 0);
  if (runs.length === 0 || rowCount === 0) return ok(out);
  const target = opts.targetBytes ?? TARGET_BLOCK_BYTES;
  const cellCap = Math.max(1, Math.floor(MAX_BLOCK_CELLS / Math.max(1, width)));
  let size = Math.min(opts.firstRows ?? firstBlockRows(rowCount, width), cellCap);
  let done = 0;
  while (done < rowCount) {
    const cancelled = cancelledResult(opts.signal, `reading ${sheetName} after ${done} rows`);
    if (cancelled) return cancelled;
    const n = Math.max(1, Math.min(size, rowCount - done));
    const ranges = runs.map(([col, count]) => {
      const r = sheet.getRangeByIndexes(row + done, col, n, count);
      r.load(prop);
      return r;
    });
    let blocks: (unknown[][] | null)[];
    try {
      await ctx.sync();
      blocks = ranges.map((r) => r[prop] as unknown[][] | null);
    } catch (e) {
      if (!isPayloadLimitError(e)) throw e;
      blocks = [null];
    }
    if (blocks.some((b) => b === null || b === undefined)) {
      if (n <= 1) return fail("payload too large", `row ${row + done + 1} of ${sheetName} alone exceeds the host's payload limit`);
      size = Math.floor(n / 2);
      continue;
    }
    let bytes = 0;
    blocks.forEach((b, k) => {
      bytes += jsonBytes(b);
      for (const r of b as unknown[][]) out[k].push(r);
    });
    done += n;
    size = nextBlockRows(n, bytes, width, target);
  }
  return ok(out);
}
