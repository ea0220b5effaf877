/**
 * Who is asking for recommendations, on the server: the signed-in user (session, no database read) and
 * the visitor cookie. Server glue (Next cookies) shared by the reco API routes and the server-rendered strips.
 */
import "server-only";
import { cookies } from "next/headers";
import { auth } from "@/lib/auth";
import { isValidVisitorId, VISITOR_COOKIE } from "@/lib/visitor";

export type RecoIdentity = { userId: string | null; visitorId: string | null };

export async function recoIdentity(): Promise<RecoIdentity> {
  const [session, jar] = await Promise.all([auth(), cookies()]);
  const visitor = jar.get(VISITOR_COOKIE)?.value;
  return { userId: session?.user?.id ?? null, visitorId: isValidVisitorId(visitor) ? visitor : null };
}
