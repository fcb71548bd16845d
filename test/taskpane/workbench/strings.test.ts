import { FEATURES } from "../../../src/taskpane/workbench/zip-parts";
import { WORKBENCH_STRINGS, openErrorText } from "../../../src/taskpane/workbench/strings";

const flat = (o: object): [string, unknown][] =>
  Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === "object" ? flat(v).map(([kk, vv]): [string, unknown] => [`${k}.${kk}`, vv]) : [[k, v]],
  );

/** Texts with no words of their own (names of encodings; "feature (count)"). */
const NEUTRAL = /^(file\.encodings\.(utf-8|utf-16le|utf-16be)|losses\.item)$/;

describe("workbench strings", () => {
  test("English and Chinese define the same keys, none empty; every argument appears in the text; the Chinese is Chinese", () => {
    const en = flat(WORKBENCH_STRINGS.en);
    const zh = flat(WORKBENCH_STRINGS.zh);
    expect(zh.map(([k]) => k).sort()).toEqual(en.map(([k]) => k).sort());
    for (const [lang, entries] of [
      ["en", en],
      ["zh", zh],
    ] as const) {
      for (const [key, v] of entries) {
        const text = typeof v === "function" ? (v as (...a: string[]) => string)("«1»", "«2»", "«3»", "«4»") : v;
        expect([key, typeof text === "string" && text.trim().length > 0]).toEqual([key, true]);
        if (typeof v === "function")
          for (let i = 1; i <= v.length; i++) expect([key, String(text).includes(`«${i}»`)]).toEqual([key, true]);
        if (lang === "zh" && !NEUTRAL.test(key) && key !== "file.delimiters.\t")
          expect([key, /[\u4e00-\u9fff]/.test(String(text))]).toEqual([key, true]);
      }
    }
  });

  test("every feature the download may lose has a name", () => {
    for (const f of FEATURES) {
      expect(WORKBENCH_STRINGS.en.losses.features[f]).toMatch(/[a-z]/);
      expect(WORKBENCH_STRINGS.zh.losses.features[f]).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  test("open errors say what to do", () => {
    const t = WORKBENCH_STRINGS.en;
    expect(openErrorText(t, { code: "unsupported", fileName: "a.xls", kind: "xls" })).toMatch(
      /^a\.xls is in the old Excel format.*save it as an Excel workbook \(\.xlsx\)/,
    );
    expect(openErrorText(t, { code: "unsupported", fileName: "b.ods", kind: "other-spreadsheet" })).toMatch(/WPS or LibreOffice/);
    expect(openErrorText(WORKBENCH_STRINGS.zh, { code: "empty", fileName: "c.csv" })).toBe("c.csv 是空文件。");
    expect(openErrorText(t, { code: "mixed" })).toBe("Open one workbook, or one or more CSV files, at a time.");
  });
});
