/**
 * What a product page shows next to the price for this viewer: owned, in the cart, reserved for them
 * (an accepted offer) or for someone else, and how many pieces are left to buy.
 */
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { artworkDetails, cartItems, carts, enrollments } from "@/db/schema";
import type { CartOwner } from "./cart";
import { activeReservations, availableFor } from "./inventory";
import { isOwnWork } from "./ownership";

export type PurchaseState = {
  owned: boolean;
  /** The viewer made it (owns the creator profile selling it): nothing to buy or offer, edit it instead. */
  ownWork: boolean;
  inCart: number;
  /** Pieces this viewer can buy now: stock minus pieces held for other buyers. Null for courses. */
  available: number | null;
  heldForOthers: number;
  myReservation: { agreedAmount: number; currency: string; until: Date } | null;
};

export async function getPurchaseState({
  productId,
  owner,
}: {
  productId: string;
  owner: CartOwner | null;
}): Promise<PurchaseState> {
  const db = await getDb();
  const userId = owner && "userId" in owner ? owner.userId : null;
  const ownWork = userId ? await isOwnWork(userId, productId, db) : false;
  const [detail] = await db
    .select({ stock: artworkDetails.stock })
    .from(artworkDetails)
    .where(eq(artworkDetails.productId, productId))
    .limit(1);
  const [owned] = userId
    ? await db
        .select({ id: enrollments.productId })
        .from(enrollments)
        .where(and(eq(enrollments.userId, userId), eq(enrollments.productId, productId)))
        .limit(1)
    : [];
  const [inCart] = owner
    ? await db
        .select({ quantity: cartItems.quantity })
        .from(cartItems)
        .innerJoin(carts, eq(carts.id, cartItems.cartId))
        .where(
          and(
            eq(cartItems.productId, productId),
            "userId" in owner ? eq(carts.userId, owner.userId) : eq(carts.visitorId, owner.visitorId),
          ),
        )
        .limit(1)
    : [];
  if (!detail)
    return {
      owned: Boolean(owned),
      ownWork,
      inCart: inCart?.quantity ?? 0,
      available: null,
      heldForOthers: 0,
      myReservation: null,
    };
  const reservations = await activeReservations(db, [productId], new Date());
  const mine = userId ? reservations.find((r) => r.buyerId === userId) : undefined;
  return {
    owned: false,
    ownWork,
    inCart: inCart?.quantity ?? 0,
    available: availableFor(detail.stock, reservations, productId, userId ?? ""),
    heldForOthers: reservations.filter((r) => r.buyerId !== userId).length,
    myReservation: mine
      ? { agreedAmount: mine.agreedAmount, currency: mine.currency, until: mine.reservedUntil }
      : null,
  };
}
