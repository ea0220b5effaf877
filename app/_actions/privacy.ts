"use server";

import { z } from "zod";
import { getDb } from "@/db/client";
import { validatedActionWithUser } from "@/lib/actions";
import { signOut } from "@/lib/auth";
import { deleteAccount } from "@/lib/privacy/account-data";

/** The confirmation step: the person types their own email address. */
const deleteSchema = z.object({ confirmEmail: z.string().trim().toLowerCase().max(254) });

export const deleteAccountAction = validatedActionWithUser(deleteSchema, async (data, user) => {
  if (data.confirmEmail !== user.email.toLowerCase()) return { ok: false, fieldErrors: { confirmEmail: "confirm_email_mismatch" } };
  const result = await deleteAccount(await getDb(), user.id);
  if (!result.ok) return { ok: false, error: "not_found" };
  await signOut({ redirectTo: "/?account=deleted" });
  return { ok: true };
});
