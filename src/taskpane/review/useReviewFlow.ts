/**
 * The review flow's I/O around `flowReducer`: lists the workbook's tables,
 * picks a table (with its stored or automatic mapping) or the selection, runs
 * the review with progress and Cancel, follows the customer selected in the
 * sheet, and "Go to"/"Show in sheet". Talks to Excel only through the port.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { serialFromIso } from "../../engine/dates";
import { isEngineError, messageIn } from "../../engine/errors";
import type { Lang } from "../../engine/lang";
import type { CreditPolicy } from "../../engine/policy";
import { autoMapColumns, mappingMismatch, parseStoredMapping, type ColumnMapping, type MappingKind } from "../../engine/portfolio/mapping";
import type { SheetLocation } from "../../engine/portfolio/place";
import { strings } from "../i18n";
import * as fmt from "../format";
import { runReview, type ReviewProgress } from "../services/review-runner";
import { mappingSettingKey, type IoErrorCode, type TableInfo, type WorkbookPort } from "../../excel/port";
import { flowReducer, initialFlow, type Picked } from "./flow";
import { mappingIssues } from "./MappingEditor";

/** The stored mapping of a table if it still fits its headers, else the automatic one. */
async function mappingFor(
  port: WorkbookPort,
  kind: MappingKind,
  id: string,
  headers: readonly unknown[],
): Promise<{ mapping: ColumnMapping; note: Picked["note"] }> {
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

/** "Customer table: …" for a table that could not be read, in `lang`. */
function ioText(lang: Lang, table: "customers" | "ledger", code: IoErrorCode): string {
  const t = strings[lang].review;
  return `${t.ioTable[table]}: ${t.io[code]}`;
}

export interface FlowOptions {
  lang: Lang;
  policy: CreditPolicy;
  progressDelayMs: number;
  initialAsOf: string;
  initialTables?: { customers?: string; ledger?: string; review?: boolean };
}

export function useReviewFlow(port: WorkbookPort, o: FlowOptions) {
  const { lang, policy, progressDelayMs } = o;
  const t = strings[lang].review;
  const [s, dispatch] = useReducer(flowReducer, o.initialAsOf, initialFlow);
  const abort = useRef<AbortController | null>(null);
  const pickToken = useRef(0);
  const preselect = useRef(o.initialTables);
  const autoReview = useRef<"no" | "picking" | "ready">(o.initialTables?.review ? "picking" : "no");
  const [autoTick, setAutoTick] = useState(0);

  const loadTables = useCallback(async () => {
    dispatch({ type: "tables", tables: null });
    let tables: TableInfo[];
    try {
      // try/await, not .catch(): a port may also throw before it returns a promise (Excel undefined outside Office).
      tables = await port.listTables();
    } catch {
      tables = [];
    }
    dispatch({ type: "tables", tables });
  }, [port]);
  useEffect(() => void loadTables(), [loadTables]);

  /** Runs `work` with the progress panel shown after the delay; returns its result. */
  async function withProgress<T>(
    label: string,
    withLedger: boolean,
    work: (signal: AbortSignal, progress: (p: ReviewProgress) => void) => Promise<T>,
  ): Promise<T> {
    const ac = new AbortController();
    abort.current = ac;
    dispatch({ type: "busy", label, visible: progressDelayMs <= 0, withLedger });
    const timer = progressDelayMs > 0 ? setTimeout(() => dispatch({ type: "busyVisible" }), progressDelayMs) : null;
    try {
      return await work(ac.signal, (progress) => dispatch({ type: "progress", progress }));
    } finally {
      if (timer) clearTimeout(timer);
      abort.current = null;
      dispatch({ type: "idle" });
    }
  }

  async function pickTable(kind: MappingKind, name: string | null) {
    const token = ++pickToken.current;
    dispatch({ type: "notice", notice: null });
    if (name === null) return kind === "ledger" ? dispatch({ type: "noLedger" }) : undefined;
    const info = s.tables?.find((x) => x.name === name);
    if (!info) return;
    const { mapping, note } = await mappingFor(port, kind, info.name, info.headers);
    if (token !== pickToken.current) return;
    const label = (l: Lang) => strings[l].review.data.tableOption(info.name, fmt.count(info.rowCount, l));
    dispatch({
      type: "picked",
      picked: { kind, source: { kind: "table", name: info.name }, data: null, label, settingId: info.name, mapping, note },
    });
  }

  async function pickSelection() {
    const token = ++pickToken.current;
    dispatch({ type: "notice", notice: null });
    const r = await withProgress(t.data.readingSelection, false, (signal, progress) =>
      port.readTable({ kind: "selection" }, { signal, onProgress: (done, total) => progress({ phase: "reading", done, total }) }),
    );
    if (token !== pickToken.current) return;
    if (!r.ok) {
      if (r.error.code !== "cancelled")
        dispatch({ type: "notice", notice: { intent: "error", text: (l) => ioText(l, "customers", r.error.code) } });
      return;
    }
    const data = r.value;
    const { mapping, note } = await mappingFor(port, "customers", data.address, data.headerRow);
    if (token !== pickToken.current) return;
    const label = (l: Lang) => strings[l].review.data.selectionLabel(data.address, fmt.count(data.rowCount, l));
    dispatch({
      type: "picked",
      picked: { kind: "customers", source: { kind: "selection" }, data, label, settingId: data.address, mapping, note },
    });
  }

  function changeMapping(p: Picked, mapping: ColumnMapping) {
    dispatch({ type: "mapping", kind: p.kind, mapping });
    port.saveSetting(mappingSettingKey(p.kind, p.settingId), mapping).catch(() => undefined);
  }

  const asOf = useMemo(() => serialFromIso(s.asOfIso), [s.asOfIso]);
  const blocked = [s.customers, s.ledger].some((p) => p !== null && mappingIssues(p.mapping).some((i) => i.severity === "error"));
  const canRun = s.customers !== null && !blocked && !isEngineError(asOf) && s.busy === null;

  /** Reviews the picked tables; resolves true when a review finished. */
  async function run(): Promise<boolean> {
    const { customers, ledger } = s;
    if (!customers || isEngineError(asOf)) return false;
    dispatch({ type: "notice", notice: null });
    const request = {
      customers: { source: customers.data ?? customers.source, mapping: customers.mapping },
      ledger: ledger ? { source: ledger.data ?? ledger.source, mapping: ledger.mapping } : null,
      asOf,
      lang,
      policy,
    };
    const result = await withProgress(t.run.phases.reading, ledger !== null, (signal, onProgress) =>
      runReview(port, request, { signal, onProgress }),
    );
    if (!result.ok) {
      const e = result.error;
      const text = (l: Lang) =>
        e.kind === "cancelled" ? strings[l].review.run.cancelled : e.kind === "io" ? ioText(l, e.table, e.code) : messageIn(e.error, l);
      dispatch({ type: "notice", notice: { intent: e.kind === "cancelled" ? "info" : "error", text } });
      return false;
    }
    const out = result.value;
    const secs = (out.timings.read + out.timings.score + out.timings.summarise) / 1000;
    dispatch({
      type: "reviewed",
      outcome: out,
      notice: { intent: "success", text: (l) => strings[l].review.run.done(fmt.count(out.summary.customers, l), fmt.seconds(secs, l)) },
    });
    return true;
  }

  // Pick the initial tables once, when the list first arrives (one after the other: a pick cancels an earlier pending one).
  useEffect(() => {
    const want = preselect.current;
    if (!s.tables || !want) return;
    preselect.current = undefined;
    void (async () => {
      if (want.customers) await pickTable("customers", want.customers);
      if (want.ledger) await pickTable("ledger", want.ledger);
      if (autoReview.current === "picking") autoReview.current = "ready";
      setAutoTick((n) => n + 1);
    })();
    // pickTable reads this render's `tables`; the ref makes this run once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [s.tables]);

  // The initial review, once the initial tables are picked (this render sees them).
  useEffect(() => {
    if (autoReview.current !== "ready") return;
    autoReview.current = "no";
    if (canRun) void run();
    // run() reads this render's state; the ref makes this run once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [autoTick]);

  // Follow the sheet: the customer whose row is selected there.
  const outcome = s.outcome;
  useEffect(() => {
    if (!outcome) return;
    let stop: (() => void) | null = null;
    let gone = false;
    port
      .onSelectedRow(outcome.area, (row) => {
        const c = outcome.state.results[row];
        if (c && !c.blank) dispatch({ type: "sheetRow", row });
      })
      .then((unsubscribe) => (gone ? unsubscribe() : (stop = unsubscribe)))
      .catch(() => undefined);
    return () => {
      gone = true;
      stop?.();
    };
  }, [port, outcome]);

  const goTo = useCallback((at: SheetLocation) => port.selectCell(at.sheetName, at.row, at.column), [port]);
  const showInSheet = useCallback(
    (row: number) => (outcome ? void port.selectRow(outcome.area, row).catch(() => undefined) : undefined),
    [port, outcome],
  );
  const cancel = useCallback(() => abort.current?.abort(), []);

  return { s, dispatch, asOf, blocked, canRun, loadTables, pickTable, pickSelection, changeMapping, run, cancel, goTo, showInSheet };
}

export type ReviewFlow = ReturnType<typeof useReviewFlow>;
