"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { LOCALES, LOCALE_COOKIE } from "@/i18n/locales";
import { currentUserId } from "@/lib/server/session";
import { mailLocale } from "@/lib/mail/message";
import { sameSitePath } from "@/lib/urls";

const schema = z.object({
  locale: z.enum(LOCALES),
  returnTo: sameSitePath.catch("/"),
});

/**
 * Remembers the chosen language for a year and reloads the page the visitor was on. A signed-in
 * person's account takes the language too: it is the one their mail is written in.
 */
export async function setLocaleAction(formData: FormData): Promise<void> {
  // A hand-made request can send any body: anything but a form with a known locale changes nothing.
  if (!(formData instanceof FormData)) redirect("/");
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect("/");
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  const userId = await currentUserId();
  if (userId)
    await (
      await getDb()
    )
      .update(users)
      .set({ locale: mailLocale(parsed.data.locale) })
      .where(eq(users.id, userId));
  redirect(parsed.data.returnTo);
}
