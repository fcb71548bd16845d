import { useCallback, useEffect, useRef, useState } from "react";
import { Lang, langFromLocale } from "../../engine/lang";
import { htmlLang } from "../i18n";

/**
 * The pane language: follows Office's display language (or the browser's
 * until Office answers) until the user picks one with the switch; keeps
 * `<html lang>` in step so screen readers pronounce the text correctly.
 * Returns the language and a setter for the switch.
 */
export function useLanguage(officeDisplayLanguage: string | null): [Lang, (lang: Lang) => void] {
  const [lang, setLang] = useState<Lang>(() => langFromLocale(officeDisplayLanguage ?? browserLanguage()));
  const userChose = useRef(false);

  useEffect(() => {
    if (!userChose.current && officeDisplayLanguage) setLang(langFromLocale(officeDisplayLanguage));
  }, [officeDisplayLanguage]);

  useEffect(() => {
    if (typeof document !== "undefined") document.documentElement.lang = htmlLang(lang);
  }, [lang]);

  const choose = useCallback((next: Lang) => {
    userChose.current = true;
    setLang(next);
  }, []);
  return [lang, choose];
}

function browserLanguage(): string | undefined {
  return typeof navigator !== "undefined" ? navigator.language : undefined;
}
