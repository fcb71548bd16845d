/** Chinese messages of the scoring and limit formulas: the same ids and arguments as credit.en.ts. */
import type { Entry } from "./types";
import type { CreditMessageId } from "./credit.en";

export const CREDIT_ZH: Record<CreditMessageId, Entry> = {
  "score.noValues": () => "values：需要一个客户因子区域（每个客户一行）。",
  "score.labelsOneRow": (a) => `labels：需要单行列名${a.rows ? `，但得到的是 ${a.rows} 行` : ""}。`,
  "score.labelsWidth": (a) => `labels 有 ${a.labels} 列，而 values 有 ${a.values} 列：请为 values 的每一列给出一个列名。`,
  "score.duplicateFactor": (a) => `labels：列“${a.first}”和“${a.second}”都表示 ${a.key}；请只保留其中一列。`,
  "score.noFactor": (a) =>
    `${a.inHeader ? "values（标题行）" : "labels"}：没有任何列是可识别的因子。可用的键：${a.keys}（或其英文/中文名称）。`,
  "limit.scoreRequired": () => "score 为必填项，但该单元格为空。",
  "limit.badScore": (a, w) => {
    const v = w.raw(a.value);
    return `score：需要 0 到 100 的评分或 A–E 的等级，但得到的是${typeof v === "number" || typeof v === "boolean" ? ` ${String(v)}` : w.cell(a.value)}。`;
  },
  "limit.noFinancials": () => "net_worth 和 annual_sales 均为空：至少需要其中之一才能确定额度。",
};
