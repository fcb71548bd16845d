/**
 * The portfolio review workflow (issue 5): pick the data and fix the column
 * mapping, run the review (read → score in slices → summarise, with progress
 * and Cancel), then the dashboard, the customer list, the explanation of the
 * selected customer (also when its row is selected in the sheet) and the
 * write-back. Talks to the workbook only through the `WorkbookPort`.
 */
import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle1,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { serialFromIso } from "../../engine/dates";
import { isEngineError } from "../../engine/errors";
import type { Lang } from "../../engine/lang";
import { DEFAULT_POLICY, type CreditPolicy } from "../../engine/policy";
import { autoMapColumns, mappingMismatch, parseStoredMapping, type ColumnMapping, type MappingKind } from "../../engine/portfolio/mapping";
import type { CustomerResult } from "../../engine/portfolio/review";
import type { SheetLocation } from "../../engine/portfolio/place";
import { dunningStageName } from "../../engine/receivables/dunning";
import { strings } from "../i18n";
import * as fmt from "../format";
import { runReview, type ReviewOutcome, type ReviewProgress } from "../services/review-runner";
import { mappingSettingKey, type TableData, type TableInfo, type TableSource, type WorkbookPort } from "../services/workbook";
import { CustomerList } from "./CustomerList";
import { Dashboard, Problems } from "./Dashboard";
import { ExplainPanel } from "./ExplainPanel";
import { MappingEditor, mappingIssues } from "./MappingEditor";
import { ProgressPanel } from "./ProgressPanel";
import { WriteBack } from "./WriteBack";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  heading: { margin: 0 },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  pickRow: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "flex-end", flexWrap: "wrap", rowGap: tokens.spacingVerticalXS },
  grow: { flexGrow: 1, minWidth: "10em" },
  dropdown: { minWidth: "10em", width: "100%" },
  runRow: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  note: { color: tokens.colorNeutralForeground3 },
  divider: { borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, margin: 0 },
});

/** A table chosen for the review, with its column mapping. */
interface Picked {
  kind: MappingKind;
  source: TableSource;
  /** The rows of a selection, read when it was picked (a table is read when the review runs). */
  data: TableData | null;
  label: string;
  /** Id under which the mapping is stored (table name, or the selection's address). */
  settingId: string;
  mapping: ColumnMapping;
  note: "restored" | "outdated" | null;
}

/** Value of the customer-table picker when the current selection is used. */
const SELECTION = "\u0000selection";

type Notice = { intent: "error" | "warning" | "info" | "success"; text: string };

export interface ReviewPaneProps {
  port: WorkbookPort;
  lang: Lang;
  /** Show the progress panel only for work that lasts longer than this (ms, default 1000). */
  progressDelayMs?: number;
  policy?: CreditPolicy;
  /** Called after each completed review (e.g. the model-monitoring section reads its scores). */
  onOutcome?: (outcome: ReviewOutcome) => void;
  /** Initial as-of date, ISO (default: today). */
  initialAsOf?: string;
  /**
   * Tables to pick once the workbook's tables are listed, and whether to run
   * the review as soon as they are (the workbench opens its sample this way).
   */
  initialTables?: { customers?: string; ledger?: string; review?: boolean };
}

/** The stored mapping of a table if it still fits its headers, else the automatic one. */
async function mappingFor(port: WorkbookPort, kind: MappingKind, id: string, headers: readonly unknown[]): Promise<{ mapping: ColumnMapping; note: Picked["note"] }> {
  let stored: unknown = null;
  try {
    stored = await port.loadSetting(mappingSettingKey(kind, id));
  } catch {
    stored = null;
  }
  if (stored !== null && stored !== undefined) {
    const m = parseStoredMapping(stored);
    if (!isEngineError(m) && m.kind === kind && mappingMismatch(m, headers) === null) return { mapping: m, note: "restored" };
    return { mapping: autoMapColumns(headers, kind), note: "outdated" };
  }
  return { mapping: autoMapColumns(headers, kind), note: null };
}

export function ReviewPane({ port, lang, progressDelayMs = 1000, policy = DEFAULT_POLICY, initialAsOf, initialTables, onOutcome }: ReviewPaneProps) {
  const s = useStyles();
  const t = strings[lang].review;
  const [tables, setTables] = useState<TableInfo[] | null>(null);
  const [customers, setCustomers] = useState<Picked | null>(null);
  const [ledger, setLedger] = useState<Picked | null>(null);
  const [asOfIso, setAsOfIso] = useState(() => initialAsOf ?? fmt.todayIso());
  const [busy, setBusy] = useState<{ label: string; progress: ReviewProgress | null; visible: boolean } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [outcome, setOutcome] = useState<ReviewOutcome | null>(null);
  const [selectedRow, setSelectedRow] = useState<number | null>(null);
  const abort = useRef<AbortController | null>(null);
  const pickToken = useRef(0);
  const preselect = useRef(initialTables);
  const autoReview = useRef<"no" | "picking" | "ready">(initialTables?.review ? "picking" : "no");
  const [autoReviewTick, setAutoReviewTick] = useState(0);

  const loadTables = useCallback(async () => {
    setTables(null);
    try {
      setTables(await port.listTables());
    } catch {
      setTables([]);
    }
  }, [port]);
  useEffect(() => {
    void loadTables();
  }, [loadTables]);

  /** Runs `work` with the progress panel shown after the delay; returns its result. */
  async function withProgress<T>(label: string, work: (signal: AbortSignal, progress: (p: ReviewProgress) => void) => Promise<T>): Promise<T> {
    const ac = new AbortController();
    abort.current = ac;
    setBusy({ label, progress: null, visible: progressDelayMs <= 0 });
    const timer = progressDelayMs > 0 ? setTimeout(() => setBusy((b) => (b ? { ...b, visible: true } : b)), progressDelayMs) : null;
    try {
      return await work(ac.signal, (p) => setBusy((b) => (b ? { ...b, progress: p } : b)));
    } finally {
      if (timer) clearTimeout(timer);
      abort.current = null;
      setBusy(null);
    }
  }

  /** A new customer table makes the last review's results stale. */
  function forgetReview() {
    setOutcome(null);
    setSelectedRow(null);
  }

  async function pickTable(kind: MappingKind, name: string | null) {
    const token = ++pickToken.current;
    setNotice(null);
    if (name === null) {
      if (kind === "ledger") setLedger(null);
      return;
    }
    const info = tables?.find((x) => x.name === name);
    if (!info) return;
    const { mapping, note } = await mappingFor(port, kind, info.name, info.headers);
    if (token !== pickToken.current) return;
    const picked: Picked = { kind, source: { kind: "table", name: info.name }, data: null, label: t.data.tableOption(info.name, fmt.count(info.rowCount, lang)), settingId: info.name, mapping, note };
    if (kind === "customers") {
      setCustomers(picked);
      forgetReview();
    } else setLedger(picked);
  }

  async function pickSelection() {
    const token = ++pickToken.current;
    setNotice(null);
    const r = await withProgress(t.data.readingSelection, (signal, progress) =>
      port.readTable({ kind: "selection" }, { signal, onProgress: (done, total) => progress({ phase: "reading", done, total }) }),
    );
    if (token !== pickToken.current) return;
    if (!r.ok) {
      if (r.error.code !== "cancelled") setNotice({ intent: "error", text: `${t.ioTable.customers}: ${t.io[r.error.code]}` });
      return;
    }
    const data = r.value;
    const { mapping, note } = await mappingFor(port, "customers", data.address, data.headerRow);
    if (token !== pickToken.current) return;
    forgetReview();
    setCustomers({
      kind: "customers",
      source: { kind: "selection" },
      data,
      label: t.data.selectionLabel(data.address, fmt.count(data.rowCount, lang)),
      settingId: data.address,
      mapping,
      note,
    });
  }

  // Pick the initial tables once, when the list first arrives (one after the other: a pick cancels an earlier pending one).
  useEffect(() => {
    const want = preselect.current;
    if (!tables || !want) return;
    preselect.current = undefined;
    void (async () => {
      if (want.customers) await pickTable("customers", want.customers);
      if (want.ledger) await pickTable("ledger", want.ledger);
      if (autoReview.current === "picking") autoReview.current = "ready";
      setAutoReviewTick((n) => n + 1);
    })();
    // pickTable reads this render's `tables`; the ref makes this run once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tables]);

  function changeMapping(p: Picked, mapping: ColumnMapping) {
    const next = { ...p, mapping, note: null };
    if (p.kind === "customers") setCustomers(next);
    else setLedger(next);
    port.saveSetting(mappingSettingKey(p.kind, p.settingId), mapping).catch(() => undefined);
  }

  const asOf = useMemo(() => serialFromIso(asOfIso), [asOfIso]);
  const customerErrors = customers ? mappingIssues(customers.mapping).some((i) => i.severity === "error") : false;
  const ledgerErrors = ledger ? mappingIssues(ledger.mapping).some((i) => i.severity === "error") : false;
  const blocked = customerErrors || ledgerErrors;
  const canRun = customers !== null && !blocked && !isEngineError(asOf) && busy === null;

  // The initial review, once the initial tables are picked (this render sees them).
  useEffect(() => {
    if (autoReview.current !== "ready") return;
    autoReview.current = "no";
    if (canRun) void run();
    // run() reads this render's state; the ref makes this run once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [autoReviewTick]);

  async function run() {
    if (!customers || isEngineError(asOf)) return;
    setNotice(null);
    const result = await withProgress(t.run.phases.reading, (signal, progress) =>
      runReview(
        port,
        {
          customers: { source: customers.data ?? customers.source, mapping: customers.mapping },
          ledger: ledger ? { source: ledger.data ?? ledger.source, mapping: ledger.mapping } : null,
          asOf,
          lang,
          policy,
        },
        { signal, onProgress: progress },
      ),
    );
    if (!result.ok) {
      const e = result.error;
      if (e.kind === "cancelled") setNotice({ intent: "info", text: t.run.cancelled });
      else if (e.kind === "io") setNotice({ intent: "error", text: `${t.ioTable[e.table]}: ${t.io[e.code]}` });
      else setNotice({ intent: "error", text: e.message });
      return;
    }
    const o = result.value;
    setOutcome(o);
    onOutcome?.(o);
    setSelectedRow(null);
    const seconds = (o.timings.read + o.timings.score + o.timings.summarise) / 1000;
    setNotice({ intent: "success", text: t.run.done(fmt.count(o.summary.customers, lang), seconds.toLocaleString(lang === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: 1 })) });
  }

  // Follow the sheet: selecting a customer's row explains it.
  useEffect(() => {
    if (!outcome) return;
    let stop: (() => void) | null = null;
    let gone = false;
    port
      .onSelectedRow(outcome.area, (row) => {
        const c = outcome.state.results[row];
        if (c && !c.blank) setSelectedRow(row);
      })
      .then((unsubscribe) => {
        if (gone) unsubscribe();
        else stop = unsubscribe;
      })
      .catch(() => undefined);
    return () => {
      gone = true;
      stop?.();
    };
  }, [port, outcome]);

  const ladder = outcome?.state.policy.dunning;
  const stageName = useCallback(
    (c: CustomerResult) => {
      if (c.dunningStageNumber === null || !ladder) return "";
      return dunningStageName({ stage: c.dunningStageNumber, closed: c.dunningStageNumber === -1, onHold: c.dunningOnHold }, ladder, lang);
    },
    [ladder, lang],
  );

  // "Go to" a data problem's cell (or row) in the sheet.
  const goTo = useCallback((at: SheetLocation) => port.selectCell(at.sheetName, at.row, at.column), [port]);

  const tableOptions = tables ?? [];
  const phaseLabel = busy?.progress ? t.run.phases[busy.progress.phase] : (busy?.label ?? "");
  const p = busy?.progress;

  return (
    <div className={s.root}>
      <section className={s.section} aria-labelledby="review-h">
        <Subtitle1 as="h2" id="review-h" className={s.heading}>
          {t.heading}
        </Subtitle1>
        <Caption1>{t.intro}</Caption1>

        <Subtitle2 as="h3" className={s.heading}>
          {t.data.heading}
        </Subtitle2>
        <div className={s.pickRow}>
          <Field label={t.data.customerTable} className={s.grow}>
            <Select
              className={s.dropdown}
              value={customers ? (customers.source.kind === "table" ? customers.source.name : SELECTION) : ""}
              onChange={(_, d) => (d.value === SELECTION || d.value === "" ? undefined : void pickTable("customers", d.value))}
              disabled={busy !== null}
            >
              <option value="" disabled>
                {tables === null ? t.data.loadingTables : t.data.chooseTable}
              </option>
              {customers && customers.source.kind === "selection" ? <option value={SELECTION}>{customers.label}</option> : null}
              {tableOptions.map((x) => (
                <option key={x.name} value={x.name}>
                  {t.data.tableOption(x.name, fmt.count(x.rowCount, lang))}
                </option>
              ))}
            </Select>
          </Field>
          <Button onClick={() => void pickSelection()} disabled={busy !== null}>
            {t.data.useSelection}
          </Button>
        </div>
        {tables !== null && tables.length === 0 ? <Caption1 className={s.note}>{t.data.noTables}</Caption1> : null}

        <div className={s.pickRow}>
          <Field label={t.data.ledgerTable} className={s.grow}>
            <Select
              className={s.dropdown}
              value={ledger && ledger.source.kind === "table" ? ledger.source.name : ""}
              onChange={(_, d) => void pickTable("ledger", d.value ? d.value : null)}
              disabled={busy !== null}
            >
              <option value="">{t.data.none}</option>
              {tableOptions
                .filter((x) => !(customers?.source.kind === "table" && customers.source.name === x.name))
                .map((x) => (
                  <option key={x.name} value={x.name}>
                    {t.data.tableOption(x.name, fmt.count(x.rowCount, lang))}
                  </option>
                ))}
            </Select>
          </Field>
          <Button appearance="subtle" onClick={() => void loadTables()} disabled={busy !== null}>
            {t.data.refresh}
          </Button>
        </div>

        <Field label={t.data.asOf} hint={t.data.asOfHint} validationMessage={isEngineError(asOf) ? t.data.asOfInvalid : undefined}>
          <Input type="date" value={asOfIso} onChange={(_, d) => setAsOfIso(d.value)} disabled={busy !== null} />
        </Field>

        {customers ? (
          <MappingEditor
            key={`c-${customers.settingId}`}
            heading={t.mapping.customersHeading}
            mapping={customers.mapping}
            onChange={(m) => changeMapping(customers, m)}
            lang={lang}
            t={t}
            note={customers.note ? t.mapping[customers.note] : null}
          />
        ) : null}
        {ledger ? (
          <MappingEditor
            key={`l-${ledger.settingId}`}
            heading={t.mapping.ledgerHeading}
            mapping={ledger.mapping}
            onChange={(m) => changeMapping(ledger, m)}
            lang={lang}
            t={t}
            note={ledger.note ? t.mapping[ledger.note] : null}
          />
        ) : null}

        <div className={s.runRow}>
          <Button appearance="primary" onClick={() => void run()} disabled={!canRun}>
            {outcome ? t.run.again : t.run.button}
          </Button>
          <Caption1 className={s.note}>{blocked ? t.run.blocked : t.run.nothingWritten}</Caption1>
        </div>

        {busy?.visible ? (
          <ProgressPanel
            label={phaseLabel}
            value={p && p.total > 0 ? p.done / p.total : undefined}
            detail={p && p.total > 0 ? t.run.progress(fmt.count(p.done, lang), fmt.count(p.total, lang)) : undefined}
            onCancel={() => abort.current?.abort()}
            cancelLabel={t.run.cancel}
          />
        ) : null}
        {/* MessageBar announces itself to screen readers (politely for info, assertively for errors). */}
        {notice ? (
          <MessageBar intent={notice.intent} data-testid="review-notice">
            <MessageBarBody>{notice.text}</MessageBarBody>
          </MessageBar>
        ) : null}
        {outcome && outcome.state.lang !== lang ? <Caption1 className={s.note}>{t.run.languageChanged}</Caption1> : null}
      </section>

      {outcome ? (
        <>
          <hr className={s.divider} />
          <Problems summary={outcome.summary} lang={lang} t={t} onGoTo={goTo} />
          <Dashboard summary={outcome.summary} agingEdges={outcome.state.agingEdges} lang={lang} t={t} onExplain={setSelectedRow} />
          <section className={s.section} aria-labelledby="list-h">
            <Subtitle1 as="h3" id="list-h" className={s.heading} style={{ fontSize: tokens.fontSizeBase400 }}>
              {t.list.heading}
            </Subtitle1>
            <CustomerList results={outcome.state.results} lang={lang} t={t} selectedRow={selectedRow} onSelect={setSelectedRow} stageName={stageName} />
          </section>
          {selectedRow !== null ? (
            <ExplainPanel
              state={outcome.state}
              row={selectedRow}
              lang={lang}
              t={t}
              onClose={() => setSelectedRow(null)}
              onShowInSheet={() => void port.selectRow(outcome.area, selectedRow).catch(() => undefined)}
              onGoTo={goTo}
            />
          ) : (
            <Caption1 className={s.note}>{t.explain.hint}</Caption1>
          )}
          <hr className={s.divider} />
          <WriteBack outcome={outcome} port={port} lang={lang} t={t} />
        </>
      ) : null}
    </div>
  );
}
