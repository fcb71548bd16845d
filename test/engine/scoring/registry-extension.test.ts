/**
 * A new factor is one registry entry (plus its bins in a model): with only an entry added to the factor registry,
 * the header matcher recognises its column, the derivation fills it from statement items, the percent-column check
 * knows its bound, the calibration offers it, and Explain suggests it as a lever. The registry module is replaced
 * (jest.doMock) by the real one plus the entry, and every other engine module is loaded afresh around it.
 */
import type { FactorEntry, StatementValues } from "../../../src/engine/scoring/registry";

type Registry = typeof import("../../../src/engine/scoring/registry");

const REGISTRY = "../../../src/engine/scoring/registry";

/** The new factor: cash / total assets, a liquidity ratio a customer can change. */
const CASH_TO_ASSETS: FactorEntry = {
  key: "cash_to_assets",
  group: "financial",
  label: { en: "Cash / total assets", zh: "货币资金/总资产" },
  reasonText: null,
  unit: "percent",
  direction: "increasing",
  rules: {},
  synonyms: { en: ["cash to assets", "cash ratio to assets"], zh: ["货币资金/总资产", "现金资产比"] },
  percentBound: 1.5,
  lever: { min: 0, max: 1 },
  derive: (x: StatementValues) => (x.total_assets > 0 ? x.cash / x.total_assets : NaN),
  calibration: { rank: 18 },
};

// Every field is required: an entry without a lever (or with any field left out) does not compile.
const { lever: _lever, ...withoutLever } = CASH_TO_ASSETS;
// @ts-expect-error -- Property 'lever' is missing
const WITHOUT_LEVER: FactorEntry = withoutLever;
void [_lever, WITHOUT_LEVER];

/** The engine's modules, loaded with the registry plus `extra`. */
function engineWith(extra: FactorEntry) {
  let mods!: {
    headers: typeof import("../../../src/engine/scoring/headers");
    derive: typeof import("../../../src/engine/scoring/derive");
    factors: typeof import("../../../src/engine/scoring/factors");
    explain: typeof import("../../../src/engine/portfolio/explain");
    percent: typeof import("../../../src/engine/portfolio/percent-columns");
    mapping: typeof import("../../../src/engine/portfolio/mapping");
    fit: typeof import("../../../src/engine/calibration/fit");
    policy: typeof import("../../../src/engine/policy");
    errors: typeof import("../../../src/engine/errors");
  };
  jest.isolateModules(() => {
    jest.doMock(REGISTRY, () => {
      const actual = jest.requireActual<Registry>(REGISTRY);
      return { ...actual, FACTOR_REGISTRY: [...actual.FACTOR_REGISTRY, extra] };
    });
    /* eslint-disable @typescript-eslint/no-require-imports -- fresh module instances around the replaced registry */
    mods = {
      headers: require("../../../src/engine/scoring/headers"),
      derive: require("../../../src/engine/scoring/derive"),
      factors: require("../../../src/engine/scoring/factors"),
      explain: require("../../../src/engine/portfolio/explain"),
      percent: require("../../../src/engine/portfolio/percent-columns"),
      mapping: require("../../../src/engine/portfolio/mapping"),
      fit: require("../../../src/engine/calibration/fit"),
      policy: require("../../../src/engine/policy"),
      errors: require("../../../src/engine/errors"),
    };
    /* eslint-enable @typescript-eslint/no-require-imports */
  });
  jest.dontMock(REGISTRY);
  return mods;
}

describe("a factor added to the registry only", () => {
  const e = engineWith(CASH_TO_ASSETS);
  // Typed as the shipped key set; the new key exists at run time only.
  const key = "cash_to_assets" as Parameters<typeof e.factors.factorDef>[0];

  test("is a factor, labelled in both languages, last in display order", () => {
    expect(e.factors.isFactorKey("cash_to_assets")).toBe(true);
    expect(e.factors.FACTOR_KEYS[e.factors.FACTOR_COUNT - 1]).toBe("cash_to_assets");
    expect(e.factors.factorDef(key).label).toEqual({ en: "Cash / total assets", zh: "货币资金/总资产" });
  });

  test("its column is recognised by header, in English and Chinese, by formulas and the review's mapping", () => {
    expect(e.headers.matchHeader("Cash to assets")).toBe("cash_to_assets");
    expect(e.headers.matchHeader("ＣＡＳＨ＿ＴＯ＿ＡＳＳＥＴＳ")).toBe("cash_to_assets");
    expect(e.headers.matchHeader("现金资产比")).toBe("cash_to_assets");
    expect(e.headers.HEADER_KEYS).toContain("cash_to_assets");
    expect(e.mapping.autoMapColumns(["Customer ID", "Cash / total assets", "货币资金/总资产"]).columns.map((c) => c.key)).toEqual([
      "customer_id",
      null, // the English label is not a synonym here: only what the entry lists is matched
      "cash_to_assets",
    ]);
  });

  test("it is derived from statement items; a given value wins", () => {
    expect(e.derive.deriveRatios({ cash: 50, total_assets: 200 })).toMatchObject({ cash_to_assets: 0.25, cash: 50 });
    expect(e.derive.deriveRatios({ cash: 50, total_assets: 200, [key]: 0.4 })[key]).toBe(0.4);
    expect(e.derive.deriveRatios({ cash: 50 })[key]).toBeUndefined();
  });

  test("its percent-column bound, lever and calibration candidacy come with it", () => {
    expect(e.percent.percentBound(key)).toBe(1.5);
    expect(e.explain.LEVERS[key]).toEqual({ min: 0, max: 1 });
    expect(e.fit.CANONICAL_RATIOS.map((c) => c.key).slice(-1)).toEqual(["cash_to_assets"]);
  });

  test("with bins in a model, Explain scores it (derived) and suggests it as a lever", () => {
    const { DEFAULT_POLICY } = e.policy;
    const policy = {
      ...DEFAULT_POLICY,
      model: {
        id: "with-cash",
        version: "1.0.0",
        description: "debt ratio and cash / total assets",
        pd: { logOddsAtZero: -2, pointsPerLogOdds: 20, horizonYears: 1 },
        bands: [
          { band: "A" as const, minScore: 85, pd: 0.01 },
          { band: "B" as const, minScore: 70, pd: 0.02 },
          { band: "C" as const, minScore: 50, pd: 0.05 },
          { band: "D" as const, minScore: 30, pd: 0.1 },
          { band: "E" as const, minScore: 0, pd: 0.3 },
        ],
        factors: [
          {
            key: "debt_ratio" as const,
            group: "financial" as const,
            source: "expert" as const,
            direction: "decreasing" as const,
            edges: [0.5, 0.8],
            points: [40, 20, 0],
            neutral: 20,
          },
          {
            key,
            group: "financial" as const,
            source: "expert" as const,
            direction: "increasing" as const,
            edges: [0.1, 0.3],
            points: [0, 20, 40],
            neutral: 20,
          },
        ],
      },
    };
    // debt 60 % → 20 pts; cash 5 / assets 100 → 5 % → 0 pts: 20, band E; cash at 10 % gives 40, band D.
    const x = e.explain.explainCustomer({ debt_ratio: 0.6, cash: 5, total_assets: 100 }, policy, "en");
    if (e.errors.isEngineError(x)) throw new Error(x.message);
    expect([x.score, x.band]).toEqual([20, "E"]);
    const step = x.groups[0].steps.find((s) => s.key === key);
    expect(step).toMatchObject({ label: "Cash / total assets", valueText: "5%", derived: true, points: 0 });
    expect(x.liftOneBand.map((l) => [l.key, l.to, l.newBand])).toContainEqual([key, 0.1, "D"]);
    expect(x.liftOneBand.find((l) => l.key === key)?.text).toBe("Cash / total assets from 5% to 10% (+20 pts → band D)");
  });
});
