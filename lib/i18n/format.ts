/**
 * The one module that builds date and number formats. Pages use next-intl's formatter (`getFormatter()` on
 * the server, `useFormatter()` in client components), configured in i18n/request.ts with the shop's zone
 * (TIME_ZONE) and the named formats below; code outside a request (mail) builds the same formatter with
 * `shopFormatter`. Everything else is kept from `new Intl.DateTimeFormat` and `toLocale*String` by
 * eslint.config.mjs: those use the server's own zone, so the same instant could read as another day on the
 * server than in the browser or in a mail.
 */
import { createFormatter, type Formats } from "next-intl";
import type { Locale } from "@/i18n/locales";

/** Named formats shared by pages, client components and mail: `format.dateTime(d, "dateLong")`. */
export const FORMATS = {
  dateTime: {
    /** 29 Mar 2026 · 2026年3月29日 */
    date: { dateStyle: "medium" },
    /** 29 March 2026 · 2026年3月29日 */
    dateLong: { dateStyle: "long" },
    /** 29 Mar 2026, 08:30 */
    dateTime: { dateStyle: "medium", timeStyle: "short" },
    /** 29 Mar 2026, 08:30:15: when the seconds matter (a job that ran a moment ago). */
    dateTimeSeconds: { dateStyle: "medium", timeStyle: "medium" },
    /** 29 March 2026 at 08:30 */
    dateTimeLong: { dateStyle: "long", timeStyle: "short" },
    /**
     * 29 March 2026 at 08:30 GMT+8: for mail, read far from the shop (and maybe days later), so the zone is
     * written out.
     */
    dateTimeZoned: {
      year: "numeric",
      month: "long",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZoneName: "short",
    },
  },
  number: {
    /** A measure such as 45.5 (cm): at most one decimal. */
    short: { maximumFractionDigits: 1 },
    /** 12.5% from 0.125. */
    percent: { style: "percent", maximumFractionDigits: 1 },
  },
} as const satisfies Formats;

declare module "next-intl" {
  interface AppConfig {
    // Named formats are checked: a typo in `format.dateTime(d, "dateLng")` fails the type check.
    Formats: typeof FORMATS;
  }
}

/** Whether `zone` is a time zone this runtime knows (an IANA name such as Europe/London, or UTC). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * next-intl's formatter outside a request (mail, jobs): the same named formats and rules as pages. Callers
 * pass env.TIME_ZONE: this module does not import lib/env.ts, which imports `isTimeZone` from here.
 */
export function shopFormatter({ locale, timeZone }: { locale: Locale; timeZone: string }) {
  return createFormatter({ locale, timeZone, formats: FORMATS });
}
