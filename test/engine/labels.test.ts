/**
 * The one set of output labels (src/engine/labels.ts): every label exists in English and Chinese, and the
 * labels a door shows side by side are distinct (write-back and a reader of the file tell the columns apart
 * by them).
 */
import { LABELS, OUTPUT_COLUMNS, SHEET_COLUMNS, inEachLabel, type OutputLabels } from "../../src/engine/labels";
import { BAND_LABELS, NO_OPEN_LABEL } from "../../src/engine/portfolio/texts";
import { BANDS } from "../../src/engine/scoring/model";

/** Every label of a set as [path, text], in key order. */
function leaves(o: unknown, path = ""): [string, unknown][] {
  if (o !== null && typeof o === "object")
    return Object.keys(o)
      .sort()
      .flatMap((k) => leaves((o as Record<string, unknown>)[k], path ? `${path}.${k}` : k));
  return [[path, o]];
}

describe("the output label set", () => {
  test("parity: the Chinese set has exactly the English set's labels, every one a non-empty trimmed text", () => {
    const en = leaves(LABELS.en);
    const zh = leaves(LABELS.zh);
    expect(zh.map(([p]) => p)).toEqual(en.map(([p]) => p));
    for (const [path, text] of [...en, ...zh]) {
      expect({ path, type: typeof text }).toEqual({ path, type: "string" });
      expect({ path, text: (text as string).trim() }).toEqual({ path, text });
      expect((text as string).length).toBeGreaterThan(0);
    }
    // Every column a door shows has a label (the key lists are the ones the doors iterate).
    for (const lang of ["en", "zh"] as const) {
      expect(Object.keys(LABELS[lang].columns).sort()).toEqual([...OUTPUT_COLUMNS].sort());
      expect(Object.keys(LABELS[lang].sheet).sort()).toEqual([...SHEET_COLUMNS].sort());
      expect(Object.keys(LABELS[lang].options).sort()).toEqual([...SHEET_COLUMNS].sort());
      expect(Object.keys(LABELS[lang].bands).sort()).toEqual([...BANDS, "not_scored"].sort());
    }
  });

  test("every Chinese label holds Chinese characters (not an English text left untranslated; band letters keep their Latin letter)", () => {
    for (const [path, text] of leaves(LABELS.zh))
      expect({ path, cjk: /[\u4e00-\u9fff]/.test(text as string) }).toEqual({ path, cjk: true });
  });

  test("the labels a door shows side by side are distinct, in each language", () => {
    const groups: ((l: OutputLabels) => readonly string[])[] = [
      (l) => OUTPUT_COLUMNS.map((k) => l.columns[k]),
      (l) => SHEET_COLUMNS.map((k) => l.sheet[k]),
      (l) => SHEET_COLUMNS.map((k) => l.options[k]),
      (l) => [...Object.values(l.bands), l.noOpen],
    ];
    for (const lang of ["en", "zh"] as const)
      for (const g of groups) {
        const texts = g(LABELS[lang]);
        expect(new Set(texts).size).toBe(texts.length);
      }
  });

  test("the review's band labels and heat-map column are the set's", () => {
    for (const b of [...BANDS, "not_scored"] as const) expect(BAND_LABELS[b]).toEqual(inEachLabel((l) => l.bands[b]));
    expect(NO_OPEN_LABEL).toEqual({ en: LABELS.en.noOpen, zh: LABELS.zh.noOpen });
    expect(BAND_LABELS.A).toEqual({ en: "A", zh: "A级" });
    expect(NO_OPEN_LABEL).toEqual({ en: "No open invoices", zh: "无未结发票" });
  });
});
