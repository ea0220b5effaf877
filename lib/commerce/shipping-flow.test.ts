/**
 * Shipping end to end on the database: an original and a course shipped to a saved address make a
 * shipping line per creator and an included VAT line, the payment asks for their sum, the order keeps
 * its address and one fulfilment per creator; the creator (and only they) marks it shipped, the buyer
 * is mailed in that transaction, and the last part shipped fulfils the order; a shipped part (and only
 * that) is marked delivered by its creator, and the buyer is mailed again.
 */
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import {
  addresses,
  creators,
  fulfilments,
  orderAddresses,
  orderLines,
  orders,
  outbox,
  payments,
  shippingRates,
  users,
} from "@/db/schema";
import { setUpFixtureDatabase } from "@/test/fixture-db";
import { placeOrder } from "./checkout";
import { createArtwork, createCourse, createCreator, createUsers, fixtureTag, placeAndPay } from "./fixtures";
import {
  listFulfilmentsForCreator,
  listFulfilmentsForOrder,
  markFulfilmentDelivered,
  markFulfilmentShipped,
} from "./fulfilments";
import { orderTotal } from "./order-math";
import { saveAddress } from "./shipping-store";

let db: Db;
const tag = fixtureTag();
let gb: { creatorId: string; userId: string };
let de: { creatorId: string; userId: string };
const key = () => `ship-${randomUUID()}`;
const london = {
  name: "Ada Lovelace",
  line1: "12 St James's Square",
  line2: "",
  city: "London",
  region: "",
  postalCode: "SW1Y 4JH",
  country: "GB",
  phone: "+44 20 7946 0000",
};

async function setRates(creatorId: string, country: string, rates: (typeof shippingRates.$inferInsert)[]) {
  await db.update(creators).set({ country }).where(eq(creators.id, creatorId));
  await db.delete(shippingRates).where(eq(shippingRates.creatorId, creatorId));
  await db.insert(shippingRates).values(rates);
}

setUpFixtureDatabase(tag, async (fx) => {
  db = fx.db;
  gb = fx.creator;
  de = await createCreator(db, tag, 1);
  await setRates(gb.creatorId, "GB", [
    {
      creatorId: gb.creatorId,
      zone: "domestic",
      method: "flat",
      currency: "GBP",
      flatAmount: 1500,
      insurancePpm: 10_000,
    },
  ]);
  await setRates(de.creatorId, "DE", [
    {
      creatorId: de.creatorId,
      zone: "region",
      method: "size_band",
      currency: "GBP",
      smallAmount: 2500,
      mediumAmount: 6000,
      largeAmount: 15000,
    },
  ]);
});

async function buyerInLondon(): Promise<{ userId: string; addressId: string }> {
  const [userId] = (await createUsers(db, `${tag}${randomUUID().slice(0, 4)}`, 1)) as [string];
  await db.delete(addresses).where(eq(addresses.userId, userId));
  return { userId, addressId: await saveAddress(db, { userId, address: london }) };
}

describe("an order that ships", () => {
  it("charges shipping per creator and an included VAT line; the payment is the sum of the lines", async () => {
    const original = await createArtwork(db, tag, { creatorId: gb.creatorId, priceAmount: 100_000, currency: "GBP" });
    const print = await createArtwork(db, tag, {
      creatorId: de.creatorId,
      priceAmount: 20_000,
      currency: "GBP",
      editionSize: 20,
    });
    const course = await createCourse(db, tag, { creatorId: gb.creatorId, priceAmount: 4_900, currency: "GBP" });
    const buyer = await buyerInLondon();
    const placed = await placeOrder({
      userId: buyer.userId,
      lines: [
        { productId: original, quantity: 1 },
        { productId: print, quantity: 1 },
        { productId: course.productId, quantity: 1 },
      ],
      idempotencyKey: key(),
      shippingAddressId: buyer.addressId,
      // Items 124,900 + GB shipping 1,500 + 1% insurance 1,000 + DE small band 2,500; VAT is inside.
      expectedTotals: { GBP: 129_900 },
    });
    if (!placed.ok) throw new Error(placed.message);
    const lines = await db.select().from(orderLines).where(eq(orderLines.orderId, placed.orderId));
    const charges = lines.filter((l) => l.kind !== "item").map((l) => [l.kind, l.creatorId, l.unitAmount, l.included]);
    expect(charges).toEqual(
      expect.arrayContaining([
        ["shipping", gb.creatorId, 2500, false],
        ["shipping", de.creatorId, 2500, false],
        // 20% VAT inside 129,900: 129,900 / 6 = 21,650.
        ["tax", null, 21_650, true],
      ]),
    );
    expect(lines.find((l) => l.productId === print)).toMatchObject({ editionNumber: 1, editionSize: 20 });
    const [order] = await db.select().from(orders).where(eq(orders.id, placed.orderId));
    expect(order!.totalAmount).toBe(orderTotal(lines).amount);
    expect(order!.totalAmount).toBe(129_900);
    const [payment] = await db.select().from(payments).where(eq(payments.orderId, placed.orderId));
    expect(payment).toMatchObject({ amount: 129_900, currency: "GBP" });
    const [copy] = await db.select().from(orderAddresses).where(eq(orderAddresses.orderId, placed.orderId));
    expect(copy).toMatchObject({ city: "London", postalCode: "SW1Y 4JH", country: "GB" });
    const parts = await db.select().from(fulfilments).where(eq(fulfilments.orderId, placed.orderId));
    expect(parts.map((p) => p.creatorId).sort()).toEqual([gb.creatorId, de.creatorId].sort());
  });

  it("refuses another buyer's address, a missing one, and a destination a creator does not serve", async () => {
    const art = await createArtwork(db, tag, { creatorId: de.creatorId, priceAmount: 20_000, currency: "GBP" });
    const buyer = await buyerInLondon();
    const stranger = await buyerInLondon();
    const lines = [{ productId: art, quantity: 1 }];
    expect(
      await placeOrder({ userId: buyer.userId, lines, idempotencyKey: key(), shippingAddressId: stranger.addressId }),
    ).toMatchObject({ ok: false, code: "address_required" });
    await db.delete(addresses).where(eq(addresses.userId, buyer.userId));
    expect(await placeOrder({ userId: buyer.userId, lines, idempotencyKey: key() })).toMatchObject({
      ok: false,
      code: "address_required",
    });
    const tokyo = await saveAddress(db, {
      userId: buyer.userId,
      address: { ...london, city: "Tokyo", region: "Tokyo", postalCode: "100-0001", country: "JP" },
    });
    const refused = await placeOrder({ userId: buyer.userId, lines, idempotencyKey: key(), shippingAddressId: tokyo });
    expect(refused).toMatchObject({ ok: false, code: "no_shipping", item: { title: `${tag} creator 1` } });
    // Nothing was taken: the stock is whole and no order row stayed behind.
    const mine = await db.select().from(orders).where(eq(orders.userId, buyer.userId));
    expect(mine).toHaveLength(0);
  });
});

describe("fulfilment", () => {
  it("lets only the creator mark their part shipped, mails the buyer, and fulfils the order at the last part", async () => {
    const a = await createArtwork(db, tag, { creatorId: gb.creatorId, priceAmount: 30_000, currency: "GBP" });
    const b = await createArtwork(db, tag, { creatorId: de.creatorId, priceAmount: 30_000, currency: "GBP" });
    const buyer = await buyerInLondon();
    const placed = await placeAndPay(db, {
      userId: buyer.userId,
      lines: [
        { productId: a, quantity: 1 },
        { productId: b, quantity: 1 },
      ],
      idempotencyKey: key(),
      shippingAddressId: buyer.addressId,
    });
    if (!placed.ok) throw new Error(placed.message);
    const parts = await listFulfilmentsForOrder({ orderId: placed.orderId });
    const gbPart = (await listFulfilmentsForCreator({ creatorId: gb.creatorId })).find(
      (f) => f.orderId === placed.orderId,
    );
    const dePart = (await listFulfilmentsForCreator({ creatorId: de.creatorId })).find(
      (f) => f.orderId === placed.orderId,
    );
    expect(parts.map((p) => p.status)).toEqual(["pending", "pending"]);
    expect(gbPart?.address?.lines).toContain("GB");
    const input = (id: string) => ({ fulfilmentId: id, carrier: "Royal Mail", trackingNumber: "RM123456789GB" });

    // The other creator and the buyer cannot; it reads as not found.
    expect(await markFulfilmentShipped(de.userId, input(gbPart!.id))).toEqual({ ok: false, code: "not_found" });
    expect(await markFulfilmentShipped(buyer.userId, input(gbPart!.id))).toEqual({ ok: false, code: "not_found" });

    expect(await markFulfilmentShipped(gb.userId, input(gbPart!.id))).toEqual({ ok: true, orderFulfilled: false });
    expect(await markFulfilmentShipped(gb.userId, input(gbPart!.id))).toEqual({ ok: false, code: "already_shipped" });
    const [email] = await db.select({ email: users.email }).from(users).where(eq(users.id, buyer.userId));
    const mails = await db
      .select()
      .from(outbox)
      .where(sql`${outbox.payload}->>'to' = ${email!.email} and ${outbox.payload}->>'text' like '%RM123456789GB%'`);
    expect(mails).toHaveLength(1);

    expect(await markFulfilmentShipped(de.userId, input(dePart!.id))).toEqual({ ok: true, orderFulfilled: true });
    const [order] = await db.select().from(orders).where(eq(orders.id, placed.orderId));
    expect(order).toMatchObject({ status: "fulfilled" });
    expect((await listFulfilmentsForOrder({ orderId: placed.orderId })).map((p) => p.trackingNumber)).toEqual([
      "RM123456789GB",
      "RM123456789GB",
    ]);
  });

  it("does not ship an order that is not paid", async () => {
    const a = await createArtwork(db, tag, { creatorId: gb.creatorId, priceAmount: 30_000, currency: "GBP" });
    const buyer = await buyerInLondon();
    const placed = await placeOrder({
      userId: buyer.userId,
      lines: [{ productId: a, quantity: 1 }],
      idempotencyKey: key(),
    });
    if (!placed.ok) throw new Error(placed.message);
    const [part] = await db.select().from(fulfilments).where(eq(fulfilments.orderId, placed.orderId));
    expect(
      await markFulfilmentShipped(gb.userId, { fulfilmentId: part!.id, carrier: "DHL", trackingNumber: "1234567890" }),
    ).toEqual({ ok: false, code: "not_paid" });
  });
});

describe("delivery", () => {
  it("marks a shipped part delivered, by its creator only, once; the buyer sees the date and is mailed", async () => {
    const a = await createArtwork(db, tag, { creatorId: gb.creatorId, priceAmount: 30_000, currency: "GBP" });
    const buyer = await buyerInLondon();
    const placed = await placeAndPay(db, {
      userId: buyer.userId,
      lines: [{ productId: a, quantity: 1 }],
      idempotencyKey: key(),
      shippingAddressId: buyer.addressId,
    });
    if (!placed.ok) throw new Error(placed.message);
    const [part] = await listFulfilmentsForOrder({ orderId: placed.orderId });
    const deliver = (userId: string) => markFulfilmentDelivered(userId, { fulfilmentId: part!.id }, arrived);
    const arrived = new Date("2026-12-01T10:00:00Z");

    // Not before it was shipped.
    expect(await deliver(gb.userId)).toEqual({ ok: false, code: "not_shipped" });
    await markFulfilmentShipped(gb.userId, {
      fulfilmentId: part!.id,
      carrier: "DPD",
      trackingNumber: "15501234567890",
    });
    // Anyone but its creator reads it as not found, the buyer included.
    expect(await deliver(de.userId)).toEqual({ ok: false, code: "not_found" });
    expect(await deliver(buyer.userId)).toEqual({ ok: false, code: "not_found" });

    expect(await deliver(gb.userId)).toEqual({ ok: true });
    expect(await deliver(gb.userId)).toEqual({ ok: false, code: "already_delivered" });
    const [after] = await listFulfilmentsForOrder({ orderId: placed.orderId });
    expect(after).toMatchObject({ status: "delivered", deliveredAt: arrived, trackingNumber: "15501234567890" });
    // The order was fulfilled when its only part was shipped, and delivery leaves it so.
    const [order] = await db.select().from(orders).where(eq(orders.id, placed.orderId));
    expect(order).toMatchObject({ status: "fulfilled" });
    const [email] = await db.select({ email: users.email }).from(users).where(eq(users.id, buyer.userId));
    const mails = await db
      .select()
      .from(outbox)
      .where(sql`${outbox.payload}->>'to' = ${email!.email} and ${outbox.payload}->>'subject' like '%delivered%'`);
    expect(mails).toHaveLength(1);
  });

  it("does not deliver the part of an order that is not paid", async () => {
    const a = await createArtwork(db, tag, { creatorId: gb.creatorId, priceAmount: 30_000, currency: "GBP" });
    const buyer = await buyerInLondon();
    const placed = await placeOrder({
      userId: buyer.userId,
      lines: [{ productId: a, quantity: 1 }],
      idempotencyKey: key(),
    });
    if (!placed.ok) throw new Error(placed.message);
    const [part] = await db.select().from(fulfilments).where(eq(fulfilments.orderId, placed.orderId));
    expect(await markFulfilmentDelivered(gb.userId, { fulfilmentId: part!.id })).toEqual({
      ok: false,
      code: "not_paid",
    });
  });
});
