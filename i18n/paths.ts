/**
 * A shop path in a language, as i18n/routing.ts lays them out: English unprefixed, every other language
 * under its prefix (`/courses` -> `/zh/courses`, `/` -> `/zh`). Plain string work with no React or Next
 * in it, so mail, the sitemap and JSON-LD can use it outside a request; `getPathname` of
 * i18n/navigation.ts gives the same answers (i18n/paths.test.ts holds them side by side).
 */
import { DEFAULT_LOCALE, type Locale } from "./locales";

/** `href` is a path without a language, with or without a query string. */
export function localizedPath(href: string, locale: Locale): string {
  if (locale === DEFAULT_LOCALE) return href;
  if (href === "/" || href.startsWith("/?")) return `/${locale}${href.slice(1)}`;
  return `/${locale}${href}`;
}
