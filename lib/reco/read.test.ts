import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { artworkDetails, orderLines, orders, products, recommendations, recoState, users } from "@/db/schema";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { dismissRecommendation, getRecommendations, type RecoList } from "./read";
import { POPULAR_KEY } from "./slots";

/**
 * The read-time filter, on every list a reader can get: the stored "popular" list of a user with no
 * list of their own, and the fallback before any refresh. The issue this guards against: a new user
 * bought an item and dismissed another, and "For you" ("Popular right now") still showed both.
 */
const BUYER = "read-test-buyer";
const VISITOR = "readtestvisitor0123456";

let fresh: FreshDb;
let db: Db;
let catalogue: { id: string; kind: string; price: number; currency: string; creatorId: string }[];

const ids = (list: RecoList) => list.items.map((i) => i.id);

async function buy(userId: string, productId: string): Promise<void> {
  const p = catalogue.find((c) => c.id === productId)!;
  const [order] = await db
    .insert(orders)
    .values({ userId, idempotencyKey: `read-test-${productId}`, totalAmount: p.price, currency: p.currency })
    .returning({ id: orders.id });
  await db.insert(orderLines).values({
    orderId: order!.id,
    productId,
    quantity: 1,
    unitAmount: p.price,
    currency: p.currency,
    creatorId: p.creatorId,
    title: "x",
  });
}

async function reset(): Promise<void> {
  await db.execute(sql`delete from reco_dismissal`);
  await db.execute(sql`delete from order_line where order_id in (select id from "order" where user_id = ${BUYER})`);
  await db.execute(sql`delete from "order" where user_id = ${BUYER}`);
  await db.execute(sql`update product set status = 'published' where status <> 'published'`);
}

beforeAll(async () => {
  fresh = await freshDatabase({ seed: true });
  db = fresh.db;
  await db.insert(users).values({ id: BUYER, email: "buyer@read.test", name: "Buyer", role: "consumer" });
  catalogue = (
    await db
      .select({
        id: products.id,
        kind: products.kind,
        price: products.priceAmount,
        currency: products.currency,
        creatorId: products.creatorId,
      })
      .from(products)
      .where(eq(products.status, "published"))
  ).map((p) => ({ ...p, kind: String(p.kind) }));
}, 120_000);

afterAll(async () => {
  await fresh?.dispose();
});

beforeEach(reset);

/** The same checks whichever list the reader gets. */
function filterCases(expectedBasis: RecoList["basis"]) {
  it("never shows an item the user bought", async () => {
    const before = await getRecommendations(db, { userId: BUYER, slot: "for_you", limit: 8 });
    expect(before.basis).toBe(expectedBasis);
    const bought = before.items[0]!.id;
    await buy(BUYER, bought);
    const after = await getRecommendations(db, { userId: BUYER, slot: "for_you", limit: 8 });
    expect(after.basis).toBe(expectedBasis);
    expect(ids(after)).not.toContain(bought);
    expect(after.items.length).toBeGreaterThan(0);
    // Someone else still sees it.
    expect(ids(await getRecommendations(db, { userId: "someone-else", slot: "for_you", limit: 8 }))).toContain(bought);
  });

  it("never shows an item the user or the visitor dismissed", async () => {
    const before = await getRecommendations(db, { userId: BUYER, slot: "for_you", limit: 8 });
    const victim = before.items[1]!.id;
    expect(await dismissRecommendation(db, { userId: BUYER, productId: victim })).toBe(true);
    expect(ids(await getRecommendations(db, { userId: BUYER, slot: "for_you", limit: 8 }))).not.toContain(victim);

    const anon = await getRecommendations(db, { visitorId: VISITOR, slot: "for_you", limit: 8 });
    const anonVictim = anon.items[0]!.id;
    expect(await dismissRecommendation(db, { visitorId: VISITOR, productId: anonVictim })).toBe(true);
    expect(ids(await getRecommendations(db, { visitorId: VISITOR, slot: "for_you", limit: 8 }))).not.toContain(
      anonVictim,
    );
    // Dismissed before signing in: still hidden once signed in on the same browser.
    expect(
      ids(await getRecommendations(db, { userId: BUYER, visitorId: VISITOR, slot: "for_you", limit: 8 })),
    ).not.toContain(anonVictim);
  });

  it("never shows an unpublished or sold-out item", async () => {
    const before = await getRecommendations(db, { userId: BUYER, slot: "for_you", limit: 24 });
    const [first, ...rest] = before.items;
    await db.update(products).set({ status: "archived" }).where(eq(products.id, first!.id));
    const artwork = rest.find((i) => i.kind === "artwork");
    if (artwork) await db.update(artworkDetails).set({ stock: 0 }).where(eq(artworkDetails.productId, artwork.id));
    const after = ids(await getRecommendations(db, { userId: BUYER, slot: "for_you", limit: 24 }));
    expect(after).not.toContain(first!.id);
    if (artwork) {
      expect(after).not.toContain(artwork.id);
      await db.update(artworkDetails).set({ stock: 1 }).where(eq(artworkDetails.productId, artwork.id));
    }
  });
}

describe("before any refresh (the fallback list)", () => {
  filterCases("fallback");
});

describe("a user without a list of their own (the stored popular list)", () => {
  beforeAll(async () => {
    await db.insert(recoState).values({ id: 1, generation: 1, refreshedAt: new Date(), stats: {} });
    await db.insert(recommendations).values(
      catalogue.slice(0, 20).map((p, i) => ({
        generation: 1,
        userId: POPULAR_KEY,
        slot: "for_you",
        rank: i + 1,
        productId: p.id,
        score: 20 - i,
        reason: { kind: "popular", source: "pop" },
      })),
    );
  });

  filterCases("popular");

  it("falls back, still filtered, when everything stored is filtered out", async () => {
    for (const p of catalogue.slice(0, 20)) await dismissRecommendation(db, { userId: BUYER, productId: p.id });
    const list = await getRecommendations(db, { userId: BUYER, slot: "for_you", limit: 8 });
    expect(list.basis).toBe("fallback");
    expect(list.items.length).toBeGreaterThan(0);
    const dismissed = new Set(catalogue.slice(0, 20).map((p) => p.id));
    expect(ids(list).filter((id) => dismissed.has(id))).toEqual([]);
  });
});
