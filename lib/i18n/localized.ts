import type { Locale } from "@/i18n/locales";

/**
 * Content written in two languages: the English column and its `*_zh` twin (null where nobody wrote it).
 * A page asks for its locale and gets the other language when that one is missing, with `lang` saying
 * which it got, so the markup can carry `lang="en"` on an English fallback inside a Chinese page.
 */
export type LocalizedText = { text: string; lang: Locale; fallback: boolean };

/** The text for `locale` from an English value and its Chinese twin; empty strings count as missing. */
export function localized(locale: Locale, en: string | null | undefined, zh: string | null | undefined): LocalizedText {
  const own = locale === "zh" ? zh : en;
  if (own) return { text: own, lang: locale, fallback: false };
  const other: Locale = locale === "zh" ? "en" : "zh";
  const text = (locale === "zh" ? en : zh) ?? "";
  return text ? { text, lang: other, fallback: true } : { text: "", lang: locale, fallback: false };
}

/** Just the string, for places (titles, alt text, JSON-LD) that cannot mark a fallback. */
export function localizedString(locale: Locale, en: string | null | undefined, zh: string | null | undefined): string {
  return localized(locale, en, zh).text;
}
