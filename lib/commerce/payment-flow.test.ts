/**
 * Two-step payments end to end on the shop's side: the simulated provider's page choices, its signed
 * webhooks (replayed, reordered, undelivered, forged), expiry by the sweep, the mail each outcome
 * queues, and exact totals in JPY and CNY.
 */
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import {
  enrollments,
  events,
  offers,
  orderLines,
  orders,
  outbox,
  paymentEvents,
  payments,
  simPayments,
  users,
} from "@/db/schema";
import { setUpFixtureDatabase } from "@/test/fixture-db";
import { placeOrder } from "./checkout";
import {
  createArtwork,
  createCourse,
  createUsers,
  fixtureTag,
  inProcessSimProvider,
  simPaymentOf,
  stockOf,
} from "./fixtures";
import { lineTotal } from "./order-math";
import { applyPaymentEvent, expireOverdueOrders, fulfilOrder, startPayment } from "./payment-flow";
import { WebhookSignatureError } from "./payments";
import { SIM_SIGNATURE_HEADER, signSimPayload } from "./providers/sim-signature";

let db: Db;
let creatorId: string;
const tag = fixtureTag();

setUpFixtureDatabase(tag, (fx) => {
  db = fx.db;
  creatorId = fx.creator.creatorId;
});

const key = () => `flow-${randomUUID()}`;
const statusOf = async (orderId: string) =>
  (await db.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId)))[0]?.status;
const mailCount = async (userId: string) => {
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(outbox)
    .where(sql`${outbox.payload}->>'to' = ${user!.email}`);
  return row!.n;
};

async function pendingOrder(productIds: string[], buyer?: string) {
  const [userId] = buyer ? [buyer] : await createUsers(db, `${tag}${randomUUID().slice(0, 6)}`, 1);
  const sim = inProcessSimProvider();
  const placed = await placeOrder(
    { userId: userId!, lines: productIds.map((productId) => ({ productId, quantity: 1 })), idempotencyKey: key() },
    { provider: sim.provider },
  );
  if (!placed.ok) throw new Error(placed.message);
  return { ...sim, userId: userId!, orderId: placed.orderId, paymentId: await simPaymentOf(db, placed.orderId) };
}

describe("an order waits for its payment", () => {
  it("holds the stock and gives no access until the webhook says paid", async () => {
    const artwork = await createArtwork(db, tag, { creatorId });
    const course = await createCourse(db, tag, { creatorId });
    const o = await pendingOrder([artwork, course.productId]);
    expect(await statusOf(o.orderId)).toBe("pending_payment");
    expect(await stockOf(db, artwork)).toBe(0);
    expect(await db.select().from(enrollments).where(eq(enrollments.userId, o.userId))).toHaveLength(0);
    // The buyer's return (or a reload) only asks where to pay: the same page, one provider payment.
    const again = await startPayment(o.orderId, { provider: o.provider });
    expect(again).toEqual({ status: "awaiting_payment", confirmUrl: `/pay/sim/${o.paymentId}` });
    expect(await db.select().from(simPayments).where(eq(simPayments.merchantReference, o.orderId))).toHaveLength(1);

    await o.provider.confirm(o.paymentId, "succeed");
    expect(await statusOf(o.orderId)).toBe("paid");
    expect(await db.select().from(enrollments).where(eq(enrollments.userId, o.userId))).toHaveLength(1);
    expect(await mailCount(o.userId)).toBe(1);
    expect(await startPayment(o.orderId, { provider: o.provider })).toEqual({ status: "paid" });
  });

  it("a replayed webhook changes nothing: one paid order, one mail, one purchase", async () => {
    const artwork = await createArtwork(db, tag, { creatorId, editionSize: 3 });
    const o = await pendingOrder([artwork]);
    await o.provider.confirm(o.paymentId, "succeed");
    const sent = o.delivered[0]!;
    for (let i = 0; i < 3; i++) {
      const event = await o.provider.verifyWebhook(sent.body, new Headers(sent.headers));
      expect(await applyPaymentEvent(event!)).toBe("duplicate");
    }
    expect(await statusOf(o.orderId)).toBe("paid");
    expect(await mailCount(o.userId)).toBe(1);
    expect(await stockOf(db, artwork)).toBe(2);
  });

  it("a failure reported after the success (reordered events) changes nothing, nor does the reverse", async () => {
    const artwork = await createArtwork(db, tag, { creatorId, editionSize: 3 });
    const base = { provider: "simulated", amount: 50_000, currency: "USD" } as const;

    const paid = await pendingOrder([artwork]);
    await paid.provider.confirm(paid.paymentId, "succeed");
    const stale = { ...base, eventId: `late-${randomUUID()}`, type: "payment.failed" as const };
    expect(await applyPaymentEvent({ ...stale, providerPaymentId: paid.paymentId, orderId: paid.orderId })).toBe(
      "stale",
    );
    expect(await statusOf(paid.orderId)).toBe("paid");

    const failed = await pendingOrder([artwork]);
    await failed.provider.confirm(failed.paymentId, "decline");
    expect(await statusOf(failed.orderId)).toBe("payment_failed");
    const late = { ...base, eventId: `late-${randomUUID()}`, type: "payment.succeeded" as const };
    expect(await applyPaymentEvent({ ...late, providerPaymentId: failed.paymentId, orderId: failed.orderId })).toBe(
      "late_success",
    );
    expect(await statusOf(failed.orderId)).toBe("payment_failed");
    expect(await stockOf(db, artwork)).toBe(2);
    const [row] = await db
      .select({ outcome: paymentEvents.outcome })
      .from(paymentEvents)
      .where(eq(paymentEvents.eventId, late.eventId));
    expect(row?.outcome).toBe("late_success");
  });

  it("refuses a forged or stale signature, and an event whose amount is not the payment's", async () => {
    const artwork = await createArtwork(db, tag, { creatorId });
    const o = await pendingOrder([artwork]);
    const body = JSON.stringify({
      id: `forged-${randomUUID()}`,
      type: "payment.succeeded",
      data: {
        payment: {
          id: o.paymentId,
          merchant_reference: o.orderId,
          amount: 50_000,
          currency: "USD",
          failure_code: null,
        },
      },
    });
    const now = Math.floor(Date.now() / 1000);
    const verify = (header: string, signed = body) =>
      o.provider.verifyWebhook(signed, new Headers({ [SIM_SIGNATURE_HEADER]: header }));
    await expect(verify(signSimPayload(body, "not-the-secret-at-all-0123456789", now))).rejects.toThrow(
      WebhookSignatureError,
    );
    await expect(verify(signSimPayload(body, o.secret, now - 3600))).rejects.toThrow(/tolerance/);
    await expect(verify(signSimPayload(`${body} `, o.secret, now))).rejects.toThrow(WebhookSignatureError);
    await expect(o.provider.verifyWebhook(body, new Headers())).rejects.toThrow(WebhookSignatureError);
    expect(await statusOf(o.orderId)).toBe("pending_payment");

    const cheaper = body.replace("50000", "1");
    const event = await verify(signSimPayload(cheaper, o.secret, now), cheaper);
    expect(await applyPaymentEvent(event!)).toBe("amount_mismatch");
    expect(await statusOf(o.orderId)).toBe("pending_payment");
    const genuine = body.replace(/forged-[0-9a-f-]+/, `genuine-${randomUUID()}`);
    expect(await applyPaymentEvent((await verify(signSimPayload(genuine, o.secret, now), genuine))!)).toBe("paid");
  });

  it("a webhook our endpoint did not acknowledge is delivered again by the sweep", async () => {
    const artwork = await createArtwork(db, tag, { creatorId });
    const [buyer] = await createUsers(db, `${tag}u`, 1);
    const down = inProcessSimProvider({ acknowledge: false });
    const placed = await placeOrder(
      { userId: buyer!, lines: [{ productId: artwork, quantity: 1 }], idempotencyKey: key() },
      { provider: down.provider },
    );
    if (!placed.ok) throw new Error(placed.message);
    const paymentId = await simPaymentOf(db, placed.orderId);
    await down.provider.confirm(paymentId, "succeed");
    // The buyer is back on the order page before the webhook landed: it says "processing".
    expect(await statusOf(placed.orderId)).toBe("pending_payment");
    const up = inProcessSimProvider({ secret: down.secret });
    expect(await up.provider.redeliverWebhooks({ minAgeMs: 0 })).toBe(1);
    expect(await statusOf(placed.orderId)).toBe("paid");
    expect(await up.provider.redeliverWebhooks({ minAgeMs: 0 })).toBe(0);
  });
});

describe("failed and expired payments give everything back", () => {
  it("a declined 3-D Secure challenge fails the order, restores stock and the offer, and mails the buyer", async () => {
    const artwork = await createArtwork(db, tag, { creatorId, priceAmount: 100_000 });
    const [buyer] = await createUsers(db, `${tag}o`, 1);
    const [offer] = await db
      .insert(offers)
      .values({
        productId: artwork,
        buyerId: buyer!,
        amount: 80_000,
        currency: "USD",
        status: "accepted",
        reservedUntil: new Date(Date.now() + 3_600_000),
      })
      .returning({ id: offers.id });
    const o = await pendingOrder([artwork], buyer);
    expect((await db.select().from(offers).where(eq(offers.id, offer!.id)))[0]?.status).toBe("completed");
    expect((await o.provider.confirm(o.paymentId, "challenge"))?.status).toBe("requires_action");
    expect(await statusOf(o.orderId)).toBe("pending_payment");
    await o.provider.confirm(o.paymentId, "challenge_fail");
    expect(await statusOf(o.orderId)).toBe("payment_failed");
    expect(await stockOf(db, artwork)).toBe(1);
    expect((await db.select().from(offers).where(eq(offers.id, offer!.id)))[0]?.status).toBe("accepted");
    const [payment] = await db.select().from(payments).where(eq(payments.orderId, o.orderId));
    expect(payment).toMatchObject({ status: "failed", failureCode: "authentication_failed" });
    expect(await mailCount(o.userId)).toBe(1);
    // The holder can buy it again at the agreed price.
    const again = await pendingOrder([artwork], buyer);
    expect((await db.select().from(orders).where(eq(orders.id, again.orderId)))[0]?.totalAmount).toBe(80_000);
  });

  it("the sweep voids an unpaid payment at the provider, expires the order and frees the piece", async () => {
    const artwork = await createArtwork(db, tag, { creatorId });
    const o = await pendingOrder([artwork]);
    expect(await expireOverdueOrders({ provider: o.provider })).toBe(0);
    const later = () => new Date(Date.now() + 31 * 60_000);
    expect(await expireOverdueOrders({ provider: o.provider, now: later })).toBeGreaterThanOrEqual(1);
    expect(await statusOf(o.orderId)).toBe("expired");
    expect(await stockOf(db, artwork)).toBe(1);
    // Too late on the provider's page: the payment was canceled, nothing moves.
    expect((await o.provider.confirm(o.paymentId, "succeed"))?.status).toBe("canceled");
    expect(await statusOf(o.orderId)).toBe("expired");
    expect(await mailCount(o.userId)).toBe(1);
  });

  it("marks paid, without waiting for its webhook, an order the buyer paid at the last moment", async () => {
    const artwork = await createArtwork(db, tag, { creatorId });
    const slow = inProcessSimProvider({ acknowledge: false });
    const [buyer] = await createUsers(db, `${tag}p`, 1);
    const placed = await placeOrder(
      { userId: buyer!, lines: [{ productId: artwork, quantity: 1 }], idempotencyKey: key() },
      { provider: slow.provider },
    );
    if (!placed.ok) throw new Error(placed.message);
    await slow.provider.confirm(await simPaymentOf(db, placed.orderId), "succeed");
    await expireOverdueOrders({ provider: slow.provider, now: () => new Date(Date.now() + 31 * 60_000) });
    expect(await statusOf(placed.orderId)).toBe("paid");
    expect(await stockOf(db, artwork)).toBe(0);
  });

  it("fulfils only a paid order", async () => {
    const course = await createCourse(db, tag, { creatorId });
    const o = await pendingOrder([course.productId]);
    expect((await fulfilOrder(o.orderId)).changed).toBe(false);
    await o.provider.confirm(o.paymentId, "succeed");
    expect(await fulfilOrder(o.orderId)).toEqual({ status: "fulfilled", changed: true });
    expect((await fulfilOrder(o.orderId)).changed).toBe(false);
  });
});

describe("money stays exact in every currency the shop settles", () => {
  for (const [currency, prices] of [
    ["JPY", [1_980, 12_800]],
    ["CNY", [9_999, 33_333]],
  ] as const) {
    it(`${currency}: the total, the payment and the provider's amount are the sum of the lines`, async () => {
      const ids = [
        await createArtwork(db, tag, { creatorId, currency, priceAmount: prices[0] }),
        await createArtwork(db, tag, { creatorId, currency, priceAmount: prices[1] }),
      ];
      const o = await pendingOrder(ids);
      const lines = await db.select().from(orderLines).where(eq(orderLines.orderId, o.orderId));
      const sum = lines.reduce((n, l) => n + lineTotal(l), 0);
      expect(sum).toBe(prices[0] + prices[1]);
      const [order] = await db.select().from(orders).where(eq(orders.id, o.orderId));
      expect(order).toMatchObject({ totalAmount: sum, currency });
      const [payment] = await db.select().from(payments).where(eq(payments.orderId, o.orderId));
      expect(payment).toMatchObject({ amount: sum, currency });
      const [sim] = await db.select().from(simPayments).where(eq(simPayments.id, o.paymentId));
      expect(sim).toMatchObject({ amount: sum, currency });
      await o.provider.confirm(o.paymentId, "succeed");
      expect(await statusOf(o.orderId)).toBe("paid");
      const [purchases] = await db
        .select({ v: sql<number>`coalesce(sum(${events.value}), 0)::int` })
        .from(events)
        .where(and(eq(events.type, "purchase"), sql`${events.props}->>'orderId' = ${o.orderId}`));
      expect(Number(purchases?.v)).toBe(sum);
      expect(
        await db
          .select()
          .from(payments)
          .where(and(eq(payments.orderId, o.orderId), eq(payments.status, "succeeded"))),
      ).toHaveLength(1);
    });
  }
});
