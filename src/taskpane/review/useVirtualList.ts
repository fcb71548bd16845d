/**
 * Scrolling and keyboard of the virtualised customer list: which positions
 * are rendered (the rows in view plus a few), the active row, and following
 * a selection made elsewhere (the sheet). A new filter or sort starts at the top.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type UIEvent } from "react";
import { LIST_ROW_HEIGHT } from "../theme";

const OVERSCAN = 6;

export interface VirtualListOptions {
  view: Int32Array;
  height: number;
  selectedRow: number | null;
  onSelect: (row: number) => void;
  /** Changes when the filter or sort changes. */
  resetKey: string;
}

export function useVirtualList({ view, height, selectedRow, onSelect, resetKey }: VirtualListOptions) {
  const [scrollTop, setScrollTop] = useState(0);
  const [active, setActive] = useState(0);
  const [focused, setFocused] = useState(false);
  const scroller = useRef<HTMLDivElement>(null);
  const total = view.length;
  const first = Math.max(0, Math.floor(scrollTop / LIST_ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(total, Math.ceil((scrollTop + height) / LIST_ROW_HEIGHT) + OVERSCAN);
  const activePos = Math.min(active, Math.max(0, total - 1));

  const scrollTo = useCallback(
    (pos: number) => {
      const top = pos * LIST_ROW_HEIGHT;
      let next = scrollTop;
      if (top < scrollTop) next = top;
      else if (top + LIST_ROW_HEIGHT > scrollTop + height) next = top + LIST_ROW_HEIGHT - height;
      if (next !== scrollTop) {
        if (scroller.current) scroller.current.scrollTop = next;
        setScrollTop(next);
      }
    },
    [scrollTop, height],
  );

  // Follow a selection made elsewhere (the sheet): show its row if it is in the list.
  useEffect(() => {
    if (selectedRow === null || view[activePos] === selectedRow) return;
    const pos = view.indexOf(selectedRow);
    if (pos >= 0) {
      setActive(pos);
      scrollTo(pos);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedRow, view]);

  // A new filter or sort starts at the top (not on mount: a selection may already have scrolled).
  const mounted = useRef(false);
  useEffect(() => {
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    setActive(0);
    setScrollTop(0);
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [resetKey]);

  const pick = useCallback(
    (pos: number) => {
      setActive(pos);
      scroller.current?.focus();
      onSelect(view[pos]);
    },
    [onSelect, view],
  );

  const moves: Record<string, (p: number, page: number) => number> = {
    ArrowDown: (p) => p + 1,
    ArrowUp: (p) => p - 1,
    PageDown: (p, page) => p + page,
    PageUp: (p, page) => p - page,
    Home: () => 0,
    End: () => total - 1,
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (total === 0) return;
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      onSelect(view[activePos]);
      return;
    }
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    const next = Math.max(0, Math.min(total - 1, move(activePos, Math.max(1, Math.floor(height / LIST_ROW_HEIGHT) - 1))));
    setActive(next);
    scrollTo(next);
  };
  const onScroll = (e: UIEvent<HTMLDivElement>) => setScrollTop((e.target as HTMLDivElement).scrollTop);

  return { scroller, first, last, activePos, focused, setFocused, pick, onKeyDown, onScroll };
}
