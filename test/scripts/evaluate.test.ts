import * as path from "path";
import { USAGE, main, usage } from "../../scripts/evaluate";
import { DEFAULT_MODEL } from "../../src/engine/scoring/model";
import { scoreCustomer } from "../../src/engine/scoring/score";
import { matchHeader } from "../../src/engine/scoring/headers";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { splitRecord } from "../../scripts/lib/dataset";
import type { FactorKey } from "../../src/engine/scoring/factors";

const CSV = path.resolve(__dirname, "../fixtures/scoring/evaluate-small.csv");

function run(args: string[]): { code: number; out: string; err: string } {
  const out: string[] = [],
    err: string[] = [];
  const code = main(
    args,
    (s) => out.push(s),
    (s) => err.push(s),
  );
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** Independent AUC by counting (defaulter, healthy) pairs. */
function pairAuc(score: number[], y: number[]): number {
  let good = 0,
    pairs = 0;
  for (let i = 0; i < y.length; i++)
    for (let j = 0; j < y.length; j++) {
      if (y[i] !== 1 || y[j] !== 0) continue;
      pairs++;
      good += score[i] < score[j] ? 1 : score[i] === score[j] ? 0.5 : 0;
    }
  return good / pairs;
}

describe("npm run evaluate on a small CSV with English and Chinese headers", () => {
  test("prints n, AUC, KS, Brier, D–E shares and the classical models", () => {
    const r = run([CSV, "--label", "default"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("n = 12 (defaulters 4, 33.3 %)");
    // the same rows scored through scoreCustomer → the same AUC
    const lines = readFileSync(CSV, "utf8")
      .trim()
      .split("\n")
      .map((l) => splitRecord(l));
    const keys = lines[0].map((h) => matchHeader(h));
    const scores: number[] = [],
      y: number[] = [];
    for (const row of lines.slice(1)) {
      const rec: Partial<Record<FactorKey, number>> = {};
      row.forEach((cell, j) => {
        const k = keys[j];
        // a blank cell in a column the file has stays a key (NaN): "not reported", as evaluate reads it
        if (k && k !== "customer_name") rec[k as FactorKey] = cell !== "" && cell !== "n/a" ? Number(cell) : NaN;
      });
      scores.push(scoreCustomer(rec).score);
      y.push(Number(row[row.length - 1]));
    }
    expect(r.out).toContain(`AUC ${pairAuc(scores, y).toFixed(3)}`);
    expect(r.out).toMatch(/KS \d\.\d{3}\s+Brier \d\.\d{4} \(PD over 1 y\)/);
    expect(r.out).toMatch(/bands D–E hold \d+\.\d % of defaulters and \d+\.\d % of healthy firms/);
    expect(r.out).toMatch(/Altman Z''\s+AUC \d\.\d{3}\s+KS \d\.\d{3} on 12 rows/);
    expect(r.out).toMatch(/Ohlson O\s+AUC (\d\.\d{3}|n\/a)\s+KS/);
    expect(r.out).toMatch(/Zmijewski\s+AUC (\d\.\d{3}|n\/a)\s+KS/);
    expect(r.out).toContain("factors debt_ratio, interest_coverage");
  });

  test("--horizon changes the Brier horizon; --split validation runs on the fixed split", () => {
    expect(run([CSV, "--label", "default", "--horizon", "5"]).out).toContain("(PD over 5 y)");
    const v = run([CSV, "--label", "default", "--split", "validation"]);
    expect(v.code).toBe(0);
    expect(v.out).toContain("validation split (seed 20240917, 70/30 stratified)");
    expect(v.out).toContain("n = 3 (defaulters 1,"); // 30 % of 8 healthy (2) and of 4 defaulters (1), rounded
  });

  test("--bad names the defaulted value: the same file with the label flipped gives the same figures", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cs-eval-"));
    const flipped = path.join(dir, "flipped.csv");
    const lines = readFileSync(CSV, "utf8").trim().split("\n");
    writeFileSync(
      flipped,
      [lines[0], ...lines.slice(1).map((l) => l.replace(/,([01])$/, (_, y) => `,${y === "1" ? "0" : "1"}`))].join("\n"),
    );
    const a = run([CSV, "--label", "default"]),
      b = run([flipped, "--label", "default", "--bad", "0"]);
    expect(b.code).toBe(0);
    expect(b.out).toContain('label "default" (defaulted = "0")');
    const figures = (s: string): string => s.split("\n").slice(1).join("\n");
    expect(figures(b.out)).toBe(figures(a.out));
  });

  test("a UCI Polish 'N-th year' ARFF sets the label horizon to 6 − N years", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cs-eval-"));
    const body = "@attribute Attr2 numeric\n@attribute Attr7 numeric\n@attribute class {0,1}\n@data\n0.3,0.1,0\n0.9,-0.2,1\n0.5,0.05,0\n";
    const file = (rel: string): string => {
      const f = path.join(dir, `${rel}.arff`);
      writeFileSync(f, `@relation '${rel}-weka.filters'\n${body}`);
      return f;
    };
    expect(run([file("5year")]).out).toContain("(PD over 1 y)");
    expect(run([file("2year")]).out).toContain("(PD over 4 y)");
    expect(run([file("other")]).out).toContain("(PD over 5 y)"); // Polish attributes, unknown year: the 1st-year file's 5
    expect(run([file("5year"), "--horizon", "3"]).out).toContain("(PD over 3 y)");
  });

  test("--cutoff prints the shares below a what-if cut-off; at the C|D cut-off they equal the D–E shares", () => {
    const cd = DEFAULT_MODEL.bands.find((b) => b.band === "C")!.minScore; // band D starts below it
    const r = run([CSV, "--label", "default", "--cutoff", String(cd)]);
    expect(r.code).toBe(0);
    const de = /bands D–E hold (\S+ %) of defaulters and (\S+ %) of healthy firms/.exec(r.out)!;
    expect(r.out).toContain(`below cut-off ${cd}: ${de[1]} of defaulters and ${de[2]} of healthy firms`);
    // at 100, every row but those shown as 100 (the best the scale keeps) is below
    const all = run([CSV, "--label", "default", "--cutoff", "100.1"]);
    expect(all).toMatchObject({ code: 2 });
    expect(run([CSV, "--label", "default", "--cutoff", "100"]).out).toMatch(
      /below cut-off 100: \d+\.\d % of defaulters and \d+\.\d % of healthy firms/,
    );
    expect(run([CSV, "--label", "default", "--cutoff", "0"]).out).toContain(
      "below cut-off 0: 0.0 % of defaulters and 0.0 % of healthy firms",
    );
    expect(run([CSV, "--label", "default", "--cutoff", "high"])).toMatchObject({
      code: 2,
      err: expect.stringContaining("--cutoff must be a score from 0 to 100"),
    });
  });

  test("errors: missing file, unreadable format, missing label, bad options", () => {
    expect(run(["/no/such/file.csv"])).toMatchObject({ code: 1, err: expect.stringContaining("file not found") });
    expect(run([path.resolve(__dirname, "evaluate.test.ts")])).toMatchObject({
      code: 1,
      err: expect.stringContaining("unreadable format"),
    });
    expect(run([CSV]).out).toContain('label "default"'); // found among the default label names
    expect(run([CSV, "--label", "nope"])).toMatchObject({ code: 1, err: expect.stringContaining('label column "nope" not found') });
    expect(run([])).toMatchObject({ code: 2, err: expect.stringContaining("usage") });
    expect(run([CSV, "--split", "test", "--label", "default"])).toMatchObject({ code: 2 });
    expect(run([CSV, "--bogus", "1"])).toMatchObject({ code: 2, err: expect.stringContaining("unknown option --bogus") });
    expect(run([CSV, "--label"])).toMatchObject({ code: 2, err: expect.stringContaining("evaluate: --label needs a value") });
    expect(run([CSV, CSV])).toMatchObject({ code: 2, err: expect.stringContaining("give exactly one data file") });
  });

  test("--model evaluates another model file; --incomplete-statements switches its factor; bad files and values are refused", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cs-eval-"));
    const file = path.join(dir, "model.json");
    writeFileSync(file, JSON.stringify({ ...DEFAULT_MODEL, version: "9.9.9" }));
    const r = run([CSV, "--label", "default", "--model", file]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("model creditsentinel-scorecard 9.9.9 (interest not reported: on)");
    expect(run([CSV, "--label", "default", "--incomplete-statements", "off"]).out).toContain("(interest not reported: off)");
    expect(run([CSV, "--label", "default", "--incomplete-statements", "maybe"])).toMatchObject({
      code: 2,
      err: expect.stringContaining("--incomplete-statements must be on or off"),
    });
    expect(run([CSV, "--label", "default", "--model", path.join(dir, "none.json")])).toMatchObject({
      code: 1,
      err: expect.stringContaining("model file not found"),
    });
    writeFileSync(file, "{ not json");
    expect(run([CSV, "--label", "default", "--model", file])).toMatchObject({
      code: 1,
      err: expect.stringContaining("is not a model JSON file"),
    });
    writeFileSync(file, JSON.stringify({ ...DEFAULT_MODEL, bands: [] }));
    expect(run([CSV, "--label", "default", "--model", file])).toMatchObject({
      code: 1,
      err: expect.stringContaining("model.bands: expected 5 bands A–E."),
    });
  });

  test("--help prints the usage and exits 0", () => {
    expect(run(["--help"])).toEqual({ code: 0, out: USAGE, err: "" });
  });

  test("--lang zh: the help and the errors come from the catalogue in Chinese", () => {
    expect(run(["--help", "--lang", "zh"])).toEqual({ code: 0, out: usage("zh"), err: "" });
    expect(usage("zh")).toMatch(/^用法：npm run evaluate -- /);
    expect(
      usage("zh")
        .split("\n")
        .filter((l) => /^\s+--/.test(l)).length,
    ).toBe(USAGE.split("\n").filter((l) => /^\s+--/.test(l)).length);
    expect(run([CSV, CSV, "--lang", "zh"])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^evaluate: 请给出且只给出一个数据文件\n用法：/),
    });
    expect(run([CSV, "--label", "default", "--cutoff", "high", "--lang", "zh"])).toMatchObject({
      code: 2,
      err: "evaluate: --cutoff 必须是 0 到 100 的评分",
    });
    expect(run([CSV, "--bogus", "1", "--lang", "zh"])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^evaluate：未知选项 --bogus\n用法：/),
    });
    expect(run([CSV, "--lang", "fr"])).toMatchObject({ code: 2, err: expect.stringContaining('--lang must be en or zh, got "fr".') });
  });

  test("--lang zh: a data file the reader refuses is refused in Chinese", () => {
    expect(run([CSV, "--label", "nope", "--lang", "zh"])).toMatchObject({
      code: 1,
      err: expect.stringContaining("找不到标签列“nope”；现有的列为："),
    });
    expect(run([CSV, "--label", "nope"])).toMatchObject({
      code: 1,
      err: expect.stringContaining('label column "nope" not found; columns are: '),
    });
  });

  test("--lang zh: the split's name, on/off, the benchmarks' cut-offs and n/a are Chinese too (cli.report.*, benchmark.cutoff)", () => {
    const zh = run([CSV, "--label", "default", "--split", "validation", "--lang", "zh"]);
    expect(zh.code).toBe(0);
    expect(zh.out).toContain("验证集（种子 20240917，70/30 分层划分）");
    expect(zh.out).toMatch(/（未报告利息：(开启|关闭)）/);
    expect(zh.out).toContain("困境区 Z'' < 1.1 覆盖 ");
    expect(zh.out).toContain("违约概率 P > 0.038 覆盖 ");
    expect(zh.out).toContain("判别值 X > 0 覆盖 ");
    expect(zh.out).toContain("AUC 无  KS 无");
    expect(zh.out).not.toMatch(/\bsplit\b|\b(on|off)\b|n\/a|distress zone|validation/);
    const en = run([CSV, "--label", "default", "--split", "validation"]);
    expect(en.out).toContain("(interest not reported: on)");
    expect(en.out).toContain("distress zone Z'' < 1.1 holds ");
    expect(en.out).toMatch(/\n {18}P > 0\.038 holds n\/a of defaulters/);
    expect(en.out).toMatch(/\n {18}X > 0 holds /);
  });

  test("--lang zh: the report is in Chinese, with the same figures as the English one", () => {
    const en = run([CSV, "--label", "default", "--cutoff", "50", "--false-alarm", "0.2"]);
    const zh = run([CSV, "--label", "default", "--cutoff", "50", "--false-alarm", "0.2", "--lang", "zh"]);
    expect(zh.code).toBe(0);
    expect(zh.out).toContain("n = 12（违约 4，33.3 %）");
    expect(zh.out).toMatch(/^evaluate: evaluate-small\.csv — 模型 /);
    expect(zh.out).toMatch(/D–E 级覆盖 .* 的违约企业和 .* 的正常企业/);
    expect(zh.out).toMatch(/  低于分界 50：/);
    expect(zh.out).toMatch(/  误报预算 20\.0 %：/);
    expect(zh.out).not.toMatch(/of defaulters|healthy firms|mean coverage|rows with its inputs/);
    // the same figures in both languages
    const figures = (s: string) => s.match(/\d+\.\d+/g);
    expect(figures(zh.out)).toEqual(figures(en.out));
  });
});
