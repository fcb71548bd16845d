/**
 * Customers and exposure per band: two horizontal bar panels side by side
 * sharing the band labels, bars in the band colours, each value written at
 * the end of its bar. Its accessible name carries every value.
 */
import type { Lang } from "../../../engine/lang";
import type { BandKey } from "../../../engine/portfolio/texts";
import * as fmt from "../../format";
import { BAND_COLOURS } from "../../theme";
import { FONT, textWidth, useChartStyles, useWidth } from "./kit";

export interface BandBar {
  band: BandKey;
  label: string;
  count: number;
  exposure: number;
}

export function BandChart({
  bars,
  lang,
  titles,
  label,
}: {
  bars: BandBar[];
  lang: Lang;
  titles: { count: string; exposure: string };
  label: string;
}) {
  const s = useChartStyles();
  const [ref, W] = useWidth();
  const rowH = 24;
  const top = 22;
  const labelW = Math.max(24, ...bars.map((b) => textWidth(b.label))) + 8;
  const gap = 16;
  const panelW = (W - labelW - gap) / 2;
  const h = top + bars.length * rowH + 4;
  const panel = (x0: number, value: (b: BandBar) => number, text: (b: BandBar) => string, title: string) => {
    const max = Math.max(1, ...bars.map(value));
    const room = panelW - Math.max(...bars.map((b) => textWidth(text(b)))) - 6;
    return (
      <g>
        <text x={x0} y={FONT + 2} className={s.title}>
          {title}
        </text>
        {bars.map((b, i) => {
          const y = top + i * rowH;
          const w = Math.max(value(b) > 0 ? 2 : 0, (value(b) / max) * Math.max(8, room));
          return (
            <g key={b.band}>
              <rect x={x0} y={y + 4} width={w} height={rowH - 8} rx={2} fill={BAND_COLOURS[b.band].fill} />
              <text x={x0 + w + 4} y={y + rowH / 2 + 4} className={s.value}>
                {text(b)}
              </text>
            </g>
          );
        })}
      </g>
    );
  };
  return (
    <div ref={ref} className={s.frame}>
      <svg className={s.svg} width={W} height={h} viewBox={`0 0 ${W} ${h}`} role="img" aria-label={label} data-testid="band-chart">
        {bars.map((b, i) => (
          <text key={b.band} x={labelW - 8} y={top + i * rowH + rowH / 2 + 4} textAnchor="end" className={s.label}>
            {b.label}
          </text>
        ))}
        <line x1={labelW - 2} x2={labelW - 2} y1={top} y2={h - 4} className={s.axis} />
        {panel(
          labelW,
          (b) => b.count,
          (b) => fmt.count(b.count, lang),
          titles.count,
        )}
        <line x1={labelW + panelW + gap / 2} x2={labelW + panelW + gap / 2} y1={top} y2={h - 4} className={s.axis} />
        {panel(
          labelW + panelW + gap,
          (b) => b.exposure,
          (b) => fmt.compact(b.exposure, lang),
          titles.exposure,
        )}
      </svg>
    </div>
  );
}
