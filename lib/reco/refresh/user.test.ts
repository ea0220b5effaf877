import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { events, recommendations, users } from "@/db/schema";
import { queryRows } from "@/db/rows";
import { DEFAULT_POPULATION_NOW, generatePopulation, syntheticUserId } from "@/lib/seed/population";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { dismissRecommendation, getRecommendations } from "../read";
import { loadRefreshData } from "./load";
import { refreshRecommendations } from "./refresh";
import { recomputeUserLists } from "./user";

const NOW = DEFAULT_POPULATION_NOW.getTime();
const NEWCOMER = "reco-user-newcomer";

let fresh: FreshDb;
let db: Db;

beforeAll(async () => {
  fresh = await freshDatabase({ seed: true });
  db = fresh.db;
  await generatePopulation(db, { users: 120, events: 3_000, seed: 5 });
  await db.insert(users).values({ id: NEWCOMER, email: "new@reco.test", name: "New", role: "consumer" });
}, 180_000);

afterAll(async () => {
  await fresh?.dispose();
});

describe("one user's lists between refreshes", () => {
  it("does nothing before the first refresh", async () => {
    expect(await recomputeUserLists(db, NEWCOMER, { now: NOW })).toBeNull();
  });

  it("loads one user's evidence exactly as the full load does", async () => {
    const user = syntheticUserId(4);
    const all = await loadRefreshData(db, { now: NOW });
    const one = await loadRefreshData(db, { now: NOW, onlyUser: user });
    const pick = (d: typeof all) =>
      d.cells.userKey
        .map((k, t) => ({ k, p: d.cells.productId[t]!, w: d.cells.weight[t]! }))
        .filter((c) => c.k === user)
        .sort((a, b) => (a.p < b.p ? -1 : 1));
    const mine = pick(one);
    const full = pick(all);
    expect(mine.map((c) => c.p)).toEqual(full.map((c) => c.p));
    // The same sums, in whatever order the database added them.
    mine.forEach((c, t) => expect(c.w).toBeCloseTo(full[t]!.w, 9));
    expect(one.cells.userKey.every((k) => k === user)).toBe(true);
    expect(one.owned.every((o) => o.userId === user)).toBe(true);
    expect(one.owned.length).toBe(all.owned.filter((o) => o.userId === user).length);
  }, 60_000);

  it("gives a new buyer a personal list at once, without the item bought, because of it", async () => {
    const summary = await refreshRecommendations(db, { now: NOW, seed: 7 });
    const before = await getRecommendations(db, { userId: NEWCOMER, slot: "for_you", limit: 8 });
    expect(before.basis).toBe("popular");
    const bought = before.items[0]!.id;
    // The purchase as checkout records it (the order itself only adds "owned").
    await db
      .insert(events)
      .values({ type: "purchase", userId: NEWCOMER, productId: bought, createdAt: new Date(NOW - 60_000) });

    const update = await recomputeUserLists(db, NEWCOMER, { now: NOW });
    expect(update).toMatchObject({ generation: summary.generation });
    expect(update!.rows).toBeGreaterThan(0);
    const after = await getRecommendations(db, { userId: NEWCOMER, slot: "for_you", limit: 8 });
    expect(after.basis).toBe("personal");
    expect(after.generation).toBe(summary.generation);
    expect(after.items.map((i) => i.id)).not.toContain(bought);
    expect(after.items.length).toBe(8);
    const stored = await db
      .select({ productId: recommendations.productId, reason: recommendations.reason })
      .from(recommendations)
      .where(and(eq(recommendations.userId, NEWCOMER), eq(recommendations.slot, "for_you")));
    expect(stored.map((r) => r.productId)).not.toContain(bought);
    // Item-item evidence from the one purchase, where the stored neighbours have any.
    const [nb] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from item_neighbor where generation = ${summary.generation} and product_id = ${bought}`,
    );
    if (nb!.n > 0)
      expect(stored.some((r) => r.reason.kind === "because_item" && r.reason.itemId === bought)).toBe(true);
    // Only this user's rows changed; the studio can say when.
    const [state] = await queryRows<{ at: string | null }>(
      db,
      sql`select stats->>'userUpdatedAt' as at from reco_state`,
    );
    expect(state?.at).toBeTruthy();
  }, 120_000);

  it("leaves a dismissed item out of the recomputed list", async () => {
    const before = await getRecommendations(db, { userId: NEWCOMER, slot: "for_you", limit: 8 });
    const victim = before.items[0]!.id;
    await dismissRecommendation(db, { userId: NEWCOMER, productId: victim });
    await recomputeUserLists(db, NEWCOMER, { now: NOW });
    const stored = await db
      .select({ productId: recommendations.productId })
      .from(recommendations)
      .where(eq(recommendations.userId, NEWCOMER));
    expect(stored.map((r) => r.productId)).not.toContain(victim);
    expect(stored.length).toBeGreaterThan(0);
  }, 60_000);
});
