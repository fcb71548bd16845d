/**
 * The points waterfall of one customer: the neutral score, then each
 * observed factor's contribution (points − neutral points) as a floating bar
 * on a 0–100 track (green adds, red takes away), then the score. It is a real
 * table (factor, value, bar, points) so screen readers read it row by row;
 * the bars are SVG and hidden from them. Its text is HTML at the pane's type
 * size, so it does not scale with the width.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Lang } from "../../../engine/lang";
import type { Explanation } from "../../../engine/portfolio/explain";
import * as fmt from "../../format";
import { VISUALLY_HIDDEN } from "../../theme";

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
  const rows: Row[] = [
    { key: "base", label: explanation.base.label, value: "", from: 0, to: base, kind: "base", text: fmt.score(base, lang) },
  ];
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
    rows.push({
      key: "bound",
      label: b.label,
      value: "",
      from: run,
      to: run + b.points,
      kind: b.points >= 0 ? "up" : "down",
      text: fmt.signedPoints(b.points, lang),
    });
  }
  rows.push({
    key: "total",
    label: labels.total,
    value: "",
    from: 0,
    to: explanation.score,
    kind: "total",
    text: fmt.score(explanation.score, lang),
  });
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
  label: {
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
    padding: `2px ${tokens.spacingHorizontalXS} 2px 0`,
    width: "38%",
    overflowWrap: "anywhere",
  },
  value: { color: tokens.colorNeutralForeground3, padding: `2px ${tokens.spacingHorizontalXS}`, width: "18%", overflowWrap: "anywhere" },
  barCell: { padding: "2px 0", width: "30%" },
  bar: { display: "block", width: "100%", height: "12px" },
  points: { textAlign: "right", padding: "2px 0 2px 4px", width: "14%", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  strong: { fontWeight: tokens.fontWeightSemibold },
});
