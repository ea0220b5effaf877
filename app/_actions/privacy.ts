"use server";

import { cookies } from "next/headers";
import { refresh } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { validatedActionWithUser } from "@/lib/actions";
import { signOut } from "@/lib/auth/auth-js";
import { env } from "@/lib/env";
import { deleteAccount } from "@/lib/privacy/account-data";
import { CONSENT_COOKIE, VISITOR_COOKIE_MAX_AGE } from "@/lib/visitor";

/**
 * The analytics choice from the account's privacy page. Same cookie, same attributes as the banner's
 * (readable by scripts on purpose: the beacon checks it before sending anything), so both stay in step.
 */
export const setAnalyticsChoiceAction = validatedActionWithUser(
  z.object({ choice: z.enum(["necessary", "analytics"]) }),
  async (data) => {
    (await cookies()).set({
      name: CONSENT_COOKIE,
      value: data.choice,
      maxAge: VISITOR_COOKIE_MAX_AGE,
      path: "/",
      sameSite: "lax",
      httpOnly: false,
      secure: env.NODE_ENV === "production",
    });
    refresh();
    return { ok: true, values: { choice: data.choice } };
  },
);

/** The confirmation step: the person types their own email address. */
const deleteSchema = z.object({ confirmEmail: z.string().trim().toLowerCase().max(254) });

export const deleteAccountAction = validatedActionWithUser(deleteSchema, async (data, user) => {
  if (data.confirmEmail !== user.email.toLowerCase())
    return { ok: false, fieldErrors: { confirmEmail: "confirm_email_mismatch" } };
  const result = await deleteAccount(await getDb(), user.id);
  if (!result.ok) return { ok: false, error: "not_found" };
  await signOut({ redirectTo: "/?account=deleted" });
  return { ok: true };
});
