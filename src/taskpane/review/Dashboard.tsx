/**
 * The review dashboard: key figures, customers and exposure by band, limit
 * breaches, open receivables by aging bucket, portfolio DSO and the heat map
 * of exposure by band × aging; plus the data problems the review found,
 * each with a "Go to" button that selects its cell (or row) in the sheet.
 * Every figure comes from the engine's `PortfolioSummary`; labels are shown
 * in the UI language from the engine's label tables. Row numbers are the
 * sheet's own (the engine's `sheetRow`), never positions among the data rows.
 */
import {
  Body1,
  Caption1,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { Lang } from "../../engine/lang";
import type { PortfolioSummary } from "../../engine/portfolio/review";
import type { SheetLocation } from "../../engine/portfolio/place";
import { BAND_LABELS, NO_OPEN_LABEL, type BandKey } from "../../engine/portfolio/texts";
import { agingLabels } from "../../engine/receivables/aging";
import { BANDS } from "../../engine/scoring/model";
import type { ReviewStrings } from "../i18n";
import * as fmt from "../format";
import { AgingChart, BandChart, HeatMap } from "./charts";
import { GoToButton, type GoToHandler } from "./GoTo";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  kpis: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(9.5em, 1fr))",
    gap: tokens.spacingHorizontalS,
    margin: 0,
  },
  kpi: {
    display: "flex",
    flexDirection: "column",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    margin: 0,
  },
  kpiLabel: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  kpiValue: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  kpiNote: { color: tokens.colorNeutralForeground3 },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  th: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  td: { textAlign: "left", padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  who: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", maxWidth: "10em", display: "inline-block", verticalAlign: "bottom" },
  list: { margin: `${tokens.spacingVerticalXS} 0 0 0`, paddingLeft: tokens.spacingHorizontalL },
  note: { color: tokens.colorNeutralForeground3 },
});

const BAND_KEYS: readonly BandKey[] = [...BANDS, "not_scored"];
const MAX_BREACHES = 10;
const MAX_ITEMS = 5;

export interface DashboardProps {
  summary: PortfolioSummary;
  agingEdges: readonly number[];
  lang: Lang;
  t: ReviewStrings;
  /** Opens the explanation of a data row. */
  onExplain: (row: number) => void;
}

function Kpi({ label, value, note }: { label: string; value: string; note?: string }) {
  const s = useStyles();
  return (
    <div className={s.kpi}>
      <dt className={s.kpiLabel}>{label}</dt>
      <dd className={s.kpiValue} style={{ marginLeft: 0 }}>
        {value}
      </dd>
      {note ? (
        <dd style={{ marginLeft: 0 }}>
          <Caption1 className={s.kpiNote}>{note}</Caption1>
        </dd>
      ) : null}
    </div>
  );
}

export function Dashboard({ summary, agingEdges, lang, t, onExplain }: DashboardProps) {
  const s = useStyles();
  const d = t.dash;
  const bars = summary.bands.filter((b) => b.band !== "not_scored" || b.count > 0).map((b) => ({ band: b.band, label: BAND_LABELS[b.band][lang], count: b.count, exposure: b.exposure }));
  const bandSummary = bars.map((b) => `${b.label} ${fmt.count(b.count, lang)} / ${fmt.amount(b.exposure, lang)}`).join("; ");
  const agingText = agingLabels(agingEdges, lang);
  const who = (b: { id: string | number | null; name: string | null; sheetRow: number }) => (b.id !== null ? String(b.id) : d.rowNumber(String(b.sheetRow)));
  return (
    <div className={s.root}>
      <section className={s.section} aria-labelledby="dash-kpis">
        <Subtitle2 as="h3" id="dash-kpis" className={s.heading}>
          {d.heading}
        </Subtitle2>
        <dl className={s.kpis}>
          <Kpi label={d.customers} value={fmt.count(summary.customers, lang)} note={d.scored(fmt.count(summary.scored, lang), fmt.count(summary.customers, lang))} />
          <Kpi label={d.totalExposure} value={fmt.amount(summary.totals.exposure, lang)} />
          <Kpi label={d.expectedLoss} value={fmt.amount(summary.totals.expectedLoss, lang)} />
          <Kpi label={d.shareDE} value={fmt.percent(summary.exposureShareDE, lang)} />
          <Kpi label={d.dso} value={summary.dso === null ? "–" : d.dsoValue(fmt.days(summary.dso, lang))} note={summary.dsoNote ?? undefined} />
          <Kpi label={d.breaches} value={fmt.count(summary.breaches.length, lang)} note={summary.breaches.length ? fmt.amount(summary.breachExcess, lang) : undefined} />
        </dl>
        {summary.exposureNote ? <Caption1 className={s.note}>{summary.exposureNote}</Caption1> : null}
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
        {summary.breaches.length === 0 ? (
          <Body1>{d.breachesNone}</Body1>
        ) : (
          <>
            <Body1>{d.breachesIntro(fmt.count(summary.breaches.length, lang), fmt.amount(summary.breachExcess, lang))}</Body1>
            <table aria-labelledby="dash-breaches" className={s.table} data-testid="breaches">
              <thead>
                <tr>
                  <th scope="col" className={s.th}>
                    {d.breachColumns.customer}
                  </th>
                  <th scope="col" className={mergeClasses(s.th, s.num)}>
                    {d.breachColumns.exposure}
                  </th>
                  <th scope="col" className={mergeClasses(s.th, s.num)}>
                    {d.breachColumns.limit}
                  </th>
                  <th scope="col" className={mergeClasses(s.th, s.num)}>
                    {d.breachColumns.excess}
                  </th>
                </tr>
              </thead>
              <tbody>
                {summary.breaches.slice(0, MAX_BREACHES).map((b) => (
                  <tr key={b.row}>
                    <th scope="row" className={s.td} style={{ fontWeight: "normal" }}>
                      <Link as="button" className={s.who} title={b.name ?? undefined} onClick={() => onExplain(b.row)}>
                        {who(b)}
                      </Link>
                    </th>
                    <td className={mergeClasses(s.td, s.num)}>{fmt.amount(b.exposure, lang)}</td>
                    <td className={mergeClasses(s.td, s.num)}>{fmt.amount(b.limit, lang)}</td>
                    <td className={mergeClasses(s.td, s.num)}>{fmt.amount(b.excess, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {summary.breaches.length > MAX_BREACHES ? <Caption1 className={s.note}>{d.breachMore(fmt.count(summary.breaches.length - MAX_BREACHES, lang))}</Caption1> : null}
          </>
        )}
      </section>

      <section className={s.section} aria-labelledby="dash-aging">
        <Subtitle2 as="h3" id="dash-aging" className={s.heading}>
          {d.aging}
        </Subtitle2>
        {summary.aging ? (
          <>
            <Body1>{d.agingIntro(fmt.amount(summary.aging.overdue, lang), fmt.amount(summary.aging.open, lang))}</Body1>
            <AgingChart
              labels={agingText}
              amounts={summary.aging.amounts}
              lang={lang}
              label={d.agingChartLabel(agingText.map((l, k) => `${l} ${fmt.amount(summary.aging?.amounts[k] ?? 0, lang)}`).join("; "))}
            />
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
    </div>
  );
}

/** One line of a problem: its text and the cells (or rows) it is about. */
interface ProblemLine {
  text: string;
  at: readonly SheetLocation[];
}

/**
 * The data problems of a review (item 7): rows not scored, ratio columns that
 * look like percentages, duplicate ids, ledger ids with no customer,
 * unreadable invoices. Every line names sheet rows and cells; with `onGoTo`
 * each location gets a "Go to" button that selects it in the sheet.
 */
export function Problems({ summary, lang, t, onGoTo }: { summary: PortfolioSummary; lang: Lang; t: ReviewStrings; onGoTo?: GoToHandler }) {
  const s = useStyles();
  const p = t.problems;
  const items: { key: string; title: string; lines: ProblemLine[]; more: number }[] = [];
  if (summary.errors > 0) {
    const lines = summary.errorItems.map((x) => ({ text: x.message, at: [x.at] }));
    items.push({ key: "rows", title: p.rowErrors(fmt.count(summary.errors, lang)), lines, more: summary.errors - lines.length });
  }
  const pc = summary.percentColumns;
  if (pc.length > 0) items.push({ key: "percent", title: p.percentColumns(fmt.count(pc.length, lang)), lines: pc.map((c) => ({ text: c.message, at: [c.at] })), more: 0 });
  if (summary.duplicateIds.length > 0) {
    const sep = lang === "zh" ? "、" : ", ";
    items.push({
      key: "dup",
      title: p.duplicates(fmt.count(summary.duplicateIds.length, lang)),
      lines: summary.duplicateIds.slice(0, MAX_ITEMS).map((x) => ({ text: p.duplicateItem(String(x.id), x.sheetRows.map(String).join(sep)), at: x.at })),
      more: summary.duplicateIds.length - MAX_ITEMS,
    });
  }
  const lg = summary.ledger;
  if (lg && lg.unmatched.length > 0) {
    items.push({
      key: "unmatched",
      title: p.unmatched(fmt.count(lg.unmatched.length, lang), fmt.amount(lg.unmatchedOpen, lang)),
      lines: lg.unmatched.slice(0, MAX_ITEMS).map((u) => ({ text: p.unmatchedItem(String(u.id), fmt.count(u.invoices, lang), fmt.amount(u.open, lang)), at: [u.at] })),
      more: lg.unmatched.length - MAX_ITEMS,
    });
  }
  if (lg && lg.badRows > 0) {
    const lines = lg.errorItems.map((x) => ({ text: x.message, at: [x.at] }));
    items.push({ key: "ledger", title: p.ledgerBadRows(fmt.count(lg.badRows, lang)), lines, more: lg.badRows - lines.length });
  }
  if (items.length === 0) return null;
  return (
    <section className={s.section} aria-labelledby="dash-problems" data-testid="problems">
      <Subtitle2 as="h3" id="dash-problems" className={s.heading}>
        {p.heading}
      </Subtitle2>
      {items.map((it) => (
        <MessageBar key={it.key} intent="warning" layout="multiline" data-problem={it.key}>
          <MessageBarBody>
            <MessageBarTitle>{it.title}</MessageBarTitle>
            <ul className={s.list}>
              {it.lines.map((l, i) => (
                <li key={i}>
                  <Text size={200}>{l.text}</Text>
                  {onGoTo ? l.at.map((a) => <GoToButton key={a.address} at={a} t={t} onGoTo={onGoTo} />) : null}
                </li>
              ))}
              {it.more > 0 ? (
                <li>
                  <Text size={200}>{p.more(fmt.count(it.more, lang))}</Text>
                </li>
              ) : null}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ))}
    </section>
  );
}
