/**
 * Next 16 proxy (formerly middleware): visitor id cookie and sticky A/B assignment on /c/[slug].
 * The logic lives in lib/experiments/proxy-handler.ts; this file wires the running-experiments cache,
 * which polls the internal config route (why a route and not a file: lib/experiments/config-cache.ts).
 */
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { createConfigCache, type ConfigCache } from "@/lib/experiments/config-cache";
import { INTERNAL_HEADER, internalToken } from "@/lib/experiments/internal-auth";
import { createProxy } from "@/lib/experiments/proxy-handler";
import { parseRuntimeConfig } from "@/lib/experiments/runtime";
import { isDecodablePath } from "@/lib/urls";

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
    headers: { cookie: request.headers.get("cookie") ?? "", [INTERNAL_HEADER]: await internalToken(env.EXPERIMENT_SECRET) },
    cache: "no-store",
  });
}

const experimentProxy = createProxy({ secret: env.EXPERIMENT_SECRET, configFor, linkVisitor });

export function proxy(request: NextRequest, event?: NextFetchEvent): Promise<NextResponse> | NextResponse {
  // Next's router answers a path with broken percent-encoding ("/courses/%E0%A4") with a 500;
  // it is the client's mistake, so say so with a 400 before any route runs.
  if (!isDecodablePath(request.nextUrl.pathname)) return new NextResponse("Bad request: malformed URL encoding", { status: 400 });
  return experimentProxy(request, event);
}

export const config = {
  // Pages only: not API routes, build assets, generated images or metadata files.
  matcher: ["/((?!api/|_next/static|_next/image|img/|favicon.ico|sitemap.xml|robots.txt|.*\\.(?:svg|png|jpg|jpeg|webp|ico|css|js|txt|xml)$).*)"],
};
