/**
 * The simulated provider's webhook signature, built like Stripe's so the same habits apply: header
 * `Atelier-Sim-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. The timestamp is
 * signed too and must be recent, so a captured request cannot be replayed days later; and the event id
 * inside makes a replay inside the window a no-op anyway (payment_event).
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { WebhookSignatureError } from "../payments";

export const SIM_SIGNATURE_HEADER = "atelier-sim-signature";
/** How old a signed request may be, in seconds (Stripe's default tolerance too). */
export const SIM_SIGNATURE_TOLERANCE_S = 300;

function hmac(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
}

export function signSimPayload(body: string, secret: string, timestamp: number): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

/** Throws WebhookSignatureError unless `header` signs `body` with `secret` within the tolerance of `now`. */
export function verifySimSignature(
  body: string,
  header: string | null,
  secret: string,
  nowSeconds: number,
  toleranceSeconds = SIM_SIGNATURE_TOLERANCE_S,
): void {
  if (!header) throw new WebhookSignatureError("no signature header");
  const parts = new Map<string, string[]>();
  for (const item of header.split(",")) {
    const [k, v] = item.split("=", 2);
    if (!k || v === undefined) continue;
    parts.set(k.trim(), [...(parts.get(k.trim()) ?? []), v.trim()]);
  }
  const t = Number(parts.get("t")?.[0]);
  if (!Number.isSafeInteger(t)) throw new WebhookSignatureError("no timestamp in the signature header");
  if (Math.abs(nowSeconds - t) > toleranceSeconds)
    throw new WebhookSignatureError("signature timestamp out of tolerance");
  const expected = Buffer.from(hmac(secret, t, body), "hex");
  // Several v1 values are allowed, as while a secret is being rolled.
  const ok = (parts.get("v1") ?? []).some((v) => {
    const given = Buffer.from(v, "hex");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!ok) throw new WebhookSignatureError("signature does not match");
}
