/**
 * The one set of output labels (issue 10, item 4): every name a result column, a band or an Explain step is
 * shown under, in English and Chinese. The three doors read it:
 *
 * - the formulas: CREDITSCORE's header row of output labels (`columns`), see `scoring/creditscore.ts`;
 * - the CLI (`npm run score`): its appended columns are the formula's labels plus the limit, rule and date
 *   (`columns`), see `scripts/batch/score-table.ts`;
 * - the task pane: the headers write-back puts above the columns it writes beside the user's table (`sheet`),
 *   the names of those columns in its column picker (`options`), band labels and Explain's waterfall.
 *
 * The texts differ between doors on purpose and are part of what users see and save: the written sheet
 * headers say "Risk …" so they stand out among the user's own columns, the formula and CLI headers are short.
 * Changing a text here changes it in every door that shows it. Formula option keywords ("score", "band", …)
 * are not labels: they live in the formula specs and never change (saved workbooks use them).
 */
import type { Lang } from "./lang";
import type { Band } from "./scoring/model";

/** The result columns of CREDITSCORE ("all") and the CLI, in the CLI's order. */
export const OUTPUT_COLUMNS = ["score", "band", "pd", "coverage", "reasons", "limit", "rule", "asOf"] as const;
export type OutputColumn = (typeof OUTPUT_COLUMNS)[number];

/** The columns write-back can put beside the user's table, in the pane's order. */
export const SHEET_COLUMNS = ["score", "band", "pd", "limit", "headroom", "stage", "reasons"] as const;
export type SheetColumn = (typeof SHEET_COLUMNS)[number];

export type BandKey = Band | "not_scored";

export interface OutputLabels {
  /** Header of each result column in a formula's spill and in the CLI's output file. */
  readonly columns: Readonly<Record<OutputColumn, string>>;
  /** Header of each column write-back writes into the workbook. */
  readonly sheet: Readonly<Record<SheetColumn, string>>;
  /** The pane's name of each write-back column in its column picker. */
  readonly options: Readonly<Record<SheetColumn, string>>;
  /** Row labels of the by-band tables and the heat map. */
  readonly bands: Readonly<Record<BandKey, string>>;
  /** Heat-map column of joined customers whose ledger shows nothing open. */
  readonly noOpen: string;
  /** The first and last steps of Explain's points waterfall. */
  readonly waterfall: { readonly base: string; readonly bound: string };
}

export const LABELS: Readonly<Record<Lang, OutputLabels>> = {
  en: {
    columns: {
      score: "Score",
      band: "Band",
      pd: "PD (12m)",
      coverage: "Coverage",
      reasons: "Reasons",
      limit: "Recommended limit",
      rule: "Limit rule",
      asOf: "As of",
    },
    sheet: {
      score: "Risk score",
      band: "Risk band",
      pd: "PD (12m)",
      limit: "Recommended limit",
      headroom: "Headroom",
      stage: "Dunning stage",
      reasons: "Risk reasons",
    },
    options: {
      score: "Score",
      band: "Band (coloured)",
      pd: "Probability of default",
      limit: "Recommended limit",
      headroom: "Headroom",
      stage: "Dunning stage",
      reasons: "Reasons",
    },
    bands: { A: "A", B: "B", C: "C", D: "D", E: "E", not_scored: "Not scored" },
    noOpen: "No open invoices",
    waterfall: { base: "Neutral score (average firm)", bound: "Kept within 0–100" },
  },
  zh: {
    columns: {
      score: "信用评分",
      band: "等级",
      pd: "违约概率(12个月)",
      coverage: "数据覆盖率",
      reasons: "主要扣分原因",
      limit: "建议信用额度",
      rule: "额度规则",
      asOf: "评估日期",
    },
    sheet: {
      score: "信用评分",
      band: "风险等级",
      pd: "违约概率(12个月)",
      limit: "建议额度",
      headroom: "额度余量",
      stage: "催收阶段",
      reasons: "主要扣分原因",
    },
    options: {
      score: "评分",
      band: "等级（带颜色）",
      pd: "违约概率",
      limit: "建议额度",
      headroom: "额度余量",
      stage: "催收阶段",
      reasons: "主要原因",
    },
    bands: { A: "A级", B: "B级", C: "C级", D: "D级", E: "E级", not_scored: "未评分" },
    noOpen: "无未结发票",
    waterfall: { base: "中性分（平均企业）", bound: "限定在0–100分内" },
  },
};

/** One label in each language, e.g. `inEachLabel((l) => l.columns.score)` → { en: "Score", zh: "信用评分" }. */
export function inEachLabel(pick: (l: OutputLabels) => string): Record<Lang, string> {
  return { en: pick(LABELS.en), zh: pick(LABELS.zh) };
}
