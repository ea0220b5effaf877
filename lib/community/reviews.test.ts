import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enrollments, events, orderLines, orders, products, reviews, users } from "@/db/schema";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { getRatingSummary, listReviews, reviewInputSchema, submitReview } from "./reviews";

let fresh: FreshDb;
let artwork: { id: string; creatorId: string; priceAmount: number; title: string };
let course: { id: string };
let buyer: string;
let browser: string;

async function makeUser(email: string, name: string) {
  const [row] = await fresh.db.insert(users).values({ email, name, role: "consumer" }).returning({ id: users.id });
  return row!.id;
}

beforeAll(async () => {
  fresh = await freshDatabase({ seed: true });
  const [a] = await fresh.db
    .select({
      id: products.id,
      creatorId: products.creatorId,
      priceAmount: products.priceAmount,
      title: products.title,
    })
    .from(products)
    .where(and(eq(products.kind, "artwork"), eq(products.status, "published")))
    .limit(1);
  const [c] = await fresh.db
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.kind, "course"), eq(products.status, "published")))
    .limit(1);
  artwork = a!;
  course = c!;
  buyer = await makeUser("buyer@reviews.test", "Bea Buyer");
  browser = await makeUser("browser@reviews.test", "Ben Browser");
  const [order] = await fresh.db
    .insert(orders)
    .values({ userId: buyer, idempotencyKey: "reviews-test-order", totalAmount: artwork.priceAmount, currency: "USD" })
    .returning({ id: orders.id });
  await fresh.db.insert(orderLines).values({
    orderId: order!.id,
    productId: artwork.id,
    creatorId: artwork.creatorId,
    title: artwork.title,
    quantity: 1,
    unitAmount: artwork.priceAmount,
    currency: "USD",
  });
  await fresh.db.insert(enrollments).values({ userId: buyer, productId: course.id });
});
afterAll(() => fresh?.dispose());

const input = (v: Record<string, unknown>) => reviewInputSchema.parse(v);

describe("reviews", () => {
  it("marks a buyer's review as a verified purchase, and a non-buyer's not", async () => {
    expect(
      await submitReview(
        fresh.db,
        buyer,
        input({ productId: artwork.id, rating: "5", body: "Even better in person." }),
      ),
    ).toEqual({ ok: true, verified: true });
    expect(await submitReview(fresh.db, browser, input({ productId: artwork.id, rating: 2, body: "" }))).toEqual({
      ok: true,
      verified: false,
    });
    expect(await submitReview(fresh.db, buyer, input({ productId: course.id, rating: 4 }))).toEqual({
      ok: true,
      verified: true,
    });
    const list = await listReviews(fresh.db, artwork.id);
    expect(list.map((r) => [r.author, r.rating, r.verified])).toEqual(
      expect.arrayContaining([
        ["Bea Buyer", 5, true],
        ["Ben Browser", 2, false],
      ]),
    );
  });

  it("keeps one review per person and product: a second one replaces the first", async () => {
    await submitReview(fresh.db, browser, input({ productId: artwork.id, rating: 3, body: "Changed my mind." }));
    const mine = await fresh.db
      .select()
      .from(reviews)
      .where(and(eq(reviews.userId, browser), eq(reviews.productId, artwork.id)));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ rating: 3, body: "Changed my mind." });
    expect(await getRatingSummary(fresh.db, artwork.id)).toEqual({ average: 4, count: 2 });
  });

  it("gives no average for an unreviewed product", async () => {
    const [other] = await fresh.db
      .select({ id: products.id })
      .from(products)
      .where(eq(products.kind, "artwork"))
      .offset(5)
      .limit(1);
    expect(await getRatingSummary(fresh.db, other!.id)).toEqual({ average: null, count: 0 });
  });

  it("refuses unknown products and writes nothing", async () => {
    const before = await fresh.db.$count(reviews);
    const eventsBefore = await fresh.db.$count(events);
    expect(await submitReview(fresh.db, buyer, input({ productId: "no-such-product", rating: 4 }))).toEqual({
      ok: false,
      code: "not_found",
    });
    expect(await fresh.db.$count(reviews)).toBe(before);
    expect(await fresh.db.$count(events)).toBe(eventsBefore);
  });

  it("logs each review as an event for the recommenders", async () => {
    const logged = await fresh.db
      .select()
      .from(events)
      .where(and(eq(events.type, "review"), eq(events.userId, buyer)));
    expect(logged.map((e) => e.value).sort()).toEqual([4, 5]);
  });

  it("validates rating and length with message keys", () => {
    for (const rating of [0, 6, 2.5, "abc", undefined]) {
      expect(reviewInputSchema.safeParse({ productId: "x", rating }).error?.issues[0]?.message).toBe("rating_required");
    }
    expect(
      reviewInputSchema.safeParse({ productId: "x", rating: 4, body: "a".repeat(2001) }).error?.issues[0]?.message,
    ).toBe("review_too_long");
    expect(reviewInputSchema.parse({ productId: "x", rating: "4", body: "  <script>alert(1)</script>  " }).body).toBe(
      "<script>alert(1)</script>",
    );
  });
});
