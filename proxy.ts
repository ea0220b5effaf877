/**
 * Next 16 proxy (formerly middleware), run for every request: refuses hostile input the framework
 * would answer with a 500 (lib/request-guard.ts), sets the security headers (lib/security-headers.ts),
 * and on pages the visitor id cookie, sticky A/B assignment on /c/[slug] and the language in the URL
 * (next-intl's middleware: i18n/routing.ts). The request handling lives
 * in lib/server/experiments-proxy.ts and the cookies it sets in lib/server/cookies.ts; this file wires
 * the running-experiments cache, which polls the internal config route (why a route and not a file:
 * lib/experiments/config-cache.ts).
 */
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { createConfigCache, type ConfigCache } from "@/lib/experiments/config-cache";
import { INTERNAL_HEADER, internalToken } from "@/lib/experiments/internal-auth";
import { parseRuntimeConfig } from "@/lib/experiments/runtime";
import { refuseHostile, withoutForeignCallbackCookie } from "@/lib/request-guard";
import { baseSecurityHeaders, contentSecurityPolicy, newNonce, servedOverHttps } from "@/lib/security-headers";
import { createProxy } from "@/lib/server/experiments-proxy";
import { respondInLocale } from "@/lib/server/locale-routing";

const caches = new Map<string, ConfigCache>();

function configFor(origin: string): ConfigCache {
  let cache = caches.get(origin);
  if (!cache) {
    cache = createConfigCache({
      fetcher: async (etag) => {
        const headers: Record<string, string> = { [INTERNAL_HEADER]: await internalToken(env.EXPERIMENT_SECRET) };
        if (etag) headers["if-none-match"] = etag;
        const res = await fetch(`${origin}/api/experiments/config`, { headers, cache: "no-store" });
        if (res.status === 304) return { status: "not_modified" };
        if (!res.ok) throw new Error(`experiments config: HTTP ${res.status}`);
        const config = parseRuntimeConfig(await res.json());
        if (!config) throw new Error("experiments config: malformed payload");
        return { status: "ok", config, etag: res.headers.get("etag") };
      },
    });
    caches.set(origin, cache);
  }
  return cache;
}

async function linkVisitor(request: NextRequest): Promise<void> {
  await fetch(`${request.nextUrl.origin}/api/experiments/link`, {
    method: "POST",
    headers: {
      cookie: request.headers.get("cookie") ?? "",
      [INTERNAL_HEADER]: await internalToken(env.EXPERIMENT_SECRET),
    },
    cache: "no-store",
  });
}

// Its cookies are Secure by the same SITE_URL rule (lib/server/cookies.ts).
// The language step comes last so it forwards the headers set before it (CSP nonce, assignment).
const experimentProxy = createProxy({
  secret: env.EXPERIMENT_SECRET,
  configFor,
  linkVisitor,
  respond: respondInLocale,
});
const https = servedOverHttps(env.SITE_URL);
const siteHost = new URL(env.SITE_URL).host;
const dev = env.NODE_ENV === "development";
const BASE_HEADERS = baseSecurityHeaders({ https });

// Not pages: API routes, build assets, generated images, uploads, metadata and other files. They get
// the guard and the base headers only (no visitor cookie, no experiment, no CSP nonce, no language
// step: a page's share image is linked at its internal `/en/…` or `/zh/…` path and served there).
const NOT_A_PAGE =
  /^\/(?:api\/|_next\/|img\/|uploads\/|favicon\.ico$|sitemap\.xml$|robots\.txt$)|\/opengraph-image[^/]*$|\.(?:svg|png|jpg|jpeg|webp|ico|css|js|map|txt|xml|json|woff2?)$/;

function withHeaders<T extends Response>(response: T, csp?: string): T {
  for (const [name, value] of Object.entries(BASE_HEADERS)) response.headers.set(name, value);
  if (csp) response.headers.set("Content-Security-Policy", csp);
  return response;
}

export async function proxy(request: NextRequest, event?: NextFetchEvent): Promise<Response> {
  // The raw path: nextUrl.pathname may already be normalised.
  const rawPath = new URL(request.url).pathname;
  const refused = await refuseHostile(request, rawPath, siteHost);
  if (refused) return withHeaders(refused);
  if (rawPath.startsWith("/api/auth/")) {
    const cookie = withoutForeignCallbackCookie(request.headers.get("cookie"), request, siteHost);
    if (cookie !== null) {
      const headers = new Headers(request.headers);
      headers.set("cookie", cookie);
      return withHeaders(NextResponse.next({ request: { headers } }));
    }
  }
  if (NOT_A_PAGE.test(rawPath)) return withHeaders(NextResponse.next());
  // Next reads the nonce from the request's CSP header and puts it on each script it renders.
  const csp = contentSecurityPolicy({ nonce: newNonce(), dev, https });
  return withHeaders(await experimentProxy(request, event, { "content-security-policy": csp }), csp);
}

export const config = {
  // Every path, build assets included: a broken percent-encoding or an unknown method reaches Next's
  // router on any of them, and the answer must be a 4xx, not a 500.
  matcher: ["/:path*"],
};
