/**
 * Internal: the running-experiments config that proxy.ts polls (see lib/experiments/config-cache.ts).
 * Authenticated by an HMAC token only the proxy holds; answers 304 when the proxy's copy is current.
 * Also drives the bandit cadence: at most once a minute per server it checks for bandits that are due.
 */
import { revalidateTag } from "next/cache";
import { after } from "next/server";
import { getDb } from "@/db/client";
import { CACHE_TAGS } from "@/lib/campaigns/cache-tags";
import { env } from "@/lib/env";
import { errorResponse } from "@/lib/errors";
import { updateDueBandits } from "@/lib/experiments/store/bandit-job";
import { INTERNAL_HEADER, isInternalRequest } from "@/lib/experiments/internal-auth";
import { getCachedRuntimeConfig } from "@/lib/server/cached-campaigns";

export const dynamic = "force-dynamic";

const BANDIT_CHECK_MS = 60_000;
const state = globalThis as unknown as { __atelierBanditCheckedAt?: number };

export async function GET(request: Request) {
  if (!(await isInternalRequest(request.headers.get(INTERNAL_HEADER), env.EXPERIMENT_SECRET))) {
    return Response.json({ error: "forbidden" }, { status: 403 });
  }
  try {
    const config = await getCachedRuntimeConfig();
    const now = Date.now();
    if (now - (state.__atelierBanditCheckedAt ?? 0) >= BANDIT_CHECK_MS && config.experiments.length > 0) {
      state.__atelierBanditCheckedAt = now;
      after(async () => {
        try {
          const updates = await updateDueBandits(await getDb());
          if (updates.some((u) => u.outcome === "updated")) revalidateTag(CACHE_TAGS.experimentsConfig, { expire: 0 });
        } catch (error) {
          console.error("[experiments] bandit update failed", error);
        }
      });
    }
    const etag = `"${config.version}"`;
    const headers = { etag, "cache-control": "no-store" };
    if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
    return Response.json(config, { headers });
  } catch (error) {
    return errorResponse(error);
  }
}
