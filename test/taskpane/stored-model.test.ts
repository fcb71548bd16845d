/**
 * The model stored in a workbook (fake host: the in-memory WorkbookPort):
 * store → load → the RISK formulas (shared runtime) score exactly like the
 * CLI given the same model file (`npm run score -- --model`); a corrupt or
 * unknown-format stored model gives the shipped model and stays untouched;
 * revert and re-use change only the record's flag.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { main as scoreMain } from "../../scripts/score";
import { creditLimit, creditScore } from "../../src/functions/functions";
import { activePolicy, setActiveModel } from "../../src/functions/active-policy";
import { DEFAULT_MODEL, ScorecardModel, validateModel } from "../../src/engine/scoring/model";
import { DEFAULT_POLICY } from "../../src/engine/policy";
import { creditScoreCore } from "../../src/engine/scoring/creditscore";
import { messageIn } from "../../src/engine/errors";
import { encodeStoredModel } from "../../src/engine/calibration/stored-model";
import { createMemoryWorkbook } from "../../src/taskpane/services/memory-workbook";
import {
  MODEL_SETTING,
  applyToFormulas,
  loadStoredModel,
  modelPartSetting,
  policyOf,
  setStoredModelActive,
  storeModel,
} from "../../src/taskpane/calibrate/model-store";

const dir = mkdtempSync(path.join(tmpdir(), "cs-stored-"));
const HEADERS = ["Customer", "Debt ratio", "Interest coverage", "Average days late", "Quick ratio"];

/** A valid variant of the shipped model: factor points scaled (monotone directions kept), band cut-offs moved. */
const arbModel: fc.Arbitrary<ScorecardModel> = fc
  .record({
    scales: fc.array(fc.double({ min: 0.5, max: 1.5, noNaN: true }), {
      minLength: DEFAULT_MODEL.factors.length,
      maxLength: DEFAULT_MODEL.factors.length,
    }),
    cuts: fc.uniqueArray(fc.integer({ min: 2, max: 98 }), { minLength: 4, maxLength: 4 }),
    neutral: fc.integer({ min: 30, max: 80 }),
  })
  .map(({ scales, cuts, neutral }) => {
    const c = [...cuts].sort((a, b) => b - a);
    const r2 = (x: number) => Math.round(x * 100) / 100;
    return {
      ...DEFAULT_MODEL,
      version: "2.0.0+test",
      neutralScore: neutral,
      factors: DEFAULT_MODEL.factors.map((f, i) => ({
        ...f,
        points: f.points.map((p) => r2(p * scales[i])),
        neutral: r2(f.neutral * scales[i]),
      })),
      bands: DEFAULT_MODEL.bands.map((b, i) => ({ ...b, minScore: i < 4 ? c[i] : 0 })),
    };
  });

const cell = (g: fc.Arbitrary<number>) =>
  fc.oneof({ weight: 4, arbitrary: g.map((x) => Math.round(x * 1000) / 1000) }, { weight: 1, arbitrary: fc.constant("") });
const arbRows = fc.array(
  fc.tuple(
    cell(fc.double({ min: 0, max: 1.5, noNaN: true })),
    cell(fc.double({ min: -5, max: 30, noNaN: true })),
    cell(fc.integer({ min: 0, max: 150 })),
    cell(fc.double({ min: 0, max: 5, noNaN: true })),
  ),
  { minLength: 1, maxLength: 12 },
);

afterEach(() => setActiveModel(null));

describe("a model stored in a workbook scores identically to the same model given to the CLI", () => {
  test("property: store → load → RISK.CREDITSCORE equals npm run score -- --model (score, band, PD, coverage, reasons)", async () => {
    const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
    let run = 0;
    try {
      await fc.assert(
        fc.asyncProperty(arbModel, arbRows, async (model, rows) => {
          expect(validateModel(model)).toBeNull();
          run++;
          const wb = createMemoryWorkbook({ tables: [] });
          await storeModel(wb, model, null, "2026-06-30");
          const state = await loadStoredModel(wb);
          expect(state.kind).toBe("stored");
          await applyToFormulas(wb, state);
          const data = rows.map((r, i) => [`C${i}`, ...r]);
          const formula = creditScore([HEADERS.slice(1), ...data.map((r) => r.slice(1))], undefined, "all") as unknown[][];

          const modelFile = path.join(dir, `m${run}.json`);
          writeFileSync(modelFile, JSON.stringify(model, null, 2));
          const input = path.join(dir, `in${run}.csv`);
          writeFileSync(input, [HEADERS, ...data].map((r) => r.join(",")).join("\n"));
          const out = path.join(dir, `out${run}.csv`);
          expect(await scoreMain([input, "--model", modelFile, "--out", out], "2026-06-30")).toBe(0);
          const cli = parse(readFileSync(out, "utf8"), { bom: true }) as string[][];
          const at = (name: string) => cli[0].indexOf(name);
          for (let i = 0; i < data.length; i++) {
            const f = formula[i + 1],
              c = cli[i + 1];
            if (f[0] === "") {
              expect(c[at("Score")]).toBe("");
              continue;
            }
            expect(Number(c[at("Score")])).toBe(f[0]);
            expect(c[at("Band")]).toBe(f[1]);
            // The CLI writes PDs to 6 decimal places.
            expect(Math.abs(Number(c[at("PD (12m)")]) - (f[2] as number))).toBeLessThanOrEqual(5.000001e-7);
            expect(Number(c[at("Coverage")])).toBe(f[3]);
            expect(c[at("Reasons")]).toBe(f[4]);
          }
          setActiveModel(null);
        }),
        { numRuns: 12, seed: 11 },
      );
    } finally {
      log.mockRestore();
    }
  });
});

describe("the stored model and the RISK formulas (shared runtime)", () => {
  const values = [
    ["Debt ratio", "Interest coverage", "Average days late"],
    [0.45, 12, 0],
    [0.9, 0.8, 40],
  ];
  const stored: ScorecardModel = {
    ...DEFAULT_MODEL,
    version: "2.0.0+levels",
    bands: DEFAULT_MODEL.bands.map((b, i) => ({ ...b, minScore: [90, 80, 70, 60, 0][i] })),
  };

  test("loading a stored model makes CREDITSCORE and CREDITLIMIT use it; revert is one flag and puts the shipped model back; the model stays stored", async () => {
    const wb = createMemoryWorkbook({ tables: [] });
    const shippedBands = creditScore(values, undefined, "band");
    let state = await storeModel(wb, stored, null, "2026-06-30");
    await applyToFormulas(wb, await loadStoredModel(wb));
    expect(activePolicy().model.version).toBe("2.0.0+levels");
    expect(wb.recalculations).toBe(1);
    const bands = creditScore(values, undefined, "band");
    expect(bands).toEqual(creditScoreCore(values, null, "band", "en", stored));
    expect(bands).not.toEqual(shippedBands);
    // CREDITLIMIT reads a score's band on the stored cut-offs: 75 is band C there, B on the shipped model.
    const lim = creditLimit([[75]], [[1_000_000]], [[10_000_000]], null as never, null as never, null as never, "all") as unknown[][];
    expect(lim[0][1]).toBe("C");

    const before = structuredClone(wb.settings.get(modelPartSetting(0)));
    state = await setStoredModelActive(wb, state as Extract<typeof state, { kind: "stored" }>, false);
    await applyToFormulas(wb, state);
    expect(state.kind).toBe("reverted");
    expect(activePolicy()).toBe(DEFAULT_POLICY);
    expect(policyOf(state)).toBe(DEFAULT_POLICY);
    expect(creditScore(values, undefined, "band")).toEqual(shippedBands);
    expect(wb.recalculations).toBe(2);
    expect(wb.settings.get(modelPartSetting(0))).toEqual(before);
    const again = await loadStoredModel(wb);
    expect(again.kind).toBe("reverted");
    state = await setStoredModelActive(wb, again as Extract<typeof again, { kind: "reverted" }>, true);
    expect((await loadStoredModel(wb)).kind).toBe("stored");
  });

  test.each([
    [
      "an unknown format",
      (m: Record<string, unknown>) => ({ ...m, format: 2 }),
      /format 2, which this version of CreditSentinel does not know/,
      /不认识该格式/,
    ],
    ["an edited part (hash)", null, /does not match its recorded hash/, /哈希值不符/],
    ["a missing part", "drop", /part 1 of 1 is missing/, /缺少第 1 段/],
  ])("%s: the shipped model is used, the message says why (en, zh), nothing stored is touched", async (_name, change, en, zh) => {
    const wb = createMemoryWorkbook({ tables: [] });
    const { manifest, parts } = encodeStoredModel(stored, null, "2026-06-30");
    wb.settings.set(MODEL_SETTING, typeof change === "function" ? change(manifest as unknown as Record<string, unknown>) : manifest);
    if (change !== "drop")
      wb.settings.set(modelPartSetting(0), change === null ? parts[0].replace('"2.0.0+levels"', '"2.0.0+levelz"') : parts[0]);
    const snapshot = structuredClone([...wb.settings.entries()]);
    setActiveModel(stored);
    const state = await loadStoredModel(wb);
    expect(state.kind).toBe("broken");
    if (state.kind !== "broken") return;
    expect(messageIn(state.error, "en")).toMatch(en);
    expect(messageIn(state.error, "en")).toContain("The shipped model is used; the stored model is kept as it is.");
    expect(messageIn(state.error, "zh")).toMatch(zh);
    await applyToFormulas(wb, state);
    expect(activePolicy()).toBe(DEFAULT_POLICY);
    expect(policyOf(state)).toBe(DEFAULT_POLICY);
    expect([...wb.settings.entries()]).toEqual(snapshot);
  });
});
