import { getLocale } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/i18n/locales";
import { localizedPath } from "@/i18n/paths";

/**
 * The request's locale as the data layer takes it (next-intl types it as a plain string): the page's
 * `[locale]` segment, or in a server action the one proxy.ts read from the page's URL.
 */
export async function pageLocale(): Promise<Locale> {
  const locale = await getLocale();
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

/**
 * A path of the shop in this request's language, for Next's redirect(): `/orders/1` stays as it is in
 * English and becomes `/zh/orders/1` in Chinese. Takes and keeps a query string.
 */
export async function localePath(href: string, locale?: Locale): Promise<string> {
  return localizedPath(href, locale ?? (await pageLocale()));
}
