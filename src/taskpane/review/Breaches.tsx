/**
 * The largest limit breaches: customer (name with its id under it; the full
 * name on hover and focus), exposure, recommended limit and excess. Each
 * customer opens its explanation.
 */
import { Body1, Caption1, Link, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Lang } from "../../engine/lang";
import type { PortfolioSummary } from "../../engine/portfolio/review";
import type { ReviewStrings } from "../i18n";
import * as fmt from "../format";

const MAX_BREACHES = 10;

const useStyles = makeStyles({
  table: { borderCollapse: "collapse", width: "100%", tableLayout: "fixed", fontSize: tokens.fontSizeBase200 },
  th: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  td: {
    textAlign: "left",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    fontWeight: tokens.fontWeightRegular,
  },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", width: "21%" },
  /** The name takes up to two lines, then ends in "…" (the whole name is in the tooltip). */
  // Two lines, then an ellipsis; the whole name on hover (title) and while focused (the clamp lifts).
  who: {
    display: "-webkit-box",
    WebkitLineClamp: 2,
    WebkitBoxOrient: "vertical",
    overflow: "hidden",
    textAlign: "left",
    overflowWrap: "anywhere",
    ":focus-visible": { WebkitLineClamp: "unset" },
  },
  id: { display: "block", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
  note: { color: tokens.colorNeutralForeground3 },
});

export function Breaches({
  summary,
  lang,
  t,
  onExplain,
}: {
  summary: PortfolioSummary;
  lang: Lang;
  t: ReviewStrings;
  onExplain: (row: number) => void;
}) {
  const s = useStyles();
  const d = t.dash;
  if (summary.breaches.length === 0) return <Body1>{d.breachesNone}</Body1>;
  return (
    <>
      <Body1>{d.breachesIntro(fmt.count(summary.breaches.length, lang), fmt.amount(summary.breachExcess, lang))}</Body1>
      <table aria-labelledby="dash-breaches" className={s.table} data-testid="breaches">
        <thead>
          <tr>
            <th scope="col" className={s.th}>
              {d.breachColumns.customer}
            </th>
            {(["exposure", "limit", "excess"] as const).map((c) => (
              <th key={c} scope="col" className={mergeClasses(s.th, s.num)}>
                {d.breachColumns[c]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {summary.breaches.slice(0, MAX_BREACHES).map((b) => {
            const id = b.id !== null ? String(b.id) : d.rowNumber(String(b.sheetRow));
            return (
              <tr key={b.row}>
                <th scope="row" className={s.td}>
                  <Link as="button" className={s.who} title={b.name ? `${id} ${b.name}` : id} onClick={() => onExplain(b.row)}>
                    {b.name ?? id}
                  </Link>
                  {b.name ? <span className={s.id}>{id}</span> : null}
                </th>
                <td className={mergeClasses(s.td, s.num)}>{fmt.amount(b.exposure, lang)}</td>
                <td className={mergeClasses(s.td, s.num)}>{fmt.amount(b.limit, lang)}</td>
                <td className={mergeClasses(s.td, s.num)}>{fmt.amount(b.excess, lang)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {summary.breaches.length > MAX_BREACHES ? (
        <Caption1 className={s.note}>{d.breachMore(fmt.count(summary.breaches.length - MAX_BREACHES, lang))}</Caption1>
      ) : null}
    </>
  );
}
