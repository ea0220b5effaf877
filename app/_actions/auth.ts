"use server";

import { AuthError } from "next-auth";
import { getLocale } from "next-intl/server";
import { redirect } from "next/navigation";
import { localePath } from "@/lib/i18n/page-locale";
import { z } from "zod";
import { getDb } from "@/db/client";
import { validatedAction, type FormState } from "@/lib/actions";
import { registerUser, signInSchema, signUpSchema } from "@/lib/auth/accounts";
import { signIn, signOut, updateSession } from "@/lib/auth/auth-js";
import {
  forgotPasswordSchema,
  requestPasswordReset,
  resetPassword,
  resetPasswordSchema,
} from "@/lib/auth/password-reset";
import { confirmEmailChange } from "@/lib/auth/profile";
import { signInOutcome } from "@/lib/auth/sign-in-guard";
import { verifyEmail } from "@/lib/auth/verification";
import { consumeLimits, retryAfterMinutes, RULES, type LimitResult } from "@/lib/security/rate-limit";
import { requestAddressSubject } from "@/lib/server/request-place";
import { currentUserId } from "@/lib/server/session";
import { isRedirectSignal, mergeVisitorAfterSignIn } from "@/lib/server/sign-in";
import { sameSitePath } from "@/lib/urls";

const callbackUrl = sameSitePath.catch("/account");

/**
 * The form message for a refused attempt: `too_many_attempts` (shown by the account forms as "Too many
 * attempts. Try again in N minutes.", auth.tooManyAttempts) with the real wait in `values.retryMinutes`.
 */
function tooMany(limited: Extract<LimitResult, { ok: false }>, values: Record<string, string> = {}): FormState {
  return {
    ok: false,
    error: "too_many_attempts",
    values: { ...values, retryMinutes: String(retryAfterMinutes(limited.retryAfterSeconds)) },
  };
}

async function signInOrMessage(
  email: string,
  password: string,
  redirectTo: string,
  values: Record<string, string>,
): Promise<FormState> {
  // authorize() (lib/auth/auth-js.ts) counts the attempt and, when it is refused, leaves the wait in this store.
  const outcome: { retryAfterSeconds?: number } = {};
  const to = await localePath(redirectTo);
  try {
    await signInOutcome.run(outcome, () => signIn("credentials", { email, password, redirectTo: to }));
    return { ok: true };
  } catch (error) {
    // signIn redirects by throwing; only Auth.js's own errors mean the sign-in was refused.
    if (error instanceof AuthError) {
      if (outcome.retryAfterSeconds)
        return tooMany({ ok: false, retryAfterSeconds: outcome.retryAfterSeconds }, values);
      return { ok: false, error: "invalid_credentials", values };
    }
    // Success arrives as that redirect: first give the account this browser's anonymous behaviour.
    if (isRedirectSignal(error)) await mergeVisitorAfterSignIn(email);
    throw error;
  }
}

export const signInAction = validatedAction(signInSchema.extend({ callbackUrl }), async (data) =>
  signInOrMessage(data.email, data.password, data.callbackUrl, { email: data.email, callbackUrl: data.callbackUrl }),
);

export const signUpAction = validatedAction(signUpSchema.extend({ callbackUrl }), async (data) => {
  const db = await getDb();
  const values = { name: data.name, email: data.email };
  const limited = await consumeLimits(db, [
    { rule: RULES.signUpEmail, subject: data.email },
    { rule: RULES.signUpAddress, subject: await requestAddressSubject() },
  ]);
  if (!limited.ok) return tooMany(limited, values);
  // The interface language now becomes the language of the account's mail.
  const result = await registerUser(db, data, { locale: await getLocale() });
  if (!result.ok) return { ok: false, error: "invalid_input", fieldErrors: { email: "email_taken" }, values };
  return signInOrMessage(data.email, data.password, data.callbackUrl, {});
});

/** Signing out revokes this device's session row (the signOut event in lib/auth/auth-js.ts), so a copied cookie stops working. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: await localePath("/") });
}

/** "Forgot password?": the same answer whether or not the address has an account. */
export const forgotPasswordAction = validatedAction(forgotPasswordSchema, async (data) => {
  const db = await getDb();
  const limited = await consumeLimits(db, [
    { rule: RULES.resetEmail, subject: data.email },
    { rule: RULES.resetAddress, subject: await requestAddressSubject() },
  ]);
  if (!limited.ok) return tooMany(limited, { email: data.email });
  await requestPasswordReset(db, data.email);
  return { ok: true, values: { email: data.email } };
});

export const resetPasswordAction = validatedAction(resetPasswordSchema, async (data) => {
  const result = await resetPassword(await getDb(), data);
  if (result.ok) redirect(await localePath("/sign-in?reset=1"));
  if (result.code === "invalid") return { ok: false, error: "invalid_input", fieldErrors: result.fieldErrors };
  return { ok: false, error: "link_expired" };
});

const tokenSchema = z.object({ token: z.string().max(100) });

export const verifyEmailAction = validatedAction(tokenSchema, async (data) => {
  const result = await verifyEmail(await getDb(), data.token);
  if (!result.ok) return { ok: false, error: "link_expired" };
  redirect(await localePath("/account?verified=1"));
});

/** Opens an email-change link. Whoever holds the link may use it: it reached the new address, which is the proof. */
export const confirmEmailAction = validatedAction(tokenSchema, async (data) => {
  const result = await confirmEmailChange(await getDb(), data.token);
  if (!result.ok) return { ok: false, error: result.code === "email_taken" ? "email_in_use" : "link_expired" };
  // This browser's token carries the old address; re-read it when it is the same account's.
  if ((await currentUserId()) === result.userId) await updateSession({});
  redirect(await localePath("/account/settings?saved=email"));
});
