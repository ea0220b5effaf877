/**
 * Internal: the running-experiments config that proxy.ts polls (see lib/experiments/config-cache.ts).
 * Authenticated by an HMAC token only the proxy holds; answers 304 when the proxy's copy is current.
 * Bandit weights are updated by the worker's bandit job, which invalidates the cached config on every
 * instance (lib/jobs/worker.ts).
 */
import { env } from "@/lib/env";
import { errorResponse } from "@/lib/errors";
import { INTERNAL_HEADER, isInternalRequest } from "@/lib/experiments/internal-auth";
import { getCachedRuntimeConfig } from "@/lib/server/cached-campaigns";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  if (!(await isInternalRequest(request.headers.get(INTERNAL_HEADER), env.EXPERIMENT_SECRET))) {
    return Response.json({ error: "forbidden" }, { status: 403 });
  }
  try {
    const config = await getCachedRuntimeConfig();
    const etag = `"${config.version}"`;
    const headers = { etag, "cache-control": "no-store" };
    if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
    return Response.json(config, { headers });
  } catch (error) {
    return errorResponse(error);
  }
}
