/**
 * Ending other sessions with JWT sessions: a token cannot be revoked, so each account row holds a
 * secret (users.session_key) that every valid token must carry. Replacing it (a password change,
 * "sign out everywhere else") makes every older token worthless at its next request, while the session
 * that made the change is handed the new secret. An account that never changed it has null, and so do
 * its tokens. The secret is 128 random bits: a token holder cannot guess the next one.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export function newSessionKey(): string {
  return randomBytes(16).toString("base64url");
}

/**
 * What the session object carries instead of the key itself: the session is readable by the page's
 * scripts (/api/auth/session), and the raw key is what renews a token, so only the token holds it.
 */
export function sessionKeyDigest(key: string | null | undefined): string | null {
  return typeof key === "string" ? createHash("sha256").update(key).digest("base64url") : null;
}

/** Whether a session's key digest (anything, as read from the session) is the digest of the account's current key. */
export function sessionKeyMatches(current: string | null, presentedDigest: unknown): boolean {
  if (current === null) return presentedDigest === null || presentedDigest === undefined;
  const expected = sessionKeyDigest(current)!;
  if (typeof presentedDigest !== "string" || presentedDigest.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(presentedDigest), Buffer.from(expected));
}
