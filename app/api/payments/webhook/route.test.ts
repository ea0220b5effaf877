/**
 * The webhook endpoint: 400 and no change for anything not signed by the configured provider, 200 for
 * an authentic event (applied once). Stripe's events are signed with the SDK's own test helper, so the
 * adapter is checked against the real signature scheme without any network.
 */
import { randomUUID } from "node:crypto";
import Stripe from "stripe";
import { describe, expect, it, vi } from "vitest";
import type { PaymentEvent } from "@/lib/commerce/payments";
import { SIM_SIGNATURE_HEADER, signSimPayload } from "@/lib/commerce/providers/sim-signature";
import { SimulatedPaymentProvider } from "@/lib/commerce/providers/simulated";
import { StripePaymentProvider, type StripeApi } from "@/lib/commerce/providers/stripe";
import { handlePaymentWebhook } from "./handler";

const WHSEC = "whsec_test_0123456789abcdefghijklmnop";
const stripe = new Stripe("sk_test_000000000000000000000000", { maxNetworkRetries: 0 });

function post(body: string, headers: Record<string, string>): Request {
  return new Request("http://shop.test/api/payments/webhook", { method: "POST", body, headers });
}

function sessionEvent(type: string, session: Record<string, unknown>, id = `evt_${randomUUID()}`) {
  return JSON.stringify({
    id,
    object: "event",
    type,
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    data: {
      object: {
        id: "cs_test_a1b2c3",
        object: "checkout.session",
        amount_total: 198_000,
        currency: "jpy",
        client_reference_id: "0d9c6f3e-1111-4a4a-8b8b-123456789abc",
        metadata: { orderId: "0d9c6f3e-1111-4a4a-8b8b-123456789abc" },
        payment_status: "paid",
        status: "complete",
        ...session,
      },
    },
  });
}

function stripeProvider(client: Partial<StripeApi> = {}) {
  return new StripePaymentProvider({
    client: { checkout: stripe.checkout, webhooks: stripe.webhooks, ...client } as StripeApi,
    webhookSecret: WHSEC,
    siteUrl: "https://atelier.example",
  });
}

describe("POST /api/payments/webhook with Stripe", () => {
  const provider = stripeProvider();

  it("applies a completed checkout session signed with the endpoint secret", async () => {
    const apply = vi.fn(async (_event: PaymentEvent) => "paid" as const);
    const body = sessionEvent("checkout.session.completed", {}, "evt_paid_1");
    const header = stripe.webhooks.generateTestHeaderString({ payload: body, secret: WHSEC });
    const response = await handlePaymentWebhook(post(body, { "stripe-signature": header }), { provider, apply });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, outcome: "paid" });
    expect(apply).toHaveBeenCalledWith({
      provider: "stripe",
      eventId: "evt_paid_1",
      type: "payment.succeeded",
      providerPaymentId: "cs_test_a1b2c3",
      orderId: "0d9c6f3e-1111-4a4a-8b8b-123456789abc",
      amount: 198_000,
      currency: "JPY",
    });
  });

  it("maps expiry to the expire signal, a failed delayed payment to a failure, and waits on an unpaid completion", async () => {
    const seen: PaymentEvent[] = [];
    const apply = async (event: PaymentEvent) => (seen.push(event), "payment_failed" as const);
    for (const [type, session] of [
      ["checkout.session.expired", { status: "expired", payment_status: "unpaid" }],
      ["checkout.session.async_payment_failed", { payment_status: "unpaid" }],
      ["checkout.session.completed", { payment_status: "unpaid" }],
      ["payment_intent.created", {}],
    ] as const) {
      const body = sessionEvent(type, session);
      const header = stripe.webhooks.generateTestHeaderString({ payload: body, secret: WHSEC });
      expect((await handlePaymentWebhook(post(body, { "stripe-signature": header }), { provider, apply })).status).toBe(
        200,
      );
    }
    expect(seen.map((e) => [e.type, e.failureCode])).toEqual([
      ["payment.expired", "expired"],
      ["payment.failed", "async_payment_failed"],
    ]);
  });

  it("answers 400 and applies nothing for a wrong secret, a changed body, an old timestamp or no header", async () => {
    const apply = vi.fn();
    const body = sessionEvent("checkout.session.completed", {});
    const cases: Record<string, string>[] = [
      { "stripe-signature": stripe.webhooks.generateTestHeaderString({ payload: body, secret: "whsec_other_secret" }) },
      {
        "stripe-signature": stripe.webhooks.generateTestHeaderString({
          payload: body,
          secret: WHSEC,
          timestamp: Math.floor(Date.now() / 1000) - 3600,
        }),
      },
      { "stripe-signature": "t=1,v1=deadbeef" },
      {},
    ];
    for (const headers of cases) {
      const response = await handlePaymentWebhook(post(body, headers), { provider, apply });
      expect(response.status).toBe(400);
    }
    const header = stripe.webhooks.generateTestHeaderString({ payload: body, secret: WHSEC });
    const tampered = body.replace("198000", "1");
    expect(
      (await handlePaymentWebhook(post(tampered, { "stripe-signature": header }), { provider, apply })).status,
    ).toBe(400);
    expect(apply).not.toHaveBeenCalled();
  });

  it("refuses a body too large to be a provider event with 413", async () => {
    const response = await handlePaymentWebhook(post("x".repeat(300_000), {}), { provider, apply: vi.fn() });
    expect(response.status).toBe(413);
  });

  it("creates a Checkout Session with the order's minor units, its key and the return address", async () => {
    const create = vi.fn(async () => ({ id: "cs_test_new", url: "https://checkout.stripe.com/c/pay/cs_test_new" }));
    const adapter = stripeProvider({
      checkout: { sessions: { ...stripe.checkout.sessions, create } } as unknown as StripeApi["checkout"],
    });
    const created = await adapter.createPayment({
      orderId: "order-1",
      amount: 1_980,
      currency: "JPY",
      idempotencyKey: "order-order-1",
      description: "Atelier order ORDER-1",
      returnPath: "/orders/order-1?placed=1",
      expiresAt: new Date(Date.now() + 60 * 60_000),
      createdAt: new Date(),
    });
    expect(created).toEqual({
      providerPaymentId: "cs_test_new",
      confirmUrl: "https://checkout.stripe.com/c/pay/cs_test_new",
    });
    const [params, options] = create.mock.calls[0] as unknown as [
      Stripe.Checkout.SessionCreateParams,
      { idempotencyKey: string },
    ];
    expect(options).toEqual({ idempotencyKey: "order-order-1" });
    expect(params.line_items?.[0]?.price_data).toMatchObject({ currency: "jpy", unit_amount: 1_980 });
    expect(params.success_url).toBe("https://atelier.example/orders/order-1?placed=1");
    expect(params.metadata).toEqual({ orderId: "order-1" });
  });
});

describe("POST /api/payments/webhook with the simulated provider", () => {
  const secret = "sim-secret-for-this-test-0123456789";
  const provider = new SimulatedPaymentProvider({ secret, webhookUrl: "http://shop.test/api/payments/webhook" });
  const body = JSON.stringify({
    id: "simevt_1",
    type: "payment.failed",
    data: {
      payment: { id: "simpay_1", merchant_reference: "o", amount: 5, currency: "CNY", failure_code: "card_declined" },
    },
  });

  it("applies a signed event and refuses a forged one with 400", async () => {
    const apply = vi.fn(async () => "payment_failed" as const);
    const now = Math.floor(Date.now() / 1000);
    const good = post(body, { [SIM_SIGNATURE_HEADER]: signSimPayload(body, secret, now) });
    expect((await handlePaymentWebhook(good, { provider, apply })).status).toBe(200);
    expect(apply).toHaveBeenCalledTimes(1);
    const forged = post(body, { [SIM_SIGNATURE_HEADER]: signSimPayload(body, "guessed-secret-0123456789abcdef", now) });
    expect((await handlePaymentWebhook(forged, { provider, apply })).status).toBe(400);
    expect(
      (
        await handlePaymentWebhook(
          post("not json", { [SIM_SIGNATURE_HEADER]: signSimPayload("not json", secret, now) }),
          { provider, apply },
        )
      ).status,
    ).toBe(400);
    expect(apply).toHaveBeenCalledTimes(1);
  });
});
