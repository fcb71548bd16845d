/**
 * The points of an explanation: the waterfall by factor and the main reasons,
 * each labelled with what its points are measured against (one label when
 * both use the same basis).
 */
import { Body1, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../engine/lang";
import type { Explanation } from "../../engine/portfolio/explain";
import type { ReviewStrings } from "../i18n";
import * as fmt from "../format";
import { Waterfall } from "./charts";
import { pointBases } from "./points";

const useStyles = makeStyles({
  sub: { display: "block", margin: `0 0 ${tokens.spacingVerticalXXS} 0`, fontSize: tokens.fontSizeBase300 },
  basis: { display: "block", margin: `0 0 ${tokens.spacingVerticalXS} 0`, color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  note: { display: "block", margin: 0, color: tokens.colorNeutralForeground3 },
});

export function ExplainPoints({ ex, lang, t }: { ex: Explanation; lang: Lang; t: ReviewStrings }) {
  const s = useStyles();
  const e = t.explain;
  const basis = pointBases(ex);
  const one = basis.waterfall === basis.reasons;
  const missing = ex.groups.flatMap((g) => g.steps).filter((x) => !x.observed).length;
  return (
    <>
      <div>
        <Subtitle2 as="h4" className={s.sub}>
          {e.waterfall}
        </Subtitle2>
        <Caption1 as="p" className={s.basis} data-testid="waterfall-basis">
          {e.basis[basis.waterfall]}
        </Caption1>
        <Waterfall
          explanation={ex}
          lang={lang}
          labels={{
            title: e.waterfallLabel(fmt.score(ex.base.points, lang), fmt.score(ex.score, lang)),
            factor: e.factor,
            value: e.value,
            points: e.points,
            total: e.total,
            derived: e.derived,
          }}
        />
        {missing > 0 ? (
          <Caption1 as="p" className={s.note}>
            {e.missing(fmt.count(missing, lang))}
          </Caption1>
        ) : null}
      </div>
      <div>
        <Subtitle2 as="h4" className={s.sub}>
          {e.reasons}
        </Subtitle2>
        {ex.reasonTexts.length && !one ? (
          <Caption1 as="p" className={s.basis} data-testid="reasons-basis">
            {e.basis[basis.reasons]}
          </Caption1>
        ) : null}
        {ex.reasonTexts.length ? (
          <ul className={s.list} data-testid="reasons">
            {ex.reasonTexts.map((r) => (
              <li key={r}>
                <Body1>{r}</Body1>
              </li>
            ))}
          </ul>
        ) : (
          <Body1>{e.noReasons}</Body1>
        )}
      </div>
    </>
  );
}
