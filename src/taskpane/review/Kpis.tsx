/**
 * The overview's key figures, each with what it adds up: customers (scored of
 * all), total exposure (the table's exposure cells + the ledger where a cell
 * is blank), expected loss, the share of exposure in bands D–E and the limit
 * breaches. Labels stay on one line (a "D–E" never splits).
 */
import { Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Lang } from "../../engine/lang";
import type { ReviewState, PortfolioSummary } from "../../engine/portfolio/review";
import type { ReviewStrings } from "../i18n";
import * as fmt from "../format";
import { exposureSources } from "./figures";

const useStyles = makeStyles({
  kpis: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(9.5em, 1fr))", gap: tokens.spacingHorizontalS, margin: 0 },
  kpi: {
    display: "flex",
    flexDirection: "column",
    minWidth: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    margin: 0,
  },
  wide: { gridColumn: "1 / -1" },
  label: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  value: {
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    margin: 0,
    fontVariantNumeric: "tabular-nums",
  },
  note: { color: tokens.colorNeutralForeground3, margin: 0 },
});

function Kpi({ label, value, note, wide }: { label: string; value: string; note?: string; wide?: boolean }) {
  const s = useStyles();
  return (
    <div className={mergeClasses(s.kpi, wide && s.wide)}>
      <dt className={s.label} title={label}>
        {label}
      </dt>
      <dd className={s.value}>{value}</dd>
      {note ? (
        <dd className={s.note}>
          <Caption1 className={s.note}>{note}</Caption1>
        </dd>
      ) : null}
    </div>
  );
}

export function Kpis({ summary, state, lang, t }: { summary: PortfolioSummary; state: ReviewState; lang: Lang; t: ReviewStrings }) {
  const s = useStyles();
  const d = t.dash;
  const src = exposureSources(state.results);
  const exposureNote =
    summary.totals.exposure > 0
      ? d.exposureFrom(
          fmt.amount(src.table.sum, lang),
          fmt.count(src.table.customers, lang),
          fmt.amount(src.ledger.sum, lang),
          fmt.count(src.ledger.customers, lang),
        )
      : undefined;
  const breaches = summary.breaches.length;
  return (
    <dl className={s.kpis}>
      <Kpi
        label={d.customers}
        value={fmt.count(summary.customers, lang)}
        note={d.scored(fmt.count(summary.scored, lang), fmt.count(summary.customers, lang))}
      />
      <Kpi
        label={d.expectedLoss}
        value={fmt.amount(summary.totals.expectedLoss, lang)}
        note={d.expectedLossNote(fmt.percent(state.plan.lgd, lang, 0))}
      />
      <Kpi label={d.totalExposure} value={fmt.amount(summary.totals.exposure, lang)} note={exposureNote} wide />
      <Kpi label={d.shareDE} value={fmt.percent(summary.exposureShareDE, lang)} />
      <Kpi
        label={d.breaches}
        value={fmt.count(breaches, lang)}
        note={breaches ? d.excessNote(fmt.amount(summary.breachExcess, lang)) : undefined}
      />
    </dl>
  );
}
