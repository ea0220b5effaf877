/**
 * Reviews: a star rating (1-5) and text, one per person and product (the primary key decides), marked
 * "verified purchase" when the reviewer paid for the product or is enrolled in the course. Writing again
 * replaces the earlier review, so a buyer can correct theirs without ever having two.
 */
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Executor } from "@/db/client";
import { enrollments, orderLines, orders, products, reviews, users } from "@/db/schema";
import { recordServerEvent } from "@/lib/tracking/record";
import { withinRateLimit } from "./rate-limit";

export const REVIEW_BODY_MAX = 2000;

export const reviewInputSchema = z.object({
  productId: z.string().trim().min(1).max(128),
  rating: z.coerce
    .number({ error: "rating_required" })
    .int({ error: "rating_required" })
    .min(1, { error: "rating_required" })
    .max(5, { error: "rating_required" }),
  body: z.string().trim().max(REVIEW_BODY_MAX, { error: "review_too_long" }).default(""),
});
export type ReviewInput = z.infer<typeof reviewInputSchema>;

export type ReviewView = {
  userId: string;
  author: string;
  rating: number;
  body: string;
  verified: boolean;
  createdAt: Date;
};
export type RatingSummary = { average: number | null; count: number };

export type SubmitReviewResult = { ok: true; verified: boolean } | { ok: false; code: "not_found" | "rate_limited" };

/**
 * `track`: also log a "review" behaviour event for the recommenders. The caller passes the person's
 * analytics choice; the review itself is content they chose to publish and is stored either way.
 */
export type SubmitReviewOptions = { now?: Date; track?: boolean };

async function hasBought(db: Executor, userId: string, productId: string): Promise<boolean> {
  const [row] = await db
    .select({
      bought: sql<boolean>`exists (select 1 from ${orderLines} ol join ${orders} o on o.id = ol.order_id
        where o.user_id = ${userId} and ol.product_id = ${productId} and o.status in ('paid', 'fulfilled'))
        or exists (select 1 from ${enrollments} e where e.user_id = ${userId} and e.product_id = ${productId})`,
    })
    .from(sql`(select 1) as one`);
  return row?.bought === true;
}

/** Creates or replaces the user's review of a published product, and logs it for the recommenders. */
export async function submitReview(
  db: Db,
  userId: string,
  input: ReviewInput,
  opts: SubmitReviewOptions = {},
): Promise<SubmitReviewResult> {
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    const [product] = await tx
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.id, input.productId), eq(products.status, "published")))
      .limit(1);
    if (!product) return { ok: false, code: "not_found" } as const;
    if (!(await withinRateLimit(tx, userId, "review", now))) return { ok: false, code: "rate_limited" } as const;
    const verified = await hasBought(tx, userId, input.productId);
    await tx
      .insert(reviews)
      .values({
        userId,
        productId: input.productId,
        rating: input.rating,
        body: input.body,
        verified: verified ? 1 : 0,
        createdAt: now,
      })
      .onConflictDoUpdate({
        target: [reviews.userId, reviews.productId],
        set: { rating: input.rating, body: input.body, verified: verified ? 1 : 0, createdAt: now },
      });
    if (opts.track !== false)
      await recordServerEvent(tx, { type: "review", userId, productId: input.productId, value: input.rating, at: now });
    return { ok: true, verified } as const;
  });
}

export async function getRatingSummary(db: Executor, productId: string): Promise<RatingSummary> {
  const [row] = await db
    .select({ average: sql<number | null>`avg(${reviews.rating})::float8`, count: sql<number>`count(*)::int` })
    .from(reviews)
    .where(and(eq(reviews.productId, productId), isNull(reviews.hiddenAt)));
  const count = row?.count ?? 0;
  return { average: count > 0 && row?.average != null ? Math.round(row.average * 10) / 10 : null, count };
}

/** Newest first; verified purchases are not reordered, so readers see the honest sequence. */
export async function listReviews(db: Executor, productId: string, limit = 20): Promise<ReviewView[]> {
  const rows = await db
    .select({
      userId: reviews.userId,
      author: users.name,
      rating: reviews.rating,
      body: reviews.body,
      verified: reviews.verified,
      createdAt: reviews.createdAt,
    })
    .from(reviews)
    .innerJoin(users, eq(users.id, reviews.userId))
    .where(and(eq(reviews.productId, productId), isNull(reviews.hiddenAt)))
    .orderBy(desc(reviews.createdAt))
    .limit(limit);
  return rows.map((r) => ({ ...r, author: r.author ?? "", verified: r.verified === 1 }));
}
