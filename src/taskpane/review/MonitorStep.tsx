/**
 * Step 4, Monitor: the receivables from the invoice ledger (portfolio DSO,
 * open amount by aging bucket — saying what it adds up and why it differs
 * from the total exposure — and the heat map of exposure by band × aging),
 * and the scoring model in use. Model monitoring (calibration, stability)
 * belongs here too.
 */
import { Body1, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { isoFromSerial } from "../../engine/dates";
import type { Lang } from "../../engine/lang";
import { BAND_LABELS, NO_OPEN_LABEL, type BandKey } from "../../engine/portfolio/texts";
import { agingLabels } from "../../engine/receivables/aging";
import { BANDS } from "../../engine/scoring/model";
import type { ReviewStrings } from "../i18n";
import * as fmt from "../format";
import type { ReviewOutcome } from "../services/review-runner";
import { AgingChart, HeatMap } from "./charts";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  dt: { color: tokens.colorNeutralForeground3 },
  dd: { margin: 0, fontVariantNumeric: "tabular-nums", overflowWrap: "anywhere" },
  note: { color: tokens.colorNeutralForeground3 },
});

const BAND_KEYS: readonly BandKey[] = [...BANDS, "not_scored"];

export function MonitorStep({ outcome, lang, t }: { outcome: ReviewOutcome; lang: Lang; t: ReviewStrings }) {
  const s = useStyles();
  const d = t.dash;
  const m = t.monitor;
  const summary = outcome.summary;
  const agingText = agingLabels(outcome.state.agingEdges, lang);
  const asOf = isoFromSerial(summary.asOf);
  const fact = (label: string, value: string) => [
    <dt key={`${label}-t`} className={s.dt}>
      {label}
    </dt>,
    <dd key={`${label}-d`} className={s.dd}>
      {value}
    </dd>,
  ];
  return (
    <div className={s.root}>
      <section className={s.section} aria-labelledby="mon-receivables">
        <Subtitle2 as="h3" id="mon-receivables" className={s.heading}>
          {m.receivables}
        </Subtitle2>
        {summary.aging && summary.ledger ? (
          <>
            <dl className={s.facts}>{fact(d.dso, summary.dso === null ? "–" : d.dsoValue(fmt.days(summary.dso, lang)))}</dl>
            {summary.dsoNote ? <Caption1 className={s.note}>{summary.dsoNote}</Caption1> : null}
            <Subtitle2 as="h4" id="dash-aging" className={s.heading}>
              {d.aging}
            </Subtitle2>
            <Body1>
              {m.openFrom(fmt.amount(summary.aging.open, lang), fmt.count(summary.ledger.matched, lang), asOf)}{" "}
              {d.agingIntro(fmt.amount(summary.aging.overdue, lang), fmt.amount(summary.aging.open, lang))}
            </Body1>
            <AgingChart
              labels={agingText}
              amounts={summary.aging.amounts}
              lang={lang}
              label={d.agingChartLabel(agingText.map((l, k) => `${l} ${fmt.amount(summary.aging?.amounts[k] ?? 0, lang)}`).join("; "))}
            />
            <Caption1 className={s.note}>{m.differs}</Caption1>
          </>
        ) : (
          <Caption1 className={s.note}>{summary.dsoNote ?? summary.heatMapNote}</Caption1>
        )}
      </section>
      {summary.heatMap ? (
        <section className={s.section} aria-labelledby="dash-heat">
          <Subtitle2 as="h3" id="dash-heat" className={s.heading}>
            {d.heatMap}
          </Subtitle2>
          <Caption1 className={s.note}>{d.heatMapIntro}</Caption1>
          <HeatMap
            rows={BAND_KEYS.map((b) => BAND_LABELS[b][lang])}
            rowBands={[...BAND_KEYS]}
            columns={[...agingText, NO_OPEN_LABEL[lang]]}
            cells={summary.heatMap.cells}
            lang={lang}
            title={d.heatMap}
            tableCaption={d.heatMapTable(d.heatMap)}
            cornerLabel={d.band}
          />
        </section>
      ) : null}
      <section className={s.section} aria-labelledby="mon-model">
        <Subtitle2 as="h3" id="mon-model" className={s.heading}>
          {m.model}
        </Subtitle2>
        <dl className={s.facts}>
          {fact(m.modelVersion, summary.modelVersion)}
          {fact(m.policyVersion, summary.policyVersion)}
          {fact(m.asOf, asOf)}
          {fact(m.scored, d.scored(fmt.count(summary.scored, lang), fmt.count(summary.customers, lang)))}
        </dl>
      </section>
    </div>
  );
}
