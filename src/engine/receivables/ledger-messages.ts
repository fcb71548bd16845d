/**
 * Messages of bad invoice-ledger rows in the user's language.
 *
 * `parseInvoice` returns the problem of a bad row as data (`InvoiceProblem`:
 * rule, field, cell, English error). English text is that error, unchanged
 * (the RISK.* ledger formulas return it); Chinese text is worded here from the
 * same data, never parsed from the English. The wording follows the review's
 * cell errors: `第 12 行“到期日”列（due_date）：到期日早于发票日期。`
 */
import { isBlank } from "../cells";
import { MAX_SERIAL, MIN_SERIAL } from "../dates";
import { EngineError } from "../errors";
import { Lang } from "../lang";
import { InvoiceField, InvoiceProblem } from "./ledger";

/** Chinese names of the ledger fields (the task pane's column labels). */
export const INVOICE_FIELD_ZH: Readonly<Record<InvoiceField, string>> = {
  customer_id: "客户编号",
  invoice_date: "发票日期",
  due_date: "到期日",
  paid_date: "付款日期",
  amount: "金额",
  open_amount: "未结金额",
  disputed: "争议标记",
};

/** A cell as Chinese text: `文本“…”` (30 characters at most), `逻辑值 TRUE`, or the value. */
function describeZh(cell: unknown): string {
  if (typeof cell === "string") return `文本“${cell.length > 30 ? cell.slice(0, 30) + "…" : cell}”`;
  if (typeof cell === "boolean") return `逻辑值 ${cell ? "TRUE" : "FALSE"}`;
  if (typeof cell === "number") return String(cell);
  if (cell === null || cell === undefined) return "空值";
  return Array.isArray(cell) ? "单元格中的嵌套区域" : "非单元格值";
}

/** "<cell> 不是<what>", spaced as Chinese text is: `文本“x”不是数字`, `逻辑值 TRUE 不是数字`, `NaN 不是 Excel 日期`. */
function notZh(cell: unknown, what: string): string {
  return `${describeZh(cell)}${typeof cell === "string" ? "" : " "}不是${what}`;
}

/** Why a date cell was refused, in the order `readOptionalSerial` checks it. */
function dateProblemZh(cell: unknown, label: string): string {
  if (isBlank(cell)) return `${label}为必填项，但单元格为空`;
  if (typeof cell === "string") return `${notZh(cell, "日期")}，请输入 Excel 日期（例如使用 DATE() 或 DATEVALUE()）`;
  if (typeof cell !== "number" || !Number.isFinite(cell)) return notZh(cell, " Excel 日期");
  return `${cell} 不是有效的 Excel 日期序列号（${MIN_SERIAL} = 1900-01-01 … ${MAX_SERIAL} = 9999-12-31）`;
}

/** Why a number cell was refused, in the order `readOptionalNumber` checks it. */
function numberProblemZh(cell: unknown, label: string): string {
  if (isBlank(cell)) return `${label}为必填项，但单元格为空`;
  if (typeof cell === "string") {
    return /\d/.test(cell) ? `${notZh(cell, "数字")}（请去掉千位分隔符或百分号，或用 VALUE() 转换）` : notZh(cell, "数字");
  }
  if (typeof cell === "number") return `${cell} 不是有限数值`;
  return notZh(cell, "数字");
}

/** The problem in plain Chinese, without row, column or final full stop. */
function problemZh(p: InvoiceProblem): string {
  const label = INVOICE_FIELD_ZH[p.field];
  switch (p.problem) {
    case "customer_empty":
      return "客户编号为空";
    case "customer_type":
      return `${notZh(p.cell, "有效的客户编号")}（请使用文本或数字）`;
    case "due_before_invoice":
      return "到期日早于发票日期";
    case "paid_before_invoice":
      return "付款日期早于发票日期";
    case "open_on_paid":
      return `发票已有付款日期，但未结金额为 ${String(p.cell)}（应为 0 或留空）`;
    case "open_outside":
      return `未结金额 ${String(p.cell)} 须在 0 与发票金额 ${String(p.amount)} 之间`;
    case "unreadable":
      switch (p.field) {
        case "invoice_date":
        case "due_date":
        case "paid_date":
          return dateProblemZh(p.cell, label);
        case "amount":
        case "open_amount":
          return numberProblemZh(p.cell, label);
        case "disputed":
          return `${notZh(p.cell, "有效的争议标记")}（请使用 TRUE/FALSE、1/0、yes/no 或 是/否）`;
        default:
          return `${label}无法读取：${describeZh(p.cell)}`;
      }
  }
}

/**
 * The problem of a bad ledger row in `lang`, without the row: English is the
 * error `readInvoice` reports after "row n: "; Chinese is worded from the
 * problem's rule, field and cell.
 * @example invoiceProblemText(parseInvoice(0, "C1", 46030, 46000, null, 100, null, null, true) as InvoiceProblem, "zh") // "到期日早于发票日期"
 */
export function invoiceProblemText(p: InvoiceProblem, lang: Lang): string {
  return lang === "zh" ? problemZh(p) : p.error.message;
}

/**
 * The error of a bad ledger row in `lang` (same code as the English error).
 * English: exactly `readInvoice`'s message, `row 12: due_dates: the due date is before the invoice date.`
 * Chinese: `第 12 行“到期日”列（due_date）：到期日早于发票日期。`, or `第 12 行“due_date”列：…` when the
 * column has no header text.
 * With `cell` (the task pane's review names the sheet cell), English
 * `row 12, cell Ledger!C12: due_dates: …` and Chinese `第 12 行“到期日”列（due_date，单元格 Ledger!C12）：…`
 * (`第 12 行“due_date”列（单元格 Ledger!C12）：…` without a header). The formulas never pass it.
 * @param row 0-based row (shown 1-based)
 * @param header the header text of the column the field was mapped to ("" when unknown or blank)
 * @param cell the A1 address of the offending cell, e.g. "Ledger!C12" (optional)
 */
export function invoiceRowError(p: InvoiceProblem, row: number, header: string, lang: Lang, cell?: string): EngineError {
  if (lang !== "zh") return { ...p.error, message: `row ${row + 1}${cell ? `, cell ${cell}` : ""}: ${p.error.message}` };
  const at = cell ? `单元格 ${cell}` : "";
  const column = header !== "" ? `“${header}”列（${p.field}${at ? `，${at}` : ""}）` : `“${p.field}”列${at ? `（${at}）` : ""}`;
  return { ...p.error, message: `第 ${row + 1} 行${column}：${problemZh(p)}。` };
}
