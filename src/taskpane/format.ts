/**
 * Number and date formatting of the task pane in the UI language (display
 * only: the engine's figures are never rounded for computation).
 */
import type { Lang } from "../engine/lang";
import { htmlLang } from "./i18n";
import { displayScore } from "../engine/scoring/score";

/** U+2212, the minus sign every number in the pane is shown with (Intl gives a hyphen-minus). */
export const MINUS = "\u2212";

/** A formatted number with its hyphen-minus replaced by U+2212. @example minus("-27,093") === "−27,093" */
export function minus(text: string): string {
  return text.replace(/-/g, MINUS);
}

const cache = new Map<string, Intl.NumberFormat>();
function nf(lang: Lang, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const k = `${lang}|${key}`;
  let f = cache.get(k);
  if (!f) {
    f = new Intl.NumberFormat(htmlLang(lang), options);
    cache.set(k, f);
  }
  return f;
}

/** An amount with thousands separators and no decimals. @example amount(1234567.8, "en") === "1,234,568" */
export function amount(x: number | null | undefined, lang: Lang): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "–";
  return minus(nf(lang, "amount", { maximumFractionDigits: 0 }).format(x));
}

/** An amount in compact notation for charts. @example compact(1_250_000, "en") === "1.3M"; compact(1_250_000, "zh") === "125万" */
export function compact(x: number | null | undefined, lang: Lang): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "–";
  return minus(nf(lang, "compact", { notation: "compact", maximumFractionDigits: 1 }).format(x));
}

/** An amount in compact notation with 3 significant digits, for narrow columns. @example compact3(194_600, "en") === "195K" */
export function compact3(x: number | null | undefined, lang: Lang): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "–";
  return minus(nf(lang, "compact3", { notation: "compact", maximumSignificantDigits: 3 }).format(x));
}

/** An amount in compact notation with 2 significant digits, for heat-map cells. @example compact2(1_250_000, "en") === "1.3M" */
export function compact2(x: number | null | undefined, lang: Lang): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "–";
  return minus(nf(lang, "compact2", { notation: "compact", maximumSignificantDigits: 2 }).format(x));
}

/** A whole count. @example count(200000, "en") === "200,000" */
export function count(x: number, lang: Lang): string {
  return minus(nf(lang, "count", { maximumFractionDigits: 0 }).format(x));
}

/** A share 0–1 as a percentage. @example percent(0.1234, "en") === "12.3%" */
export function percent(x: number | null | undefined, lang: Lang, digits = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "–";
  return minus(nf(lang, `pct${digits}`, { style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x));
}

/** A score 0–100 with one decimal. @example score(71.26, "en") === "71.3" */
export function score(x: number | null | undefined, lang: Lang): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "–";
  // Round with the engine's rule first, so the pane shows exactly the score bands are read from.
  return minus(nf(lang, "score", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(displayScore(x)));
}

/** Days with no decimals. */
export function days(x: number | null | undefined, lang: Lang): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "–";
  return minus(nf(lang, "days", { maximumFractionDigits: 0 }).format(x));
}

/** Points with at most one decimal and an explicit sign. @example signedPoints(-3.25, "en") === "−3.3" */
export function signedPoints(x: number, lang: Lang): string {
  return minus(nf(lang, "pts", { maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(x));
}

/** A share 0–1 as a whole percentage for progress, e.g. "63%" / "63%". */
export function wholePercent(x: number, lang: Lang): string {
  return nf(lang, "pct0", { style: "percent", maximumFractionDigits: 0 }).format(Math.max(0, Math.min(1, x)));
}

/** Seconds with at most one decimal. @example seconds(0.42, "en") === "0.4" */
export function seconds(x: number, lang: Lang): string {
  return minus(nf(lang, "sec", { maximumFractionDigits: 1 }).format(x));
}

/** Today's date in the user's time zone as ISO "YYYY-MM-DD" (the pane's default as-of date; the engine gets it as an argument). */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
