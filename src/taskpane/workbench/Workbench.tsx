/**
 * The workbench page: the task pane's portfolio review (ReviewPane, the same
 * components as in Excel) over a workbook the user opens from disk, read and
 * scored in the browser. It starts on the shipped sample workbook. Around the
 * pane: the language switch, the privacy promise, the file panel (open a file
 * by button or drag and drop; download the scored workbook) and, before
 * another file replaces results not downloaded, a question. Nothing leaves
 * the browser.
 */
import {
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Text,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useRef, useState, type DragEvent } from "react";
import type { Lang } from "../../engine/lang";
import { useLanguage } from "../hooks/useLanguage";
import { APP_NAME, LANGUAGE_NAMES, htmlLang, strings } from "../i18n";
import { ReviewWithModel } from "../calibrate/ReviewWithModel";
import { DiscardDialog } from "./DiscardDialog";
import { FilePanel } from "./FilePanel";
import { loadExcelLib, type InputFile } from "./file-workbook";
import { SAMPLE_AS_OF } from "./sample";
import { WORKBENCH_STRINGS } from "./strings";
import { useWorkbenchDocument } from "./useWorkbenchDocument";
import type { ExcelLib } from "./xlsx-output";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const useStyles = makeStyles({
  root: { minHeight: "100vh", boxSizing: "border-box", padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}` },
  main: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL, maxWidth: "56em", margin: "0 auto" },
  header: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
    rowGap: tokens.spacingVerticalXS,
  },
  logo: { width: "32px", height: "32px", flexShrink: 0 },
  names: { display: "flex", flexDirection: "column", flex: "1 1 12em", minWidth: 0 },
  title: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
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
  overlayText: {
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow16,
  },
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

export function Workbench({
  version,
  loadSample,
  loadLib = loadExcelLib,
  save = saveDownload,
  progressDelayMs,
  logoSrc = "assets/icon-64.png",
}: WorkbenchProps) {
  const s = useStyles();
  const [lang, setLang] = useLanguage(null);
  const t = WORKBENCH_STRINGS[lang];
  const d = useWorkbenchDocument(loadSample, loadLib, save);
  const [dragging, setDragging] = useState(false);
  const [pending, setPending] = useState<File[] | null>(null);
  const dragDepth = useRef(0);
  const openRef = useRef<HTMLButtonElement>(null);

  const chosen = (list: FileList | File[] | null) => {
    const files = list ? [...list] : [];
    if (files.length === 0) return;
    if (d.dirty) setPending(files);
    else void bytesOf(files).then((b) => d.open(b));
  };
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

  return (
    // Layout styles go on an inner element: Fluent copies the provider's classes to its portals (dialogs, tooltips).
    <FluentProvider theme={webLightTheme} lang={htmlLang(lang)}>
      <div
        className={s.root}
        onDragEnter={(e) => onDrag(e, "enter")}
        onDragOver={(e) => onDrag(e, "over")}
        onDragLeave={(e) => onDrag(e, "leave")}
        onDrop={(e) => onDrag(e, "drop")}
      >
        <main className={s.main} aria-labelledby="app-title">
          <header className={s.header}>
            <img className={s.logo} src={logoSrc} alt="" />
            <div className={s.names}>
              <Title3 as="h1" id="app-title" className={s.title}>
                {APP_NAME}
              </Title3>
              <Caption1>
                {t.pageTitle} · {t.subtitle}
              </Caption1>
              <Caption1 className={s.muted}>{strings[lang].version(version)}</Caption1>
            </div>
            <RadioGroup layout="horizontal" aria-label={strings[lang].language} value={lang} onChange={(_, v) => setLang(v.value as Lang)}>
              {(Object.keys(LANGUAGE_NAMES) as Lang[]).map((l) => (
                <Radio key={l} value={l} label={<span lang={htmlLang(l)}>{LANGUAGE_NAMES[l]}</span>} />
              ))}
            </RadioGroup>
          </header>
          <MessageBar intent="info" data-testid="privacy">
            <MessageBarBody>{t.privacy}</MessageBarBody>
          </MessageBar>
          <FilePanel d={d} t={t} lang={lang} openRef={openRef} onFiles={chosen} />
          {d.doc && d.port ? (
            <ReviewWithModel
              key={d.doc.id}
              port={d.port}
              lang={lang}
              progressDelayMs={progressDelayMs}
              initialAsOf={d.doc.sample ? SAMPLE_AS_OF : undefined}
              initialTables={d.initialTables}
            />
          ) : null}
          <Caption1 className={s.muted}>{t.excelNote}</Caption1>
        </main>
        {dragging ? (
          <div className={s.overlay} aria-hidden="true">
            <Text size={500} weight="semibold" className={s.overlayText}>
              {t.file.dropNow}
            </Text>
          </div>
        ) : null}
        <DiscardDialog
          open={pending !== null}
          t={t}
          opener={openRef}
          onKeep={() => setPending(null)}
          onDiscard={() => {
            const files = pending ?? [];
            setPending(null);
            void bytesOf(files).then((b) => d.open(b));
          }}
        />
      </div>
    </FluentProvider>
  );
}
