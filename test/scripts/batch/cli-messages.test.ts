/**
 * The CLI's messages come from the one message catalogue (src/engine/messages/cli.*.ts): the score CLI's
 * MESSAGES/USAGE are a thin adapter that renders catalogue ids in the user's --lang, and no CLI file keeps a
 * Chinese text of its own. (The catalogue's parity test, test/engine/messages.test.ts, covers the cli.* ids.)
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { MESSAGE_IDS, catalogue, message, renderMessage } from "../../../src/engine/messages";
import { DELIMITER_NAMES, MESSAGES, USAGE, encodingLabel } from "../../../scripts/batch/messages";
import { parseArgs } from "../../../scripts/score";

describe("CLI messages live in the catalogue", () => {
  it("renders a CLI message in Chinese from the catalogue, and the CLI shows exactly that text", () => {
    const m = message("cli.score.outExists", { out: "客户.scored.csv" });
    expect(renderMessage(m, "zh")).toBe("客户.scored.csv 已存在。加 --force 可替换它，或用 --out 另选文件名。");
    expect(renderMessage(m, "en")).toBe("客户.scored.csv already exists. Add --force to replace it, or choose another --out name.");
    expect(MESSAGES.zh.outExists("客户.scored.csv")).toBe(renderMessage(m, "zh"));
    expect(MESSAGES.zh.errorRows(1234)).toBe("1,234 行无法评分；原因写在该行的单元格中。前几行：");
    expect(MESSAGES.zh.notUtf8("a.csv", 70000, 0xe9)).toContain("偏移 70,000 处的字节 0xE9");
    expect(USAGE.zh).toBe(renderMessage(message("cli.score.usage"), "zh"));
    expect(DELIMITER_NAMES.zh[";"]).toBe("分号");
    expect(encodingLabel("gb18030", "given", "zh")).toBe("GB18030，按指定");
    expect(encodingLabel("utf-8", "bom", "en")).toBe("UTF-8 with BOM");
  });

  it("every message the score CLI calls is a catalogue id with an entry in both languages", () => {
    for (const key of Object.keys(MESSAGES.en)) {
      const id = `cli.score.${key}` as (typeof MESSAGE_IDS)[number];
      expect({ key, inCatalogue: MESSAGE_IDS.includes(id) }).toEqual({ key, inCatalogue: true });
      expect({ key, zh: typeof catalogue("zh")[id] }).toEqual({ key, zh: "function" });
    }
  });

  it("a bad --as-of under --lang zh says what is wrong with the date in Chinese too", () => {
    const zh = parseArgs(["a.csv", "--as-of", "2026-13-01", "--lang", "zh"], "2026-01-01");
    expect(zh).toMatchObject({ lang: "zh", error: expect.stringMatching(/^--as-of "2026-13-01" 不是日期：/) });
    expect((zh as { error: string }).error).not.toMatch(/[A-Za-z]{4,} [a-z]{3,}/); // no English sentence inside
    const en = parseArgs(["a.csv", "--as-of", "2026-13-01"], "2026-01-01");
    expect(en).toMatchObject({
      lang: "en",
      error: expect.stringMatching(/^--as-of "2026-13-01" is not a date: .* Write it as yyyy-mm-dd\.$/),
    });
  });

  it("no score-CLI source file keeps a Chinese text of its own (comments aside)", () => {
    const files = ["scripts/score.ts", "scripts/batch/messages.ts", "scripts/batch/score-csv.ts", "scripts/batch/score-xlsx.ts"];
    for (const file of files) {
      const code = readFileSync(join(__dirname, "../../..", file), "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/^\s*\/\/.*$/gm, "");
      expect({ file, chinese: code.match(/[\u4e00-\u9fff]+/g) ?? [] }).toEqual({ file, chinese: [] });
    }
  });
});
