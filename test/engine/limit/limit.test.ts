import fc from "fast-check";
import { recommendLimit, LimitInput } from "../../../src/engine/limit/limit";
import { BANDS, DEFAULT_LIMIT_POLICY, validateLimitPolicy, LimitPolicy } from "../../../src/engine/limit/limit-policy";
import { isEngineError } from "../../../src/engine/errors";

const P = DEFAULT_LIMIT_POLICY;
const base: LimitInput = {
  band: "B",
  netWorth: 2_000_000,
  annualSales: 10_000_000,
  termsDays: 60,
  requested: null,
  relationshipMonths: null,
};

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
  const input = fc
    .record({
      band: fc.constantFrom(...BANDS),
      netWorth: fc.option(fc.double({ min: -1e8, max: 1e9, noNaN: true })),
      annualSales: fc.option(amount),
      termsDays: fc.option(fc.integer({ min: 1, max: 180 })),
      requested: fc.option(amount),
      relationshipMonths: fc.option(fc.integer({ min: 0, max: 240 })),
    })
    .filter((i) => i.netWorth !== null || i.annualSales !== null);

  it("is never negative and never above the amount requested", () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = recommendLimit(i, P);
        if (isEngineError(r)) return false;
        return r.limit >= 0 && (i.requested === null || r.limit <= i.requested);
      }),
    );
  });

  it("a worse band never gets a higher limit", () => {
    fc.assert(
      fc.property(input, (i) => {
        const limits = BANDS.map((band) => recommendLimit({ ...i, band }, P)).map((r) => (isEngineError(r) ? NaN : r.limit));
        return limits.every((l, k) => k === 0 || l <= limits[k - 1]);
      }),
    );
  });

  it("more net worth never lowers the limit", () => {
    fc.assert(
      fc.property(input, fc.double({ min: 0, max: 1e8, noNaN: true }), (i, extra) => {
        if (i.netWorth === null) return true;
        const a = recommendLimit(i, P);
        const b = recommendLimit({ ...i, netWorth: i.netWorth + extra }, P);
        return !isEngineError(a) && !isEngineError(b) && b.limit >= a.limit;
      }),
    );
  });

  it("a longer relationship never lowers the limit", () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 0, max: 24 }), (i, more) => {
        if (i.relationshipMonths === null) return true;
        const a = recommendLimit(i, P);
        const b = recommendLimit({ ...i, relationshipMonths: i.relationshipMonths + more }, P);
        return !isEngineError(a) && !isEngineError(b) && b.limit >= a.limit;
      }),
    );
  });
});

describe("validateLimitPolicy", () => {
  it("accepts the default", () => expect(validateLimitPolicy(P)).toBeNull());
  const bad: Array<[string, (p: LimitPolicy) => LimitPolicy, RegExp]> = [
    [
      "share above 1",
      (p) => ({ ...p, bands: { ...p.bands, A: { netWorthShare: 1.5, turnoverShare: 0.1 } } }),
      /limit\.bands\.A\.netWorthShare/,
    ],
    [
      "worse band more generous",
      (p) => ({ ...p, bands: { ...p.bands, C: { netWorthShare: 0.9, turnoverShare: 0.03 } } }),
      /bands\.C allows more credit than band B/,
    ],
    ["missing band", (p) => ({ ...p, bands: { ...p.bands, D: undefined as never } }), /bands\.D is missing/],
    ["zero terms", (p) => ({ ...p, defaultTermsDays: 0 }), /defaultTermsDays/],
    ["ramp start share", (p) => ({ ...p, rampStartShare: -0.1 }), /rampStartShare/],
    ["negative max", (p) => ({ ...p, maxLimit: -1 }), /maxLimit/],
  ];
  it.each(bad)("names the field: %s", (_n, mutate, re) => {
    const e = validateLimitPolicy(mutate(P));
    expect(e?.message).toMatch(re);
  });

  // What a policy editor or a hand-edited JSON might produce: exact messages.
  const band = (p: LimitPolicy, b: keyof LimitPolicy["bands"], rule: Partial<LimitPolicy["bands"]["A"]>): LimitPolicy => ({
    ...p,
    bands: { ...p.bands, [b]: { ...p.bands[b], ...rule } },
  });
  const exact: Array<[string, (p: LimitPolicy) => unknown, string]> = [
    ["no limit section", () => undefined, "policy limit is missing."],
    ["limit is text", () => "generous", "policy limit is missing."],
    ["no bands at all", (p) => ({ ...p, bands: undefined }), "policy limit.bands.A is missing."],
    [
      "NaN share (shown as NaN, not null)",
      (p) => band(p, "B", { turnoverShare: NaN }),
      "policy limit.bands.B.turnoverShare must be a number from 0 to 1, got NaN.",
    ],
    [
      "Infinity share",
      (p) => band(p, "A", { netWorthShare: Infinity }),
      "policy limit.bands.A.netWorthShare must be a number from 0 to 1, got Infinity.",
    ],
    [
      "share as text",
      (p) => band(p, "C", { netWorthShare: "20%" as never }),
      'policy limit.bands.C.netWorthShare must be a number from 0 to 1, got "20%".',
    ],
    [
      "share missing",
      (p) => ({ ...p, bands: { ...p.bands, D: { netWorthShare: 0.1 } } }),
      "policy limit.bands.D.turnoverShare must be a number from 0 to 1, got undefined.",
    ],
    [
      "negative share",
      (p) => band(p, "E", { turnoverShare: -0.01 }),
      "policy limit.bands.E.turnoverShare must be a number from 0 to 1, got -0.01.",
    ],
    [
      "turnover share rising from C to D",
      (p) => band(p, "D", { turnoverShare: 0.04 }),
      "policy limit.bands.D allows more credit than band C: a worse band must never get a higher share.",
    ],
    [
      "band E given credit above band D",
      (p) => band(p, "E", { netWorthShare: 0.2 }),
      "policy limit.bands.E allows more credit than band D: a worse band must never get a higher share.",
    ],
    ["terms of half a day", (p) => ({ ...p, defaultTermsDays: 0.5 }), "policy limit.defaultTermsDays must be between 1 and 365 days."],
    ["terms above a year", (p) => ({ ...p, defaultTermsDays: 366 }), "policy limit.defaultTermsDays must be between 1 and 365 days."],
    ["terms NaN", (p) => ({ ...p, defaultTermsDays: NaN }), "policy limit.defaultTermsDays must be between 1 and 365 days."],
    ["ramp months NaN", (p) => ({ ...p, rampMonths: NaN }), "policy limit.rampMonths must be 0 or more."],
    ["negative ramp months", (p) => ({ ...p, rampMonths: -1 }), "policy limit.rampMonths must be 0 or more."],
    [
      "ramp start share above 1",
      (p) => ({ ...p, rampStartShare: 1.5 }),
      "policy limit.rampStartShare must be a number from 0 to 1, got 1.5.",
    ],
    ["rounding Infinity", (p) => ({ ...p, roundDownTo: Infinity }), "policy limit.roundDownTo must be 0 or more."],
    ["negative rounding", (p) => ({ ...p, roundDownTo: -100 }), "policy limit.roundDownTo must be 0 or more."],
    [
      "max limit Infinity",
      (p) => ({ ...p, maxLimit: Infinity }),
      "policy limit.maxLimit must be null (no maximum) or a non-negative amount, got Infinity.",
    ],
    [
      "max limit as text",
      (p) => ({ ...p, maxLimit: "1m" as never }),
      'policy limit.maxLimit must be null (no maximum) or a non-negative amount, got "1m".',
    ],
    [
      "max limit left out",
      (p) => ({ ...p, maxLimit: undefined as never }),
      "policy limit.maxLimit must be null (no maximum) or a non-negative amount, got nothing (the field is missing).",
    ],
  ];
  it.each(exact)("%s → exact message", (_n, mutate, message) => {
    expect(validateLimitPolicy(mutate(P) as LimitPolicy)).toEqual({ kind: "EngineError", code: "VALUE", message });
  });

  it("uses the prefix it is given", () => {
    expect(validateLimitPolicy({ ...P, rampMonths: -1 }, "draft.limit")?.message).toBe("policy draft.limit.rampMonths must be 0 or more.");
  });

  const good: Array<[string, (p: LimitPolicy) => LimitPolicy]> = [
    ["equal shares for neighbouring bands", (p) => band(p, "B", { netWorthShare: 0.5, turnoverShare: 0.1 })],
    [
      "every band cash in advance",
      (p) => ({
        ...p,
        bands: {
          A: { netWorthShare: 0, turnoverShare: 0 },
          B: { netWorthShare: 0, turnoverShare: 0 },
          C: { netWorthShare: 0, turnoverShare: 0 },
          D: { netWorthShare: 0, turnoverShare: 0 },
          E: { netWorthShare: 0, turnoverShare: 0 },
        },
      }),
    ],
    ["default terms of 365 days", (p) => ({ ...p, defaultTermsDays: 365 })],
    ["no ramp and no rounding", (p) => ({ ...p, rampMonths: 0, roundDownTo: 0 })],
    ["a maximum of 0", (p) => ({ ...p, maxLimit: 0 })],
  ];
  it.each(good)("accepts %s", (_n, mutate) => expect(validateLimitPolicy(mutate(P))).toBeNull());
  it("accepts 1-day default terms", () => expect(validateLimitPolicy({ ...P, defaultTermsDays: 1 })).toBeNull());
});

describe("recommendLimit: policy variants", () => {
  it("no ramp (rampMonths 0): a brand-new customer gets the full limit", () => {
    const r = recommendLimit({ ...base, relationshipMonths: 0 }, { ...P, rampMonths: 0 });
    expect(!isEngineError(r) && [r.limit, r.rule, r.rampShare]).toEqual([700_000, "net_worth_cap", 1]);
  });

  it("no rounding (roundDownTo 0) keeps the exact amount", () => {
    const r = recommendLimit({ ...base, netWorth: 1_234_567, annualSales: null }, { ...P, roundDownTo: 0 });
    expect(!isEngineError(r) && r.limit).toBeCloseTo(432_098.45, 6);
  });

  it("the ramp is applied before the policy maximum", () => {
    // 700,000 × 0.5 = 350,000 is below a 400,000 maximum: the ramp binds, not the maximum.
    const r = recommendLimit({ ...base, relationshipMonths: 0 }, { ...P, maxLimit: 400_000 });
    expect(!isEngineError(r) && [r.limit, r.rule, r.rampShare]).toEqual([350_000, "new_customer_ramp", 0.5]);
  });

  it("reports both caps and the ramp share", () => {
    const r = recommendLimit({ ...base, relationshipMonths: 6 }, P);
    expect(r).toEqual({
      limit: 525_000,
      band: "B",
      rule: "new_customer_ramp",
      netWorthCap: 700_000,
      turnoverCap: 1_000_000,
      rampShare: 0.75,
    });
  });
});
