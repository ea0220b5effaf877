/**
 * Stripe as the payment provider, through Checkout Sessions on the official SDK: the buyer pays on
 * Stripe's hosted page (cards, wallets, 3-D Secure all handled there), Stripe reports the outcome by
 * webhook, verified with `stripe.webhooks.constructEvent` over the raw body.
 *
 * Events that move an order (https://docs.stripe.com/checkout/fulfillment):
 *   checkout.session.completed with payment_status "paid" or "no_payment_required" -> succeeded
 *   checkout.session.completed "unpaid" (a delayed method such as a bank debit)    -> wait
 *   checkout.session.async_payment_succeeded                                        -> succeeded
 *   checkout.session.async_payment_failed                                           -> failed
 *   checkout.session.expired                                                        -> expired
 * A declined card does not end a session (the buyer may try another), so failures are terminal only.
 *
 * Amounts: Stripe takes the currency's smallest unit, which for every currency we sell (lib/money
 * CURRENCIES) is the ISO 4217 minor unit we store, JPY included (a zero-decimal currency at Stripe).
 * Not exercised against the live service (no network here): see README, "Payments".
 */
import Stripe from "stripe";
import { env } from "@/lib/env";
import {
  PaymentProviderError,
  WebhookSignatureError,
  type CreatePaymentRequest,
  type CreatedPayment,
  type PaymentEvent,
  type PaymentProvider,
  type CancelOutcome,
} from "../payments";

/** Stripe's floor for a Checkout Session's `expires_at`: 30 minutes from creation. */
const MIN_SESSION_MS = 30 * 60 * 1000;
/**
 * A session lasts at least this long after the order was placed: Stripe's floor with room for the
 * creation to be retried a few minutes later (the sweep voids it at the order's own deadline anyway).
 */
const SESSION_FLOOR_MS = MIN_SESSION_MS + 5 * 60 * 1000;

/** The part of the SDK this adapter uses, so tests can stand in for the network calls. */
export type StripeApi = {
  checkout: {
    sessions: {
      create: Stripe["checkout"]["sessions"]["create"];
      expire: Stripe["checkout"]["sessions"]["expire"];
      retrieve: Stripe["checkout"]["sessions"]["retrieve"];
    };
  };
  webhooks: Pick<Stripe["webhooks"], "constructEvent">;
};

export type StripeProviderOptions = {
  client: StripeApi;
  webhookSecret: string;
  /** The public address the buyer returns to (SITE_URL). */
  siteUrl: string;
  now?: () => Date;
};

export class StripePaymentProvider implements PaymentProvider {
  readonly name = "stripe";
  private readonly now: () => Date;

  constructor(private readonly options: StripeProviderOptions) {
    this.now = options.now ?? (() => new Date());
  }

  async createPayment(request: CreatePaymentRequest): Promise<CreatedPayment> {
    const returnUrl = new URL(request.returnPath, this.options.siteUrl).toString();
    // From the order, never from the clock: a retried creation must send the same parameters with the
    // same idempotency key, or Stripe refuses it (idempotency_error) while the first session is payable.
    const expiresAt = Math.max(request.expiresAt.getTime(), request.createdAt.getTime() + SESSION_FLOOR_MS);
    try {
      const session = await this.options.client.checkout.sessions.create(
        {
          mode: "payment",
          // One line for the whole order: the amount is the order's total, computed from its lines here.
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: request.currency.toLowerCase(),
                unit_amount: request.amount,
                product_data: { name: request.description },
              },
            },
          ],
          client_reference_id: request.orderId,
          metadata: { orderId: request.orderId },
          payment_intent_data: { metadata: { orderId: request.orderId } },
          success_url: returnUrl,
          cancel_url: returnUrl,
          expires_at: Math.floor(expiresAt / 1000),
        },
        { idempotencyKey: request.idempotencyKey },
      );
      if (!session.url) throw new PaymentProviderError("Stripe returned a session without a URL");
      return { providerPaymentId: session.id, confirmUrl: session.url };
    } catch (error) {
      if (error instanceof PaymentProviderError) throw error;
      throw new PaymentProviderError("Stripe could not create the checkout session", { cause: error });
    }
  }

  async cancelPayment(providerPaymentId: string): Promise<CancelOutcome> {
    try {
      await this.options.client.checkout.sessions.expire(providerPaymentId);
      return "canceled";
    } catch (error) {
      // Only an open session can be expired: look at what it became instead.
      const session = await this.options.client.checkout.sessions.retrieve(providerPaymentId).catch(() => null);
      if (!session) throw new PaymentProviderError("Stripe could not expire the session", { cause: error });
      if (session.status === "expired") return "canceled";
      if (session.status === "complete")
        // Unpaid but complete: a delayed method (a bank debit) whose outcome comes by webhook.
        return session.payment_status === "unpaid" ? "pending" : "succeeded";
      // Still open (the expiry failed for another reason): the buyer can still pay, so the order must not
      // expire yet; the sweep tries again on its next pass.
      throw new PaymentProviderError(`Stripe could not expire session ${providerPaymentId}, still ${session.status}`, {
        cause: error,
      });
    }
  }

  async verifyWebhook(rawBody: string, headers: Headers): Promise<PaymentEvent | null> {
    const signature = headers.get("stripe-signature");
    if (!signature) throw new WebhookSignatureError("no Stripe-Signature header");
    let event: Stripe.Event;
    try {
      event = this.options.client.webhooks.constructEvent(
        rawBody,
        signature,
        this.options.webhookSecret,
        undefined,
        undefined,
        // receivedAt in milliseconds: the SDK divides by 1000 itself before the tolerance check.
        this.now().getTime(),
      );
    } catch (error) {
      throw new WebhookSignatureError(error instanceof Error ? error.message : "signature does not match");
    }
    const outcome = stripeOutcome(event);
    if (!outcome) return null;
    const session = event.data.object as Stripe.Checkout.Session;
    if (session.amount_total === null || !session.currency) return null;
    return {
      provider: this.name,
      eventId: event.id,
      type: outcome.type,
      providerPaymentId: session.id,
      orderId: session.metadata?.orderId ?? session.client_reference_id ?? null,
      amount: session.amount_total,
      currency: session.currency.toUpperCase(),
      ...(outcome.failureCode ? { failureCode: outcome.failureCode } : {}),
    };
  }
}

/** Which Stripe events move an order, and how (the table at the top of this file). */
export function stripeOutcome(event: Stripe.Event): { type: PaymentEvent["type"]; failureCode?: string } | null {
  switch (event.type) {
    case "checkout.session.completed":
      return event.data.object.payment_status === "unpaid" ? null : { type: "payment.succeeded" };
    case "checkout.session.async_payment_succeeded":
      return { type: "payment.succeeded" };
    case "checkout.session.async_payment_failed":
      return { type: "payment.failed", failureCode: "async_payment_failed" };
    case "checkout.session.expired":
      return { type: "payment.expired", failureCode: "expired" };
    default:
      return null;
  }
}

/** The adapter from the environment (PAYMENT_PROVIDER=stripe). */
export function stripeProviderFromEnv(): StripePaymentProvider {
  if (!env.STRIPE_SECRET_KEY || !env.STRIPE_WEBHOOK_SECRET)
    throw new PaymentProviderError("PAYMENT_PROVIDER=stripe needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET");
  return new StripePaymentProvider({
    client: new Stripe(env.STRIPE_SECRET_KEY, { maxNetworkRetries: 2, timeout: 10_000 }),
    webhookSecret: env.STRIPE_WEBHOOK_SECRET,
    siteUrl: env.SITE_URL,
  });
}
