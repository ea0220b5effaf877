import { z } from "zod";
import { getDb } from "@/db/client";
import { hasRole } from "@/lib/auth/roles";
import { AppError, errorResponse } from "@/lib/errors";
import { readRecoRefreshRun } from "@/lib/jobs/reco-refresh";
import { toRunView } from "@/lib/jobs/reco-refresh-view";
import { getCurrentUser } from "@/lib/server/session";

export const dynamic = "force-dynamic";

const query = z.object({ run: z.uuid().optional() });

/**
 * GET /api/studio/reco-refresh[?run=<id>]: a recommendation refresh's state, stage, progress and
 * timings, for the studio's panel to poll while it runs (marketers and admins only). Without `run`,
 * the most recent one; 404 when there is none.
 */
export async function GET(request: Request): Promise<Response> {
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError("unauthorized:reco_refresh", "sign in first");
    if (!hasRole(user, ["marketer", "admin"]))
      throw new AppError("forbidden:reco_refresh", "marketers and admins only");
    const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) throw new AppError("bad_request:reco_refresh", "run must be a run id");
    const run = await readRecoRefreshRun(await getDb(), parsed.data.run);
    if (!run) throw new AppError("not_found:reco_refresh", "no such refresh");
    return Response.json(toRunView(run), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
