/**
 * Runs a portfolio review without freezing Excel: reads the customer table
 * (and the optional ledger) through the WorkbookPort in payload-safe blocks,
 * then prepares (`prepareReviewSteps`, told where each table sits so that
 * problems name sheet rows and cells: ledger digest, join, duplicate ids,
 * ratio columns holding percent numbers — reported in `summary.percentColumns`) and
 * scores (`reviewChunk`) in time slices (~12 ms), yielding a macrotask between
 * slices so the pane stays
 * responsive, then `summarise`. Progress is reported per phase; an
 * AbortSignal cancels between blocks or slices. Nothing is written.
 */
import type { Lang } from "../../engine/lang";
import type { CreditPolicy } from "../../engine/policy";
import { isEngineError, type EngineError } from "../../engine/errors";
import type { ColumnMapping } from "../../engine/portfolio/mapping";
import { PortfolioSummary, ReviewState, prepareReviewSteps, reviewChunk, summarise } from "../../engine/portfolio/review";
import { placeOf } from "../../engine/portfolio/place";
import type { DataArea, IoErrorCode, TableData, TableSource, WorkbookPort } from "../../excel/port";
import { areaOf } from "../../excel/port";

export type ReviewPhase = "reading" | "readingLedger" | "preparing" | "scoring" | "summarising";

export interface ReviewProgress {
  phase: ReviewPhase;
  /** Rows done in this phase. */
  done: number;
  /** Rows of this phase (0 when unknown). */
  total: number;
}

/** A table to review: where to read it (or the rows already read) and its mapping. */
export interface ReviewTable {
  source: TableSource | TableData;
  mapping: ColumnMapping;
}

export interface ReviewRequest {
  customers: ReviewTable;
  ledger: ReviewTable | null;
  /** As-of date (Excel serial). */
  asOf: number;
  lang: Lang;
  policy: CreditPolicy;
}

export type ReviewFailure =
  | { kind: "io"; table: "customers" | "ledger"; code: IoErrorCode; message: string }
  | { kind: "engine"; message: string; error: EngineError }
  | { kind: "cancelled" };

export interface ReviewOutcome {
  state: ReviewState;
  summary: PortfolioSummary;
  customers: TableData;
  ledger: TableData | null;
  /** Where the customer rows are (write-back, selection sync). */
  area: DataArea;
  request: ReviewRequest;
  /** Milliseconds per phase. */
  timings: { read: number; score: number; summarise: number };
}

export type ReviewResult = { ok: true; value: ReviewOutcome } | { ok: false; error: ReviewFailure };

export interface RunOptions {
  onProgress?: (p: ReviewProgress) => void;
  signal?: AbortSignal;
  /** Milliseconds of scoring between two yields (default 12). */
  sliceMs?: number;
  /** Clock in ms (tests may pass a fake). */
  now?: () => number;
}

/**
 * Resolves after the current task, letting the browser paint and Excel talk
 * to the add-in: a MessageChannel message (no 4 ms timer clamping), else setTimeout 0.
 */
export function nextMacrotask(): Promise<void> {
  if (typeof MessageChannel === "function") {
    return new Promise((resolve) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        ch.port1.close();
        resolve();
      };
      ch.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

const defaultNow = () => (typeof performance !== "undefined" ? performance.now() : Date.now());

function isTableData(x: TableSource | TableData): x is TableData {
  return Array.isArray((x as TableData).rows);
}

async function readOne(
  port: WorkbookPort,
  which: "customers" | "ledger",
  t: ReviewTable,
  opts: RunOptions,
): Promise<{ ok: true; value: TableData } | { ok: false; error: ReviewFailure }> {
  if (isTableData(t.source)) return { ok: true, value: t.source };
  const phase: ReviewPhase = which === "customers" ? "reading" : "readingLedger";
  opts.onProgress?.({ phase, done: 0, total: 0 });
  const r = await port.readTable(t.source, { signal: opts.signal, onProgress: (done, total) => opts.onProgress?.({ phase, done, total }) });
  if (r.ok) return r;
  if (r.error.code === "cancelled") return { ok: false, error: { kind: "cancelled" } };
  return { ok: false, error: { kind: "io", table: which, code: r.error.code, message: r.error.message } };
}

/**
 * Reads, scores and summarises. Cancelling returns `{ kind: "cancelled" }`.
 * @example const r = await runReview(port, { customers: { source: { kind: "table", name: "Customers" }, mapping }, ledger: null, asOf, lang: "en", policy: DEFAULT_POLICY }, { onProgress });
 */
export async function runReview(port: WorkbookPort, req: ReviewRequest, opts: RunOptions = {}): Promise<ReviewResult> {
  const now = opts.now ?? defaultNow;
  const sliceMs = opts.sliceMs ?? 12;
  const cancelled = (): ReviewResult => ({ ok: false, error: { kind: "cancelled" } });
  const t0 = now();

  const customers = await readOne(port, "customers", req.customers, opts);
  if (!customers.ok) return customers;
  let ledger: TableData | null = null;
  if (req.ledger) {
    const l = await readOne(port, "ledger", req.ledger, opts);
    if (!l.ok) return l;
    ledger = l.value;
  }
  if (opts.signal?.aborted) return cancelled();
  const t1 = now();

  const steps = prepareReviewSteps(
    {
      headers: customers.value.headerRow,
      rows: customers.value.rows,
      mapping: req.customers.mapping,
      // Where each table sits, so every problem names the sheet's own rows and cells.
      place: placeOf(customers.value),
      ledger:
        ledger && req.ledger ? { headers: ledger.headerRow, rows: ledger.rows, mapping: req.ledger.mapping, place: placeOf(ledger) } : null,
      asOf: req.asOf,
      policy: req.policy,
      lang: req.lang,
    },
    10_000,
  );
  let sliceStart = now();
  let it = steps.next();
  while (!it.done) {
    if (opts.signal?.aborted) return cancelled();
    if (now() - sliceStart >= sliceMs) {
      const p = it.value;
      opts.onProgress?.({ phase: "preparing", done: p.done, total: p.total });
      await nextMacrotask();
      sliceStart = now();
    }
    it = steps.next();
  }
  const state = it.value;
  if (isEngineError(state)) return { ok: false, error: { kind: "engine", message: state.message, error: state } };

  const total = state.total;
  let row = 0;
  let step = 500;
  opts.onProgress?.({ phase: "scoring", done: 0, total });
  while (row < total) {
    if (opts.signal?.aborted) return cancelled();
    const start = now();
    while (row < total && now() - start < sliceMs) {
      const end = Math.min(total, row + step);
      reviewChunk(state, row, end);
      row = end;
      if (now() - start < sliceMs / 4) step *= 2;
    }
    opts.onProgress?.({ phase: "scoring", done: row, total });
    await nextMacrotask();
  }
  if (opts.signal?.aborted) return cancelled();
  const t2 = now();
  opts.onProgress?.({ phase: "summarising", done: 0, total: 0 });
  await nextMacrotask();
  const summary = summarise(state);
  const t3 = now();
  return {
    ok: true,
    value: {
      state,
      summary,
      customers: customers.value,
      ledger,
      area: areaOf(customers.value),
      request: req,
      timings: { read: t1 - t0, score: t2 - t1, summarise: t3 - t2 },
    },
  };
}
