/**
 * Monitoring the model after a review: the population stability index of the
 * review's scores against the model's calibration sample, with a warning
 * above 0.25 (engine: calibration/monitor.ts). Small and self-contained, for
 * the pane's "Monitor" step.
 */
import { Caption1, MessageBar, MessageBarBody, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import type { Lang } from "../../engine/lang";
import type { ScorecardModel } from "../../engine/scoring/model";
import { scoreStability } from "../../engine/calibration/monitor";
import { strings } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
});

export interface ScoreMonitorProps {
  model: ScorecardModel;
  /** Scores of the reviewed customers (null: not scored). */
  scores: readonly (number | null)[];
  lang: Lang;
}

export function ScoreMonitor({ model, scores, lang }: ScoreMonitorProps) {
  const s = useStyles();
  const t = strings[lang].calibrate;
  const st = useMemo(() => scoreStability(model, scores), [model, scores]);
  const loc = lang === "zh" ? "zh-CN" : "en-US";
  return (
    <section className={s.root} aria-label={t.monitorHeading} data-testid="score-monitor">
      <Subtitle2 as="h3">{t.monitorHeading}</Subtitle2>
      {st === null ? (
        <Text size={200}>{t.psiNone}</Text>
      ) : (
        <>
          <Text data-testid="psi-value">{t.psi(st.psi.toLocaleString(loc, { minimumFractionDigits: 3, maximumFractionDigits: 3 }))}</Text>
          <Caption1>{t.psiRows(st.rows.toLocaleString(loc))}</Caption1>
          {st.drift ? (
            <MessageBar intent="warning" data-testid="psi-drift">
              <MessageBarBody>{t.psiDrift}</MessageBarBody>
            </MessageBar>
          ) : (
            <Caption1>{st.psi < 0.1 ? t.psiStable : t.psiShift}</Caption1>
          )}
        </>
      )}
    </section>
  );
}
