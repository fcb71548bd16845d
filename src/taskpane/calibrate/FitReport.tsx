/**
 * The fit report of a history fit: cross-validated figures next to the
 * shipped model's, the weights, the points per bin of each factor as a small
 * bar chart (fixed 11 px text, fits a 350 px pane) and the band table.
 */
import { Caption1, Subtitle2, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Lang } from "../../engine/lang";
import type { FactorSpec, ScorecardModel } from "../../engine/scoring/model";
import { factorDef, isFactorKey } from "../../engine/scoring/factors";
import type { FitFigures, HistoryFit } from "../../engine/calibration/history-fit";
import { strings } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, maxWidth: "100%" },
  table: { tableLayout: "fixed", width: "100%", fontSize: "12px", lineHeight: "16px", borderCollapse: "collapse" },
  cell: {
    padding: "2px 4px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
  },
  head: {
    padding: "2px 4px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
  },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  chart: { display: "flex", flexDirection: "column", rowGap: "2px", maxWidth: "350px", margin: 0 },
  caption: { fontSize: "11px", lineHeight: "14px", fontWeight: tokens.fontWeightSemibold },
  bar: {
    display: "grid",
    gridTemplateColumns: "96px 1fr 36px",
    alignItems: "center",
    columnGap: "4px",
    fontSize: "11px",
    lineHeight: "14px",
  },
  label: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", color: tokens.colorNeutralForeground2 },
  track: { height: "10px", backgroundColor: tokens.colorNeutralBackground3, borderRadius: "2px" },
  fill: { height: "10px", backgroundColor: tokens.colorBrandBackground, borderRadius: "2px" },
  fillNr: { height: "10px", backgroundColor: tokens.colorPaletteMarigoldBackground3, borderRadius: "2px" },
  value: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  charts: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
});

const pct = (x: number, lang: Lang): string =>
  Number.isFinite(x) ? (x * 100).toLocaleString(lang === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: 1 }) + " %" : "–";
const num = (x: number, d: number): string => (Number.isFinite(x) ? x.toFixed(d) : "–");
const short = (x: number): string => String(Number(x.toPrecision(3)));

/** Label of bin k of a factor: "< a", "a – b", "≥ b". */
export function binLabel(edges: readonly number[], k: number): string {
  if (edges.length === 0) return "all";
  if (k === 0) return `< ${short(edges[0])}`;
  if (k === edges.length) return `≥ ${short(edges[k - 1])}`;
  return `${short(edges[k - 1])} – ${short(edges[k])}`;
}

export function factorName(key: string, lang: Lang): string {
  return isFactorKey(key) ? factorDef(key).label[lang] : key;
}

/** Points per bin of one factor as horizontal bars (width ∝ points, scale shared by all factors). */
export function PointsChart({ factor, scale, lang }: { factor: FactorSpec; scale: number; lang: Lang }) {
  const s = useStyles();
  const t = strings[lang].calibrate;
  const name = factorName(factor.key, lang);
  const bars = factor.points.map((p, k) => ({ label: binLabel(factor.edges, k), points: p, nr: false }));
  if (factor.notReportedPoints !== undefined) bars.push({ label: t.notReported, points: factor.notReportedPoints, nr: true });
  return (
    <figure className={s.chart} aria-label={t.pointsCaption(name)} data-testid={`points-${factor.key}`}>
      <figcaption className={s.caption}>{name}</figcaption>
      {bars.map((b, k) => (
        <div className={s.bar} key={k}>
          <span className={s.label} title={b.label}>
            {b.label}
          </span>
          <span className={s.track} aria-hidden="true">
            <span
              style={{ display: "block", width: `${scale > 0 ? Math.min(100, (b.points / scale) * 100) : 0}%` }}
              className={b.nr ? s.fillNr : s.fill}
            />
          </span>
          <span className={s.value}>{b.points.toFixed(1)}</span>
        </div>
      ))}
    </figure>
  );
}

/** The factors the report charts: those the fit weighted, else those the history gave. */
function chartedFactors(model: ScorecardModel, fit: HistoryFit, given: readonly string[]): FactorSpec[] {
  const weighted = Object.keys(fit.weights);
  const keys = new Set(weighted.length ? weighted : given);
  return model.factors.filter((f) => keys.has(f.key) && (f.points.length > 1 || f.notReportedPoints !== undefined));
}

export interface FitReportProps {
  fit: HistoryFit;
  lang: Lang;
  /** Factor keys the history gives (for a levels fit, which weights nothing). */
  given: readonly string[];
}

export function FitReport({ fit, lang, given }: FitReportProps) {
  const s = useStyles();
  const t = strings[lang].calibrate;
  const rows: { label: string; get: (f: FitFigures) => string }[] = [
    { label: t.auc, get: (f) => num(f.auc, 3) },
    { label: t.ks, get: (f) => num(f.ks, 3) },
    { label: t.capture, get: (f) => pct(f.capture, lang) },
    { label: t.falseAlarm, get: (f) => pct(f.falseAlarm, lang) },
  ];
  const charted = chartedFactors(fit.model, fit, given);
  const scale = Math.max(1, ...charted.flatMap((f) => [...f.points, f.notReportedPoints ?? 0]));
  const weights = Object.entries(fit.weights);
  return (
    <section className={s.root} aria-label={t.reportHeading(t.stages[fit.stage])} data-testid="fit-report">
      <Subtitle2 as="h3">{t.reportHeading(t.stages[fit.stage])}</Subtitle2>
      <Caption1>{t.cvHeading(String(fit.cv.folds))}</Caption1>
      {fit.cv.measurable ? (
        <table className={s.table} aria-label={t.cvHeading(String(fit.cv.folds))}>
          <thead>
            <tr>
              <th scope="col" className={s.head}>
                {t.metric}
              </th>
              <th scope="col" className={mergeClasses(s.head, s.num)}>
                {t.fitted}
              </th>
              <th scope="col" className={mergeClasses(s.head, s.num)}>
                {t.shipped}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <td className={s.cell}>{r.label}</td>
                <td className={mergeClasses(s.cell, s.num)}>{r.get(fit.cv.fitted)}</td>
                <td className={mergeClasses(s.cell, s.num)}>{r.get(fit.cv.shipped)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <Text size={200}>{t.notMeasurable}</Text>
      )}

      <Subtitle2 as="h4">{t.weightsHeading}</Subtitle2>
      {weights.length ? (
        <Text size={200} data-testid="fit-weights">
          {weights.map(([k, w]) => `${factorName(k, lang)} ${num(w as number, 2)}`).join(lang === "zh" ? "；" : "; ")}
        </Text>
      ) : (
        <Text size={200}>{t.weightsNone}</Text>
      )}

      {charted.length ? (
        <>
          <Subtitle2 as="h4">{t.pointsHeading}</Subtitle2>
          <div className={s.charts}>
            {charted.map((f) => (
              <PointsChart key={f.key} factor={f} scale={scale} lang={lang} />
            ))}
          </div>
        </>
      ) : null}

      <Subtitle2 as="h4">{t.bandsHeading}</Subtitle2>
      <table className={s.table} aria-label={t.bandsHeading}>
        <thead>
          <tr>
            <th scope="col" className={s.head}>
              {t.band}
            </th>
            <th scope="col" className={mergeClasses(s.head, s.num)}>
              {t.cutoff}
            </th>
            <th scope="col" className={mergeClasses(s.head, s.num)}>
              {t.rows}
            </th>
            <th scope="col" className={mergeClasses(s.head, s.num)}>
              {t.defaults}
            </th>
            <th scope="col" className={mergeClasses(s.head, s.num)}>
              {t.rate}
            </th>
            <th scope="col" className={mergeClasses(s.head, s.num)}>
              {t.pd}
            </th>
          </tr>
        </thead>
        <tbody>
          {fit.bands.map((b) => (
            <tr key={b.band}>
              <td className={s.cell}>{b.band}</td>
              <td className={mergeClasses(s.cell, s.num)}>{b.minScore.toFixed(1)}</td>
              <td className={mergeClasses(s.cell, s.num)}>{b.n}</td>
              <td className={mergeClasses(s.cell, s.num)}>{b.defaults}</td>
              <td className={mergeClasses(s.cell, s.num)}>{b.n ? pct(b.defaults / b.n, lang) : "–"}</td>
              <td className={mergeClasses(s.cell, s.num)}>{pct(b.pd, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
