/**
 * Changes a signed-in person makes to their own account: display name, password, email address.
 * Every function takes the caller's id (from the session, never from a form) and touches that one row.
 * Input is parsed here as well as in the actions, so a script or a test gets the same rules.
 *
 * Password and email changes need the current password. The password write is conditional on the
 * hash that was verified, so a change that raced another one (say, from a second tab) is refused
 * rather than applied on top of a password the caller no longer knows. An email change is a request:
 * it takes effect when the link mailed to the new address is opened.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { displayNameSchema, emailSchema } from "./accounts";
import { env } from "@/lib/env";
import { mailLocale } from "@/lib/mail/message";
import { enqueueMail } from "@/lib/mail/outbox";
import { accountLink, accountMail } from "@/lib/mail/templates/account";
import { hashPassword, passwordSchema, verifyPassword } from "./password";
import { revokeOtherSessions } from "./sessions";
import { issueToken, spendTokens, TOKEN_LIFETIME_MS, useToken } from "./tokens";

const currentPasswordSchema = z
  .string()
  .min(1, { message: "password_required" })
  .max(128, { message: "password_too_long" });

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

export async function changeDisplayName(
  db: Db,
  userId: string,
  input: z.input<typeof changeNameSchema>,
): Promise<ProfileResult> {
  const parsed = changeNameSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const updated = await db
    .update(users)
    .set({ name: parsed.data.name })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  return updated.length ? { ok: true } : { ok: false, code: "not_found" };
}

/** The verified password hash of the user, or the failure to answer with. */
async function verifiedHash(
  db: Db,
  userId: string,
  password: string,
): Promise<{ ok: true; hash: string; email: string | null } | { ok: false; code: "not_found" | "wrong_password" }> {
  const [row] = await db
    .select({ hash: users.passwordHash, email: users.email })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) return { ok: false, code: "not_found" };
  // An account without a password (one made through an OAuth provider) cannot prove it this way.
  if (!row.hash || !(await verifyPassword(password, row.hash))) return { ok: false, code: "wrong_password" };
  return { ok: true, hash: row.hash, email: row.email };
}

/**
 * A new password ends every other session of the account (someone who knew the old one may be signed
 * in elsewhere): their rows are revoked in the same transaction; `keepSessionId` (the caller's own
 * device) stays signed in.
 */
export async function changePassword(
  db: Db,
  userId: string,
  input: z.input<typeof changePasswordSchema>,
  keepSessionId: string | null = null,
): Promise<ProfileResult> {
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const current = await verifiedHash(db, userId, parsed.data.currentPassword);
  if (!current.ok) return current;
  const passwordHash = await hashPassword(parsed.data.newPassword);
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ passwordHash })
      .where(and(eq(users.id, userId), eq(users.passwordHash, current.hash)))
      .returning({ id: users.id });
    if (!updated.length) return { ok: false, code: "wrong_password" } as const;
    await revokeOtherSessions(tx, userId, keepSessionId);
    return { ok: true } as const;
  });
}

/** "Sign out everywhere else": revokes every session of the account but the caller's. */
export async function endOtherSessions(
  db: Db,
  userId: string,
  keepSessionId: string | null,
): Promise<{ ok: true; ended: number }> {
  return { ok: true, ended: await revokeOtherSessions(db, userId, keepSessionId) };
}

export type EmailChangeResult = { ok: true; pending: string | null } | ProfileFailure;

/**
 * Asks for a new address: nothing changes yet. A link goes to the new address (in the account's
 * language), and the change happens when it is opened (`confirmEmailChange`). An address already in
 * use is refused here for a clear message; the unique index decides again at confirmation.
 */
export async function requestEmailChange(
  db: Db,
  userId: string,
  input: z.input<typeof changeEmailSchema>,
  now: Date = new Date(),
): Promise<EmailChangeResult> {
  const parsed = changeEmailSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const current = await verifiedHash(db, userId, parsed.data.currentPassword);
  if (!current.ok) return current;
  const email = parsed.data.email;
  if (current.email === email) return { ok: true, pending: null };
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
    if (taken) return { ok: false, code: "email_taken" } as const;
    const [me] = await tx
      .select({ name: users.name, locale: users.locale })
      .from(users)
      .where(eq(users.id, userId))
      .limit(1);
    if (!me) return { ok: false, code: "not_found" } as const;
    const token = await issueToken(tx, { userId, purpose: "change_email", newEmail: email, now });
    await enqueueMail(
      tx,
      accountMail("changeConfirm", {
        to: email,
        locale: mailLocale(me.locale),
        name: me.name,
        newEmail: email,
        url: accountLink(env.SITE_URL, "/confirm-email", token, mailLocale(me.locale)),
        hours: TOKEN_LIFETIME_MS.change_email / 3_600_000,
      }),
    );
    return { ok: true, pending: email } as const;
  });
}

export type ConfirmEmailResult =
  { ok: true; userId: string; email: string } | { ok: false; code: "invalid_token" | "email_taken" };

/**
 * Opens an email-change link: the account takes the new address (verified, since the link reached it)
 * and a notice goes to the old one, all in one transaction. If the address was taken meanwhile,
 * nothing changes and the link stays unused.
 */
export async function confirmEmailChange(db: Db, token: unknown, now: Date = new Date()): Promise<ConfirmEmailResult> {
  try {
    return await db.transaction(async (tx) => {
      const row = await useToken(tx, token, "change_email", now);
      if (!row?.newEmail) return { ok: false, code: "invalid_token" } as const;
      const [before] = await tx
        .select({ email: users.email, name: users.name, locale: users.locale })
        .from(users)
        .where(eq(users.id, row.userId))
        .limit(1);
      if (!before) return { ok: false, code: "invalid_token" } as const;
      await tx.update(users).set({ email: row.newEmail, emailVerified: now }).where(eq(users.id, row.userId));
      // Older change links of the account are spent too: one confirmed change at a time.
      await spendTokens(tx, row.userId, "change_email", now);
      if (before.email && before.email !== row.newEmail) {
        await enqueueMail(
          tx,
          accountMail("changeNotice", {
            to: before.email,
            locale: mailLocale(before.locale),
            name: before.name,
            newEmail: row.newEmail,
          }),
        );
      }
      return { ok: true, userId: row.userId, email: row.newEmail } as const;
    });
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
