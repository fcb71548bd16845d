/**
 * Hand-written SVG charts of the review (no chart library: the bundle stays
 * lean). Each chart scales to the pane's width (fixed viewBox), carries an
 * accessible name with its values, and the heat map and waterfall also render
 * a data table for screen readers.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Lang } from "../../engine/lang";
import type { BandKey } from "../../engine/portfolio/texts";
import type { Explanation } from "../../engine/portfolio/explain";
import * as fmt from "../format";
import { BAND_COLOURS, VISUALLY_HIDDEN } from "../theme";

const W = 320;
const FONT = 11;

export const useChartStyles = makeStyles({
  svg: { display: "block", width: "100%", height: "auto", overflow: "visible", fontFamily: tokens.fontFamilyBase },
  label: { fill: tokens.colorNeutralForeground2, fontSize: `${FONT}px` },
  value: { fill: tokens.colorNeutralForeground1, fontSize: `${FONT}px` },
  small: { fill: tokens.colorNeutralForeground3, fontSize: "9.5px" },
  title: { fill: tokens.colorNeutralForeground1, fontSize: `${FONT}px`, fontWeight: tokens.fontWeightSemibold },
  axis: { stroke: tokens.colorNeutralStroke2, strokeWidth: 1 },
  visuallyHidden: VISUALLY_HIDDEN,
});

/** Text width estimate in px (CJK characters count double). */
function textWidth(s: string, size = FONT): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? size : size * 0.58;
  return w;
}

export interface BandBar {
  band: BandKey;
  label: string;
  count: number;
  exposure: number;
}

/**
 * Two horizontal bar panels side by side sharing the band labels: customers
 * per band and exposure per band, bars in the band colours.
 */
export function BandChart({ bars, lang, titles, label }: { bars: BandBar[]; lang: Lang; titles: { count: string; exposure: string }; label: string }) {
  const s = useChartStyles();
  const rowH = 24;
  const top = 20;
  const labelW = Math.max(28, ...bars.map((b) => textWidth(b.label))) + 8;
  const gap = 14;
  const panelW = (W - labelW - gap) / 2;
  const maxCount = Math.max(1, ...bars.map((b) => b.count));
  const maxExp = Math.max(1, ...bars.map((b) => b.exposure));
  const h = top + bars.length * rowH + 4;
  const panel = (x0: number, value: (b: BandBar) => number, max: number, text: (b: BandBar) => string, title: string) => (
    <g>
      <text x={x0} y={12} className={s.title}>
        {title}
      </text>
      {bars.map((b, i) => {
        const y = top + i * rowH;
        const valueText = text(b);
        const room = panelW - textWidth(valueText) - 6;
        const w = Math.max(value(b) > 0 ? 2 : 0, (value(b) / max) * Math.max(10, room));
        return (
          <g key={b.band}>
            <rect x={x0} y={y + 4} width={w} height={rowH - 8} rx={2} fill={BAND_COLOURS[b.band].fill} />
            <text x={x0 + w + 4} y={y + rowH / 2 + 4} className={s.value}>
              {valueText}
            </text>
          </g>
        );
      })}
    </g>
  );
  return (
    <svg className={s.svg} viewBox={`0 0 ${W} ${h}`} role="img" aria-label={label} data-testid="band-chart">
      {bars.map((b, i) => (
        <text key={b.band} x={labelW - 8} y={top + i * rowH + rowH / 2 + 4} textAnchor="end" className={s.label}>
          {b.label}
        </text>
      ))}
      <line x1={labelW - 2} x2={labelW - 2} y1={top} y2={h - 4} className={s.axis} />
      {panel(labelW, (b) => b.count, maxCount, (b) => fmt.count(b.count, lang), titles.count)}
      <line x1={labelW + panelW + gap / 2} x2={labelW + panelW + gap / 2} y1={top} y2={h - 4} className={s.axis} />
      {panel(labelW + panelW + gap, (b) => b.exposure, maxExp, (b) => fmt.compact(b.exposure, lang), titles.exposure)}
    </svg>
  );
}

/** Colours of the aging buckets: current in brand blue, then warmer as they age. */
const AGING_FILLS = ["#0F6CBD", "#F7C948", "#F4A259", "#E0592A", "#C50F1F", "#8E0A15"];

/** Fill of aging bucket `k` of `n` (0 = current). @example agingFill(0, 5) === "#0F6CBD" */
export function agingFill(k: number, n: number): string {
  if (k === 0) return AGING_FILLS[0];
  const overdue = AGING_FILLS.length - 1;
  const i = n <= overdue + 1 ? k : 1 + Math.round(((k - 1) * (overdue - 1)) / Math.max(1, n - 2));
  return AGING_FILLS[Math.min(AGING_FILLS.length - 1, i)];
}

/** Vertical bars of the open amount per aging bucket. */
export function AgingChart({ labels, amounts, lang, label }: { labels: string[]; amounts: number[]; lang: Lang; label: string }) {
  const s = useChartStyles();
  const h = 150;
  const base = h - 30;
  const top = 18;
  const n = labels.length;
  const slot = W / n;
  const bw = Math.min(40, slot * 0.62);
  const max = Math.max(1, ...amounts);
  return (
    <svg className={s.svg} viewBox={`0 0 ${W} ${h}`} role="img" aria-label={label} data-testid="aging-chart">
      <line x1={0} x2={W} y1={base + 0.5} y2={base + 0.5} className={s.axis} />
      {labels.map((l, k) => {
        const v = amounts[k] ?? 0;
        const bh = v > 0 ? Math.max(2, ((base - top) * v) / max) : 0;
        const cx = slot * k + slot / 2;
        return (
          <g key={l}>
            <rect x={cx - bw / 2} y={base - bh} width={bw} height={bh} rx={2} fill={agingFill(k, n)} />
            <text x={cx} y={base - bh - 4} textAnchor="middle" className={s.value}>
              {fmt.compact(v, lang)}
            </text>
            <text x={cx} y={base + 14} textAnchor="middle" className={s.label}>
              {l}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Splits a label into at most two lines at a space near its middle. */
function twoLines(label: string): string[] {
  if (textWidth(label, 9.5) < 44 || !label.includes(" ")) return [label];
  const words = label.split(" ");
  let best = 1, bestDiff = Infinity;
  for (let i = 1; i < words.length; i++) {
    const d = Math.abs(words.slice(0, i).join(" ").length - words.slice(i).join(" ").length);
    if (d < bestDiff) {
      bestDiff = d;
      best = i;
    }
  }
  return [words.slice(0, best).join(" "), words.slice(best).join(" ")];
}

/**
 * Heat map of exposure by band (rows) × aging bucket (columns): cell shade by
 * amount, the amount written in the cell, and a data table for screen readers.
 */
export function HeatMap({
  rows,
  columns,
  cells,
  lang,
  title,
  tableCaption,
  cornerLabel,
  rowBands,
}: {
  rows: string[];
  columns: string[];
  cells: number[][];
  lang: Lang;
  title: string;
  tableCaption: string;
  cornerLabel: string;
  rowBands: BandKey[];
}) {
  const s = useChartStyles();
  const labelW = Math.max(28, ...rows.map((r) => textWidth(r))) + 8;
  const headH = 30;
  const cellW = (W - labelW) / columns.length;
  const cellH = 26;
  const max = Math.max(1, ...cells.flat());
  const h = headH + rows.length * cellH + 2;
  return (
    <div>
      <svg className={s.svg} viewBox={`0 0 ${W} ${h}`} aria-hidden="true" data-testid="heat-map">
        {columns.map((c, k) => (
          <text key={c} x={labelW + cellW * k + cellW / 2} y={headH - (twoLines(c).length === 2 ? 16 : 6)} textAnchor="middle" className={s.small}>
            {twoLines(c).map((line, i) => (
              <tspan key={i} x={labelW + cellW * k + cellW / 2} dy={i === 0 ? 0 : 11}>
                {line}
              </tspan>
            ))}
          </text>
        ))}
        {rows.map((r, i) => (
          <g key={r}>
            <rect x={2} y={headH + i * cellH + 4} width={4} height={cellH - 8} fill={BAND_COLOURS[rowBands[i] ?? "not_scored"].fill} />
            <text x={labelW - 6} y={headH + i * cellH + cellH / 2 + 4} textAnchor="end" className={s.label}>
              {r}
            </text>
            {columns.map((c, k) => {
              const v = cells[i]?.[k] ?? 0;
              const a = v > 0 ? 0.1 + 0.85 * (v / max) : 0;
              return (
                <g key={c}>
                  <rect
                    x={labelW + cellW * k + 1}
                    y={headH + i * cellH + 1}
                    width={cellW - 2}
                    height={cellH - 2}
                    rx={2}
                    fill={v > 0 ? `rgba(197, 15, 31, ${a.toFixed(3)})` : tokens.colorNeutralBackground3}
                  />
                  <text
                    x={labelW + cellW * k + cellW / 2}
                    y={headH + i * cellH + cellH / 2 + 4}
                    textAnchor="middle"
                    className={s.small}
                    style={{ fill: a > 0.5 ? "#FFFFFF" : tokens.colorNeutralForeground1 }}
                  >
                    {v > 0 ? fmt.compact(v, lang) : "–"}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </svg>
      <div className={s.visuallyHidden}>
        <table data-testid="heat-map-table">
          <caption>{tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{cornerLabel}</th>
              {columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r}>
                <th scope="row">{r}</th>
                {columns.map((c, k) => (
                  <td key={c}>{fmt.amount(cells[i]?.[k] ?? 0, lang)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <span className={s.visuallyHidden}>{title}</span>
    </div>
  );
}

/**
 * The points waterfall of one customer: the neutral score, then each
 * observed factor's contribution (points − neutral points) as a floating bar
 * on a 0–100 track (green adds, red takes away), then the score. It is a
 * real table (factor, value, bar, points) so screen readers read it row by
 * row; the bars are SVG and hidden from them.
 */
export function Waterfall({
  explanation,
  lang,
  labels,
}: {
  explanation: Explanation;
  lang: Lang;
  labels: { title: string; factor: string; value: string; points: string; total: string; derived: string };
}) {
  const s = useWaterfallStyles();
  const steps = explanation.groups.flatMap((g) => g.steps).filter((st) => st.observed);
  const base = explanation.base.points;
  type Row = { key: string; label: string; value: string; from: number; to: number; kind: "base" | "up" | "down" | "total"; text: string };
  const rows: Row[] = [{ key: "base", label: explanation.base.label, value: "", from: 0, to: base, kind: "base", text: fmt.score(base, lang) }];
  let run = base;
  for (const st of steps) {
    const next = run + st.contribution;
    rows.push({
      key: st.key,
      label: st.label,
      value: st.derived ? `${st.valueText} (${labels.derived})` : st.valueText,
      from: run,
      to: next,
      kind: st.contribution >= 0 ? "up" : "down",
      text: fmt.signedPoints(st.contribution, lang),
    });
    run = next;
  }
  if (explanation.bound.points !== 0) {
    // The score is kept within 0–100: the cut shows as its own step.
    const b = explanation.bound;
    rows.push({ key: "bound", label: b.label, value: "", from: run, to: run + b.points, kind: b.points >= 0 ? "up" : "down", text: fmt.signedPoints(b.points, lang) });
  }
  rows.push({ key: "total", label: labels.total, value: "", from: 0, to: explanation.score, kind: "total", text: fmt.score(explanation.score, lang) });
  const fill = { base: tokens.colorNeutralForeground3, up: "#107C10", down: "#C50F1F", total: tokens.colorBrandBackground };
  // Axis: zoom on the range the running score moves in (bars of the base and the score start at the axis).
  const values = rows.flatMap((r) => [r.from, r.to]).filter((v, i) => i % 2 === 1 || v > 0);
  const lo = Math.max(0, Math.floor((Math.min(...values) - 4) / 5) * 5);
  const hi = Math.min(100, Math.ceil((Math.max(...values) + 2) / 5) * 5);
  const clamp = (p: number) => (100 * (Math.max(lo, Math.min(hi, p)) - lo)) / Math.max(1, hi - lo);
  return (
    <table className={s.table} data-testid="waterfall">
      <caption className={s.caption}>{labels.title}</caption>
      <thead className={s.hidden}>
        <tr>
          <th scope="col">{labels.factor}</th>
          <th scope="col">{labels.value}</th>
          <th scope="col" />
          <th scope="col">{labels.points}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const a = clamp(Math.min(r.from, r.to));
          const b = clamp(Math.max(r.from, r.to));
          const strong = r.kind === "total" || r.kind === "base";
          return (
            <tr key={r.key} className={s.row}>
              <th scope="row" className={mergeClasses(s.label, strong && s.strong)}>
                {r.label}
              </th>
              <td className={s.value}>{r.value}</td>
              <td className={s.barCell} aria-hidden="true">
                <svg className={s.bar} viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
                  <rect x={0} y={4.5} width={100} height={1} fill={tokens.colorNeutralStroke3} />
                  <rect x={a} y={1} width={Math.max(0.6, b - a)} height={8} rx={0.8} fill={fill[r.kind]} />
                </svg>
              </td>
              <td className={mergeClasses(s.points, strong && s.strong)}>{r.text}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

const useWaterfallStyles = makeStyles({
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, tableLayout: "fixed" },
  caption: VISUALLY_HIDDEN,
  hidden: VISUALLY_HIDDEN,
  row: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  label: { textAlign: "left", fontWeight: tokens.fontWeightRegular, padding: `2px ${tokens.spacingHorizontalXS} 2px 0`, width: "38%", overflowWrap: "anywhere" },
  value: { color: tokens.colorNeutralForeground3, padding: `2px ${tokens.spacingHorizontalXS}`, width: "18%", overflowWrap: "anywhere" },
  barCell: { padding: "2px 0", width: "30%" },
  bar: { display: "block", width: "100%", height: "12px" },
  points: { textAlign: "right", padding: "2px 0 2px 4px", width: "14%", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  strong: { fontWeight: tokens.fontWeightSemibold },
});
