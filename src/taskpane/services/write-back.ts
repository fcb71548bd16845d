/**
 * Builds what the pane writes back: the risk columns (static values from the
 * review, or live formulas) and the "Risk report" sheet model. Values come
 * unchanged from the engine's results (customer text included: the port's
 * writer keeps text that looks like a formula as text). Long columns are
 * built in time slices with a yield in between, like the review.
 */
import { BANDS } from "../../engine/scoring/model";
import { DEFAULT_POLICY } from "../../engine/policy";
import { isoFromSerial } from "../../engine/dates";
import { rowReasons } from "../../engine/portfolio/review";
import type { PortfolioSummary } from "../../engine/portfolio/review";
import type { Lang } from "../../engine/lang";
import { BAND_COLOURS } from "../theme";
import { strings, type WriteColumnId } from "../i18n";
import { riskFormulas } from "./formulas";
import { nextMacrotask, type ReviewOutcome } from "./review-runner";
import type { BandFormat, ReportModel, ReportSection, WriteColumn, WriteRequest } from "../../excel/port";
import { displayScore } from "../../engine/scoring/creditscore";

export type WriteMode = "values" | "formulas";

/**
 * Why live formulas cannot be used for this review, or null when they can: "ledger" when the review used the
 * ledger's payment behaviour (a row formula cannot see it); "model" when it scored with a calibrated model and
 * the workbook's settings do not travel with the file (`settingsTravel` false: the workbench), so the formulas
 * of the shared file would compute with the shipped model and disagree with what the page showed.
 */
export function formulasUnavailable(outcome: ReviewOutcome, settingsTravel = true): "ledger" | "model" | null {
  if (outcome.request.ledger) return "ledger";
  if (!settingsTravel && outcome.state.policy.model !== DEFAULT_POLICY.model) return "model";
  return null;
}

/** Conditional formats of the band column: one per band letter, colours from the pane's theme. */
export function bandFormats(): Record<string, BandFormat> {
  const out: Record<string, BandFormat> = {};
  for (const b of BANDS) out[b] = { fill: BAND_COLOURS[b].fill, font: BAND_COLOURS[b].text };
  return out;
}

/**
 * Excel number format of each written column, as language-neutral format
 * codes (Excel shows them with the user's decimal and thousands separators):
 * score with one decimal ("0.0": 81.3), PD as a percentage ("0.00%": 0.0234
 * shows 2.34%), recommended limit and headroom as whole amounts with
 * thousands separators ("#,##0": 700,000 / -110,000). Band, dunning stage and
 * reasons are text: no format (null), their cells keep theirs.
 */
export const WRITE_NUMBER_FORMATS: Record<WriteColumnId, string | null> = {
  score: "0.0",
  band: null,
  pd: "0.00%",
  limit: "#,##0",
  headroom: "#,##0",
  stage: null,
  reasons: null,
};

export interface BuildOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  sliceMs?: number;
  /** The port's `settingsTravel` (default true): live formulas need the stored model to travel with the file. */
  settingsTravel?: boolean;
}

/**
 * The write request for the chosen columns, or null when cancelled. Texts
 * (headers, reasons, stage names) are in the review's language.
 * Static values: score rounded to 0.1 (as RISK.CREDITSCORE shows it), band
 * letter, PD, recommended limit, headroom, dunning stage name, reasons (the
 * row's error message for a row that could not be scored); "" where the
 * review has no figure. Numeric columns carry their Excel number format
 * (`WRITE_NUMBER_FORMATS`), in both modes.
 */
export async function buildWriteRequest(
  outcome: ReviewOutcome,
  written: readonly WriteColumnId[],
  mode: WriteMode,
  opts: BuildOptions = {},
): Promise<WriteRequest | null> {
  const { state, area } = outcome;
  const lang = state.lang;
  const headers = strings[lang].review.write.headers;
  const n = state.total;
  const formulas =
    mode === "formulas" && !formulasUnavailable(outcome, opts.settingsTravel)
      ? riskFormulas(outcome.request.customers.mapping, area, written)
      : written.map(() => null);
  const cols: unknown[][] = written.map(() => new Array<unknown>(n));
  const now = () => (typeof performance !== "undefined" ? performance.now() : Date.now());
  const slice = opts.sliceMs ?? 12;
  let i = 0;
  while (i < n) {
    if (opts.signal?.aborted) return null;
    const t0 = now();
    const stop = Math.min(n, i + 200_000);
    for (; i < stop && now() - t0 < slice;) {
      const end = Math.min(stop, i + 250);
      for (let r = i; r < end; r++) {
        const c = state.results[r];
        for (let j = 0; j < written.length; j++) {
          const f = formulas[j];
          if (f) {
            cols[j][r] = c && !c.blank ? f(r) : "";
            continue;
          }
          cols[j][r] = valueOf(written[j], c, state, r);
        }
      }
      i = end;
    }
    opts.onProgress?.(i, n);
    if (i < n) await nextMacrotask();
  }
  const columns: WriteColumn[] = written.map((id, j) => {
    const fmt = WRITE_NUMBER_FORMATS[id];
    return { header: headers[id], mode: formulas[j] ? "formulas" : "values", values: cols[j], ...(fmt ? { numberFormat: fmt } : {}) };
  });
  const bandColumn = written.indexOf("band");
  return { area, columns, ...(bandColumn >= 0 ? { bandColumn, bandFormats: bandFormats() } : {}) };
}

function valueOf(id: WriteColumnId, c: ReviewOutcome["state"]["results"][number], state: ReviewOutcome["state"], r: number): unknown {
  if (!c || c.blank) return "";
  switch (id) {
    case "score":
      return c.score === null ? "" : displayScore(c.score);
    case "band":
      return c.band ?? "";
    case "pd":
      return c.pd ?? "";
    case "limit":
      return c.limit ?? "";
    case "headroom":
      return c.headroom ?? "";
    case "stage":
      return c.dunningStage ?? "";
    case "reasons":
      return c.error ? c.error.message : (rowReasons(state, r) ?? "");
  }
}

/** The "Risk report" sheet of a summary, in `lang`. */
export function buildReport(summary: PortfolioSummary, lang: Lang): ReportModel {
  const t = strings[lang].review.report;
  const amount = "#,##0";
  const sections: ReportSection[] = [];
  const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
  const facts: [string, string | number][] = [
    [t.customers, summary.customers],
    [t.scored, summary.scored],
    [t.notScored, summary.errors],
    [t.totalExposure, round(summary.totals.exposure, 0)],
    [t.expectedLoss, round(summary.totals.expectedLoss, 0)],
    [`${t.shareDE} (%)`, summary.exposureShareDE === null ? "" : round(summary.exposureShareDE * 100, 1)],
    [t.recommendedLimits, round(summary.totals.recommendedLimit, 0)],
    [t.breaches, summary.breaches.length],
    [t.breachExcess, round(summary.breachExcess, 0)],
    [t.dso, summary.dso === null ? "" : round(summary.dso, 1)],
  ];
  sections.push({ title: t.summary, header: [t.item, t.value], rows: facts });
  sections.push({
    title: t.byBand,
    header: [strings[lang].review.dash.band, t.customers, t.totalExposure, t.expectedLoss, t.recommendedLimit],
    rows: summary.bands.map((b) => [b.label, b.count, b.exposure, b.expectedLoss, b.recommendedLimit]),
    formats: [null, "#,##0", amount, amount, amount],
    chart: { type: "column", title: t.byBand, categoriesColumn: 0, valueColumns: [2] },
  });
  if (summary.aging) {
    const a = summary.aging;
    sections.push({
      title: t.aging,
      header: [t.bucket, t.openAmount],
      rows: a.labels.map((l, k) => [l, a.amounts[k]]),
      formats: [null, amount],
      chart: { type: "column", title: t.aging, categoriesColumn: 0, valueColumns: [1] },
    });
  }
  if (summary.heatMap) {
    const h = summary.heatMap;
    sections.push({
      title: t.heatMap,
      header: [strings[lang].review.dash.band, ...h.columns],
      rows: h.rows.map((label, i) => [label, ...h.cells[i]]),
      formats: [null, ...h.columns.map(() => amount)],
    });
  }
  if (summary.breaches.length > 0) {
    sections.push({
      title: t.breachList,
      header: [
        t.id,
        t.name,
        strings[lang].review.dash.band,
        ...(["exposure", "limit", "excess"] as const).map((k) => strings[lang].review.dash.breachColumns[k]),
      ],
      rows: summary.breaches
        .slice(0, 100)
        .map((b) => [
          b.id ?? strings[lang].review.dash.rowNumber(String(b.row + 1)),
          b.name ?? "",
          b.band ?? "",
          b.exposure,
          b.limit,
          b.excess,
        ]),
      formats: [null, null, null, amount, amount, amount],
    });
  }
  return {
    title: t.title,
    asOf: isoFromSerial(summary.asOf),
    modelVersion: summary.modelVersion,
    policyVersion: summary.policyVersion,
    labels: { asOf: t.asOf, modelVersion: t.modelVersion, policyVersion: t.policyVersion },
    sections,
  };
}
