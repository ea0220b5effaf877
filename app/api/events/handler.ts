/**
 * The event beacon's request handling, apart from route.ts so the route file exports only its verbs.
 *
 * Order of checks: a declared body over the byte limit is refused before anything is read (413);
 * without analytics consent nothing is read or stored (204); then the per-visitor/IP rate limit, shared by every instance (429);
 * the body is read up to the limit (413 beyond it), parsed and validated as a whole (400, nothing
 * stored; more than MAX_BATCH_EVENTS events is a 413 like too many bytes); finally one insert. A visitor without the visitor-id cookie gets one.
 */
import type { Executor } from "@/db/client";
import { cookieValue, readCapped } from "@/lib/http";
import { clientAddress, limitSubject } from "@/lib/security/client-address";
import type { LimitResult } from "@/lib/security/rate-limit";
import { CONSENT, setCookieHeader, VISITOR } from "@/lib/server/cookies";
import { recordEvents } from "@/lib/tracking/record";
import { beaconBatchSchema, MAX_BATCH_BYTES, MAX_BATCH_EVENTS } from "@/lib/tracking/schema";
import { analyticsAllowed, isValidVisitorId, newVisitorId, parseConsent } from "@/lib/visitor";

export type BeaconDeps = {
  db: () => Promise<Executor>;
  /** The signed-in user's id, or null. */
  userId: () => Promise<string | null>;
  /** Counts one batch for the key in the shared store (lib/security/rate-limit.ts, rule `beacon`). */
  limit: (key: string, now: Date) => Promise<LimitResult>;
  /** Whether X-Forwarded-For comes from a proxy we trust (lib/security/client-address.ts). */
  trustProxy: boolean;
  now: () => number;
};

const json = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers });

export async function handleBeacon(request: Request, deps: BeaconDeps): Promise<Response> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BATCH_BYTES)
    return json(413, { error: "too_large:events", message: `batches are limited to ${MAX_BATCH_BYTES} bytes` });
  if (!analyticsAllowed(parseConsent(cookieValue(request, CONSENT.name)))) return new Response(null, { status: 204 });

  const cookieVisitor = cookieValue(request, VISITOR.name);
  const visitorId = isValidVisitorId(cookieVisitor) ? cookieVisitor : null;
  const now = deps.now();
  const key = visitorId
    ? `v:${visitorId}`
    : `ip:${limitSubject(clientAddress(request.headers, { trustProxy: deps.trustProxy }).address)}`;
  const limited = await deps.limit(key, new Date(now));
  if (!limited.ok) {
    return json(
      429,
      { error: "rate_limited:events", message: "too many event batches" },
      { "retry-after": String(limited.retryAfterSeconds) },
    );
  }

  const text = await readCapped(request, MAX_BATCH_BYTES);
  if (text === null)
    return json(413, { error: "too_large:events", message: `batches are limited to ${MAX_BATCH_BYTES} bytes` });
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return json(400, { error: "bad_request:events", message: "the body is not JSON" });
  }
  // Too many events is a size problem like too many bytes: the client should split the batch.
  const list = typeof payload === "object" && payload !== null ? (payload as { events?: unknown }).events : undefined;
  if (Array.isArray(list) && list.length > MAX_BATCH_EVENTS) {
    return json(413, { error: "too_large:events", message: `batches are limited to ${MAX_BATCH_EVENTS} events` });
  }
  const parsed = beaconBatchSchema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return json(400, {
      error: "bad_request:events",
      message: `${issue?.path.join(".") || "batch"}: ${issue?.message ?? "invalid"}`,
    });
  }

  const headers: Record<string, string> = {};
  let visitor = visitorId;
  if (!visitor) {
    visitor = newVisitorId();
    headers["set-cookie"] = setCookieHeader(VISITOR, visitor);
  }
  const stored = await recordEvents(await deps.db(), {
    userId: await deps.userId(),
    visitorId: visitor,
    events: parsed.data.events,
    now: new Date(now),
  });
  return json(202, { stored }, headers);
}
