import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";
import { mergeVisitorIntoUser } from "./record";

/**
 * After a sign-in by email: attaches the visitor's anonymous behaviour to that account (see
 * mergeVisitorIntoUser). An address with no account changes nothing. The request side (which visitor,
 * and when) is lib/server/sign-in.ts.
 */
export async function mergeVisitorIntoAccount(db: Executor, visitorId: string, email: string): Promise<void> {
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()))
    .limit(1);
  if (user) await mergeVisitorIntoUser(db, visitorId, user.id);
}
