import {
  Body1,
  Caption1,
  FluentProvider,
  Link,
  Radio,
  RadioGroup,
  Subtitle2,
  Text,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useMemo } from "react";
import type { Lang } from "../engine/lang";
import { ReviewWithModel } from "./calibrate/ReviewWithModel";
import { APP_NAME, FORMULAS, LANGUAGE_NAMES, htmlLang, strings } from "./i18n";
import { useLanguage } from "./hooks/useLanguage";
import { useOfficeStatus } from "./hooks/useOfficeStatus";
import { OFFICE_READY_TIMEOUT_MS, OfficeLike } from "../excel/office-ready";
import { createExcelWorkbook } from "../excel/excel-workbook";
import type { WorkbookPort } from "../excel/port";
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
  root: { minHeight: "100vh", boxSizing: "border-box", padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}` },
  main: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, maxWidth: "56em", margin: "0 auto" },
  header: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    flexWrap: "wrap",
  },
  logo: { width: "32px", height: "32px", flexShrink: 0 },
  names: { display: "flex", flexDirection: "column", flex: "1 1 10em", minWidth: 0 },
  title: { margin: 0 },
  languages: { flexShrink: 0 },
  heading: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  code: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  status: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground2,
    margin: 0,
  },
  dot: { width: "8px", height: "8px", borderRadius: "50%", flexShrink: 0 },
  formulas: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
  },
  visuallyHidden: VISUALLY_HIDDEN,
});

/** Colour of the status dot: green when connected to Excel, grey while waiting, amber otherwise. */
const STATUS_DOT: Record<string, string> = { ready: tokens.colorPaletteGreenBackground3, pending: tokens.colorNeutralForeground3 };

/**
 * The task-pane shell, laid out for a 320–500 px pane: at the top the name,
 * the English/Chinese switch and the Office status; then the portfolio
 * review (in steps); at the bottom the formulas, the function reference and
 * the version. Renders immediately; Office readiness only updates the status
 * line and the default language.
 */
export function App({
  version,
  referenceUrl,
  office,
  officeTimeoutMs = OFFICE_READY_TIMEOUT_MS,
  logoSrc = "assets/icon-64.png",
  workbook,
  progressDelayMs,
}: AppProps) {
  const styles = useStyles();
  const status = useOfficeStatus(office, officeTimeoutMs);
  const [lang, setLang] = useLanguage(status.displayLanguage);
  const t = strings[lang];
  const inExcel = status.state === "ready" && status.host === "Excel";
  const port = useMemo(() => workbook ?? (inExcel ? createExcelWorkbook() : null), [workbook, inExcel]);

  return (
    // Layout styles go on an inner element: Fluent copies the provider's classes to its portals (tooltips, dialogs, drawers).
    <FluentProvider theme={webLightTheme} lang={htmlLang(lang)}>
      <div className={styles.root}>
        <main className={styles.main} aria-labelledby="app-title">
          <header className={styles.header}>
            <img className={styles.logo} src={logoSrc} alt="" />
            <div className={styles.names}>
              <Title3 as="h1" id="app-title" className={styles.title}>
                {APP_NAME}
              </Title3>
              <Caption1 className={styles.muted}>{t.localName}</Caption1>
            </div>
            <RadioGroup
              className={styles.languages}
              layout="horizontal"
              aria-label={t.language}
              value={lang}
              onChange={(_, data) => setLang(data.value as Lang)}
            >
              {(Object.keys(LANGUAGE_NAMES) as Lang[]).map((l) => (
                <Radio key={l} value={l} label={<span lang={htmlLang(l)}>{LANGUAGE_NAMES[l]}</span>} />
              ))}
            </RadioGroup>
          </header>
          <Text as="p" role="status" aria-live="polite" size={200} className={styles.status} data-state={status.state}>
            <span
              className={styles.dot}
              style={{ backgroundColor: STATUS_DOT[status.state] ?? tokens.colorPaletteMarigoldBackground3 }}
              aria-hidden="true"
            />
            {t.status[status.state]}
          </Text>

          {port ? (
            <ReviewWithModel port={port} lang={lang} progressDelayMs={progressDelayMs} />
          ) : (
            <Body1 as="p" className={styles.muted}>
              {t.review.needsExcel}
            </Body1>
          )}

          <section aria-labelledby="formulas-heading" className={styles.formulas}>
            <Subtitle2 as="h2" id="formulas-heading" className={styles.heading}>
              {t.formulasHeading}
            </Subtitle2>
            <Body1 as="p" className={styles.heading}>
              <strong>{t.tagline}</strong> {t.description}
            </Body1>
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
            <Body1 as="p" className={styles.heading}>
              <Link href={referenceUrl} target="_blank" rel="noopener noreferrer">
                {t.reference}
                <span className={styles.visuallyHidden}>{t.opensInNewWindow}</span>
              </Link>
            </Body1>
            <Caption1 className={styles.muted} data-testid="app-version">
              {t.version(version)}
            </Caption1>
          </section>
        </main>
      </div>
    </FluentProvider>
  );
}
