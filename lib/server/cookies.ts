/**
 * Every cookie the app sets itself, each with its attributes written once. proxy.ts (on a NextResponse),
 * server actions (through `cookies()`) and the event beacon (a plain Set-Cookie header) all set them
 * from here, so one cookie never gets different attributes depending on where it was set.
 *
 * A name that browser code or pure modules also need stays in a client-safe module and is used here:
 * lib/visitor.ts (visitor id, consent: the beacon reads the consent cookie in the browser),
 * i18n/locales.ts (the language), lib/experiments/visitor-assignment.ts (assignment cookies).
 * The Auth.js session cookies are not ours: Auth.js sets them (lib/auth/auth-js.ts).
 *
 * No "server-only" and no next/* import: proxy.ts imports this module, and so do tests.
 */
import { LOCALE_COOKIE } from "@/i18n/locales";
import { env } from "@/lib/env";
import { ASSIGNMENT_COOKIE_MAX_AGE, assignmentCookieName } from "@/lib/experiments/visitor-assignment";
import { servedOverHttps } from "@/lib/security-headers";
import { CONSENT_COOKIE, VISITOR_COOKIE } from "@/lib/visitor";

const DAY = 60 * 60 * 24;
/** A year, as first-party analytics and preference cookies usually live; the visitor can clear them at any time. */
const YEAR = 365 * DAY;

/** What differs between our cookies. All of them are `Path=/` and `SameSite=Lax`. */
export type CookieDefinition = {
  name: string;
  /** False only where browser code must read the value. */
  httpOnly: boolean;
  /** Seconds. */
  maxAge: number;
};

/** Anonymous visitor id: the guest cart, and with analytics consent events and experiments. */
export const VISITOR: CookieDefinition = { name: VISITOR_COOKIE, httpOnly: true, maxAge: YEAR };

/** When the visitor id was first given (epoch seconds, base 36), for new-vs-returning targeting. */
export const FIRST_SEEN: CookieDefinition = { name: "atelier_vfs", httpOnly: true, maxAge: YEAR };

/** Marks that this visitor id was linked to the current session's user (a hash, not the id itself). */
export const VISITOR_LINK: CookieDefinition = { name: "atelier_xl", httpOnly: true, maxAge: 30 * DAY };

/** The analytics choice. Readable by scripts on purpose: the beacon checks it before sending anything. */
export const CONSENT: CookieDefinition = { name: CONSENT_COOKIE, httpOnly: false, maxAge: YEAR };

/** The chosen language; next-intl's usual cookie name, read by i18n/request.ts and the proxy. */
export const LOCALE: CookieDefinition = { name: LOCALE_COOKIE, httpOnly: false, maxAge: YEAR };

/** The signed, sticky variant of one experiment (the value is bound to the visitor id). */
export function assignmentCookie(experimentKey: string): CookieDefinition {
  return { name: assignmentCookieName(experimentKey), httpOnly: true, maxAge: ASSIGNMENT_COOKIE_MAX_AGE };
}

/**
 * The one Secure rule: Secure exactly when the site is served over https, as the operator's SITE_URL
 * says. It is the rule that turns HSTS on (lib/security-headers.ts), and the one Auth.js follows for
 * its own cookies in production (AUTH_URL is SITE_URL there, lib/auth/auth-js.ts), so every cookie of
 * the site agrees. Not from the request: X-Forwarded-Proto can be sent by anyone who reaches the server
 * directly. Not from NODE_ENV: a production build served over plain http (a local run) would set
 * cookies a browser may drop, and a development server behind https would set them without Secure.
 */
export const SECURE_COOKIES = servedOverHttps(env.SITE_URL);

/**
 * The cookie with its value, in the object form both `cookies().set(...)` (actions, route handlers)
 * and `NextResponse.cookies.set(...)` (proxy.ts) accept. `secure` is for tests only.
 */
export function cookieToSet(cookie: CookieDefinition, value: string, { secure = SECURE_COOKIES } = {}) {
  return {
    name: cookie.name,
    value,
    maxAge: cookie.maxAge,
    path: "/",
    httpOnly: cookie.httpOnly,
    sameSite: "lax" as const,
    secure,
  };
}

/** The same cookie as a Set-Cookie header value, for a handler that answers with a plain Response. */
export function setCookieHeader(cookie: CookieDefinition, value: string, { secure = SECURE_COOKIES } = {}): string {
  return [
    `${cookie.name}=${value}`,
    "Path=/",
    `Max-Age=${cookie.maxAge}`,
    ...(cookie.httpOnly ? ["HttpOnly"] : []),
    "SameSite=Lax",
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}
