/**
 * One progress bar for a whole review or write: the phases run in a known
 * order and each gets a share of the bar, so the bar only moves forward and
 * the label names the phase beside one overall percentage (instead of one bar
 * per phase that starts again at 0 four times).
 */
import type { ReviewPhase, ReviewProgress } from "../services/review-runner";

/** Share of the bar per phase, in order (reading dominates: it talks to Excel). */
const REVIEW_WEIGHTS: Record<"ledger" | "alone", [ReviewPhase, number][]> = {
  ledger: [
    ["reading", 0.4],
    ["readingLedger", 0.25],
    ["preparing", 0.1],
    ["scoring", 0.2],
    ["summarising", 0.05],
  ],
  alone: [
    ["reading", 0.6],
    ["preparing", 0.05],
    ["scoring", 0.3],
    ["summarising", 0.05],
  ],
};

/** Where `done`/`total` of a phase with bar share `weight` starting at `start` puts the bar (0–1). */
function along(start: number, weight: number, done: number, total: number): number {
  const f = total > 0 ? Math.max(0, Math.min(1, done / total)) : 0;
  return Math.min(1, start + weight * f);
}

/** Overall progress 0–1 of a review in `p`'s phase. @example reviewFraction({ phase: "scoring", done: 50, total: 100 }, false) === 0.8 */
export function reviewFraction(p: ReviewProgress, withLedger: boolean): number {
  const weights = REVIEW_WEIGHTS[withLedger ? "ledger" : "alone"];
  let start = 0;
  for (const [phase, w] of weights) {
    if (phase === p.phase) return along(start, w, p.done, p.total);
    start += w;
  }
  return start;
}

export type WritePhase = "preparing" | "checking" | "writing" | "report";

/** Overall progress 0–1 of a write: columns (prepare, check, write) then the report sheet. */
export function writeFraction(phase: WritePhase, done: number, total: number, withColumns: boolean): number {
  if (!withColumns) return phase === "report" ? 0.5 : 0;
  const weights: [WritePhase, number][] = [
    ["preparing", 0.2],
    ["checking", 0.15],
    ["writing", 0.55],
    ["report", 0.1],
  ];
  let start = 0;
  for (const [p, w] of weights) {
    if (p === phase) return along(start, w, done, total);
    start += w;
  }
  return start;
}
