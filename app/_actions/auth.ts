"use server";

import { AuthError } from "next-auth";
import { getDb } from "@/db/client";
import { validatedAction, type FormState } from "@/lib/actions";
import { signIn, signOut } from "@/lib/auth";
import { registerUser, signInSchema, signUpSchema } from "@/lib/auth/accounts";
import { isRedirectSignal, mergeVisitorAfterSignIn } from "@/lib/tracking/sign-in";
import { sameSitePath } from "@/lib/urls";

const callbackUrl = sameSitePath.catch("/account");

async function signInOrMessage(email: string, password: string, redirectTo: string, values: Record<string, string>): Promise<FormState> {
  try {
    await signIn("credentials", { email, password, redirectTo });
    return { ok: true };
  } catch (error) {
    // signIn redirects by throwing; only Auth.js's own errors mean the credentials were wrong.
    if (error instanceof AuthError) return { ok: false, error: "invalid_credentials", values };
    // Success arrives as that redirect: first give the account this browser's anonymous behaviour.
    if (isRedirectSignal(error)) await mergeVisitorAfterSignIn(email);
    throw error;
  }
}

export const signInAction = validatedAction(signInSchema.extend({ callbackUrl }), async (data) =>
  signInOrMessage(data.email, data.password, data.callbackUrl, { email: data.email, callbackUrl: data.callbackUrl }),
);

export const signUpAction = validatedAction(signUpSchema.extend({ callbackUrl }), async (data) => {
  const result = await registerUser(await getDb(), data);
  if (!result.ok) return { ok: false, error: "invalid_input", fieldErrors: { email: "email_taken" }, values: { name: data.name, email: data.email } };
  return signInOrMessage(data.email, data.password, data.callbackUrl, {});
});

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
