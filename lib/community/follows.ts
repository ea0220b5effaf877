/**
 * Follows (a person follows a creator or another person) and the feed built from them: new courses and
 * artworks of followed creators, and reviews and community works by followed people, newest first.
 */
import { and, desc, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Executor } from "@/db/client";
import { creators, follows, products, reviews, users, works } from "@/db/schema";
import { listProductCardsByIds } from "@/lib/catalog/queries";
import type { ProductCard } from "@/lib/catalog/types";
import { recordServerEvent } from "@/lib/tracking/record";
import { workImageUrl } from "./works";
import { DEFAULT_LOCALE, type Locale } from "@/i18n/locales";

export const followTargetSchema = z.object({
  targetKind: z.enum(["creator", "user"]),
  targetId: z.string().trim().min(1).max(128),
});
export type FollowTarget = z.infer<typeof followTargetSchema>;

export type FollowResult = { ok: true; following: boolean } | { ok: false; code: "not_found" | "self" };

async function targetExists(db: Executor, target: FollowTarget): Promise<boolean> {
  const table = target.targetKind === "creator" ? creators : users;
  const [row] = await db.select({ id: table.id }).from(table).where(eq(table.id, target.targetId)).limit(1);
  return row !== undefined;
}

/**
 * Follows or unfollows; following twice is the same as once. `track`: also log a "follow" behaviour
 * event for the recommenders (the caller passes the person's analytics choice).
 */
export async function setFollow(
  db: Db,
  userId: string,
  target: FollowTarget,
  follow: boolean,
  opts: { track?: boolean } = {},
): Promise<FollowResult> {
  if (target.targetKind === "user" && target.targetId === userId) return { ok: false, code: "self" };
  return db.transaction(async (tx) => {
    if (!(await targetExists(tx, target))) return { ok: false, code: "not_found" } as const;
    const key = and(
      eq(follows.followerId, userId),
      eq(follows.targetKind, target.targetKind),
      eq(follows.targetId, target.targetId),
    );
    if (!follow) {
      await tx.delete(follows).where(key);
      return { ok: true, following: false } as const;
    }
    const inserted = await tx
      .insert(follows)
      .values({ followerId: userId, ...target })
      .onConflictDoNothing()
      .returning({ id: follows.targetId });
    if (inserted.length > 0 && opts.track !== false) {
      await recordServerEvent(tx, {
        type: "follow",
        userId,
        props: target.targetKind === "creator" ? { creatorId: target.targetId } : { userId: target.targetId },
      });
    }
    return { ok: true, following: true } as const;
  });
}

export async function getFollowState(
  db: Executor,
  userId: string | null,
  target: FollowTarget,
): Promise<{ following: boolean; followers: number }> {
  const [row] = await db
    .select({
      followers: sql<number>`count(*)::int`,
      following: sql<boolean>`coalesce(bool_or(${follows.followerId} = ${userId ?? ""}), false)`,
    })
    .from(follows)
    .where(and(eq(follows.targetKind, target.targetKind), eq(follows.targetId, target.targetId)));
  return { following: row?.following === true, followers: row?.followers ?? 0 };
}

/** Which of `ids` (creators or people) the user follows: one query for a whole list of authors. */
export async function followedAmong(
  db: Executor,
  userId: string,
  targetKind: "creator" | "user",
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: follows.targetId })
    .from(follows)
    .where(and(eq(follows.followerId, userId), eq(follows.targetKind, targetKind), inArray(follows.targetId, ids)));
  return new Set(rows.map((r) => r.id));
}

export type FeedItem =
  | { kind: "product"; at: Date; product: ProductCard }
  | {
      kind: "review";
      at: Date;
      author: { id: string; name: string };
      product: ProductCard;
      rating: number;
      body: string;
    }
  | {
      kind: "work";
      at: Date;
      author: { id: string; name: string };
      product: ProductCard;
      workId: string;
      title: string;
      imageUrl: string;
      width: number;
      height: number;
    };

/** What the people and creators a user follows did lately; empty when they follow no one. */
/** The feed; `locale` is the page's, for the product cards' texts. */
export async function listFeed(
  db: Db,
  userId: string,
  limit = 30,
  locale: Locale = DEFAULT_LOCALE,
): Promise<FeedItem[]> {
  const followedCreators = db
    .select({ id: follows.targetId })
    .from(follows)
    .where(and(eq(follows.followerId, userId), eq(follows.targetKind, "creator")));
  const followedUsers = db
    .select({ id: follows.targetId })
    .from(follows)
    .where(and(eq(follows.followerId, userId), eq(follows.targetKind, "user")));
  // A followed creator's own community posts count too (the person behind the studio).
  const followedCreatorOwners = db
    .select({ id: creators.userId })
    .from(creators)
    .where(and(inArray(creators.id, followedCreators), isNotNull(creators.userId)));
  const [newProducts, newReviews, newWorks] = await Promise.all([
    db
      .select({ id: products.id, at: products.createdAt })
      .from(products)
      .where(
        and(
          inArray(products.creatorId, followedCreators),
          eq(products.status, "published"),
          inArray(products.kind, ["course", "artwork", "bundle"]),
        ),
      )
      .orderBy(desc(products.createdAt))
      .limit(limit),
    db
      .select({
        productId: reviews.productId,
        at: reviews.createdAt,
        authorId: users.id,
        author: users.name,
        rating: reviews.rating,
        body: reviews.body,
      })
      .from(reviews)
      .innerJoin(users, eq(users.id, reviews.userId))
      .where(and(inArray(reviews.userId, followedUsers), isNull(reviews.hiddenAt)))
      .orderBy(desc(reviews.createdAt))
      .limit(limit),
    db
      .select({
        id: works.id,
        productId: works.productId,
        at: works.createdAt,
        authorId: users.id,
        author: users.name,
        title: works.title,
        imageFile: works.imageFile,
        width: works.width,
        height: works.height,
      })
      .from(works)
      .innerJoin(users, eq(users.id, works.userId))
      .where(
        and(
          or(inArray(works.userId, followedUsers), inArray(works.userId, followedCreatorOwners)),
          isNull(works.hiddenAt),
        ),
      )
      .orderBy(desc(works.createdAt))
      .limit(limit),
  ]);
  const cards = new Map(
    (
      await listProductCardsByIds({
        ids: [
          ...new Set([
            ...newProducts.map((p) => p.id),
            ...newReviews.map((r) => r.productId),
            ...newWorks.map((w) => w.productId),
          ]),
        ],
        locale,
      })
    ).map((c) => [c.id, c]),
  );
  const items: FeedItem[] = [];
  for (const p of newProducts) {
    const product = cards.get(p.id);
    if (product) items.push({ kind: "product", at: p.at, product });
  }
  for (const r of newReviews) {
    const product = cards.get(r.productId);
    if (product)
      items.push({
        kind: "review",
        at: r.at,
        author: { id: r.authorId, name: r.author ?? "" },
        product,
        rating: r.rating,
        body: r.body,
      });
  }
  for (const w of newWorks) {
    const product = cards.get(w.productId);
    if (product)
      items.push({
        kind: "work",
        at: w.at,
        author: { id: w.authorId, name: w.author ?? "" },
        product,
        workId: w.id,
        title: w.title,
        imageUrl: workImageUrl(w.imageFile),
        width: w.width,
        height: w.height,
      });
  }
  return items.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
}
