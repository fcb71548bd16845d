/** Score, band, PD and data coverage of an explanation, then the recommended limit, the rule that set it, exposure and headroom. */
import { Body1, Caption1, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { Lang } from "../../engine/lang";
import type { Explanation } from "../../engine/portfolio/explain";
import { BAND_LABELS } from "../../engine/portfolio/texts";
import type { ReviewStrings } from "../i18n";
import * as fmt from "../format";
import { BAND_COLOURS } from "../theme";

const useStyles = makeStyles({
  facts: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(6.5em, 1fr))", gap: tokens.spacingHorizontalS, margin: 0 },
  fact: { display: "flex", flexDirection: "column", margin: 0, minWidth: 0 },
  label: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  value: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400, marginLeft: 0, fontVariantNumeric: "tabular-nums" },
  badge: { borderRadius: tokens.borderRadiusSmall, paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
  sub: { display: "block", margin: `0 0 ${tokens.spacingVerticalXS} 0`, fontSize: tokens.fontSizeBase300 },
  p: { display: "block", margin: 0 },
});

export function ExplainFacts({ ex, lang, t }: { ex: Explanation; lang: Lang; t: ReviewStrings }) {
  const s = useStyles();
  const e = t.explain;
  const fact = (label: string, value: ReactNode) => (
    <div className={s.fact}>
      <dt className={s.label}>{label}</dt>
      <dd className={s.value}>{value}</dd>
    </div>
  );
  const band = (
    <span className={s.badge} style={{ backgroundColor: BAND_COLOURS[ex.band].fill, color: BAND_COLOURS[ex.band].text }}>
      {BAND_LABELS[ex.band][lang]}
    </span>
  );
  return (
    <>
      <dl className={s.facts} aria-live="polite">
        {fact(e.score, fmt.score(ex.score, lang))}
        {fact(e.band, band)}
        {fact(e.pd, fmt.percent(ex.pd, lang, 2))}
        {fact(e.coverage, fmt.percent(ex.coverage, lang, 0))}
      </dl>
      <div>
        <Subtitle2 as="h4" className={s.sub}>
          {e.limit}
        </Subtitle2>
        {ex.limit ? (
          <Body1 as="p" className={s.p} data-testid="limit">
            <Text weight="semibold">{fmt.amount(ex.limit.limit, lang)}</Text> · {e.boundBy(ex.limit.ruleText)}
          </Body1>
        ) : (
          <Body1 as="p" className={s.p}>
            {ex.limitNote}
          </Body1>
        )}
        {ex.exposure !== null ? (
          <Caption1 as="p" className={s.p}>
            {e.exposure} {fmt.amount(ex.exposure, lang)}
            {ex.headroom !== null ? ` · ${e.headroom} ${fmt.amount(ex.headroom, lang)}` : ""}
          </Caption1>
        ) : null}
      </div>
    </>
  );
}
