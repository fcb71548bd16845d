import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { calibrate, FINANCIAL_FACTORS } from "../../scripts/lib/calibration";
import { readArff } from "../../scripts/lib/dataset";
import { main } from "../../scripts/calibrate";
import { validateModel } from "../../src/engine/scoring/model";
import type { Dataset } from "../../scripts/lib/dataset";

const FIXTURE = path.resolve(__dirname, "../fixtures/scoring/synthetic-polish.arff");
const load = (): Dataset => {
  const ds = readArff(readFileSync(FIXTURE, "utf8"));
  if (typeof ds === "string") throw new Error(ds);
  return ds;
};
const OPTS = { seed: 11, trainShare: 0.7, horizonYears: 5, dataName: "synthetic-polish.arff", version: "0.0.0-test" };

describe("calibration pipeline on a small synthetic ARFF", () => {
  const res = calibrate(load(), OPTS);

  test("the fixture maps to canonical keys (the size attribute is ignored)", () => {
    const ds = load();
    expect(ds.n).toBe(600);
    expect(Object.keys(ds.columns).sort()).toEqual(["cash_flow_to_debt", "debt_ratio", "ebit_to_assets", "interest_coverage", "quick_ratio", "retained_earnings_to_assets"]);
    expect(ds.ignored).toEqual(["Attr29"]);
  });

  test("it produces a valid model with calibrated financial and expert factors", () => {
    expect(validateModel(res.model)).toBeNull();
    const fin = res.model.factors.filter((f) => f.source === "calibrated").map((f) => f.key);
    expect(fin.length).toBeGreaterThanOrEqual(3);
    expect(fin.every((k) => FINANCIAL_FACTORS.some((f) => f.key === k))).toBe(true);
    expect(res.model.factors.filter((f) => f.source === "expert").map((f) => f.key)).toContain("avg_days_late");
    expect(res.model.version).toBe("0.0.0-test");
    expect(res.model.pd.horizonYears).toBe(5);
    expect(res.trainRows.length).toBe(420);
    expect(res.validationRows.length).toBe(180);
    for (const c of Object.values(res.coefficients)) expect(c.beta).toBeGreaterThan(0);
  });

  test("it separates the synthetic defaulters", () => {
    expect(res.train.auc).toBeGreaterThan(0.75);
    expect(res.validation.auc).toBeGreaterThan(0.7);
    expect(res.validation.n).toBe(180);
  });

  test("it is deterministic: same data and seed → identical model; another seed → another split", () => {
    expect(JSON.stringify(calibrate(load(), OPTS).model)).toBe(JSON.stringify(res.model));
    expect(calibrate(load(), { ...OPTS, seed: 12 }).validationRows).not.toEqual(res.validationRows);
  });

  test("the CLI writes the same model and reports errors with a non-zero exit", () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "cal-")), "model.json");
    const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
    const err = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      expect(main(["--data", FIXTURE, "--out", out, "--seed", "11", "--version", "0.0.0-test"])).toBe(0);
      const written = JSON.parse(readFileSync(out, "utf8"));
      written.calibration.data = res.model.calibration!.data;
      expect(written).toEqual(JSON.parse(JSON.stringify(res.model)));
      expect(main(["--data", "/nonexistent/file.arff", "--out", out])).toBe(1);
      expect(err.mock.calls.flat().join("\n")).toContain("file not found");
      expect(main(["--data", FIXTURE.replace(/\.arff$/, ".txt"), "--out", out])).toBe(1);
    } finally {
      log.mockRestore();
      err.mockRestore();
    }
  });
});
