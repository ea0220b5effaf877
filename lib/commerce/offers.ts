/**
 * "Make an offer" on artworks. A buyer offers below the list price; the creator (or an admin) accepts,
 * counters or declines; the buyer may accept or decline a counter, or withdraw. Accepting reserves one
 * piece for the buyer at the agreed price for 48 hours (see ./inventory.ts): checkout honours the price
 * and refuses that piece to everyone else. Expiry is lazy: offers are expired when read and at checkout.
 * Every state change locks the artwork row first (same lock order as checkout) and moves the offer
 * only from the status it was read in, so two clicks or two tabs cannot both win.
 */
import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { getDb, type Tx } from "@/db/client";
import { creators, offers, products, users, type Offer } from "@/db/schema";
import { queueMail } from "@/lib/mail/outbox";
import { offerMail, offerMailRecipient, type OfferMailKind } from "@/lib/mail/templates/commerce";
import {
  activeReservations,
  agreedAmount,
  availableFor,
  expireReservations,
  lockArtworks,
  RESERVATION_MS,
} from "./inventory";
import { canManageProduct, type Actor } from "./ownership";
import { MAX_CHARGE_AMOUNT } from "./payments";

export type OfferResult =
  | { ok: true; offerId: string }
  | {
      ok: false;
      code:
        | "invalid"
        | "not_found"
        | "forbidden"
        | "conflict"
        | "out_of_stock"
        | "offer_exists"
        | "not_below_price"
        | "own_artwork"
        | "amount_too_large";
    };

const id = z.string().trim().min(1).max(128);
/** Whole minor units; an amount no single payment could settle is refused (`amount_too_large`) before any lookup. */
const amount = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const tooLarge = (n: number) => n > MAX_CHARGE_AMOUNT;
/** The largest offer or counter, in minor units: what one payment can settle. */
export const MAX_OFFER_AMOUNT = MAX_CHARGE_AMOUNT;

export const makeOfferSchema = z.object({
  buyerId: id,
  productId: id,
  amount,
  message: z.string().trim().max(500).default(""),
});
export const creatorResponseSchema = z.discriminatedUnion("response", [
  z.object({ offerId: id, response: z.literal("accept") }),
  z.object({ offerId: id, response: z.literal("decline") }),
  z.object({ offerId: id, response: z.literal("counter"), counterAmount: amount }),
]);
export const buyerResponseSchema = z.object({ offerId: id, response: z.enum(["accept", "decline", "withdraw"]) });

const OPEN: Offer["status"][] = ["pending", "countered", "accepted"];

class Refusal extends Error {
  constructor(readonly code: Exclude<OfferResult, { ok: true }>["code"]) {
    super(code);
  }
}

async function run(work: (tx: Tx) => Promise<string>): Promise<OfferResult> {
  const db = await getDb();
  try {
    return { ok: true, offerId: await db.transaction(work) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, code: error.code };
    throw error;
  }
}

/** Reserves a piece for the offer's buyer, if one is free for them; the artwork row is locked by the caller. */
async function reserve(tx: Tx, offer: Offer, now: Date, set: Partial<Offer>): Promise<void> {
  const locked = (await lockArtworks(tx, [offer.productId])).get(offer.productId);
  if (!locked) throw new Refusal("not_found");
  await expireReservations(tx, now, [offer.productId]);
  const reservations = await activeReservations(tx, [offer.productId], now);
  if (availableFor(locked.stock, reservations, offer.productId, offer.buyerId) < 1) throw new Refusal("out_of_stock");
  await moveOffer(tx, offer, {
    ...set,
    status: "accepted",
    reservedUntil: new Date(now.getTime() + RESERVATION_MS),
    updatedAt: now,
  });
}

/** Moves the offer only if it is still in the status it was read in. */
async function moveOffer(tx: Tx, offer: Offer, set: Partial<Offer>): Promise<void> {
  const moved = await tx
    .update(offers)
    .set(set)
    .where(and(eq(offers.id, offer.id), eq(offers.status, offer.status)))
    .returning({ id: offers.id });
  if (moved.length !== 1) throw new Refusal("conflict");
}

/** The offer with its artwork locked, expired reservations released first. */
async function loadLocked(tx: Tx, offerId: string, now: Date): Promise<Offer> {
  const [head] = await tx.select({ productId: offers.productId }).from(offers).where(eq(offers.id, offerId)).limit(1);
  if (!head) throw new Refusal("not_found");
  await lockArtworks(tx, [head.productId]);
  await expireReservations(tx, now, [head.productId]);
  const [offer] = await tx.select().from(offers).where(eq(offers.id, offerId)).limit(1);
  if (!offer) throw new Refusal("not_found");
  return offer;
}

export async function makeOffer(input: z.input<typeof makeOfferSchema>, now = new Date()): Promise<OfferResult> {
  const parsed = makeOfferSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "invalid" };
  if (tooLarge(parsed.data.amount)) return { ok: false, code: "amount_too_large" };
  const { buyerId, productId, message } = parsed.data;
  return run(async (tx) => {
    const [product] = await tx
      .select({
        id: products.id,
        kind: products.kind,
        status: products.status,
        priceAmount: products.priceAmount,
        currency: products.currency,
        ownerId: creators.userId,
      })
      .from(products)
      .innerJoin(creators, eq(creators.id, products.creatorId))
      .where(eq(products.id, productId))
      .limit(1);
    if (!product || product.kind !== "artwork" || product.status !== "published") throw new Refusal("not_found");
    if (product.ownerId === buyerId) throw new Refusal("own_artwork");
    if (parsed.data.amount >= product.priceAmount) throw new Refusal("not_below_price");
    // The lock also serialises two offers from the same buyer, so "one open offer each" holds.
    const locked = (await lockArtworks(tx, [productId])).get(productId);
    if (!locked) throw new Refusal("not_found");
    await expireReservations(tx, now, [productId]);
    if (availableFor(locked.stock, await activeReservations(tx, [productId], now), productId, buyerId) < 1)
      throw new Refusal("out_of_stock");
    const [open] = await tx
      .select({ id: offers.id })
      .from(offers)
      .where(and(eq(offers.productId, productId), eq(offers.buyerId, buyerId), inArray(offers.status, OPEN)))
      .limit(1);
    if (open) throw new Refusal("offer_exists");
    const [row] = await tx
      .insert(offers)
      .values({
        productId,
        buyerId,
        amount: parsed.data.amount,
        currency: product.currency,
        message,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: offers.id });
    await notify(tx, row!.id, "received");
    return row!.id;
  });
}

/** The creator's (or an admin's) answer to a pending offer. */
export async function respondAsCreator(
  actor: Actor,
  input: z.input<typeof creatorResponseSchema>,
  now = new Date(),
): Promise<OfferResult> {
  const parsed = creatorResponseSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "invalid" };
  const data = parsed.data;
  if (data.response === "counter" && tooLarge(data.counterAmount)) return { ok: false, code: "amount_too_large" };
  return run(async (tx) => {
    const offer = await loadLocked(tx, data.offerId, now);
    if (!(await canManageProduct(actor, offer.productId, tx))) throw new Refusal("forbidden");
    if (offer.status !== "pending") throw new Refusal("conflict");
    if (data.response === "decline") await moveOffer(tx, offer, { status: "declined", updatedAt: now });
    else if (data.response === "accept") await reserve(tx, offer, now, {});
    else {
      const [product] = await tx
        .select({ priceAmount: products.priceAmount })
        .from(products)
        .where(eq(products.id, offer.productId))
        .limit(1);
      // A counter sits between the buyer's offer and the list price; otherwise accept, or keep the list price.
      if (!product || data.counterAmount <= offer.amount || data.counterAmount >= product.priceAmount)
        throw new Refusal("invalid");
      await moveOffer(tx, offer, { status: "countered", counterAmount: data.counterAmount, updatedAt: now });
    }
    await notify(
      tx,
      offer.id,
      data.response === "decline" ? "declined" : data.response === "accept" ? "accepted" : "countered",
    );
    return offer.id;
  });
}

/** The buyer's move: accept or decline a counter, or withdraw (which also releases an accepted reservation). */
export async function respondAsBuyer(
  buyerId: string,
  input: z.input<typeof buyerResponseSchema>,
  now = new Date(),
): Promise<OfferResult> {
  const parsed = buyerResponseSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "invalid" };
  const data = parsed.data;
  return run(async (tx) => {
    const offer = await loadLocked(tx, data.offerId, now);
    // Someone else's offer is answered as if it did not exist.
    if (offer.buyerId !== buyerId) throw new Refusal("not_found");
    if (data.response === "withdraw") {
      if (!OPEN.includes(offer.status)) throw new Refusal("conflict");
      await moveOffer(tx, offer, { status: "withdrawn", reservedUntil: null, updatedAt: now });
    } else {
      if (offer.status !== "countered") throw new Refusal("conflict");
      if (data.response === "decline") await moveOffer(tx, offer, { status: "declined", updatedAt: now });
      else await reserve(tx, offer, now, {});
      await notify(tx, offer.id, data.response === "decline" ? "counterDeclined" : "counterAccepted");
    }
    return offer.id;
  });
}

const buyer = alias(users, "offer_buyer");
const seller = alias(users, "offer_seller");

/**
 * Queues the mail about the offer's new state, in the caller's transaction: the buyer's offer to the
 * seller's account; the creator's counter, acceptance or refusal to the buyer; the buyer's answer to
 * a counter back to the seller. A withdrawal sends nothing (the seller's list shows it). No address,
 * no mail: a creator profile without an account has nobody to write to.
 */
async function notify(tx: Tx, offerId: string, kind: OfferMailKind): Promise<void> {
  const [row] = await tx
    .select({
      offer: offers,
      productTitle: products.title,
      productSlug: products.slug,
      listAmount: products.priceAmount,
      buyerName: buyer.name,
      buyerEmail: buyer.email,
      buyerLocale: buyer.locale,
      sellerEmail: seller.email,
      sellerLocale: seller.locale,
    })
    .from(offers)
    .innerJoin(products, eq(products.id, offers.productId))
    .innerJoin(creators, eq(creators.id, products.creatorId))
    .leftJoin(buyer, eq(buyer.id, offers.buyerId))
    .leftJoin(seller, eq(seller.id, creators.userId))
    .where(eq(offers.id, offerId))
    .limit(1);
  if (!row) return;
  const toSeller = offerMailRecipient(kind) === "seller";
  const email = toSeller ? row.sellerEmail : row.buyerEmail;
  if (!email) return;
  await queueMail(tx, () =>
    offerMail(
      { email, locale: toSeller ? row.sellerLocale : row.buyerLocale },
      {
        kind,
        productTitle: row.productTitle,
        productSlug: row.productSlug,
        buyerName: row.buyerName,
        currency: row.offer.currency,
        amount: row.offer.amount,
        counterAmount: row.offer.counterAmount,
        listAmount: row.listAmount,
        message: row.offer.message,
        reservedUntil: row.offer.reservedUntil,
      },
    ),
  );
}

export type OfferView = {
  id: string;
  productId: string;
  productSlug: string;
  productTitle: string;
  listAmount: number;
  buyerName: string | null;
  amount: number;
  counterAmount: number | null;
  agreedAmount: number | null;
  currency: string;
  status: Offer["status"];
  message: string;
  reservedUntil: Date | null;
  createdAt: Date;
};

async function listOffers(where: SQL | undefined, now: Date, limit: number): Promise<OfferView[]> {
  const db = await getDb();
  await db.transaction((tx) => expireReservations(tx, now));
  const rows = await db
    .select({
      offer: offers,
      productSlug: products.slug,
      productTitle: products.title,
      listAmount: products.priceAmount,
      buyerName: users.name,
    })
    .from(offers)
    .innerJoin(products, eq(products.id, offers.productId))
    .innerJoin(creators, eq(creators.id, products.creatorId))
    .leftJoin(users, eq(users.id, offers.buyerId))
    .where(where)
    .orderBy(desc(offers.updatedAt), desc(offers.id))
    .limit(limit);
  return rows.map(({ offer: o, ...r }) => ({
    id: o.id,
    productId: o.productId,
    ...r,
    amount: o.amount,
    counterAmount: o.counterAmount,
    agreedAmount: o.status === "accepted" || o.status === "completed" ? agreedAmount(o) : null,
    currency: o.currency,
    status: o.status,
    message: o.message,
    reservedUntil: o.status === "accepted" ? o.reservedUntil : null,
    createdAt: o.createdAt,
  }));
}

/** Offers on the creator's artworks (every creator's for an admin), newest activity first. */
export async function listOffersForCreator({
  actor,
  limit = 200,
  now = new Date(),
}: {
  actor: Actor;
  limit?: number;
  now?: Date;
}): Promise<OfferView[]> {
  if (actor.role === "admin") return listOffers(undefined, now, limit);
  if (actor.role !== "creator") return [];
  return listOffers(eq(creators.userId, actor.id), now, limit);
}

/** The buyer's offers, optionally on one artwork. */
export async function listOffersForBuyer({
  buyerId,
  productId,
  limit = 50,
  now = new Date(),
}: {
  buyerId: string;
  productId?: string;
  limit?: number;
  now?: Date;
}): Promise<OfferView[]> {
  return listOffers(
    and(eq(offers.buyerId, buyerId), productId ? eq(offers.productId, productId) : undefined),
    now,
    limit,
  );
}

/** The currency an offer on this product is made in (to read a typed amount), or null when none can be made. */
export async function getOfferCurrency(productId: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await db
    .select({ currency: products.currency })
    .from(products)
    .where(and(eq(products.id, productId), eq(products.kind, "artwork")))
    .limit(1);
  return row?.currency ?? null;
}

/** The currency of an existing offer (to read a typed counter amount), or null. */
export async function getOfferCurrencyById(offerId: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await db.select({ currency: offers.currency }).from(offers).where(eq(offers.id, offerId)).limit(1);
  return row?.currency ?? null;
}
