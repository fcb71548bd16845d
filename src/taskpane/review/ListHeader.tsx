/** The customer list's header: one sort button per column shown (first click: best/largest first for numbers). */
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { ListColumnId, ReviewStrings } from "../i18n";
import type { ListSort } from "./flow";

const useStyles = makeStyles({
  header: {
    display: "grid",
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  sort: {
    minWidth: 0,
    justifyContent: "flex-start",
    paddingLeft: tokens.spacingHorizontalXXS,
    paddingRight: tokens.spacingHorizontalXXS,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    overflow: "hidden",
    whiteSpace: "nowrap",
  },
  numSort: { justifyContent: "flex-end" },
  /** A header label too long for its column ends in "…" instead of losing its first letters. */
  label: { minWidth: 0, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
});

const NUMERIC: ReadonlySet<ListColumnId> = new Set(["score", "exposure", "limit", "headroom"]);

/** The next sort after clicking `column`: first direction, the other, then none. */
export function nextSort(prev: ListSort, column: ListColumnId): ListSort {
  const numeric = column !== "customer" && column !== "band";
  const firstDir: 1 | -1 = numeric ? -1 : 1;
  if (!prev || prev.column !== column) return { column, dir: firstDir };
  if (prev.dir === firstDir) return { column, dir: firstDir === 1 ? -1 : 1 };
  return null;
}

export interface ListHeaderProps {
  columns: readonly ListColumnId[];
  grid: string;
  sort: ListSort;
  onSort: (s: ListSort) => void;
  listId: string;
  t: ReviewStrings;
}

export function ListHeader({ columns, grid, sort, onSort, listId, t }: ListHeaderProps) {
  const s = useStyles();
  return (
    <div className={s.header} style={{ gridTemplateColumns: grid }}>
      {columns.map((col) => {
        const on = sort?.column === col;
        const arrow = on ? (sort?.dir === 1 ? "▲" : "▼") : "";
        return (
          <Button
            key={col}
            appearance="transparent"
            size="small"
            className={mergeClasses(s.sort, NUMERIC.has(col) && s.numSort)}
            aria-label={t.list.sortBy(t.list.columns[col])}
            aria-pressed={on}
            aria-controls={listId}
            onClick={() => onSort(nextSort(sort, col))}
            title={t.list.columns[col]}
          >
            <span className={s.label}>{t.list.columns[col]}</span>
            {arrow ? <span aria-hidden="true">&nbsp;{arrow}</span> : null}
          </Button>
        );
      })}
    </div>
  );
}
