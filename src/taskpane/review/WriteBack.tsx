/**
 * Step 5, Write: choose the risk columns and the mode (live RISK formulas or
 * static values) and whether to (re)generate the "Risk report" sheet. Nothing
 * is written before the user confirms (`WriteConfirmDialog`); the target
 * cells and the report sheet are checked first and again at write time
 * (`useWriteFlow`). "Restore previous values" undoes the last write. One
 * progress bar covers preparing, checking, writing and the report.
 */
import {
  Body1,
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { Lang } from "../../engine/lang";
import { LANGUAGE_NAMES, WRITE_COLUMNS, type ReviewStrings, type WriteColumnId } from "../i18n";
import * as fmt from "../format";
import type { ReviewOutcome } from "../services/review-runner";
import { formulasUnavailable, type WriteMode } from "../services/write-back";
import type { WorkbookPort } from "../../excel/port";
import { ProgressPanel } from "./ProgressPanel";
import { writeFraction } from "./progress";
import { useWriteFlow } from "./useWriteFlow";
import { WriteConfirmDialog } from "./WriteConfirmDialog";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  fieldset: { border: "none", margin: 0, padding: 0 },
  columns: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(10em, 1fr))", columnGap: tokens.spacingHorizontalS },
  note: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

export function WriteBack({ outcome, port, lang, t }: { outcome: ReviewOutcome; port: WorkbookPort; lang: Lang; t: ReviewStrings }) {
  const s = useStyles();
  const w = t.write;
  const available = WRITE_COLUMNS.filter((c) => c !== "stage" || outcome.ledger !== null);
  const [chosen, setChosen] = useState<Set<WriteColumnId>>(() => new Set(available));
  const noFormulas = formulasUnavailable(outcome, port.settingsTravel);
  const [mode, setMode] = useState<WriteMode>(noFormulas ? "values" : "formulas");
  const [report, setReport] = useState(true);
  const flow = useWriteFlow(outcome, port, lang, t);
  const { st } = flow;
  const writeRef = useRef<HTMLButtonElement>(null);
  const written = available.filter((c) => chosen.has(c));
  const effectiveMode: WriteMode = noFormulas ? "values" : mode;
  const busy = st.phase !== "idle" && st.phase !== "confirm";
  const toggle = (c: WriteColumnId, on: boolean) => setChosen((prev) => new Set(on ? [...prev, c] : [...prev].filter((x) => x !== c)));
  const label =
    { preparing: w.preparing, checking: w.checking, writing: w.writing, report: w.writingReport, restoring: w.restoring }[
      st.phase as "preparing"
    ] ?? "";
  const fraction =
    st.phase === "restoring" || st.phase === "idle" || st.phase === "confirm"
      ? undefined
      : writeFraction(st.phase, st.progress?.done ?? 0, st.progress?.total ?? 0, st.pending.columns || written.length > 0);

  return (
    <section className={s.root} aria-label={w.heading}>
      <Body1>{w.intro}</Body1>
      <fieldset className={s.fieldset}>
        <legend>
          <Text weight="semibold">{w.columns}</Text>
        </legend>
        <div className={s.columns}>
          {available.map((c) => (
            <Checkbox
              key={c}
              label={w.columnLabels[c]}
              checked={chosen.has(c)}
              onChange={(_, d) => toggle(c, d.checked === true)}
              disabled={busy}
            />
          ))}
        </div>
      </fieldset>
      <Field
        label={w.mode}
        hint={
          noFormulas === "ledger"
            ? w.formulasLedger
            : noFormulas === "model"
              ? w.formulasModel
              : effectiveMode === "formulas"
                ? w.formulasNote
                : undefined
        }
      >
        <RadioGroup value={effectiveMode} onChange={(_, d) => setMode(d.value as WriteMode)} disabled={busy}>
          <Radio value="formulas" label={w.formulas} disabled={noFormulas !== null} />
          <Radio value="values" label={w.values} />
        </RadioGroup>
      </Field>
      <Checkbox label={w.report} checked={report} onChange={(_, d) => setReport(d.checked === true)} disabled={busy} />
      {outcome.state.lang !== lang ? <span className={s.note}>{w.languageNote(LANGUAGE_NAMES[outcome.state.lang])}</span> : null}
      <div className={s.actions}>
        <Button
          appearance="primary"
          ref={writeRef}
          onClick={() => void flow.start(written, effectiveMode, report)}
          disabledFocusable={busy || st.phase === "confirm"}
        >
          {w.button}
        </Button>
        {st.last ? (
          <Button appearance="secondary" onClick={() => void flow.restore()} disabledFocusable={busy || st.phase === "confirm"}>
            {w.restore}
          </Button>
        ) : null}
      </div>
      {st.last ? (
        <span className={s.note} data-testid="last-write">
          {w.restoreHint(st.last.addresses.join(", "))}
        </span>
      ) : null}
      {busy ? (
        <ProgressPanel
          label={label}
          value={fraction}
          percent={fraction === undefined ? undefined : fmt.wholePercent(fraction, lang)}
          onCancel={st.phase === "restoring" ? undefined : flow.abort}
          cancelLabel={w.cancel}
        />
      ) : null}
      {st.message ? (
        <MessageBar intent={st.message.intent} data-testid="write-message">
          <MessageBarBody>{st.message.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      <WriteConfirmDialog
        st={st}
        columns={written.length}
        rows={outcome.state.total}
        lang={lang}
        t={t}
        opener={writeRef}
        onChoice={(choice) => flow.dispatch({ type: "reportChoice", choice })}
        onCancel={flow.cancel}
        onConfirm={() => void flow.confirm()}
      />
    </section>
  );
}
