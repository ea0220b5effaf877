/**
 * Changes a signed-in person makes to their own account: display name, password, email address.
 * Every function takes the caller's id (from the session, never from a form) and touches that one row.
 * Input is parsed here as well as in the actions, so a script or a test gets the same rules.
 *
 * Password and email changes need the current password. The write is conditional on the password
 * hash that was verified, so a change that raced another one (say, from a second tab) is refused
 * rather than applied on top of a password the caller no longer knows.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { displayNameSchema, emailSchema } from "./accounts";
import { hashPassword, passwordSchema, verifyPassword } from "./password";
import { newSessionKey } from "./session-key";

const currentPasswordSchema = z.string().min(1, { message: "password_required" }).max(128, { message: "password_too_long" });

export const changeNameSchema = z.object({ name: displayNameSchema });

export const changePasswordSchema = z
  .object({
    currentPassword: currentPasswordSchema,
    // The sign-up rule, not a copy of it.
    newPassword: passwordSchema,
    confirmPassword: z.string().max(128),
  })
  .refine((d) => d.confirmPassword === d.newPassword, { path: ["confirmPassword"], message: "password_mismatch" })
  .refine((d) => d.newPassword !== d.currentPassword, { path: ["newPassword"], message: "password_unchanged" });

export const changeEmailSchema = z.object({ email: emailSchema, currentPassword: currentPasswordSchema });

export type ProfileErrorCode = "invalid" | "not_found" | "wrong_password" | "email_taken";
/** `fieldErrors` (with `invalid`): message keys per field, as the sign-up form shows them. */
export type ProfileFailure = { ok: false; code: ProfileErrorCode; fieldErrors?: Record<string, string> };
export type ProfileResult = { ok: true } | ProfileFailure;

function invalid(error: z.ZodError): ProfileFailure {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
  return { ok: false, code: "invalid", fieldErrors };
}

export async function changeDisplayName(db: Db, userId: string, input: z.input<typeof changeNameSchema>): Promise<ProfileResult> {
  const parsed = changeNameSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const updated = await db.update(users).set({ name: parsed.data.name }).where(eq(users.id, userId)).returning({ id: users.id });
  return updated.length ? { ok: true } : { ok: false, code: "not_found" };
}

/** The verified password hash of the user, or the failure to answer with. */
async function verifiedHash(db: Db, userId: string, password: string): Promise<{ ok: true; hash: string; email: string | null } | { ok: false; code: "not_found" | "wrong_password" }> {
  const [row] = await db.select({ hash: users.passwordHash, email: users.email }).from(users).where(eq(users.id, userId)).limit(1);
  if (!row) return { ok: false, code: "not_found" };
  // An account without a password (one made through an OAuth provider) cannot prove it this way.
  if (!row.hash || !(await verifyPassword(password, row.hash))) return { ok: false, code: "wrong_password" };
  return { ok: true, hash: row.hash, email: row.email };
}

/**
 * A new password ends every other session of the account (someone who knew the old one may be signed
 * in elsewhere): the session key is replaced in the same write. The caller hands `sessionKey` to its own
 * session so that one stays signed in.
 */
export async function changePassword(db: Db, userId: string, input: z.input<typeof changePasswordSchema>): Promise<{ ok: true; sessionKey: string } | ProfileFailure> {
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const current = await verifiedHash(db, userId, parsed.data.currentPassword);
  if (!current.ok) return current;
  const passwordHash = await hashPassword(parsed.data.newPassword);
  const sessionKey = newSessionKey();
  const updated = await db
    .update(users)
    .set({ passwordHash, sessionKey })
    .where(and(eq(users.id, userId), eq(users.passwordHash, current.hash)))
    .returning({ id: users.id });
  return updated.length ? { ok: true, sessionKey } : { ok: false, code: "wrong_password" };
}

/** "Sign out everywhere else": a new session key for the account, to hand to the caller's own session. */
export async function endOtherSessions(db: Db, userId: string): Promise<{ ok: true; sessionKey: string } | { ok: false; code: "not_found" }> {
  const sessionKey = newSessionKey();
  const updated = await db.update(users).set({ sessionKey }).where(eq(users.id, userId)).returning({ id: users.id });
  return updated.length ? { ok: true, sessionKey } : { ok: false, code: "not_found" };
}

export async function changeEmail(db: Db, userId: string, input: z.input<typeof changeEmailSchema>): Promise<ProfileResult> {
  const parsed = changeEmailSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const current = await verifiedHash(db, userId, parsed.data.currentPassword);
  if (!current.ok) return current;
  if (current.email === parsed.data.email) return { ok: true };
  try {
    // The unique email index decides, also when two people claim the same address at once.
    const updated = await db
      .update(users)
      // A new address has not been verified by anyone.
      .set({ email: parsed.data.email, emailVerified: null })
      .where(and(eq(users.id, userId), eq(users.passwordHash, current.hash)))
      .returning({ id: users.id });
    return updated.length ? { ok: true } : { ok: false, code: "wrong_password" };
  } catch (error) {
    if (sqlState(error) === "23505") return { ok: false, code: "email_taken" };
    throw error;
  }
}

/** The SQLSTATE of a database error, whether thrown by the driver as is or wrapped by drizzle. */
function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}
