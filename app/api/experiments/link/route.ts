/**
 * Internal: links the visitor id cookie to the signed-in user, so an exposure recorded while anonymous
 * is matched with orders placed after sign-in. Called by proxy.ts in the background with the visitor's
 * cookies, once per session; the user comes from the session, never from the request body.
 */
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { errorResponse } from "@/lib/errors";
import { linkVisitorToUser } from "@/lib/experiments/store/exposures";
import { INTERNAL_HEADER, isInternalRequest } from "@/lib/experiments/internal-auth";
import { requestAllowsAnalytics } from "@/lib/server/consent";
import { currentUserId } from "@/lib/server/session";
import { requestVisitorId } from "@/lib/server/visitor";

export async function POST(request: Request) {
  if (!(await isInternalRequest(request.headers.get(INTERNAL_HEADER), env.EXPERIMENT_SECRET))) {
    return Response.json({ error: "forbidden" }, { status: 403 });
  }
  try {
    const visitorId = await requestVisitorId();
    // Linking is analytics: without consent nothing is stored.
    if (!visitorId || !(await requestAllowsAnalytics())) {
      return Response.json({ linked: false });
    }
    const userId = await currentUserId();
    if (!userId) return Response.json({ linked: false });
    await linkVisitorToUser(await getDb(), visitorId, userId);
    return Response.json({ linked: true });
  } catch (error) {
    return errorResponse(error);
  }
}
