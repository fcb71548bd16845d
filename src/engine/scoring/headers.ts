/**
 * The one header matcher of CreditSentinel: formulas, task pane and CLI all
 * map column labels to canonical keys through `matchHeader`.
 *
 * Matching is case-, space- and punctuation-insensitive and folds full-width
 * characters to half-width (NFKC), so "Debt ratio", "DEBT_RATIO", "debt-ratio",
 * "ｄｅｂｔ　ｒａｔｉｏ" and "资产负债率" all give `debt_ratio`. Whole labels are
 * matched (no substring guessing), so "Equity" and "Equity / liabilities" stay
 * distinct. A factor's synonyms are declared in the factor registry
 * (`registry.ts`), the fields' here.
 */
import { FACTOR_KEYS, FactorKey, factorEntry, isFactorKey } from "./factors";

/** Non-factor columns the task pane and CLI read from a customer table. */
export const FIELD_KEYS = ["customer_id", "customer_name", "exposure", "credit_limit", "requested_limit", "terms_days"] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];

/** Any column the matcher recognises. */
export type HeaderKey = FactorKey | FieldKey;

/** Every accepted canonical key (factors then fields), e.g. for error messages. */
export const HEADER_KEYS: readonly HeaderKey[] = [...FACTOR_KEYS, ...FIELD_KEYS];

/**
 * Normalises a header label: NFKC (full-width → half-width), lower case, and
 * every character that is not a letter or digit removed.
 * @example normaliseLabel(" Debt-Ratio (总) ") === "debtratio总"
 */
export function normaliseLabel(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/** Synonyms of the non-factor fields (the canonical key itself is always accepted). */
const FIELD_SYNONYMS: Record<FieldKey, readonly string[]> = {
  customer_id: ["id", "customer id", "customer code", "customer number", "account", "account number", "客户编号", "客户代码", "客户id"],
  customer_name: ["customer name", "customer", "name", "company", "company name", "客户名称", "客户", "公司名称"],
  exposure: [
    "exposure",
    "open receivables",
    "receivables balance",
    "balance",
    "outstanding",
    "open balance",
    "应收余额",
    "敞口",
    "风险敞口",
  ],
  credit_limit: ["credit limit", "current limit", "limit", "信用额度", "授信额度"],
  requested_limit: ["requested limit", "requested", "limit requested", "requested credit limit", "申请额度"],
  terms_days: ["terms days", "payment terms", "terms", "credit terms", "账期", "付款期限", "信用期"],
};

const TABLE: Map<string, HeaderKey> = (() => {
  const m = new Map<string, HeaderKey>();
  for (const key of HEADER_KEYS) {
    for (const label of [key, ...synonymsOf(key)]) {
      const n = normaliseLabel(label);
      const prior = m.get(n);
      if (prior !== undefined && prior !== key) throw new Error(`header synonym "${label}" is claimed by ${prior} and ${key}`);
      m.set(n, key);
    }
  }
  return m;
})();

/**
 * Maps a column label to its canonical key, or `null` when it is not recognised
 * (non-text labels other than numbers are never recognised).
 * @example matchHeader("Interest Coverage") === "interest_coverage"; matchHeader("资产负债率") === "debt_ratio"
 */
export function matchHeader(label: unknown): HeaderKey | null {
  if (typeof label !== "string") return null;
  return TABLE.get(normaliseLabel(label)) ?? null;
}

/** The synonyms a key accepts besides itself (a factor's from the registry, English then Chinese). */
export function synonymsOf(key: HeaderKey): readonly string[] {
  if (isFactorKey(key)) {
    const s = factorEntry(key).synonyms;
    return [...s.en, ...s.zh];
  }
  return FIELD_SYNONYMS[key];
}

/** A short text listing accepted keys, for `#VALUE!` messages. */
export function acceptedKeysText(keys: readonly HeaderKey[] = FACTOR_KEYS): string {
  return keys.join(", ");
}
