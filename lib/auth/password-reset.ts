/**
 * "Forgot password?": a mail with a single-use link (30 minutes) to choose a new password. The
 * request answers the same whether or not the address has an account, and does the same work up to
 * the write, so neither the message nor the timing says which addresses are registered. A reset
 * ends every session of the account (whoever knew the old password may be signed in), spends any
 * other pending reset link, and counts as proof of the address.
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { env } from "@/lib/env";
import { mailLocale } from "@/lib/mail/message";
import { enqueueMail } from "@/lib/mail/outbox";
import { accountLink, accountMail } from "@/lib/mail/templates/account";
import { emailSchema } from "./accounts";
import { hashPassword, passwordSchema } from "./password";
import { revokeOtherSessions } from "./sessions";
import { issueToken, spendTokens, TOKEN_LIFETIME_MS, useToken } from "./tokens";

export const forgotPasswordSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z
  .object({ token: z.string().max(100), newPassword: passwordSchema, confirmPassword: z.string().max(128) })
  .refine((d) => d.confirmPassword === d.newPassword, { path: ["confirmPassword"], message: "password_mismatch" });

/** Queues a reset mail when the address has an account; says nothing either way. */
export async function requestPasswordReset(db: Db, email: string, now: Date = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.email, email)).limit(1);
    if (!user?.email) return;
    const token = await issueToken(tx, { userId: user.id, purpose: "reset_password", now });
    await enqueueMail(
      tx,
      accountMail("reset", {
        to: user.email,
        locale: mailLocale(user.locale),
        name: user.name,
        url: accountLink(env.SITE_URL, "/reset-password", token, mailLocale(user.locale)),
        minutes: TOKEN_LIFETIME_MS.reset_password / 60_000,
      }),
    );
  });
}

export type ResetResult =
  | { ok: true; email: string }
  | { ok: false; code: "invalid_token" }
  | { ok: false; code: "invalid"; fieldErrors: Record<string, string> };

/** Sets the new password if the link is still good; all in one transaction, so a failure spends nothing. */
export async function resetPassword(
  db: Db,
  input: z.input<typeof resetPasswordSchema>,
  now: Date = new Date(),
): Promise<ResetResult> {
  const parsed = resetPasswordSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
    return { ok: false, code: "invalid", fieldErrors };
  }
  const passwordHash = await hashPassword(parsed.data.newPassword);
  return db.transaction(async (tx) => {
    const row = await useToken(tx, parsed.data.token, "reset_password", now);
    if (!row) return { ok: false, code: "invalid_token" } as const;
    const [user] = await tx
      .update(users)
      // Only the owner of the address could open the link: it is verified now, if it was not.
      .set({ passwordHash })
      .where(eq(users.id, row.userId))
      .returning({ email: users.email, verified: users.emailVerified });
    if (!user?.email) return { ok: false, code: "invalid_token" } as const;
    if (!user.verified) await tx.update(users).set({ emailVerified: now }).where(eq(users.id, row.userId));
    await spendTokens(tx, row.userId, "reset_password", now);
    await revokeOtherSessions(tx, row.userId, null, now);
    return { ok: true, email: user.email } as const;
  });
}
