/**
 * Who is asking for recommendations, on the server: the signed-in user (a session ended elsewhere, by a
 * password change, counts as signed out: recommendations reveal the person's interests) and
 * the visitor cookie. Server glue (Next cookies) shared by the reco API routes and the server-rendered strips.
 */
import "server-only";
import { cookies } from "next/headers";
import { currentUserId } from "@/lib/server/session";
import { isValidVisitorId, VISITOR_COOKIE } from "@/lib/visitor";

export type RecoIdentity = { userId: string | null; visitorId: string | null };

export async function recoIdentity(): Promise<RecoIdentity> {
  const [userId, jar] = await Promise.all([currentUserId(), cookies()]);
  const visitor = jar.get(VISITOR_COOKIE)?.value;
  return { userId, visitorId: isValidVisitorId(visitor) ? visitor : null };
}
