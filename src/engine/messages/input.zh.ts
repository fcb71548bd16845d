/** Chinese messages about reading arguments: the same ids and arguments as input.en.ts. */
import type { Entry } from "./types";
import type { InputMessageId } from "./input.en";

export const INPUT_ZH: Record<InputMessageId, Entry> = {
  "at.arg": (a) => `${a.arg}：${a.cause}`,
  "arg.part": (a) => `${a.arg}（${a.part}）`,
  "arg.month": (a) => `${a.arg}（第 ${a.month} 个月）`,
  "cell.holdsNA": (a) => `该单元格为 #N/A${a.note ? `（${a.note}）` : ""}：该值不可用。`,
  "cell.holdsError": (a) => `该单元格含错误值 ${a.code}${a.note ? `（${a.note}）` : ""}；请先更正该单元格。`,
  "cell.notNumber": (a, w) => `${a.arg}：需要数字，但得到的是${w.cell(a.value)}。`,
  "cell.textNumber": (a, w) =>
    `${a.arg}：${w.cell(a.value)}是文本，不是数字。请以数字输入（去掉千位分隔符或百分号，或用 VALUE() 转换该单元格）。`,
  "cell.notFinite": (a) => `${a.arg}：${a.value} 不是有限数值。`,
  "cell.belowMin": (a) => `${a.arg}：${a.value} 小于允许的最小值 ${a.min}。`,
  "cell.aboveMax": (a) => `${a.arg}：${a.value} 大于允许的最大值 ${a.max}。`,
  "cell.notInteger": (a) => `${a.arg}：${a.value} 须为整数。`,
  "cell.required": (a) => `${a.arg} 为必填项，但该单元格为空。`,
  "arg.required": (a) => `${a.arg} 为必填参数。`,
  "choice.notText": (a, w) => `${a.arg}：应为 ${w.list(a.choices as readonly string[])} 之一，但得到的是${w.cell(a.value)}。`,
  "choice.unknown": (a, w) => `${a.arg}：“${a.value}”不是 ${w.list(a.choices as readonly string[])} 之一。`,
  "date.notIso": (a) => `${a.arg}：“${a.text}”不是 yyyy-mm-dd 格式的日期。`,
  "date.notCalendar": (a) => `${a.arg}：“${a.text}”不是真实存在的日期。`,
  "date.outOfRange": (a) => `${a.arg}：“${a.text}”超出 Excel 的日期范围。`,
  "date.text": (a) => `${a.arg}：文本“${a.text}”不是日期。请输入真正的 Excel 日期（例如用 DATE() 或 DATEVALUE()）。`,
  "date.notDate": (a, w) => {
    const v = w.raw(a.value);
    return `${a.arg}：需要 Excel 日期，但得到的是${typeof v === "number" || typeof v === "boolean" ? ` ${String(v)}` : w.cell(a.value)}。`;
  },
  "date.badSerial": (a) => `${a.arg}：${a.value} 不是有效的 Excel 日期序列号（1 = 1900-01-01 … 2958465 = 9999-12-31）。`,
  "flag.invalid": (a, w) => `${a.arg}：${w.cell(a.value)}不是是/否标记（请用 TRUE/FALSE、1/0、“yes”/“no”或“是”/“否”）。`,
  "flag.invalidText": (a) => `${a.arg}：“${a.text}”不是是/否标记（请用 TRUE/FALSE、1/0、“yes”/“no”或“是”/“否”）。`,
  "range.notVector": (a) => `${a.arg}：需要单列或单行，但得到的是 ${a.rows} 行 × ${a.cols} 列的区域。`,
  "range.notSingle": (a) => `${a.arg}：需要单个单元格，但得到的是 ${a.rows} 行 × ${a.cols} 列的区域。`,
  "range.malformed": (a) => `${a.arg}：区域格式有误：第 ${a.item} 项是单个值，而此处应为一行单元格。`,
  "range.ragged": (a) => `${a.arg}：区域不是矩形：第 ${a.row} 行有 ${a.cells} 个单元格，而第 1 行有 ${a.width} 个。`,
  "range.sizeMismatch": (a) => `${a.arg} 有 ${a.n} 个值，而 ${a.owner} 有 ${a.ownerN} 个：各区域大小须相同（或为单个单元格）。`,
  "excel.tooLong": (a) => `结果长 ${a.length} 个字符，超过 Excel 单元格可容纳的 ${a.max} 个字符。`,
  "excel.badValue": () => "内部错误：结果中含有 Excel 无法显示的值。请报告此问题。",
  "excel.internal": (a) => `${a.fn}：内部错误（${a.reason}）。请报告此问题。`,
};
