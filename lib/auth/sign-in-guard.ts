/**
 * Every password sign-in goes through here, whether it came from the sign-in form (a server action
 * that calls Auth.js's signIn) or straight to Auth.js's POST /api/auth/callback/credentials: both end
 * in the Credentials provider's authorize(), which calls `guardedSignIn`. So there is one place that
 * counts attempts, and the form path is not counted twice.
 *
 * Attempts are counted before the password is checked (one upsert each, lib/security/rate-limit.ts),
 * so fifty parallel guesses cannot all be checked before the first is counted. A correct password
 * clears the account's counter (not the address's). A successful sign-in writes the device's session
 * row (lib/auth/sessions.ts).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { Db } from "@/db/client";
import { env } from "@/lib/env";
import { clientAddress, limitSubject } from "@/lib/security/client-address";
import { consumeLimits, resetLimit, RULES } from "@/lib/security/rate-limit";
import { authenticate, type AuthenticatedUser } from "./accounts";
import { createSession } from "./sessions";

export type GuardedSignIn =
  | { ok: true; user: AuthenticatedUser; sessionId: string }
  | { ok: false; code: "invalid_credentials" }
  | { ok: false; code: "rate_limited"; retryAfterSeconds: number };

/** Whether X-Forwarded-For was written by a proxy we trust (see lib/security/client-address.ts). */
export function trustProxy(): boolean {
  return env.AUTH_TRUST_HOST === true;
}

export async function guardedSignIn(
  db: Db,
  attempt: { email: string; password: string; headers: Headers; now?: Date },
): Promise<GuardedSignIn> {
  const now = attempt.now ?? new Date();
  const place = clientAddress(attempt.headers, { trustProxy: trustProxy() });
  const limited = await consumeLimits(
    db,
    [
      { rule: RULES.signInEmail, subject: attempt.email },
      { rule: RULES.signInAddress, subject: limitSubject(place.address) },
    ],
    now,
  );
  if (!limited.ok) return { ok: false, code: "rate_limited", retryAfterSeconds: limited.retryAfterSeconds };
  const user = await authenticate(db, attempt.email, attempt.password);
  if (!user) return { ok: false, code: "invalid_credentials" };
  await resetLimit(db, RULES.signInEmail, attempt.email);
  const sessionId = await createSession(db, {
    userId: user.id,
    userAgent: attempt.headers.get("user-agent"),
    ipPrefix: place.ipPrefix,
    now,
  });
  return { ok: true, user, sessionId };
}

/**
 * How authorize() tells the sign-in form how long to wait: Auth.js turns any failure into a
 * CredentialsSignin error without details, so the form action runs signIn inside this store and
 * authorize (same process, same async context) leaves the wait there.
 */
export const signInOutcome = new AsyncLocalStorage<{ retryAfterSeconds?: number }>();
