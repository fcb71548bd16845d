/** Bilingual labels of the portfolio review (bands, summary rows, reasons for missing figures). */
import { Lang } from "../lang";
import { inEachLang, message } from "../messages";
import { BandKey, inEachLabel } from "../labels";

export type { BandKey } from "../labels";

/** Row labels of the by-band tables and the heat map (from the one label set, `labels.ts`). */
export const BAND_LABELS: Record<BandKey, Record<Lang, string>> = {
  A: inEachLabel((l) => l.bands.A),
  B: inEachLabel((l) => l.bands.B),
  C: inEachLabel((l) => l.bands.C),
  D: inEachLabel((l) => l.bands.D),
  E: inEachLabel((l) => l.bands.E),
  not_scored: inEachLabel((l) => l.bands.not_scored),
};

/** Heat-map column of joined customers whose ledger shows nothing open. */
export const NO_OPEN_LABEL: Record<Lang, string> = inEachLabel((l) => l.noOpen);

/** The review's notes, from the message catalogue. */
export const NO_LEDGER_TEXT: Record<Lang, string> = inEachLang(message("review.noLedger"));

export const NO_EXPOSURE_TEXT: Record<Lang, string> = inEachLang(message("review.noExposure"));
