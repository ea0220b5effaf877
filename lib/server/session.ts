import "server-only";
import { redirect } from "next/navigation";
import { localePath } from "@/lib/i18n/page-locale";
import { getDb } from "@/db/client";
import type { Role } from "@/db/schema";
import { auth } from "@/lib/auth/auth-js";
import { hasRole } from "@/lib/auth/roles";
import { getSessionUser, type SessionUser } from "@/lib/auth/sessions";

/**
 * Who the request is from: Auth.js reads the session cookie through Next's request scope, and the
 * page helpers end in Next's redirect(), so this is glue. The role rule itself is lib/auth/roles.ts.
 */

/**
 * The signed-in user, read fresh from the database with the device's session row: a role change, a
 * deleted account, a sign-out elsewhere or a password change takes effect at once instead of when the
 * session token expires (lib/auth/sessions.ts).
 */
export async function getCurrentUser(): Promise<SessionUser | null> {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return getSessionUser(await getDb(), id, session.sessionId);
}

/** The id of this device's session row, for "this device" and for keeping it when others are ended. */
export async function currentSessionId(): Promise<string | null> {
  const session = await auth();
  return typeof session?.sessionId === "string" ? session.sessionId : null;
}

/** The signed-in user's id under the same checks as getCurrentUser (an ended session has none). */
export async function currentUserId(): Promise<string | null> {
  return (await getCurrentUser())?.id ?? null;
}

/** For pages: the user with one of the roles, or a redirect to sign in (or to the account page when signed in). */
export async function requireRole(roles: Role[], returnTo = "/"): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(await localePath(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`));
  if (!hasRole(user, roles)) redirect(await localePath("/account?denied=1"));
  return user;
}

export async function requireUser(returnTo = "/"): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(await localePath(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`));
  return user;
}
