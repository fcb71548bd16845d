/**
 * Exposure by band (rows) × aging bucket (columns): cell shade by amount, the
 * amount written in the cell, a band swatch left of each row label (never
 * under it), and a data table for screen readers (the drawing is hidden from them).
 */
import type { Lang } from "../../../engine/lang";
import type { BandKey } from "../../../engine/portfolio/texts";
import * as fmt from "../../format";
import { BAND_COLOURS } from "../../theme";
import { tokens } from "@fluentui/react-components";
import { FONT, SMALL, textWidth, useChartStyles, useWidth, wrapLabel } from "./kit";

export interface HeatMapProps {
  rows: string[];
  columns: string[];
  cells: number[][];
  lang: Lang;
  title: string;
  tableCaption: string;
  cornerLabel: string;
  rowBands: BandKey[];
}

const SWATCH = 4;

export function HeatMap({ rows, columns, cells, lang, title, tableCaption, cornerLabel, rowBands }: HeatMapProps) {
  const s = useChartStyles();
  const [ref, W] = useWidth();
  const rowLines = rows.map((r) => wrapLabel(r, 44, FONT));
  const labelW = SWATCH + 6 + Math.max(...rowLines.flat().map((l) => textWidth(l))) + 6;
  const cellW = (W - labelW) / columns.length;
  const colLines = columns.map((c) => wrapLabel(c, cellW - 2, SMALL, 3));
  const headH = Math.max(...colLines.map((x) => x.length)) * (SMALL + 1) + 6;
  const cellH = 28;
  const max = Math.max(1, ...cells.flat());
  const h = headH + rows.length * cellH + 2;
  return (
    <div ref={ref} className={s.frame}>
      <svg className={s.svg} width={W} height={h} viewBox={`0 0 ${W} ${h}`} aria-hidden="true" data-testid="heat-map">
        {colLines.map((lines, k) => (
          <text
            key={k}
            x={labelW + cellW * k + cellW / 2}
            y={headH - 6 - (lines.length - 1) * (SMALL + 1)}
            textAnchor="middle"
            className={s.small}
          >
            {lines.map((line, i) => (
              <tspan key={i} x={labelW + cellW * k + cellW / 2} dy={i === 0 ? 0 : SMALL + 1}>
                {line}
              </tspan>
            ))}
          </text>
        ))}
        {rows.map((r, i) => {
          const y0 = headH + i * cellH;
          const lines = rowLines[i];
          return (
            <g key={r}>
              <rect x={0} y={y0 + 4} width={SWATCH} height={cellH - 8} fill={BAND_COLOURS[rowBands[i] ?? "not_scored"].fill} />
              <text x={SWATCH + 6} y={y0 + cellH / 2 + 4 - ((lines.length - 1) * (FONT + 1)) / 2} className={s.label}>
                {lines.map((line, j) => (
                  <tspan key={j} x={SWATCH + 6} dy={j === 0 ? 0 : FONT + 1}>
                    {line}
                  </tspan>
                ))}
              </text>
              {columns.map((c, k) => {
                const v = cells[i]?.[k] ?? 0;
                const a = v > 0 ? 0.1 + 0.85 * (v / max) : 0;
                const x = labelW + cellW * k;
                return (
                  <g key={c}>
                    <rect
                      x={x + 1}
                      y={y0 + 1}
                      width={cellW - 2}
                      height={cellH - 2}
                      rx={2}
                      fill={v > 0 ? `rgba(197, 15, 31, ${a.toFixed(3)})` : tokens.colorNeutralBackground3}
                    />
                    <text
                      x={x + cellW / 2}
                      y={y0 + cellH / 2 + 4}
                      textAnchor="middle"
                      className={s.small}
                      style={{ fill: a > 0.5 ? "#FFFFFF" : tokens.colorNeutralForeground1 }}
                    >
                      {v > 0 ? fmt.compact2(v, lang) : "–"}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
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
