/**
 * The canonical factor keys RISK.CREDITSCORE recognises (issue 2, item 4), and
 * lookups over them. Every factor is declared once, in the factor registry
 * (`registry.ts`: group, labels, unit, direction, input rules, header
 * synonyms, percent bound, Explain lever, derivation, calibration); this
 * module indexes it and gives each factor's definition (key, group, labels,
 * unit, input rules) as formulas and the task pane show it.
 */
import { NumberRules } from "../cells";
import { FACTOR_REGISTRY, type FactorEntry, type FactorGroup, type UnitKind } from "./registry";

export type { FactorGroup, UnitKind } from "./registry";

/** A factor's definition as shown and checked: its registry entry's key, group, labels, unit and input rules. */
export interface FactorDef {
  readonly key: string;
  readonly group: FactorGroup;
  readonly label: { readonly en: string; readonly zh: string };
  readonly unit: UnitKind;
  /** Values outside these rules are input errors in a formula cell. */
  readonly rules: NumberRules;
}

/** A canonical factor key such as `"debt_ratio"` or `"avg_days_late"`. */
export type FactorKey = (typeof FACTOR_REGISTRY)[number]["key"];

/** All canonical factors, in display order (the registry's order). */
export const FACTORS: readonly (FactorDef & { readonly key: FactorKey })[] = FACTOR_REGISTRY.map(({ key, group, label, unit, rules }) => ({
  key,
  group,
  label,
  unit,
  rules,
}));

/** All factor keys in display order. */
export const FACTOR_KEYS: readonly FactorKey[] = FACTORS.map((f) => f.key);

/** Number of canonical factors; factor vectors (`Float64Array`) have this length. */
export const FACTOR_COUNT = FACTORS.length;

const INDEX = new Map<string, number>(FACTORS.map((f, i) => [f.key, i]));

/** Position of a factor in `FACTORS` (and in factor vectors), or -1 when unknown. */
export function factorIndex(key: string): number {
  const i = INDEX.get(key);
  return i === undefined ? -1 : i;
}

/** The definition of a factor key. */
export function factorDef(key: FactorKey): FactorDef {
  return FACTORS[INDEX.get(key) as number];
}

/** Everything the factor registry declares about a factor key (synonyms, lever, derivation, …). */
export function factorEntry(key: FactorKey): FactorEntry {
  return FACTOR_REGISTRY[INDEX.get(key) as number];
}

/** True when `key` is a canonical factor key. */
export function isFactorKey(key: unknown): key is FactorKey {
  return typeof key === "string" && INDEX.has(key);
}

/** The groups of the scorecard shown to analysts (statement items are not scored). */
export type ScoreGroup = Exclude<FactorGroup, "statement">;

/** Bilingual group names for the task pane. */
export const GROUP_LABELS: Record<FactorGroup, { en: string; zh: string }> = {
  financial: { en: "Financial strength", zh: "财务实力" },
  statement: { en: "Statement items", zh: "报表项目" },
  payment: { en: "Payment behaviour", zh: "付款行为" },
  profile: { en: "Company profile", zh: "企业概况" },
  risk: { en: "Risk context", zh: "风险环境" },
};
