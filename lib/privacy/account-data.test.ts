import { and, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  comments,
  creators,
  enrollments,
  events,
  follows,
  orderLines,
  orders,
  products,
  reports,
  reviews,
  users,
  works,
} from "@/db/schema";
import { listComments } from "@/lib/community/comments";
import { publishWork, workInputSchema } from "@/lib/community/works";
import { readUpload } from "@/lib/uploads/images";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { countRowsNaming, deleteAccount, exportUserData } from "./account-data";

let fresh: FreshDb;
let alice: string;
let bob: string;
let aliceOrder: string;
let aliceFile: string;

async function personWithHistory(email: string, name: string, key: string) {
  const db = fresh.db;
  const [u] = await db
    .insert(users)
    .values({ email, name, role: "consumer", passwordHash: "x" })
    .returning({ id: users.id });
  const id = u!.id;
  const [course] = await db.select().from(products).where(eq(products.kind, "course")).limit(1);
  const [creator] = await db.select({ id: creators.id }).from(creators).limit(1);
  const [order] = await db
    .insert(orders)
    .values({ userId: id, idempotencyKey: key, totalAmount: course!.priceAmount, currency: "USD" })
    .returning({ id: orders.id });
  await db.insert(orderLines).values({
    orderId: order!.id,
    productId: course!.id,
    creatorId: course!.creatorId,
    title: course!.title,
    quantity: 1,
    unitAmount: course!.priceAmount,
    currency: "USD",
  });
  await db.insert(enrollments).values({ userId: id, productId: course!.id, orderId: order!.id });
  await db.insert(reviews).values({ userId: id, productId: course!.id, rating: 5, body: `${name} loved it` });
  await db.insert(follows).values({ followerId: id, targetKind: "creator", targetId: creator!.id });
  await db.insert(events).values([
    { type: "view", userId: id, productId: course!.id, dwellMs: 5000 },
    { type: "purchase", userId: id, productId: course!.id, value: course!.priceAmount },
  ]);
  const [comment] = await db
    .insert(comments)
    .values({ userId: id, productId: course!.id, body: `${name} asks a question` })
    .returning({ id: comments.id });
  const image = await sharp({ create: { width: 300, height: 300, channels: 3, background: { r: 1, g: 2, b: 3 } } })
    .png()
    .toBuffer();
  const work = await publishWork(
    db,
    id,
    workInputSchema.parse({ productId: course!.id, title: `${name}'s painting` }),
    image,
  );
  if (!work.ok) throw new Error(work.code);
  return {
    id,
    orderId: order!.id,
    courseId: course!.id,
    commentId: comment!.id,
    workFile: `${work.id}.webp`,
    workId: work.id,
  };
}

beforeAll(async () => {
  fresh = await freshDatabase({ seed: true });
  const a = await personWithHistory("alice@privacy.test", "Alice", "privacy-alice-order");
  const b = await personWithHistory("bob@privacy.test", "Bob", "privacy-bob-order");
  alice = a.id;
  aliceOrder = a.orderId;
  aliceFile = a.workFile;
  bob = b.id;
  await fresh.db.insert(follows).values({ followerId: bob, targetKind: "user", targetId: alice });
  await fresh.db.insert(events).values({ type: "follow", userId: bob, props: { userId: alice } });
  // Bob reports Alice's review, comment and work: the reports name her content.
  await fresh.db.insert(reports).values([
    { reporterId: bob, targetKind: "review", targetId: `${alice}:${a.courseId}` },
    { reporterId: bob, targetKind: "comment", targetId: a.commentId },
    { reporterId: bob, targetKind: "work", targetId: a.workId },
  ]);
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
    expect(data?.comments.map((c) => c.body)).toEqual(["Alice asks a question"]);
    expect(data?.works.map((w) => w.title)).toEqual(["Alice's painting"]);
    expect(data?.reportsMade).toEqual([]);
    const text = JSON.stringify(data);
    expect(text).not.toContain("bob@privacy.test");
    expect(text).not.toContain("Bob loved it");
    expect(text).not.toContain("Bob asks");
    expect(text).not.toContain("Bob's painting");
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
    expect(await fresh.db.$count(comments, eq(comments.body, "Alice asks a question"))).toBe(0);
    expect(await fresh.db.$count(works, eq(works.title, "Alice's painting"))).toBe(0);
    expect(await readUpload("works", aliceFile)).toBeNull();
    // Bob's reports about her content are gone; his follow event stays, without her id.
    expect(await fresh.db.$count(reports, eq(reports.reporterId, bob))).toBe(0);
    expect(await fresh.db.$count(events, and(eq(events.userId, bob), eq(events.type, "follow")))).toBe(1);
    expect(JSON.stringify(await fresh.db.select().from(events))).not.toContain(alice);
  });

  it("leaves everyone else's data alone", async () => {
    const data = await exportUserData(fresh.db, bob);
    expect(data?.orders).toHaveLength(1);
    expect(data?.reviews).toHaveLength(1);
    expect(data?.events).toHaveLength(3);
    expect(data?.comments).toHaveLength(1);
    expect(data?.works).toHaveLength(1);
    // Bob's follow of Alice went with her account; his follow of a creator stays.
    expect(data?.follows.map((f) => f.targetKind)).toEqual(["creator"]);
    expect(await fresh.db.$count(follows, and(eq(follows.targetKind, "user"), eq(follows.targetId, alice)))).toBe(0);
  });

  it("reports an unknown account without changing anything", async () => {
    expect(await deleteAccount(fresh.db, alice)).toEqual({ ok: false });
  });
});

describe("account deletion and comment threads", () => {
  it("keeps other people's answers under the deleted person's question, as a placeholder without author or text", async () => {
    const db = fresh.db;
    const person = async (email: string, name: string) =>
      (await db.insert(users).values({ email, name, role: "consumer" }).returning({ id: users.id }))[0]!.id;
    const [carol, dan] = [await person("carol@threads.test", "Carol"), await person("dan@threads.test", "Dan")];
    const [course] = await db.select({ id: products.id }).from(products).where(eq(products.kind, "course")).limit(1);
    const productId = course!.id;
    const post = async (userId: string, body: string, parentId?: string) =>
      (await db.insert(comments).values({ userId, productId, body, parentId }).returning({ id: comments.id }))[0]!.id;
    const answered = await post(carol, "Carol: which brush for the pines?");
    await post(dan, "Dan: a wolf-hair brush", answered);
    await post(carol, "Carol: thanks!", answered);
    const alone = await post(carol, "Carol: nobody answers this one");
    await post(carol, "Carol: still there?", alone);
    const dans = await post(dan, "Dan: is the paper included?");
    await post(carol, "Carol: yes, two sheets", dans);

    expect(await deleteAccount(db, carol)).toEqual({ ok: true });
    expect(await countRowsNaming(db, carol)).toBe(0);
    expect(JSON.stringify(await db.select().from(comments))).not.toContain("Carol");

    const threads = (await listComments(db, productId)).filter(
      (c) => c.id === answered || c.id === alone || c.id === dans,
    );
    expect(
      threads.map((c) => ({
        id: c.id,
        deleted: c.deleted,
        author: c.author,
        authorId: c.authorId,
        body: c.body,
        replies: c.replies.map((r) => r.body),
      })),
    ).toEqual([
      { id: answered, deleted: true, author: "", authorId: null, body: "", replies: ["Dan: a wolf-hair brush"] },
      { id: dans, deleted: false, author: "Dan", authorId: dan, body: "Dan: is the paper included?", replies: [] },
    ]);
  });

  it("removes the placeholder once its answers are gone with their author too", async () => {
    const db = fresh.db;
    const [erin] = await db
      .insert(users)
      .values({ email: "erin@threads.test", name: "Erin", role: "consumer" })
      .returning({ id: users.id });
    const [frank] = await db
      .insert(users)
      .values({ email: "frank@threads.test", name: "Frank", role: "consumer" })
      .returning({ id: users.id });
    const [course] = await db.select({ id: products.id }).from(products).where(eq(products.kind, "course")).limit(1);
    const [q] = await db
      .insert(comments)
      .values({ userId: erin!.id, productId: course!.id, body: "Erin asks" })
      .returning({ id: comments.id });
    await db
      .insert(comments)
      .values({ userId: frank!.id, productId: course!.id, body: "Frank answers", parentId: q!.id });
    await deleteAccount(db, erin!.id);
    expect((await listComments(db, course!.id)).some((c) => c.id === q!.id)).toBe(true);
    await deleteAccount(db, frank!.id);
    expect((await listComments(db, course!.id)).some((c) => c.id === q!.id)).toBe(false);
    expect(await db.$count(comments, eq(comments.id, q!.id))).toBe(0);
  });
});
