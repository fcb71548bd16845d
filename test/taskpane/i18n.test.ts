import { FORMULAS, LANGUAGE_NAMES, functionReferenceUrl, htmlLang, strings } from "../../src/taskpane/i18n";

describe("task-pane strings", () => {
  test("English and Chinese define the same keys, none empty", () => {
    const flat = (o: object): [string, unknown][] =>
      Object.entries(o).flatMap(([k, v]) =>
        v && typeof v === "object" ? flat(v).map(([kk, vv]): [string, unknown] => [`${k}.${kk}`, vv]) : [[k, v]],
      );
    const en = flat(strings.en);
    const zh = flat(strings.zh);
    expect(zh.map(([k]) => k).sort()).toEqual(en.map(([k]) => k).sort());
    for (const [key, v] of [...en, ...zh]) {
      if (typeof v === "function") expect((v as (x: string) => string)("9.9.9")).toContain("9.9.9");
      else expect([key, typeof v === "string" && v.trim().length > 0]).toEqual([key, true]);
    }
  });

  test("every formula has a line in both languages, and the Chinese text is Chinese", () => {
    for (const id of FORMULAS) {
      expect(strings.en.formulas[id]).toMatch(/[a-z]/);
      expect(strings.zh.formulas[id]).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(strings.en.version("0.1.0")).toBe("Version 0.1.0");
    expect(strings.zh.version("0.1.0")).toBe("版本 0.1.0");
  });

  test("language names and html lang tags", () => {
    expect(LANGUAGE_NAMES).toEqual({ en: "English", zh: "中文" });
    expect(htmlLang("en")).toBe("en-US");
    expect(htmlLang("zh")).toBe("zh-CN");
  });

  test.each([
    ["https://creditsentinel.example.com/", "https://creditsentinel.example.com/docs/functions.md"],
    ["https://creditsentinel.example.com", "https://creditsentinel.example.com/docs/functions.md"],
    ["https://example.org/support", "https://example.org/support/docs/functions.md"],
    ["https://example.org/support/", "https://example.org/support/docs/functions.md"],
  ])("function reference under %s", (support, expected) => {
    expect(functionReferenceUrl(support)).toBe(expected);
  });
});
