import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creators, enrollments, events, follows, orderLines, orders, products, reviews, users } from "@/db/schema";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { countRowsNaming, deleteAccount, exportUserData } from "./account-data";

let fresh: FreshDb;
let alice: string;
let bob: string;
let aliceOrder: string;

async function personWithHistory(email: string, name: string, key: string) {
  const db = fresh.db;
  const [u] = await db.insert(users).values({ email, name, role: "consumer", passwordHash: "x" }).returning({ id: users.id });
  const id = u!.id;
  const [course] = await db.select().from(products).where(eq(products.kind, "course")).limit(1);
  const [creator] = await db.select({ id: creators.id }).from(creators).limit(1);
  const [order] = await db.insert(orders).values({ userId: id, idempotencyKey: key, totalAmount: course!.priceAmount, currency: "USD" }).returning({ id: orders.id });
  await db.insert(orderLines).values({ orderId: order!.id, productId: course!.id, creatorId: course!.creatorId, title: course!.title, quantity: 1, unitAmount: course!.priceAmount, currency: "USD" });
  await db.insert(enrollments).values({ userId: id, productId: course!.id, orderId: order!.id });
  await db.insert(reviews).values({ userId: id, productId: course!.id, rating: 5, body: `${name} loved it` });
  await db.insert(follows).values({ followerId: id, targetKind: "creator", targetId: creator!.id });
  await db.insert(events).values([
    { type: "view", userId: id, productId: course!.id, dwellMs: 5000 },
    { type: "purchase", userId: id, productId: course!.id, value: course!.priceAmount },
  ]);
  return { id, orderId: order!.id };
}

beforeAll(async () => {
  fresh = await freshDatabase({ seed: true });
  const a = await personWithHistory("alice@privacy.test", "Alice", "privacy-alice-order");
  const b = await personWithHistory("bob@privacy.test", "Bob", "privacy-bob-order");
  alice = a.id;
  aliceOrder = a.orderId;
  bob = b.id;
  await fresh.db.insert(follows).values({ followerId: bob, targetKind: "user", targetId: alice });
});
afterAll(() => fresh?.dispose());

describe("data export", () => {
  it("contains the person's rows and nobody else's", async () => {
    const data = await exportUserData(fresh.db, alice);
    expect(data?.profile).toMatchObject({ email: "alice@privacy.test", name: "Alice" });
    expect(data?.orders).toHaveLength(1);
    expect(data?.orders[0]?.lines).toHaveLength(1);
    expect(data?.enrollments).toHaveLength(1);
    expect(data?.reviews.map((r) => r.body)).toEqual(["Alice loved it"]);
    expect(data?.events).toHaveLength(2);
    expect(data?.follows).toHaveLength(1);
    const text = JSON.stringify(data);
    expect(text).not.toContain("bob@privacy.test");
    expect(text).not.toContain("Bob loved it");
    expect(text).not.toContain(bob);
    expect(text).not.toContain("passwordHash");
  });

  it("is null for an unknown account", async () => {
    expect(await exportUserData(fresh.db, "00000000-0000-0000-0000-000000000000")).toBeNull();
  });
});

describe("account deletion", () => {
  it("erases personal data, anonymizes events, keeps the order for accounting", async () => {
    const eventsBefore = await fresh.db.$count(events);
    expect(await deleteAccount(fresh.db, alice)).toEqual({ ok: true });
    expect(await countRowsNaming(fresh.db, alice)).toBe(0);
    const [order] = await fresh.db.select().from(orders).where(eq(orders.id, aliceOrder));
    expect(order).toMatchObject({ userId: null });
    expect(await fresh.db.$count(orderLines, eq(orderLines.orderId, aliceOrder))).toBe(1);
    expect(await fresh.db.$count(events)).toBe(eventsBefore);
    expect(await fresh.db.$count(reviews, eq(reviews.body, "Alice loved it"))).toBe(0);
  });

  it("leaves everyone else's data alone", async () => {
    const data = await exportUserData(fresh.db, bob);
    expect(data?.orders).toHaveLength(1);
    expect(data?.reviews).toHaveLength(1);
    expect(data?.events).toHaveLength(2);
    // Bob's follow of Alice went with her account; his follow of a creator stays.
    expect(data?.follows.map((f) => f.targetKind)).toEqual(["creator"]);
    expect(await fresh.db.$count(follows, and(eq(follows.targetKind, "user"), eq(follows.targetId, alice)))).toBe(0);
  });

  it("reports an unknown account without changing anything", async () => {
    expect(await deleteAccount(fresh.db, alice)).toEqual({ ok: false });
  });
});
