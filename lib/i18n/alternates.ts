/**
 * hreflang links and the canonical URL of a page that exists in every language: the canonical is the
 * page's own language (a Chinese page is not a duplicate of the English one), the alternates name each
 * language and `x-default` (English, at the unprefixed path) for everyone else. Relative: the root
 * layout's metadataBase makes them absolute. The shape of Next's `Metadata["alternates"]`.
 */
import { DEFAULT_LOCALE, LOCALES, type Locale } from "@/i18n/locales";
import { localizedPath } from "@/i18n/paths";

/** The hreflang value of each locale: the Chinese pages are Simplified Chinese, for every region. */
export const HREFLANG: Record<Locale, string> = { en: "en", zh: "zh-Hans" };

/** Each language's URL of the page at `path` (a path without its language: `/courses/ink`). */
export function languageUrls(path: string): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const locale of LOCALES) urls[HREFLANG[locale]] = localizedPath(path, locale);
  urls["x-default"] = localizedPath(path, DEFAULT_LOCALE);
  return urls;
}

export function alternatesFor(path: string, locale: Locale): { canonical: string; languages: Record<string, string> } {
  return { canonical: localizedPath(path, locale), languages: languageUrls(path) };
}
