/** The Chinese catalogue: the same ids and arguments as en.ts, worded for Chinese users. */
import type { Entry, MessageArg } from "./types";
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
  "outcome.policy.missing": () => "策略缺少 outcome：请给出 { daysPastDue, windowMonths, minAmount }。",
  "outcome.policy.days": (a) => `策略 outcome.daysPastDue 必须是 1 到 3650 之间的整数天数，实际为 ${a.value}。`,
  "outcome.policy.window": (a) => `策略 outcome.windowMonths 必须是 1 到 120 之间的整数月数，实际为 ${a.value}。`,
  "outcome.policy.minAmount": (a) => `策略 outcome.minAmount 必须是 0 或更大的金额，实际为 ${a.value}。`,
  "outcome.badDate": (a) => `${a.which === "data" ? "台账数据截止日" : "观察日"}不是有效日期（得到 ${a.value}）。`,
  "outcome.noInvoices": () => "发票台账中没有可读的发票，无法由其得出违约结果。",
  "outcome.dataBeforeAsOf": (a) => `台账数据截止日 ${a.dataDate} 早于观察日 ${a.asOf}：台账没有观察日之后各月的信息。`,
  "outcome.noIdColumn": () => "历史表没有客户编号列（客户编号、Customer ID 等）：需要它在台账中找到每个客户的发票。",
  "outcome.windowNotCovered": (a) =>
    `台账数据截至 ${a.dataDate}，但观察日之后 ${a.months} 个月的观察期到 ${a.windowEnd} 才结束：目前无法把任何客户判定为正常。请选择不晚于 ${a.latestAsOf} 的观察日，或给出更晚的数据截止日。`,
  "outcome.noneLabelled": (a, w) =>
    `${a.rows} 个历史客户都无法由台账判定结果：${w.list((a.reasons as readonly MessageArg[] | undefined) ?? [])}。`,
  "outcome.reason.window_not_covered": (a) => `${a.count} 个客户的观察期不在台账覆盖范围内`,
  "outcome.reason.in_default_at_as_of": (a) => `${a.count} 个客户在观察日已处于违约状态`,
  "outcome.reason.disputed": (a) => `${a.count} 个客户的逾期发票均有争议`,
  "outcome.reason.unreadable_rows": (a) => `${a.count} 个客户有无法读取的台账行`,
  "outcome.reason.no_exposure": (a) => `${a.count} 个客户在观察期内没有应收款`,
  "outcome.reason.no_invoices": (a) => `${a.count} 个客户不在台账中`,
  "outcome.reason.no_customer_id": (a) => `${a.count} 行没有客户编号`,
  "outcome.summary": (a, w) =>
    `历史客户 ${a.rows} 个：已判定 ${a.labelled} 个（违约 ${a.defaulted} 个，即在 ${a.asOf} 至 ${a.windowEnd} 之间有发票逾期 ${a.days} 天及以上；正常 ${a.healthy} 个）；未判定 ${a.leftOut} 个${(a.reasons as readonly MessageArg[] | undefined)?.length ? `：${w.list(a.reasons as readonly MessageArg[])}` : ""}。台账数据截至 ${a.dataDate}。`,
  "fit.workerFailed": (a) =>
    `拟合已中止：后台计算出错（${a.detail}）。未拟合也未保存任何模型；请重试，如再次失败，可对同一表格使用 npm run calibrate。`,
};
