/**
 * The workbench's file panel: which file is open (the sample badge, how a CSV
 * was read, what the download cannot keep), "Open a file…" and the drop zone,
 * "Download scored workbook" (reachable by keyboard before anything is
 * written, saying what to do first), and where "Go to" / "Show in sheet" point.
 */
import {
  Badge,
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useRef, type RefObject } from "react";
import type { Lang } from "../../engine/lang";
import { cellA1 } from "../../excel/address";
import * as fmt from "../format";
import { DownloadResult, LossList } from "./DownloadResult";
import { openErrorText, type WorkbenchStrings } from "./strings";
import type { WorkbenchDoc } from "./useWorkbenchDocument";

const ACCEPT = ".xlsx,.xlsm,.csv,.tsv,.txt,.xls,.ods,.et";

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  fileName: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap", overflowWrap: "anywhere" },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  drop: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

export interface FilePanelProps {
  d: WorkbenchDoc;
  t: WorkbenchStrings;
  lang: Lang;
  openRef: RefObject<HTMLButtonElement>;
  onFiles: (files: FileList | null) => void;
}

export function FilePanel({ d, t, lang, openRef, onFiles }: FilePanelProps) {
  const s = useStyles();
  const { doc, status, written, dirty, download, selected, openError } = d;
  const busyOpening = status.kind !== "idle";
  const inputEl = useRef<HTMLInputElement>(null);
  return (
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
          {doc.kind === "xlsx" ? (
            <Caption1 className={s.muted}>
              {t.file.tables(fmt.count(doc.input.tables.length, lang), fmt.count(doc.input.sheetNames.length, lang))}
            </Caption1>
          ) : null}
        </div>
      ) : null}
      {doc?.sample && !written ? <Body1>{t.file.sampleHint}</Body1> : null}
      {(doc?.kind === "csv" ? doc.csv : []).map((c) => (
        <Caption1 key={c.fileName} className={s.muted}>
          {t.file.csvRead(c.fileName, t.file.encodings[c.encoding], t.file.delimiters[c.delimiter], fmt.count(c.rows.length, lang))}{" "}
          {c.decimalComma ? t.file.decimalComma : ""}
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
          <Button
            ref={openRef}
            appearance={doc && !doc.sample ? "secondary" : "primary"}
            onClick={() => inputEl.current?.click()}
            disabledFocusable={busyOpening}
          >
            {doc ? t.file.openAnother : t.file.open}
          </Button>
          <Body1>{t.file.dropHere}</Body1>
        </div>
        <Caption1 className={s.muted}>{t.file.accepts}</Caption1>
        <Caption1 className={s.muted}>{t.file.wpsHint}</Caption1>
        <input
          ref={inputEl}
          type="file"
          accept={ACCEPT}
          multiple
          hidden
          data-testid="file-input"
          onChange={(e) => {
            onFiles(e.target.files);
            e.target.value = "";
          }}
        />
      </div>
      {busyOpening ? (
        <Spinner
          size="tiny"
          labelPosition="after"
          label={status.kind === "sample" ? t.file.loadingSample : t.file.reading(status.kind === "opening" ? status.name : "")}
        />
      ) : null}
      {openError ? (
        <MessageBar intent="error" data-testid="open-error">
          <MessageBarBody>{openErrorText(t, openError)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {doc ? (
        <div className={s.actions}>
          <Button
            appearance={written ? "primary" : "secondary"}
            disabledFocusable={!written || download.busy}
            onClick={() => void d.downloadScored()}
            aria-describedby={written ? undefined : "download-hint"}
          >
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
  );
}
