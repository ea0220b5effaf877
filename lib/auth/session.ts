import "server-only";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import type { Role } from "@/db/schema";
import { auth } from "@/lib/auth/auth-js";
import type { AccountUser } from "./accounts";
import { getSessionUser, type SessionUser } from "./sessions";

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

export const STUDIO_ROLES: Role[] = ["creator", "marketer", "admin"];

export function hasRole(user: AccountUser | null, roles: Role[]): user is AccountUser {
  return user !== null && roles.includes(user.role);
}

/** For pages: the user with one of the roles, or a redirect to sign in (or to the account page when signed in). */
export async function requireRole(roles: Role[], returnTo = "/"): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!hasRole(user, roles)) redirect("/account?denied=1");
  return user;
}

export async function requireUser(returnTo = "/"): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
