/**
 * The checkout action sends the totals the page showed: a price changed since then is answered with a
 * price_changed form message and a redrawn page, nothing bought or charged; pressing again with the
 * redrawn totals buys. A form without readable totals is never charged blind.
 */
import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { artworkDetails, cartItems, orders, payments, products } from "@/db/schema";
import type { AccountUser } from "@/lib/auth/accounts";
import { addToCart, getCart } from "@/lib/commerce/cart";
import { createArtwork, createUsers, fixtureTag } from "@/lib/commerce/fixtures";
import { setUpFixtureDatabase } from "@/test/fixture-db";
import { signInAs } from "@/test/session-mock";

const session = vi.hoisted(() => ({ refreshes: 0 }));
vi.mock("@/lib/server/session", () => import("@/test/session-mock"));
vi.mock("next/cache", () => ({
  refresh: () => {
    session.refreshes += 1;
  },
}));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`NEXT_REDIRECT ${url}`);
  },
}));

const { placeOrderAction } = await import("./checkout");

let db: Db;
let creatorId: string;
const tag = fixtureTag();

setUpFixtureDatabase(tag, (fx) => {
  db = fx.db;
  creatorId = fx.creator.creatorId;
});
beforeEach(() => {
  session.refreshes = 0;
});

const form = (fields: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
};
/** What the checkout page puts in the form's hidden field. */
const shownTotals = async (userId: string) =>
  JSON.stringify(Object.fromEntries((await getCart({ userId })).subtotals.map((s) => [s.currency, s.amount])));
const state = async (productId: string) => ({
  orders: (await db.select({ n: count() }).from(orders))[0]!.n,
  payments: (await db.select({ n: count() }).from(payments))[0]!.n,
  stock: (
    await db.select({ stock: artworkDetails.stock }).from(artworkDetails).where(eq(artworkDetails.productId, productId))
  )[0]?.stock,
  cart: (await db.select({ n: count() }).from(cartItems))[0]!.n,
});

async function buyerWithCart(n: string, priceAmount: number) {
  const artwork = await createArtwork(db, tag, { creatorId, editionSize: 4, priceAmount });
  const [id] = await createUsers(db, `${tag}${n}`, 1);
  const buyer: AccountUser = { id: id!, email: `${n}@x`, name: n, role: "consumer" };
  expect(await addToCart({ userId: buyer.id }, artwork, 2)).toEqual({ ok: true });
  return { artwork, buyer };
}

describe("placeOrderAction price guard", () => {
  it("answers price_changed and redraws the page when a price changed after the page was shown; the redrawn totals then buy", async () => {
    const { artwork, buyer } = await buyerWithCart("a", 10_000);
    signInAs(buyer);
    const shown = await shownTotals(buyer.id);
    expect(JSON.parse(shown)).toEqual({ USD: 20_000 });
    await db.update(products).set({ priceAmount: 12_500 }).where(eq(products.id, artwork));

    const before = await state(artwork);
    const firstKey = randomUUID();
    const refused = await placeOrderAction(null, form({ idempotencyKey: firstKey, expectedTotals: shown }));
    expect(refused).toMatchObject({ ok: false, error: "checkout.errors.price_changed" });
    // A fresh key for the next attempt, and the page is drawn again with the current prices.
    expect(refused?.values?.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(refused?.values?.idempotencyKey).not.toBe(firstKey);
    expect(session.refreshes).toBe(1);
    expect(await state(artwork)).toEqual(before);

    const redrawn = await shownTotals(buyer.id);
    expect(JSON.parse(redrawn)).toEqual({ USD: 25_000 });
    await expect(
      placeOrderAction(null, form({ idempotencyKey: refused!.values!.idempotencyKey!, expectedTotals: redrawn })),
    ).rejects.toThrow(/NEXT_REDIRECT \/pay\/sim\/simpay_[0-9a-f]{24}$/);
    const [order] = await db.select().from(orders).where(eq(orders.userId, buyer.id));
    expect(order).toMatchObject({ totalAmount: 25_000, currency: "USD" });
    expect((await state(artwork)).stock).toBe(2);
  });

  it("buys at once when nothing changed", async () => {
    const { artwork, buyer } = await buyerWithCart("b", 7_000);
    signInAs(buyer);
    await expect(
      placeOrderAction(null, form({ idempotencyKey: randomUUID(), expectedTotals: await shownTotals(buyer.id) })),
    ).rejects.toThrow(/NEXT_REDIRECT/);
    expect((await state(artwork)).stock).toBe(2);
  });

  it("never charges a form without readable totals: price_changed, nothing written", async () => {
    const { artwork, buyer } = await buyerWithCart("c", 5_000);
    signInAs(buyer);
    const before = await state(artwork);
    for (const expectedTotals of [
      undefined,
      "",
      "not json",
      '{"USD":-5}',
      '{"USD":1.5}',
      "{}",
      "[10000]",
      '{"__proto__":{"USD":10000}}',
      "9".repeat(5_000),
    ]) {
      const fields: Record<string, string> = { idempotencyKey: randomUUID() };
      if (expectedTotals !== undefined) fields.expectedTotals = expectedTotals;
      expect(await placeOrderAction(null, form(fields))).toMatchObject({
        ok: false,
        error: "checkout.errors.price_changed",
      });
    }
    expect(await state(artwork)).toEqual(before);
  });

  it("refuses signed-out requests without writing", async () => {
    const { artwork, buyer } = await buyerWithCart("d", 5_000);
    const shown = await shownTotals(buyer.id);
    signInAs(null);
    const before = await state(artwork);
    expect(await placeOrderAction(null, form({ idempotencyKey: randomUUID(), expectedTotals: shown }))).toEqual({
      ok: false,
      error: "sign_in_required",
    });
    expect(await state(artwork)).toEqual(before);
  });
});
