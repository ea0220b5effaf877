import { z } from "zod";
import { getDb } from "@/db/client";
import { hasRole } from "@/lib/auth/roles";
import { errorResponse } from "@/lib/errors";
import { getExperimentResults } from "@/lib/experiments/store/results";
import { dailyCsv, summaryCsv } from "@/lib/experiments/results-csv";
import { getCurrentUser } from "@/lib/server/session";

const querySchema = z.object({
  kind: z.enum(["summary", "daily"]).default("summary"),
  version: z.coerce.number().int().min(1).max(100_000).optional(),
});

/** CSV of a campaign's results for marketers and admins: ?kind=summary|daily&version=N. */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const user = await getCurrentUser();
    if (!user) return Response.json({ error: "unauthorized" }, { status: 401 });
    if (!hasRole(user, ["marketer", "admin"])) return Response.json({ error: "forbidden" }, { status: 403 });
    const url = new URL(request.url);
    const query = querySchema.safeParse(Object.fromEntries(url.searchParams));
    if (!query.success) return Response.json({ error: "bad_request" }, { status: 400 });
    const { id } = await ctx.params;
    const results = await getExperimentResults(await getDb(), {
      campaignId: id.slice(0, 128),
      bucketVersion: query.data.version,
    });
    if (!results) return Response.json({ error: "not_found" }, { status: 404 });
    const body = query.data.kind === "daily" ? dailyCsv(results) : summaryCsv(results);
    const file = `${results.campaign.slug}-v${results.experiment.bucketVersion}-${query.data.kind}.csv`;
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${file}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
