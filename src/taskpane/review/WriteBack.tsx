/**
 * Write-back of a review: choose the risk columns and the mode (live RISK
 * formulas or static values) and whether to (re)generate the "Risk report"
 * sheet. Nothing is written before the user confirms in a dialog; the target
 * cells and the report sheet are checked first (`planWrite`, `planReport`)
 * and the dialog says how many cells of the user's would be overwritten, and
 * where (including cells CreditSentinel wrote that the user changed since,
 * earlier results a shrunken table leaves behind, a renamed or edited report
 * sheet). The write re-checks in its own batch: when something changed since
 * the dialog, it writes nothing and the dialog comes back naming the cells.
 * "Restore previous values" undoes the last write.
 */
import {
  Body1,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Lang } from "../../engine/lang";
import { quoteSheet } from "../../excel/address";
import { LANGUAGE_NAMES, WRITE_COLUMNS, type ReviewStrings, type WriteColumnId } from "../i18n";
import * as fmt from "../format";
import type { ReviewOutcome } from "../services/review-runner";
import { buildReport, buildWriteRequest, formulasUnavailable, type WriteMode } from "../services/write-back";
import type { LastWrite, ReportCheck, WorkbookPort, WritePlan, WriteRequest } from "../services/workbook";
import { ProgressPanel } from "./ProgressPanel";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  columns: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(11em, 1fr))", columnGap: tokens.spacingHorizontalS },
  note: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  where: { fontFamily: tokens.fontFamilyMonospace },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

type Phase = "idle" | "preparing" | "checking" | "confirm" | "writing" | "report" | "restoring";

export interface WriteBackProps {
  outcome: ReviewOutcome;
  port: WorkbookPort;
  lang: Lang;
  t: ReviewStrings;
}

/** A new id for the writes of one confirmation (they share one undo record). */
function groupId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** True when the report check needs the user's say (the add-in's sheet was renamed or changed). */
function reportNeedsConfirmation(c: ReportCheck | null): boolean {
  return c !== null && c.action === "replace" && (c.renamedFrom !== null || c.edited !== null);
}

export function WriteBack({ outcome, port, lang, t }: WriteBackProps) {
  const s = useStyles();
  const w = t.write;
  const hasLedger = outcome.ledger !== null;
  const available = WRITE_COLUMNS.filter((c) => c !== "stage" || hasLedger);
  const [chosen, setChosen] = useState<Set<WriteColumnId>>(() => new Set(available));
  const noFormulas = formulasUnavailable(outcome);
  const [mode, setMode] = useState<WriteMode>(noFormulas ? "values" : "formulas");
  const [report, setReport] = useState(true);
  const [phase, setPhase] = useState<Phase>("idle");
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [message, setMessage] = useState<{ intent: "success" | "error" | "info" | "warning"; text: string } | null>(null);
  const [plan, setPlan] = useState<WritePlan | null>(null);
  const [reportCheck, setReportCheck] = useState<ReportCheck | null>(null);
  const [reportChoice, setReportChoice] = useState<"newSheet" | "replace">("newSheet");
  /** What is still to write at the next confirmation. */
  const [pending, setPending] = useState<{ columns: boolean; report: boolean }>({ columns: false, report: false });
  /** Set when the write found changes since the dialog: shown in the dialog that comes back. */
  const [changedSince, setChangedSince] = useState<{ count: number; cells: string[] } | null>(null);
  const [reportChangedSince, setReportChangedSince] = useState(false);
  const [last, setLast] = useState<LastWrite | null>(null);
  const request = useRef<WriteRequest | null>(null);
  const abort = useRef<AbortController | null>(null);
  const group = useRef<string>("");
  const doneSoFar = useRef<string[]>([]);
  const reviewLang = outcome.state.lang;
  const written = available.filter((c) => chosen.has(c));
  const effectiveMode: WriteMode = noFormulas ? "values" : mode;

  const refreshLast = useCallback(() => {
    port
      .lastWrite()
      .then(setLast)
      .catch(() => setLast(null));
  }, [port]);
  useEffect(() => refreshLast(), [refreshLast]);

  const toggle = (c: WriteColumnId, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(c);
      else next.delete(c);
      return next;
    });

  const stop = (text: string, intent: "error" | "info" | "warning" = "info") => {
    setPhase("idle");
    setProgress(null);
    setChangedSince(null);
    setReportChangedSince(false);
    // After the columns were written, a cancelled report does not make "nothing was written" true.
    const parts = doneSoFar.current.length > 0 && text === w.cancelled ? doneSoFar.current : [...doneSoFar.current, text];
    setMessage({ intent, text: parts.join(" ") });
    doneSoFar.current = [];
    refreshLast();
  };

  async function start() {
    setMessage(null);
    setPlan(null);
    setReportCheck(null);
    setChangedSince(null);
    setReportChangedSince(false);
    setReportChoice("newSheet");
    request.current = null;
    doneSoFar.current = [];
    group.current = groupId();
    if (written.length === 0 && !report) return stop(w.noColumns, "warning");
    const ac = new AbortController();
    abort.current = ac;
    if (written.length > 0) {
      setPhase("preparing");
      const req = await buildWriteRequest(outcome, written, effectiveMode, { signal: ac.signal, onProgress: (done, total) => setProgress({ done, total }) });
      if (!req) return stop(w.cancelled);
      request.current = req;
      setPhase("checking");
      setProgress(null);
      const p = await port.planWrite(req, { signal: ac.signal, onProgress: (done, total) => setProgress({ done, total }) });
      if (!p.ok) return p.error.code === "cancelled" ? stop(w.cancelled) : stop(w.failed(t.io[p.error.code]), "error");
      setPlan(p.value);
    }
    if (report) {
      setPhase("checking");
      const c = await port.planReport();
      if (!c.ok) return stop(w.failed(t.io[c.error.code]), "error");
      setReportCheck(c.value);
    }
    setPending({ columns: written.length > 0, report });
    setProgress(null);
    setPhase("confirm");
  }

  async function confirm() {
    const ac = new AbortController();
    abort.current = ac;
    const req = request.current;
    setChangedSince(null);
    setReportChangedSince(false);
    let warn = false;
    if (pending.columns && req && plan) {
      setPhase("writing");
      setProgress({ done: 0, total: plan.target.rowCount });
      const r = await port.writeColumns(plan, req, { overwrite: plan.foreignCount > 0, signal: ac.signal, onProgress: (d, total) => setProgress({ done: d, total }), undoGroup: group.current });
      if (!r.ok) {
        if (r.error.code === "target changed") {
          // Back to the confirmation, with the target as it is now and the changed cells named.
          const again = await port.planWrite(req, { signal: ac.signal });
          if (!again.ok) return again.error.code === "cancelled" ? stop(w.cancelled) : stop(w.failed(t.io[again.error.code]), "error");
          setPlan(again.value);
          setChangedSince({ count: r.error.count ?? 0, cells: r.error.cells ?? [] });
          setProgress(null);
          setPhase("confirm");
          return;
        }
        return r.error.code === "cancelled" ? stop(w.cancelled) : stop(w.failed(t.io[r.error.code]), "error");
      }
      doneSoFar.current.push(w.done(r.value.address));
      if (r.value.cleared > 0) doneSoFar.current.push(w.leftoverCleared(fmt.count(r.value.cleared, lang)));
      if (r.value.kept.count > 0) {
        doneSoFar.current.push(w.leftoverKept(fmt.count(r.value.kept.count, lang), r.value.kept.sample.join(", ")));
        warn = true;
      }
      setPending((p) => ({ ...p, columns: false }));
    }
    if (pending.report) {
      setPhase("report");
      setProgress(null);
      const r = await port.writeReport(buildReport(outcome.summary, reviewLang), {
        signal: ac.signal,
        confirmed: reportCheck?.token,
        ifChanged: reportChoice,
        undoGroup: group.current,
      });
      if (!r.ok) {
        if (r.error.code === "report changed") {
          const again = await port.planReport();
          if (!again.ok) return stop(w.failed(t.io[again.error.code]), "error");
          setReportCheck(again.value);
          setReportChangedSince(true);
          setPending({ columns: false, report: true });
          setPhase("confirm");
          return;
        }
        return r.error.code === "cancelled" ? stop(w.cancelled) : stop(w.failed(t.io[r.error.code]), "error");
      }
      doneSoFar.current.push(w.reportDone(r.value.sheetName));
      if (r.value.changedSheet?.kept) doneSoFar.current.push(w.reportKept(r.value.changedSheet.name));
    }
    const text = doneSoFar.current.join(" ");
    doneSoFar.current = [];
    setPending({ columns: false, report: false });
    setPhase("idle");
    setProgress(null);
    setMessage({ intent: warn ? "warning" : "success", text });
    refreshLast();
  }

  async function restore() {
    setMessage(null);
    setPhase("restoring");
    const r = await port.restoreLastWrite();
    setPhase("idle");
    if (r.ok) setMessage({ intent: "success", text: w.restored(r.value.restored.join(", ")) });
    else if (r.error.code === "restore refused") setMessage({ intent: "error", text: w.restoreRefused(fmt.count(r.error.count ?? 0, lang), (r.error.cells ?? []).join(", ")) });
    else setMessage({ intent: "error", text: w.restoreFailed(t.io[r.error.code]) });
    refreshLast();
  }

  const busy = phase !== "idle" && phase !== "confirm";
  const progressLabel = phase === "preparing" ? w.preparing : phase === "checking" ? w.checking : phase === "writing" ? w.writing : phase === "restoring" ? w.restoring : w.writingReport;
  const columnsPending = pending.columns && plan !== null;
  const foreign = columnsPending && plan ? plan.foreignCount : 0;
  const rows = outcome.state.total;
  const sheetRef = (a: string) => (plan ? `${quoteSheet(plan.target.sheetName)}!${a}` : a);
  const reportAsk = pending.report && reportNeedsConfirmation(reportCheck);

  return (
    <section className={s.root} aria-labelledby="write-h">
      <Subtitle2 as="h3" id="write-h" className={s.heading}>
        {w.heading}
      </Subtitle2>
      <Body1>{w.intro}</Body1>
      <fieldset style={{ border: "none", margin: 0, padding: 0 }}>
        <legend>
          <Text weight="semibold">{w.columns}</Text>
        </legend>
        <div className={s.columns}>
          {available.map((c) => (
            <Checkbox key={c} label={w.columnLabels[c]} checked={chosen.has(c)} onChange={(_, d) => toggle(c, d.checked === true)} disabled={busy} />
          ))}
        </div>
      </fieldset>
      <Field label={w.mode} hint={noFormulas ? w.formulasLedger : effectiveMode === "formulas" ? w.formulasNote : undefined}>
        <RadioGroup value={effectiveMode} onChange={(_, d) => setMode(d.value as WriteMode)} disabled={busy}>
          <Radio value="formulas" label={w.formulas} disabled={noFormulas !== null} />
          <Radio value="values" label={w.values} />
        </RadioGroup>
      </Field>
      <Checkbox label={w.report} checked={report} onChange={(_, d) => setReport(d.checked === true)} disabled={busy} />
      {reviewLang !== lang ? <span className={s.note}>{w.languageNote(LANGUAGE_NAMES[reviewLang])}</span> : null}
      <div className={s.actions}>
        <Button appearance="primary" onClick={() => void start()} disabled={busy || phase === "confirm"}>
          {w.button}
        </Button>
        {last ? (
          <Button appearance="secondary" onClick={() => void restore()} disabled={busy || phase === "confirm"}>
            {w.restore}
          </Button>
        ) : null}
      </div>
      {last ? (
        <span className={s.note} data-testid="last-write">
          {w.restoreHint(last.addresses.join(", "))}
        </span>
      ) : null}
      {busy ? (
        <ProgressPanel
          label={progressLabel}
          value={progress && progress.total > 0 ? progress.done / progress.total : undefined}
          detail={progress && progress.total > 0 ? t.run.progress(fmt.count(progress.done, lang), fmt.count(progress.total, lang)) : undefined}
          onCancel={phase === "restoring" ? undefined : () => abort.current?.abort()}
          cancelLabel={w.cancel}
        />
      ) : null}
      {message ? (
        <MessageBar intent={message.intent} data-testid="write-message">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      ) : null}

      <Dialog open={phase === "confirm"} modalType="alert" onOpenChange={(_, d) => (!d.open ? stop(w.cancelled) : undefined)}>
        <DialogSurface aria-describedby="write-dialog-body">
          <DialogBody>
            <DialogTitle>{foreign > 0 ? w.overwriteTitle : w.confirmTitle}</DialogTitle>
            <DialogContent id="write-dialog-body">
              {changedSince ? (
                <MessageBar intent="warning" data-testid="changed-since">
                  <MessageBarBody>{w.changedSince(fmt.count(changedSince.count, lang), changedSince.cells.join(", "))}</MessageBarBody>
                </MessageBar>
              ) : null}
              {columnsPending && plan ? <p>{w.confirmBody(fmt.count(written.length, lang), fmt.count(rows, lang), plan.address)}</p> : null}
              {foreign > 0 && plan ? (
                <>
                  <p data-testid="overwrite-warning">
                    <strong>{w.overwriteBody(fmt.count(foreign, lang), plan.foreignSample.map(sheetRef).join(", "))}</strong>
                  </p>
                  {plan.editedCount > 0 ? <p data-testid="edited-warning">{w.editedBody(fmt.count(plan.editedCount, lang), plan.editedSample.map(sheetRef).join(", "))}</p> : null}
                  <p>{w.overwriteAsk}</p>
                </>
              ) : null}
              {columnsPending && plan && plan.resized.length > 0 ? <p>{w.resizedBody(plan.resized.join(", "))}</p> : null}
              {columnsPending && plan && plan.leftover.clearCount > 0 ? <p>{w.leftoverClear(fmt.count(plan.leftover.clearCount, lang))}</p> : null}
              {columnsPending && plan && plan.leftover.keptCount > 0 ? <p data-testid="leftover-kept">{w.leftoverKeep(fmt.count(plan.leftover.keptCount, lang), plan.leftover.keptSample.map(sheetRef).join(", "))}</p> : null}
              {pending.report && reportCheck && !reportAsk ? <p>{w.confirmReport(reportCheck.sheetName)}</p> : null}
              {reportAsk && reportCheck ? (
                <div data-testid="report-warning">
                  {reportChangedSince ? (
                    <MessageBar intent="warning">
                      <MessageBarBody>{w.reportChangedSince(reportCheck.sheetName)}</MessageBarBody>
                    </MessageBar>
                  ) : null}
                  {reportCheck.renamedFrom !== null ? <p>{w.reportRenamed(reportCheck.sheetName, reportCheck.renamedFrom)}</p> : null}
                  {reportCheck.edited && reportCheck.edited.count > 0 ? <p>{w.reportEdited(reportCheck.sheetName, fmt.count(reportCheck.edited.count, lang), reportCheck.edited.cells.join(", "))}</p> : null}
                  {reportCheck.edited?.charts ? <p>{w.reportCharts(reportCheck.sheetName)}</p> : null}
                  {reportCheck.edited?.unverifiable ? <p>{w.reportUnverifiable(reportCheck.sheetName)}</p> : null}
                  <Field label={w.reportChoice}>
                    <RadioGroup value={reportChoice} onChange={(_, d) => setReportChoice(d.value as "newSheet" | "replace")}>
                      <Radio value="newSheet" label={w.reportKeep(reportCheck.newSheetName)} />
                      <Radio value="replace" label={w.reportReplace(reportCheck.sheetName)} />
                    </RadioGroup>
                  </Field>
                </div>
              ) : null}
              <p className={s.note}>{w.undoNote}</p>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => stop(w.cancelled)}>
                {w.cancel}
              </Button>
              <Button appearance="primary" onClick={() => void confirm()}>
                {foreign > 0 ? w.overwrite : w.write}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
