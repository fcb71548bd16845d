/** Chinese messages of the task pane's portfolio review: the same ids and arguments as review.en.ts. */
import type { Entry, MessageArg, Wording } from "./types";
import type { ReviewMessageId } from "./review.en";
import { joined } from "./describe";

/** A text cell that should be a number, as the pane words it: `文本“1,5”不是数字（…）`. */
const textNotNumber = (arg: unknown, cell: string): string => `${arg}：${cell}不是数字（请去掉千位分隔符或百分号，或用 VALUE() 转换）。`;

/** The ledger formulas' argument names as the pane's Chinese column labels. */
const LEDGER_ARG_ZH: Readonly<Record<string, string>> = {
  customer_ids: "客户编号",
  invoice_dates: "发票日期",
  due_dates: "到期日",
  paid_dates: "付款日期",
  amounts: "金额",
  open_amounts: "未结金额",
  disputed: "争议标记",
};

const FLAG_HINT = "（请使用 TRUE/FALSE、1/0、yes/no 或 是/否）";

/** A ledger cell as the pane quotes it: `文本“…”`, `逻辑值 TRUE`, the number; a nested range or object named shortly. */
function ledgerCellZh(w: Wording, value: unknown): string {
  const v = w.raw(value);
  if (Array.isArray(v)) return "单元格中的嵌套区域";
  if (typeof v === "object" && v !== null) return "非单元格值";
  return w.cell(value);
}

/** "<cell> 不是<what>", spaced as Chinese text is: `文本“x”不是数字`, `逻辑值 TRUE 不是数字`, `NaN 不是 Excel 日期`. */
function notZh(w: Wording, value: unknown, what: string): string {
  return `${ledgerCellZh(w, value)}${typeof w.raw(value) === "string" ? "" : " "}不是${what}`;
}

/** A ledger amount that is not a number; text with a digit gets the hint how to make it one. */
function numberZh(w: Wording, value: unknown): string {
  const v = w.raw(value);
  const hint = typeof v === "string" && /\d/.test(v) ? "（请去掉千位分隔符或百分号，或用 VALUE() 转换）" : "";
  return `${notZh(w, value, "数字")}${hint}`;
}

/**
 * Where a bad ledger row is: `第 12 行“到期日”列（due_date，单元格 Ledger!C12）`, `第 12 行“due_date”列（单元格 …）`
 * when the column has no header text, without the cell when none is given (`第 12 行“到期日”列（due_date）`).
 */
export function ledgerRowAtZh(a: Readonly<Record<string, MessageArg>>): string {
  const at = a.address ? `单元格 ${a.address}` : "";
  const column = a.header ? `“${a.header}”列（${a.field}${at ? `，${at}` : ""}）` : `“${a.field}”列${at ? `（${at}）` : ""}`;
  return `第 ${a.row} 行${column}`;
}

export const REVIEW_ZH: Record<ReviewMessageId, Entry> = {
  "review.lgd": (a) => `违约损失率（LGD）须在 0 到 1 之间，当前为 ${a.lgd}。`,
  "review.agingEdges": () => "账龄分段须为递增的正整数天数（如 30、60、90）。",
  "review.dsoPeriod": () => "DSO 期间天数须为正整数。",
  "review.asOf": () => "评估基准日",
  "review.table": () => "表格",
  "review.ledger": () => "发票台账",
  "review.ledgerPrefix": (a) => `发票台账 ${a.cause}`,
  "place.noSheet": (a) => `${a.what}位置：缺少工作表名称。`,
  "place.badRow": (a) => `${a.what}位置：首个数据行须为 1 到 ${a.max} 之间的整数（表头在其上一行），当前为 ${a.value}。`,
  "place.badColumn": (a) => `${a.what}位置：首列须为 0 到 ${a.max} 之间的整数，且 ${a.columns} 列都在工作表内，当前为 ${a.value}。`,
  "mapping.noHeader": (a) => `列映射：没有表头为“${a.header}”的列。`,
  "mapping.notKeyOf": (a) => `列映射：“${a.key}”不是${a.ledger ? "发票台账" : "客户表"}的字段（“${a.header}”列）。`,
  "mapping.wrongKind": (a) => `“${a.header}”列被映射为 ${a.key}，该字段不属于${a.ledger ? "发票台账" : "客户表"}。`,
  "mapping.duplicate": (a, w) => `${w.list(a.headers as readonly string[])}列都映射为 ${a.key}：请保留一列，其余设为“忽略”。`,
  "mapping.noFactor": () => "没有识别出任何评分因子列（如资产负债率、流动比率、平均逾期天数）。请修改表头或手动映射列。",
  "mapping.noCustomerId": () => "没有客户编号列：客户将按行号识别，无法检测重复客户，也无法关联发票台账。",
  "mapping.noExposure": () => "没有风险敞口（应收余额）列：敞口、预期损失和超额度情况只能由关联的发票台账未结金额得出。",
  "ledgerKey.label": (a) =>
    (
      ({
        customer_id: "客户编号",
        invoice_date: "发票日期",
        due_date: "到期日",
        paid_date: "付款日期",
        amount: "金额",
        open_amount: "未结金额",
        disputed: "争议",
      }) as Record<string, string>
    )[String(a.key)] ?? String(a.key),
  "mapping.missingLedgerKey": (a, w) => `发票台账需要“${w.msg(a.label)}”列（${a.key}），请映射该列。`,
  "mapping.columnCount": (a) => `列映射：表格有 ${a.columns} 列，但映射描述的是 ${a.mapped} 列；请重新映射。`,
  "mapping.headerChanged": (a) =>
    `列映射：第 ${a.column} 列${a.cell ? `（${a.cell}）` : ""}的表头是“${a.header}”，但映射期望“${a.expected}”；请重新映射。`,
  "mapping.stored.notObject": () => "已保存的列映射：应为对象。",
  "mapping.stored.version": (a) => `已保存的列映射：不支持的版本 ${a.version}。`,
  "mapping.stored.kind": (a) => `已保存的列映射：未知的表格类型 ${a.value}。`,
  "mapping.stored.columns": () => "已保存的列映射：columns 须为列表。",
  "mapping.stored.columnNotObject": (a) => `已保存的列映射：第 ${a.column} 列不是对象。`,
  "mapping.stored.index": (a) => `已保存的列映射：第 ${a.column} 列的序号为 ${a.index}，应为 ${a.expected}。`,
  "mapping.stored.header": (a) => `已保存的列映射：第 ${a.column} 列没有表头文本。`,
  "mapping.stored.key": (a) => `已保存的列映射：“${a.header}”列的字段 ${a.key} 未知。`,
  "mapping.stored.auto": (a) => `已保存的列映射：“${a.header}”列缺少 auto 标记。`,
  "review.cellAt": (a) => `第 ${a.row} 行“${a.header}”列（${a.key}，单元格 ${a.address}）`,
  "review.cell.textNumber": (a, w) => textNotNumber(a.arg, w.cell(a.value)),
  "review.cell.notNumber": (a, w) => {
    const v = w.raw(a.value);
    if (typeof v === "string") return textNotNumber(a.arg, w.cell(a.value));
    if (typeof v === "boolean") return `${a.arg}：${w.cell(a.value)} 不是数字。`;
    return `${a.arg}：需要数字。`;
  },
  "review.cell.unreadable": (a) => `${a.arg}：无法读取该值。`,
  "review.noFactors": () => "该行没有任何因子数据，无法评分。",
  "review.rowOutside": (a) => `第 ${a.row} 行不在表格中（1–${a.total}）。`,
  "review.noLedger": () => "未提供发票台账：账龄、DSO 和热力图需要发票台账。",
  "review.noExposure": () => "没有任何客户的风险敞口数据（请映射敞口列或关联发票台账）。",
  "review.ledgerEmpty": () => "发票台账中没有可读的发票。",
  "review.percentColumn": (a) =>
    `“${a.header}”列（${a.key}${a.range ? `，${a.range}` : ""}）看起来是百分数（中位数 ${a.m}）：比率须为小数，如 ${a.m}% 应填 ${a.d}。请将该列除以 100（或更正单元格格式）后重新评估。`,
  "explain.noFinancials": () => "净资产和营业收入均未知，无法测算额度。",
  "explain.bestBand": () => "已是最高等级（A级）。",
  "explain.noSingleLift": (a) => `单一因子的合理变动无法使评分达到 ${a.band}级（需 ${a.needs} 分，当前 ${a.now} 分）。`,
  "explain.raise": (a) => `${a.label}由 ${a.from} 升至 ${a.to}`,
  "explain.lower": (a) => `${a.label}由 ${a.from} 降至 ${a.to}`,
  "explain.lift": (a) => `${joined(a.changes, "；")}（+${a.pts}分 → ${a.band}级）`,
  "review.ledgerRowAt": (a) => ledgerRowAtZh(a),
  "review.ledger.customerEmpty": () => "客户编号为空",
  "review.ledger.customerType": (a, w) => `${notZh(w, a.value, "有效的客户编号")}（请使用文本或数字）`,
  "review.ledger.dueBeforeInvoice": () => "到期日早于发票日期",
  "review.ledger.paidBeforeInvoice": () => "付款日期早于发票日期",
  "review.ledger.openOnPaid": (a) => `发票已有付款日期，但未结金额为 ${a.value}（应为 0 或留空）`,
  "review.ledger.openOutside": (a) => `未结金额 ${a.value} 须在 0 与发票金额 ${a.amount} 之间`,
  "review.ledger.required": (a) => `${LEDGER_ARG_ZH[String(a.arg)] ?? a.arg}为必填项，但单元格为空`,
  "review.ledger.dateText": (a) => `文本“${a.text}”不是日期，请输入 Excel 日期（例如使用 DATE() 或 DATEVALUE()）`,
  "review.ledger.notDate": (a, w) => notZh(w, a.value, " Excel 日期"),
  "review.ledger.badSerial": (a) => `${a.value} 不是有效的 Excel 日期序列号（1 = 1900-01-01 … 2958465 = 9999-12-31）`,
  "review.ledger.textNumber": (a, w) => numberZh(w, a.value),
  "review.ledger.notNumber": (a, w) => numberZh(w, a.value),
  "review.ledger.notFinite": (a) => `${a.value} 不是有限数值`,
  "review.ledger.flagInvalid": (a, w) => `${notZh(w, a.value, "有效的争议标记")}${FLAG_HINT}`,
  "review.ledger.flagInvalidText": (a) => `文本“${a.text}”不是有效的争议标记${FLAG_HINT}`,
};
