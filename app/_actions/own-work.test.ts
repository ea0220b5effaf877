/**
 * A creator cannot buy their own work: not through the cart, not through checkout, not hidden in a
 * bundle, whether they call the lib or the server actions. Someone else's work stays buyable for them.
 */
import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { artworkDetails, cartItems, carts, enrollments, orders } from "@/db/schema";
import type { AccountUser } from "@/lib/auth/accounts";
import { addToCart, getCart } from "@/lib/commerce/cart";
import { placeOrder } from "@/lib/commerce/checkout";
import {
  createArtwork,
  createBundle,
  createCourse,
  createCreator,
  createUsers,
  fixtureTag,
} from "@/lib/commerce/fixtures";
import { getPurchaseState } from "@/lib/commerce/purchase-state";
import { setUpFixtureDatabase } from "@/test/fixture-db";
import { signInAs } from "@/test/session-mock";

vi.mock("@/lib/server/session", () => import("@/test/session-mock"));
vi.mock("next/cache", () => ({ refresh: () => undefined, revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined, set: () => undefined }) }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`NEXT_REDIRECT ${url}`);
  },
}));

const { addToCartAction } = await import("./cart");
const { placeOrderAction } = await import("./checkout");

let db: Db;
const tag = fixtureTag();
let creator: AccountUser;
let course: string;
let artwork: string;
let othersCourse: string;
let bundle: string;

setUpFixtureDatabase(tag, async (fx) => {
  db = fx.db;
  const mine = fx.creator;
  const theirs = await createCreator(db, tag, 1);
  creator = { id: mine.userId, email: "c@x", name: "C", role: "creator" };
  course = (await createCourse(db, tag, { creatorId: mine.creatorId })).productId;
  artwork = await createArtwork(db, tag, { creatorId: mine.creatorId, editionSize: 5 });
  othersCourse = (await createCourse(db, tag, { creatorId: theirs.creatorId })).productId;
  // A co-branded bundle sold by the other creator that contains this creator's artwork.
  bundle = await createBundle(db, tag, { creatorId: theirs.creatorId, items: [othersCourse, artwork] });
});

const form = (fields: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
};
const key = () => `own-${randomUUID()}`;
const stock = async () =>
  (
    await db.select({ stock: artworkDetails.stock }).from(artworkDetails).where(eq(artworkDetails.productId, artwork))
  )[0]!.stock;
const ordersOf = async (userId: string) =>
  (await db.select({ n: count() }).from(orders).where(eq(orders.userId, userId)))[0]!.n;

describe("buying one's own work", () => {
  it("placeOrder refuses it with own_product and writes nothing, bundles included", async () => {
    for (const lines of [
      [{ productId: course, quantity: 1 }],
      [{ productId: artwork, quantity: 1 }],
      [{ productId: bundle, quantity: 1 }],
      [
        { productId: othersCourse, quantity: 1 },
        { productId: artwork, quantity: 1 },
      ],
    ]) {
      const result = await placeOrder({ userId: creator.id, lines, idempotencyKey: key() });
      expect(result).toEqual({ ok: false, code: "own_product", message: "you cannot buy your own work" });
    }
    expect(await ordersOf(creator.id)).toBe(0);
    expect(await stock()).toBe(5);
    expect((await db.select({ n: count() }).from(enrollments).where(eq(enrollments.userId, creator.id)))[0]!.n).toBe(0);
    // Someone else's course on its own is fine.
    expect(
      (
        await placeOrder({
          userId: creator.id,
          lines: [{ productId: othersCourse, quantity: 1 }],
          idempotencyKey: key(),
        })
      ).ok,
    ).toBe(true);
  });

  it("the cart refuses it, and product pages learn it is the viewer's own work", async () => {
    const owner = { userId: creator.id };
    expect(await addToCart(owner, course)).toEqual({ ok: false, code: "own_product" });
    expect(await addToCart(owner, artwork)).toEqual({ ok: false, code: "own_product" });
    expect(await addToCart(owner, bundle)).toEqual({ ok: false, code: "own_product" });
    expect((await getPurchaseState({ productId: course, owner })).ownWork).toBe(true);
    expect((await getPurchaseState({ productId: artwork, owner })).ownWork).toBe(true);
    const [buyer] = await createUsers(db, tag, 1);
    expect((await getPurchaseState({ productId: artwork, owner: { userId: buyer! } })).ownWork).toBe(false);
    expect((await getPurchaseState({ productId: course, owner: null })).ownWork).toBe(false);
    expect(await addToCart({ userId: buyer! }, bundle)).toEqual({ ok: true });
  });

  it("the actions answer with a clear message: adding to the cart, and checking out a cart that holds it", async () => {
    signInAs(creator);
    expect(await addToCartAction(null, form({ productId: course }))).toEqual({
      ok: false,
      error: "cart.errors.own_product",
    });
    // A line that got into the cart before (e.g. from a guest cart) is flagged and blocks checkout.
    await db.insert(carts).values({ userId: creator.id }).onConflictDoNothing();
    const [cart] = await db.select({ id: carts.id }).from(carts).where(eq(carts.userId, creator.id));
    await db.insert(cartItems).values({ cartId: cart!.id, productId: course, quantity: 1 });
    const view = await getCart({ userId: creator.id });
    expect(view.lines.find((l) => l.productId === course)).toMatchObject({ ownWork: true, maxQuantity: 0 });
    const before = await ordersOf(creator.id);
    expect(await placeOrderAction(null, form({ idempotencyKey: key() }))).toMatchObject({
      ok: false,
      error: "checkout.errors.own_product",
    });
    expect(await ordersOf(creator.id)).toBe(before);
  });
});
