/**
 * The language step of proxy.ts: next-intl's middleware (i18n/routing.ts) decides whether a page path
 * is served in its language (an internal rewrite to `/[locale]/…`) or sent on to the prefixed path the
 * visitor's cookie or Accept-Language asks for (`/courses` -> `/zh/courses`; `/en/x` -> `/x`).
 */
import { NextRequest, type NextResponse } from "next/server";
import createIntlMiddleware from "next-intl/middleware";
import { DEFAULT_LOCALE } from "@/i18n/locales";
import { routing } from "@/i18n/routing";
import { LOCALE, SECURE_COOKIES } from "./cookies";

// When a visitor opens a page in another language than their cookie says, the middleware updates it:
// with the attributes every cookie of ours has (a year, Lax, Secure on https).
const intl = createIntlMiddleware({
  ...routing,
  localeCookie: { name: LOCALE.name, maxAge: LOCALE.maxAge, sameSite: "lax", secure: SECURE_COOKIES },
});

/**
 * The response for a page request whose render must see `headers` (the CSP nonce, the experiment
 * assignment, a cookie set this very request): next-intl forwards the request's headers with its
 * rewrite, so it gets a request carrying them. Only the URL, headers and cookies are read here, never
 * the body, so the copy needs none.
 */
export function respondInLocale(request: NextRequest, headers: Headers | undefined): NextResponse {
  // next-intl stores the page's language in the cookie whenever Accept-Language asks for another one.
  // A request that asks for none (crawlers send no header; some clients "*") would get NEXT_LOCALE=en
  // on every English page: a Set-Cookie that tells nobody anything and keeps shared caches from storing
  // the page. Asking for the default language negotiates exactly as asking for none does.
  const accept = request.headers.get("accept-language")?.trim();
  const asksForNone = !accept || accept === "*";
  if (!headers && !asksForNone) return intl(request);
  const forwarded = new Headers(headers ?? request.headers);
  if (asksForNone) forwarded.set("accept-language", DEFAULT_LOCALE);
  return intl(new NextRequest(request.url, { headers: forwarded, method: request.method }));
}
