"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { validatedActionWithUser, type FormState } from "@/lib/actions";
import { updateSession } from "@/lib/auth/auth-js";
import {
  changeDisplayName,
  changeEmailSchema,
  changeNameSchema,
  changePassword,
  changePasswordSchema,
  endOtherSessions,
  requestEmailChange,
  type ProfileFailure,
} from "@/lib/auth/profile";
import { revokeOwnSession } from "@/lib/auth/sessions";
import { resendVerification } from "@/lib/auth/verification";
import { consumeLimits, retryAfterMinutes, RULES } from "@/lib/security/rate-limit";
import { requestAddressSubject } from "@/lib/server/request-place";
import { currentSessionId } from "@/lib/server/session";

/**
 * The account settings forms. Each acts on the signed-in person's own row only: the id comes from the
 * session, and a `userId` in the form is ignored. Messages are keys in the `errors` namespace, except
 * `too_many_attempts` (auth.tooManyAttempts, with the wait in `values.retryMinutes`).
 */

function failure(result: ProfileFailure, values: Record<string, string> = {}): FormState {
  switch (result.code) {
    case "invalid":
      return { ok: false, error: "invalid_input", fieldErrors: result.fieldErrors, values };
    case "wrong_password":
      return { ok: false, error: "invalid_input", fieldErrors: { currentPassword: "current_password_wrong" }, values };
    case "email_taken":
      return { ok: false, error: "invalid_input", fieldErrors: { email: "email_in_use" }, values };
    case "not_found":
      // The account was deleted after this request's session check.
      return { ok: false, error: "sign_in_required" };
  }
}

/** The session token carries the name and email (see the jwt callback in lib/auth/auth-js.ts); re-read them, then redraw the page and header. */
async function afterChange(): Promise<void> {
  await updateSession({});
  refresh();
}

export const changeNameAction = validatedActionWithUser(changeNameSchema, async (data, user) => {
  const result = await changeDisplayName(await getDb(), user.id, data);
  if (!result.ok) return failure(result, { name: data.name });
  await afterChange();
  return { ok: true, values: { name: data.name } };
});

/** A new password signs out every other device; this one keeps its session row, so nothing else is needed here. */
export const changePasswordAction = validatedActionWithUser(changePasswordSchema, async (data, user) => {
  const result = await changePassword(await getDb(), user.id, data, await currentSessionId());
  if (!result.ok) return failure(result);
  refresh();
  return { ok: true };
});

export const endOtherSessionsAction = validatedActionWithUser(z.object({}), async (_data, user) => {
  await endOtherSessions(await getDb(), user.id, await currentSessionId());
  refresh();
  return { ok: true };
});

/** Signs out one device from the list; only a session of the caller's own account, and not this one (that is "Sign out"). */
export const endSessionAction = validatedActionWithUser(
  z.object({ sessionId: z.string().max(64) }),
  async (data, user) => {
    if (data.sessionId === (await currentSessionId())) return { ok: false, error: "invalid_input" };
    const ended = await revokeOwnSession(await getDb(), user.id, data.sessionId);
    if (!ended) return { ok: false, error: "not_found" };
    refresh();
    return { ok: true };
  },
);

/** Asks for a new address: a link goes there, and the address changes once it is opened. */
export const changeEmailAction = validatedActionWithUser(changeEmailSchema, async (data, user) => {
  const db = await getDb();
  const limited = await consumeLimits(db, [
    { rule: RULES.emailChangeAccount, subject: user.id },
    { rule: RULES.emailChangeAddress, subject: await requestAddressSubject() },
  ]);
  if (!limited.ok)
    return {
      ok: false,
      error: "too_many_attempts",
      values: { email: data.email, retryMinutes: String(retryAfterMinutes(limited.retryAfterSeconds)) },
    };
  const result = await requestEmailChange(db, user.id, data);
  if (!result.ok) return failure(result, { email: data.email });
  return { ok: true, values: { email: data.email, pending: result.pending ?? "" } };
});

/** The banner's "send the link again". */
export const resendVerificationAction = validatedActionWithUser(z.object({}), async (_data, user) => {
  const db = await getDb();
  const limited = await consumeLimits(db, [{ rule: RULES.verifyResend, subject: user.id }]);
  if (!limited.ok)
    return {
      ok: false,
      error: "too_many_attempts",
      values: { retryMinutes: String(retryAfterMinutes(limited.retryAfterSeconds)) },
    };
  const result = await resendVerification(db, user.id);
  // Already verified (in another tab, say): nothing to send, and nothing wrong either.
  return { ok: result.ok || result.code === "already_verified" };
});
