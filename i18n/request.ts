import { getRequestConfig } from "next-intl/server";
import { env } from "@/lib/env";
import { FORMATS } from "@/lib/i18n/format";
import { DEFAULT_LOCALE, isLocale } from "./locales";

/**
 * The request's language comes from the URL: the `[locale]` segment of a page, or for a server action or
 * route handler the header next-intl's middleware sets from the same URL (proxy.ts).
 */
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
  return {
    locale,
    messages: (await import(`../messages/${locale}.json`)).default,
    // One zone for the server render and the browser's, so a date reads the same in both; the root
    // layout's NextIntlClientProvider passes this zone and the named formats on to client components.
    timeZone: env.TIME_ZONE,
    formats: FORMATS,
  };
});
