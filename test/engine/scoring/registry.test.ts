/**
 * The factor registry (src/engine/scoring/registry.ts) is complete and valid: every factor of the shipped model
 * has an entry that agrees with it, every entry's fields are consistent, names and synonyms exist in English and
 * Chinese, and no header synonym is claimed twice.
 */
import { CANONICAL_RATIOS, FINANCIAL_FACTORS } from "../../../src/engine/calibration/fit";
import { EXPERT_FACTORS } from "../../../src/engine/calibration/expert";
import { LEVERS } from "../../../src/engine/portfolio/explain";
import { percentBound } from "../../../src/engine/portfolio/percent-columns";
import { STATEMENT_KEYS, deriveRatios } from "../../../src/engine/scoring/derive";
import { FACTORS, FACTOR_KEYS, FactorKey, factorDef, factorEntry } from "../../../src/engine/scoring/factors";
import { FIELD_KEYS, matchHeader, normaliseLabel, synonymsOf } from "../../../src/engine/scoring/headers";
import { DEFAULT_MODEL } from "../../../src/engine/scoring/model";
import { DEFAULT_PERCENT_BOUND, FACTOR_REGISTRY, FactorEntry, StatementValues, netWorth } from "../../../src/engine/scoring/registry";

const CJK = /[\u3400-\u9fff]/;
const GROUPS = ["financial", "statement", "payment", "profile", "risk"];
const UNITS = ["ratio", "percent", "times", "days", "months", "years", "count", "flag", "index"];

/** Plausible statement items of a healthy firm (every denominator positive). */
const ITEMS: StatementValues = {
  total_assets: 1000,
  total_liabilities: 600,
  current_assets: 500,
  current_liabilities: 300,
  inventory: 100,
  receivables: 150,
  equity: 400,
  retained_earnings: 200,
  ebit: 120,
  net_income: 80,
  sales: 1500,
  sales_prior_year: 1400,
  gross_profit: 450,
  interest_expense: 30,
  depreciation: 40,
  cash: 60,
};
const NONE = Object.fromEntries(Object.keys(ITEMS).map((k) => [k, NaN])) as unknown as StatementValues;

describe("every factor of the shipped model has a registry entry that agrees with it", () => {
  test.each(DEFAULT_MODEL.factors.map((f) => [f.key, f] as const))("%s", (key, f) => {
    const e = FACTOR_REGISTRY.find((x) => x.key === key) as FactorEntry;
    expect(e).toBeDefined();
    expect(e.group).toBe(f.group);
    expect(e.direction).toBe(f.direction);
    if (f.neutralValues) expect(e.calibration?.neutralValues).toEqual(f.neutralValues);
  });

  test("the expert factors take group and direction from the registry, and agree with the model", () => {
    for (const x of EXPERT_FACTORS) {
      const m = DEFAULT_MODEL.factors.find((f) => f.key === x.key);
      expect([x.key, x.group, x.direction]).toEqual([x.key, factorEntry(x.key).group, factorEntry(x.key).direction]);
      expect([x.key, x.group, x.direction]).toEqual([x.key, m?.group, m?.direction]);
    }
  });
});

describe("every entry's fields are valid", () => {
  test("keys are unique snake_case; FACTORS, FACTOR_KEYS and factorDef follow the registry in its order", () => {
    const keys = FACTOR_REGISTRY.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(k).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
    expect(FACTOR_KEYS).toEqual(keys);
    FACTOR_REGISTRY.forEach((e, i) => {
      expect(FACTORS[i]).toEqual({ key: e.key, group: e.group, label: e.label, unit: e.unit, rules: e.rules });
      expect(factorDef(e.key)).toBe(FACTORS[i]);
      expect(factorEntry(e.key)).toBe(e);
    });
  });

  test.each(FACTOR_REGISTRY.map((e) => [e.key, e as FactorEntry] as const))("%s", (_key, e) => {
    expect(GROUPS).toContain(e.group);
    expect(UNITS).toContain(e.unit);
    // English and Chinese display names, each in its own script.
    expect(e.label.en.trim()).not.toBe("");
    expect(e.label.en).not.toMatch(CJK);
    expect(e.label.zh).toMatch(CJK);
    if (e.reasonText) {
      expect(e.reasonText.en).not.toMatch(CJK);
      expect(e.reasonText.zh).toMatch(CJK);
    }
    // Header synonyms in both languages, each list in its own script, none listed twice.
    expect(e.synonyms.en.length).toBeGreaterThan(0);
    expect(e.synonyms.zh.length).toBeGreaterThan(0);
    for (const s of e.synonyms.en) expect(s).not.toMatch(CJK);
    for (const s of e.synonyms.zh) expect(s).toMatch(CJK);
    const all = [...e.synonyms.en, ...e.synonyms.zh];
    expect(new Set(all).size).toBe(all.length);
    // Input rules are a range.
    const r = e.rules as { min?: number; max?: number };
    if (r.min !== undefined && r.max !== undefined) expect(r.min).toBeLessThan(r.max);
    // Statement items are amounts: not scored, never suggested, derived or calibrated.
    const statement = e.group === "statement";
    expect(e.direction === null).toBe(statement);
    if (statement) expect([e.lever, e.derive, e.calibration, e.percentBound]).toEqual([null, null, null, null]);
    // A percent bound exactly for percent-unit ratios, at least the default.
    expect(e.percentBound !== null).toBe(e.unit === "percent");
    if (e.percentBound !== null) expect(e.percentBound).toBeGreaterThanOrEqual(DEFAULT_PERCENT_BOUND);
    // A lever is a finite range.
    if (e.lever) {
      expect(Number.isFinite(e.lever.min) && Number.isFinite(e.lever.max)).toBe(true);
      expect(e.lever.min).toBeLessThan(e.lever.max);
    }
    // A derivation gives a finite value from plausible statement items and nothing from none.
    if (e.derive) {
      expect(Number.isFinite(e.derive(ITEMS))).toBe(true);
      expect(Number.isFinite(e.derive(NONE))).toBe(false);
    }
    // A calibration candidate is a ratio the calibration can derive and bin in a direction.
    if (e.calibration) {
      expect(e.derive).not.toBeNull();
      expect(e.direction).not.toBeNull();
    }
  });

  test("calibration ranks are 1…n without gaps; the candidates start with the shipped financial factors", () => {
    const ranks = FACTOR_REGISTRY.flatMap((e) => ((e as FactorEntry).calibration ? [(e as FactorEntry).calibration?.rank] : []));
    expect([...ranks].sort((a, b) => (a as number) - (b as number))).toEqual(ranks.map((_, i) => i + 1));
    expect(CANONICAL_RATIOS.slice(0, FINANCIAL_FACTORS.length)).toEqual(FINANCIAL_FACTORS);
    for (const c of CANONICAL_RATIOS) expect(c.direction).toBe(factorEntry(c.key).direction);
  });

  test("the statement items are the registry's statement group; net worth is equity, else assets − liabilities", () => {
    expect(STATEMENT_KEYS).toEqual(FACTOR_REGISTRY.filter((e) => e.group === "statement").map((e) => e.key));
    expect(Object.keys(ITEMS).sort()).toEqual([...STATEMENT_KEYS].sort());
    expect(netWorth(ITEMS)).toBe(400);
    expect(netWorth({ ...ITEMS, equity: NaN })).toBe(400);
    expect(netWorth({ ...ITEMS, equity: 250 })).toBe(250);
  });
});

describe("header synonyms are unique across factors and fields", () => {
  test("no normalised synonym (or key) belongs to two keys, and each one matches its own key", () => {
    const owner = new Map<string, string>();
    for (const key of [...FACTOR_KEYS, ...FIELD_KEYS]) {
      for (const label of [key, ...synonymsOf(key)]) {
        const n = normaliseLabel(label);
        expect([label, owner.get(n) ?? key]).toEqual([label, key]);
        owner.set(n, key);
        expect(matchHeader(label)).toBe(key);
      }
    }
  });

  test("a factor's synonyms are its registry entry's, English then Chinese", () => {
    for (const e of FACTOR_REGISTRY) expect(synonymsOf(e.key)).toEqual([...e.synonyms.en, ...e.synonyms.zh]);
  });
});

describe("Explain's levers, the percent-column check and the derivation read the registry", () => {
  test("LEVERS has an entry for every factor: the registry's lever, null where there is none", () => {
    expect(Object.keys(LEVERS).sort()).toEqual([...FACTOR_KEYS].sort());
    for (const e of FACTOR_REGISTRY) expect(LEVERS[e.key]).toBe(e.lever);
  });

  test("percentBound is the registry's", () => {
    for (const e of FACTOR_REGISTRY) expect(percentBound(e.key)).toBe(e.percentBound);
  });

  test("deriveRatios fills exactly the ratios with a derivation, with the registry's formula", () => {
    const out = deriveRatios(ITEMS as Partial<Record<FactorKey, number>>);
    for (const e of FACTOR_REGISTRY as readonly FactorEntry[]) {
      if (e.derive) expect(out[e.key as FactorKey]).toBe(e.derive(ITEMS));
      else if (e.group !== "statement") expect(out[e.key as FactorKey]).toBeUndefined();
    }
  });
});
