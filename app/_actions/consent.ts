"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { env } from "@/lib/env";
import { CONSENT_COOKIE, VISITOR_COOKIE_MAX_AGE } from "@/lib/visitor";

const consentSchema = z.object({ choice: z.enum(["necessary", "analytics"]) });

/**
 * The analytics consent banner's choice. Anyone may call it (it only concerns this browser). The
 * cookie is readable by scripts on purpose: the beacon checks it before sending anything. Setting a
 * cookie in an action re-renders the page, which removes the banner.
 */
export async function setConsentAction(formData: FormData): Promise<void> {
  // A hand-made request can send any body: only a form with a known choice sets the cookie.
  if (!(formData instanceof FormData)) return;
  const parsed = consentSchema.safeParse({ choice: formData.get("choice") });
  if (!parsed.success) return;
  (await cookies()).set({
    name: CONSENT_COOKIE,
    value: parsed.data.choice,
    maxAge: VISITOR_COOKIE_MAX_AGE,
    path: "/",
    sameSite: "lax",
    httpOnly: false,
    secure: env.NODE_ENV === "production",
  });
}
