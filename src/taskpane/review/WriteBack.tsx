/**
 * Write-back of a review: choose the risk columns and the mode (live RISK
 * formulas or static values) and whether to (re)generate the "Risk report"
 * sheet. Nothing is written before the user confirms in a dialog; the target
 * cells are checked first (`planWrite`) and the dialog says how many cells of
 * the user's would be overwritten, and where.
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
import { useRef, useState } from "react";
import type { Lang } from "../../engine/lang";
import { quoteSheet } from "../../excel/address";
import { DEFAULT_REPORT_SHEET } from "../../excel/report-sheet";
import { LANGUAGE_NAMES, WRITE_COLUMNS, type ReviewStrings, type WriteColumnId } from "../i18n";
import * as fmt from "../format";
import type { ReviewOutcome } from "../services/review-runner";
import { buildReport, buildWriteRequest, formulasUnavailable, type WriteMode } from "../services/write-back";
import type { WorkbookPort, WritePlan, WriteRequest } from "../services/workbook";
import { ProgressPanel } from "./ProgressPanel";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  columns: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(11em, 1fr))", columnGap: tokens.spacingHorizontalS },
  note: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  where: { fontFamily: tokens.fontFamilyMonospace },
});

type Phase = "idle" | "preparing" | "checking" | "confirm" | "writing" | "report";

export interface WriteBackProps {
  outcome: ReviewOutcome;
  port: WorkbookPort;
  lang: Lang;
  t: ReviewStrings;
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
  const request = useRef<WriteRequest | null>(null);
  const abort = useRef<AbortController | null>(null);
  const reviewLang = outcome.state.lang;
  const written = available.filter((c) => chosen.has(c));
  const effectiveMode: WriteMode = noFormulas ? "values" : mode;

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
    setMessage({ intent, text });
  };

  async function start() {
    setMessage(null);
    setPlan(null);
    request.current = null;
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
    setProgress(null);
    setPhase("confirm");
  }

  async function confirm() {
    const ac = new AbortController();
    abort.current = ac;
    const done: string[] = [];
    const req = request.current;
    if (req && plan) {
      setPhase("writing");
      setProgress({ done: 0, total: plan.target.rowCount });
      const r = await port.writeColumns(plan, req, { overwrite: plan.foreignCount > 0, signal: ac.signal, onProgress: (d, total) => setProgress({ done: d, total }) });
      if (!r.ok) return r.error.code === "cancelled" ? stop(w.cancelled) : stop(w.failed(t.io[r.error.code]), "error");
      done.push(w.done(r.value.address));
    }
    if (report) {
      setPhase("report");
      setProgress(null);
      const r = await port.writeReport(buildReport(outcome.summary, reviewLang), { signal: ac.signal });
      if (!r.ok) return r.error.code === "cancelled" ? stop([...done, w.cancelled].join(" ")) : stop(w.failed(t.io[r.error.code]), "error");
      done.push(w.reportDone(r.value.sheetName));
    }
    setPhase("idle");
    setProgress(null);
    setMessage({ intent: "success", text: done.join(" ") });
  }

  const busy = phase !== "idle" && phase !== "confirm";
  const progressLabel = phase === "preparing" ? w.preparing : phase === "checking" ? w.checking : phase === "writing" ? w.writing : w.writingReport;
  const foreign = plan?.foreignCount ?? 0;
  const rows = outcome.state.total;

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
      <div>
        <Button appearance="primary" onClick={() => void start()} disabled={busy || phase === "confirm"}>
          {w.button}
        </Button>
      </div>
      {busy ? (
        <ProgressPanel
          label={progressLabel}
          value={progress && progress.total > 0 ? progress.done / progress.total : undefined}
          detail={progress && progress.total > 0 ? t.run.progress(fmt.count(progress.done, lang), fmt.count(progress.total, lang)) : undefined}
          onCancel={() => abort.current?.abort()}
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
              {plan ? <p>{w.confirmBody(fmt.count(written.length, lang), fmt.count(rows, lang), plan.address)}</p> : null}
              {foreign > 0 && plan ? (
                <>
                  <p data-testid="overwrite-warning">
                    <strong>{w.overwriteBody(fmt.count(foreign, lang), plan.foreignSample.map((a) => `${quoteSheet(plan.target.sheetName)}!${a}`).join(", "))}</strong>
                  </p>
                  <p>{w.overwriteAsk}</p>
                </>
              ) : null}
              {report ? <p>{w.confirmReport(DEFAULT_REPORT_SHEET)}</p> : null}
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
