import { Lang, langFromLocale } from "../engine/lang";

/**
 * The language for texts a formula returns (stage names, reasons): Office's
 * display language in the shared runtime; English when Office is not there.
 */
export function displayLang(): Lang {
  try {
    return langFromLocale(typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined);
  } catch {
    return "en";
  }
}
