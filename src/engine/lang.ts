/** Languages the add-in speaks. Engine texts a user reads exist in both. */
export type Lang = "en" | "zh";

/** Maps an Office display language tag ("zh-CN", "en-US", …) to a Lang. */
export function langFromLocale(locale: string | null | undefined): Lang {
  return typeof locale === "string" && locale.toLowerCase().startsWith("zh") ? "zh" : "en";
}
