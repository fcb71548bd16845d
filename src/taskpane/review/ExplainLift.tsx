/** The smallest realistic changes that lift a customer one band, or the combined plan, or why there is none. */
import { Body1, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Explanation } from "../../engine/portfolio/explain";
import type { ReviewStrings } from "../i18n";

const useStyles = makeStyles({
  sub: { display: "block", margin: `0 0 ${tokens.spacingVerticalXS} 0`, fontSize: tokens.fontSizeBase300 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  note: { color: tokens.colorNeutralForeground3 },
});

export function ExplainLift({ ex, t }: { ex: Explanation; t: ReviewStrings }) {
  const s = useStyles();
  const e = t.explain;
  if (!ex.nextBand) return ex.liftNote ? <Caption1 className={s.note}>{ex.liftNote}</Caption1> : null;
  return (
    <div>
      <Subtitle2 as="h4" className={s.sub}>
        {e.lift(ex.nextBand)}
      </Subtitle2>
      {ex.liftOneBand.length ? (
        <ul className={s.list} data-testid="lift">
          {ex.liftOneBand.map((l) => (
            <li key={l.key}>
              <Body1>{l.text}</Body1>
            </li>
          ))}
        </ul>
      ) : ex.liftCombined ? (
        <ul className={s.list} data-testid="lift-combined">
          <li>
            <Body1>{e.liftTogether(ex.liftCombined.text)}</Body1>
          </li>
        </ul>
      ) : (
        <Body1>{ex.liftNote}</Body1>
      )}
    </div>
  );
}
