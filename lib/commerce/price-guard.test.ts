/**
 * placeOrder's optional price guard: with `expectedTotals` (what the buyer was shown), an order whose
 * computed total differs is refused as price_changed before any payment, writing nothing; without it
 * placeOrder behaves as the contract always said.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { offers, orderLines, orders, products, simPayments } from "@/db/schema";
import { setUpFixtureDatabase } from "@/test/fixture-db";
import { placeOrder } from "./checkout";
import {
  checkoutSnapshot,
  createArtwork,
  createCourse,
  createUsers,
  fixtureTag,
  inProcessSimProvider,
  stockOf,
} from "./fixtures";

let db: Db;
let creatorId: string;
const tag = fixtureTag();

setUpFixtureDatabase(tag, (fx) => {
  db = fx.db;
  creatorId = fx.creator.creatorId;
});

const key = () => `guard-${randomUUID()}`;
const setPrice = (productId: string, priceAmount: number) =>
  db.update(products).set({ priceAmount }).where(eq(products.id, productId));
const totalOf = async (orderId: string) =>
  (
    await db.select({ total: orders.totalAmount, currency: orders.currency }).from(orders).where(eq(orders.id, orderId))
  )[0];

describe("placeOrder with expectedTotals", () => {
  it("refuses with price_changed when a price changed after the buyer saw it: no payment, no stock taken, nothing written", async () => {
    const artwork = await createArtwork(db, tag, { creatorId, editionSize: 3, priceAmount: 20_000 });
    const course = await createCourse(db, tag, { creatorId, priceAmount: 4_900 });
    const [buyer] = await createUsers(db, `${tag}a`, 1);
    const lines = [
      { productId: artwork, quantity: 2 },
      { productId: course.productId, quantity: 1 },
    ];
    const shown = { USD: 2 * 20_000 + 4_900 };
    await setPrice(artwork, 25_000);

    const { provider } = inProcessSimProvider();
    const paymentsAtProvider = async () => (await db.select().from(simPayments)).length;
    const atProvider = await paymentsAtProvider();
    const before = await checkoutSnapshot(db);
    const result = await placeOrder(
      { userId: buyer!, lines, idempotencyKey: key(), expectedTotals: shown },
      { provider },
    );
    expect(result).toMatchObject({ ok: false, code: "price_changed" });
    expect(await checkoutSnapshot(db)).toEqual(before);
    expect(await stockOf(db, artwork)).toBe(3);
    expect(await paymentsAtProvider()).toBe(atProvider);

    // Shown the new total, the buyer confirms it and the order goes through at that total.
    const retry = await placeOrder(
      { userId: buyer!, lines, idempotencyKey: key(), expectedTotals: { USD: 2 * 25_000 + 4_900 } },
      { provider },
    );
    expect(retry.ok).toBe(true);
    if (!retry.ok) return;
    expect(await totalOf(retry.orderId)).toEqual({ total: 54_900, currency: "USD" });
    expect(await stockOf(db, artwork)).toBe(1);
    // One payment created at the provider, for exactly the confirmed total.
    expect(await paymentsAtProvider()).toBe(atProvider + 1);
    const [created] = await db.select().from(simPayments).where(eq(simPayments.merchantReference, retry.orderId));
    expect(created).toMatchObject({ amount: 54_900, currency: "USD" });
  });

  it("places the order when the totals are the ones shown", async () => {
    const artwork = await createArtwork(db, tag, { creatorId, editionSize: 2, priceAmount: 12_345 });
    const [buyer] = await createUsers(db, `${tag}b`, 1);
    const result = await placeOrder({
      userId: buyer!,
      lines: [{ productId: artwork, quantity: 2 }],
      idempotencyKey: key(),
      expectedTotals: { USD: 24_690 },
    });
    expect(result.ok).toBe(true);
    if (result.ok) expect(await totalOf(result.orderId)).toEqual({ total: 24_690, currency: "USD" });
    expect(await stockOf(db, artwork)).toBe(0);
  });

  it("also refuses a lower price, another currency or an extra currency: the buyer confirms exactly what is charged", async () => {
    const artwork = await createArtwork(db, tag, { creatorId, editionSize: 5, priceAmount: 10_000 });
    const [buyer] = await createUsers(db, `${tag}c`, 1);
    const lines = [{ productId: artwork, quantity: 1 }];
    const before = await checkoutSnapshot(db);
    for (const expectedTotals of [{ USD: 11_000 }, { USD: 9_999 }, { EUR: 10_000 }, { USD: 10_000, EUR: 0 }] as Record<
      string,
      number
    >[])
      expect(await placeOrder({ userId: buyer!, lines, idempotencyKey: key(), expectedTotals })).toMatchObject({
        ok: false,
        code: "price_changed",
      });
    expect(await checkoutSnapshot(db)).toEqual(before);
  });

  it("counts a reserved piece at the agreed price, and refuses when the hold expired since the buyer looked", async () => {
    const artwork = await createArtwork(db, tag, { creatorId, priceAmount: 30_000 });
    const [buyer] = await createUsers(db, `${tag}d`, 1);
    const [offer] = await db
      .insert(offers)
      .values({
        productId: artwork,
        buyerId: buyer!,
        amount: 24_000,
        currency: "USD",
        status: "accepted",
        reservedUntil: new Date(Date.now() + 3_600_000),
      })
      .returning({ id: offers.id });
    const lines = [{ productId: artwork, quantity: 1 }];
    // The hold runs out between viewing the checkout (24,000 shown) and pressing the button.
    await db
      .update(offers)
      .set({ reservedUntil: new Date(Date.now() - 1000) })
      .where(eq(offers.id, offer!.id));
    expect(
      await placeOrder({ userId: buyer!, lines, idempotencyKey: key(), expectedTotals: { USD: 24_000 } }),
    ).toMatchObject({ ok: false, code: "price_changed" });
    expect(await stockOf(db, artwork)).toBe(1);
    const atList = await placeOrder({ userId: buyer!, lines, idempotencyKey: key(), expectedTotals: { USD: 30_000 } });
    expect(atList.ok).toBe(true);
  });

  it("behaves as before without expectedTotals: the current database price is charged", async () => {
    const artwork = await createArtwork(db, tag, { creatorId, priceAmount: 8_000 });
    const [buyer] = await createUsers(db, `${tag}e`, 1);
    await setPrice(artwork, 9_000);
    const result = await placeOrder({
      userId: buyer!,
      lines: [{ productId: artwork, quantity: 1 }],
      idempotencyKey: key(),
    });
    expect(result.ok).toBe(true);
    if (result.ok) expect((await totalOf(result.orderId))?.total).toBe(9_000);
  });

  it("returns the first order for a repeated key, whatever totals come with the repeat", async () => {
    const artwork = await createArtwork(db, tag, { creatorId, editionSize: 2, priceAmount: 5_000 });
    const [buyer] = await createUsers(db, `${tag}f`, 1);
    const k = key();
    const first = await placeOrder({
      userId: buyer!,
      lines: [{ productId: artwork, quantity: 1 }],
      idempotencyKey: k,
      expectedTotals: { USD: 5_000 },
    });
    expect(first.ok).toBe(true);
    await setPrice(artwork, 6_000);
    expect(
      await placeOrder({
        userId: buyer!,
        lines: [{ productId: artwork, quantity: 1 }],
        idempotencyKey: k,
        expectedTotals: { USD: 5_000 },
      }),
    ).toEqual(first);
    expect(await stockOf(db, artwork)).toBe(1);
  });

  it("refuses malformed totals as invalid, writing nothing", async () => {
    const artwork = await createArtwork(db, tag, { creatorId, priceAmount: 1_000 });
    const [buyer] = await createUsers(db, `${tag}g`, 1);
    const before = await checkoutSnapshot(db);
    for (const expectedTotals of [
      {},
      { USD: -1 },
      { USD: 10.5 },
      { usd: 1_000 },
      { USD: "1000" },
      { DOLLARS: 1_000 },
      { USD: Number.POSITIVE_INFINITY },
      [1_000],
      "USD:1000",
      null,
    ])
      expect(
        await placeOrder({
          userId: buyer!,
          lines: [{ productId: artwork, quantity: 1 }],
          idempotencyKey: key(),
          expectedTotals,
        } as never),
      ).toMatchObject({ ok: false, code: "invalid" });
    expect(await checkoutSnapshot(db)).toEqual(before);
  });

  it("keeps the no-oversell guarantee: of 20 concurrent buyers of an edition of 5, half with stale totals, exactly 5 with current totals buy", async () => {
    const artwork = await createArtwork(db, tag, { creatorId, editionSize: 5, priceAmount: 10_000 });
    const buyers = await createUsers(db, `${tag}h`, 20);
    await setPrice(artwork, 11_000);
    const results = await Promise.all(
      buyers.map((userId, i) =>
        placeOrder({
          userId,
          lines: [{ productId: artwork, quantity: 1 }],
          idempotencyKey: key(),
          expectedTotals: { USD: i % 2 === 0 ? 11_000 : 10_000 },
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(
      results.every((r, i) =>
        i % 2 === 0
          ? r.ok || r.code === "out_of_stock"
          : !r.ok && (r.code === "price_changed" || r.code === "out_of_stock"),
      ),
    ).toBe(true);
    expect(await stockOf(db, artwork)).toBe(0);
    const sold = await db
      .select({ total: orders.totalAmount })
      .from(orders)
      .innerJoin(orderLines, eq(orderLines.orderId, orders.id))
      .where(eq(orderLines.productId, artwork));
    expect(sold.map((s) => s.total)).toEqual([11_000, 11_000, 11_000, 11_000, 11_000]);
  });
});
