/**
 * Stock and reservations of artworks. Every writer (checkout, accepting an offer, the studio's stock
 * edit) locks the artwork_detail rows it touches first, in product-id order, and only then reads
 * reservations or writes offers: one lock order everywhere means concurrent writers queue instead of
 * deadlocking, and under READ COMMITTED each statement after the lock sees what the previous holder
 * committed.
 */
import { and, asc, eq, gt, gte, inArray, lte, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { artworkDetails, offers } from "@/db/schema";

/** How long an accepted offer holds a piece for its buyer. */
export const RESERVATION_MS = 48 * 60 * 60 * 1000;

export type LockedArtwork = { productId: string; stock: number; editionSize: number };

export async function lockArtworks(tx: Executor, productIds: string[]): Promise<Map<string, LockedArtwork>> {
  if (productIds.length === 0) return new Map();
  const rows = await tx
    .select({
      productId: artworkDetails.productId,
      stock: artworkDetails.stock,
      editionSize: artworkDetails.editionSize,
    })
    .from(artworkDetails)
    .where(inArray(artworkDetails.productId, productIds))
    .orderBy(asc(artworkDetails.productId))
    .for("update");
  return new Map(rows.map((r) => [r.productId, r]));
}

/** Accepted offers whose 48 hours are over release their piece (lazily: on read and at checkout, no cron). */
export async function expireReservations(tx: Executor, now: Date, productIds?: string[]): Promise<void> {
  if (productIds && productIds.length === 0) return;
  await tx
    .update(offers)
    .set({ status: "expired", updatedAt: now })
    .where(
      and(
        eq(offers.status, "accepted"),
        lte(offers.reservedUntil, now),
        productIds ? inArray(offers.productId, productIds) : undefined,
      ),
    );
}

export type Reservation = {
  offerId: string;
  productId: string;
  buyerId: string;
  agreedAmount: number;
  currency: string;
  reservedUntil: Date;
};

/** Live reservations on these artworks. Call after `lockArtworks` so none can appear while you decide. */
export async function activeReservations(tx: Executor, productIds: string[], now: Date): Promise<Reservation[]> {
  if (productIds.length === 0) return [];
  const rows = await tx
    .select({
      offerId: offers.id,
      productId: offers.productId,
      buyerId: offers.buyerId,
      amount: offers.amount,
      counterAmount: offers.counterAmount,
      currency: offers.currency,
      reservedUntil: offers.reservedUntil,
    })
    .from(offers)
    .where(and(inArray(offers.productId, productIds), eq(offers.status, "accepted"), gt(offers.reservedUntil, now)));
  return rows.map((r) => ({
    offerId: r.offerId,
    productId: r.productId,
    buyerId: r.buyerId,
    agreedAmount: agreedAmount(r),
    currency: r.currency,
    reservedUntil: r.reservedUntil ?? now,
  }));
}

/** The price both sides agreed: the creator's counter when the buyer accepted one, else the buyer's offer. */
export function agreedAmount(offer: { amount: number; counterAmount: number | null }): number {
  return offer.counterAmount ?? offer.amount;
}

/** Pieces `buyerId` may take: stock minus the pieces reserved for other buyers. */
export function availableFor(stock: number, reservations: Reservation[], productId: string, buyerId: string): number {
  const heldForOthers = reservations.filter((r) => r.productId === productId && r.buyerId !== buyerId).length;
  return Math.max(0, stock - heldForOthers);
}

/** Takes `quantity` pieces; false when the stock is short (the lock makes that a double check). */
export async function decrementStock(tx: Executor, productId: string, quantity: number): Promise<boolean> {
  const rows = await tx
    .update(artworkDetails)
    .set({ stock: sql`${artworkDetails.stock} - ${quantity}` })
    .where(and(eq(artworkDetails.productId, productId), gte(artworkDetails.stock, quantity)))
    .returning({ stock: artworkDetails.stock });
  return rows.length === 1;
}
