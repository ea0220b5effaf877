/**
 * The right of access and the right to erasure for one account.
 * - exportUserData: every row that is about the person, as plain JSON.
 * - deleteAccount: personal data erased (profile, sessions, reviews, follows, cart, offers, progress,
 *   reco results), behaviour events anonymized (no user id, no visitor id), orders kept for accounting
 *   with the buyer removed (order.user_id is `on delete set null`). One transaction: all or nothing.
 * Experiment exposures keep their random visitor id (needed to count each visitor once) but lose the
 * user id and the visitor-to-user link, so they no longer point at a person.
 */
import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { listWorkFilesOfUser } from "@/lib/community/works";
import { removeUpload } from "@/lib/uploads/images";
import {
  carts,
  cartItems,
  enrollments,
  events,
  follows,
  lessonProgress,
  offers,
  orderLines,
  orders,
  recoDismissals,
  recommendations,
  reviews,
  userClusters,
  users,
  visitorUsers,
  works,
} from "@/db/schema";

export async function exportUserData(db: Db, userId: string) {
  const [profile] = await db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, userId));
  if (!profile) return null;
  const myOrders = await db.select().from(orders).where(eq(orders.userId, userId));
  const orderIds = myOrders.map((o) => o.id);
  const [lines, myEnrollments, progress, myEvents, myReviews, myFollows, myOffers, cart, visitors, myWorks] = await Promise.all([
    orderIds.length ? db.select().from(orderLines).where(inArray(orderLines.orderId, orderIds)) : Promise.resolve([]),
    db.select().from(enrollments).where(eq(enrollments.userId, userId)),
    db.select().from(lessonProgress).where(eq(lessonProgress.userId, userId)),
    db.select().from(events).where(eq(events.userId, userId)),
    db.select().from(reviews).where(eq(reviews.userId, userId)),
    db.select().from(follows).where(eq(follows.followerId, userId)),
    db.select().from(offers).where(eq(offers.buyerId, userId)),
    db
      .select({ productId: cartItems.productId, quantity: cartItems.quantity, addedAt: cartItems.addedAt })
      .from(cartItems)
      .innerJoin(carts, eq(carts.id, cartItems.cartId))
      .where(eq(carts.userId, userId)),
    db.select({ visitorId: visitorUsers.visitorId }).from(visitorUsers).where(eq(visitorUsers.userId, userId)),
    db.select().from(works).where(eq(works.userId, userId)),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    profile,
    orders: myOrders.map((o) => ({ ...o, lines: lines.filter((l) => l.orderId === o.id) })),
    enrollments: myEnrollments,
    lessonProgress: progress,
    events: myEvents,
    reviews: myReviews,
    follows: myFollows,
    offers: myOffers,
    cart,
    linkedVisitorIds: visitors.map((v) => v.visitorId),
    works: myWorks,
  };
}
export type UserDataExport = NonNullable<Awaited<ReturnType<typeof exportUserData>>>;

export async function deleteAccount(db: Db, userId: string): Promise<{ ok: boolean }> {
  const files = await listWorkFilesOfUser(db, userId);
  const result = await db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
    if (!user) return { ok: false };
    const visitorIds = (await tx.select({ v: visitorUsers.visitorId }).from(visitorUsers).where(eq(visitorUsers.userId, userId))).map((r) => r.v);
    // Behaviour stays for aggregate statistics, detached from the person and from their browser.
    await tx
      .update(events)
      .set({ userId: null, visitorId: null })
      .where(visitorIds.length ? or(eq(events.userId, userId), inArray(events.visitorId, visitorIds)) : eq(events.userId, userId));
    // Rows keyed by the user id without a foreign key (reco results, follows of this person).
    await tx.delete(follows).where(and(eq(follows.targetKind, "user"), eq(follows.targetId, userId)));
    await tx.delete(recommendations).where(eq(recommendations.userId, userId));
    await tx.delete(userClusters).where(eq(userClusters.userId, userId));
    await tx.delete(recoDismissals).where(inArray(recoDismissals.userKey, [userId, ...visitorIds.map((v) => `v:${v}`)]));
    // Everything else cascades or is set null by the foreign keys (orders keep their lines, lose the buyer).
    await tx.delete(users).where(eq(users.id, userId));
    return { ok: true };
  });
  // Files go once the rows are gone for good; a file left by a crash here is unreachable, not personal data on show.
  if (result.ok) await Promise.all(files.map((f) => removeUpload("works", f)));
  return result;
}

/** For tests and audits: how many rows still name the user anywhere. */
export async function countRowsNaming(db: Db, userId: string): Promise<number> {
  const [row] = await db.execute<{ n: number }>(sql`
    select (select count(*) from "user" where id = ${userId})
         + (select count(*) from event where user_id = ${userId})
         + (select count(*) from "order" where user_id = ${userId})
         + (select count(*) from review where user_id = ${userId})
         + (select count(*) from follow where follower_id = ${userId} or (target_kind = 'user' and target_id = ${userId}))
         + (select count(*) from enrollment where user_id = ${userId})
         + (select count(*) from offer where buyer_id = ${userId})
         + (select count(*) from cart where user_id = ${userId})
         + (select count(*) from recommendation where user_id = ${userId})
         + (select count(*) from experiment_exposure where user_id = ${userId}) as n`).then((r) => (Array.isArray(r) ? r : (r as { rows: { n: number }[] }).rows));
  return Number(row?.n ?? 0);
}
