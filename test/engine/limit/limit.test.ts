import fc from "fast-check";
import { recommendLimit, LimitInput } from "../../../src/engine/limit/limit";
import { BANDS, DEFAULT_LIMIT_POLICY, validateLimitPolicy, LimitPolicy } from "../../../src/engine/limit/limit-policy";
import { isEngineError } from "../../../src/engine/errors";

const P = DEFAULT_LIMIT_POLICY;
const base: LimitInput = { band: "B", netWorth: 2_000_000, annualSales: 10_000_000, termsDays: 60, requested: null, relationshipMonths: null };

describe("recommendLimit: example table (default policy)", () => {
  const cases: Array<[string, Partial<LimitInput>, number, string]> = [
    ["net-worth cap binds", {}, 700_000, "net_worth_cap"],
    ["turnover cap binds at short terms", { termsDays: 30, annualSales: 4_000_000 }, 200_000, "turnover_cap"],
    ["default terms are 30 days", { termsDays: null, annualSales: 4_000_000 }, 200_000, "turnover_cap"],
    ["band A gets more", { band: "A" }, 1_000_000, "net_worth_cap"],
    ["band D gets less", { band: "D" }, 200_000, "net_worth_cap"],
    ["band E is cash in advance", { band: "E" }, 0, "cash_in_advance"],
    ["negative net worth is cash in advance", { netWorth: -5 }, 0, "negative_net_worth"],
    ["requested caps the limit", { requested: 250_000 }, 250_000, "requested"],
    ["requested above the policy limit does not raise it", { requested: 5_000_000 }, 700_000, "net_worth_cap"],
    ["new customer at 0 months gets half", { relationshipMonths: 0 }, 350_000, "new_customer_ramp"],
    ["6 months → 75 %", { relationshipMonths: 6 }, 525_000, "new_customer_ramp"],
    ["12 months → full", { relationshipMonths: 12 }, 700_000, "net_worth_cap"],
    ["only turnover known", { netWorth: null }, 1_000_000, "turnover_cap"],
    ["only net worth known", { annualSales: null }, 700_000, "net_worth_cap"],
    ["rounded down to 100", { netWorth: 1_234_567, annualSales: null }, 432_000, "net_worth_cap"],
  ];
  // 0.35 × 1,234,567 = 432,098.45 → 432,000
  it.each(cases)("%s", (_name, patch, limit, rule) => {
    const r = recommendLimit({ ...base, ...patch }, P);
    if (isEngineError(r)) throw new Error(r.message);
    expect(r.limit).toBe(limit);
    expect(r.rule).toBe(rule);
  });

  it("needs net worth or turnover", () => {
    const r = recommendLimit({ ...base, netWorth: null, annualSales: null }, P);
    expect(isEngineError(r) && r.code).toBe("VALUE");
  });

  it("policy maximum caps any customer", () => {
    const r = recommendLimit(base, { ...P, maxLimit: 100_000 });
    expect(!isEngineError(r) && [r.limit, r.rule]).toEqual([100_000, "max_limit"]);
  });
});

describe("recommendLimit: properties", () => {
  const amount = fc.double({ min: 0, max: 1e9, noNaN: true });
  const input = fc.record({
    band: fc.constantFrom(...BANDS),
    netWorth: fc.option(fc.double({ min: -1e8, max: 1e9, noNaN: true })),
    annualSales: fc.option(amount),
    termsDays: fc.option(fc.integer({ min: 1, max: 180 })),
    requested: fc.option(amount),
    relationshipMonths: fc.option(fc.integer({ min: 0, max: 240 })),
  }).filter((i) => i.netWorth !== null || i.annualSales !== null);

  it("is never negative and never above the amount requested", () => {
    fc.assert(fc.property(input, (i) => {
      const r = recommendLimit(i, P);
      if (isEngineError(r)) return false;
      return r.limit >= 0 && (i.requested === null || r.limit <= i.requested);
    }));
  });

  it("a worse band never gets a higher limit", () => {
    fc.assert(fc.property(input, (i) => {
      const limits = BANDS.map((band) => recommendLimit({ ...i, band }, P)).map((r) => (isEngineError(r) ? NaN : r.limit));
      return limits.every((l, k) => k === 0 || l <= limits[k - 1]);
    }));
  });

  it("more net worth never lowers the limit", () => {
    fc.assert(fc.property(input, fc.double({ min: 0, max: 1e8, noNaN: true }), (i, extra) => {
      if (i.netWorth === null) return true;
      const a = recommendLimit(i, P);
      const b = recommendLimit({ ...i, netWorth: i.netWorth + extra }, P);
      return !isEngineError(a) && !isEngineError(b) && b.limit >= a.limit;
    }));
  });

  it("a longer relationship never lowers the limit", () => {
    fc.assert(fc.property(input, fc.integer({ min: 0, max: 24 }), (i, more) => {
      if (i.relationshipMonths === null) return true;
      const a = recommendLimit(i, P);
      const b = recommendLimit({ ...i, relationshipMonths: i.relationshipMonths + more }, P);
      return !isEngineError(a) && !isEngineError(b) && b.limit >= a.limit;
    }));
  });
});

describe("validateLimitPolicy", () => {
  it("accepts the default", () => expect(validateLimitPolicy(P)).toBeNull());
  const bad: Array<[string, (p: LimitPolicy) => LimitPolicy, RegExp]> = [
    ["share above 1", (p) => ({ ...p, bands: { ...p.bands, A: { netWorthShare: 1.5, turnoverShare: 0.1 } } }), /limit\.bands\.A\.netWorthShare/],
    ["worse band more generous", (p) => ({ ...p, bands: { ...p.bands, C: { netWorthShare: 0.9, turnoverShare: 0.03 } } }), /bands\.C allows more credit than band B/],
    ["missing band", (p) => ({ ...p, bands: { ...p.bands, D: undefined as never } }), /bands\.D is missing/],
    ["zero terms", (p) => ({ ...p, defaultTermsDays: 0 }), /defaultTermsDays/],
    ["ramp start share", (p) => ({ ...p, rampStartShare: -0.1 }), /rampStartShare/],
    ["negative max", (p) => ({ ...p, maxLimit: -1 }), /maxLimit/],
  ];
  it.each(bad)("names the field: %s", (_n, mutate, re) => {
    const e = validateLimitPolicy(mutate(P));
    expect(e?.message).toMatch(re);
  });
});
