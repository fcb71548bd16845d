/**
 * The three doors name their result columns from the one label set (src/engine/labels.ts): the header row of
 * =RISK.CREDITSCORE(…, "all"), the columns `npm run score` appends, and the headers write-back puts in the
 * workbook, for the same customer table, in English and Chinese. The texts themselves are pinned (they are
 * what users see and save), and a label set with every text changed shows up changed in every door, so no
 * door keeps a copy of its own.
 */
import type * as LabelsModule from "../../src/engine/labels";
import type * as ScoreTableModule from "../../scripts/batch/score-table";
import type * as CreditScoreModule from "../../src/engine/scoring/creditscore";
import type * as RunnerModule from "../../src/taskpane/services/review-runner";
import type * as WriteBackModule from "../../src/taskpane/services/write-back";
import type * as I18nModule from "../../src/taskpane/i18n";
import type * as MappingModule from "../../src/engine/portfolio/mapping";
import type * as PolicyModule from "../../src/engine/policy";
import type * as FixturesModule from "./fixtures";
import type * as ExplainModule from "../../src/engine/portfolio/explain";
import type * as ErrorsModule from "../../src/engine/errors";
import type { Lang } from "../../src/engine/lang";

interface Doors {
  labels: typeof LabelsModule;
  formula: (lang: Lang) => unknown[];
  cli: (lang: Lang) => string[];
  pane: (lang: Lang) => Promise<string[]>;
  paneOptions: (lang: Lang) => string[];
  /** The by-band rows of the written report and Explain's first and last waterfall steps. */
  paneBandsAndWaterfall: (lang: Lang) => Promise<{ bands: unknown[]; waterfall: string[] }>;
}

/** The doors as loaded in a fresh module registry, with `labels` replaced when given. */
function loadDoors(mapLabels?: (text: string) => string): Doors {
  let doors: Doors | null = null;
  jest.isolateModules(() => {
    if (mapLabels) {
      jest.doMock("../../src/engine/labels", () => {
        const actual = jest.requireActual<typeof LabelsModule>("../../src/engine/labels");
        const map = (o: unknown): unknown =>
          typeof o === "string" ? mapLabels(o) : Object.fromEntries(Object.entries(o as object).map(([k, v]) => [k, map(v)]));
        const LABELS = map(actual.LABELS) as typeof actual.LABELS;
        return {
          ...actual,
          LABELS,
          inEachLabel: (pick: (l: LabelsModule.OutputLabels) => string) => ({ en: pick(LABELS.en), zh: pick(LABELS.zh) }),
        };
      });
    }
    /* eslint-disable @typescript-eslint/no-require-imports -- fresh module instances around the replaced label set */
    const labels = require("../../src/engine/labels") as typeof LabelsModule;
    const { scoreTable } = require("../../scripts/batch/score-table") as typeof ScoreTableModule;
    const { creditScoreCore } = require("../../src/engine/scoring/creditscore") as typeof CreditScoreModule;
    const { runReview } = require("../../src/taskpane/services/review-runner") as typeof RunnerModule;
    const { explainRow } = require("../../src/engine/portfolio/explain") as typeof ExplainModule;
    const { isEngineError } = require("../../src/engine/errors") as typeof ErrorsModule;
    const { buildReport, buildWriteRequest } = require("../../src/taskpane/services/write-back") as typeof WriteBackModule;
    const { WRITE_COLUMNS, strings } = require("../../src/taskpane/i18n") as typeof I18nModule;
    const { autoMapColumns } = require("../../src/engine/portfolio/mapping") as typeof MappingModule;
    const { DEFAULT_POLICY } = require("../../src/engine/policy") as typeof PolicyModule;
    const fx = require("./fixtures") as typeof FixturesModule;
    /* eslint-enable @typescript-eslint/no-require-imports */
    const grid = [fx.CUSTOMER_HEADERS, ...fx.CUSTOMER_ROWS];
    doors = {
      labels,
      formula: (lang) => {
        const spill = creditScoreCore(grid, null, "all", lang);
        if (!Array.isArray(spill)) throw new Error("CREDITSCORE failed");
        return spill[0];
      },
      cli: (lang) => scoreTable(grid, { lang, asOf: fx.AS_OF_ISO }).header,
      pane: async (lang) => {
        const req = await buildWriteRequest(await review(lang), WRITE_COLUMNS, "values");
        return req!.columns.map((c) => c.header);
      },
      paneOptions: (lang) => WRITE_COLUMNS.map((c) => strings[lang].review.write.columnLabels[c]),
      paneBandsAndWaterfall: async (lang) => {
        const o = await review(lang);
        const ex = explainRow(o.state, 0, lang);
        if (isEngineError(ex)) throw new Error(ex.message);
        const byBand = buildReport(o.summary, lang).sections[1];
        return { bands: byBand.rows.map((r) => r[0]), waterfall: [ex.base.label, ex.bound.label] };
      },
    };
    async function review(lang: Lang) {
      const r = await runReview(fx.workbook(), {
        customers: { source: { kind: "table", name: "Customers" }, mapping: autoMapColumns(fx.CUSTOMER_HEADERS) },
        ledger: null,
        asOf: fx.AS_OF,
        lang,
        policy: DEFAULT_POLICY,
      });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.value;
    }
  });
  jest.dontMock("../../src/engine/labels");
  return doors!;
}

const SCORE_BLOCK = ["score", "band", "pd", "coverage", "reasons"] as const;

describe("one label set behind the formulas, the CLI and write-back", () => {
  const doors = loadDoors();
  const { LABELS, OUTPUT_COLUMNS, SHEET_COLUMNS } = doors.labels;

  test.each(["en", "zh"] as const)("%s: every door's header row is the label set's", async (lang) => {
    const cli = doors.cli(lang);
    // The CLI's columns are the formula's own header row, then limit, rule and date: all from `columns`.
    expect(cli).toEqual(OUTPUT_COLUMNS.map((k) => LABELS[lang].columns[k]));
    expect(doors.formula(lang)).toEqual(cli.slice(0, SCORE_BLOCK.length));
    expect(doors.formula(lang)).toEqual(SCORE_BLOCK.map((k) => LABELS[lang].columns[k]));
    // Write-back's headers and the pane's column picker: `sheet` and `options`.
    expect(await doors.pane(lang)).toEqual(SHEET_COLUMNS.map((k) => LABELS[lang].sheet[k]));
    expect(doors.paneOptions(lang)).toEqual(SHEET_COLUMNS.map((k) => LABELS[lang].options[k]));
    // The report's band rows (A–E, then "Not scored") and Explain's waterfall ends: `bands` and `waterfall`.
    const { bands, waterfall } = await doors.paneBandsAndWaterfall(lang);
    expect(bands).toEqual((["A", "B", "C", "D", "E", "not_scored"] as const).map((b) => LABELS[lang].bands[b]));
    expect(waterfall).toEqual([LABELS[lang].waterfall.base, LABELS[lang].waterfall.bound]);
  });

  test("the texts users see and save are unchanged", async () => {
    expect(doors.cli("en")).toEqual(["Score", "Band", "PD (12m)", "Coverage", "Reasons", "Recommended limit", "Limit rule", "As of"]);
    expect(doors.cli("zh")).toEqual([
      "信用评分",
      "等级",
      "违约概率(12个月)",
      "数据覆盖率",
      "主要扣分原因",
      "建议信用额度",
      "额度规则",
      "评估日期",
    ]);
    expect(await doors.pane("en")).toEqual([
      "Risk score",
      "Risk band",
      "PD (12m)",
      "Recommended limit",
      "Headroom",
      "Dunning stage",
      "Risk reasons",
    ]);
    expect(await doors.pane("zh")).toEqual([
      "信用评分",
      "风险等级",
      "违约概率(12个月)",
      "建议额度",
      "额度余量",
      "催收阶段",
      "主要扣分原因",
    ]);
    expect(doors.paneOptions("en")).toEqual([
      "Score",
      "Band (coloured)",
      "Probability of default",
      "Recommended limit",
      "Headroom",
      "Dunning stage",
      "Reasons",
    ]);
    expect(doors.paneOptions("zh")).toEqual(["评分", "等级（带颜色）", "违约概率", "建议额度", "额度余量", "催收阶段", "主要原因"]);
    // The same column under the same name where the doors agree: PD in both languages, the limit in English, the reasons in Chinese.
    for (const lang of ["en", "zh"] as const) expect((await doors.pane(lang))[2]).toBe(doors.cli(lang)[2]);
    expect((await doors.pane("en"))[3]).toBe(doors.cli("en")[5]);
    expect((await doors.pane("zh"))[6]).toBe(doors.cli("zh")[4]);
  });

  test.each(["en", "zh"] as const)("%s: a label set with every text changed changes every door (no door keeps a copy)", async (lang) => {
    const marked = loadDoors((t) => `«${t}»`);
    const isMarked = (h: unknown) => typeof h === "string" && h.startsWith("«") && h.endsWith("»");
    expect(marked.cli(lang).filter((h) => !isMarked(h))).toEqual([]);
    expect(marked.formula(lang).filter((h) => !isMarked(h))).toEqual([]);
    expect((await marked.pane(lang)).filter((h) => !isMarked(h))).toEqual([]);
    expect(marked.paneOptions(lang).filter((h) => !isMarked(h))).toEqual([]);
    const { bands, waterfall } = await marked.paneBandsAndWaterfall(lang);
    expect([...bands, ...waterfall].filter((h) => !isMarked(h))).toEqual([]);
    expect(marked.cli(lang)).toEqual(doors.cli(lang).map((t) => `«${t}»`));
  });
});
