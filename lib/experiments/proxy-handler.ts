/**
 * Server glue for proxy.ts (Next 16 middleware): the visitor id cookie, sticky experiment assignment on
 * campaign landing pages, and the visitor -> user link for signed-in visitors. Built by a factory so
 * tests can call it with NextRequest objects and a fixed config; proxy.ts wires the real config cache.
 *
 * Cost per request: cookie parsing, and on a landing page one FNV hash plus one HMAC (verify or sign).
 * No database query: the config comes from an in-memory cache (config-cache.ts).
 */
import { isbot } from "isbot";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { isLocale, localeFromAcceptLanguage, LOCALE_COOKIE } from "@/i18n/locales";
import {
  analyticsAllowed,
  CONSENT_COOKIE,
  isValidVisitorId,
  newVisitorId,
  parseConsent,
  VISITOR_COOKIE,
  VISITOR_COOKIE_MAX_AGE,
} from "@/lib/visitor";
import type { ConfigCache } from "./config-cache";
import { fnv1a32 } from "./hash";
import { indexBySlug, type RuntimeConfig, type RuntimeExperiment } from "./runtime";
import {
  ASSIGNMENT_COOKIE_MAX_AGE,
  ASSIGNMENT_COOKIE_PREFIX,
  ASSIGNMENT_HEADER,
  assignmentCookieName,
  decideAssignment,
  encodeAssignmentHeader,
  NEW_VISITOR_WINDOW_MS,
  normalizeUtmSource,
} from "./visitor-assignment";

/** First-seen time of the visitor id (epoch seconds, base 36), for new-vs-returning targeting. */
export const FIRST_SEEN_COOKIE = "atelier_vfs";
/** Marks that this visitor id was linked to the current session's user (a hash, not the id itself). */
export const LINK_COOKIE = "atelier_xl";
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;
const LANDING_PATH = /^\/c\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/;

export type ProxyDeps = {
  secret: string;
  /** Config for this request's origin (the real one polls that origin's internal route). */
  configFor: (origin: string) => ConfigCache;
  /** Background call that stores visitor -> user for a signed-in visitor; given the request to forward. */
  linkVisitor?: (request: NextRequest) => Promise<void>;
  now?: () => number;
  /** Cookies with Secure whatever the request says (the site is served over https: SITE_URL). */
  secureCookies?: boolean;
};

type ResponseCookie = { name: string; value: string; maxAge: number };

function experimentFor(
  config: RuntimeConfig,
  slug: string,
  cache: WeakMap<RuntimeConfig, Map<string, RuntimeExperiment>>,
) {
  let index = cache.get(config);
  if (!index) {
    index = indexBySlug(config);
    cache.set(config, index);
  }
  return index.get(slug);
}

export function createProxy(deps: ProxyDeps) {
  const now = deps.now ?? Date.now;
  const indexes = new WeakMap<RuntimeConfig, Map<string, RuntimeExperiment>>();

  /** `forward`: request headers the render must see besides these (proxy.ts: the CSP with its nonce). */
  return async function proxy(
    request: NextRequest,
    event?: NextFetchEvent,
    forward?: Record<string, string>,
  ): Promise<NextResponse> {
    const headers = new Headers(request.headers);
    for (const [name, value] of Object.entries(forward ?? {})) headers.set(name, value);
    // Only the proxy may say which variant a request gets: drop whatever the client sent.
    let rewriteHeaders = headers.has(ASSIGNMENT_HEADER) || forward !== undefined;
    headers.delete(ASSIGNMENT_HEADER);
    const ua = request.headers.get("user-agent");
    const landing = LANDING_PATH.exec(request.nextUrl.pathname);
    const hasVisitor = isValidVisitorId(request.cookies.get(VISITOR_COOKIE)?.value);
    // The bot check is a large regular expression: run it only where its answer is used.
    const bot = !ua || ((landing !== null || !hasVisitor) && isbot(ua));
    const toSet: ResponseCookie[] = [];
    const secure = deps.secureCookies === true || request.nextUrl.protocol === "https:";

    // Visitor id: first-party, httpOnly; needed for anonymous carts, so it is set regardless of consent
    // (it is only used for experiments and analytics when consent is "analytics"). Bots get none.
    let visitorId = request.cookies.get(VISITOR_COOKIE)?.value;
    let firstSeen = Number.parseInt(request.cookies.get(FIRST_SEEN_COOKIE)?.value ?? "", 36);
    const t = now();
    if (!isValidVisitorId(visitorId) && !bot) {
      visitorId = newVisitorId();
      firstSeen = Math.floor(t / 1000);
      toSet.push({ name: VISITOR_COOKIE, value: visitorId, maxAge: VISITOR_COOKIE_MAX_AGE });
      toSet.push({ name: FIRST_SEEN_COOKIE, value: firstSeen.toString(36), maxAge: VISITOR_COOKIE_MAX_AGE });
    }
    const isNewVisitor = Number.isFinite(firstSeen) && t - firstSeen * 1000 < NEW_VISITOR_WINDOW_MS;

    // Bots get no header at all: the page renders the control and records nothing.
    if (landing && !bot && isValidVisitorId(visitorId)) await assignLanding(landing[1] as string, visitorId);

    async function assignLanding(slug: string, id: string) {
      const read = await deps.configFor(request.nextUrl.origin).read();
      if (read.refresh) event?.waitUntil(read.refresh);
      const experiment = experimentFor(read.config, slug, indexes);
      if (!experiment) return;
      const cookieName = assignmentCookieName(experiment.key);
      const localeCookie = request.cookies.get(LOCALE_COOKIE)?.value;
      const decision = await decideAssignment({
        experiment,
        visitorId: id,
        analyticsConsent: analyticsAllowed(parseConsent(request.cookies.get(CONSENT_COOKIE)?.value)),
        bot,
        locale: isLocale(localeCookie)
          ? localeCookie
          : localeFromAcceptLanguage(request.headers.get("accept-language")),
        isNewVisitor,
        now: t,
        cookie: request.cookies.get(cookieName)?.value,
        secret: deps.secret,
      });
      if (decision.setCookie)
        toSet.push({ name: cookieName, value: decision.setCookie, maxAge: ASSIGNMENT_COOKIE_MAX_AGE });
      rewriteHeaders = true;
      headers.set(
        ASSIGNMENT_HEADER,
        encodeAssignmentHeader({
          key: experiment.key,
          bucketVersion: experiment.bucketVersion,
          variant: decision.variant,
          counted: decision.counted,
          visitorId: id,
          utmSource: normalizeUtmSource(request.nextUrl.searchParams.get("utm_source")),
          reason: decision.reason,
        }),
      );
    }

    // Visitor -> user link, once per session token: a visitor assigned while anonymous who then signs
    // in can have their later orders attributed. The proxy cannot read the user (that needs the
    // session decoded and, for the link, a write), so it asks an internal route in the background.
    if (deps.linkVisitor && isValidVisitorId(visitorId) && !bot) {
      const session = request.cookies.getAll().find((c) => SESSION_COOKIE.test(c.name));
      const assigned = request.cookies.getAll().some((c) => c.name.startsWith(ASSIGNMENT_COOKIE_PREFIX));
      if (session && assigned) {
        const marker = fnv1a32(`${session.value}:${visitorId}`).toString(36);
        if (request.cookies.get(LINK_COOKIE)?.value !== marker) {
          const link = deps.linkVisitor(request).catch(() => undefined);
          event?.waitUntil(link);
          toSet.push({ name: LINK_COOKIE, value: marker, maxAge: 60 * 60 * 24 * 30 });
        }
      }
    }

    // The server render must see a cookie set in this very response (the first visit).
    for (const c of toSet) {
      if (c.name !== VISITOR_COOKIE) continue;
      headers.set("cookie", withCookie(headers.get("cookie"), c.name, c.value));
      rewriteHeaders = true;
    }
    // Forwarding rewritten request headers has a cost; most requests need none.
    const response = rewriteHeaders ? NextResponse.next({ request: { headers } }) : NextResponse.next();
    for (const c of toSet) {
      response.cookies.set({
        name: c.name,
        value: c.value,
        maxAge: c.maxAge,
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure,
      });
    }
    return response;
  };
}

function withCookie(header: string | null, name: string, value: string): string {
  const kept = (header ?? "")
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part && !part.startsWith(`${name}=`));
  return [...kept, `${name}=${value}`].join("; ");
}
