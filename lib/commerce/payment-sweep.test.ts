/**
 * The payment flow where it meets an unreliable provider: the sweep with payments it cannot void (they
 * must not keep other orders from expiring) or that the buyer paid at the last moment (settled at once),
 * a provider's "expired" event, creations racing or failing, a provider switched under a waiting order,
 * and the simulated provider's webhook re-deliveries backing off over a day.
 */
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { orders, outbox, paymentEvents, payments, simPayments, users } from "@/db/schema";
import { setUpFixtureDatabase } from "@/test/fixture-db";
import { placeOrder } from "./checkout";
import { createArtwork, createUsers, fixtureTag, inProcessSimProvider, simPaymentOf, stockOf } from "./fixtures";
import { applyPaymentEvent, expireOverdueOrders, startPayment } from "./payment-flow";
import type { CancelOutcome, CreatePaymentRequest, PaymentProvider } from "./payments";
import { simWebhookUrl } from "./providers";
import {
  SIM_MAX_WEBHOOK_ATTEMPTS,
  SIM_WEBHOOK_RETRY_CAP_MS,
  SimulatedPaymentProvider,
  simRetryDelayMs,
} from "./providers/simulated";

let db: Db;
let creatorId: string;
const tag = fixtureTag();

setUpFixtureDatabase(tag, (fx) => {
  db = fx.db;
  creatorId = fx.creator.creatorId;
});

// The flow logs every provider failure it meets; here they are the point.
beforeEach(() => void vi.spyOn(console, "error").mockImplementation(() => undefined));
afterEach(() => vi.restoreAllMocks());

const key = () => `sweep-${randomUUID()}`;
const statusOf = async (orderId: string) =>
  (await db.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId)))[0]?.status;
const hours = (n: number) => () => new Date(Date.now() + n * 3_600_000);
const mailCount = async (userId: string) => {
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(outbox)
    .where(sql`${outbox.payload}->>'to' = ${user!.email}`);
  return row!.n;
};

/** A provider of the test's own, its voids answered by `cancel` (by default: canceled). */
function stubProvider(name: string, cancel: (reference: string) => Promise<CancelOutcome> = async () => "canceled") {
  const provider: PaymentProvider = {
    name,
    createPayment: async (request: CreatePaymentRequest) => ({
      providerPaymentId: `${name}_${request.orderId}`,
      confirmUrl: `https://pay.test/${request.orderId}`,
    }),
    cancelPayment: vi.fn(cancel),
    verifyWebhook: async () => null,
  };
  return provider;
}

async function place(provider: PaymentProvider, productId: string, buyer: string): Promise<string> {
  const placed = await placeOrder(
    { userId: buyer, lines: [{ productId, quantity: 1 }], idempotencyKey: key() },
    { provider },
  );
  if (!placed.ok) throw new Error(placed.message);
  return placed.orderId;
}

describe("the expiry sweep", () => {
  it("still expires an overdue order behind more unvoidable payments than one pass takes", async () => {
    const artwork = await createArtwork(db, tag, { creatorId, editionSize: 100 });
    const [buyer] = await createUsers(db, `${tag}s`, 1);
    const stuck = new Set<string>();
    const provider = stubProvider("stub", async (reference) => {
      if (stuck.has(reference)) throw new Error("provider unavailable");
      return "canceled";
    });
    for (let i = 0; i < 60; i++) stuck.add(`stub_${await place(provider, artwork, buyer!)}`);
    const normal = await place(provider, artwork, buyer!);
    expect(await stockOf(db, artwork)).toBe(39);

    const now = hours(2);
    await expireOverdueOrders({ provider, now });
    await expireOverdueOrders({ provider, now });
    expect(await statusOf(normal)).toBe("expired");
    expect(await stockOf(db, artwork)).toBe(40);
    // The unvoidable ones are left pending (the provider may still take their payment) …
    const pending = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(orders)
      .where(and(eq(orders.userId, buyer!), eq(orders.status, "pending_payment")));
    expect(pending[0]?.n).toBe(60);
    // … and looked at again a few minutes later, each of them.
    const calls = vi.mocked(provider.cancelPayment);
    calls.mockClear();
    stuck.clear();
    await expireOverdueOrders({ provider, now: hours(2.2) });
    await expireOverdueOrders({ provider, now: hours(2.2) });
    expect(calls).toHaveBeenCalledTimes(60);
    expect(await stockOf(db, artwork)).toBe(100);
  });

  it("applies a success the provider reports when voiding, once, without waiting for the webhook", async () => {
    const artwork = await createArtwork(db, tag, { creatorId });
    const [buyer] = await createUsers(db, `${tag}r`, 1);
    const slow = inProcessSimProvider({ acknowledge: false });
    const orderId = await place(slow.provider, artwork, buyer!);
    const reference = await simPaymentOf(db, orderId);
    await slow.provider.confirm(reference, "succeed");
    expect(await statusOf(orderId)).toBe("pending_payment");

    await expireOverdueOrders({ provider: slow.provider, now: hours(1) });
    expect(await statusOf(orderId)).toBe("paid");
    expect(await stockOf(db, artwork)).toBe(0);
    const [event] = await db
      .select({ outcome: paymentEvents.outcome })
      .from(paymentEvents)
      .where(eq(paymentEvents.eventId, `reconcile:${reference}`));
    expect(event?.outcome).toBe("paid");

    // The webhook arrives after all: nothing more happens, one confirmation mail.
    const up = inProcessSimProvider({ secret: slow.secret });
    await up.provider.redeliverWebhooks({ minAgeMs: 0 });
    await expireOverdueOrders({ provider: slow.provider, now: hours(2) });
    expect(await statusOf(orderId)).toBe("paid");
    expect(await mailCount(buyer!)).toBe(1);
    expect(await stockOf(db, artwork)).toBe(0);
  });

  it("leaves a payment still settling (a delayed method) for its webhook", async () => {
    const artwork = await createArtwork(db, tag, { creatorId });
    const [buyer] = await createUsers(db, `${tag}d`, 1);
    const provider = stubProvider("debit", async () => "pending");
    const orderId = await place(provider, artwork, buyer!);
    await expireOverdueOrders({ provider, now: hours(1) });
    expect(await statusOf(orderId)).toBe("pending_payment");
    expect(await stockOf(db, artwork)).toBe(0);
  });
});

describe("a provider's events", () => {
  it("an expired payment expires the order, not fails it", async () => {
    const artwork = await createArtwork(db, tag, { creatorId });
    const [buyer] = await createUsers(db, `${tag}e`, 1);
    const sim = inProcessSimProvider();
    const orderId = await place(sim.provider, artwork, buyer!);
    const [payment] = await db.select().from(payments).where(eq(payments.orderId, orderId));
    const outcome = await applyPaymentEvent({
      provider: "simulated",
      eventId: `evt-${randomUUID()}`,
      type: "payment.expired",
      providerPaymentId: payment!.reference!,
      orderId,
      amount: payment!.amount,
      currency: payment!.currency,
      failureCode: "expired",
    });
    expect(outcome).toBe("expired");
    expect(await statusOf(orderId)).toBe("expired");
    expect(await stockOf(db, artwork)).toBe(1);
  });
});

describe("starting a payment", () => {
  /** A placed order whose payment has no answer from the provider yet (a creation lost on the way). */
  async function unstarted(artwork: string, buyer: string) {
    const orderId = await place(inProcessSimProvider().provider, artwork, buyer);
    await db.update(payments).set({ reference: null, confirmUrl: null }).where(eq(payments.orderId, orderId));
    return orderId;
  }

  it("keeps the order when a racing creation fails after another got the payment page", async () => {
    const artwork = await createArtwork(db, tag, { creatorId });
    const [buyer] = await createUsers(db, `${tag}a`, 1);
    const orderId = await unstarted(artwork, buyer!);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const provider: PaymentProvider = {
      name: "simulated",
      createPayment: async (request) => {
        if (++calls === 1) {
          await gate;
          throw new Error("idempotency_error: keys reused with different parameters");
        }
        return { providerPaymentId: `simpay_race_${request.orderId}`, confirmUrl: "/pay/sim/race" };
      },
      cancelPayment: async () => "canceled",
      verifyWebhook: async () => null,
    };
    const first = startPayment(orderId, { provider });
    await vi.waitFor(() => expect(calls).toBe(1));
    expect(await startPayment(orderId, { provider })).toEqual({
      status: "awaiting_payment",
      confirmUrl: "/pay/sim/race",
    });
    release();
    expect(await first).toEqual({ status: "awaiting_payment", confirmUrl: "/pay/sim/race" });
    expect(await statusOf(orderId)).toBe("pending_payment");
    expect(await stockOf(db, artwork)).toBe(0);
  });

  it("voids a payment created after a racing attempt already failed the order", async () => {
    const artwork = await createArtwork(db, tag, { creatorId });
    const [buyer] = await createUsers(db, `${tag}v`, 1);
    const orderId = await unstarted(artwork, buyer!);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const cancel = vi.fn(async (): Promise<CancelOutcome> => "canceled");
    const provider: PaymentProvider = {
      name: "simulated",
      createPayment: async () => {
        if (++calls === 1) {
          await gate;
          return { providerPaymentId: "simpay_late", confirmUrl: "/pay/sim/late" };
        }
        throw new Error("connection refused");
      },
      cancelPayment: cancel,
      verifyWebhook: async () => null,
    };
    const first = startPayment(orderId, { provider });
    await vi.waitFor(() => expect(calls).toBe(1));
    expect(await startPayment(orderId, { provider })).toEqual({ status: "payment_failed" });
    release();
    expect(await first).toEqual({ status: "payment_failed" });
    expect(cancel).toHaveBeenCalledWith("simpay_late");
    const [row] = await db.select().from(payments).where(eq(payments.orderId, orderId));
    expect(row?.confirmUrl).toBeNull();
    expect(await stockOf(db, artwork)).toBe(1);
  });

  it("keeps the answer stored first when two racing creations both succeed", async () => {
    const artwork = await createArtwork(db, tag, { creatorId });
    const [buyer] = await createUsers(db, `${tag}b`, 1);
    const orderId = await unstarted(artwork, buyer!);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const provider: PaymentProvider = {
      name: "simulated",
      createPayment: async () => {
        const n = ++calls;
        if (n === 1) await gate;
        return { providerPaymentId: `simpay_n${n}`, confirmUrl: `/pay/sim/n${n}` };
      },
      cancelPayment: async () => "canceled",
      verifyWebhook: async () => null,
    };
    const first = startPayment(orderId, { provider });
    await vi.waitFor(() => expect(calls).toBe(1));
    expect(await startPayment(orderId, { provider })).toMatchObject({ confirmUrl: "/pay/sim/n2" });
    release();
    expect(await first).toMatchObject({ confirmUrl: "/pay/sim/n2" });
    const [row] = await db.select().from(payments).where(eq(payments.orderId, orderId));
    expect(row).toMatchObject({ reference: "simpay_n2", confirmUrl: "/pay/sim/n2" });
  });

  it("fails the order, giving its stock back, when the provider was switched while it waited", async () => {
    const artwork = await createArtwork(db, tag, { creatorId });
    const [buyer] = await createUsers(db, `${tag}w`, 1);
    const orderId = await unstarted(artwork, buyer!);
    const other = stubProvider("stripe");
    const create = vi.spyOn(other, "createPayment");
    expect(await startPayment(orderId, { provider: other })).toEqual({ status: "payment_failed" });
    expect(create).not.toHaveBeenCalled();
    expect(await statusOf(orderId)).toBe("payment_failed");
    expect(await stockOf(db, artwork)).toBe(1);
  });
});

describe("the simulated provider's webhooks", () => {
  it("go to SIM_WEBHOOK_URL when set, else to SITE_URL's endpoint", () => {
    expect(simWebhookUrl({ SITE_URL: "http://localhost:8080" })).toBe("http://localhost:8080/api/payments/webhook");
    expect(
      simWebhookUrl({ SITE_URL: "http://localhost:8080", SIM_WEBHOOK_URL: "http://nginx/api/payments/webhook" }),
    ).toBe("http://nginx/api/payments/webhook");
  });

  it("are re-sent with a back-off that doubles up to an hour, for about a day", () => {
    expect([1, 2, 3].map((n) => simRetryDelayMs(n))).toEqual([30_000, 60_000, 120_000]);
    expect(simRetryDelayMs(20)).toBe(SIM_WEBHOOK_RETRY_CAP_MS);
    let total = 0;
    for (let n = 1; n < SIM_MAX_WEBHOOK_ATTEMPTS; n++) total += simRetryDelayMs(n);
    expect(total).toBeGreaterThan(20 * 3_600_000);
    expect(total).toBeLessThan(28 * 3_600_000);
  });

  it("waits out the back-off before a re-delivery and stops after the last attempt", async () => {
    const artwork = await createArtwork(db, tag, { creatorId });
    const [buyer] = await createUsers(db, `${tag}h`, 1);
    const down = inProcessSimProvider({ acknowledge: false });
    const orderId = await place(down.provider, artwork, buyer!);
    const id = await simPaymentOf(db, orderId);
    await down.provider.confirm(id, "succeed");
    const tried = new Date();
    await db.update(simPayments).set({ webhookAttempts: 5, updatedAt: tried }).where(eq(simPayments.id, id));
    const sender = (minutes: number) => {
      const sent: string[] = [];
      return {
        sent,
        provider: new SimulatedPaymentProvider({
          secret: down.secret,
          webhookUrl: "http://shop.test/api/payments/webhook",
          now: () => new Date(tried.getTime() + minutes * 60_000),
          send: async (_url: string, body: string) => (sent.push(body), 503),
        }),
      };
    };
    // After the 5th try the next is due 30 s × 2⁴ = 8 minutes later.
    const early = sender(5);
    expect(await early.provider.redeliverWebhooks()).toBe(0);
    expect(early.sent).toHaveLength(0);
    const due = sender(9);
    await due.provider.redeliverWebhooks();
    expect(due.sent).toHaveLength(1);
    // Still pending after a failed 6th try; the last allowed try ends it.
    const [row] = await db.select().from(simPayments).where(eq(simPayments.id, id));
    expect(row).toMatchObject({ webhookPending: true, webhookAttempts: 6 });
    await db
      .update(simPayments)
      .set({ webhookAttempts: SIM_MAX_WEBHOOK_ATTEMPTS - 1, updatedAt: tried })
      .where(eq(simPayments.id, id));
    await sender(120).provider.redeliverWebhooks();
    const [last] = await db.select().from(simPayments).where(eq(simPayments.id, id));
    expect(last).toMatchObject({ webhookPending: false, webhookAttempts: SIM_MAX_WEBHOOK_ATTEMPTS });
    expect(await statusOf(orderId)).toBe("pending_payment");
  });
});
