/**
 * Internal: links the visitor id cookie to the signed-in user, so an exposure recorded while anonymous
 * is matched with orders placed after sign-in. Called by proxy.ts in the background with the visitor's
 * cookies, once per session; the user comes from the session, never from the request body.
 */
import { cookies } from "next/headers";
import { getDb } from "@/db/client";
import { currentUserId } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { errorResponse } from "@/lib/errors";
import { linkVisitorToUser } from "@/lib/experiments/store/exposures";
import { INTERNAL_HEADER, isInternalRequest } from "@/lib/experiments/internal-auth";
import { analyticsAllowed, CONSENT_COOKIE, isValidVisitorId, parseConsent, VISITOR_COOKIE } from "@/lib/visitor";

export async function POST(request: Request) {
  if (!(await isInternalRequest(request.headers.get(INTERNAL_HEADER), env.EXPERIMENT_SECRET))) {
    return Response.json({ error: "forbidden" }, { status: 403 });
  }
  try {
    const jar = await cookies();
    const visitorId = jar.get(VISITOR_COOKIE)?.value;
    // Linking is analytics: without consent nothing is stored.
    if (!isValidVisitorId(visitorId) || !analyticsAllowed(parseConsent(jar.get(CONSENT_COOKIE)?.value))) {
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
