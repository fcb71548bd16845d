/** Bilingual labels of the portfolio review (bands, summary rows, reasons for missing figures). */
import { Lang } from "../lang";
import { inEachLang, message } from "../messages";
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

/** The review's notes, from the message catalogue. */
export const NO_LEDGER_TEXT: Record<Lang, string> = inEachLang(message("review.noLedger"));

export const NO_EXPOSURE_TEXT: Record<Lang, string> = inEachLang(message("review.noExposure"));
