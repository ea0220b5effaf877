import "server-only";
import { cookies } from "next/headers";
import { analyticsAllowed, CONSENT_COOKIE, parseConsent } from "@/lib/visitor";

/**
 * Server glue for actions: whether this browser allowed analytics (the banner's or the privacy page's
 * choice). Community actions log behaviour events for the recommenders only when it did.
 */
export async function requestAllowsAnalytics(): Promise<boolean> {
  return analyticsAllowed(parseConsent((await cookies()).get(CONSENT_COOKIE)?.value));
}
