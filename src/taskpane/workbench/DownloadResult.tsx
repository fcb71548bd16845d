/** What the download holds and what it could not keep (parts exceljs drops, formula columns that need Excel). */
import { MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../engine/lang";
import * as fmt from "../format";
import type { Loss, ScoredWorkbook, WorkbenchDocument } from "./file-workbook";
import type { WorkbenchStrings } from "./strings";

const useStyles = makeStyles({ list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL } });

export function LossList({ losses, t, lang }: { losses: readonly Loss[]; t: WorkbenchStrings; lang: Lang }) {
  const s = useStyles();
  return (
    <ul className={s.list}>
      {losses.map((l) => (
        <li key={l.feature}>
          {l.after > 0
            ? t.losses.partly(t.losses.features[l.feature], fmt.count(l.before - l.after, lang), fmt.count(l.before, lang))
            : t.losses.item(t.losses.features[l.feature], fmt.count(l.before, lang))}
        </li>
      ))}
    </ul>
  );
}

export function DownloadResult({
  result,
  doc,
  t,
  lang,
}: {
  result: ScoredWorkbook;
  doc: WorkbenchDocument | null;
  t: WorkbenchStrings;
  lang: Lang;
}) {
  return (
    <>
      <MessageBar intent="success" data-testid="download-result">
        <MessageBarBody>
          {t.download.ready(result.fileName)} {doc?.kind === "csv" ? t.download.csvNote : ""}{" "}
          {result.reportSheet ? t.download.noCharts : ""}
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
