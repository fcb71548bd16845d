import { DEFAULT_POLICY, POLICY_VERSION, CreditPolicy, validatePolicy } from "../../src/engine/policy";
import { dunningStage, DunningLadder } from "../../src/engine/receivables/dunning";

/** A deep, mutable copy of the default policy, as a policy editor or a JSON file would hold it. */
const clone = (): CreditPolicy => JSON.parse(JSON.stringify(DEFAULT_POLICY));
type Loose = Record<string, unknown> & {
  dunning: { levels: Array<Record<string, unknown>> };
  model: Record<string, unknown>;
  limit: Record<string, unknown>;
};

describe("validatePolicy", () => {
  it("accepts the default policy and its JSON round trip", () => {
    expect(validatePolicy(DEFAULT_POLICY)).toBeNull();
    expect(validatePolicy(clone())).toBeNull();
    expect(POLICY_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });

  const bad: Array<[string, (p: Loose) => unknown, string]> = [
    // the object itself
    ["null", () => null, "policy must be an object."],
    ["text", () => "default", "policy must be an object."],
    ["a number", () => 1, "policy must be an object."],
    // version
    ["version missing", (p) => ({ ...p, version: undefined }), 'policy version must look like "1.0.0", got undefined.'],
    ["version with two parts", (p) => ({ ...p, version: "1.0" }), 'policy version must look like "1.0.0", got "1.0".'],
    ["version as a number", (p) => ({ ...p, version: 1 }), 'policy version must look like "1.0.0", got 1.'],
    ["version with a prefix", (p) => ({ ...p, version: "v1.0.0" }), 'policy version must look like "1.0.0", got "v1.0.0".'],
    // model: the model's own message, prefixed
    ["model missing", (p) => ({ ...p, model: undefined }), "policy model: model: expected a scorecard model object."],
    ["model without bands", (p) => ({ ...p, model: { ...p.model, bands: [] } }), "policy model: model.bands: expected 5 bands A–E."],
    [
      "model with NaN pd scale",
      (p) => ({ ...p, model: { ...p.model, pd: { logOddsAtZero: -6.9, pointsPerLogOdds: NaN, horizonYears: 5 } } }),
      "policy model: model.pd.pointsPerLogOdds: expected a positive number.",
    ],
    // limit: the limit policy's message as is
    ["limit missing", (p) => ({ ...p, limit: null }), "policy limit is missing."],
    [
      "limit share NaN",
      (p) => {
        (p.limit.bands as Record<string, Record<string, number>>).A.netWorthShare = NaN;
        return p;
      },
      "policy limit.bands.A.netWorthShare must be a number from 0 to 1, got NaN.",
    ],
    [
      "band shares not decreasing from A to E",
      (p) => {
        (p.limit.bands as Record<string, Record<string, number>>).D.turnoverShare = 0.05;
        return p;
      },
      "policy limit.bands.D allows more credit than band C: a worse band must never get a higher share.",
    ],
    // dunning ladder
    ["dunning missing", (p) => ({ ...p, dunning: undefined }), "policy dunning.levels must list at least one stage."],
    [
      "dunning levels not a list",
      (p) => ({ ...p, dunning: { levels: "reminder" } }),
      "policy dunning.levels must list at least one stage.",
    ],
    ["no stages", (p) => ({ ...p, dunning: { levels: [] } }), "policy dunning.levels must list at least one stage."],
    [
      "a stage that is null",
      (p) => {
        p.dunning.levels[2] = null as never;
        return p;
      },
      "policy dunning.levels[2] must be a stage { fromDay, name, minOpen, graceDays }.",
    ],
    [
      "fractional day",
      (p) => {
        p.dunning.levels[1].fromDay = 2.5;
        return p;
      },
      "policy dunning.levels[1].fromDay must be a whole number of days.",
    ],
    [
      "day as text",
      (p) => {
        p.dunning.levels[0].fromDay = "-7";
        return p;
      },
      "policy dunning.levels[0].fromDay must be a whole number of days.",
    ],
    [
      "days not ascending",
      (p) => {
        p.dunning.levels[3].fromDay = 15;
        return p;
      },
      "policy dunning.levels[3].fromDay must be later than the stage before it.",
    ],
    [
      "Chinese name missing",
      (p) => {
        p.dunning.levels[0].name = { en: "Reminder" };
        return p;
      },
      "policy dunning.levels[0].name needs an English and a Chinese name.",
    ],
    [
      "name missing",
      (p) => {
        delete p.dunning.levels[4].name;
        return p;
      },
      "policy dunning.levels[4].name needs an English and a Chinese name.",
    ],
    [
      "minimum amount missing",
      (p) => {
        delete p.dunning.levels[1].minOpen;
        return p;
      },
      "policy dunning.levels[1].minOpen must be an amount of 0 or more.",
    ],
    [
      "negative minimum amount",
      (p) => {
        p.dunning.levels[1].minOpen = -10;
        return p;
      },
      "policy dunning.levels[1].minOpen must be an amount of 0 or more.",
    ],
    [
      "minimum amount NaN",
      (p) => {
        p.dunning.levels[1].minOpen = NaN;
        return p;
      },
      "policy dunning.levels[1].minOpen must be an amount of 0 or more.",
    ],
    [
      "grace days missing",
      (p) => {
        delete p.dunning.levels[2].graceDays;
        return p;
      },
      "policy dunning.levels[2].graceDays must be a whole number of days, 0 or more.",
    ],
    [
      "negative grace days",
      (p) => {
        p.dunning.levels[2].graceDays = -1;
        return p;
      },
      "policy dunning.levels[2].graceDays must be a whole number of days, 0 or more.",
    ],
    [
      "fractional grace days",
      (p) => {
        p.dunning.levels[2].graceDays = 1.5;
        return p;
      },
      "policy dunning.levels[2].graceDays must be a whole number of days, 0 or more.",
    ],
  ];
  it.each(bad)("%s → #VALUE! naming the field", (_name, mutate, message) => {
    expect(validatePolicy(mutate(clone() as unknown as Loose))).toEqual({ kind: "EngineError", code: "VALUE", message });
  });

  it("a ladder without grace days would silently skip its stage, so it is rejected", () => {
    // Why minOpen/graceDays are checked: dunningStage compares against fromDay + graceDays,
    // and undefined makes that NaN, so "Legal escalation" would never be reached.
    const p = clone() as unknown as Loose;
    delete p.dunning.levels[2].graceDays;
    const ladder = p.dunning as unknown as DunningLadder;
    expect(dunningStage(20, 1000, false, ladder).stage).toBe(2); // 20 days overdue should be stage 3
    expect(validatePolicy(p)?.message).toContain("dunning.levels[2].graceDays");
  });

  it("accepts a user ladder with grace days and minimum amounts, and a limit maximum", () => {
    const p = clone();
    p.limit.maxLimit = 500_000;
    (p.dunning as { levels: unknown[] }).levels = [
      { fromDay: 0, name: { en: "Reminder", zh: "提醒" }, minOpen: 0, graceDays: 0 },
      { fromDay: 30, name: { en: "Stop supply", zh: "停止供货" }, minOpen: 1000, graceDays: 5 },
    ];
    expect(validatePolicy(p)).toBeNull();
  });

  it("checks the parts in order: version, model, limit, dunning", () => {
    const p = { version: "x", model: null, limit: null, dunning: null };
    expect(validatePolicy(p)?.message).toMatch(/^policy version/);
    expect(validatePolicy({ ...p, version: "1.0.0" })?.message).toMatch(/^policy model/);
    expect(validatePolicy({ ...p, version: "1.0.0", model: DEFAULT_POLICY.model })?.message).toBe("policy limit is missing.");
    expect(validatePolicy({ ...p, version: "1.0.0", model: DEFAULT_POLICY.model, limit: DEFAULT_POLICY.limit })?.message).toBe(
      "policy dunning.levels must list at least one stage.",
    );
  });
});
