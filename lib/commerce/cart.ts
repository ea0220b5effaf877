/**
 * Carts of signed-in users and of anonymous visitors (by the visitor cookie's id). Quantities are
 * clamped to what can be bought: one of a course, at most the stock of an artwork. Prices shown here
 * are informative; placeOrder reads them again.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Executor } from "@/db/client";
import {
  artworkDetails,
  bundleItems,
  cartItems,
  carts,
  creators,
  enrollments,
  products,
  type ProductKind,
} from "@/db/schema";
import { cartSubtotals, checkoutLines, type CartLine, type Subtotal } from "./cart-math";
import { activeReservations } from "./inventory";
import { MAX_LINE_QUANTITY } from "./checkout";
import { DEFAULT_LOCALE, type Locale } from "@/i18n/locales";
import { localizeFields } from "@/lib/i18n/localized";

export type CartOwner = { userId: string } | { visitorId: string };

export type { CartLine };
export { checkoutLines };

export type CartView = { lines: CartLine[]; count: number; subtotals: Subtotal[] };

export type CartResult =
  { ok: true } | { ok: false; code: "not_found" | "out_of_stock" | "already_owned" | "own_product" | "invalid" };

export const cartInputSchema = z.object({
  productId: z.string().trim().min(1).max(128),
  quantity: z.coerce.number().int().min(0).max(MAX_LINE_QUANTITY),
});

const ownerWhere = (owner: CartOwner) =>
  "userId" in owner ? eq(carts.userId, owner.userId) : eq(carts.visitorId, owner.visitorId);

async function findCartId(db: Executor, owner: CartOwner): Promise<string | null> {
  const [row] = await db.select({ id: carts.id }).from(carts).where(ownerWhere(owner)).limit(1);
  return row?.id ?? null;
}

/** The owner's cart id, creating the cart on first use (the unique owner index settles races). */
async function ensureCartId(db: Executor, owner: CartOwner): Promise<string> {
  const values = "userId" in owner ? { userId: owner.userId } : { visitorId: owner.visitorId };
  await db
    .insert(carts)
    .values(values)
    .onConflictDoNothing({ target: "userId" in owner ? carts.userId : carts.visitorId });
  const id = await findCartId(db, owner);
  if (!id) throw new Error("cart vanished right after it was created");
  return id;
}

/** `own`: the owner made it (or something in the bundle), so they cannot buy it. */
type Limit = { exists: boolean; kind: ProductKind; max: number; owned: boolean; own: boolean };

/** How many of each product the owner may buy now: stock (minus others' reservations), 1 for courses, 0 for their own work. */
async function purchaseLimits(db: Executor, owner: CartOwner, productIds: string[]): Promise<Map<string, Limit>> {
  const out = new Map<string, Limit>();
  if (productIds.length === 0) return out;
  const rows = await db
    .select({ id: products.id, kind: products.kind, stock: artworkDetails.stock, creatorUserId: creators.userId })
    .from(products)
    .innerJoin(creators, eq(creators.id, products.creatorId))
    .leftJoin(artworkDetails, eq(artworkDetails.productId, products.id))
    .where(and(inArray(products.id, productIds), eq(products.status, "published")));
  const bundleIds = rows.filter((r) => r.kind === "bundle").map((r) => r.id);
  const contents = bundleIds.length
    ? await db
        .select({
          bundleId: bundleItems.bundleId,
          productId: bundleItems.productId,
          kind: products.kind,
          status: products.status,
          stock: artworkDetails.stock,
          creatorUserId: creators.userId,
        })
        .from(bundleItems)
        .innerJoin(products, eq(products.id, bundleItems.productId))
        .innerJoin(creators, eq(creators.id, products.creatorId))
        .leftJoin(artworkDetails, eq(artworkDetails.productId, bundleItems.productId))
        .where(inArray(bundleItems.bundleId, bundleIds))
    : [];
  const courseIds = [
    ...rows.filter((r) => r.kind === "course").map((r) => r.id),
    ...contents.filter((c) => c.kind === "course").map((c) => c.productId),
  ];
  const userId = "userId" in owner ? owner.userId : null;
  const owned = new Set(
    userId && courseIds.length
      ? (
          await db
            .select({ id: enrollments.productId })
            .from(enrollments)
            .where(and(eq(enrollments.userId, userId), inArray(enrollments.productId, courseIds)))
        ).map((r) => r.id)
      : [],
  );
  const artworkIds = [
    ...rows.filter((r) => r.kind === "artwork").map((r) => r.id),
    ...contents.filter((c) => c.kind === "artwork").map((c) => c.productId),
  ];
  const reservations = await activeReservations(db, artworkIds, new Date());
  const heldForOthers = (id: string) => reservations.filter((r) => r.productId === id && r.buyerId !== userId).length;
  const artworkMax = (id: string, stock: number | null) => Math.max(0, (stock ?? 0) - heldForOthers(id));

  const made = (creatorUserId: string | null) => userId !== null && creatorUserId === userId;

  for (const r of rows) {
    if (r.kind === "course")
      out.set(r.id, {
        exists: true,
        kind: r.kind,
        max: owned.has(r.id) || made(r.creatorUserId) ? 0 : 1,
        owned: owned.has(r.id),
        own: made(r.creatorUserId),
      });
    else if (r.kind === "artwork")
      out.set(r.id, {
        exists: true,
        kind: r.kind,
        max: made(r.creatorUserId) ? 0 : Math.min(MAX_LINE_QUANTITY, artworkMax(r.id, r.stock)),
        owned: false,
        own: made(r.creatorUserId),
      });
    else {
      const items = contents.filter((c) => c.bundleId === r.id);
      const hasCourse = items.some((c) => c.kind === "course");
      const ownsOne = items.some((c) => c.kind === "course" && owned.has(c.productId));
      const own = made(r.creatorUserId) || items.some((c) => made(c.creatorUserId));
      const stockCap = Math.min(
        MAX_LINE_QUANTITY,
        ...items.filter((c) => c.kind === "artwork").map((c) => artworkMax(c.productId, c.stock)),
      );
      // A bundle is for sale only while every item in it is.
      const forSale = items.length > 0 && items.every((c) => c.status === "published");
      out.set(r.id, {
        exists: forSale,
        kind: r.kind,
        max: !forSale || ownsOne || own ? 0 : hasCourse ? Math.min(1, stockCap) : stockCap,
        owned: ownsOne,
        own,
      });
    }
  }
  return out;
}

/** Adds `quantity` (1 by default) to what is in the cart, within the purchase limit. */
export async function addToCart(owner: CartOwner, productId: string, quantity = 1): Promise<CartResult> {
  const db = await getDb();
  const limit = (await purchaseLimits(db, owner, [productId])).get(productId);
  if (!limit?.exists) return { ok: false, code: "not_found" };
  if (limit.own) return { ok: false, code: "own_product" };
  if (limit.owned) return { ok: false, code: "already_owned" };
  if (limit.max < 1) return { ok: false, code: "out_of_stock" };
  await db.transaction(async (tx) => {
    const cartId = await ensureCartId(tx, owner);
    await tx
      .insert(cartItems)
      .values({ cartId, productId, quantity: Math.min(quantity, limit.max) })
      .onConflictDoUpdate({
        target: [cartItems.cartId, cartItems.productId],
        set: { quantity: sql`least(${cartItems.quantity} + ${quantity}, ${limit.max})` },
      });
    await tx.update(carts).set({ updatedAt: new Date() }).where(eq(carts.id, cartId));
  });
  return { ok: true };
}

/** Sets a line's quantity; 0 removes it. More than can be bought is clamped, not refused. */
export async function setCartQuantity(owner: CartOwner, productId: string, quantity: number): Promise<CartResult> {
  const db = await getDb();
  const cartId = await findCartId(db, owner);
  if (!cartId) return { ok: false, code: "not_found" };
  if (quantity === 0) {
    await db.delete(cartItems).where(and(eq(cartItems.cartId, cartId), eq(cartItems.productId, productId)));
    return { ok: true };
  }
  const limit = (await purchaseLimits(db, owner, [productId])).get(productId);
  if (!limit?.exists) return { ok: false, code: "not_found" };
  if (limit.max < 1)
    return { ok: false, code: limit.own ? "own_product" : limit.owned ? "already_owned" : "out_of_stock" };
  const updated = await db
    .update(cartItems)
    .set({ quantity: Math.min(quantity, limit.max) })
    .where(and(eq(cartItems.cartId, cartId), eq(cartItems.productId, productId)))
    .returning({ productId: cartItems.productId });
  return updated.length ? { ok: true } : { ok: false, code: "not_found" };
}

export async function removeFromCart(owner: CartOwner, productId: string): Promise<CartResult> {
  return setCartQuantity(owner, productId, 0);
}

export async function getCartCount(owner: CartOwner): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${cartItems.quantity}), 0)::int` })
    .from(cartItems)
    .innerJoin(carts, eq(carts.id, cartItems.cartId))
    .where(ownerWhere(owner));
  return row?.n ?? 0;
}

/**
 * The cart with titles in `locale` (the page's). Checkout reads it in English (the default): order lines
 * keep an English snapshot of what was bought, whatever language the buyer browsed in.
 */
export async function getCart(owner: CartOwner, locale: Locale = DEFAULT_LOCALE): Promise<CartView> {
  const db = await getDb();
  const rows = await db
    .select({
      productId: products.id,
      kind: products.kind,
      slug: products.slug,
      title: products.title,
      titleZh: products.titleZh,
      creatorName: creators.name,
      creatorNameZh: creators.nameZh,
      unitAmount: products.priceAmount,
      currency: products.currency,
      quantity: cartItems.quantity,
    })
    .from(cartItems)
    .innerJoin(carts, eq(carts.id, cartItems.cartId))
    .innerJoin(products, eq(products.id, cartItems.productId))
    .innerJoin(creators, eq(creators.id, products.creatorId))
    .where(ownerWhere(owner))
    .orderBy(asc(cartItems.addedAt), asc(products.id));
  const limits = await purchaseLimits(
    db,
    owner,
    rows.map((r) => r.productId),
  );
  const userId = "userId" in owner ? owner.userId : null;
  const mine = userId
    ? (
        await activeReservations(
          db,
          rows.filter((r) => r.kind === "artwork").map((r) => r.productId),
          new Date(),
        )
      ).filter((r) => r.buyerId === userId)
    : [];
  const lines: CartLine[] = rows.map(({ titleZh, creatorNameZh, ...r }) => {
    const limit = limits.get(r.productId);
    const { text, fallback } = localizeFields(locale, {
      title: [r.title, titleZh],
      creatorName: [r.creatorName, creatorNameZh],
    });
    return {
      ...r,
      ...text,
      fallback,
      reservedAmount: mine.find((m) => m.productId === r.productId && m.currency === r.currency)?.agreedAmount ?? null,
      maxQuantity: limit?.max ?? 0,
      owned: limit?.owned ?? false,
      ownWork: limit?.own ?? false,
    };
  });
  return {
    lines,
    count: lines.reduce((n, l) => n + l.quantity, 0),
    subtotals: cartSubtotals(lines),
  };
}

/**
 * Moves a visitor's cart into the user's after sign-in, in one transaction: quantities add up within
 * the purchase limits, courses the user owns are dropped, and the visitor cart is deleted. Cheap and
 * a no-op when the visitor has no cart, so it can run on every authenticated cart read.
 */
export async function mergeVisitorCart(visitorId: string, userId: string): Promise<number> {
  const db = await getDb();
  const visitorCartId = await findCartId(db, { visitorId });
  if (!visitorCartId) return 0;
  return db.transaction(async (tx) => {
    // Locking the visitor cart makes two concurrent merges take turns; the second finds nothing left.
    const [locked] = await tx.select({ id: carts.id }).from(carts).where(eq(carts.id, visitorCartId)).for("update");
    if (!locked) return 0;
    const items = await tx
      .select({ productId: cartItems.productId, quantity: cartItems.quantity })
      .from(cartItems)
      .where(eq(cartItems.cartId, visitorCartId));
    const limits = await purchaseLimits(
      tx,
      { userId },
      items.map((i) => i.productId),
    );
    const keep = items.filter((i) => (limits.get(i.productId)?.max ?? 0) > 0);
    if (keep.length > 0) {
      const userCartId = await ensureCartId(tx, { userId });
      for (const item of keep) {
        const max = limits.get(item.productId)?.max ?? 1;
        await tx
          .insert(cartItems)
          .values({ cartId: userCartId, productId: item.productId, quantity: Math.min(item.quantity, max) })
          .onConflictDoUpdate({
            target: [cartItems.cartId, cartItems.productId],
            set: { quantity: sql`least(${cartItems.quantity} + ${item.quantity}, ${max})` },
          });
      }
      await tx.update(carts).set({ updatedAt: new Date() }).where(eq(carts.id, userCartId));
    }
    await tx.delete(carts).where(eq(carts.id, visitorCartId));
    return keep.length;
  });
}
