/** Chinese messages of the receivables formulas: the same ids and arguments as receivables.en.ts. */
import type { Entry } from "./types";
import type { ReceivablesMessageId } from "./receivables.en";
import { ledgerRowAtZh } from "./review.zh";

export const RECEIVABLES_ZH: Record<ReceivablesMessageId, Entry> = {
  "ar.opening": () => "期初应收账款",
  "ar.closing": () => "期末应收账款",
  "ar.total": () => "应收账款总额",
  "ar.current": () => "未到期应收账款",
  "ar.ending": () => "期末应收账款",
  "ar.endingCurrent": () => "期末未到期应收账款",
  "ar.rule.average": () => "[期初应收账款, 期末应收账款]",
  "ar.rule.currentOfTotal": () => "[应收账款总额, 未到期应收账款]",
  "num.mustBePositive": (a) => `${a.arg}：${a.value} 必须大于 0。`,
  "num.mustBeUnit": (a) => `${a.arg}：${a.value} 必须在 0 到 1 之间（5% 请输入 0.05）。`,
  "rcv.negativeAr": (a) => `${a.arg}：${a.value} 为负数；应收账款必须大于或等于 0。`,
  "rcv.negativeArPart": (a) => `${a.arg}：${a.part} ${a.value} 为负数；应收账款必须大于或等于 0。`,
  "rcv.negativeCurrentAr": (a) => `${a.arg}：未到期应收账款 ${a.value} 为负数；它必须大于或等于 0。`,
  "rcv.negativeSales": (a) => `${a.arg}：${a.value} 为负数；赊销额必须大于或等于 0。`,
  "rcv.currentAboveTotal": (a) => `${a.arg}：未到期应收账款 ${a.current} 超过应收账款总额 ${a.total}；未到期部分是总额中尚未到期的部分。`,
  "cei.currentAboveEnd": (a) => `end_current_ar：${a.current} 超过 end_ar ${a.end}；未到期应收账款是期末总额中尚未到期的部分。`,
  "cei.tooLarge": () => "CEI：金额过大，无法相加（超出 ±1.8e308）。",
  "cei.nothingCollectable": () => "CEI：期初应收账款 + 赊销额 − 期末未到期应收账款为 0，没有可回收的款项。",
  "cei.inconsistentMonthly": (a) =>
    `${a.arg}：${a.what} ${a.balance} 超过期初应收账款加一个月的平均赊销额（${a.begin} + ${a.sales} ÷ ${a.months} = ${a.sum}），CEI 将为负数。请检查余额和月数，如适合您的数据，也可使用 convention "period"。`,
  "cei.inconsistent": (a) =>
    `${a.arg}：${a.what} ${a.balance} 超过期初应收账款加赊销额（${a.begin} + ${a.sales} = ${a.sum}）：应收账款的增加不可能超过销售额，因此这些余额相互矛盾。`,
  "dso.noSales": () => "credit_sales 为 0：没有赊销额时 DSO 无定义。",
  "dso.negativeMonth": (a) => `credit_sales：第 ${a.month} 个月（${a.value}）为负数；赊销额必须大于或等于 0。`,
  "dso.noMonthSales": (a) =>
    `credit_sales：没有任何月份有销售额（给出的 ${a.months} 个月均为空或 0），倒推法无法开始。请按从早到晚（最新在最后）给出每月赊销额。`,
  "dso.blankMonth": (a) =>
    `credit_sales：第 ${a.month} 个月为空（未知），倒推在此停止（已计 ${a.days} 天，剩余应收账款 ${a.left}）。请填入该月销售额，没有则填 0。`,
  "dso.exceedsAll": (a) =>
    `应收账款超过给出的全部 ${a.months} 个月的赊销额（已计 ${a.days} 天，剩余应收账款 ${a.left}）：倒推法需要更多（更早的）月份。`,
  "dso.exceedsData": (a) =>
    `应收账款超过有数据的 ${a.n} 个月（区域中 ${a.months} 个月里的第 ${a.from}–${a.to} 个月）的赊销额（已计 ${a.days} 天，剩余应收账款 ${a.left}）：倒推法需要更多（更早的）月份。区域两端的空月份不计入。`,
  "dso.twoColumns": (a) => `receivables：方法“${a.method}”每行需要两列 ${a.rule}，但该区域有 ${a.cols} 列。`,
  "dso.countbackLine": () => "credit_sales：应收账款为单个单元格时，倒推法需要一列或一行每月销售额（从早到晚，最新在最后）。",
  "dso.countbackRows": (a) =>
    `credit_sales 有 ${a.rows} 行，而 receivables 有 ${a.ar} 行：请为每个客户给出一行每月销售额（月份从左到右，最新在最后）。`,
  "dso.countbackCols": (a) =>
    `credit_sales 有 ${a.cols} 列，而 receivables 有 ${a.ar} 列：请为每个客户给出一列每月销售额（月份从上到下，最新在最后）。`,
  "dso.countbackShape": (a) => `receivables：倒推法需要一个应收账款单元格、一列或一行，但得到的是 ${a.rows} 行 × ${a.cols} 列。`,
  "dso.daysPerMonth": (a) => `days_in_period 有 ${a.n} 个值，但共有 ${a.months} 个月：请为所有月份给出一个数，或每月一个。`,
  "aging.bucketsShape": (a) => `buckets：需要一行或一列天数分界（例如 30、60、90），但得到的是 ${a.rows} 行 × ${a.cols} 列。`,
  "aging.bucketsAscending": (a) => `buckets：${a.value} 必须大于前一个分界 ${a.prev}（分界须升序）。`,
  "aging.dueMissing": () => "due_dates：有未结金额但缺少到期日。",
  "aging.badRows": (a) => `${a.n} 行无法读取，未计入账龄区间；第一个问题：${a.first}`,
  "ladder.width": (a) => `ladder：需要 2 到 4 列 [相对到期日的天数, 阶段名称, 最低未结金额, 宽限天数]，但得到 ${a.width} 列。`,
  "ladder.row": (a) => `ladder 第 ${a.row} 行`,
  "ladder.rowDays": (a) => `ladder 第 ${a.row} 行的天数`,
  "ladder.rowName": (a) => `ladder 第 ${a.row} 行的阶段名称`,
  "ladder.rowMinOpen": (a) => `ladder 第 ${a.row} 行的最低未结金额`,
  "ladder.rowGrace": (a) => `ladder 第 ${a.row} 行的宽限天数`,
  "ladder.daysMissing": (a) => `ladder 第 ${a.row} 行：缺少相对到期日的天数。`,
  "ladder.nameEmpty": (a) => `ladder 第 ${a.row} 行：阶段名称必须是非空文本。`,
  "ladder.daysAscending": (a) => `ladder 第 ${a.row} 行：天数 ${a.days} 必须大于上一行的 ${a.prev}（天数须升序）。`,
  "ladder.empty": () => "ladder：该区域中没有任何阶段。",
  "el.negativeExposure": (a) => `exposure：${a.value} 为负数；风险敞口必须大于或等于 0。`,
  "el.negativeLimit": (a) => `insured_limit：${a.value} 为负数；保险限额必须大于或等于 0。`,
  "el.shareNeeded": () => "给出 insured_limit 时需要 insured_share（例如保险人赔付 90% 时填 0.9）。",
  "ledger.negativeOpen": (a) => `截至 as_of 台账的未结金额为 ${a.value}：贷项通知单超过未结发票，DSO 无定义。`,
  "ledger.noInvoices": () => "台账中没有发票。",
  "ledger.customerEmpty": () => "customer_ids：客户编号为空。",
  "ledger.customerType": (a, w) => {
    const v = w.raw(a.value);
    return `customer_ids：${typeof v === "number" || typeof v === "boolean" ? String(v) : w.cell(a.value)} 不是客户编号（请用文本或数字）。`;
  },
  "ledger.dueBeforeInvoice": () => "due_dates：到期日早于开票日。",
  "ledger.paidBeforeInvoice": () => "paid_dates：付款日早于开票日。",
  "ledger.openOnPaid": (a) => `open_amounts：${a.value} 仍未结，但该发票已有付款日。`,
  "ledger.openOutside": (a) => `open_amounts：${a.value} 必须在 0 与发票金额 ${a.amount} 之间。`,
  "ledger.invalidRows": (a) => `${a.first}（共 ${a.count} 行无效；请更正后再计算）`,
  "ledger.invalidRowsCustomer": (a) => `${a.first}（该客户共 ${a.count} 行无效）`,
  // The problem's own full stop when it has one (a rule's message the pane has no words of its own for), else one.
  "ledger.row": (a) => `${a.at}：${a.problem}${String(a.problem).endsWith("。") ? "" : "。"}`,
  "ledger.rowAt": (a) => ledgerRowAtZh(a),
};
