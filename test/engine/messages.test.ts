/**
 * The message catalogue: English and Chinese have the same ids (the compiler checks that) and each entry uses
 * the same arguments in both languages (checked here by rendering every entry with marked arguments).
 */
// Through ./cli: the CLI's entries are registered, so the parity test covers them too.
import { MESSAGE_IDS, ONE_LANGUAGE_ARGS, catalogue, cellArg, message, renderMessage } from "../../src/engine/messages/cli";
import { messageIn, valueError, withMessage } from "../../src/engine/errors";
import { readFileSync } from "fs";
import { join } from "path";

/** The argument names an entry reads, found by rendering it with a recording argument object. */
function argsRead(lang: "en" | "zh", id: (typeof MESSAGE_IDS)[number]): string[] {
  const read = new Set<string>();
  const args = new Proxy({} as Record<string, unknown>, {
    get(_t, key) {
      if (typeof key === "string") read.add(key);
      return key === "choices" ? ["a", "b"] : `‹${String(key)}›`;
    },
  });
  const w = { lang, msg: () => "", cell: () => "", list: () => "", raw: (v: unknown) => v };
  catalogue(lang)[id](args as never, w as never);
  return [...read].sort();
}

describe("message catalogue", () => {
  test.each(MESSAGE_IDS.map((id) => [id]))("%s: English and Chinese read the same arguments", (id) => {
    // An entry may show an argument in one language only where the catalogue declares it (ONE_LANGUAGE_ARGS):
    // then the declared arguments are exactly the difference, and every other argument is read by both.
    const only = ONE_LANGUAGE_ARGS[id] ?? {};
    const zh = argsRead("zh", id);
    const en = argsRead("en", id);
    expect(zh.filter((k) => !(only.zh ?? []).includes(k))).toEqual(en.filter((k) => !(only.en ?? []).includes(k)));
    for (const k of only.zh ?? []) expect([k, zh.includes(k), en.includes(k)]).toEqual([k, true, false]);
    for (const k of only.en ?? []) expect([k, en.includes(k), zh.includes(k)]).toEqual([k, true, false]);
  });

  test("arguments shown in one language only are declared for catalogue entries", () => {
    for (const id of Object.keys(ONE_LANGUAGE_ARGS)) expect(MESSAGE_IDS).toContain(id);
  });

  test("every entry has a Chinese text that is not the English one (except untranslated legacy text)", () => {
    for (const id of MESSAGE_IDS) {
      if (id === "legacy.text") continue;
      const m = message(id, {
        arg: "x",
        value: 1,
        min: 0,
        max: 2,
        row: 3,
        key: "amount",
        choices: ["a"],
        cause: message("cell.required", { arg: "y" }),
      });
      expect(renderMessage(m, "zh")).not.toBe(renderMessage(m, "en"));
    }
  });

  test("cells, nested messages and lists are worded in the reader's language", () => {
    const inner = message("cell.notNumber", { arg: "net_worth", value: cellArg("1,234") });
    const outer = message("at.row", { row: 12, cause: inner });
    expect(renderMessage(outer, "en")).toBe('row 12: net_worth: expected a number but got text "1,234".');
    expect(renderMessage(outer, "zh")).toBe("第 12 行：net_worth：需要数字，但得到的是文本“1,234”。");
    expect(renderMessage(message("choice.unknown", { arg: "output", value: "x", choices: ["score", "band"] }), "zh")).toBe(
      "output：“x”不是 “score”、“band” 之一。",
    );
  });
});

describe("engine errors carry their message", () => {
  test("an error from a catalogue message reads in both languages and still compares as { kind, code, message }", () => {
    const e = valueError(message("cell.required", { arg: "score" }));
    expect(e).toEqual({ kind: "EngineError", code: "VALUE", message: "score is required but the cell is empty." });
    expect(messageIn(e, "zh")).toBe("score 为必填项，但该单元格为空。");
  });

  test("withMessage puts an error in context; a hand-edited copy keeps its English text rather than lose words", () => {
    const e = valueError(message("cell.required", { arg: "score" }));
    const inRow = withMessage(e, message("at.row", { row: 2, cause: e.msg }));
    expect(messageIn(inRow, "zh")).toBe("第 2 行：score 为必填项，但该单元格为空。");
    const edited = { ...e, message: `row 2: ${e.message}` };
    expect(messageIn(edited, "zh")).toBe("row 2: score is required but the cell is empty.");
  });
});

describe("formula messages come from the catalogue", () => {
  // The engine files a RISK.* formula runs through. Model and policy validation (shipped JSON), the pane's
  // review (src/engine/portfolio) and calibration (CLI) are not reached by a formula's input.
  const FORMULA_FILES = [
    "cells.ts",
    "dates.ts",
    "spill.ts",
    "receivables/common.ts",
    "receivables/dso.ts",
    "receivables/cei.ts",
    "receivables/aging.ts",
    "receivables/dunning.ts",
    "receivables/expected-loss.ts",
    "receivables/dso-invoices.ts",
    "receivables/ledger.ts",
    "receivables/pay-behavior.ts",
    "limit/creditlimit.ts",
    "limit/limit.ts",
    "scoring/creditscore.ts",
  ];

  test.each(FORMULA_FILES.map((f) => [f]))(
    "src/engine/%s makes no error from inline text and no spread copy that drops the message",
    (file) => {
      const src = readFileSync(join(__dirname, "../../src/engine", file), "utf8");
      // valueError("…") / naError(`…`): an English-only message.
      expect(src.match(/(?:value|na|num|div0)Error\(\s*[`"']/g) ?? []).toEqual([]);
      // { ...e, message: … }: a copy without the catalogue message, shown in English under every language.
      expect(src.match(/\{\s*\.\.\.\w+(?:\.\w+)?,\s*message:/g) ?? []).toEqual([]);
      // readNumber(cell, `receivables (${part})`): an argument name worded in English inside the code.
      expect(
        src.match(
          /\b(?:readNumber|readOptionalNumber|readSerial|readOptionalSerial|readOptionalDate|readFlag|readChoice|cellErrorFor)\([^()]*`/g,
        ) ?? [],
      ).toEqual([]);
    },
  );
});

describe("pane, model, policy and calibration messages come from the catalogue", () => {
  // Engine files whose user-facing messages moved into the catalogue (issue 10 item 4): the pane's review,
  // model and policy checks, calibration refusals.
  const MOVED_FILES = [
    "portfolio/mapping.ts",
    "portfolio/place.ts",
    "portfolio/review-plan.ts",
    "portfolio/review-rows.ts",
    "portfolio/review-score.ts",
    "portfolio/review-summary.ts",
    "portfolio/ledger-digest.ts",
    "portfolio/percent-columns.ts",
    "portfolio/explain.ts",
    "portfolio/texts.ts",
    "policy.ts",
    "scoring/model.ts",
    "scoring/model-file.ts",
    "limit/limit-policy.ts",
    "calibration/fit.ts",
    "calibration/history-fit.ts",
    "calibration/stored-model.ts",
    "calibration/labels.ts",
    "receivables/ledger-messages.ts",
  ];
  // Files that still hold bilingual labels (band names, Explain's waterfall rows): labels, not messages.
  const LABEL_FILES = new Set(["portfolio/explain.ts", "portfolio/texts.ts"]);

  test.each(MOVED_FILES.map((f) => [f]))("src/engine/%s words no message inline", (file) => {
    const src = readFileSync(join(__dirname, "../../src/engine", file), "utf8");
    // valueError("…") / naError(`…`): a message in one language only.
    expect(src.match(/(?:value|na|num|div0)Error\(\s*[`"']/g) ?? []).toEqual([]);
    // { ...e, message: `…` }: a copy whose text was worded here (a catalogue rendering is fine).
    expect(src.match(/\{\s*\.\.\.\w+(?:\.\w+)?,\s*message:(?!\s*inEachLang\()/g) ?? []).toEqual([]);
    // lang === "zh" ? "…" : "…": a message worded in both languages inside the code.
    expect(src.match(/(?:lang === "zh"|\bzh)\s*\?\s*[`"']/g) ?? []).toEqual([]);
    // { en: "…", zh: "…" }: a bilingual text pair kept outside the catalogue.
    if (!LABEL_FILES.has(file)) expect(src.match(/\ben:\s*[`"']/g) ?? []).toEqual([]);
    // An argument name worded in one language (readSerial(cell, lang === "zh" ? "评估基准日" : "as_of")).
    expect(
      src.match(/\b(?:readNumber|readOptionalNumber|readSerial|readOptionalSerial|readChoice|cellErrorFor)\([^()]*[`"]/g) ?? [],
    ).toEqual([]);
  });
});

describe("the add-in's bundles do not carry the CLI's messages", () => {
  test("the catalogue as the add-in imports it has no cli.* entry; importing ./cli registers them in both languages", () => {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const core = require("../../src/engine/messages") as typeof import("../../src/engine/messages");
      expect(core.MESSAGE_IDS.filter((id) => id.startsWith("cli."))).toEqual([]);
      expect(core.renderMessage(core.message("cli.score.noInput"), "en")).toBe("[cli.score.noInput]");
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require("../../src/engine/messages/cli");
      expect(core.MESSAGE_IDS.filter((id) => id.startsWith("cli.")).length).toBeGreaterThan(50);
      expect(core.renderMessage(core.message("cli.score.noInput"), "zh")).not.toBe("[cli.score.noInput]");
    });
  });
});
