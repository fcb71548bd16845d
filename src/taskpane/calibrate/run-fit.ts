/**
 * Runs a history fit off the pane's thread: in a Web Worker (fit.worker.ts)
 * when the host has workers, so the pane never blocks; Cancel terminates the
 * worker. Where workers are missing or cannot start (jsdom, the workbench
 * opened from file://, a host that refuses the worker script), the engine's
 * fit runs in steps in the pane's own thread (fitHistorySteps), yielding to
 * the browser between steps so the pane paints its progress and sees a Cancel
 * click. Either way the fit is the engine's, with the same result.
 */
import { EngineError, Result, engineError, valueError } from "../../engine/errors";
import type { Lang } from "../../engine/lang";
import { message } from "../../engine/messages";
import type { ScorecardModel } from "../../engine/scoring/model";
import type { Sample } from "../../engine/calibration/sample";
import { FitProgress, HistoryFit, HistoryFitOptions, fitHistorySteps } from "../../engine/calibration/history-fit";
import type { FitReply, FitRequest } from "./fit-protocol";
import { startFitWorker } from "./fit-worker-url";

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Where a fit ran: reported to `onStart` (the e2e test and the bench check that the pane's fit goes through the worker). */
export type FitRunner = "worker" | "thread";

export interface RunFitHooks {
  /** Starts the worker; the default is the bundled fit worker. Throws where workers cannot start. */
  startWorker?: () => Worker;
  /** Told where the fit runs, once it has started there. */
  onStart?: (runner: FitRunner) => void;
}

/** The fit, or "cancelled" when `signal` was aborted before it ended. */
export async function runFit(
  base: ScorecardModel,
  history: Sample,
  opts: HistoryFitOptions,
  lang: Lang,
  signal: AbortSignal,
  onProgress: (p: FitProgress) => void,
  hooks: RunFitHooks = {},
): Promise<Result<HistoryFit> | "cancelled"> {
  if (signal.aborted) return "cancelled";
  let worker: Worker | null = null;
  if (typeof Worker !== "undefined") {
    try {
      worker = (hooks.startWorker ?? startFitWorker)();
    } catch {
      worker = null; // e.g. file:// pages may not start workers: fit in this thread
    }
  }
  if (worker) {
    const viaWorker = await inWorker(worker, { type: "fit", base, history, opts, lang }, signal, onProgress, () =>
      hooks.onStart?.("worker"),
    );
    if (viaWorker !== "unavailable") return viaWorker;
  }
  hooks.onStart?.("thread");
  return inThread(base, history, opts, lang, signal, onProgress);
}

/** The fit in the pane's own thread, one engine step per task. */
async function inThread(
  base: ScorecardModel,
  history: Sample,
  opts: HistoryFitOptions,
  lang: Lang,
  signal: AbortSignal,
  onProgress: (p: FitProgress) => void,
): Promise<Result<HistoryFit> | "cancelled"> {
  const steps = fitHistorySteps(base, history, opts, lang);
  for (;;) {
    await nextTask();
    if (signal.aborted) return "cancelled";
    const r = steps.next();
    if (r.done) return r.value;
    onProgress(r.value);
  }
}

/** The error shown when the worker stopped without a result (in the user's language via the catalogue). */
export function workerFailed(detail: string): EngineError {
  return valueError(message("fit.workerFailed", { detail: detail || "?" }));
}

/**
 * The fit in the worker. "unavailable" when the worker failed before it
 * answered at all (its script did not load or run): the caller fits in the
 * pane's thread instead. The worker is terminated in every other case when
 * the promise settles (result, error, cancel).
 */
function inWorker(
  worker: Worker,
  req: FitRequest,
  signal: AbortSignal,
  onProgress: (p: FitProgress) => void,
  onStarted: () => void,
): Promise<Result<HistoryFit> | "cancelled" | "unavailable"> {
  return new Promise((resolve) => {
    let heard = false;
    let settled = false;
    const finish = (v: Result<HistoryFit> | "cancelled" | "unavailable"): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener("abort", onAbort);
      worker.onmessage = null;
      worker.onerror = null;
      worker.onmessageerror = null;
      worker.terminate();
      resolve(v);
    };
    const onAbort = (): void => finish("cancelled");
    signal.addEventListener("abort", onAbort);
    worker.onmessage = (e: MessageEvent<FitReply>) => {
      const m = e.data;
      heard = true;
      switch (m?.type) {
        case "started":
          onStarted();
          return;
        case "progress":
          if (!signal.aborted) onProgress({ done: m.done, total: m.total });
          return;
        case "done":
          return finish(m.fit);
        case "refused":
          // The engine's own error value, rebuilt with its catalogue message (a copy loses it: errors.ts).
          return finish(m.msg ? engineError(m.code, m.msg) : engineError(m.code, m.message));
        case "failed":
          return finish(workerFailed(m.detail));
        default:
          return finish(workerFailed("unexpected message"));
      }
    };
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault?.();
      finish(heard ? workerFailed(e.message) : "unavailable");
    };
    worker.onmessageerror = () => finish(workerFailed("message could not be read"));
    try {
      worker.postMessage(req);
    } catch (e) {
      finish(workerFailed(e instanceof Error ? e.message : String(e)));
    }
  });
}

/**
 * The expected default rate as typed: "2 %", "2%" or "0.02" → 0.02; a number
 * of 1 or more is read as a percentage ("2" → 0.02). Blank → undefined; NaN
 * when unreadable or not between 0 and 1.
 */
export function parseRate(text: string): number | undefined {
  const t = text.trim().replace(/，/g, ",").replace(/％/g, "%");
  if (t === "") return undefined;
  const pct = t.endsWith("%");
  const x = Number(t.replace(/%$/, "").trim().replace(",", "."));
  if (!Number.isFinite(x)) return NaN;
  const r = pct || x >= 1 ? x / 100 : x;
  return r > 0 && r < 1 ? r : NaN;
}
