/**
 * The checkout action tells the buyer what happened: a retried key that already made an order goes to
 * that order (not "your cart is empty"), an item that sold out is named, also when it was the only
 * one, and a total above the payment limit gets its own message. The offer form refuses an absurd
 * amount with a message on the field.
 */
import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { offers, orders, products } from "@/db/schema";
import type { AccountUser } from "@/lib/auth/accounts";
import { addToCart, getCart } from "@/lib/commerce/cart";
import { placeOrder } from "@/lib/commerce/checkout";
import { createArtwork, createUsers, fixtureTag, inProcessSimProvider } from "@/lib/commerce/fixtures";
import { setPaymentProvider } from "@/lib/commerce/providers";
import { setUpFixtureDatabase } from "@/test/fixture-db";
import { signInAs } from "@/test/session-mock";

vi.mock("@/lib/server/session", () => import("@/test/session-mock"));
vi.mock("next/cache", () => ({ refresh: () => undefined }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`NEXT_REDIRECT ${url}`);
  },
}));
vi.mock("next-intl/server", () => ({ getLocale: async () => "zh" }));

const { placeOrderAction } = await import("./checkout");
const { makeOfferAction } = await import("./offers");

let db: Db;
let creatorId: string;
const tag = fixtureTag();

// The provider the action uses, with its webhooks applied in-process instead of posted to SITE_URL.
const sim = inProcessSimProvider();
setPaymentProvider(sim.provider);

setUpFixtureDatabase(tag, (fx) => {
  db = fx.db;
  creatorId = fx.creator.creatorId;
});

const form = (fields: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
};
async function signIn(n: string): Promise<AccountUser> {
  const [id] = (await createUsers(db, `${tag}${n}`, 1)) as [string];
  const user: AccountUser = { id, email: `${n}@x`, name: n, role: "consumer" };
  signInAs(user);
  return user;
}
const shownTotals = async (userId: string) =>
  JSON.stringify(Object.fromEntries((await getCart({ userId })).subtotals.map((s) => [s.currency, s.amount])));
const titleOf = async (productId: string) =>
  (await db.select({ title: products.title }).from(products).where(eq(products.id, productId)))[0]!.title;
const orderCount = async () => (await db.select({ n: count() }).from(orders))[0]!.n;

describe("placeOrderAction answers honestly", () => {
  it("sends a retry of a key that already made an order to its payment page, then, once paid, to the order", async () => {
    const buyer = await signIn("retry");
    const art = await createArtwork(db, tag, { creatorId });
    await addToCart({ userId: buyer.id }, art, 1);
    const idempotencyKey = randomUUID();
    const fields = { idempotencyKey, expectedTotals: await shownTotals(buyer.id) };
    const first = await placeOrderAction(null, form(fields)).catch((e: Error) => e.message);
    const paymentId = /NEXT_REDIRECT \/pay\/sim\/(simpay_[0-9a-f]{24})$/.exec(String(first))?.[1];
    expect(paymentId).toBeDefined();
    const before = await orderCount();
    await expect(placeOrderAction(null, form(fields))).rejects.toThrow(`NEXT_REDIRECT /pay/sim/${paymentId}`);
    expect(await orderCount()).toBe(before);
    // Paid on the provider's page; the cart is empty now, and the same key still goes to the order it made.
    await sim.provider.confirm(paymentId!, "succeed");
    const [order] = await db
      .select({ id: orders.id, status: orders.status })
      .from(orders)
      .where(eq(orders.userId, buyer.id));
    expect(order?.status).toBe("paid");
    expect((await getCart({ userId: buyer.id })).lines).toHaveLength(0);
    await expect(placeOrderAction(null, form(fields))).rejects.toThrow(
      `NEXT_REDIRECT /zh/orders/${order!.id}?placed=1`,
    );
    expect(await orderCount()).toBe(before);
  });

  it("names the item that sold out when it was the only one in the cart", async () => {
    const buyer = await signIn("only");
    const art = await createArtwork(db, tag, { creatorId, editionSize: 1 });
    await addToCart({ userId: buyer.id }, art, 1);
    const shown = await shownTotals(buyer.id);
    const [rival] = (await createUsers(db, `${tag}rival`, 1)) as [string];
    expect(
      (await placeOrder({ userId: rival, lines: [{ productId: art, quantity: 1 }], idempotencyKey: randomUUID() })).ok,
    ).toBe(true);
    const result = await placeOrderAction(null, form({ idempotencyKey: randomUUID(), expectedTotals: shown }));
    expect(result).toMatchObject({
      ok: false,
      error: "checkout.errors.sold_out_only",
      values: { item: await titleOf(art) },
    });
  });

  it("names the item that sold out among others, and buys nothing", async () => {
    const buyer = await signIn("among");
    const gone = await createArtwork(db, tag, { creatorId, editionSize: 1 });
    const stays = await createArtwork(db, tag, { creatorId, editionSize: 3 });
    await addToCart({ userId: buyer.id }, gone, 1);
    await addToCart({ userId: buyer.id }, stays, 1);
    const shown = await shownTotals(buyer.id);
    const [rival] = (await createUsers(db, `${tag}rival2`, 1)) as [string];
    expect(
      (await placeOrder({ userId: rival, lines: [{ productId: gone, quantity: 1 }], idempotencyKey: randomUUID() })).ok,
    ).toBe(true);
    const before = await orderCount();
    const result = await placeOrderAction(null, form({ idempotencyKey: randomUUID(), expectedTotals: shown }));
    expect(result).toMatchObject({
      ok: false,
      error: "checkout.errors.sold_out",
      values: { item: await titleOf(gone) },
    });
    expect(await orderCount()).toBe(before);
  });

  it("refuses a total above the payment limit with its own message and the limit in the buyer's language", async () => {
    const buyer = await signIn("big");
    const art = await createArtwork(db, tag, { creatorId, priceAmount: 30_000_000, editionSize: 100 });
    await addToCart({ userId: buyer.id }, art, 100);
    const before = await orderCount();
    const result = await placeOrderAction(
      null,
      form({ idempotencyKey: randomUUID(), expectedTotals: await shownTotals(buyer.id) }),
    );
    expect(result).toMatchObject({
      ok: false,
      error: "checkout.errors.amount_too_large",
      values: { max: "US$999,999.99" },
    });
    expect(await orderCount()).toBe(before);
  });
});

describe("makeOfferAction", () => {
  it("refuses an absurd amount with a message on the amount field", async () => {
    const buyer = await signIn("offer");
    const art = await createArtwork(db, tag, { creatorId, priceAmount: 100_000 });
    for (const amount of ["99999999999999999999", "999999999", "12345678901.50"]) {
      const result = await makeOfferAction(null, form({ productId: art, amount, message: "" }));
      expect(result).toMatchObject({
        ok: false,
        fieldErrors: { amount: "offers.errors.amount_too_large" },
        values: { amount },
      });
    }
    expect(await db.select().from(offers).where(eq(offers.buyerId, buyer.id))).toEqual([]);
  });
});
