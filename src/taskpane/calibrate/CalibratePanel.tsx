/**
 * "Calibrate to my portfolio" / "按我的组合校准": pick the history table and
 * its outcome: a column, or derived from an invoice ledger table (as-of date,
 * optional data date; the label counts are shown before the fit), the stage and (for a history without defaults) the
 * expected default rate; the fit runs in steps with progress and Cancel; the
 * fit report shows it next to the shipped model; Accept stores it in the
 * workbook (disabled, with the reason, when the fit did worse than the
 * shipped model), Discard drops it. Self-contained: it talks to the workbook
 * through the port and hands an accepted model to `onAccept`.
 */
import {
  Body1,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useId, useRef, useState } from "react";
import { isEngineError, messageIn } from "../../engine/errors";
import type { Lang } from "../../engine/lang";
import { DEFAULT_MODEL, type ScorecardModel } from "../../engine/scoring/model";
import { FitStage, HistoryFit, stageFor } from "../../engine/calibration/history-fit";
import { findLabelColumn, historyFromTable } from "../../engine/calibration/labels";
import { defaultCount, withDerivedRatios } from "../../engine/calibration/sample";
import { StoredFitReport, fitReportOf } from "../../engine/calibration/stored-model";
import { historyFromLedger, ledgerOutcomesFromTable, outcomeSummary } from "../../engine/calibration/ledger-labels";
import type { Sample } from "../../engine/calibration/sample";
import { serialFromIso } from "../../engine/dates";
import { renderMessage } from "../../engine/messages";
import { DEFAULT_POLICY } from "../../engine/policy";
import { strings } from "../i18n";
import { LedgerOutcomeFields } from "./LedgerOutcomeFields";
import type { TableData, TableInfo, TableSource, WorkbookPort } from "../../excel/port";
import { FitReport } from "./FitReport";
import { parseRate, runFit } from "./run-fit";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, maxWidth: "100%" },
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap", rowGap: tokens.spacingVerticalS },
  busy: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  hint: { color: tokens.colorNeutralForeground3 },
});

type StageChoice = "auto" | FitStage;
type OutcomeSource = "column" | "ledger";

/** The history table's value in the picker when the history is the selected range. */
const SELECTION = "\u0000selection";

/** The history labelled from the ledger, with its counts as text (shown before the fit). */
interface Derived {
  sample: Sample;
  summary: string;
  badRows: number;
}

/** A date typed as yyyy-mm-dd: its serial, null when blank, NaN when unreadable. */
function dateOf(iso: string): number | null {
  if (iso.trim() === "") return null;
  const v = serialFromIso(iso.trim());
  return typeof v === "number" ? v : NaN;
}

interface Fitted {
  fit: HistoryFit;
  table: string;
  given: string[];
}

export interface CalibratePanelProps {
  port: WorkbookPort;
  lang: Lang;
  /** Stores an accepted model (the parent persists it and makes it the model in use). */
  onAccept: (model: ScorecardModel, report: StoredFitReport) => Promise<void>;
  /** The model fits are compared with and start from (default: the shipped model). */
  base?: ScorecardModel;
}

export function CalibratePanel({ port, lang, onAccept, base = DEFAULT_MODEL }: CalibratePanelProps) {
  const s = useStyles();
  const t = strings[lang].calibrate;
  const r = strings[lang].review.data;
  const id = useId();
  const [tables, setTables] = useState<TableInfo[] | null>(null);
  const [table, setTable] = useState("");
  const [outcome, setOutcome] = useState("");
  const [stage, setStage] = useState<StageChoice>("auto");
  const [rateText, setRateText] = useState("");
  const [busy, setBusy] = useState<{ label: string; value?: number; detail?: string } | null>(null);
  const [fitted, setFitted] = useState<Fitted | null>(null);
  const [notice, setNotice] = useState<{ intent: "error" | "info" | "success" | "warning"; text: (lang: Lang) => string } | null>(null);
  const [source, setSource] = useState<OutcomeSource>("column");
  const [ledgerName, setLedgerName] = useState("");
  const [asOfIso, setAsOfIso] = useState("");
  const [dataIso, setDataIso] = useState("");
  const [derived, setDerived] = useState<Derived | null>(null);
  /** The selected range read as the history ("Use current selection"). */
  const [selection, setSelection] = useState<TableData | null>(null);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => {
    let gone = false;
    port
      .listTables()
      .catch(() => [] as TableInfo[])
      .then((ts) => {
        if (!gone) setTables(ts);
      });
    return () => {
      gone = true;
      abort.current?.abort();
    };
  }, [port]);

  const info: Pick<TableInfo, "name" | "headers" | "rowCount"> | null =
    table === SELECTION && selection
      ? {
          name: selection.address,
          headers: selection.headerRow.map((h) => (h === null || h === undefined ? "" : String(h))),
          rowCount: selection.rowCount,
        }
      : (tables?.find((x) => x.name === table) ?? null);
  const rate = parseRate(rateText);
  const rateBad = rate !== undefined && Number.isNaN(rate);
  const asOf = dateOf(asOfIso);
  const dataDate = dateOf(dataIso);
  const outcomePolicy = DEFAULT_POLICY.outcome;
  const ledgerInfo = tables?.find((x) => x.name === ledgerName) ?? null;
  const ledgerReady = ledgerInfo !== null && typeof asOf === "number" && !Number.isNaN(asOf) && !Number.isNaN(dataDate ?? 0);
  const outcomeReady = source === "column" ? outcome !== "" : ledgerReady;

  /** Any change of the outcome's inputs drops labels counted before. */
  function changed<T>(set: (v: T) => void): (v: T) => void {
    return (v) => {
      set(v);
      setDerived(null);
      setFitted(null);
    };
  }

  function pickTable(name: string, headers?: string[]) {
    setTable(name);
    setFitted(null);
    setDerived(null);
    setNotice(null);
    const hs = headers ?? tables?.find((x) => x.name === name)?.headers;
    const li = hs ? findLabelColumn(hs) : -1;
    setOutcome(hs && li >= 0 ? hs[li] : "");
  }

  /** Reads the selected range (its current region) as the history. */
  async function readSelection() {
    const ac = new AbortController();
    abort.current = ac;
    setNotice(null);
    setBusy({ label: r.readingSelection });
    try {
      const got = await read({ kind: "selection" }, ac, r.readingSelection);
      if (!got) return;
      setSelection(got);
      pickTable(
        SELECTION,
        got.headerRow.map((h) => (h === null || h === undefined ? "" : String(h))),
      );
    } finally {
      abort.current = null;
      setBusy(null);
    }
  }

  /** The history's cells: the selection as read, or the table read now. */
  async function readHistory(ac: AbortController, label: string) {
    if (table === SELECTION) return selection;
    return info ? read({ kind: "table", name: info.name }, ac, label) : null;
  }

  /** Reads a table; null (with the notice set) when it could not be read or was cancelled. */
  async function read(source: TableSource, ac: AbortController, label: string) {
    const r = await port.readTable(source, {
      signal: ac.signal,
      onProgress: (done, total) => setBusy({ label, value: total ? done / total : undefined }),
    });
    if (ac.signal.aborted || (!r.ok && r.error.code === "cancelled")) {
      setNotice({ intent: "info", text: (l) => strings[l].calibrate.cancelled });
      return null;
    }
    if (!r.ok) {
      const code = r.error.code;
      setNotice({ intent: "error", text: (l) => strings[l].calibrate.readFailed(strings[l].review.io[code]) });
      return null;
    }
    return r.value;
  }

  /** The history labelled from the ledger (engine: ledger-labels.ts), its counts shown; null with a notice when not possible. */
  async function derive(ac: AbortController): Promise<Derived | null> {
    if (!info || !ledgerInfo || typeof asOf !== "number" || Number.isNaN(asOf)) return null;
    setBusy({ label: t.readingLedger });
    const hist = await readHistory(ac, t.readingLedger);
    if (!hist) return null;
    const led = await read({ kind: "table", name: ledgerInfo.name }, ac, t.readingLedger);
    if (!led) return null;
    const outs = ledgerOutcomesFromTable(led.headerRow, led.rows, asOf, dataDate, outcomePolicy, lang);
    if (isEngineError(outs)) {
      setNotice({ intent: "error", text: (l) => messageIn(outs, l) });
      return null;
    }
    const h = historyFromLedger(hist.headerRow, hist.rows, outs);
    if (isEngineError(h)) {
      setNotice({ intent: "error", text: (l) => messageIn(h, l) });
      return null;
    }
    const d: Derived = { sample: h, summary: renderMessage(outcomeSummary(h.counts, outs), lang), badRows: outs.badRows };
    setDerived(d);
    return d;
  }

  async function countLabels() {
    const ac = new AbortController();
    abort.current = ac;
    setFitted(null);
    setNotice(null);
    try {
      await derive(ac);
    } finally {
      abort.current = null;
      setBusy(null);
    }
  }

  async function fit() {
    if (!info || !outcomeReady || rateBad) return;
    const ac = new AbortController();
    abort.current = ac;
    setFitted(null);
    setNotice(null);
    setBusy({ label: t.reading });
    try {
      let history: Sample;
      if (source === "ledger") {
        const d = derived ?? (await derive(ac));
        if (!d) return;
        history = d.sample;
      } else {
        const read = await readHistory(ac, t.reading);
        if (!read) return;
        const h = historyFromTable(read.headerRow, read.rows, outcome);
        if (isEngineError(h)) {
          setNotice({ intent: "error", text: (l) => messageIn(h, l) });
          return;
        }
        history = h;
      }
      const st: FitStage = stage === "auto" ? stageFor(defaultCount(history)) : stage;
      setBusy({ label: t.fitting, value: 0 });
      const res = await runFit(base, history, { stage: st, expectedDefaultRate: rate, dataName: info.name }, lang, ac.signal, (p) =>
        setBusy({ label: t.fitting, value: p.done / p.total, detail: t.step(`${p.done} / ${p.total}`) }),
      );
      if (res === "cancelled") setNotice({ intent: "info", text: (l) => strings[l].calibrate.cancelled });
      else if (isEngineError(res)) setNotice({ intent: "warning", text: (l) => messageIn(res, l) });
      else setFitted({ fit: res, table: info.name, given: Object.keys(withDerivedRatios(history).columns) });
    } finally {
      abort.current = null;
      setBusy(null);
    }
  }

  async function accept() {
    if (!fitted || !fitted.fit.better) return;
    try {
      await onAccept(fitted.fit.model, fitReportOf(fitted.fit, fitted.table));
      const version = fitted.fit.model.version;
      setNotice({ intent: "success", text: (l) => strings[l].calibrate.accepted(version) });
      setFitted(null);
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      setNotice({ intent: "error", text: (l) => strings[l].calibrate.saveFailed(detail) });
    }
  }

  function discard() {
    setFitted(null);
    setNotice({ intent: "info", text: (l) => strings[l].calibrate.discarded });
  }

  const disabled = busy !== null;
  return (
    <section className={s.root} aria-labelledby={`${id}-h`} data-testid="calibrate-panel">
      <Subtitle2 as="h3" id={`${id}-h`}>
        {t.open}
      </Subtitle2>
      {tables !== null && tables.length === 0 ? <Body1>{t.noTables}</Body1> : null}
      <Field label={t.historyTable}>
        <Select
          value={table}
          onChange={(_, d) => (d.value === SELECTION ? undefined : pickTable(d.value))}
          disabled={disabled || !(tables?.length || selection)}
        >
          <option value="" disabled>
            {t.pickTable}
          </option>
          {table === SELECTION && selection ? (
            <option value={SELECTION}>{r.selectionLabel(selection.address, String(selection.rowCount))}</option>
          ) : null}
          {(tables ?? []).map((x) => (
            <option key={x.name} value={x.name}>
              {`${x.name} (${x.rowCount})`}
            </option>
          ))}
        </Select>
      </Field>
      <div className={s.row}>
        <Button size="small" onClick={() => void readSelection()} disabled={disabled}>
          {r.useSelection}
        </Button>
      </div>
      {info ? (
        <Field label={t.outcomeSource}>
          <RadioGroup value={source} onChange={(_, d) => changed(setSource)(d.value as OutcomeSource)} disabled={disabled}>
            <Radio value="column" label={t.outcomeFromColumn} />
            <Radio value="ledger" label={t.outcomeFromLedger} />
          </RadioGroup>
        </Field>
      ) : null}
      {info && source === "column" ? (
        <Field label={t.outcomeColumn} hint={t.outcomeHint}>
          <Select value={outcome} onChange={(_, d) => setOutcome(d.value)} disabled={disabled}>
            <option value="" disabled>
              {t.pickOutcome}
            </option>
            {info.headers.map((h, k) => (
              <option key={`${k}-${h}`} value={h}>
                {h}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {info && source === "ledger" ? (
        <LedgerOutcomeFields
          t={t}
          policy={outcomePolicy}
          tables={tables ?? []}
          historyName={info.name}
          ledgerName={ledgerName}
          onLedger={changed(setLedgerName)}
          asOfIso={asOfIso}
          asOf={asOf}
          onAsOf={changed(setAsOfIso)}
          dataIso={dataIso}
          dataDate={dataDate}
          onDataDate={changed(setDataIso)}
          ready={ledgerReady}
          onCount={() => void countLabels()}
          derived={derived}
          disabled={disabled}
        />
      ) : null}
      <Field label={t.stage}>
        <RadioGroup value={stage} onChange={(_, d) => setStage(d.value as StageChoice)} disabled={disabled}>
          {(["auto", "levels", "weights", "full"] as const).map((k) => (
            <Radio key={k} value={k} label={t.stages[k]} />
          ))}
        </RadioGroup>
      </Field>
      <Field
        label={t.expectedRate}
        hint={t.expectedRateHint}
        validationMessage={rateBad ? t.badRate : undefined}
        validationState={rateBad ? "error" : "none"}
      >
        <Input value={rateText} onChange={(_, d) => setRateText(d.value)} disabled={disabled} />
      </Field>
      <div className={s.row}>
        <Button appearance="primary" onClick={() => void fit()} disabled={disabled || !info || !outcomeReady || rateBad}>
          {t.run}
        </Button>
      </div>
      {busy ? (
        <div className={s.busy} data-testid="fit-progress">
          <Text weight="semibold" id={`${id}-busy`} aria-live="polite">
            {busy.label}
          </Text>
          <ProgressBar value={busy.value} max={1} aria-labelledby={`${id}-busy`} aria-valuetext={busy.detail} />
          {busy.detail ? <Text size={200}>{busy.detail}</Text> : null}
          <Button size="small" onClick={() => abort.current?.abort()}>
            {t.cancel}
          </Button>
        </div>
      ) : null}
      {notice ? (
        <MessageBar intent={notice.intent} data-testid="calibrate-notice">
          <MessageBarBody>{notice.text(lang)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {fitted ? (
        <>
          <Text size={200}>
            {t.historyRows(String(fitted.fit.rows))}
            {t.historyDefaults(String(fitted.fit.defaults))}
          </Text>
          <FitReport fit={fitted.fit} lang={lang} given={fitted.given} />
          {!fitted.fit.better ? (
            <Text id={`${id}-why`} size={200} role="note">
              {t.notBetter}
            </Text>
          ) : null}
          <div className={s.row}>
            <Button
              appearance="primary"
              onClick={() => void accept()}
              disabled={!fitted.fit.better}
              aria-describedby={fitted.fit.better ? undefined : `${id}-why`}
            >
              {t.accept}
            </Button>
            <Button onClick={discard}>{t.discard}</Button>
          </div>
        </>
      ) : null}
    </section>
  );
}
