/**
 * Runs a history fit off the pane's critical path: the engine's fit in steps
 * (fitHistorySteps), yielding to the browser between steps so the pane
 * paints its progress and a Cancel click is seen.
 */
import type { Result } from "../../engine/errors";
import type { Lang } from "../../engine/lang";
import type { ScorecardModel } from "../../engine/scoring/model";
import type { Sample } from "../../engine/calibration/sample";
import { FitProgress, HistoryFit, HistoryFitOptions, fitHistorySteps } from "../../engine/calibration/history-fit";

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The fit, or "cancelled" when `signal` was aborted between two steps. */
export async function runFit(
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
