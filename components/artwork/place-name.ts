import { intlLocale, type Locale } from "@/i18n/locales";

/**
 * Where a creator works, for people: "Hangzhou, China", with the country named in the reader's language
 * from its ISO code (Intl.DisplayNames, so no country list to translate). Null when neither is known.
 */
export function placeName(creator: { location: string | null; country: string | null }, locale: string): string | null {
  let country: string | undefined;
  if (creator.country) {
    try {
      country = new Intl.DisplayNames([intlLocale(locale as Locale)], { type: "region" }).of(creator.country);
    } catch {
      // A malformed code: show the city alone rather than fail the page.
      country = undefined;
    }
  }
  const parts = [creator.location, country].filter((p): p is string => Boolean(p));
  return parts.length ? parts.join(locale === "zh" ? "，" : ", ") : null;
}
