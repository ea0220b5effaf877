/**
 * Payments behind one interface shaped like real providers (Stripe, Adyen, PayPal): the shop creates a
 * payment for an order, the buyer confirms it on the provider's side (its hosted page, 3-D Secure
 * included), and the provider reports the outcome by a signed webhook. Card data never reaches this
 * server. The flow around it lives in ./payment-flow.ts; the providers in ./providers/.
 */

/**
 * The most one payment may be, in minor units: Stripe's per-charge maximum (eight digits, $999,999.99)
 * for every currency we sell in (lib/money CURRENCIES). Checkout refuses a larger total as
 * `amount_too_large` before anything is written, and offers stay below it too; a provider with other
 * limits changes this one place (per currency in `maxChargeAmount`).
 */
export const MAX_CHARGE_AMOUNT = 99_999_999;

/** Currencies whose provider limit differs from MAX_CHARGE_AMOUNT (none of ours today). */
const MAX_CHARGE_BY_CURRENCY: Partial<Record<string, number>> = {};

export function maxChargeAmount(currency: string): number {
  return MAX_CHARGE_BY_CURRENCY[currency] ?? MAX_CHARGE_AMOUNT;
}

export type CreatePaymentRequest = {
  orderId: string;
  /** Minor units of `currency` (ISO 4217 exponent: cents, fen; whole yen for JPY). */
  amount: number;
  currency: string;
  /** The same key for every attempt to create this order's payment: the provider makes one. */
  idempotencyKey: string;
  description: string;
  /** Where the provider sends the buyer back afterwards, a path on this site (/orders/<id>?placed=1). */
  returnPath: string;
  /** When the payment stops being payable; the sweep expires the order then. */
  expiresAt: Date;
  /**
   * When the order was placed. With everything above it fixes the request, so a retried creation sends
   * the very same parameters (a provider refuses a reused idempotency key with other ones).
   */
  createdAt: Date;
};

export type CreatedPayment = {
  /** The provider's id of the payment; its webhooks name it. */
  providerPaymentId: string;
  /** Where the buyer confirms: a hosted page (absolute, or a path on this site for the simulated one). */
  confirmUrl: string;
};

/** What a verified webhook says, in the shop's terms; the provider's own event types stay in its adapter. */
export type PaymentEvent = {
  provider: string;
  /** The provider's event id: the same event delivered twice has the same id. */
  eventId: string;
  /** `payment.expired`: the payment can no longer be made (its window closed at the provider). */
  type: "payment.succeeded" | "payment.failed" | "payment.expired";
  providerPaymentId: string;
  /** Our order id as the provider echoes it (metadata), to find a payment whose creation answer was lost. */
  orderId: string | null;
  amount: number;
  currency: string;
  /** Why it failed (card_declined, authentication_failed, expired …). */
  failureCode?: string;
};

export type CancelOutcome = "canceled" | "succeeded" | "pending" | "failed";

export interface PaymentProvider {
  readonly name: string;
  /** Creates (or, for a key seen before, finds) the payment; throws PaymentProviderError when it cannot. */
  createPayment(request: CreatePaymentRequest, options: { signal: AbortSignal }): Promise<CreatedPayment>;
  /**
   * Voids a payment nobody confirmed, so it can no longer succeed. Answers what the provider says the
   * payment now is: `succeeded` when the buyer paid just before (the sweep applies it at once, as its
   * webhook would); `pending` when the buyer confirmed with a method that settles later (a bank debit:
   * its webhook will say). Throws PaymentProviderError when the payment may still be payable.
   */
  cancelPayment(providerPaymentId: string): Promise<CancelOutcome>;
  /**
   * Checks the signature of a webhook request over its exact body and turns it into an event; null for
   * an authentic event the shop does not act on. Throws WebhookSignatureError when it is not authentic.
   */
  verifyWebhook(rawBody: string, headers: Headers): Promise<PaymentEvent | null>;
}

export class PaymentProviderError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PaymentProviderError";
  }
}

/** A webhook whose signature, timestamp or body is not what the provider sends: answered 400, changes nothing. */
export class WebhookSignatureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookSignatureError";
  }
}

/*
 * By name, not instanceof: a production build holds one copy of these classes per server bundle, and
 * the process-wide provider may come from another bundle than the code that catches its errors.
 */
export function isWebhookSignatureError(error: unknown): error is WebhookSignatureError {
  return error instanceof Error && error.name === "WebhookSignatureError";
}

export function isPaymentProviderError(error: unknown): error is PaymentProviderError {
  return error instanceof Error && error.name === "PaymentProviderError";
}
