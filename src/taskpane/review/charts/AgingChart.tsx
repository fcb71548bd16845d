/** Vertical bars of the open amount per aging bucket, current in brand blue, then warmer as they age. */
import type { Lang } from "../../../engine/lang";
import * as fmt from "../../format";
import { FONT, useChartStyles, useWidth, wrapLabel } from "./kit";

const AGING_FILLS = ["#0F6CBD", "#F7C948", "#F4A259", "#E0592A", "#C50F1F", "#8E0A15"];

/** Fill of aging bucket `k` of `n` (0 = current). @example agingFill(0, 5) === "#0F6CBD" */
export function agingFill(k: number, n: number): string {
  if (k === 0) return AGING_FILLS[0];
  const overdue = AGING_FILLS.length - 1;
  const i = n <= overdue + 1 ? k : 1 + Math.round(((k - 1) * (overdue - 1)) / Math.max(1, n - 2));
  return AGING_FILLS[Math.min(AGING_FILLS.length - 1, i)];
}

export function AgingChart({ labels, amounts, lang, label }: { labels: string[]; amounts: number[]; lang: Lang; label: string }) {
  const s = useChartStyles();
  const [ref, W] = useWidth();
  const n = labels.length;
  const slot = W / n;
  const lines = labels.map((l) => wrapLabel(l, slot - 4, FONT));
  const labelH = Math.max(...lines.map((x) => x.length)) * (FONT + 2);
  const top = FONT + 6;
  const barH = 110;
  const base = top + barH;
  const h = base + labelH + 6;
  const bw = Math.min(44, slot * 0.62);
  const max = Math.max(1, ...amounts);
  return (
    <div ref={ref} className={s.frame}>
      <svg className={s.svg} width={W} height={h} viewBox={`0 0 ${W} ${h}`} role="img" aria-label={label} data-testid="aging-chart">
        <line x1={0} x2={W} y1={base + 0.5} y2={base + 0.5} className={s.axis} />
        {labels.map((l, k) => {
          const v = amounts[k] ?? 0;
          const bh = v > 0 ? Math.max(2, (barH * v) / max) : 0;
          const cx = slot * k + slot / 2;
          return (
            <g key={l}>
              <rect x={cx - bw / 2} y={base - bh} width={bw} height={bh} rx={2} fill={agingFill(k, n)} />
              <text x={cx} y={base - bh - 4} textAnchor="middle" className={s.value}>
                {fmt.compact(v, lang)}
              </text>
              <text x={cx} y={base + FONT + 3} textAnchor="middle" className={s.label}>
                {lines[k].map((line, i) => (
                  <tspan key={i} x={cx} dy={i === 0 ? 0 : FONT + 2}>
                    {line}
                  </tspan>
                ))}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
