/**
 * The portfolio review, in steps shown as tabs: Data (tables, mapping, run,
 * data problems) → Overview (key figures, bands, breaches) → Customers (the
 * list) → Monitor (receivables, model) → Write (write-back). Explain opens as
 * a drawer over any step. The flow is `flowReducer` driven by
 * `useReviewFlow`; the workbook is reached only through the `WorkbookPort`.
 */
import { Caption1, MessageBar, MessageBarBody, Subtitle1, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useId, useRef, type ReactNode } from "react";
import type { Lang } from "../../engine/lang";
import { DEFAULT_POLICY, type CreditPolicy } from "../../engine/policy";
import type { CustomerResult } from "../../engine/portfolio/review";
import { dunningStageName } from "../../engine/receivables/dunning";
import { strings, type StepId } from "../i18n";
import * as fmt from "../format";
import type { WorkbookPort } from "../../excel/port";
import type { ReviewOutcome } from "../services/review-runner";
import { CustomerList } from "./CustomerList";
import { DataStep } from "./DataStep";
import { ExplainDrawer } from "./ExplainDrawer";
import { MonitorStep } from "./MonitorStep";
import { OverviewStep } from "./OverviewStep";
import { stepAvailable } from "./flow";
import { ProgressPanel } from "./ProgressPanel";
import { reviewFraction } from "./progress";
import { StepTabs, stepIds } from "./StepTabs";
import { useReviewFlow } from "./useReviewFlow";
import { WriteBack } from "./WriteBack";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { margin: 0 },
  panel: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, outlineStyle: "none" },
  note: { color: tokens.colorNeutralForeground3 },
});

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
  /** Tables to pick once the workbook's tables are listed, and whether to run the review as soon as they are (the workbench opens its sample this way). */
  initialTables?: { customers?: string; ledger?: string; review?: boolean };
}

export function ReviewPane({
  port,
  lang,
  progressDelayMs = 1000,
  policy = DEFAULT_POLICY,
  initialAsOf,
  initialTables,
  onOutcome,
}: ReviewPaneProps) {
  const s = useStyles();
  const t = strings[lang].review;
  const flow = useReviewFlow(port, { lang, policy, progressDelayMs, initialAsOf: initialAsOf ?? fmt.todayIso(), initialTables });
  const { s: st, dispatch } = flow;
  const { outcome, busy } = st;
  const base = useId();
  const root = useRef<HTMLElement>(null);
  /** Set when the user started the review from the keyboard focus inside the pane: the focus then goes to the Overview tab. */
  const focusTab = useRef<StepId | null>(null);

  const select = (step: StepId, focus = false) => {
    if (focus) focusTab.current = step;
    dispatch({ type: "step", step });
  };
  useEffect(() => {
    const want = focusTab.current;
    if (want && want === st.step) {
      focusTab.current = null;
      document.getElementById(stepIds(base, want).tab)?.focus();
    }
  }, [st.step, outcome, base]);
  // Each completed review is reported once (the model-monitoring section reads its scores).
  const reportOutcome = useRef(onOutcome);
  reportOutcome.current = onOutcome;
  useEffect(() => {
    if (outcome) reportOutcome.current?.(outcome);
  }, [outcome]);

  const run = () => {
    const inPane = root.current?.contains(document.activeElement) ?? false;
    void flow.run().then((ok) => {
      if (ok && inPane) select("overview", true);
    });
  };
  const ladder = outcome?.state.policy.dunning;
  const stageName = useCallback(
    (c: CustomerResult) =>
      c.dunningStageNumber === null || !ladder
        ? ""
        : dunningStageName({ stage: c.dunningStageNumber, closed: c.dunningStageNumber === -1, onHold: c.dunningOnHold }, ladder, lang),
    [ladder, lang],
  );
  const explain = useCallback((row: number) => dispatch({ type: "explain", row }), [dispatch]);
  const p = busy?.progress;
  const fraction = p ? reviewFraction(p, busy?.withLedger ?? false) : undefined;
  // One panel per step (the steps are data: STEPS and STEP_NEEDS_REVIEW); a step that needs a review shows Data until there is one.
  const shown: StepId = stepAvailable(st, st.step) ? st.step : "data";
  const ids = stepIds(base, shown);
  const panels: Record<StepId, () => ReactNode> = {
    data: () => <DataStep flow={flow} lang={lang} t={t} onRun={run} />,
    overview: () =>
      outcome && <OverviewStep outcome={outcome} lang={lang} t={t} onExplain={explain} onShowProblems={() => select("data", true)} />,
    customers: () =>
      outcome && (
        <>
          <CustomerList
            results={outcome.state.results}
            lang={lang}
            t={t}
            selectedRow={st.selectedRow}
            onSelect={explain}
            stageName={stageName}
            prefs={st.list}
            onPrefs={(prefs) => dispatch({ type: "list", prefs })}
          />
          <Caption1 className={s.note}>{t.explain.hint}</Caption1>
        </>
      ),
    monitor: () => outcome && <MonitorStep outcome={outcome} lang={lang} t={t} />,
    write: () => outcome && <WriteBack outcome={outcome} port={port} lang={lang} t={t} />,
  };

  return (
    <section className={s.root} aria-labelledby="review-h" ref={root}>
      <Subtitle1 as="h2" id="review-h" className={s.heading}>
        {t.heading}
      </Subtitle1>
      <StepTabs step={st.step} reviewed={outcome !== null} onSelect={(step) => select(step)} base={base} t={t} />
      {busy?.visible ? (
        <ProgressPanel
          label={p ? t.run.phases[p.phase] : busy.label}
          value={fraction}
          percent={fraction === undefined ? undefined : t.run.percent(fmt.wholePercent(fraction, lang))}
          onCancel={flow.cancel}
          cancelLabel={t.run.cancel}
        />
      ) : null}
      {/* MessageBar announces itself to screen readers (politely for info, assertively for errors). */}
      {st.notice ? (
        <MessageBar intent={st.notice.intent} data-testid="review-notice">
          <MessageBarBody>{st.notice.text(lang)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {outcome && outcome.state.lang !== lang ? <Caption1 className={s.note}>{t.run.languageChanged}</Caption1> : null}
      <div role="tabpanel" id={ids.panel} aria-labelledby={ids.tab} className={s.panel}>
        {panels[shown]()}
      </div>
      {outcome && st.selectedRow !== null ? (
        <ExplainDrawer
          open={st.explainOpen}
          outcome={outcome}
          row={st.selectedRow}
          lang={lang}
          t={t}
          onClose={() => dispatch({ type: "closeExplain" })}
          onShowInSheet={() => flow.showInSheet(st.selectedRow as number)}
          onGoTo={flow.goTo}
        />
      ) : null}
    </section>
  );
}
