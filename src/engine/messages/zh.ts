/** The Chinese catalogue: the same ids and arguments as en.ts, worded for Chinese users. */
import type { Entry } from "./types";
import type { MessageId } from "./en";
import { INPUT_ZH } from "./input.zh";
import { RECEIVABLES_ZH } from "./receivables.zh";
import { CREDIT_ZH } from "./credit.zh";
import { REVIEW_ZH } from "./review.zh";
import { MODEL_ZH } from "./model.zh";

export const ZH: Record<MessageId, Entry> = {
  "legacy.text": (a) => String(a.text),
  "at.row": (a, w) => `第 ${a.row} 行：${w.msg(a.cause)}`,
  ...INPUT_ZH,
  ...RECEIVABLES_ZH,
  ...CREDIT_ZH,
  ...REVIEW_ZH,
  ...MODEL_ZH,
  "model.notJson": (a) => `${a.what} 不是模型 JSON 文本：${a.detail}`,
  "model.invalid": (a) => `${a.what}：${a.detail}`,
  "model.stored.corrupt": (a, w) => `本工作簿中保存的校准模型无法读取（${w.msg(a.detail)}）。现使用出厂模型；已保存的模型保持原样。`,
  "model.stored.unknownVersion": (a) =>
    `本工作簿中保存的校准模型为格式 ${a.format}，当前版本的 CreditSentinel 不认识该格式（只能读取格式 ${a.known}）。请更新加载项后使用。现使用出厂模型；已保存的模型保持原样。`,
  "model.stored.hashMismatch": () => "其内容与记录的哈希值不符（被截断或被修改）",
  "model.stored.partMissing": (a) => `共 ${a.parts} 段，缺少第 ${a.part} 段`,
  "model.stored.badManifest": () => "其记录不是已保存模型的记录",
  "label.columnNotFound": (a, w) =>
    `表中没有结果列“${a.column}”；现有的列为 ${w.list((a.columns as readonly string[] | undefined) ?? [])}。`,
  "label.noColumn": (a, w) =>
    `未找到结果列（已尝试 ${w.list((a.tried as readonly string[] | undefined) ?? [])}）：请指定表示客户是否违约的列。`,
  "label.noRows": (a) => `结果列“${a.column}”中没有任何一行可读为违约或正常（是/否、1/0、违约/正常、failed/alive）。`,
};
