/**
 * One row of the virtualised customer list: an option whose accessible name
 * is the whole row (id, name and every figure, exact), from visually hidden
 * text rather than aria-label (axe: a label must contain the visible text); on screen the name (ellipsis)
 * over its id, then the columns picked. The full name shows on hover (the
 * browser's tooltip) and, while the row is the active one of the focused
 * list, in the list's footer (CustomerList).
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { Fragment, memo, type ReactElement } from "react";
import type { Lang } from "../../engine/lang";
import type { CustomerResult } from "../../engine/portfolio/review";
import { BAND_LABELS, type BandKey } from "../../engine/portfolio/texts";
import type { ListColumnId, ReviewStrings } from "../i18n";
import * as fmt from "../format";
import { BAND_COLOURS, LIST_ROW_HEIGHT, VISUALLY_HIDDEN } from "../theme";
import { customerLabel } from "./list-view";

const useStyles = makeStyles({
  row: {
    position: "absolute",
    left: 0,
    right: 0,
    display: "grid",
    alignItems: "center",
    fontSize: tokens.fontSizeBase200,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  active: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  selected: { backgroundColor: tokens.colorBrandBackground2, ":hover": { backgroundColor: tokens.colorBrandBackground2Hover } },
  cell: {
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    minWidth: 0,
  },
  who: { display: "flex", flexDirection: "column", lineHeight: "15px" },
  name: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  id: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100, lineHeight: "13px" },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  neg: { color: tokens.colorPaletteRedForeground1 },
  hidden: VISUALLY_HIDDEN,
  badge: {
    display: "inline-block",
    minWidth: "1.6em",
    textAlign: "center",
    borderRadius: tokens.borderRadiusSmall,
    fontWeight: tokens.fontWeightSemibold,
    paddingLeft: "2px",
    paddingRight: "2px",
  },
});

export interface RowProps {
  c: CustomerResult;
  pos: number;
  total: number;
  top: number;
  id: string;
  grid: string;
  columns: readonly ListColumnId[];
  active: boolean;
  selected: boolean;
  lang: Lang;
  t: ReviewStrings;
  stage: string;
  onPick: (pos: number) => void;
}

export const CustomerRow = memo(function CustomerRow(p: RowProps) {
  const s = useStyles();
  const { c, lang, t, stage } = p;
  const cols = t.list.columns;
  const bandKey: BandKey = c.band ?? "not_scored";
  const who = customerLabel(c, t);
  const full = c.name ? `${who} ${c.name}` : who;
  const label = [
    full,
    `${cols.score} ${fmt.score(c.score, lang)}`,
    `${cols.band} ${BAND_LABELS[bandKey][lang]}`,
    `${cols.exposure} ${fmt.amount(c.exposure, lang)}`,
    `${cols.limit} ${fmt.amount(c.limit, lang)}`,
    `${cols.headroom} ${fmt.amount(c.headroom, lang)}`,
    ...(stage ? [`${cols.stage} ${stage}`] : []),
  ].join("; ");
  const amount = (x: number | null, neg = false) => (
    <span className={mergeClasses(s.cell, s.num, neg && x !== null && x < 0 && s.neg)} title={fmt.amount(x, lang)} aria-hidden="true">
      {fmt.compact3(x, lang)}
    </span>
  );
  const cell: Record<Exclude<ListColumnId, "customer">, () => ReactElement> = {
    score: () => (
      <span className={mergeClasses(s.cell, s.num)} aria-hidden="true">
        {fmt.score(c.score, lang)}
      </span>
    ),
    band: () => (
      <span className={s.cell} aria-hidden="true">
        <span className={s.badge} style={{ backgroundColor: BAND_COLOURS[bandKey].fill, color: BAND_COLOURS[bandKey].text }}>
          {c.band ?? "–"}
        </span>
      </span>
    ),
    exposure: () => amount(c.exposure),
    limit: () => amount(c.limit),
    headroom: () => amount(c.headroom, true),
    stage: () => (
      <span className={s.cell} title={stage || undefined} aria-hidden="true">
        {stage}
      </span>
    ),
  };
  return (
    <div
      id={p.id}
      role="option"
      aria-selected={p.selected}
      aria-posinset={p.pos + 1}
      aria-setsize={p.total}
      className={mergeClasses(s.row, p.selected && s.selected, p.active && s.active)}
      style={{ top: p.top, height: LIST_ROW_HEIGHT, gridTemplateColumns: p.grid }}
      onClick={() => p.onPick(p.pos)}
      data-row={c.row}
    >
      {/* The option is named by its content: this full text (exact amounts); the cells on screen (short amounts) are hidden from the name, so what is seen is never contradicted by what is read. */}
      <span className={s.hidden}>{label}</span>
      <span className={mergeClasses(s.cell, s.who)} title={full} aria-hidden="true">
        <span className={s.name}>{c.name ?? who}</span>
        {c.name ? <span className={s.id}>{who}</span> : null}
      </span>
      {p.columns.map((col) => (col === "customer" ? null : <Fragment key={col}>{cell[col]()}</Fragment>))}
    </div>
  );
});
