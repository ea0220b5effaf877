import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { carts } from "@/db/schema";
import { setUpFixtureDatabase } from "@/test/fixture-db";
import { addToCart, checkoutLines, getCart, getCartCount, mergeVisitorCart, setCartQuantity } from "./cart";
import { createArtwork, createCourse, createUsers, fixtureTag, placeAndPay } from "./fixtures";
import { newVisitorId } from "@/lib/visitor";

let db: Db;
let creatorId: string;
const tag = fixtureTag();

setUpFixtureDatabase(tag, (fx) => {
  db = fx.db;
  creatorId = fx.creator.creatorId;
});

describe("cart", () => {
  it("keeps a guest's lines, clamps artworks to stock and courses to one", async () => {
    const guest = { visitorId: newVisitorId() };
    const edition = await createArtwork(db, tag, { creatorId, editionSize: 3, priceAmount: 1000 });
    const course = await createCourse(db, tag, { creatorId, priceAmount: 500 });
    expect(await addToCart(guest, edition, 2)).toEqual({ ok: true });
    expect(await addToCart(guest, edition, 5)).toEqual({ ok: true });
    expect(await addToCart(guest, course.productId)).toEqual({ ok: true });
    expect(await addToCart(guest, course.productId)).toEqual({ ok: true });
    const cart = await getCart(guest);
    expect(cart.lines.map((l) => [l.productId, l.quantity])).toEqual([
      [edition, 3],
      [course.productId, 1],
    ]);
    expect(cart.subtotals).toEqual([{ currency: "USD", amount: 3500 }]);
    expect(await getCartCount(guest)).toBe(4);
    expect(await setCartQuantity(guest, edition, 99)).toEqual({ ok: true });
    expect((await getCart(guest)).lines[0]?.quantity).toBe(3);
    expect(await setCartQuantity(guest, edition, 0)).toEqual({ ok: true });
    expect((await getCart(guest)).lines.map((l) => l.productId)).toEqual([course.productId]);
  });

  it("refuses unknown, draft, sold-out and already-owned products", async () => {
    const [buyer] = await createUsers(db, `${tag}a`, 1);
    const owner = { userId: buyer! };
    const draft = await createArtwork(db, tag, { creatorId, status: "draft" });
    const sold = await createArtwork(db, tag, { creatorId, stock: 0 });
    const course = await createCourse(db, tag, { creatorId });
    expect(await addToCart(owner, "no-such-product")).toEqual({ ok: false, code: "not_found" });
    expect(await addToCart(owner, draft)).toEqual({ ok: false, code: "not_found" });
    expect(await addToCart(owner, sold)).toEqual({ ok: false, code: "out_of_stock" });
    expect(
      (
        await placeAndPay(db, {
          userId: buyer!,
          lines: [{ productId: course.productId, quantity: 1 }],
          idempotencyKey: `cart-${tag}-1`,
        })
      ).ok,
    ).toBe(true);
    expect(await addToCart(owner, course.productId)).toEqual({ ok: false, code: "already_owned" });
    expect(await getCartCount(owner)).toBe(0);
  });

  it("merges a guest cart into the user's cart on sign-in and deletes the guest cart", async () => {
    const [buyer] = await createUsers(db, `${tag}b`, 1);
    const guest = { visitorId: newVisitorId() };
    const edition = await createArtwork(db, tag, { creatorId, editionSize: 4 });
    const owned = await createCourse(db, tag, { creatorId });
    const course = await createCourse(db, tag, { creatorId });
    await placeAndPay(db, {
      userId: buyer!,
      lines: [{ productId: owned.productId, quantity: 1 }],
      idempotencyKey: `cart-${tag}-2`,
    });
    await addToCart({ userId: buyer! }, edition, 3);
    await addToCart(guest, edition, 3);
    await addToCart(guest, owned.productId);
    await addToCart(guest, course.productId);
    expect(await mergeVisitorCart(guest.visitorId, buyer!)).toBe(2);
    const cart = await getCart({ userId: buyer! });
    expect(Object.fromEntries(cart.lines.map((l) => [l.productId, l.quantity]))).toEqual({
      [edition]: 4,
      [course.productId]: 1,
    });
    expect(await db.select().from(carts).where(eq(carts.visitorId, guest.visitorId))).toHaveLength(0);
    expect(await mergeVisitorCart(guest.visitorId, buyer!)).toBe(0);
  });

  it("feeds checkout, which empties the bought lines", async () => {
    const [buyer] = await createUsers(db, `${tag}c`, 1);
    const owner = { userId: buyer! };
    const a = await createArtwork(db, tag, { creatorId, editionSize: 2 });
    await addToCart(owner, a, 2);
    const lines = checkoutLines(await getCart(owner));
    expect(lines).toEqual([{ productId: a, quantity: 2 }]);
    expect((await placeAndPay(db, { userId: buyer!, lines, idempotencyKey: `cart-${tag}-3` })).ok).toBe(true);
    expect(await getCartCount(owner)).toBe(0);
  });
});
