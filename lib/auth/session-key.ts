/**
 * Ending other sessions with JWT sessions: a token cannot be revoked, so each account row holds a
 * secret (users.session_key) that every valid token must carry. Replacing it (a password change,
 * "sign out everywhere else") makes every older token worthless at its next request, while the session
 * that made the change is handed the new secret. An account that never changed it has null, and so do
 * its tokens. The secret is 128 random bits: a token holder cannot guess the next one.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";

export function newSessionKey(): string {
  return randomBytes(16).toString("base64url");
}

/** Whether a token's key (anything, as read from the token) is the account's current one. */
export function sessionKeyMatches(current: string | null, presented: unknown): boolean {
  if (current === null) return presented === null || presented === undefined;
  if (typeof presented !== "string" || presented.length !== current.length) return false;
  return timingSafeEqual(Buffer.from(presented), Buffer.from(current));
}
