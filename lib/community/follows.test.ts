import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase } from "@/db/client";
import { creators, events, follows, products, reviews, users } from "@/db/schema";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { getFollowState, listFeed, setFollow } from "./follows";

let fresh: FreshDb;
let reader: string;
let friend: string;
let creator: { id: string };
let firstProductId = "";
const product0 = () => firstProductId;

async function makeUser(email: string, name: string) {
  const [row] = await fresh.db.insert(users).values({ email, name, role: "consumer" }).returning({ id: users.id });
  return row!.id;
}

beforeAll(async () => {
  fresh = await freshDatabase({ seed: true });
  useDatabase({ db: fresh.db, driver: fresh.driver, close: fresh.dispose });
  reader = await makeUser("reader@follows.test", "Rae Reader");
  friend = await makeUser("friend@follows.test", "Fay Friend");
  [creator] = (await fresh.db
    .select({ id: creators.id })
    .from(creators)
    .where(eq(creators.slug, "west-lake-gallery"))) as [{ id: string }];
  const [p] = await fresh.db
    .select({ id: products.id })
    .from(products)
    .where(eq(products.status, "published"))
    .limit(1);
  firstProductId = p!.id;
});
afterAll(() => fresh?.dispose());

describe("follows and feed", () => {
  it("gives an empty feed to someone who follows no one", async () => {
    expect(await listFeed(fresh.db, reader)).toEqual([]);
  });

  it("follows a creator once, however often asked, and logs one follow event", async () => {
    const target = { targetKind: "creator" as const, targetId: creator.id };
    expect(await setFollow(fresh.db, reader, target, true)).toEqual({ ok: true, following: true });
    expect(await setFollow(fresh.db, reader, target, true)).toEqual({ ok: true, following: true });
    expect(await getFollowState(fresh.db, reader, target)).toEqual({ following: true, followers: 1 });
    expect(await getFollowState(fresh.db, null, target)).toEqual({ following: false, followers: 1 });
    expect(await fresh.db.$count(events, and(eq(events.type, "follow"), eq(events.userId, reader)))).toBe(1);
  });

  it("shows the followed creator's published works, newest first, and nothing of others", async () => {
    const feed = await listFeed(fresh.db, reader);
    const own = await fresh.db
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.creatorId, creator.id), eq(products.status, "published")));
    expect(feed.length).toBeGreaterThan(0);
    expect(feed.every((i) => i.kind === "product" && own.some((p) => p.id === i.product.id))).toBe(true);
    const times = feed.map((i) => i.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("adds reviews by followed people", async () => {
    const [anyProduct] = await fresh.db
      .select({ id: products.id })
      .from(products)
      .where(eq(products.status, "published"))
      .limit(1);
    await fresh.db.insert(reviews).values({ userId: friend, productId: anyProduct!.id, rating: 5, body: "A must." });
    await setFollow(fresh.db, reader, { targetKind: "user", targetId: friend }, true);
    const feed = await listFeed(fresh.db, reader);
    expect(feed[0]).toMatchObject({
      kind: "review",
      author: { id: friend, name: "Fay Friend" },
      rating: 5,
      body: "A must.",
    });
  });

  it("unfollows, and refuses self-follows and unknown targets without writing", async () => {
    expect(await setFollow(fresh.db, reader, { targetKind: "user", targetId: friend }, false)).toEqual({
      ok: true,
      following: false,
    });
    expect((await listFeed(fresh.db, reader)).some((i) => i.kind === "review")).toBe(false);
    const before = await fresh.db.$count(follows);
    expect(await setFollow(fresh.db, reader, { targetKind: "user", targetId: reader }, true)).toEqual({
      ok: false,
      code: "self",
    });
    expect(await setFollow(fresh.db, reader, { targetKind: "creator", targetId: "no-such-creator" }, true)).toEqual({
      ok: false,
      code: "not_found",
    });
    expect(await fresh.db.$count(follows)).toBe(before);
  });
});

describe("feed of community works", () => {
  it("includes works shared by followed people", async () => {
    const sharp = (await import("sharp")).default;
    const { publishWork, workInputSchema } = await import("./works");
    const img = await sharp({ create: { width: 300, height: 300, channels: 3, background: "#345" } })
      .png()
      .toBuffer();
    const posted = await publishWork(
      fresh.db,
      friend,
      workInputSchema.parse({ productId: product0(), title: "Evening plum blossoms" }),
      img,
    );
    if (!posted.ok) throw new Error(posted.code);
    await setFollow(fresh.db, reader, { targetKind: "user", targetId: friend }, true);
    const feed = await listFeed(fresh.db, reader);
    expect(feed.find((i) => i.kind === "work")).toMatchObject({
      kind: "work",
      title: "Evening plum blossoms",
      author: { id: friend },
    });
  });
});
