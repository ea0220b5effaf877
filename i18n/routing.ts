/**
 * Where the language lives: in the URL. English at today's paths, Chinese under `/zh/…` (an as-needed
 * prefix), so a search engine sees both languages as separate pages. The visitor's cookie and
 * Accept-Language only choose where an unprefixed link lands: a `/courses` link followed by someone who
 * chose 中文 redirects to `/zh/courses` (proxy.ts runs next-intl's middleware).
 */
import { defineRouting } from "next-intl/routing";
import { DEFAULT_LOCALE, LOCALE_COOKIE, LOCALES } from "./locales";

export const routing = defineRouting({
  locales: LOCALES,
  defaultLocale: DEFAULT_LOCALE,
  localePrefix: "as-needed",
  // The cookie the switcher sets; proxy.ts gives it the attributes of lib/server/cookies.ts LOCALE.
  localeCookie: { name: LOCALE_COOKIE },
  // The pages carry their own hreflang links (lib/i18n/alternates.ts), with `zh-Hans` and `x-default`.
  alternateLinks: false,
});
