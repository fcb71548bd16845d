import { createHash } from "crypto";
import { messageIn, isEngineError } from "../../../src/engine/errors";
import { sha256Hex } from "../../../src/engine/sha256";
import { DEFAULT_MODEL, ScorecardModel } from "../../../src/engine/scoring/model";
import { parseModelJson } from "../../../src/engine/scoring/model-file";
import { STORED_MODEL_FORMAT, decodeStoredModel, encodeStoredModel, readManifest } from "../../../src/engine/calibration/stored-model";
import { PSI_DRIFT, calibrationDistribution, scoreStability } from "../../../src/engine/calibration/monitor";
import { historyFromTable, parseLabel } from "../../../src/engine/calibration/labels";

describe("sha256Hex", () => {
  test.each(["", "abc", "违约/正常 ✓", "x".repeat(1000)])("matches Node's SHA-256 for %j", (t) => {
    expect(sha256Hex(t)).toBe(createHash("sha256").update(t, "utf8").digest("hex"));
  });
});

describe("parseModelJson (the model checks of the CLI and the stored model)", () => {
  test("a valid model comes back; bad JSON and a bad model are errors naming the source, in en and zh", () => {
    expect(parseModelJson(JSON.stringify(DEFAULT_MODEL), "m.json")).toEqual(DEFAULT_MODEL);
    const notJson = parseModelJson("{oops", "m.json");
    expect(isEngineError(notJson) && notJson.message).toMatch(/^m\.json is not a model JSON file: /);
    const bad = parseModelJson(JSON.stringify({ ...DEFAULT_MODEL, bands: [] }), "m.json");
    expect(isEngineError(bad) && bad.message).toMatch(/^m\.json: model\.bands: expected 5 bands/);
    expect(isEngineError(notJson) && messageIn(notJson, "zh")).toMatch(/不是模型 JSON 文本/);
  });
});

describe("stored model: record + parts", () => {
  const model: ScorecardModel = { ...DEFAULT_MODEL, version: "2.0.0+levels" };
  test("round trip in several parts: the same model, hash and part count recorded", () => {
    const { manifest, parts } = encodeStoredModel(model, null, "2026-06-30", 1000);
    expect(parts.length).toBeGreaterThan(5);
    expect(manifest).toMatchObject({
      format: STORED_MODEL_FORMAT,
      modelId: model.id,
      modelVersion: "2.0.0+levels",
      parts: parts.length,
      active: true,
      acceptedOn: "2026-06-30",
    });
    expect(manifest.hash).toBe(sha256Hex(parts.join("")));
    const m = readManifest(JSON.parse(JSON.stringify(manifest)));
    expect(isEngineError(m)).toBe(false);
    expect(decodeStoredModel(m as typeof manifest, parts)).toEqual(model);
  });

  test("an unknown format is refused with a message saying which format and that the shipped model is used (en, zh)", () => {
    const { manifest } = encodeStoredModel(model, null, "2026-06-30");
    const r = readManifest({ ...manifest, format: STORED_MODEL_FORMAT + 1 });
    expect(isEngineError(r)).toBe(true);
    if (!isEngineError(r)) return;
    expect(r.message).toContain(`format ${STORED_MODEL_FORMAT + 1}`);
    expect(r.message).toContain("The shipped model is used; the stored model is kept as it is.");
    expect(messageIn(r, "zh")).toContain("现使用出厂模型");
  });

  test.each([
    ["a record that is not one", () => readManifest("nonsense")],
    ["a record without a hash", () => readManifest({ format: 1, parts: 1, active: true })],
  ])("%s is corrupt", (_n, f) => {
    const r = f();
    expect(isEngineError(r) && r.message).toMatch(/cannot be read \(its record is not a stored-model record\)/);
  });

  test("a missing part, an edited part (hash) and a hash-consistent invalid model are corrupt", () => {
    const { manifest, parts } = encodeStoredModel(model, null, "2026-06-30", 1000);
    const missing = decodeStoredModel(manifest, parts.slice(0, -1));
    expect(isEngineError(missing) && missing.message).toContain(`part ${parts.length} of ${parts.length} is missing`);
    const edited = [...parts];
    edited[1] = edited[1].replace(/\d/, "9");
    const e = decodeStoredModel(manifest, edited);
    expect(isEngineError(e) && e.message).toContain("does not match its recorded hash");
    const badText = JSON.stringify({ ...model, bands: [] });
    const bad = decodeStoredModel({ ...manifest, parts: 1, hash: sha256Hex(badText) }, [badText]);
    expect(isEngineError(bad) && bad.message).toMatch(/cannot be read \(model: model\.bands/);
    expect(isEngineError(bad) && messageIn(bad, "zh")).toMatch(/无法读取/);
  });
});

describe("outcome labels from workbook cells", () => {
  test.each([
    ["yes", 1],
    ["No", 0],
    [1, 1],
    [0, 0],
    [true, 1],
    [false, 0],
    ["违约", 1],
    ["正常", 0],
    ["failed", 1],
    ["alive", 0],
    ["", null],
    ["maybe", null],
  ])("parseLabel(%j) = %j", (cell, y) => expect(parseLabel(cell)).toBe(y));

  test("historyFromTable: factor columns by header, outcome by name or default names; unreadable outcomes dropped", () => {
    const s = historyFromTable(
      ["Debt ratio", "Name", "违约"],
      [
        [0.5, "A", "是"],
        [0.9, "B", "否"],
        ["x", "C", 1],
        [0.2, "D", ""],
      ],
      null,
    );
    expect(isEngineError(s)).toBe(false);
    if (isEngineError(s)) return;
    expect(s.n).toBe(3);
    expect(Array.from(s.label)).toEqual([1, 0, 1]);
    expect(Array.from(s.columns.debt_ratio as Float64Array)).toEqual([0.5, 0.9, NaN]);
    expect(s).toMatchObject({ labelColumn: "违约", droppedRows: 1, badCells: 1, ignored: ["Name"] });
    const none = historyFromTable(["Debt ratio"], [[0.5]], null);
    expect(isEngineError(none) && messageIn(none, "zh")).toMatch(/未找到结果列/);
    const named = historyFromTable(["Debt ratio", "Outcome"], [[0.5, "yes"]], "Status");
    expect(isEngineError(named) && named.message).toContain('The outcome column "Status" is not in the table');
    const blank = historyFromTable(["Debt ratio", "status"], [[0.5, ""]], null);
    expect(isEngineError(blank) && blank.message).toMatch(/No row of the outcome column "status"/);
  });
});

describe("monitoring: PSI of review scores against the calibration sample", () => {
  const ref = calibrationDistribution(DEFAULT_MODEL)!;
  test("the shipped model carries its training rows' score distribution", () => {
    expect(ref.shares.length).toBe(ref.edges.length + 1);
  });
  test("scores drawn like the calibration sample are stable; a portfolio piled in one bin drifts (> 0.25)", () => {
    const like: number[] = [];
    ref.shares.forEach((sh, k) => {
      const lo = k === 0 ? 0 : ref.edges[k - 1];
      for (let i = 0; i < Math.round(sh * 1000); i++) like.push(lo + 5);
    });
    const ok = scoreStability(DEFAULT_MODEL, [...like, null])!;
    expect(ok.psi).toBeLessThan(0.01);
    expect(ok.drift).toBe(false);
    expect(ok.rows).toBe(like.length);
    const piled = scoreStability(
      DEFAULT_MODEL,
      like.map(() => 25),
    )!;
    expect(piled.psi).toBeGreaterThan(PSI_DRIFT);
    expect(piled.drift).toBe(true);
  });
  test("a model without a score distribution, or no scores: no index", () => {
    expect(scoreStability({ ...DEFAULT_MODEL, calibration: undefined }, [50])).toBeNull();
    expect(scoreStability(DEFAULT_MODEL, [null])).toBeNull();
  });
});
