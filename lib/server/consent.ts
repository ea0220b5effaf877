/**
 * This browser's analytics choice (the banner's or the privacy page's), read from and written to its
 * cookie (lib/server/cookies.ts CONSENT). The meaning of the values is lib/visitor.ts.
 */
import "server-only";
import { cookies } from "next/headers";
import { analyticsAllowed, parseConsent, type Consent } from "@/lib/visitor";
import { CONSENT, cookieToSet } from "./cookies";

export async function requestConsent(): Promise<Consent> {
  return parseConsent((await cookies()).get(CONSENT.name)?.value);
}

/** Community actions and the visitor link log behaviour for the recommenders only when this is true. */
export async function requestAllowsAnalytics(): Promise<boolean> {
  return analyticsAllowed(await requestConsent());
}

/** Only where cookies can be written (server actions, route handlers). */
export async function setConsentCookie(choice: Exclude<Consent, "unset">): Promise<void> {
  (await cookies()).set(cookieToSet(CONSENT, choice));
}
