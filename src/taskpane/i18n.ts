/**
 * Task-pane texts in English and Simplified Chinese. Every key exists in both
 * languages (the `Strings` type enforces it). Formula names stay in English:
 * users type them as is.
 */
import type { Lang } from "../engine/lang";

/** Product name; the same in every language. */
export const APP_NAME = "CreditSentinel";

/** The RISK formulas the pane introduces, in display order. */
export const FORMULAS = ["CREDITSCORE", "CREDITLIMIT", "DSO", "DUNNINGSTAGE"] as const;
export type FormulaId = (typeof FORMULAS)[number];

export interface Strings {
  /** Local name shown under the product name. */
  localName: string;
  version: (v: string) => string;
  tagline: string;
  description: string;
  formulasHeading: string;
  formulas: Record<FormulaId, string>;
  reference: string;
  /** Announced after the link text (screen readers only): it leaves the pane. Includes its leading separator. */
  opensInNewWindow: string;
  language: string;
  status: Record<"pending" | "ready" | "outside" | "timeout" | "unavailable", string>;
}

export const strings: Record<Lang, Strings> = {
  en: {
    localName: "Trade-credit risk for Excel",
    version: (v) => `Version ${v}`,
    tagline: "Credit scores, limits, DSO and dunning stages as Excel formulas.",
    description:
      "Type =RISK. in any cell to use the formulas below. Everything is calculated inside your workbook: no customer data leaves Excel.",
    formulasHeading: "Formulas",
    formulas: {
      CREDITSCORE: "Score 0–100, band A–E, probability of default and the main reasons",
      CREDITLIMIT: "Recommended credit limit from score, net worth and sales",
      DSO: "Days sales outstanding, standard or countback",
      DUNNINGSTAGE: "Collection stage of an invoice on a given date",
    },
    reference: "Function reference",
    opensInNewWindow: " (opens in a new window)",
    language: "Language",
    status: {
      pending: "Connecting to Excel…",
      ready: "Connected to Excel.",
      outside: "Not running inside Excel: this is a preview. Load the add-in in Excel to use the formulas.",
      timeout: "Excel has not answered yet. The formulas work once the add-in is loaded in Excel.",
      unavailable: "Office could not be loaded (offline?). The pane works, but the formulas need Excel.",
    },
  },
  zh: {
    localName: "信用哨兵 · Excel 贸易信用风险工具",
    version: (v) => `版本 ${v}`,
    tagline: "以 Excel 公式计算信用评分、信用额度、应收账款周转天数和催收阶段。",
    description: "在任意单元格中输入 =RISK. 即可使用下列公式。所有计算都在工作簿内完成，客户数据不会离开 Excel。",
    formulasHeading: "公式",
    formulas: {
      CREDITSCORE: "0–100 信用评分、A–E 等级、违约概率及主要原因",
      CREDITLIMIT: "根据评分、净资产和销售额给出建议信用额度",
      DSO: "应收账款周转天数（标准法或倒推法）",
      DUNNINGSTAGE: "发票在指定日期所处的催收阶段",
    },
    reference: "函数参考",
    opensInNewWindow: "（在新窗口中打开）",
    language: "语言",
    status: {
      pending: "正在连接 Excel…",
      ready: "已连接 Excel。",
      outside: "当前不在 Excel 中运行，仅为预览。请在 Excel 中加载本加载项以使用公式。",
      timeout: "Excel 尚未响应。在 Excel 中加载本加载项后即可使用公式。",
      unavailable: "无法加载 Office（可能处于离线状态）。窗格可以使用，但公式需要 Excel。",
    },
  },
};

/** Names of the languages in the switch, each written in its own language. */
export const LANGUAGE_NAMES: Record<Lang, string> = { en: "English", zh: "中文" };

/** BCP 47 tag for `<html lang>` and `lang` attributes. */
export function htmlLang(lang: Lang): string {
  return lang === "zh" ? "zh-CN" : "en-US";
}

/**
 * URL of the function reference: docs/functions.md under the support site.
 * @example functionReferenceUrl("https://creditsentinel.example.com/") === "https://creditsentinel.example.com/docs/functions.md"
 */
export function functionReferenceUrl(supportUrl: string): string {
  const base = supportUrl.endsWith("/") ? supportUrl : `${supportUrl}/`;
  return new URL("docs/functions.md", base).href;
}
