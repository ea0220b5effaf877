import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { comments, products, reports, reviews, users } from "@/db/schema";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { commentInputSchema, postComment } from "./comments";
import { reportContent } from "./moderation";
import { RATE_LIMITS } from "./rate-limit";
import { reviewInputSchema, submitReview } from "./reviews";

let fresh: FreshDb;
let productIds: string[];

async function person(email: string) {
  const [u] = await fresh.db
    .insert(users)
    .values({ email, name: email.split("@")[0], role: "consumer" })
    .returning({ id: users.id });
  return u!.id;
}

beforeAll(async () => {
  fresh = await freshDatabase({ seed: true });
  productIds = (
    await fresh.db
      .select({ id: products.id })
      .from(products)
      .where(eq(products.status, "published"))
      .limit(RATE_LIMITS.review.max + 2)
  ).map((p) => p.id);
});
afterAll(() => fresh?.dispose());

describe("posting rate limits", () => {
  it("caps reviews per person per window, writes nothing past it, and frees up once the window has passed", async () => {
    const u = await person("sweeper@rate.test");
    const t0 = new Date("2026-11-28T09:00:00Z");
    const { max, windowMs } = RATE_LIMITS.review;
    for (let i = 0; i < max; i++)
      expect(
        await submitReview(fresh.db, u, reviewInputSchema.parse({ productId: productIds[i], rating: 5 }), { now: t0 }),
      ).toMatchObject({ ok: true });
    expect(
      await submitReview(fresh.db, u, reviewInputSchema.parse({ productId: productIds[max], rating: 5 }), { now: t0 }),
    ).toEqual({ ok: false, code: "rate_limited" });
    expect(await fresh.db.$count(reviews, eq(reviews.userId, u))).toBe(max);
    const later = new Date(t0.getTime() + windowMs + 1000);
    expect(
      await submitReview(fresh.db, u, reviewInputSchema.parse({ productId: productIds[max], rating: 5 }), {
        now: later,
      }),
    ).toMatchObject({ ok: true });
  });

  it("counts per person: one person at the limit does not block another", async () => {
    const a = await person("a@rate.test");
    const b = await person("b@rate.test");
    const now = new Date("2026-11-28T10:00:00Z");
    const post = (u: string, body: string) =>
      postComment(fresh.db, u, commentInputSchema.parse({ productId: productIds[0], body }), now);
    for (let i = 0; i < RATE_LIMITS.comment.max; i++) expect((await post(a, `a${i}`)).ok).toBe(true);
    expect(await post(a, "again")).toEqual({ ok: false, code: "rate_limited" });
    expect((await post(b, "hello")).ok).toBe(true);
  });

  it("holds under a burst of parallel posts from one person", async () => {
    const u = await person("burst@rate.test");
    const now = new Date("2026-11-28T11:00:00Z");
    const results = await Promise.all(
      Array.from({ length: RATE_LIMITS.comment.max * 3 }, (_, i) =>
        postComment(fresh.db, u, commentInputSchema.parse({ productId: productIds[1], body: `burst ${i}` }), now),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(RATE_LIMITS.comment.max);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === "rate_limited")).toBe(true);
    expect(await fresh.db.$count(comments, eq(comments.userId, u))).toBe(RATE_LIMITS.comment.max);
  });

  it("caps reports too, after which nothing more is queued", async () => {
    const reporter = await person("reporter@rate.test");
    const author = await person("author@rate.test");
    const now = new Date("2026-11-28T12:00:00Z");
    const ids: string[] = [];
    for (let i = 0; i <= RATE_LIMITS.report.max; i++) {
      const [c] = await fresh.db
        .insert(comments)
        .values({
          productId: productIds[2]!,
          userId: author,
          body: `c${i}`,
          createdAt: new Date("2026-11-27T00:00:00Z"),
        })
        .returning({ id: comments.id });
      ids.push(c!.id);
    }
    for (const id of ids.slice(0, -1))
      expect(await reportContent(fresh.db, reporter, { targetKind: "comment", targetId: id, reason: "" }, now)).toEqual(
        { ok: true },
      );
    expect(
      await reportContent(fresh.db, reporter, { targetKind: "comment", targetId: ids.at(-1)!, reason: "" }, now),
    ).toEqual({ ok: false, code: "rate_limited" });
    expect(await fresh.db.$count(reports, and(eq(reports.reporterId, reporter)))).toBe(RATE_LIMITS.report.max);
  });
});
