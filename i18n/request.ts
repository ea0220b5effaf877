import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { env } from "@/lib/env";
import { FORMATS } from "@/lib/i18n/format";
import { isLocale, localeFromAcceptLanguage, LOCALE_COOKIE, type Locale } from "./locales";

export async function resolveLocale(): Promise<Locale> {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return {
    locale,
    messages: (await import(`../messages/${locale}.json`)).default,
    // One zone for the server render and the browser's, so a date reads the same in both; the root
    // layout's NextIntlClientProvider passes this zone and the named formats on to client components.
    timeZone: env.TIME_ZONE,
    formats: FORMATS,
  };
});
