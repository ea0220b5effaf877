import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase } from "@/db/client";
import { comments, creators, products, reports, reviews, users } from "@/db/schema";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { COMMENT_RATE, commentInputSchema, listComments, postComment } from "./comments";
import { setFollow, listFeed } from "./follows";
import { listModerationQueue, reportContent, setHidden } from "./moderation";
import { getRatingSummary, listReviews } from "./reviews";

let fresh: FreshDb;
let asker: string;
let reporter: string;
let creatorUser: string;
let product: { id: string };

const input = (v: Record<string, unknown>) => commentInputSchema.parse(v);

beforeAll(async () => {
  fresh = await freshDatabase({ seed: true });
  useDatabase({ db: fresh.db, driver: fresh.driver, close: fresh.dispose });
  const [a] = await fresh.db
    .insert(users)
    .values({ email: "asker@comments.test", name: "Ash Asker", role: "consumer" })
    .returning({ id: users.id });
  const [r] = await fresh.db
    .insert(users)
    .values({ email: "reporter@comments.test", name: "Rory Reporter", role: "consumer" })
    .returning({ id: users.id });
  asker = a!.id;
  reporter = r!.id;
  const [c] = await fresh.db
    .select({ id: creators.id, userId: creators.userId })
    .from(creators)
    .where(eq(creators.slug, "lin-mei"));
  creatorUser = c!.userId!;
  [product] = (await fresh.db
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.creatorId, c!.id), eq(products.kind, "course")))
    .limit(1)) as [{ id: string }];
});
afterAll(() => fresh?.dispose());

describe("comments", () => {
  it("threads one level and flags the creator's answer", async () => {
    const q = await postComment(fresh.db, asker, input({ productId: product.id, body: "Which paper do you use?" }));
    if (!q.ok) throw new Error("expected a comment");
    const a = await postComment(
      fresh.db,
      creatorUser,
      input({ productId: product.id, parentId: q.id, body: "Unsized xuan paper." }),
    );
    if (!a.ok) throw new Error("expected a reply");
    // A reply to a reply is refused: threads are one level deep.
    expect(
      await postComment(fresh.db, asker, input({ productId: product.id, parentId: a.id, body: "Thanks!" })),
    ).toEqual({ ok: false, code: "not_found" });
    const list = await listComments(fresh.db, product.id);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ author: "Ash Asker", byCreator: false, body: "Which paper do you use?" });
    expect(list[0]!.replies).toEqual([expect.objectContaining({ body: "Unsized xuan paper.", byCreator: true })]);
  });

  it("rate-limits posting and writes nothing past the limit", async () => {
    const now = new Date("2026-11-28T12:00:00Z");
    const [u] = await fresh.db
      .insert(users)
      .values({ email: "chatty@comments.test", name: "Chatty", role: "consumer" })
      .returning({ id: users.id });
    for (let i = 0; i < COMMENT_RATE.max; i++)
      expect((await postComment(fresh.db, u!.id, input({ productId: product.id, body: `note ${i}` }), now)).ok).toBe(
        true,
      );
    expect(await postComment(fresh.db, u!.id, input({ productId: product.id, body: "one more" }), now)).toEqual({
      ok: false,
      code: "rate_limited",
    });
    expect(await fresh.db.$count(comments, eq(comments.userId, u!.id))).toBe(COMMENT_RATE.max);
  });

  it("refuses unknown products and empty or over-long text", async () => {
    expect(await postComment(fresh.db, asker, input({ productId: "nope", body: "hi" }))).toEqual({
      ok: false,
      code: "not_found",
    });
    expect(commentInputSchema.safeParse({ productId: "x", body: "   " }).error?.issues[0]?.message).toBe(
      "comment_required",
    );
    expect(commentInputSchema.safeParse({ productId: "x", body: "a".repeat(2001) }).error?.issues[0]?.message).toBe(
      "comment_too_long",
    );
  });
});

describe("moderation", () => {
  it("queues reports once per reporter, and hiding removes content from every listing", async () => {
    const q = await postComment(
      fresh.db,
      asker,
      input({ productId: product.id, body: "Buy cheap pills at spam.example" }),
    );
    if (!q.ok) throw new Error("expected a comment");
    await fresh.db.insert(reviews).values({ userId: asker, productId: product.id, rating: 1, body: "spam review" });
    const reviewId = `${asker}:${product.id}`;
    await setFollow(fresh.db, reporter, { targetKind: "user", targetId: asker }, true);

    expect(await reportContent(fresh.db, reporter, { targetKind: "comment", targetId: q.id, reason: "spam" })).toEqual({
      ok: true,
    });
    expect(await reportContent(fresh.db, reporter, { targetKind: "comment", targetId: q.id, reason: "spam" })).toEqual({
      ok: true,
    });
    expect(await reportContent(fresh.db, reporter, { targetKind: "review", targetId: reviewId, reason: "" })).toEqual({
      ok: true,
    });
    expect(await reportContent(fresh.db, reporter, { targetKind: "comment", targetId: "nope", reason: "" })).toEqual({
      ok: false,
      code: "not_found",
    });
    const queue = await listModerationQueue(fresh.db);
    expect(queue.map((i) => [i.targetKind, i.reports, i.body])).toEqual([
      ["comment", 1, "Buy cheap pills at spam.example"],
      ["review", 1, "spam review"],
    ]);

    expect(await setHidden(fresh.db, { targetKind: "comment", targetId: q.id }, true)).toEqual({ ok: true });
    expect(await setHidden(fresh.db, { targetKind: "review", targetId: reviewId }, true)).toEqual({ ok: true });
    expect((await listComments(fresh.db, product.id)).some((c) => c.id === q.id)).toBe(false);
    expect((await listReviews(fresh.db, product.id)).some((r) => r.body === "spam review")).toBe(false);
    expect((await getRatingSummary(fresh.db, product.id)).count).toBe(0);
    expect((await listFeed(fresh.db, reporter)).some((i) => i.kind === "review")).toBe(false);
    expect(await listModerationQueue(fresh.db)).toEqual([]);
    expect(await fresh.db.$count(reports)).toBe(2);

    await setHidden(fresh.db, { targetKind: "review", targetId: reviewId }, false);
    expect((await listReviews(fresh.db, product.id)).map((r) => r.body)).toContain("spam review");
  });
});
