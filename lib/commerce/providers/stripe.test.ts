/**
 * The Stripe adapter's calls, with the SDK's network methods stood in for (nothing reaches Stripe):
 * what voiding a session answers in each state it can be in, and that a retried creation sends the very
 * same parameters under its idempotency key.
 */
import Stripe from "stripe";
import { describe, expect, it, vi } from "vitest";
import type { CreatePaymentRequest } from "../payments";
import { StripePaymentProvider, type StripeApi } from "./stripe";

const stripe = new Stripe("sk_test_000000000000000000000000", { maxNetworkRetries: 0 });

function adapter(sessions: Partial<StripeApi["checkout"]["sessions"]>, now: () => Date = () => new Date()) {
  return new StripePaymentProvider({
    client: {
      checkout: { sessions: { ...stripe.checkout.sessions, ...sessions } },
      webhooks: stripe.webhooks,
    } as unknown as StripeApi,
    webhookSecret: "whsec_test_0123456789abcdefghijklmnop",
    siteUrl: "https://atelier.example",
    now,
  });
}

const cannotExpire = () => Promise.reject(new Error("This Checkout Session is not open."));
const retrieving = (session: Partial<Stripe.Checkout.Session>) => vi.fn(async () => session);

describe("voiding a Checkout Session", () => {
  it("answers canceled when Stripe expires it", async () => {
    const expire = vi.fn(async () => ({ status: "expired" }));
    expect(await adapter({ expire } as never).cancelPayment("cs_1")).toBe("canceled");
    expect(expire).toHaveBeenCalledWith("cs_1");
  });

  it("throws when the expiry failed and the session is still open, so the order does not expire", async () => {
    const provider = adapter({ expire: cannotExpire, retrieve: retrieving({ status: "open" }) } as never);
    await expect(provider.cancelPayment("cs_open")).rejects.toThrow(/still open/);
  });

  it("answers pending for a completed session still unpaid (a delayed method), succeeded once paid", async () => {
    const unpaid = adapter({
      expire: cannotExpire,
      retrieve: retrieving({ status: "complete", payment_status: "unpaid" }),
    } as never);
    expect(await unpaid.cancelPayment("cs_debit")).toBe("pending");
    const paid = adapter({
      expire: cannotExpire,
      retrieve: retrieving({ status: "complete", payment_status: "paid" }),
    } as never);
    expect(await paid.cancelPayment("cs_paid")).toBe("succeeded");
    const gone = adapter({ expire: cannotExpire, retrieve: retrieving({ status: "expired" }) } as never);
    expect(await gone.cancelPayment("cs_gone")).toBe("canceled");
  });

  it("throws when neither call reaches Stripe", async () => {
    const provider = adapter({ expire: cannotExpire, retrieve: () => Promise.reject(new Error("offline")) } as never);
    await expect(provider.cancelPayment("cs_x")).rejects.toThrow(/could not expire/);
  });
});

describe("creating a Checkout Session", () => {
  const placed = new Date("2026-03-01T10:00:00Z");
  const request: CreatePaymentRequest = {
    orderId: "order-1",
    amount: 4_900,
    currency: "USD",
    idempotencyKey: "order-order-1",
    description: "Atelier order ORDER-1",
    returnPath: "/orders/order-1?placed=1",
    expiresAt: new Date(placed.getTime() + 30 * 60_000),
    createdAt: placed,
  };

  it("sends the same parameters when the creation is retried later with the same key", async () => {
    const create = vi.fn(async () => ({ id: "cs_1", url: "https://checkout.stripe.com/c/pay/cs_1" }));
    let clock = new Date(placed.getTime() + 2_000);
    const provider = adapter({ create } as never, () => clock);
    await provider.createPayment(request);
    clock = new Date(placed.getTime() + 95_000);
    await provider.createPayment(request);
    const [first, second] = create.mock.calls as unknown as [Stripe.Checkout.SessionCreateParams, unknown][];
    expect(second).toEqual(first);
    // At least Stripe's 30 minutes after the order was placed, whatever the order's own window.
    expect(first![0].expires_at).toBeGreaterThanOrEqual(Math.floor(placed.getTime() / 1000) + 30 * 60);
  });

  it("keeps a longer window of the order's", async () => {
    const create = vi.fn(async () => ({ id: "cs_2", url: "https://checkout.stripe.com/c/pay/cs_2" }));
    const expiresAt = new Date(placed.getTime() + 3 * 3_600_000);
    await adapter({ create } as never).createPayment({ ...request, expiresAt });
    const [params] = create.mock.calls[0] as unknown as [Stripe.Checkout.SessionCreateParams];
    expect(params.expires_at).toBe(Math.floor(expiresAt.getTime() / 1000));
  });
});
