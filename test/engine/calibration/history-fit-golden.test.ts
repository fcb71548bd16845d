/**
 * Golden results of the history fit: the fit of fixed, seeded histories must
 * stay the same byte for byte when the engine is made faster (typed arrays,
 * precomputed columns, …). The golden file was written by the engine before
 * those optimisations. A deliberate change of the fit's results (a new rule,
 * a changed shipped model) regenerates it:
 *   GOLDEN_WRITE=1 npx jest test/engine/calibration/history-fit-golden.test.ts
 * and the commit says why the results changed.
 */
import * as fs from "fs";
import * as path from "path";
import { fitHistory, FitStage } from "../../../src/engine/calibration/history-fit";
import { fitLogistic } from "../../../src/engine/calibration/logistic";
import { fitBinning, applyBinning } from "../../../src/engine/calibration/binning";
import { auc, ks, brier } from "../../../src/engine/calibration/metrics";
import { CANONICAL_RATIOS } from "../../../src/engine/calibration/fit";
import type { Sample } from "../../../src/engine/calibration/sample";
import { DEFAULT_MODEL } from "../../../src/engine/scoring/model";
import { mulberry32 } from "../../../src/engine/random";

const GOLDEN = path.join(__dirname, "../../fixtures/calibration/history-fit-golden.json");

/** n customers × every canonical ratio, about 8 % defaults, 3 % blanks (the bench's history, kept here so a bench change cannot move the golden). */
function ratiosHistory(n: number, seed: number): Sample {
  const r = mulberry32(seed);
  const latent = Float64Array.from({ length: n }, () => r() * 2 - 1);
  const columns: Sample["columns"] = {};
  for (const f of CANONICAL_RATIOS) {
    const up = f.direction === "increasing" ? 1 : -1;
    columns[f.key] = Float64Array.from(latent, (z) => (r() < 0.03 ? NaN : up * z + (r() - 0.5) * 1.5));
  }
  const label = Uint8Array.from(latent, (z) => (r() < 1 / (1 + Math.exp(3 + 2.2 * z)) ? 1 : 0));
  return { n, label, columns };
}

/** A history given partly as statement items (ratios derived), with a telling blank debt ratio and payment columns. */
function mixedHistory(n: number, seed: number): Sample {
  const r = mulberry32(seed);
  const latent = Float64Array.from({ length: n }, () => r() * 2 - 1);
  const label = Uint8Array.from(latent, (z) => (r() < 1 / (1 + Math.exp(2.6 + 2 * z)) ? 1 : 0));
  const col = (f: (z: number, i: number) => number): Float64Array => Float64Array.from(latent, f);
  const assets = col(() => 1000 + r() * 9000);
  const liab = col((z, i) => assets[i] * Math.max(0.05, 0.6 - 0.3 * z + (r() - 0.5) * 0.4));
  const ebit = col((z, i) => assets[i] * (0.04 + 0.08 * z + (r() - 0.5) * 0.1));
  return {
    n,
    label,
    columns: {
      total_assets: assets,
      total_liabilities: liab,
      ebit,
      interest_expense: col((z, i) => (r() < 0.06 + 0.1 * label[i] ? NaN : liab[i] * 0.04 * r())),
      debt_ratio: col((z, i) => ((label[i] === 1 && i % 3 === 0) || i % 50 === 0 ? NaN : liab[i] / assets[i])),
      quick_ratio: col((z) => (r() < 0.05 ? NaN : Math.max(0, 1 + 0.6 * z + (r() - 0.5)))),
      avg_days_late: col((z) => Math.max(0, Math.round(20 - 18 * z + (r() - 0.5) * 30))),
      years_in_business: col((z) => Math.max(0, Math.round(12 + 8 * z + (r() - 0.5) * 16))),
    },
  };
}

type Golden = Record<string, unknown>;

function compute(): Golden {
  const out: Golden = {};
  const ratios = ratiosHistory(5000, 5);
  for (const stage of ["levels", "weights", "full"] as FitStage[])
    out[`ratios-5000/${stage}`] = fitHistory(DEFAULT_MODEL, ratios, { stage }, "en");
  out["ratios-5000/full/seed-7/folds-4"] = fitHistory(DEFAULT_MODEL, ratios, { stage: "full", seed: 7, folds: 4 }, "en");
  const mixed = mixedHistory(3000, 11);
  for (const stage of ["levels", "weights", "full"] as FitStage[])
    out[`mixed-3000/${stage}`] = fitHistory(DEFAULT_MODEL, mixed, { stage }, "zh");
  out["mixed-3000/levels/rate"] = fitHistory(
    DEFAULT_MODEL,
    mixed,
    { stage: "levels", expectedDefaultRate: 0.03, labelHorizonYears: 2 },
    "en",
  );
  // The pieces the fit is made of, on their own.
  const y = ratios.label;
  const x1 = ratios.columns.debt_ratio!;
  const x2 = ratios.columns.roa!;
  const bin1 = fitBinning(x1, y, { direction: "decreasing" });
  const bin2 = fitBinning(x2, y, { direction: "increasing" });
  const w1 = applyBinning(bin1, x1);
  const w2 = applyBinning(bin2, x2);
  const offset = Float64Array.from(w1, (w, i) => 0.1 * w - 0.05 * w2[i]);
  out["pieces/binning"] = [bin1, bin2];
  out["pieces/logistic"] = [fitLogistic([w1, w2], y), fitLogistic([w1, w2], y, 0.01, 50, 1e-10, offset), fitLogistic([w1, w1, w2], y, 0)];
  const risk = Float64Array.from(w1, (w, i) => -w - w2[i]);
  out["pieces/metrics"] = [
    auc(risk, y),
    ks(risk, y),
    brier(
      Float64Array.from(risk, (z) => 1 / (1 + Math.exp(-z))),
      y,
    ),
  ];
  return out;
}

/** JSON with every number written exactly (shortest round-trip form; −0, NaN and ±Infinity spelled out). */
function exact(value: unknown): string {
  return JSON.stringify(
    value,
    function (this: unknown, _k, v: unknown) {
      if (typeof v === "number") {
        if (Number.isNaN(v) || !Number.isFinite(v) || Object.is(v, -0)) return `number:${Object.is(v, -0) ? "-0" : String(v)}`;
        return v;
      }
      if (ArrayBuffer.isView(v))
        return Array.from(v as unknown as ArrayLike<number>, (x) =>
          Object.is(x, -0) || !Number.isFinite(x) ? `number:${Object.is(x, -0) ? "-0" : String(x)}` : x,
        );
      return v;
    },
    1,
  );
}

describe("history fit golden results (the same model byte for byte as before the speed-ups)", () => {
  const now = JSON.parse(exact(compute())) as Golden;
  if (process.env.GOLDEN_WRITE === "1") fs.writeFileSync(GOLDEN, exact(now) + "\n");
  const golden = JSON.parse(fs.readFileSync(GOLDEN, "utf8")) as Golden;
  test("the golden file covers every case", () => expect(Object.keys(now).sort()).toEqual(Object.keys(golden).sort()));
  test.each(Object.keys(golden))("%s", (key) => {
    // Compared as exact text: a change in the last bit of any number fails.
    expect(exact(now[key])).toBe(exact(golden[key]));
  });
});
