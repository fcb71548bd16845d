/**
 * The write-back as a state machine: idle → preparing → checking → confirm
 * (the dialog) → writing → report → idle, with restoring on the side. The
 * write re-checks in its own batch; when the target or the report sheet
 * changed since the dialog, the flow goes back to confirm with what changed.
 * Pure: `useWriteFlow` runs the I/O and dispatches these actions.
 */
import type { LastWrite, ReportCheck, WritePlan } from "../../excel/port";
import type { WritePhase } from "./progress";

export type Phase = "idle" | WritePhase | "confirm" | "restoring";
export type Message = { intent: "success" | "error" | "info" | "warning"; text: string };

export interface WriteState {
  phase: Phase;
  progress: { done: number; total: number } | null;
  message: Message | null;
  plan: WritePlan | null;
  reportCheck: ReportCheck | null;
  reportChoice: "newSheet" | "replace";
  /** What is still to write at the next confirmation. */
  pending: { columns: boolean; report: boolean };
  /** Set when the write found changes since the dialog: shown in the dialog that comes back. */
  changedSince: { count: number; cells: string[] } | null;
  reportChangedSince: boolean;
  last: LastWrite | null;
}

export type WriteAction =
  | { type: "start" }
  | { type: "phase"; phase: Phase }
  | { type: "progress"; progress: { done: number; total: number } | null }
  | { type: "plan"; plan: WritePlan }
  | { type: "reportCheck"; check: ReportCheck }
  | { type: "confirm"; pending: { columns: boolean; report: boolean } }
  | { type: "changedSince"; plan: WritePlan; count: number; cells: string[] }
  | { type: "reportChangedSince"; check: ReportCheck }
  | { type: "columnsWritten" }
  | { type: "reportChoice"; choice: "newSheet" | "replace" }
  | { type: "done"; message: Message }
  | { type: "message"; message: Message | null }
  | { type: "last"; last: LastWrite | null };

export const INITIAL_WRITE: WriteState = {
  phase: "idle",
  progress: null,
  message: null,
  plan: null,
  reportCheck: null,
  reportChoice: "newSheet",
  pending: { columns: false, report: false },
  changedSince: null,
  reportChangedSince: false,
  last: null,
};

export function writeReducer(s: WriteState, a: WriteAction): WriteState {
  switch (a.type) {
    case "start":
      return { ...INITIAL_WRITE, last: s.last };
    case "phase":
      return {
        ...s,
        phase: a.phase,
        progress: a.phase === "confirm" ? null : s.progress,
        ...(a.phase === "writing" || a.phase === "report" ? { changedSince: null, reportChangedSince: false } : {}),
      };
    case "progress":
      return { ...s, progress: a.progress };
    case "plan":
      return { ...s, plan: a.plan };
    case "reportCheck":
      return { ...s, reportCheck: a.check };
    case "confirm":
      return { ...s, pending: a.pending, progress: null, phase: "confirm" };
    case "changedSince":
      return { ...s, plan: a.plan, changedSince: { count: a.count, cells: a.cells }, progress: null, phase: "confirm" };
    case "reportChangedSince":
      return { ...s, reportCheck: a.check, reportChangedSince: true, pending: { columns: false, report: true }, phase: "confirm" };
    case "columnsWritten":
      return { ...s, pending: { ...s.pending, columns: false } };
    case "reportChoice":
      return { ...s, reportChoice: a.choice };
    case "done":
      return {
        ...s,
        phase: "idle",
        progress: null,
        changedSince: null,
        reportChangedSince: false,
        pending: { columns: false, report: false },
        message: a.message,
      };
    case "message":
      return { ...s, message: a.message };
    case "last":
      return { ...s, last: a.last };
  }
}

/** True when the report check needs the user's say (the add-in's sheet was renamed or changed). */
export function reportNeedsConfirmation(c: ReportCheck | null): boolean {
  return c !== null && c.action === "replace" && (c.renamedFrom !== null || c.edited !== null);
}
