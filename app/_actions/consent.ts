"use server";

import { z } from "zod";
import { setConsentCookie } from "@/lib/server/consent";

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
  await setConsentCookie(parsed.data.choice);
}
