/**
 * Typed results of the Excel I/O layer.
 *
 * Conditions a user can cause or fix (an empty selection, a missing table, a
 * payload that cannot be made small enough, a cancel) come back as values:
 * `{ ok: false, error: { code, message } }`. The task pane localises by
 * `code`; `message` is an English developer text. Anything else (a host
 * failure, a programming error) is thrown as is.
 */

/** Every error code the I/O layer returns. */
export type IoErrorCode =
  /** The selection is one empty cell with nothing around it, or not a cell range. */
  | "empty selection"
  /** The first row of the region has no text label. */
  | "no header row"
  /** The region is a header row with no data row under it. */
  | "no data rows"
  /** No table of that name in the workbook. */
  | "table not found"
  /** No worksheet of that name (it was renamed or deleted). */
  | "sheet not found"
  /** Even a single row exceeds Excel on the web's 5 MB payload limit. */
  | "payload too large"
  /** The caller's AbortSignal fired; work stopped between two blocks. */
  | "cancelled"
  /** The plan found foreign cells and the caller did not confirm overwriting them. */
  | "overwrite not confirmed"
  /** Cells the write would overwrite changed since the plan (`cells` names them): nothing was written. */
  | "target changed"
  /** The table the results belong to moved, grew, shrank or had its first column edited since it was read. */
  | "table changed"
  /** The report sheet was renamed or edited, and the change was not confirmed (or changed again since). */
  | "report changed"
  /** There is no recorded write to restore. */
  | "nothing to restore"
  /** Cells written by the last write changed since (`cells` names them): restoring would lose them. */
  | "restore refused";

export interface IoError {
  code: IoErrorCode;
  /** English developer text with the details (addresses, sizes). */
  message: string;
  /** How many cells the error is about (target changed, report changed, restore refused). */
  count?: number;
  /** The first few of them, sheet-qualified A1 addresses in row order. */
  cells?: string[];
}

export type IoResult<T> = { ok: true; value: T } | { ok: false; error: IoError };

export function ok<T>(value: T): IoResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: IoErrorCode, message: string, detail?: { count: number; cells: string[] }): IoResult<T> {
  return { ok: false, error: detail ? { code, message, count: detail.count, cells: detail.cells } : { code, message } };
}

/** Office error codes that mean "this request or response was over the host's payload limit". */
export const PAYLOAD_ERROR_CODES = ["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"] as const;

function codeOf(x: unknown): string | undefined {
  if (x === null || typeof x !== "object") return undefined;
  const c = (x as { code?: unknown }).code;
  return typeof c === "string" ? c : undefined;
}

/**
 * True when `e` is an Office (OfficeExtension.Error-like) payload-limit error:
 * `code` or `debugInfo.code` is RequestPayloadSizeLimitExceeded or
 * ResponsePayloadSizeLimitExceeded (compared case-insensitively: Graph spells
 * the inner code in camelCase).
 */
export function isPayloadLimitError(e: unknown): boolean {
  const codes = [codeOf(e), codeOf((e as { debugInfo?: unknown } | null)?.debugInfo)];
  return codes.some((c) => c !== undefined && PAYLOAD_ERROR_CODES.some((p) => p.toLowerCase() === c.toLowerCase()));
}

/** True when `e` is an Office error with one of `codes` (e.g. "ItemNotFound"). */
export function hasOfficeCode(e: unknown, ...codes: string[]): boolean {
  const c = codeOf(e) ?? codeOf((e as { debugInfo?: unknown } | null)?.debugInfo);
  return c !== undefined && codes.includes(c);
}

/** The `cancelled` result when `signal` has fired, else null. */
export function cancelledResult(signal: AbortSignal | undefined, what: string): IoResult<never> | null {
  return signal?.aborted ? fail("cancelled", `${what} cancelled`) : null;
}
