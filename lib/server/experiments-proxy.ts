/**
 * Server glue for proxy.ts (Next 16 middleware): the visitor id cookie, sticky experiment assignment on
 * campaign landing pages, and the visitor -> user link for signed-in visitors. Built by a factory so
 * tests can call it with NextRequest objects and a fixed config; proxy.ts wires the real config cache.
 * The experiment logic itself (hashing, targeting, signing) is lib/experiments; the cookies are
 * defined in ./cookies.ts.
 *
 * Cost per request: cookie parsing, and on a landing page one FNV hash plus one HMAC (verify or sign).
 * No database query: the config comes from an in-memory cache (lib/experiments/config-cache.ts).
 */
import { isbot } from "isbot";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { isLocale, localeFromAcceptLanguage } from "@/i18n/locales";
import type { ConfigCache } from "@/lib/experiments/config-cache";
import { fnv1a32 } from "@/lib/experiments/hash";
import { indexBySlug, type RuntimeConfig, type RuntimeExperiment } from "@/lib/experiments/runtime";
import {
  ASSIGNMENT_COOKIE_PREFIX,
  ASSIGNMENT_HEADER,
  decideAssignment,
  encodeAssignmentHeader,
  NEW_VISITOR_WINDOW_MS,
  normalizeUtmSource,
} from "@/lib/experiments/visitor-assignment";
import { analyticsAllowed, isValidVisitorId, newVisitorId, parseConsent } from "@/lib/visitor";
import {
  assignmentCookie,
  CONSENT,
  cookieToSet,
  FIRST_SEEN,
  LOCALE,
  SECURE_COOKIES,
  VISITOR,
  VISITOR_LINK,
  type CookieDefinition,
} from "./cookies";

// Auth.js's session cookie (chunked when large, prefixed on https): only its presence and value are read.
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;
// A landing page in English (`/c/slug`) or under a language prefix (`/zh/c/slug`).
const LANDING_PATH = /^(?:\/([a-z]{2}))?\/c\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/;

export type ProxyDeps = {
  secret: string;
  /** Config for this request's origin (the real one polls that origin's internal route). */
  configFor: (origin: string) => ConfigCache;
  /** Background call that stores visitor -> user for a signed-in visitor; given the request to forward. */
  linkVisitor?: (request: NextRequest) => Promise<void>;
  now?: () => number;
  /** Tests only: whether cookies get Secure. proxy.ts leaves it to the site's rule (./cookies.ts). */
  secureCookies?: boolean;
  /**
   * Builds the response from the request and the request headers the render must see (undefined when
   * unchanged). Default: Next's `next()`; proxy.ts hands it to next-intl's middleware, which rewrites
   * to the page's language or redirects to it.
   */
  respond?: (request: NextRequest, headers: Headers | undefined) => NextResponse | Promise<NextResponse>;
};

function nextResponse(_request: NextRequest, headers: Headers | undefined): NextResponse {
  // Forwarding rewritten request headers has a cost; most requests need none.
  return headers ? NextResponse.next({ request: { headers } }) : NextResponse.next();
}

type ResponseCookie = { cookie: CookieDefinition; value: string };

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
  const secure = deps.secureCookies ?? SECURE_COOKIES;

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
    const hasVisitor = isValidVisitorId(request.cookies.get(VISITOR.name)?.value);
    // The bot check is a large regular expression: run it only where its answer is used.
    const bot = !ua || ((landing !== null || !hasVisitor) && isbot(ua));
    const toSet: ResponseCookie[] = [];

    // Visitor id: first-party, httpOnly; needed for anonymous carts, so it is set regardless of consent
    // (it is only used for experiments and analytics when consent is "analytics"). Bots get none.
    let visitorId = request.cookies.get(VISITOR.name)?.value;
    let firstSeen = Number.parseInt(request.cookies.get(FIRST_SEEN.name)?.value ?? "", 36);
    const t = now();
    if (!isValidVisitorId(visitorId) && !bot) {
      visitorId = newVisitorId();
      firstSeen = Math.floor(t / 1000);
      toSet.push({ cookie: VISITOR, value: visitorId });
      toSet.push({ cookie: FIRST_SEEN, value: firstSeen.toString(36) });
    }
    const isNewVisitor = Number.isFinite(firstSeen) && t - firstSeen * 1000 < NEW_VISITOR_WINDOW_MS;

    // Bots get no header at all: the page renders the control and records nothing.
    if (landing && !bot && isValidVisitorId(visitorId))
      await assignLanding(landing[2] as string, landing[1], visitorId);

    async function assignLanding(slug: string, prefix: string | undefined, id: string) {
      const read = await deps.configFor(request.nextUrl.origin).read();
      if (read.refresh) event?.waitUntil(read.refresh);
      const experiment = experimentFor(read.config, slug, indexes);
      if (!experiment) return;
      const assigned = assignmentCookie(experiment.key);
      // The page's language: its prefix, or for an English path the cookie and Accept-Language that
      // decide whether next-intl sends the visitor on to a prefixed one.
      const chosen = prefix ?? request.cookies.get(LOCALE.name)?.value;
      const decision = await decideAssignment({
        experiment,
        visitorId: id,
        analyticsConsent: analyticsAllowed(parseConsent(request.cookies.get(CONSENT.name)?.value)),
        bot,
        locale: isLocale(chosen) ? chosen : localeFromAcceptLanguage(request.headers.get("accept-language")),
        isNewVisitor,
        now: t,
        cookie: request.cookies.get(assigned.name)?.value,
        secret: deps.secret,
      });
      if (decision.setCookie) toSet.push({ cookie: assigned, value: decision.setCookie });
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
        if (request.cookies.get(VISITOR_LINK.name)?.value !== marker) {
          const link = deps.linkVisitor(request).catch(() => undefined);
          event?.waitUntil(link);
          toSet.push({ cookie: VISITOR_LINK, value: marker });
        }
      }
    }

    // The server render must see a cookie set in this very response (the first visit).
    for (const c of toSet) {
      if (c.cookie !== VISITOR) continue;
      headers.set("cookie", withCookie(headers.get("cookie"), c.cookie.name, c.value));
      rewriteHeaders = true;
    }
    const response = await (deps.respond ?? nextResponse)(request, rewriteHeaders ? headers : undefined);
    for (const c of toSet) response.cookies.set(cookieToSet(c.cookie, c.value, { secure }));
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
