import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import {
  artworkDetails,
  courseDetails,
  creators,
  enrollments,
  events,
  orderLines,
  orders,
  products,
  recoState,
  users,
} from "@/db/schema";
import { queryRows } from "@/db/rows";
import { DEFAULT_POPULATION_NOW, generatePopulation, syntheticUserId } from "@/lib/seed/population";
import { productTopicSql } from "@/lib/catalog/queries";
import type { ProductCard } from "@/lib/catalog/types";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { eventWeight } from "../interactions";
import { dismissRecommendation, getItemNeighbours, getRecommendations } from "../read";
import { loadRefreshData } from "./load";
import { refreshRecommendations, type RefreshSummary } from "./refresh";

const NOW = DEFAULT_POPULATION_NOW.getTime();
const USERS = 240;
const BUYER = "reco-test-buyer";
const COLD = "reco-test-cold";
const VISITOR = "visitortest0123456789";

let fresh: FreshDb;
let db: Db;
let first: RefreshSummary;
let courseId: string;

/** The single value of a one-row, one-column query (count, sum, max...), as a number. */
async function count(query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await queryRows<Record<string, unknown>>(db, query);
  return Number(Object.values(row ?? {})[0] ?? 0);
}

/** Reco reads return the same cards as the catalogue: every field as stored, details and topic included. */
async function expectCompleteCards(items: ProductCard[]): Promise<void> {
  expect(items.length).toBeGreaterThan(0);
  for (const item of items) {
    const [row] = await db
      .select({
        priceAmount: products.priceAmount,
        currency: products.currency,
        imageSeed: products.imageSeed,
        creator: { slug: creators.slug, name: creators.name },
        level: courseDetails.level,
        medium: artworkDetails.medium,
        editionSize: artworkDetails.editionSize,
        stock: artworkDetails.stock,
        topic: productTopicSql,
      })
      .from(products)
      .innerJoin(creators, eq(creators.id, products.creatorId))
      .leftJoin(courseDetails, eq(courseDetails.productId, products.id))
      .leftJoin(artworkDetails, eq(artworkDetails.productId, products.id))
      .where(eq(products.id, item.id));
    expect(item).toMatchObject(row!);
  }
}

beforeAll(async () => {
  fresh = await freshDatabase({ seed: true });
  db = fresh.db;
  await generatePopulation(db, { users: USERS, events: 7_000, seed: 3 });
  const [course] = await db
    .select({ id: products.id, priceAmount: products.priceAmount })
    .from(products)
    .where(eq(products.slug, "song-dynasty-landscape-painting"));
  courseId = course!.id;
  // A buyer of an art-history course, known only from an order and an enrollment (no purchase event),
  // plus a long look at the course page.
  await db.insert(users).values([
    { id: BUYER, email: "buyer@reco.test", name: "Buyer", role: "consumer" },
    { id: COLD, email: "cold@reco.test", name: "Cold", role: "consumer" },
  ]);
  await db.transaction(async (tx) => {
    const [order] = await tx
      .insert(orders)
      .values({
        userId: BUYER,
        idempotencyKey: "reco-test-1",
        totalAmount: course!.priceAmount,
        currency: "USD",
        createdAt: new Date(NOW - 86_400_000),
      })
      .returning({ id: orders.id });
    const creator = await tx
      .select({ creatorId: products.creatorId, title: products.title })
      .from(products)
      .where(eq(products.id, courseId));
    await tx.insert(orderLines).values({
      orderId: order!.id,
      productId: courseId,
      creatorId: creator[0]!.creatorId,
      title: creator[0]!.title,
      quantity: 1,
      unitAmount: course!.priceAmount,
      currency: "USD",
    });
    await tx.insert(enrollments).values({ userId: BUYER, productId: courseId, orderId: order!.id });
    await tx.insert(events).values({
      type: "view",
      userId: BUYER,
      productId: courseId,
      dwellMs: 120_000,
      createdAt: new Date(NOW - 2 * 86_400_000),
    });
  });
  // An anonymous visitor (with consent) who looked at three artworks.
  const arts = await db.select({ id: products.id }).from(products).where(eq(products.kind, "artwork")).limit(3);
  await db.insert(events).values(
    arts.map((a) => ({
      type: "view" as const,
      visitorId: VISITOR,
      productId: a.id,
      dwellMs: 60_000,
      createdAt: new Date(NOW - 3_600_000),
    })),
  );
});

afterAll(async () => {
  await fresh?.dispose();
});

describe("before any refresh", () => {
  it("serves popular/newest fallbacks, never an empty strip", async () => {
    const list = await getRecommendations(db, { userId: syntheticUserId(1), slot: "for_you", limit: 6 });
    expect(list.basis).toBe("fallback");
    expect(list.items).toHaveLength(6);
    const similar = await getItemNeighbours(db, { productId: courseId, relation: "similar", limit: 4 });
    expect(similar.map((i) => i.kind)).toEqual(["course", "course", "course", "course"]);
    const cross = await getItemNeighbours(db, { productId: courseId, relation: "cross", limit: 4 });
    expect(cross.every((i) => i.kind === "artwork")).toBe(true);
    expect(cross).toHaveLength(4);
    await expectCompleteCards([...list.items, ...similar, ...cross]);
  });
});

describe("refreshRecommendations", () => {
  beforeAll(async () => {
    first = await refreshRecommendations(db, { now: NOW, seed: 7 });
  });

  it("writes a generation with clusters, neighbours and lists, and reports every stage", async () => {
    expect(first.generation).toBe(1);
    expect(first.stages.map((s) => s.stage)).toEqual([
      "load",
      "prepare",
      "content",
      "clusters",
      "tune",
      "models",
      "neighbours",
      "recommendations",
      "write",
    ]);
    const [state] = await db.select().from(recoState);
    expect(state?.generation).toBe(1);
    expect(first.clusters.k).toBeGreaterThanOrEqual(3);
    expect(first.clusters.k).toBeLessThanOrEqual(8);
    expect(first.counts.visitors).toBe(1);
    expect(await count(sql`select count(*) from user_cluster where generation = 1`)).toBe(first.counts.clustered);
    expect(await count(sql`select coalesce(sum(size), 0) from cluster where generation = 1`)).toBe(
      first.counts.clustered,
    );
    const [profile] = await queryRows<{
      profile: { trend: unknown[]; domainMix: { course: number; artwork: number }; tags: unknown[] };
    }>(db, sql`select profile from cluster where generation = 1 order by size desc limit 1`);
    expect(profile!.profile.trend).toHaveLength(8);
    expect(profile!.profile.domainMix.course + profile!.profile.domainMix.artwork).toBeCloseTo(1, 6);
    expect(profile!.profile.tags.length).toBeGreaterThan(0);
  });

  it("shows a buyer of an art-history course artworks, with the course as the reason", async () => {
    const list = await getRecommendations(db, { userId: BUYER, slot: "art_for_learners", limit: 4 });
    expect(list.basis).toBe("personal");
    expect(list.items.length).toBe(4);
    for (const item of list.items) expect(item.kind).toBe("artwork");
    // Most picks come from the walk from the course (too few people here to learn this slot's weights,
    // so it keeps its prior); the others carry their own source's reason.
    const fromCourse = list.items.filter((item) => item.reason.kind === "because_item");
    expect(fromCourse.length).toBeGreaterThanOrEqual(2);
    for (const item of fromCourse)
      expect(item.reason).toMatchObject({
        item: { title: "Song-dynasty landscape painting", kind: "course" },
        rel: "purchased",
      });
    const forYou = await getRecommendations(db, { userId: BUYER, slot: "for_you", limit: 12 });
    expect(forYou.items.map((i) => i.id)).not.toContain(courseId);
  });

  it("never stores a recommendation of something the user owns", async () => {
    const ownedByEvents = await count(
      sql`select count(*) from recommendation r join event e on e.user_id = r.user_id and e.product_id = r.product_id and e.type = 'purchase'`,
    );
    const ownedByEnrollment = await count(
      sql`select count(*) from recommendation r join enrollment e on e.user_id = r.user_id and e.product_id = r.product_id`,
    );
    expect(ownedByEvents + ownedByEnrollment).toBe(0);
    // The check above must be able to fail: the population did buy things.
    expect(await count(sql`select count(*) from event where type = 'purchase'`)).toBeGreaterThan(0);
  });

  it("keeps at most two items per creator in every blended list", async () => {
    const worst = await count(sql`select coalesce(max(n), 0) from (
      select r.user_id, r.slot, p.creator_id, count(*) as n from recommendation r join product p on p.id = r.product_id
      where r.score > 0 and r.user_id not in ('popular') and r.user_id not like 'cluster:%' group by 1, 2, 3) t`);
    expect(worst).toBe(2);
  });

  it("gives anonymous visitors with history their own list, and cold users popular picks", async () => {
    expect((await getRecommendations(db, { visitorId: VISITOR, slot: "for_you", limit: 4 })).basis).toBe("personal");
    const cold = await getRecommendations(db, { userId: COLD, slot: "for_you", limit: 6 });
    expect(cold.basis).toBe("popular");
    expect(cold.items).toHaveLength(6);
    await expectCompleteCards(cold.items);
  });

  it("stores same-kind and cross-kind neighbours for product pages", async () => {
    const similar = await getItemNeighbours(db, { productId: courseId, relation: "similar", limit: 6 });
    const cross = await getItemNeighbours(db, { productId: courseId, relation: "cross", limit: 6 });
    expect(similar).toHaveLength(6);
    expect(similar.every((i) => i.kind === "course" && i.id !== courseId)).toBe(true);
    expect(cross).toHaveLength(6);
    expect(cross.every((i) => i.kind === "artwork")).toBe(true);
    expect(new Set([...similar, ...cross].map((i) => i.source))).not.toContain("fallback");
    await expectCompleteCards([...similar, ...cross]);
  });

  it("computes cell weights in SQL exactly as interactions.ts's eventWeight (with time decay)", async () => {
    const data = await loadRefreshData(db, { now: NOW, halfLifeDays: 120 });
    const user = syntheticUserId(5);
    const raw = await db.select().from(events).where(eq(events.userId, user));
    const expected = new Map<string, number>();
    for (const e of raw) {
      if (!e.productId || !["view", "add_to_cart", "purchase"].includes(e.type)) continue;
      const base =
        e.type === "view"
          ? eventWeight({ type: "view", dwellSeconds: (e.dwellMs ?? 0) / 1000, userId: user, itemId: e.productId })
          : eventWeight({ type: e.type as "purchase", userId: user, itemId: e.productId });
      const decay = Math.pow(0.5, Math.max(0, NOW - e.createdAt.getTime()) / (120 * 86_400_000));
      expected.set(e.productId, (expected.get(e.productId) ?? 0) + base * decay);
    }
    expect(expected.size).toBeGreaterThan(0);
    for (const [productId, weight] of expected) {
      const t = data.cells.userKey.findIndex((k, i) => k === user && data.cells.productId[i] === productId);
      expect(t).toBeGreaterThanOrEqual(0);
      expect(data.cells.weight[t]).toBeCloseTo(weight, 9);
    }
  });

  it("hides a dismissed item at once and leaves it out of the next refresh; old generations are deleted", async () => {
    const user = syntheticUserId(1);
    const before = await getRecommendations(db, { userId: user, slot: "for_you", limit: 6 });
    const victim = before.items[0]!.id;
    expect(await dismissRecommendation(db, { userId: user, productId: victim })).toBe(true);
    const after = await getRecommendations(db, { userId: user, slot: "for_you", limit: 6 });
    expect(after.items.map((i) => i.id)).not.toContain(victim);

    const rowsBefore = await queryRows<{ user_id: string; slot: string; rank: number; product_id: string }>(
      db,
      sql`select user_id, slot, rank, product_id from recommendation where user_id = ${syntheticUserId(2)} order by slot, rank`,
    );
    const second = await refreshRecommendations(db, { now: NOW, seed: 7 });
    expect(second.generation).toBe(2);
    expect(await count(sql`select count(*) from recommendation where generation <> 2`)).toBe(0);
    expect(await count(sql`select count(*) from item_neighbor where generation <> 2`)).toBe(0);
    expect(
      await count(sql`select count(*) from recommendation where user_id = ${user} and product_id = ${victim}`),
    ).toBe(0);
    // Same data, same seed: the same lists.
    const rowsAfter = await queryRows<{ user_id: string; slot: string; rank: number; product_id: string }>(
      db,
      sql`select user_id, slot, rank, product_id from recommendation where user_id = ${syntheticUserId(2)} order by slot, rank`,
    );
    expect(rowsAfter).toEqual(rowsBefore);
    expect(rowsAfter.length).toBeGreaterThan(0);
  });

  it("does not recommend an item bought after the refresh", async () => {
    const user = syntheticUserId(3);
    const list = await getRecommendations(db, { userId: user, slot: "for_you", limit: 3 });
    const bought = list.items[0]!.id;
    await db.insert(enrollments).values({ userId: user, productId: bought });
    const again = await getRecommendations(db, { userId: user, slot: "for_you", limit: 3 });
    expect(again.items.map((i) => i.id)).not.toContain(bought);
    await db.delete(enrollments).where(and(eq(enrollments.userId, user), eq(enrollments.productId, bought)));
  });
});
