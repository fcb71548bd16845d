/**
 * The customer list of a review: filter by text and band, sort by a column,
 * pick the columns, virtualised by hand (fixed row height; only the rows in
 * view plus a few are in the DOM), so 200,000 customers scroll smoothly.
 *
 * Accessibility: the rows are a listbox (options carry their position in the
 * whole list, `aria-setsize`/`aria-posinset`, and a full text of their
 * values); the list is one tab stop, arrow keys / Page Up / Page Down / Home /
 * End move the active row (`aria-activedescendant`), Enter or Space explains it.
 * Its view (filter, sort, columns) can be kept by the parent (`prefs`).
 */
import { Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useDeferredValue, useId, useMemo, useState } from "react";
import type { Lang } from "../../engine/lang";
import type { CustomerResult } from "../../engine/portfolio/review";
import { BAND_LABELS } from "../../engine/portfolio/texts";
import { BANDS } from "../../engine/scoring/model";
import type { ListColumnId, ReviewStrings } from "../i18n";
import * as fmt from "../format";
import { LIST_ROW_HEIGHT } from "../theme";
import { useWidth } from "./charts/kit";
import { ColumnPicker } from "./ColumnPicker";
import { CustomerRow } from "./CustomerRow";
import { INITIAL_LIST, type BandFilter, type ListPrefs } from "./flow";
import { COLUMN_WIDTH, customerLabel, defaultColumns, listView, minWidthEm } from "./list-view";
import { ListHeader } from "./ListHeader";
import { useVirtualList } from "./useVirtualList";

export { customerLabel, listView } from "./list-view";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  filters: {
    display: "flex",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    alignItems: "flex-end",
    flexWrap: "wrap",
  },
  filterText: { flexGrow: 1, flexBasis: "9em", minWidth: 0 },
  bandFilter: { minWidth: "7em" },
  frame: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowX: "auto",
    overflowY: "hidden",
  },
  table: { fontSize: tokens.fontSizeBase200 },
  scroller: {
    position: "relative",
    overflowY: "auto",
    overflowX: "hidden",
    outlineStyle: "none",
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  active: {
    minHeight: tokens.lineHeightBase200,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: "anywhere",
  },
  footer: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  empty: { padding: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground3 },
});

export interface CustomerListProps {
  results: readonly (CustomerResult | null)[];
  lang: Lang;
  t: ReviewStrings;
  /** Row (0-based data row) shown in the explanation, or null. */
  selectedRow: number | null;
  onSelect: (row: number) => void;
  /** Stage name of a customer in the UI language. */
  stageName: (c: CustomerResult) => string;
  /** Height of the scrolling area in px (default 320). */
  height?: number;
  /** The view, when the parent keeps it (else the list keeps its own). */
  prefs?: ListPrefs;
  onPrefs?: (p: Partial<ListPrefs>) => void;
}

export function CustomerList({
  results,
  lang,
  t,
  selectedRow,
  onSelect,
  stageName,
  height = 320,
  prefs: given,
  onPrefs,
}: CustomerListProps) {
  const s = useStyles();
  const baseId = useId();
  const [own, setOwn] = useState<ListPrefs>(INITIAL_LIST);
  const prefs = given ?? own;
  const setPrefs = useCallback((p: Partial<ListPrefs>) => (onPrefs ? onPrefs(p) : setOwn((o) => ({ ...o, ...p }))), [onPrefs]);
  const needle = useDeferredValue(prefs.text);
  const [widthRef, width] = useWidth();

  const search = useMemo(() => results.map((c) => (c ? `${c.id ?? ""} ${c.name ?? ""}`.toLowerCase() : "")), [results]);
  const view = useMemo(() => listView(results, search, needle, prefs.band, prefs.sort), [results, search, needle, prefs.band, prefs.sort]);
  const total = view.length;
  const totalCustomers = useMemo(() => results.reduce((n, c) => n + (c && !c.blank ? 1 : 0), 0), [results]);
  const withStage = useMemo(() => results.some((c) => c !== null && c.dunningStageNumber !== null), [results]);
  const columns: ListColumnId[] = ["customer", ...(prefs.columns ?? defaultColumns(width, withStage))];
  const grid = columns.map((c) => COLUMN_WIDTH[c]).join(" ");
  const v = useVirtualList({
    view,
    height,
    selectedRow,
    onSelect,
    resetKey: `${needle}|${prefs.band}|${prefs.sort?.column}|${prefs.sort?.dir}`,
  });
  // The active row's full name (it may be cut with an ellipsis in its row), shown under the list while it has the focus.
  const activeC = v.focused && total > 0 ? (results[view[v.activePos]] as CustomerResult | undefined) : undefined;
  const activeName = activeC ? [customerLabel(activeC, t), activeC.name].filter(Boolean).join(" · ") : "";

  const rows = [];
  for (let pos = v.first; pos < v.last; pos++) {
    const c = results[view[pos]] as CustomerResult;
    rows.push(
      <CustomerRow
        key={c.row}
        c={c}
        pos={pos}
        total={total}
        top={pos * LIST_ROW_HEIGHT}
        id={`${baseId}-opt-${pos}`}
        grid={grid}
        columns={columns}
        active={v.focused && pos === v.activePos}
        selected={c.row === selectedRow}
        lang={lang}
        t={t}
        stage={stageName(c)}
        onPick={v.pick}
      />,
    );
  }
  const bandOptions: BandFilter[] = ["all", ...BANDS, "not_scored"];
  const listId = `${baseId}-list`;

  return (
    <div className={s.root} ref={widthRef}>
      <div className={s.filters}>
        <Field label={t.list.filter} className={s.filterText}>
          <Input type="search" value={prefs.text} placeholder={t.list.filterPlaceholder} onChange={(_, d) => setPrefs({ text: d.value })} />
        </Field>
        <Field label={t.list.bandFilter} className={s.bandFilter}>
          <Select value={prefs.band} onChange={(_, d) => setPrefs({ band: d.value as BandFilter })}>
            {bandOptions.map((b) => (
              <option key={b} value={b}>
                {b === "all" ? t.list.allBands : BAND_LABELS[b][lang]}
              </option>
            ))}
          </Select>
        </Field>
        <ColumnPicker columns={columns.slice(1)} onChange={(c) => setPrefs({ columns: c })} t={t} />
      </div>
      <div className={s.frame}>
        <div className={s.table} style={{ minWidth: `${minWidthEm(columns)}em` }}>
          <ListHeader columns={columns} grid={grid} sort={prefs.sort} onSort={(sort) => setPrefs({ sort })} listId={listId} t={t} />
          <div
            id={listId}
            ref={v.scroller}
            role="listbox"
            tabIndex={0}
            aria-label={t.list.gridLabel}
            aria-activedescendant={total > 0 ? `${baseId}-opt-${v.activePos}` : undefined}
            aria-describedby={`${baseId}-hint`}
            className={s.scroller}
            style={{ height: Math.min(height, Math.max(LIST_ROW_HEIGHT * 2, total * LIST_ROW_HEIGHT)) }}
            onScroll={v.onScroll}
            onKeyDown={v.onKeyDown}
            onFocus={() => v.setFocused(true)}
            onBlur={() => v.setFocused(false)}
            data-testid="customer-list"
          >
            <div style={{ height: total * LIST_ROW_HEIGHT, position: "relative" }}>{rows}</div>
            {total === 0 ? <div className={s.empty}>{t.list.empty}</div> : null}
          </div>
        </div>
      </div>
      <div className={s.active} aria-hidden="true" data-testid="active-customer">
        {activeName}
      </div>
      <div className={s.footer} aria-live="polite" id={`${baseId}-hint`}>
        {t.list.shown(fmt.count(total, lang), fmt.count(totalCustomers, lang))} {t.list.keyboardHint}
      </div>
    </div>
  );
}
