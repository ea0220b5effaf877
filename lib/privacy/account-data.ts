/**
 * The right of access and the right to erasure for one account.
 * - exportUserData: every row that is about the person, as plain JSON.
 * - deleteAccount: personal data erased (profile, sessions, reviews, follows, cart, offers, progress,
 *   reco results, saved addresses), behaviour events anonymized (no user id, no visitor id), orders kept
 *   for accounting with the buyer removed (order.user_id is `on delete set null`); an order's copy of its
 *   shipping address stays with it, as an invoice's would. One transaction: all or nothing.
 * Experiment exposures keep their random visitor id (needed to count each visitor once) but lose the
 * user id and the visitor-to-user link, so they no longer point at a person.
 */
import { and, eq, inArray, isNotNull, isNull, like, notInArray, or, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { queryRows } from "@/db/rows";
import { listWorkFilesOfUser } from "@/lib/community/works";
import { removeUpload } from "@/lib/uploads/images";
import {
  carts,
  cartItems,
  comments,
  enrollments,
  events,
  experimentExposures,
  follows,
  lessonProgress,
  offers,
  addresses,
  orderAddresses,
  orderLines,
  orders,
  recoDismissals,
  recommendations,
  reports,
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
  const [
    lines,
    myEnrollments,
    progress,
    myEvents,
    myReviews,
    myFollows,
    myOffers,
    cart,
    visitors,
    myWorks,
    myComments,
    myReports,
    myExposures,
    myAddresses,
    shipTo,
  ] = await Promise.all([
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
    db.select().from(comments).where(eq(comments.userId, userId)),
    db
      .select({
        targetKind: reports.targetKind,
        targetId: reports.targetId,
        reason: reports.reason,
        createdAt: reports.createdAt,
        resolvedAt: reports.resolvedAt,
      })
      .from(reports)
      .where(eq(reports.reporterId, userId)),
    db
      .select({
        experimentId: experimentExposures.experimentId,
        variant: experimentExposures.variant,
        visitorId: experimentExposures.visitorId,
        exposedAt: experimentExposures.exposedAt,
      })
      .from(experimentExposures)
      .where(eq(experimentExposures.userId, userId)),
    db.select().from(addresses).where(eq(addresses.userId, userId)),
    orderIds.length
      ? db.select().from(orderAddresses).where(inArray(orderAddresses.orderId, orderIds))
      : Promise.resolve([]),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    profile,
    orders: myOrders.map((o) => ({
      ...o,
      lines: lines.filter((l) => l.orderId === o.id),
      shippingAddress: shipTo.find((a) => a.orderId === o.id) ?? null,
    })),
    addresses: myAddresses,
    enrollments: myEnrollments,
    lessonProgress: progress,
    events: myEvents,
    reviews: myReviews,
    follows: myFollows,
    offers: myOffers,
    cart,
    linkedVisitorIds: visitors.map((v) => v.visitorId),
    works: myWorks,
    comments: myComments,
    reportsMade: myReports,
    experimentExposures: myExposures,
  };
}
export type UserDataExport = NonNullable<Awaited<ReturnType<typeof exportUserData>>>;

export async function deleteAccount(db: Db, userId: string): Promise<{ ok: boolean }> {
  const result = await db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
    if (!user) return { ok: false, files: [] };
    const files = await listWorkFilesOfUser(tx, userId);
    const visitorIds = (
      await tx.select({ v: visitorUsers.visitorId }).from(visitorUsers).where(eq(visitorUsers.userId, userId))
    ).map((r) => r.v);
    // Behaviour stays for aggregate statistics, detached from the person and from their browser.
    await tx
      .update(events)
      .set({ userId: null, visitorId: null })
      .where(
        visitorIds.length
          ? or(eq(events.userId, userId), inArray(events.visitorId, visitorIds))
          : eq(events.userId, userId),
      );
    // Rows keyed by the user id without a foreign key (reco results, follows of this person).
    await tx.delete(follows).where(and(eq(follows.targetKind, "user"), eq(follows.targetId, userId)));
    await tx.delete(recommendations).where(eq(recommendations.userId, userId));
    await tx.delete(userClusters).where(eq(userClusters.userId, userId));
    await tx
      .delete(recoDismissals)
      .where(inArray(recoDismissals.userKey, [userId, ...visitorIds.map((v) => `v:${v}`)]));
    // Other people's follow events name the person they followed: drop that name, keep the event.
    await tx
      .update(events)
      .set({ props: sql`${events.props} - 'userId'` })
      .where(sql`${events.props}->>'userId' = ${userId}`);
    if (visitorIds.length) await tx.delete(carts).where(inArray(carts.visitorId, visitorIds));
    // Reports about this person's content: a review report's id contains the user id; comments and
    // works go with the account, so reports about them would point at nothing.
    const theirComments = tx.select({ id: comments.id }).from(comments).where(eq(comments.userId, userId));
    const theirWorks = tx.select({ id: works.id }).from(works).where(eq(works.userId, userId));
    await tx
      .delete(reports)
      .where(
        or(
          and(eq(reports.targetKind, "review"), like(reports.targetId, `${userId}:%`)),
          and(eq(reports.targetKind, "comment"), inArray(reports.targetId, theirComments)),
          and(eq(reports.targetKind, "work"), inArray(reports.targetId, theirWorks)),
        ),
      );
    await eraseComments(tx, userId);
    // Everything else cascades or is set null by the foreign keys (orders keep their lines, lose the buyer).
    await tx.delete(users).where(eq(users.id, userId));
    return { ok: true, files };
  });
  // Files go once the rows are gone for good (a file cannot take part in the transaction). One left
  // behind by a crash here is unreachable: the upload route serves only files a work row names.
  await Promise.all(result.files.map((f) => removeUpload("works", f)));
  return { ok: result.ok };
}

/**
 * The person's comments go with the account, but not other people's answers to them: a question that
 * others replied to stays as a placeholder without author or text (the thread shows it as deleted).
 * Their own replies, and questions nobody else answered (with any replies of their own), are deleted.
 */
async function eraseComments(tx: Tx, userId: string): Promise<void> {
  await tx.delete(comments).where(and(eq(comments.userId, userId), isNotNull(comments.parentId)));
  const answeredByOthers = tx.select({ id: comments.parentId }).from(comments).where(isNotNull(comments.parentId));
  await tx.delete(comments).where(and(eq(comments.userId, userId), notInArray(comments.id, answeredByOthers)));
  await tx.update(comments).set({ userId: null, body: "" }).where(eq(comments.userId, userId));
  // Placeholders whose last answer was this person's have nothing left to hold.
  await tx
    .delete(comments)
    .where(and(isNull(comments.userId), isNull(comments.parentId), notInArray(comments.id, answeredByOthers)));
}

/** For tests and audits: how many rows still name the user anywhere. */
export async function countRowsNaming(db: Db, userId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`
    select (select count(*) from "user" where id = ${userId})
         + (select count(*) from event where user_id = ${userId})
         + (select count(*) from "order" where user_id = ${userId})
         + (select count(*) from review where user_id = ${userId})
         + (select count(*) from follow where follower_id = ${userId} or (target_kind = 'user' and target_id = ${userId}))
         + (select count(*) from enrollment where user_id = ${userId})
         + (select count(*) from offer where buyer_id = ${userId})
         + (select count(*) from cart where user_id = ${userId})
         + (select count(*) from recommendation where user_id = ${userId})
         + (select count(*) from experiment_exposure where user_id = ${userId})
         + (select count(*) from comment where user_id = ${userId})
         + (select count(*) from work where user_id = ${userId})
         + (select count(*) from report where reporter_id = ${userId} or target_id like ${`${userId}:%`})
         + (select count(*) from visitor_user where user_id = ${userId})
         + (select count(*) from address where user_id = ${userId})
         + (select count(*) from lesson_progress where user_id = ${userId})
         + (select count(*) from event where props->>'userId' = ${userId})
         + (select count(*) from user_cluster where user_id = ${userId})
         + (select count(*) from reco_dismissal where user_key = ${userId}) as n`,
  );
  return Number(row?.n ?? 0);
}
