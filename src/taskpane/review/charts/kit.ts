/**
 * What the hand-written SVG charts share (no chart library: the bundle stays
 * lean). Each chart is drawn for the width it gets, measured with a
 * ResizeObserver, one SVG unit per CSS pixel: its text keeps a fixed pixel
 * size (never below 10 px) and the bars reflow with the pane's width, instead
 * of a fixed drawing scaled up or down with its text.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useRef, useState } from "react";
import { VISUALLY_HIDDEN } from "../../theme";

/** Text size of chart labels and values (px). */
export const FONT = 12;
/** Text size of dense labels (heat-map cells and headers, px). */
export const SMALL = 11;
/** Width a chart is drawn for until it is measured (and in jsdom, which has no layout). */
export const DEFAULT_WIDTH = 320;

export const useChartStyles = makeStyles({
  frame: { width: "100%", minWidth: 0 },
  svg: { display: "block", maxWidth: "100%", height: "auto", overflow: "visible", fontFamily: tokens.fontFamilyBase },
  label: { fill: tokens.colorNeutralForeground2, fontSize: `${FONT}px` },
  value: { fill: tokens.colorNeutralForeground1, fontSize: `${FONT}px`, fontVariantNumeric: "tabular-nums" },
  small: { fill: tokens.colorNeutralForeground2, fontSize: `${SMALL}px` },
  title: { fill: tokens.colorNeutralForeground1, fontSize: `${FONT}px`, fontWeight: tokens.fontWeightSemibold },
  axis: { stroke: tokens.colorNeutralStroke2, strokeWidth: 1 },
  visuallyHidden: VISUALLY_HIDDEN,
});

/** Text width estimate in px (CJK characters count as a full em). */
export function textWidth(s: string, size = FONT): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? size : size * 0.58;
  return w;
}

/**
 * Splits a label into lines no wider than `max` px: at spaces, or between
 * CJK characters, at most `lines` lines. @example wrapLabel("No open invoices", 50, 10) → ["No open", "invoices"]
 */
export function wrapLabel(label: string, max: number, size = SMALL, lines = 2): string[] {
  if (textWidth(label, size) <= max) return [label];
  // Chinese text breaks between characters; a Latin word is never split ("Current" stays whole, even if a little wider).
  const cjk = !label.includes(" ") && /[\u2e80-\u9fff\uff00-\uffef]/.test(label);
  if (!cjk && !label.includes(" ")) return [label];
  const parts = cjk ? [...label] : label.split(" ");
  const out: string[] = [];
  let cur = "";
  for (const p of parts) {
    const next = cur ? (cjk ? cur + p : `${cur} ${p}`) : p;
    if (cur && textWidth(next, size) > max && out.length < lines - 1) {
      out.push(cur);
      cur = p;
    } else cur = next;
  }
  out.push(cur);
  return out;
}

/** A ref for a chart's container and the width it has (px, whole). */
export function useWidth(fallback = DEFAULT_WIDTH): [(el: HTMLElement | null) => void, number] {
  const [width, setWidth] = useState(fallback);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((el: HTMLElement | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!el || typeof ResizeObserver === "undefined") return;
    const measure = (w: number) => (w > 0 ? setWidth(Math.floor(w)) : undefined);
    measure(el.getBoundingClientRect().width);
    observer.current = new ResizeObserver((entries) => measure(entries[0]?.contentRect.width ?? 0));
    observer.current.observe(el);
  }, []);
  return [ref, width];
}
