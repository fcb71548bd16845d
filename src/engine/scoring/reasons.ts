/**
 * Reason codes: the (up to three) observed factors that put the customer
 * furthest below an average firm (points under the factor's neutral points,
 * the one point basis the Explain waterfall uses too), in English or Chinese.
 * Missing factors are never reasons: they score neutral points.
 */
import { Lang } from "../lang";
import { FactorKey, UnitKind, factorDef, factorEntry } from "./factors";
import type { Contribution } from "./contribution";

export interface ReasonCode {
  key: FactorKey;
  /** The value (NaN when the cell was left blank: `notReported`). */
  value: number;
  points: number;
  maxPoints: number;
  /** neutral − points: points below an average firm, > 0. */
  deficit: number;
  /** The factor's column was given but this cell left blank. */
  notReported?: boolean;
}

/** Smallest deficit (points) that counts as a reason; smaller ones round to nothing. */
export const MIN_REASON_DEFICIT = 0.5;

/**
 * Picks up to `n` observed contributions with the largest deficit (ties: model
 * order), ignoring deficits below `MIN_REASON_DEFICIT`.
 */
export function topReasons(contributions: readonly Contribution[], n = 3): ReasonCode[] {
  // Insertion into a short sorted list of positions; objects are built only for the winners.
  const top: number[] = [];
  for (let i = 0; i < contributions.length; i++) {
    const c = contributions[i];
    if (!c.observed || c.deficit < MIN_REASON_DEFICIT || (c.value === null && !c.notReported)) continue;
    let j = top.length;
    while (j > 0 && contributions[top[j - 1]].deficit < c.deficit) j--;
    if (j < n) {
      top.splice(j, 0, i);
      if (top.length > n) top.pop();
    }
  }
  return top.map((i) => {
    const c = contributions[i];
    return {
      key: c.key,
      value: c.value ?? NaN,
      points: c.points,
      maxPoints: c.maxPoints,
      deficit: c.deficit,
      ...(c.notReported ? { notReported: true } : {}),
    };
  });
}

function trim(text: string): string {
  return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
}

/** A number with at most `digits` decimals, trailing zeros removed ("0.80" → "0.8"). */
export function fmt(x: number, digits: number): string {
  const t = trim(x.toFixed(digits));
  return t === "-0" ? "0" : t;
}

/**
 * Formats a factor value for display in `lang` by its unit kind.
 * @example formatValue(0.8, "times", "en") === "0.8×"; formatValue(0.853, "percent", "zh") === "85.3%"
 */
export function formatValue(value: number, unit: UnitKind, lang: Lang): string {
  const zh = lang === "zh";
  switch (unit) {
    case "percent": {
      const p = value * 100;
      return `${fmt(p, Math.abs(p) < 10 ? 1 : 0)}%`;
    }
    case "times":
      return `${fmt(value, Math.abs(value) < 10 ? 1 : 0)}${zh ? "倍" : "×"}`;
    case "ratio":
      return fmt(value, 2);
    case "days": {
      const d = Math.round(value);
      return zh ? `${d}天` : `${d} ${d === 1 ? "day" : "days"}`;
    }
    case "months": {
      const m = fmt(value, 1);
      return zh ? `${m}个月` : `${m} ${m === "1" ? "month" : "months"}`;
    }
    case "years": {
      const y = fmt(value, 1);
      return zh ? `${y}年` : `${y} ${y === "1" ? "year" : "years"}`;
    }
    case "flag":
      return value ? (zh ? "是" : "yes") : zh ? "否" : "no";
    case "count":
      return zh ? `${fmt(value, 0)}起` : fmt(value, 0);
    case "index":
      return fmt(value, 1);
  }
}

/**
 * One reason as text, e.g. "Interest coverage 0.8× (−14 pts)" or
 * "利息保障倍数 0.8倍（−14分）". The deficit is rounded to whole points.
 */
export function formatReason(r: ReasonCode, lang: Lang): string {
  const def = factorDef(r.key);
  const pts = Math.max(1, Math.round(r.deficit));
  const own = factorEntry(r.key).reasonText; // the factor registry's own wording, where the value alone says nothing
  const text = own
    ? own[lang]
    : r.notReported
      ? lang === "zh"
        ? `${def.label.zh}未填报`
        : `${def.label.en} not reported`
      : `${def.label[lang]} ${formatValue(r.value, def.unit, lang)}`;
  return lang === "zh" ? `${text}（−${pts}分）` : `${text} (−${pts} ${pts === 1 ? "pt" : "pts"})`;
}

/** Reasons joined with "; " in either language; "" when there are none. */
export function formatReasons(reasons: readonly ReasonCode[], lang: Lang): string {
  return reasons.map((r) => formatReason(r, lang)).join("; ");
}
