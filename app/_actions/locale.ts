"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { LOCALES } from "@/i18n/locales";
import { mailLocale } from "@/lib/mail/message";
import { cookieToSet, LOCALE } from "@/lib/server/cookies";
import { currentUserId } from "@/lib/server/session";
import { localePath } from "@/lib/i18n/page-locale";
import { sameSitePath } from "@/lib/urls";

const schema = z.object({
  locale: z.enum(LOCALES),
  returnTo: sameSitePath.catch("/"),
});

/**
 * Remembers the chosen language for a year and opens the page the visitor was on in that language. A signed-in
 * person's account takes the language too: it is the one their mail is written in.
 */
export async function setLocaleAction(formData: FormData): Promise<void> {
  // A hand-made request can send any body: anything but a form with a known locale changes nothing.
  if (!(formData instanceof FormData)) redirect("/");
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect("/");
  (await cookies()).set(cookieToSet(LOCALE, parsed.data.locale));
  const userId = await currentUserId();
  if (userId)
    await (
      await getDb()
    )
      .update(users)
      .set({ locale: mailLocale(parsed.data.locale) })
      .where(eq(users.id, userId));
  // returnTo is the page's path without its language (the switcher reads next-intl's pathname).
  redirect(await localePath(parsed.data.returnTo, parsed.data.locale));
}
