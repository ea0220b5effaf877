/**
 * What proxy.ts decides for one request to a landing page: which variant to render, whether the visit
 * counts, and the signed cookie that keeps the answer sticky. Pure apart from Web Crypto (HMAC), so it
 * runs in the proxy and in tests alike.
 */
import { z } from "zod";
import { assignVariant } from "./assign";
import type { RuntimeExperiment } from "./runtime";
import { signValue, verifySignedValue } from "./signing";

export const ASSIGNMENT_COOKIE_PREFIX = "atelier_ab_";
/** Request header carrying the decision to the server render (set by the proxy, never by the client). */
export const ASSIGNMENT_HEADER = "x-atelier-assignment";
/** Long enough to outlive any campaign; the value is bound to the visitor id and the bucket version. */
export const ASSIGNMENT_COOKIE_MAX_AGE = 60 * 60 * 24 * 180;
/** A visitor first seen less than this long ago counts as "new" for audience targeting. */
export const NEW_VISITOR_WINDOW_MS = 30 * 60 * 1000;

export function assignmentCookieName(experimentKey: string): string {
  return ASSIGNMENT_COOKIE_PREFIX + experimentKey.replace(/[^A-Za-z0-9_-]/g, "_");
}

export type AssignmentReason =
  | "assigned" // first decision for this visitor: hashed now
  | "sticky" // read back from a valid signed cookie
  | "excluded" // outside coverage or audience (sticky as well)
  | "no_consent"
  | "bot"
  | "inactive"; // outside the campaign window

export type AssignmentDecision = {
  /** Variant index to render; 0 is the control. */
  variant: number;
  /** Whether this visit is part of the experiment (an exposure is recorded). */
  counted: boolean;
  reason: AssignmentReason;
  /** Signed cookie value to set, when the decision is new. */
  setCookie: string | null;
};

export type AssignmentInput = {
  experiment: RuntimeExperiment;
  visitorId: string;
  analyticsConsent: boolean;
  bot: boolean;
  locale: string;
  isNewVisitor: boolean;
  now: number;
  /** The raw assignment cookie, if any (unverified). */
  cookie: string | undefined;
  secret: string;
};

const EXCLUDED = "x";

/** Reads a signed assignment cookie; null when forged, for another visitor, or from an older phase. */
export async function readAssignmentCookie(
  cookie: string | undefined,
  { visitorId, experiment, secret }: Pick<AssignmentInput, "visitorId" | "experiment" | "secret">,
): Promise<number | typeof EXCLUDED | null> {
  if (!cookie || cookie.length > 300) return null;
  const value = await verifySignedValue(cookie, secret);
  if (value === null) return null;
  const [vid, version, variant, ...rest] = value.split(".");
  if (rest.length > 0 || vid !== visitorId || version !== String(experiment.bucketVersion)) return null;
  if (variant === EXCLUDED) return EXCLUDED;
  if (!/^\d{1,2}$/.test(variant ?? "")) return null;
  const index = Number(variant);
  return index < experiment.variantKeys.length ? index : null;
}

function inAudience(experiment: RuntimeExperiment, locale: string, isNewVisitor: boolean): boolean {
  const { locales, visitors } = experiment.audience;
  if (locales.length > 0 && !locales.includes(locale)) return false;
  if (visitors === "new" && !isNewVisitor) return false;
  if (visitors === "returning" && isNewVisitor) return false;
  return true;
}

export async function decideAssignment(input: AssignmentInput): Promise<AssignmentDecision> {
  const { experiment, visitorId, now, secret } = input;
  const control = (reason: AssignmentReason): AssignmentDecision => ({
    variant: 0,
    counted: false,
    reason,
    setCookie: null,
  });
  // Bots and visitors without analytics consent get no cookie at all: nothing is stored about them.
  if (input.bot) return control("bot");
  if (!input.analyticsConsent) return control("no_consent");
  if (now < experiment.startsAt || now >= experiment.endsAt) return control("inactive");

  const stored = await readAssignmentCookie(input.cookie, input);
  if (stored === EXCLUDED) return control("excluded");
  if (stored !== null) return { variant: stored, counted: true, reason: "sticky", setCookie: null };

  const sign = (variant: number | typeof EXCLUDED) =>
    signValue(`${visitorId}.${experiment.bucketVersion}.${variant}`, secret);
  // Audience is decided once and kept: a "new" visitor stays in when they come back.
  const assigned = inAudience(experiment, input.locale, input.isNewVisitor)
    ? assignVariant({
        experimentKey: experiment.key,
        bucketVersion: experiment.bucketVersion,
        visitorId,
        coverage: experiment.coverage,
        weights: experiment.weights,
      })
    : null;
  if (!assigned) return { ...control("excluded"), setCookie: await sign(EXCLUDED) };
  return { variant: assigned.variant, counted: true, reason: "assigned", setCookie: await sign(assigned.variant) };
}

/** What the server render receives in ASSIGNMENT_HEADER. */
export const AssignmentHeaderSchema = z.object({
  key: z.string().max(80),
  bucketVersion: z.number().int().min(1),
  variant: z.number().int().min(0).max(9),
  counted: z.boolean(),
  visitorId: z.string().max(64),
  utmSource: z.string().max(40).nullable(),
  reason: z.string().max(20),
});
export type AssignmentHeader = z.infer<typeof AssignmentHeaderSchema>;

export function encodeAssignmentHeader(value: AssignmentHeader): string {
  return JSON.stringify(value);
}

export function parseAssignmentHeader(raw: string | null | undefined): AssignmentHeader | null {
  if (!raw || raw.length > 1000) return null;
  try {
    const parsed = AssignmentHeaderSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** utm_source as a channel key: lowercase, short, from a fixed alphabet; anything else is dropped. */
export function normalizeUtmSource(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim().toLowerCase();
  return /^[a-z0-9][a-z0-9_.-]{0,39}$/.test(v) ? v : null;
}
