/**
 * Address verification. Sign-up queues a mail with a link (in the sign-up's transaction); the link's
 * page asks for a click, which marks the address verified. An unverified account can browse and buy;
 * publishing a product and launching a campaign need a verified address (`isEmailVerified`).
 */
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";
import { env } from "@/lib/env";
import { mailLocale } from "@/lib/mail/message";
import { enqueueMail } from "@/lib/mail/outbox";
import { accountLink, accountMail } from "@/lib/mail/templates/account";
import { issueToken, TOKEN_LIFETIME_MS, useToken } from "./tokens";

type Recipient = { id: string; email: string; name: string | null; locale: string };

/** Writes a verification token and its mail; call inside the transaction that creates or changes the address. */
export async function queueVerificationMail(tx: Executor, user: Recipient, now: Date = new Date()): Promise<void> {
  // The token remembers the address it was sent to: a later change of address does not verify the new one.
  const token = await issueToken(tx, { userId: user.id, purpose: "verify_email", newEmail: user.email, now });
  await enqueueMail(
    tx,
    accountMail("verify", {
      to: user.email,
      locale: mailLocale(user.locale),
      name: user.name,
      url: accountLink(env.SITE_URL, "/verify-email", token, mailLocale(user.locale)),
      hours: TOKEN_LIFETIME_MS.verify_email / 3_600_000,
    }),
  );
}

export type ResendResult = { ok: true } | { ok: false; code: "already_verified" | "not_found" };

/** Sends the verification mail again (the banner's button). Rate limits are the caller's. */
export async function resendVerification(db: Executor, userId: string, now: Date = new Date()): Promise<ResendResult> {
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).limit(1);
    if (!user?.email) return { ok: false, code: "not_found" } as const;
    if (user.emailVerified) return { ok: false, code: "already_verified" } as const;
    await queueVerificationMail(tx, { id: user.id, email: user.email, name: user.name, locale: user.locale }, now);
    return { ok: true } as const;
  });
}

/** Uses a verification link: true when the address it was sent to is now verified. */
export async function verifyEmail(
  db: Executor,
  token: unknown,
  now: Date = new Date(),
): Promise<{ ok: true; userId: string } | { ok: false }> {
  return db.transaction(async (tx) => {
    const row = await useToken(tx, token, "verify_email", now);
    if (!row) return { ok: false } as const;
    const [user] = await tx
      .select({ email: users.email, verified: users.emailVerified })
      .from(users)
      .where(eq(users.id, row.userId))
      .limit(1);
    // The account has moved to another address since the mail was sent: that link proves nothing now.
    if (!user || user.email !== row.newEmail) return { ok: false } as const;
    if (!user.verified) await tx.update(users).set({ emailVerified: now }).where(eq(users.id, row.userId));
    return { ok: true, userId: row.userId } as const;
  });
}

export async function isEmailVerified(db: Executor, userId: string): Promise<boolean> {
  const [row] = await db.select({ verified: users.emailVerified }).from(users).where(eq(users.id, userId)).limit(1);
  return Boolean(row?.verified);
}
