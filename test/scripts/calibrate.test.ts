import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { calibrate } from "../../src/engine/calibration/fit";
import { isEngineError } from "../../src/engine/errors";
import { readArff } from "../../scripts/lib/dataset";
import { USAGE, main, usage } from "../../scripts/calibrate";
import { readOptions } from "../../scripts/lib/args";

const FIXTURE = path.resolve(__dirname, "../fixtures/scoring/synthetic-polish.arff");

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

describe("npm run calibrate", () => {
  test("the fixture maps to canonical keys (the size attribute is ignored)", () => {
    const ds = readArff(readFileSync(FIXTURE, "utf8"));
    if (typeof ds === "string") throw new Error(ds);
    expect(ds.n).toBe(600);
    expect(Object.keys(ds.columns).sort()).toEqual([
      "cash_flow_to_debt",
      "debt_ratio",
      "ebit_to_assets",
      "interest_coverage",
      "quick_ratio",
      "retained_earnings_to_assets",
    ]);
    expect(ds.ignored).toEqual(["Attr29"]);
  });

  test("writes exactly the engine's model, byte for byte the same on a second run", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cal-"));
    const a = path.join(dir, "a.json"),
      b = path.join(dir, "b.json");
    expect((await run(["--data", FIXTURE, "--out", a, "--seed", "11", "--version", "0.0.0-test"])).code).toBe(0);
    const r = await run(["--data", FIXTURE, "--out", b, "--seed", "11", "--version", "0.0.0-test"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("validation split");
    expect(readFileSync(b, "utf8")).toBe(readFileSync(a, "utf8"));
    const ds = readArff(readFileSync(FIXTURE, "utf8"));
    if (typeof ds === "string") throw new Error(ds);
    const res = calibrate(ds, { seed: 11, trainShare: 0.7, horizonYears: 5, dataName: "synthetic-polish.arff", version: "0.0.0-test" });
    if (isEngineError(res)) throw new Error(res.message);
    expect(readFileSync(a, "utf8")).toBe(JSON.stringify(res.model, null, 2) + "\n");
  });

  test("errors: missing or unreadable file (exit 1), bad options (exit 2, with the usage)", async () => {
    expect(await run(["--data", "/nonexistent/file.arff"])).toMatchObject({ code: 1, err: expect.stringContaining("file not found") });
    expect(await run(["--data", __filename])).toMatchObject({ code: 1, err: expect.stringContaining("unreadable format") });
    expect(await run(["--data", FIXTURE, "--seed", "1.5"])).toMatchObject({
      code: 2,
      err: expect.stringContaining("--seed must be an integer"),
    });
    expect(await run(["--bogus", "1"])).toMatchObject({ code: 2, err: expect.stringContaining("calibrate: unknown option --bogus") });
    expect(await run(["--out"])).toMatchObject({ code: 2, err: expect.stringContaining("calibrate: --out needs a value") });
    expect((await run(["a.csv", "b.csv"])).err).toContain("calibrate: give one history file, got 2");
    expect(await run(["--stage", "full"])).toMatchObject({
      code: 2,
      err: expect.stringContaining("calibrate: --stage needs a history file"),
    });
    expect((await run(["--bogus"])).err).toContain(USAGE);
  });

  test("--help prints the usage and exits 0", async () => {
    expect(await run(["--help"])).toEqual({ code: 0, out: USAGE, err: "" });
    expect((await run(["-h"])).code).toBe(0);
    expect(await run(["--help=1"])).toMatchObject({ code: 2, err: expect.stringContaining("--help takes no value") });
  });

  test("--lang zh: the help and the option errors come from the catalogue in Chinese", async () => {
    expect(await run(["--help", "--lang", "zh"])).toEqual({ code: 0, out: usage("zh"), err: "" });
    expect(usage("zh")).toMatch(/^用法：npm run calibrate -- /);
    expect(
      usage("zh")
        .split("\n")
        .filter((l) => /^\s+--/.test(l)).length,
    ).toBe(USAGE.split("\n").filter((l) => /^\s+--/.test(l)).length);
    expect(await run(["history.csv", "--lang", "zh"])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^calibrate: 请用 --out <模型.json> 指定要写入的模型文件\n用法：/),
    });
    expect(await run(["history.csv", "--out", "m.json", "--stage", "most", "--lang", "zh"])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^calibrate: --stage 只能是 auto、levels、weights 或 full\n用法：/),
    });
    expect(await run(["a.csv", "b.csv", "--lang", "zh"])).toMatchObject({
      code: 2,
      err: expect.stringContaining("calibrate: 只能给一个历史数据文件，却给了 2 个"),
    });
    expect(await run(["--bogus", "--lang", "zh"])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^calibrate：未知选项 --bogus\n用法：/),
    });
  });

  test("readOptions reports a short unknown flag", async () => {
    expect(readOptions(["-x"], "t", { a: { type: "string" } }, false)).toBe("t: unknown option -x");
    expect(readOptions(["--a", "1", "p"], "t", { a: { type: "string" } }, true)).toEqual({ values: { a: "1" }, positionals: ["p"] });
    expect(readOptions(["-x"], "t", { a: { type: "string" } }, false, "zh")).toBe("t：未知选项 -x");
    expect(readOptions(["--a"], "t", { a: { type: "string" } }, false, "zh")).toBe("t：--a 需要一个值");
    expect(readOptions(["p"], "t", { a: { type: "string" } }, false, "zh")).toBe("t：多余的参数 p");
  });
});
