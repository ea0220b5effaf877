"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { validatedActionWithUser, type FormState } from "@/lib/actions";
import { renewSessionKey, updateSession } from "@/lib/auth";
import { z } from "zod";
import { changeDisplayName, changeEmail, changeEmailSchema, changeNameSchema, changePassword, changePasswordSchema, endOtherSessions, type ProfileFailure } from "@/lib/auth/profile";

/**
 * The account settings forms. Each acts on the signed-in person's own row only: the id comes from the
 * session, and a `userId` in the form is ignored. Messages are keys in the `errors` namespace.
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

/** The session token carries the name and email (see the jwt callback in lib/auth.ts); re-read them, then redraw the page and header. */
async function afterChange(): Promise<void> {
  await updateSession({});
  refresh();
}

/**
 * After the account's session key changed, other sessions are over; this one is handed the new key
 * (a new cookie). The page is then loaded again through a redirect: Next renders a redirect's target
 * with the cookies just set, while a plain re-render would still read the old token from the request
 * and find this session ended too. `saved` tells the page which form to confirm.
 */
async function keepThisSession(sessionKey: string, saved: "password" | "sessions"): Promise<never> {
  await renewSessionKey(sessionKey);
  redirect(`/account/settings?saved=${saved}`);
}

export const changeNameAction = validatedActionWithUser(changeNameSchema, async (data, user) => {
  const result = await changeDisplayName(await getDb(), user.id, data);
  if (!result.ok) return failure(result, { name: data.name });
  await afterChange();
  return { ok: true, values: { name: data.name } };
});

export const changePasswordAction = validatedActionWithUser(changePasswordSchema, async (data, user) => {
  const result = await changePassword(await getDb(), user.id, data);
  if (!result.ok) return failure(result);
  await keepThisSession(result.sessionKey, "password");
  return { ok: true };
});

export const endOtherSessionsAction = validatedActionWithUser(z.object({}), async (_data, user) => {
  const result = await endOtherSessions(await getDb(), user.id);
  if (!result.ok) return failure(result);
  await keepThisSession(result.sessionKey, "sessions");
  return { ok: true };
});

export const changeEmailAction = validatedActionWithUser(changeEmailSchema, async (data, user) => {
  const result = await changeEmail(await getDb(), user.id, data);
  if (!result.ok) return failure(result, { email: data.email });
  await afterChange();
  return { ok: true, values: { email: data.email } };
});
