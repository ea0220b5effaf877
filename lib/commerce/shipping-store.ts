/**
 * The database side of shipping: a buyer's saved addresses, creators' rates, and what checkout needs
 * to quote an order (the pieces it ships, their creators and rates). Reads take an Executor so
 * placeOrder calls them inside its transaction and the checkout page outside any.
 */
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { addresses, artworkDetails, creators, products, shippingRates, type SavedAddress } from "@/db/schema";
import type { Address } from "./address";
import type { QuoteCreator, QuotePiece } from "./order-quote";
import type { ShippingRate } from "./shipping-rates";

export type AddressView = Address & { id: string };

function reshapeAddress(row: SavedAddress): AddressView {
  const { id, name, line1, line2, city, region, postalCode, country, phone } = row;
  return { id, name, line1, line2, city, region, postalCode, country, phone };
}

/** A buyer's saved addresses, the default first, then the most recently used. Only ever the caller's own. */
export async function listAddressesForUser(db: Executor, { userId }: { userId: string }): Promise<AddressView[]> {
  const rows = await db
    .select()
    .from(addresses)
    .where(eq(addresses.userId, userId))
    .orderBy(desc(addresses.isDefault), desc(addresses.lastUsedAt), desc(addresses.createdAt))
    .limit(20);
  return rows.map(reshapeAddress);
}

/** The address when `userId` saved it; null for anyone else's (callers answer as if it did not exist). */
export async function getAddressForUser(
  db: Executor,
  { addressId, userId }: { addressId: string; userId: string },
): Promise<AddressView | null> {
  const [row] = await db
    .select()
    .from(addresses)
    .where(and(eq(addresses.id, addressId), eq(addresses.userId, userId)))
    .limit(1);
  return row ? reshapeAddress(row) : null;
}

/**
 * Saves a validated address in the buyer's account (an identical one is reused, not duplicated). A
 * buyer's first address becomes their default, so every buyer with addresses has exactly one.
 */
export async function saveAddress(db: Executor, { userId, address }: { userId: string; address: Address }) {
  const saved = await listAddressesForUser(db, { userId });
  const same = saved.find((a) => (Object.keys(address) as (keyof Address)[]).every((k) => a[k] === address[k]));
  const now = new Date();
  if (same) {
    await db.update(addresses).set({ lastUsedAt: now }).where(eq(addresses.id, same.id));
    return same.id;
  }
  const [row] = await db
    .insert(addresses)
    .values({ userId, ...address, isDefault: saved.length === 0, createdAt: now, lastUsedAt: now })
    .returning({ id: addresses.id });
  return row!.id;
}

export function reshapeRate(row: typeof shippingRates.$inferSelect): ShippingRate & { id: string } {
  const { id, zone, countries, method, currency, flatAmount, smallAmount, mediumAmount, largeAmount, insurancePpm } =
    row;
  return { id, zone, countries, method, currency, flatAmount, smallAmount, mediumAmount, largeAmount, insurancePpm };
}

export async function listRatesForCreator(db: Executor, { creatorId }: { creatorId: string }) {
  const rows = await db
    .select()
    .from(shippingRates)
    .where(eq(shippingRates.creatorId, creatorId))
    .orderBy(asc(shippingRates.createdAt), asc(shippingRates.id));
  return rows.map(reshapeRate);
}

/**
 * What an order's artworks (product id → pieces, bundles already expanded) need for a quote: each
 * piece's size, list price and whether it is an original, and each sending creator with their rates.
 */
export async function loadShippingInputs(
  db: Executor,
  demand: ReadonlyMap<string, number>,
): Promise<{ pieces: QuotePiece[]; creators: Map<string, QuoteCreator> }> {
  const ids = [...demand.keys()];
  if (ids.length === 0) return { pieces: [], creators: new Map() };
  const rows = await db
    .select({
      productId: products.id,
      creatorId: products.creatorId,
      priceAmount: products.priceAmount,
      widthMm: artworkDetails.widthMm,
      heightMm: artworkDetails.heightMm,
      depthMm: artworkDetails.depthMm,
      editionSize: artworkDetails.editionSize,
    })
    .from(products)
    .innerJoin(artworkDetails, eq(artworkDetails.productId, products.id))
    .where(inArray(products.id, ids))
    .orderBy(asc(products.id));
  const pieces: QuotePiece[] = rows.map((r) => ({
    creatorId: r.creatorId,
    widthMm: r.widthMm,
    heightMm: r.heightMm,
    depthMm: r.depthMm,
    unitAmount: r.priceAmount,
    quantity: demand.get(r.productId) ?? 0,
    original: r.editionSize === 1,
  }));
  const creatorIds = [...new Set(rows.map((r) => r.creatorId))];
  // One after the other: inside placeOrder's transaction the queries share one connection anyway.
  const people = await db
    .select({ id: creators.id, name: creators.name, country: creators.country })
    .from(creators)
    .where(inArray(creators.id, creatorIds));
  const rates = await db.select().from(shippingRates).where(inArray(shippingRates.creatorId, creatorIds));
  const out = new Map<string, QuoteCreator>(
    people.map((c) => [c.id, { ...c, rates: rates.filter((r) => r.creatorId === c.id).map(reshapeRate) }]),
  );
  return { pieces, creators: out };
}

/** A creator's rates replaced by the studio form's, in one transaction (all or none). */
export async function replaceCreatorRates(
  db: Db,
  { creatorId, rates }: { creatorId: string; rates: readonly ShippingRate[] },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(shippingRates).where(eq(shippingRates.creatorId, creatorId));
    if (rates.length > 0)
      await tx.insert(shippingRates).values(rates.map((r) => ({ ...r, countries: [...r.countries], creatorId })));
  });
}
