/**
 * The workbench page: the task pane's portfolio review (ReviewPane, the same
 * components as in Excel) over a workbook the user opens from disk, read and
 * scored in the browser. It starts on the shipped sample workbook. Around the
 * pane: the privacy promise, opening a file (button or drag and drop; .xlsx or
 * CSV), what the download cannot keep, "Download scored workbook" and a
 * language switch. Nothing leaves the browser.
 */
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle1,
  Text,
  Title2,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from "react";
import type { Lang } from "../../engine/lang";
import { cellA1 } from "../../excel/address";
import * as fmt from "../format";
import { useLanguage } from "../hooks/useLanguage";
import { APP_NAME, LANGUAGE_NAMES, htmlLang, strings } from "../i18n";
import { ReviewPane } from "../review/ReviewPane";
import { createWorkbenchPort, loadExcelLib, openFiles, scoredWorkbook, suggestTables, type InputFile, type Loss, type ScoredWorkbook, type WorkbenchDocument } from "./file-workbook";
import { SAMPLE_AS_OF, SAMPLE_FILE_NAME } from "./sample";
import { openErrorText, WORKBENCH_STRINGS, type WorkbenchStrings } from "./strings";
import type { ExcelLib } from "./xlsx-output";

const ACCEPT = ".xlsx,.xlsm,.csv,.tsv,.txt,.xls,.ods,.et";
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const useStyles = makeStyles({
  root: { minHeight: "100vh", boxSizing: "border-box", padding: tokens.spacingHorizontalL },
  main: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL, maxWidth: "52em", margin: "0 auto" },
  header: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalM, flexWrap: "wrap", rowGap: tokens.spacingVerticalS },
  logo: { width: "48px", height: "48px", flexShrink: 0 },
  names: { display: "flex", flexDirection: "column", flex: "1 1 12em", minWidth: 0 },
  title: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0 },
  fileName: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap", overflowWrap: "anywhere" },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  drop: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  overlay: {
    position: "fixed",
    inset: 0,
    zIndex: 1000,
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    backgroundColor: "rgba(15, 108, 189, 0.12)",
    border: `${tokens.strokeWidthThickest} dashed ${tokens.colorBrandStroke1}`,
    pointerEvents: "none",
  },
  overlayText: { padding: tokens.spacingHorizontalL, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground1, boxShadow: tokens.shadow16 },
});

export interface WorkbenchProps {
  version: string;
  /** The shipped sample workbook's bytes (a lazy chunk); without it the page starts with no file. */
  loadSample?: () => Promise<Uint8Array>;
  /** Loads exceljs (default: its lazy chunk). */
  loadLib?: () => Promise<ExcelLib>;
  /** Hands a file to the user (default: a download of a Blob URL). */
  save?: (bytes: Uint8Array, fileName: string) => void;
  /** Passed to the review pane. */
  progressDelayMs?: number;
  logoSrc?: string;
}

/** Saves bytes as a download: an <a download> of a Blob URL (works from file:// pages too). */
export function saveDownload(bytes: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes.slice().buffer as ArrayBuffer], { type: XLSX_TYPE }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function bytesOf(files: readonly File[]): Promise<InputFile[]> {
  return Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

function LossList({ losses, t, lang }: { losses: readonly Loss[]; t: WorkbenchStrings; lang: Lang }) {
  const s = useStyles();
  return (
    <ul className={s.list}>
      {losses.map((l) => (
        <li key={l.feature}>
          {l.after > 0 ? t.losses.partly(t.losses.features[l.feature], fmt.count(l.before - l.after, lang), fmt.count(l.before, lang)) : t.losses.item(t.losses.features[l.feature], fmt.count(l.before, lang))}
        </li>
      ))}
    </ul>
  );
}

type Status = { kind: "idle" } | { kind: "opening"; name: string } | { kind: "sample" };

export function Workbench({ version, loadSample, loadLib = loadExcelLib, save = saveDownload, progressDelayMs, logoSrc = "assets/icon-64.png" }: WorkbenchProps) {
  const s = useStyles();
  const [lang, setLang] = useLanguage(null);
  const t = WORKBENCH_STRINGS[lang];
  const [doc, setDoc] = useState<WorkbenchDocument | null>(null);
  const [status, setStatus] = useState<Status>(loadSample ? { kind: "sample" } : { kind: "idle" });
  const [openError, setOpenError] = useState<Parameters<typeof openErrorText>[1] | null>(null);
  const [written, setWritten] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [download, setDownload] = useState<{ busy: boolean; result: ScoredWorkbook | null; error: string | null }>({ busy: false, result: null, error: null });
  /** Where "Show in sheet" or "Go to" pointed, said in words (there is no sheet to select on this page). */
  const [selected, setSelected] = useState<{ sheet: string; row: number; column: number | null; customer: boolean } | null>(null);
  const [dragging, setDragging] = useState(false);
  const [pending, setPending] = useState<File[] | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const dragDepth = useRef(0);

  const port = useMemo(
    () =>
      doc
        ? createWorkbenchPort(doc, {
            onWrite: () => {
              setWritten(true);
              setDirty(true);
              setDownload({ busy: false, result: null, error: null });
            },
            onSelectRow: (area, row) => setSelected({ sheet: area.sheetName, row: area.firstDataRow + row, column: null, customer: true }),
            onSelectCell: (sheet, row, column) => setSelected({ sheet, row, column, customer: false }),
          })
        : null,
    [doc],
  );
  // The sample is reviewed as soon as it is open; a user's file waits for its mapping to be checked.
  const initialTables = useMemo(() => (doc ? { ...suggestTables(doc.input), review: doc.sample } : undefined), [doc]);

  const open = useCallback(
    async (files: InputFile[], sample = false) => {
      setOpenError(null);
      setStatus({ kind: "opening", name: files.map((f) => f.name).join(", ") });
      const r = await openFiles(files, loadLib, { sample });
      setStatus({ kind: "idle" });
      if (!r.ok) {
        setOpenError(r.error);
        return;
      }
      setDoc(r.doc);
      setWritten(false);
      setDirty(false);
      setSelected(null);
      setDownload({ busy: false, result: null, error: null });
    },
    [loadLib],
  );

  // Start on the sample workbook.
  useEffect(() => {
    if (!loadSample) return;
    let gone = false;
    loadSample()
      .then((bytes) => (gone ? undefined : open([{ name: SAMPLE_FILE_NAME, bytes }], true)))
      .catch(() => setStatus({ kind: "idle" }));
    return () => {
      gone = true;
    };
  }, [loadSample, open]);

  // Ask before the tab closes with results that were not downloaded.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const chosen = useCallback(
    (list: FileList | File[] | null) => {
      const files = list ? [...list] : [];
      if (files.length === 0) return;
      if (dirty) setPending(files);
      else void bytesOf(files).then((b) => open(b));
    },
    [dirty, open],
  );

  async function downloadScored() {
    if (!doc || !port) return;
    setDownload({ busy: true, result: null, error: null });
    try {
      const result = await scoredWorkbook(doc, port, loadLib);
      save(result.bytes, result.fileName);
      setDownload({ busy: false, result, error: null });
      setDirty(false);
    } catch (e) {
      setDownload({ busy: false, result: null, error: e instanceof Error ? e.message : String(e) });
    }
  }

  const onDrag = (e: DragEvent<HTMLDivElement>, kind: "enter" | "over" | "leave" | "drop") => {
    if (![...e.dataTransfer.types].includes("Files")) return;
    e.preventDefault();
    if (kind === "over") e.dataTransfer.dropEffect = "copy";
    if (kind === "enter") dragDepth.current++;
    if (kind === "leave") dragDepth.current = Math.max(0, dragDepth.current - 1);
    if (kind === "drop") {
      dragDepth.current = 0;
      chosen(e.dataTransfer.files);
    }
    setDragging(dragDepth.current > 0);
  };

  const busyOpening = status.kind !== "idle";
  const reviewT = strings[lang];
  const csvLines = doc?.kind === "csv" ? doc.csv : [];

  return (
    <FluentProvider theme={webLightTheme} className={s.root} lang={htmlLang(lang)}>
      <div onDragEnter={(e) => onDrag(e, "enter")} onDragOver={(e) => onDrag(e, "over")} onDragLeave={(e) => onDrag(e, "leave")} onDrop={(e) => onDrag(e, "drop")}>
        <main className={s.main} aria-labelledby="app-title">
          <header className={s.header}>
            <img className={s.logo} src={logoSrc} alt="" />
            <div className={s.names}>
              <Title2 as="h1" id="app-title" className={s.title}>
                {APP_NAME}
              </Title2>
              <Caption1>
                {t.pageTitle} · {t.subtitle}
              </Caption1>
              <Caption1 className={s.muted}>{reviewT.version(version)}</Caption1>
            </div>
            <Field label={reviewT.language}>
              <RadioGroup layout="horizontal" value={lang} onChange={(_, d) => setLang(d.value as Lang)}>
                {(Object.keys(LANGUAGE_NAMES) as Lang[]).map((l) => (
                  <Radio key={l} value={l} label={<span lang={htmlLang(l)}>{LANGUAGE_NAMES[l]}</span>} />
                ))}
              </RadioGroup>
            </Field>
          </header>

          <MessageBar intent="info" data-testid="privacy">
            <MessageBarBody>{t.privacy}</MessageBarBody>
          </MessageBar>

          <section className={s.section} aria-labelledby="file-h" data-testid="file-panel">
            <Subtitle1 as="h2" id="file-h" className={s.heading}>
              {t.file.heading}
            </Subtitle1>
            {doc ? (
              <div className={s.fileName}>
                <Text weight="semibold" data-testid="file-name">
                  {doc.fileNames.join(", ")}
                </Text>
                {doc.sample ? (
                  <Badge appearance="tint" color="brand">
                    {t.file.sample}
                  </Badge>
                ) : null}
                {doc.kind === "xlsx" ? <Caption1 className={s.muted}>{t.file.tables(fmt.count(doc.input.tables.length, lang), fmt.count(doc.input.sheetNames.length, lang))}</Caption1> : null}
              </div>
            ) : null}
            {doc?.sample && !written ? <Body1>{t.file.sampleHint}</Body1> : null}
            {csvLines.map((c) => (
              <Caption1 key={c.fileName} className={s.muted}>
                {t.file.csvRead(c.fileName, t.file.encodings[c.encoding], t.file.delimiters[c.delimiter], fmt.count(c.rows.length, lang))} {c.decimalComma ? t.file.decimalComma : ""}
              </Caption1>
            ))}
            {doc && doc.input.formulasWithoutResult > 0 ? (
              <MessageBar intent="warning">
                <MessageBarBody>{t.file.formulasWithoutResult(fmt.count(doc.input.formulasWithoutResult, lang))}</MessageBarBody>
              </MessageBar>
            ) : null}
            {doc && doc.losses.length > 0 ? (
              <MessageBar intent="warning" data-testid="losses-at-open">
                <MessageBarBody>
                  {t.losses.atOpen}
                  <LossList losses={doc.losses} t={t} lang={lang} />
                  {t.losses.original}
                </MessageBarBody>
              </MessageBar>
            ) : null}

            <div className={s.drop}>
              <div className={s.actions}>
                <Button appearance={doc && !doc.sample ? "secondary" : "primary"} onClick={() => input.current?.click()} disabled={busyOpening}>
                  {doc ? t.file.openAnother : t.file.open}
                </Button>
                <Body1>{t.file.dropHere}</Body1>
              </div>
              <Caption1 className={s.muted}>{t.file.accepts}</Caption1>
              <Caption1 className={s.muted}>{t.file.wpsHint}</Caption1>
              <input
                ref={input}
                type="file"
                accept={ACCEPT}
                multiple
                hidden
                data-testid="file-input"
                onChange={(e) => {
                  chosen(e.target.files);
                  e.target.value = "";
                }}
              />
            </div>
            {busyOpening ? <Spinner size="tiny" labelPosition="after" label={status.kind === "sample" ? t.file.loadingSample : t.file.reading(status.kind === "opening" ? status.name : "")} /> : null}
            {openError ? (
              <MessageBar intent="error" data-testid="open-error">
                <MessageBarBody>{openErrorText(t, openError)}</MessageBarBody>
              </MessageBar>
            ) : null}

            {doc ? (
              <div className={s.actions}>
                <Button appearance={written ? "primary" : "secondary"} disabledFocusable={!written || download.busy} onClick={() => void downloadScored()} aria-describedby={written ? undefined : "download-hint"}>
                  {t.download.button}
                </Button>
                {download.busy ? <Spinner size="tiny" labelPosition="after" label={t.download.preparing} /> : null}
                {!written ? (
                  <Caption1 id="download-hint" className={s.muted}>
                    {t.download.nothingWritten} {t.download.valuesHint}
                  </Caption1>
                ) : dirty && !download.busy ? (
                  <Caption1 className={s.muted}>{t.download.unsaved}</Caption1>
                ) : null}
              </div>
            ) : null}
            {download.result ? <DownloadResult result={download.result} doc={doc} t={t} lang={lang} /> : null}
            {download.error ? (
              <MessageBar intent="error">
                <MessageBarBody>{t.download.failed(download.error)}</MessageBarBody>
              </MessageBar>
            ) : null}
            {selected ? (
              <Caption1 role="status" data-testid="selected-row">
                {selected.customer
                  ? t.selected(selected.sheet, String(selected.row + 1))
                  : selected.column !== null
                    ? t.selectedCell(selected.sheet, cellA1(selected.row, selected.column))
                    : t.selectedRow(selected.sheet, String(selected.row + 1))}
              </Caption1>
            ) : null}
          </section>

          {doc && port ? (
            <ReviewPane key={doc.id} port={port} lang={lang} progressDelayMs={progressDelayMs} initialAsOf={doc.sample ? SAMPLE_AS_OF : undefined} initialTables={initialTables} />
          ) : null}

          <Caption1 className={s.muted}>{t.excelNote}</Caption1>
        </main>
      </div>

      {dragging ? (
        <div className={s.overlay} aria-hidden="true">
          <Text size={500} weight="semibold" className={s.overlayText}>
            {t.file.dropNow}
          </Text>
        </div>
      ) : null}

      <Dialog open={pending !== null} onOpenChange={(_, d) => (!d.open ? setPending(null) : undefined)}>
        <DialogSurface aria-describedby="discard-body">
          <DialogBody>
            <DialogTitle>{t.discard.title}</DialogTitle>
            <DialogContent id="discard-body">{t.discard.body}</DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setPending(null)}>
                {t.discard.keep}
              </Button>
              <Button
                appearance="primary"
                onClick={() => {
                  const files = pending ?? [];
                  setPending(null);
                  void bytesOf(files).then((b) => open(b));
                }}
              >
                {t.discard.discard}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </FluentProvider>
  );
}

function DownloadResult({ result, doc, t, lang }: { result: ScoredWorkbook; doc: WorkbenchDocument | null; t: WorkbenchStrings; lang: Lang }) {
  return (
    <>
      <MessageBar intent="success" data-testid="download-result">
        <MessageBarBody>
          {t.download.ready(result.fileName)} {doc?.kind === "csv" ? t.download.csvNote : ""} {result.reportSheet ? t.download.noCharts : ""}
        </MessageBarBody>
      </MessageBar>
      {result.formulaColumns.length > 0 ? (
        <MessageBar intent="warning" data-testid="formula-columns">
          <MessageBarBody>{t.download.formulaColumns(result.formulaColumns.join(lang === "zh" ? "、" : ", "))}</MessageBarBody>
        </MessageBar>
      ) : null}
      {result.losses.length > 0 ? (
        <MessageBar intent="warning" data-testid="losses-in-download">
          <MessageBarBody>
            {t.losses.inDownload}
            <LossList losses={result.losses} t={t} lang={lang} />
            {t.losses.original}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}
