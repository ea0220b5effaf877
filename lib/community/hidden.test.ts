import { and, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase } from "@/db/client";
import { creators, products, users } from "@/db/schema";
import type { ArtworkView } from "@/lib/catalog/products";
import { artworkJsonLd, serializeJsonLd } from "@/lib/seo/json-ld";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { commentInputSchema, listComments, postComment } from "./comments";
import { listFeed, setFollow } from "./follows";
import { setHidden, type ReportTarget } from "./moderation";
import { getRatingSummary, listReviews, reviewInputSchema, submitReview } from "./reviews";
import {
  getWorkImageAccess,
  listRecentWorks,
  listWorksByUser,
  listWorksForCreator,
  listWorksForProduct,
  publishWork,
  workInputSchema,
} from "./works";

/**
 * One rule, checked against every reader: content a moderator hid is gone from all listings, counts,
 * the feed and the JSON-LD, and comes back when restored.
 */
let fresh: FreshDb;
let author: string;
let follower: string;
let product: { id: string; creatorId: string };
let targets: ReportTarget[];
let workFile: string;
const MARK = "zz-moderated-text";

async function everything() {
  const db = fresh.db;
  const [reviewList, summary, commentList, byProduct, byCreator, byUser, recent, feed] = await Promise.all([
    listReviews(db, product.id),
    getRatingSummary(db, product.id),
    listComments(db, product.id),
    listWorksForProduct(db, product.id),
    listWorksForCreator(db, product.creatorId),
    listWorksByUser(db, author),
    listRecentWorks(db, 100),
    listFeed(db, follower),
  ]);
  const art = {
    id: product.id,
    kind: "artwork",
    slug: "x",
    title: "x",
    subtitle: "",
    description: "",
    priceAmount: 100,
    currency: "USD",
    imageSeed: 0,
    tags: [],
    topic: null,
    creator: { id: "c", slug: "c", name: "c", kind: "artist", bio: "", location: null, country: null, fallback: {} },
    locale: "en",
    fallback: {},
    detailFallback: {},
    medium: "ink",
    widthMm: 1,
    heightMm: 1,
    depthMm: null,
    year: 2024,
    provenance: "",
    editionSize: 1,
    stock: 1,
    condition: null,
    certificate: false,
  } as ArtworkView;
  return {
    reviews: reviewList.filter((r) => r.body.includes(MARK)).length,
    ratingCount: summary.count,
    comments:
      commentList.filter((c) => c.body.includes(MARK)).length +
      commentList.flatMap((c) => c.replies).filter((r) => r.body.includes(MARK)).length,
    worksByProduct: byProduct.filter((w) => w.title.includes(MARK)).length,
    worksByCreator: byCreator.filter((w) => w.title.includes(MARK)).length,
    worksByUser: byUser.filter((w) => w.title.includes(MARK)).length,
    recentWorks: recent.filter((w) => w.title.includes(MARK)).length,
    feed: feed.filter(
      (i) => (i.kind === "review" && i.body.includes(MARK)) || (i.kind === "work" && i.title.includes(MARK)),
    ).length,
    jsonLd: serializeJsonLd(artworkJsonLd(art, summary, "https://atelier.example", reviewList)).includes(MARK),
    imageHidden: (await getWorkImageAccess(db, workFile))?.hidden,
  };
}

beforeAll(async () => {
  fresh = await freshDatabase({ seed: true });
  useDatabase({ db: fresh.db, driver: fresh.driver, close: fresh.dispose });
  const [a] = await fresh.db
    .insert(users)
    .values({ email: "author@hidden.test", name: "Ari Author", role: "consumer" })
    .returning({ id: users.id });
  const [f] = await fresh.db
    .insert(users)
    .values({ email: "follower@hidden.test", name: "Fen Follower", role: "consumer" })
    .returning({ id: users.id });
  author = a!.id;
  follower = f!.id;
  const [c] = await fresh.db.select({ id: creators.id }).from(creators).where(eq(creators.slug, "lin-mei"));
  [product] = (await fresh.db
    .select({ id: products.id, creatorId: products.creatorId })
    .from(products)
    .where(and(eq(products.creatorId, c!.id), eq(products.status, "published")))
    .limit(1)) as [typeof product];
  await setFollow(fresh.db, follower, { targetKind: "user", targetId: author }, true);

  await submitReview(
    fresh.db,
    author,
    reviewInputSchema.parse({ productId: product.id, rating: 1, body: `${MARK} review` }),
  );
  const question = await postComment(
    fresh.db,
    follower,
    commentInputSchema.parse({ productId: product.id, body: "A fair question" }),
  );
  if (!question.ok) throw new Error(question.code);
  const comment = await postComment(
    fresh.db,
    author,
    commentInputSchema.parse({ productId: product.id, body: `${MARK} comment` }),
  );
  const reply = await postComment(
    fresh.db,
    author,
    commentInputSchema.parse({ productId: product.id, parentId: question.id, body: `${MARK} reply` }),
  );
  const image = await sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 9, g: 9, b: 9 } } })
    .png()
    .toBuffer();
  const work = await publishWork(
    fresh.db,
    author,
    workInputSchema.parse({ productId: product.id, title: `${MARK} work` }),
    image,
  );
  if (!comment.ok || !reply.ok || !work.ok) throw new Error("setup failed");
  workFile = `${work.id}.webp`;
  targets = [
    { targetKind: "review", targetId: `${author}:${product.id}` },
    { targetKind: "comment", targetId: comment.id },
    { targetKind: "comment", targetId: reply.id },
    { targetKind: "work", targetId: work.id },
  ];
});
afterAll(() => fresh?.dispose());

describe("hidden content", () => {
  it("is listed everywhere while visible", async () => {
    expect(await everything()).toEqual({
      reviews: 1,
      ratingCount: 1,
      comments: 2,
      worksByProduct: 1,
      worksByCreator: 1,
      worksByUser: 1,
      recentWorks: 1,
      feed: 2,
      jsonLd: true,
      imageHidden: false,
    });
  });

  it("disappears from every listing, count, the feed and the JSON-LD once hidden", async () => {
    for (const t of targets) expect(await setHidden(fresh.db, t, true)).toEqual({ ok: true });
    expect(await everything()).toEqual({
      reviews: 0,
      ratingCount: 0,
      comments: 0,
      worksByProduct: 0,
      worksByCreator: 0,
      worksByUser: 0,
      recentWorks: 0,
      feed: 0,
      jsonLd: false,
      imageHidden: true,
    });
  });

  it("comes back when restored", async () => {
    for (const t of targets) await setHidden(fresh.db, t, false);
    expect(await everything()).toMatchObject({
      reviews: 1,
      comments: 2,
      recentWorks: 1,
      feed: 2,
      jsonLd: true,
      imageHidden: false,
    });
  });
});

describe("moderators' list of hidden content", () => {
  it("names what is hidden, newest first, and forgets it once restored", async () => {
    const { listHiddenContent } = await import("./moderation");
    const [review, , , work] = targets;
    await setHidden(fresh.db, review!, true, new Date("2026-11-28T10:00:00Z"));
    await setHidden(fresh.db, work!, true, new Date("2026-11-28T11:00:00Z"));
    const listed = await listHiddenContent(fresh.db);
    expect(listed.map((i) => [i.targetKind, i.targetId])).toEqual([
      ["work", work!.targetId],
      ["review", review!.targetId],
    ]);
    expect(listed[0]?.imageUrl).toBe(`/uploads/works/${workFile}`);
    await setHidden(fresh.db, review!, false);
    await setHidden(fresh.db, work!, false);
    expect(await listHiddenContent(fresh.db)).toEqual([]);
  });
});
