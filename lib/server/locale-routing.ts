/**
 * The language step of proxy.ts: next-intl's middleware (i18n/routing.ts) decides whether a page path
 * is served in its language (an internal rewrite to `/[locale]/…`) or sent on to the prefixed path the
 * visitor's cookie or Accept-Language asks for (`/courses` -> `/zh/courses`; `/en/x` -> `/x`).
 */
import { NextRequest, type NextResponse } from "next/server";
import createIntlMiddleware from "next-intl/middleware";
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
  return intl(headers ? new NextRequest(request.url, { headers, method: request.method }) : request);
}
