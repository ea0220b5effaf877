/**
 * Server glue for sign-in (reads the request's cookies, hence the Next import): attaches this
 * browser's anonymous events and dismissals to the account that just signed in.
 */
import "server-only";
import { eq } from "drizzle-orm";
import { cookies } from "next/headers";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { isValidVisitorId, VISITOR_COOKIE } from "@/lib/visitor";
import { mergeVisitorIntoUser } from "./record";

/** Auth.js reports a successful sign-in by throwing Next's redirect, whose digest starts NEXT_REDIRECT. */
export function isRedirectSignal(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    "digest" in error &&
    String((error as { digest: unknown }).digest).startsWith("NEXT_REDIRECT")
  );
}

/** Never fails the sign-in: a merge problem is logged and the behaviour stays with the visitor id. */
export async function mergeVisitorAfterSignIn(email: string): Promise<void> {
  try {
    const visitorId = (await cookies()).get(VISITOR_COOKIE)?.value;
    if (!isValidVisitorId(visitorId)) return;
    const db = await getDb();
    const [user] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, email.trim().toLowerCase()))
      .limit(1);
    if (user) await mergeVisitorIntoUser(db, visitorId, user.id);
  } catch (error) {
    console.error("tracking: could not merge visitor events into the account", error);
  }
}
