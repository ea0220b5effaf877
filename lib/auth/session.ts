import "server-only";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import type { Role } from "@/db/schema";
import { auth } from "@/lib/auth";
import { getSessionUser, type AccountUser } from "./accounts";

/**
 * The signed-in user, read fresh from the database: a role change, a deleted account or a password
 * changed elsewhere (see session-key.ts) takes effect at once instead of when the session token expires.
 */
export async function getCurrentUser(): Promise<AccountUser | null> {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return getSessionUser(await getDb(), id, session.sessionKeyDigest);
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
export async function requireRole(roles: Role[], returnTo = "/"): Promise<AccountUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!hasRole(user, roles)) redirect("/account?denied=1");
  return user;
}

export async function requireUser(returnTo = "/"): Promise<AccountUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
