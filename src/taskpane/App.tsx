import {
  Body1,
  Caption1,
  Field,
  FluentProvider,
  Link,
  Radio,
  RadioGroup,
  Subtitle2,
  Text,
  Title2,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Lang } from "../engine/lang";
import { APP_NAME, FORMULAS, LANGUAGE_NAMES, htmlLang, strings } from "./i18n";
import { useLanguage } from "./hooks/useLanguage";
import { useOfficeStatus } from "./hooks/useOfficeStatus";
import { OFFICE_READY_TIMEOUT_MS, OfficeLike } from "./office-ready";
import { ReviewPane } from "./review/ReviewPane";
import { ModelPanel } from "./calibrate/ModelPanel";
import { ScoreMonitor } from "./calibrate/ScoreMonitor";
import { useStoredModel } from "./calibrate/useStoredModel";
import type { ScorecardModel } from "../engine/scoring/model";
import { createExcelWorkbook } from "./services/excel-workbook";
import type { WorkbookPort } from "./services/workbook";
import { VISUALLY_HIDDEN } from "./theme";

export interface AppProps {
  /** Add-in version shown to the user (package.json version). */
  version: string;
  /** Absolute URL of docs/functions.md on the support site. */
  referenceUrl: string;
  /** The global Office namespace, or undefined when office.js is not loaded. */
  office: OfficeLike | undefined;
  /** How long to wait for Office.onReady (ms). */
  officeTimeoutMs?: number;
  /** Icon shown next to the name (relative to taskpane.html). */
  logoSrc?: string;
  /**
   * The workbook to review. When omitted, the pane uses the live Excel
   * workbook once Office reports an Excel host; tests and the browser demo
   * pass an in-memory one.
   */
  workbook?: WorkbookPort;
  /** Progress panels appear for work longer than this (ms; default 1000). */
  progressDelayMs?: number;
}

const useStyles = makeStyles({
  root: { minHeight: "100vh", boxSizing: "border-box", padding: tokens.spacingHorizontalL },
  main: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, maxWidth: "48em" },
  header: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalM },
  logo: { width: "48px", height: "48px", flexShrink: 0 },
  names: { display: "flex", flexDirection: "column" },
  title: { margin: 0 },
  heading: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  code: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  status: { color: tokens.colorNeutralForeground3 },
  visuallyHidden: VISUALLY_HIDDEN,
});

/**
 * The task-pane shell: name, version, what the add-in does, a link to the
 * function reference and an English/Chinese switch. Renders immediately;
 * Office readiness only updates the status line and the default language.
 */
export function App({ version, referenceUrl, office, officeTimeoutMs = OFFICE_READY_TIMEOUT_MS, logoSrc = "assets/icon-64.png", workbook, progressDelayMs }: AppProps) {
  const styles = useStyles();
  const status = useOfficeStatus(office, officeTimeoutMs);
  const [lang, setLang] = useLanguage(status.displayLanguage);
  const t = strings[lang];
  const inExcel = status.state === "ready" && status.host === "Excel";
  const port = useMemo(() => workbook ?? (inExcel ? createExcelWorkbook() : null), [workbook, inExcel]);
  // The workbook's stored model (also the RISK formulas' model, shared runtime) and the last review's scores.
  const stored = useStoredModel(port);
  const [reviewed, setReviewed] = useState<{ model: ScorecardModel; scores: (number | null)[] } | null>(null);

  return (
    <FluentProvider theme={webLightTheme} className={styles.root} lang={htmlLang(lang)}>
      <main className={styles.main} aria-labelledby="app-title">
        <header className={styles.header}>
          <img className={styles.logo} src={logoSrc} alt="" />
          <div className={styles.names}>
            <Title2 as="h1" id="app-title" className={styles.title}>
              {APP_NAME}
            </Title2>
            <Caption1>{t.localName}</Caption1>
            <Caption1 data-testid="app-version">{t.version(version)}</Caption1>
          </div>
        </header>

        <Body1 as="p">
          <strong>{t.tagline}</strong> {t.description}
        </Body1>

        {port ? (
          <>
            <ReviewPane
              port={port}
              lang={lang}
              progressDelayMs={progressDelayMs}
              policy={stored.policy}
              onOutcome={(o) => setReviewed({ model: o.state.policy.model, scores: o.state.results.map((r) => (r && !r.blank ? r.score : null)) })}
            />
            {reviewed ? <ScoreMonitor model={reviewed.model} scores={reviewed.scores} lang={lang} /> : null}
            <ModelPanel port={port} lang={lang} stored={stored} />
          </>
        ) : (
          <Body1 as="p" className={styles.status}>
            {t.review.needsExcel}
          </Body1>
        )}

        <section aria-labelledby="formulas-heading">
          <Subtitle2 as="h2" id="formulas-heading" className={styles.heading}>
            {t.formulasHeading}
          </Subtitle2>
          <ul className={styles.list}>
            {FORMULAS.map((id) => (
              <li key={id}>
                <Body1>
                  <code className={styles.code} lang="en">
                    RISK.{id}
                  </code>
                  {" — "}
                  {t.formulas[id]}
                </Body1>
              </li>
            ))}
          </ul>
        </section>

        <Body1 as="p">
          <Link href={referenceUrl} target="_blank" rel="noopener noreferrer">
            {t.reference}
            <span className={styles.visuallyHidden}>{t.opensInNewWindow}</span>
          </Link>
        </Body1>

        <Field label={t.language}>
          <RadioGroup layout="horizontal" value={lang} onChange={(_, data) => setLang(data.value as Lang)}>
            {(Object.keys(LANGUAGE_NAMES) as Lang[]).map((l) => (
              <Radio key={l} value={l} label={<span lang={htmlLang(l)}>{LANGUAGE_NAMES[l]}</span>} />
            ))}
          </RadioGroup>
        </Field>

        <Text as="p" role="status" aria-live="polite" size={200} className={styles.status} data-state={status.state}>
          {t.status[status.state]}
        </Text>
      </main>
    </FluentProvider>
  );
}
