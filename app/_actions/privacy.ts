"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { validatedActionWithUser } from "@/lib/actions";
import { signOut } from "@/lib/auth/auth-js";
import { localePath } from "@/lib/i18n/page-locale";
import { deleteAccount } from "@/lib/privacy/account-data";
import { setConsentCookie } from "@/lib/server/consent";

/**
 * The analytics choice from the account's privacy page: the banner's cookie, set by the same helper
 * (lib/server/consent.ts), so both stay in step.
 */
export const setAnalyticsChoiceAction = validatedActionWithUser(
  z.object({ choice: z.enum(["necessary", "analytics"]) }),
  async (data) => {
    await setConsentCookie(data.choice);
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
  await signOut({ redirectTo: await localePath("/?account=deleted") });
  return { ok: true };
});
