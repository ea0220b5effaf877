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

/** For each field, the language it fell back to; absent when the field is in the page's own language. */
export type FallbackLangs<K extends string> = Partial<Record<K, Locale>>;

/**
 * Several fields of one row at once: the strings for `locale`, and which of them fell back (and to what),
 * so a reshaped row keeps plain strings for its callers and the markup can still mark the fallbacks.
 */
export function localizeFields<K extends string>(
  locale: Locale,
  pairs: Record<K, readonly [en: string | null | undefined, zh: string | null | undefined]>,
): { text: Record<K, string>; fallback: FallbackLangs<K> } {
  const text = {} as Record<K, string>;
  const fallback: FallbackLangs<K> = {};
  for (const key of Object.keys(pairs) as K[]) {
    const [en, zh] = pairs[key];
    const picked = localized(locale, en, zh);
    text[key] = picked.text;
    if (picked.fallback) fallback[key] = picked.lang;
  }
  return { text, fallback };
}
