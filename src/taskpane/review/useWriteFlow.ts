/**
 * The write-back's I/O around `writeReducer`: builds the request, checks the
 * target and the report sheet, writes after the user confirms (re-checked at
 * write time), regenerates the report, restores the last write.
 */
import { useCallback, useEffect, useReducer, useRef } from "react";
import type { Lang } from "../../engine/lang";
import type { ReviewStrings, WriteColumnId } from "../i18n";
import * as fmt from "../format";
import type { ReviewOutcome } from "../services/review-runner";
import { buildReport, buildWriteRequest, type WriteMode } from "../services/write-back";
import type { WorkbookPort, WriteRequest } from "../../excel/port";
import { INITIAL_WRITE, writeReducer } from "./write-flow";

/** A new id for the writes of one confirmation (they share one undo record). */
function groupId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export function useWriteFlow(outcome: ReviewOutcome, port: WorkbookPort, lang: Lang, t: ReviewStrings) {
  const w = t.write;
  const [st, dispatch] = useReducer(writeReducer, INITIAL_WRITE);
  const request = useRef<WriteRequest | null>(null);
  const abort = useRef<AbortController | null>(null);
  const group = useRef("");
  const doneSoFar = useRef<string[]>([]);

  const refreshLast = useCallback(() => {
    port
      .lastWrite()
      .then((last) => dispatch({ type: "last", last }))
      .catch(() => dispatch({ type: "last", last: null }));
  }, [port]);
  useEffect(() => refreshLast(), [refreshLast]);

  const stop = (text: string, intent: "error" | "info" | "warning" = "info") => {
    // After the columns were written, a cancelled report does not make "nothing was written" true.
    const parts = doneSoFar.current.length > 0 && text === w.cancelled ? doneSoFar.current : [...doneSoFar.current, text];
    dispatch({ type: "done", message: { intent, text: parts.join(" ") } });
    doneSoFar.current = [];
    refreshLast();
  };
  const onProgress = (done: number, total: number) => dispatch({ type: "progress", progress: { done, total } });

  async function start(columns: WriteColumnId[], mode: WriteMode, report: boolean) {
    dispatch({ type: "start" });
    request.current = null;
    doneSoFar.current = [];
    group.current = groupId();
    if (columns.length === 0 && !report) return stop(w.noColumns, "warning");
    const ac = new AbortController();
    abort.current = ac;
    if (columns.length > 0) {
      dispatch({ type: "phase", phase: "preparing" });
      const req = await buildWriteRequest(outcome, columns, mode, {
        signal: ac.signal,
        onProgress,
        settingsTravel: port.settingsTravel,
      });
      if (!req) return stop(w.cancelled);
      request.current = req;
      dispatch({ type: "phase", phase: "checking" });
      dispatch({ type: "progress", progress: null });
      const p = await port.planWrite(req, { signal: ac.signal, onProgress });
      if (!p.ok) return p.error.code === "cancelled" ? stop(w.cancelled) : stop(w.failed(t.io[p.error.code]), "error");
      dispatch({ type: "plan", plan: p.value });
    }
    if (report) {
      dispatch({ type: "phase", phase: "checking" });
      const c = await port.planReport();
      if (!c.ok) return stop(w.failed(t.io[c.error.code]), "error");
      dispatch({ type: "reportCheck", check: c.value });
    }
    dispatch({ type: "confirm", pending: { columns: columns.length > 0, report } });
  }

  async function confirm() {
    const ac = new AbortController();
    abort.current = ac;
    const req = request.current;
    const { plan, pending } = st;
    let warn = false;
    if (pending.columns && req && plan) {
      dispatch({ type: "phase", phase: "writing" });
      dispatch({ type: "progress", progress: { done: 0, total: plan.target.rowCount } });
      const r = await port.writeColumns(plan, req, {
        overwrite: plan.foreignCount > 0,
        signal: ac.signal,
        onProgress,
        undoGroup: group.current,
      });
      if (!r.ok) {
        if (r.error.code !== "target changed")
          return r.error.code === "cancelled" ? stop(w.cancelled) : stop(w.failed(t.io[r.error.code]), "error");
        // Back to the confirmation, with the target as it is now and the changed cells named.
        const again = await port.planWrite(req, { signal: ac.signal });
        if (!again.ok) return again.error.code === "cancelled" ? stop(w.cancelled) : stop(w.failed(t.io[again.error.code]), "error");
        return dispatch({ type: "changedSince", plan: again.value, count: r.error.count ?? 0, cells: r.error.cells ?? [] });
      }
      doneSoFar.current.push(w.done(r.value.address));
      if (r.value.cleared > 0) doneSoFar.current.push(w.leftoverCleared(fmt.count(r.value.cleared, lang)));
      if (r.value.kept.count > 0) {
        doneSoFar.current.push(w.leftoverKept(fmt.count(r.value.kept.count, lang), r.value.kept.sample.join(", ")));
        warn = true;
      }
      dispatch({ type: "columnsWritten" });
    }
    if (pending.report) {
      dispatch({ type: "phase", phase: "report" });
      dispatch({ type: "progress", progress: null });
      const r = await port.writeReport(buildReport(outcome.summary, outcome.state.lang), {
        signal: ac.signal,
        confirmed: st.reportCheck?.token,
        ifChanged: st.reportChoice,
        undoGroup: group.current,
      });
      if (!r.ok) {
        if (r.error.code !== "report changed")
          return r.error.code === "cancelled" ? stop(w.cancelled) : stop(w.failed(t.io[r.error.code]), "error");
        const again = await port.planReport();
        if (!again.ok) return stop(w.failed(t.io[again.error.code]), "error");
        return dispatch({ type: "reportChangedSince", check: again.value });
      }
      doneSoFar.current.push(w.reportDone(r.value.sheetName));
      if (r.value.changedSheet?.kept) doneSoFar.current.push(w.reportKept(r.value.changedSheet.name));
    }
    const text = doneSoFar.current.join(" ");
    doneSoFar.current = [];
    dispatch({ type: "done", message: { intent: warn ? "warning" : "success", text } });
    refreshLast();
  }

  async function restore() {
    dispatch({ type: "message", message: null });
    dispatch({ type: "phase", phase: "restoring" });
    const r = await port.restoreLastWrite();
    const message = r.ok
      ? { intent: "success" as const, text: w.restored(r.value.restored.join(", ")) }
      : r.error.code === "restore refused"
        ? { intent: "error" as const, text: w.restoreRefused(fmt.count(r.error.count ?? 0, lang), (r.error.cells ?? []).join(", ")) }
        : { intent: "error" as const, text: w.restoreFailed(t.io[r.error.code]) };
    dispatch({ type: "done", message });
    refreshLast();
  }

  return { st, dispatch, start, confirm, restore, cancel: () => stop(w.cancelled), abort: () => abort.current?.abort() };
}
