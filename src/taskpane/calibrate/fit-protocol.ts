/**
 * The messages between the pane and the fit worker (fit.worker.ts), and the
 * worker's side of the conversation. The worker runs the engine's fit as it
 * is (`fitHistorySteps`: the same steps and the same result as in the pane's
 * own thread); nothing here decides anything about the fit.
 *
 * pane → worker: one `FitRequest`.
 * worker → pane: `started`, then `progress` after each step, then `done`
 * (the fit), `refused` (the engine's error value) or `failed` (an exception:
 * a bug, out of memory). Cancel is the pane terminating the worker.
 */
import type { Lang } from "../../engine/lang";
import type { ScorecardModel } from "../../engine/scoring/model";
import type { Sample } from "../../engine/calibration/sample";
import type { EngineErrorCode } from "../../engine/errors";
import { isEngineError } from "../../engine/errors";
import type { Message } from "../../engine/messages";
import { FitProgress, HistoryFit, HistoryFitOptions, fitHistorySteps } from "../../engine/calibration/history-fit";

export interface FitRequest {
  type: "fit";
  base: ScorecardModel;
  history: Sample;
  opts: HistoryFitOptions;
  lang: Lang;
}

export type FitReply =
  | { type: "started" }
  | ({ type: "progress" } & FitProgress)
  | { type: "done"; fit: HistoryFit }
  /** An engine error value, with its catalogue message (not enumerable on the error itself, so lost in a copy). */
  | { type: "refused"; code: EngineErrorCode; message: string; msg?: Message }
  | { type: "failed"; detail: string };

/** Runs one fit request and posts its replies (the worker's whole job; a function so tests can run it without a worker). */
export function serveFitRequest(req: FitRequest, post: (reply: FitReply) => void): void {
  post({ type: "started" });
  try {
    const steps = fitHistorySteps(req.base, req.history, req.opts, req.lang);
    for (;;) {
      const r = steps.next();
      if (r.done) {
        const v = r.value;
        post(isEngineError(v) ? { type: "refused", code: v.code, message: v.message, msg: v.msg } : { type: "done", fit: v });
        return;
      }
      post({ type: "progress", done: r.value.done, total: r.value.total });
    }
  } catch (e) {
    post({ type: "failed", detail: e instanceof Error ? e.message : String(e) });
  }
}
