/**
 * Single-use tokens sent by mail (table account_token). The mail carries 32 random bytes; the row
 * keeps only their SHA-256, so reading the database does not let anyone use a pending link. Using a
 * token is one conditional update (unused, unexpired, right purpose): two clicks at once cannot both
 * succeed.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { accountTokens, type AccountToken, type AccountTokenPurpose } from "@/db/schema";

export const TOKEN_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  verify_email: 48 * 60 * 60 * 1000,
  reset_password: 30 * 60 * 1000,
  change_email: 24 * 60 * 60 * 1000,
};

export function tokenDigest(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

/** Writes a token row and returns the token itself, which only the mail will carry. */
export async function issueToken(
  db: Executor,
  input: { userId: string; purpose: AccountTokenPurpose; newEmail?: string | null; now?: Date },
): Promise<string> {
  const now = input.now ?? new Date();
  const token = randomBytes(32).toString("base64url");
  await db.insert(accountTokens).values({
    userId: input.userId,
    purpose: input.purpose,
    tokenHash: tokenDigest(token),
    newEmail: input.newEmail ?? null,
    expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[input.purpose]),
    createdAt: now,
  });
  return token;
}

/** What a link's token looks like; anything else is refused before a query. */
export function isTokenShape(token: unknown): token is string {
  return typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** Marks the token used and returns its row, or null when it is unknown, used, expired or for another purpose. */
export async function useToken(
  db: Executor,
  token: unknown,
  purpose: AccountTokenPurpose,
  now: Date = new Date(),
): Promise<AccountToken | null> {
  if (!isTokenShape(token)) return null;
  const [row] = await db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(accountTokens.tokenHash, tokenDigest(token)),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, now),
      ),
    )
    .returning();
  return row ?? null;
}

/** Whether a token would be accepted now, without using it (the page shows the form or says the link is over). */
export async function peekToken(
  db: Executor,
  token: unknown,
  purpose: AccountTokenPurpose,
  now: Date = new Date(),
): Promise<AccountToken | null> {
  if (!isTokenShape(token)) return null;
  const [row] = await db
    .select()
    .from(accountTokens)
    .where(
      and(
        eq(accountTokens.tokenHash, tokenDigest(token)),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, now),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Spends every pending token of a kind for the account (a reset makes older reset links worthless). */
export async function spendTokens(
  db: Executor,
  userId: string,
  purpose: AccountTokenPurpose,
  now: Date = new Date(),
): Promise<void> {
  await db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)));
}
