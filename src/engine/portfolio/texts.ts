/** Bilingual labels of the portfolio review (bands, summary rows, reasons for missing figures). */
import { Lang } from "../lang";
import { Band } from "../scoring/model";

export type BandKey = Band | "not_scored";

/** Row labels of the by-band tables and the heat map. */
export const BAND_LABELS: Record<BandKey, Record<Lang, string>> = {
  A: { en: "A", zh: "A级" },
  B: { en: "B", zh: "B级" },
  C: { en: "C", zh: "C级" },
  D: { en: "D", zh: "D级" },
  E: { en: "E", zh: "E级" },
  not_scored: { en: "Not scored", zh: "未评分" },
};

/** Heat-map column of joined customers whose ledger shows nothing open. */
export const NO_OPEN_LABEL: Record<Lang, string> = { en: "No open invoices", zh: "无未结发票" };

export const NO_LEDGER_TEXT: Record<Lang, string> = {
  en: "No invoice ledger was given: aging, DSO and the heat map need one.",
  zh: "未提供发票台账：账龄、DSO 和热力图需要发票台账。",
};

export const NO_EXPOSURE_TEXT: Record<Lang, string> = {
  en: "No customer has an exposure figure (map an exposure column or join a ledger).",
  zh: "没有任何客户的风险敞口数据（请映射敞口列或关联发票台账）。",
};

export const NO_FACTORS_TEXT: Record<Lang, string> = {
  en: "no factor values in this row: nothing to score.",
  zh: "该行没有任何因子数据，无法评分。",
};
