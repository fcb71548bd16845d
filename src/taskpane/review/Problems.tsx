/**
 * The data problems of a review: rows not scored, ratio columns that look
 * like percentages, duplicate ids, ledger ids with no customer, unreadable
 * invoices. Every line names sheet rows and cells (the engine's `sheetRow`,
 * never positions among the data rows); with `onGoTo` each location gets a
 * "Go to" button that selects it in the sheet.
 */
import { MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../engine/lang";
import type { PortfolioSummary } from "../../engine/portfolio/review";
import type { SheetLocation } from "../../engine/portfolio/place";
import type { ReviewStrings } from "../i18n";
import * as fmt from "../format";
import { GoToButton, type GoToHandler } from "./GoTo";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  list: { margin: `${tokens.spacingVerticalXS} 0 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

const MAX_ITEMS = 5;

/** One line of a problem: its text and the cells (or rows) it is about. */
interface ProblemLine {
  text: string;
  at: readonly SheetLocation[];
}

/** How many kinds of problems `Problems` lists (0: it renders nothing). */
export function problemCount(summary: PortfolioSummary): number {
  const lg = summary.ledger;
  return [
    summary.errors > 0,
    summary.percentColumns.length > 0,
    summary.duplicateIds.length > 0,
    (lg?.unmatched.length ?? 0) > 0,
    (lg?.badRows ?? 0) > 0,
  ].filter(Boolean).length;
}

export function Problems({ summary, lang, t, onGoTo }: { summary: PortfolioSummary; lang: Lang; t: ReviewStrings; onGoTo?: GoToHandler }) {
  const s = useStyles();
  const p = t.problems;
  const items: { key: string; title: string; lines: ProblemLine[]; more: number }[] = [];
  if (summary.errors > 0) {
    const lines = summary.errorItems.map((x) => ({ text: x.message, at: [x.at] }));
    items.push({ key: "rows", title: p.rowErrors(fmt.count(summary.errors, lang)), lines, more: summary.errors - lines.length });
  }
  const pc = summary.percentColumns;
  if (pc.length > 0)
    items.push({
      key: "percent",
      title: p.percentColumns(fmt.count(pc.length, lang)),
      lines: pc.map((c) => ({ text: c.message, at: [c.at] })),
      more: 0,
    });
  if (summary.duplicateIds.length > 0) {
    const sep = lang === "zh" ? "、" : ", ";
    items.push({
      key: "dup",
      title: p.duplicates(fmt.count(summary.duplicateIds.length, lang)),
      lines: summary.duplicateIds
        .slice(0, MAX_ITEMS)
        .map((x) => ({ text: p.duplicateItem(String(x.id), x.sheetRows.map(String).join(sep)), at: x.at })),
      more: summary.duplicateIds.length - MAX_ITEMS,
    });
  }
  const lg = summary.ledger;
  if (lg && lg.unmatched.length > 0) {
    items.push({
      key: "unmatched",
      title: p.unmatched(fmt.count(lg.unmatched.length, lang), fmt.amount(lg.unmatchedOpen, lang)),
      lines: lg.unmatched
        .slice(0, MAX_ITEMS)
        .map((u) => ({ text: p.unmatchedItem(String(u.id), fmt.count(u.invoices, lang), fmt.amount(u.open, lang)), at: [u.at] })),
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
