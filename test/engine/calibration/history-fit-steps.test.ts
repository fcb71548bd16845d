import { isEngineError } from "../../../src/engine/errors";
import { DEFAULT_MODEL } from "../../../src/engine/scoring/model";
import { FitProgress, fitHistory, fitHistorySteps } from "../../../src/engine/calibration/history-fit";
import { calibrationDistribution, scoreStability } from "../../../src/engine/calibration/monitor";
import { scoreSample } from "../../../src/engine/calibration/evaluation";
import { syntheticHistory } from "../../../bench/scoring";

describe("fitHistorySteps (the pane's fit in slices)", () => {
  const h = syntheticHistory(600, 3);
  test("yields progress after preparing and after each fold, and ends with the same fit as fitHistory", () => {
    const seen: FitProgress[] = [];
    const g = fitHistorySteps(DEFAULT_MODEL, h, { stage: "weights" }, "en");
    let r = g.next();
    while (!r.done) {
      seen.push(r.value);
      r = g.next();
    }
    expect(seen).toEqual([1, 2, 3, 4, 5, 6].map((done) => ({ done, total: 7 })));
    expect(r.value).toEqual(fitHistory(DEFAULT_MODEL, h, { stage: "weights" }, "en"));
  });

  test("a fitted model carries its history's score distribution and band shares: the reference of the stability index", () => {
    const fit = fitHistory(DEFAULT_MODEL, h, { stage: "levels" }, "en");
    if (isEngineError(fit)) throw new Error(fit.message);
    const ref = calibrationDistribution(fit.model)!;
    expect(ref.shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
    const bandShares = (fit.model.calibration as { bandShares: number[] }).bandShares;
    expect(bandShares).toEqual(fit.bands.map((b) => Math.round((b.n / h.n) * 1e4) / 1e4));
    // Scoring the same history again is perfectly stable.
    const again = scoreStability(fit.model, Array.from(scoreSample(h, fit.model).score));
    expect(again!.psi).toBeLessThan(0.001);
  });

  test("a refused stage ends at once with its refusal, without yielding", () => {
    const g = fitHistorySteps(DEFAULT_MODEL, syntheticHistory(100, 3), { stage: "full" }, "en");
    const r = g.next();
    expect(r.done).toBe(true);
    expect(isEngineError(r.value) && r.value.message).toMatch(/needs at least 100 defaults/);
  });
});
