/**
 * POST /api/payments/webhook: where the payment provider reports outcomes. The signature is checked
 * over the exact bytes received before anything is parsed; a request that fails it gets a 400 and
 * changes nothing. An authentic event is applied once (lib/commerce/payment-flow.ts) and answered 200,
 * also when it was a replay or an event the shop does not act on, so the provider stops sending it. A
 * failure of ours answers 500, which makes the provider retry later.
 */
import { applyPaymentEvent, type EventOutcome } from "@/lib/commerce/payment-flow";
import { isWebhookSignatureError, type PaymentEvent, type PaymentProvider } from "@/lib/commerce/payments";
import { readCapped } from "@/lib/http";

/** Provider events are a few kilobytes; Stripe's largest stay far below this. */
const MAX_WEBHOOK_BYTES = 256 * 1024;

export type WebhookDeps = {
  provider: PaymentProvider;
  apply?: (event: PaymentEvent) => Promise<EventOutcome>;
};

export async function handlePaymentWebhook(request: Request, deps: WebhookDeps): Promise<Response> {
  const raw = await readCapped(request, MAX_WEBHOOK_BYTES);
  if (raw === null) return Response.json({ error: "too_large" }, { status: 413 });
  let event: PaymentEvent | null;
  try {
    event = await deps.provider.verifyWebhook(raw, request.headers);
  } catch (error) {
    if (isWebhookSignatureError(error))
      return Response.json({ error: "bad_signature", message: error.message }, { status: 400 });
    throw error;
  }
  if (!event) return Response.json({ received: true, outcome: "ignored" });
  const outcome = await (deps.apply ?? ((e: PaymentEvent) => applyPaymentEvent(e)))(event);
  return Response.json({ received: true, outcome });
}
