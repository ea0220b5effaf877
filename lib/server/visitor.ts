/**
 * This request's visitor, read from its cookies: the visitor id (lib/server/cookies.ts VISITOR) alone,
 * and with the signed-in user for recommendations. Shared by the reco API routes, the server-rendered
 * strips, the cart and sign-in.
 */
import "server-only";
import { cookies } from "next/headers";
import { isValidVisitorId } from "@/lib/visitor";
import { VISITOR } from "./cookies";
import { currentUserId } from "./session";

/** The visitor id cookie when it holds a well-formed id, else null (absent, or tampered with). */
export async function requestVisitorId(): Promise<string | null> {
  const value = (await cookies()).get(VISITOR.name)?.value;
  return isValidVisitorId(value) ? value : null;
}

export type RecoIdentity = { userId: string | null; visitorId: string | null };

/**
 * Who is asking for recommendations: the signed-in user (a session ended elsewhere, by a password
 * change, counts as signed out: recommendations reveal the person's interests) and the visitor cookie.
 */
export async function recoIdentity(): Promise<RecoIdentity> {
  const [userId, visitorId] = await Promise.all([currentUserId(), requestVisitorId()]);
  return { userId, visitorId };
}
