/** The Chinese catalogue: the same ids and arguments as en.ts, worded for Chinese users. */
import type { Entry } from "./types";
import type { MessageId } from "./en";

export const ZH: Record<MessageId, Entry> = {
  "legacy.text": (a) => String(a.text),
  "at.row": (a, w) => `第 ${a.row} 行：${w.msg(a.cause)}`,
  "cell.notNumber": (a, w) => `${a.arg}：需要数字，但得到的是${w.cell(a.value)}。`,
  "cell.textNumber": (a, w) => `${a.arg}：${w.cell(a.value)}是文本，不是数字。请以数字输入（去掉千位分隔符或百分号，或用 VALUE() 转换该单元格）。`,
  "cell.notFinite": (a) => `${a.arg}：${a.value} 不是有限数值。`,
  "cell.belowMin": (a) => `${a.arg}：${a.value} 小于允许的最小值 ${a.min}。`,
  "cell.aboveMax": (a) => `${a.arg}：${a.value} 大于允许的最大值 ${a.max}。`,
  "cell.notInteger": (a) => `${a.arg}：${a.value} 须为整数。`,
  "cell.required": (a) => `${a.arg} 为必填项，但该单元格为空。`,
  "choice.notText": (a, w) => `${a.arg}：应为 ${w.list(a.choices as readonly string[])} 之一，但得到的是${w.cell(a.value)}。`,
  "choice.unknown": (a, w) => `${a.arg}：“${a.value}”不是 ${w.list(a.choices as readonly string[])} 之一。`,
  "model.notJson": (a) => `${a.what} 不是模型 JSON 文本：${a.detail}`,
  "model.invalid": (a) => `${a.what}：${a.detail}`,
  "model.stored.corrupt": (a, w) => `本工作簿中保存的校准模型无法读取（${w.msg(a.detail)}）。现使用出厂模型；已保存的模型保持原样。`,
  "model.stored.unknownVersion": (a) =>
    `本工作簿中保存的校准模型为格式 ${a.format}，当前版本的 CreditSentinel 不认识该格式（只能读取格式 ${a.known}）。请更新加载项后使用。现使用出厂模型；已保存的模型保持原样。`,
  "model.stored.hashMismatch": () => "其内容与记录的哈希值不符（被截断或被修改）",
  "model.stored.partMissing": (a) => `共 ${a.parts} 段，缺少第 ${a.part} 段`,
  "model.stored.badManifest": () => "其记录不是已保存模型的记录",
  "label.columnNotFound": (a, w) => `表中没有结果列“${a.column}”；现有的列为 ${w.list((a.columns as readonly string[] | undefined) ?? [])}。`,
  "label.noColumn": (a, w) => `未找到结果列（已尝试 ${w.list((a.tried as readonly string[] | undefined) ?? [])}）：请指定表示客户是否违约的列。`,
  "label.noRows": (a) => `结果列“${a.column}”中没有任何一行可读为违约或正常（是/否、1/0、违约/正常、failed/alive）。`,
};
