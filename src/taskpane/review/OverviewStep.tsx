/**
 * Step 2, Overview: the key figures, customers and exposure by band, and the
 * limit breaches; a pointer to the data problems (listed under Data) when the
 * review found any.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../engine/lang";
import { BAND_LABELS } from "../../engine/portfolio/texts";
import type { ReviewStrings } from "../i18n";
import * as fmt from "../format";
import type { ReviewOutcome } from "../services/review-runner";
import { Breaches } from "./Breaches";
import { BandChart } from "./charts";
import { Kpis } from "./Kpis";
import { problemCount } from "./Problems";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
});

export interface OverviewStepProps {
  outcome: ReviewOutcome;
  lang: Lang;
  t: ReviewStrings;
  onExplain: (row: number) => void;
  onShowProblems: () => void;
}

export function OverviewStep({ outcome, lang, t, onExplain, onShowProblems }: OverviewStepProps) {
  const s = useStyles();
  const d = t.dash;
  const summary = outcome.summary;
  const bars = summary.bands
    .filter((b) => b.band !== "not_scored" || b.count > 0)
    .map((b) => ({ band: b.band, label: BAND_LABELS[b.band][lang], count: b.count, exposure: b.exposure }));
  const bandSummary = bars.map((b) => `${b.label} ${fmt.count(b.count, lang)} / ${fmt.amount(b.exposure, lang)}`).join("; ");
  const problems = problemCount(summary);
  return (
    <div className={s.root}>
      {problems > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t.problems.found(fmt.count(problems, lang))}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={onShowProblems}>
              {t.problems.show}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      <section className={s.section} aria-labelledby="dash-kpis">
        <Subtitle2 as="h3" id="dash-kpis" className={s.heading}>
          {d.heading}
        </Subtitle2>
        <Kpis summary={summary} state={outcome.state} lang={lang} t={t} />
        {summary.exposureNote ? <span>{summary.exposureNote}</span> : null}
      </section>
      <section className={s.section} aria-labelledby="dash-bands">
        <Subtitle2 as="h3" id="dash-bands" className={s.heading}>
          {d.byBand}
        </Subtitle2>
        <BandChart bars={bars} lang={lang} titles={{ count: d.count, exposure: d.exposure }} label={d.bandChartLabel(bandSummary)} />
      </section>
      <section className={s.section} aria-labelledby="dash-breaches">
        <Subtitle2 as="h3" id="dash-breaches" className={s.heading}>
          {d.breaches}
        </Subtitle2>
        <Breaches summary={summary} lang={lang} t={t} onExplain={onExplain} />
      </section>
    </div>
  );
}
