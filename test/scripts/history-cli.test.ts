import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../scripts/calibrate";
import { main as scoreMain } from "../../scripts/score";
import { validateModel } from "../../src/engine/scoring/model";
import { CANONICAL_RATIOS } from "../../src/engine/calibration/fit";
import { syntheticHistory } from "../../bench/scoring";

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [],
    err: string[] = [];
  const code = await main(
    args,
    (s) => out.push(s),
    (s) => err.push(s),
  );
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const dir = mkdtempSync(path.join(tmpdir(), "cs-hist-"));
/** A history file: every canonical ratio and a "defaulted" column (yes/no), the first `rows` synthetic customers. */
function historyCsv(name: string, rows: number, seed = 9): string {
  const h = syntheticHistory(rows, seed);
  const keys = CANONICAL_RATIOS.map((f) => f.key);
  const lines = [[...keys, "defaulted"].join(",")];
  for (let i = 0; i < h.n; i++)
    lines.push(
      [
        ...keys.map((k) => {
          const x = h.columns[k]![i];
          return x === x ? String(x) : "";
        }),
        h.label[i] ? "yes" : "no",
      ].join(","),
    );
  const file = path.join(dir, name);
  writeFileSync(file, lines.join("\n"));
  return file;
}

describe("npm run calibrate -- <history> (fit to my portfolio)", () => {
  const big = historyCsv("big.csv", 1500); // about 130 defaults: the full refit
  test("stage auto: the highest the defaults allow; the report puts the fit next to the shipped model; the model is written", async () => {
    const out = path.join(dir, "fit.json");
    const r = await run([big, "--label", "defaulted", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/big\.csv: 1500 rows, \d+ defaults; label "defaulted"; stage full/);
    expect(r.out).toMatch(
      /5-fold cross-validation \(seed 1\) on the same rows:\n  fitted +AUC \d\.\d{3}  KS \d\.\d{3}  Brier \d\.\d{4}  bands D–E: [\d.]+ % of defaults, [\d.]+ % of healthy\n  shipped model +AUC/,
    );
    expect(r.out).toContain("bands (cut-off, rows, defaults, 12-month PD): A ≥");
    const model = JSON.parse(readFileSync(out, "utf8"));
    expect(validateModel(model)).toBeNull();
    expect(model.version).toBe("2.0.0+full");
    expect(model.calibration.fit).toMatchObject({ stage: "full", rows: 1500, better: true });
    // the same history and seed give the same file
    const again = path.join(dir, "again.json");
    await run([big, "--label", "defaulted", "--out", again]);
    expect(readFileSync(again, "utf8")).toBe(readFileSync(out, "utf8"));
  });

  test("--lang zh: the fit report is in Chinese, with the same figures and the same model file", async () => {
    const small = historyCsv("small-zh.csv", 200);
    const en = await run([small, "--label", "defaulted", "--out", path.join(dir, "en.json"), "--holdout", "0.3"]);
    const zh = await run([small, "--label", "defaulted", "--out", path.join(dir, "zh.json"), "--holdout", "0.3", "--lang", "zh"]);
    expect(zh.code).toBe(en.code);
    expect(zh.out).toMatch(
      /small-zh\.csv：\d+ 行，\d+ 个违约（在 200 行中的 70\.0 % 上拟合；留出 \d+ 行）；标签列“defaulted”；阶段 levels/,
    );
    expect(zh.out).toMatch(/相同行上的 5 折交叉验证（种子 1）：\n  拟合模型 +AUC/);
    expect(zh.out).toContain("等级（分界、行数、违约数、12 个月违约概率）：A ≥");
    expect(zh.out).not.toMatch(/cross-validation|held-out|of defaults|shipped model/);
    const figures = (s: string) => s.match(/\d+\.\d+/g);
    expect(figures(zh.out)).toEqual(figures(en.out));
  });

  test("a stage the history has too few defaults for is refused with the number it needs (exit 1, nothing written)", async () => {
    const small = historyCsv("small.csv", 200); // about 15 defaults
    const out = path.join(dir, "none.json");
    const r = await run([small, "--label", "defaulted", "--out", out, "--stage", "weights"]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/calibrate: Refitting the factor weights needs at least 25 defaults in the history; it has \d+\./);
    expect(existsSync(out)).toBe(false);
    const zh = await run([small, "--label", "defaulted", "--out", out, "--stage", "full", "--lang", "zh"]);
    expect(zh.err).toMatch(/完全重新拟合（分箱与权重）至少需要 100 个违约样本/);
    const levels = await run([small, "--label", "defaulted", "--out", out]);
    expect(levels.out).toContain("stage levels");
  });

  test("a fit that does worse than the shipped model in cross-validation writes nothing and says so", async () => {
    // labels that have nothing to do with the ratios: the refit cannot beat the shipped ranking out of fold
    const file = path.join(dir, "noise.csv");
    const lines = readFileSync(historyCsv("noise-src.csv", 600, 1), "utf8").split("\n");
    writeFileSync(
      file,
      lines.map((l, i) => (i === 0 ? l : l.replace(/,(yes|no)$/, ((i - 1) * 7919) % 13 === 0 ? ",yes" : ",no"))).join("\n"),
    );
    const out = path.join(dir, "worse.json");
    const r = await run([file, "--label", "defaulted", "--out", out, "--stage", "weights"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      `The fit did worse than the shipped model in cross-validation: ${out} was not written; keep the shipped model.`,
    );
    expect(existsSync(out)).toBe(false);
  });

  test("--holdout fits on the rest and reports both models on the held-out rows", async () => {
    const r = await run([big, "--label", "defaulted", "--out", path.join(dir, "h.json"), "--holdout", "0.5"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/750 rows, \d+ defaults \(fitted on 50\.0 % of 1500 rows; 750 held out\)/);
    expect(r.out).toMatch(/held-out rows \(750, \d+ defaults\), never fitted:\n  fitted +AUC \d\.\d{3}/);
  });

  test("an .xlsx history is read from its first worksheet", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Customers");
    const lines = readFileSync(big, "utf8")
      .split("\n")
      .map((l) => l.split(","));
    lines.forEach((cells, i) =>
      ws.addRow(i === 0 ? cells : cells.map((c, j) => (j === cells.length - 1 ? c : c === "" ? null : Number(c)))),
    );
    const file = path.join(dir, "history.xlsx");
    await wb.xlsx.writeFile(file);
    const a = await run([file, "--label", "defaulted", "--out", path.join(dir, "x.json")]);
    const b = await run([big, "--label", "defaulted", "--out", path.join(dir, "c.json")]);
    expect(a.code).toBe(0);
    expect(readFileSync(path.join(dir, "x.json"), "utf8")).toBe(
      readFileSync(path.join(dir, "c.json"), "utf8").replace('"big.csv"', '"history.xlsx"'),
    );
    expect(b.code).toBe(0);
  });

  test("refusals: no --out, --out the input itself, a bad stage, rate or holdout, an unreadable format", async () => {
    expect(await run([big, "--label", "defaulted"])).toMatchObject({
      code: 2,
      err: expect.stringContaining("name the model file to write with --out"),
    });
    expect(await run([big, "--label", "defaulted", "--out", big])).toMatchObject({
      code: 2,
      err: expect.stringContaining("--out must not be the history file"),
    });
    expect(await run([big, "--out", path.join(dir, "m.json"), "--stage", "most"])).toMatchObject({
      code: 2,
      err: expect.stringContaining("--stage must be auto, levels, weights or full"),
    });
    expect(
      await run([big, "--label", "defaulted", "--out", path.join(dir, "r.json"), "--stage", "levels", "--default-rate", "5"]),
    ).toMatchObject({ code: 1, err: expect.stringContaining("share between 0 and 1") });
    expect(await run([big, "--out", path.join(dir, "m.json"), "--holdout", "1"])).toMatchObject({
      code: 2,
      err: expect.stringContaining("--holdout must be a share between 0 and 1"),
    });
    expect(await run([path.join(dir, "h.txt"), "--out", path.join(dir, "m.json")])).toMatchObject({
      code: 1,
      err: expect.stringContaining("give a .csv, .xlsx or .arff file"),
    });
    expect(await run([big, "--out", path.join(dir, "m.json"), "--lang", "fr"])).toMatchObject({
      code: 2,
      err: expect.stringContaining("--lang must be en or zh"),
    });
  });
});

describe("npm run score -- <in> --model <model.json>", () => {
  test("scores with the fitted model; a missing model file is an error (exit 1)", async () => {
    const model = path.join(dir, "fit.json");
    if (!existsSync(model)) await run([historyCsv("big2.csv", 1500), "--label", "defaulted", "--out", model]);
    const input = path.join(dir, "customers.csv");
    writeFileSync(input, "Customer,Debt ratio,Quick ratio,ROA\nA,0.3,2,0.1\nB,0.9,0.3,-0.2\n");
    const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
    const err = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      expect(await scoreMain([input, "--out", path.join(dir, "shipped.csv")], "2026-06-30")).toBe(0);
      expect(await scoreMain([input, "--model", model, "--out", path.join(dir, "fitted.csv")], "2026-06-30")).toBe(0);
      const shipped = readFileSync(path.join(dir, "shipped.csv"), "utf8"),
        fitted = readFileSync(path.join(dir, "fitted.csv"), "utf8");
      expect(fitted).not.toBe(shipped); // other points, other cut-offs
      expect(await scoreMain([input, "--model", path.join(dir, "missing.json")], "2026-06-30")).toBe(1);
      expect(err.mock.calls.flat().join("\n")).toContain("model file not found");
      err.mockClear();
      // A usage error scores nothing: exit 1 (the score CLI's contract), and the message names the option.
      expect(await scoreMain([input, "--model"], "2026-06-30")).toBe(1);
      expect(err.mock.calls.flat().join("\n")).toContain("--model");
    } finally {
      log.mockRestore();
      err.mockRestore();
    }
  });
});
