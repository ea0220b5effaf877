/**
 * The visitor id and consent cookies' names, and what their values mean: shared by proxy.ts, the event
 * beacon (also in the browser), experiments and the consent banner. Pure and client-safe; their
 * attributes are defined with every other cookie in lib/server/cookies.ts.
 */
export const VISITOR_COOKIE = "atelier_vid";
export const CONSENT_COOKIE = "atelier_consent";

const VISITOR_ID = /^[A-Za-z0-9_-]{16,64}$/;

export function isValidVisitorId(value: string | undefined | null): value is string {
  return typeof value === "string" && VISITOR_ID.test(value);
}

export function newVisitorId(): string {
  return crypto.randomUUID().replaceAll("-", "");
}

/** `necessary` (the default when nothing was chosen) or `analytics` (tracking and experiments allowed). */
export type Consent = "necessary" | "analytics" | "unset";

export function parseConsent(value: string | undefined | null): Consent {
  if (value === "analytics" || value === "necessary") return value;
  return "unset";
}

/** Only an explicit yes counts: no tracking or experiment counting before the visitor chose. */
export function analyticsAllowed(consent: Consent): boolean {
  return consent === "analytics";
}
