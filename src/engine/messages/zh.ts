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
};
