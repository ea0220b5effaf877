/**
 * What each move of an order's state machine (./order-state.ts) writes, always inside the caller's
 * transaction and after the caller locked the order row (`lockOrder`), so a move happens once even when
 * the webhook, a replay of it and the expiry sweep arrive together.
 *
 * Lock order: the order row, then artwork rows in product-id order (./inventory.ts), the same order
 * placeOrder takes them in, so these writers queue rather than deadlock.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  artworkDetails,
  cartItems,
  carts,
  enrollments,
  events,
  offers,
  orderHolds,
  orderLinePieces,
  orderLines,
  orders,
  payments,
  products,
  users,
} from "@/db/schema";
import { queueMail } from "@/lib/mail/outbox";
import { orderConfirmationMail, paymentFailedMail } from "@/lib/mail/templates/commerce";
import { noteBehaviourChange } from "@/lib/reco/live";
import { lockArtworks } from "./inventory";
import { editionLabel } from "./editions";
import { lineTotal, orderTotal } from "./order-math";
import type { OrderStatus } from "./order-state";

export type LockedOrder = {
  id: string;
  userId: string | null;
  status: OrderStatus;
  totalAmount: number;
  currency: string;
};

/** The order row, locked until the transaction ends; null when there is no such order. */
export async function lockOrder(tx: Executor, orderId: string): Promise<LockedOrder | null> {
  const [row] = await tx
    .select({
      id: orders.id,
      userId: orders.userId,
      status: orders.status,
      totalAmount: orders.totalAmount,
      currency: orders.currency,
    })
    .from(orders)
    .where(eq(orders.id, orderId))
    .for("update");
  return row ?? null;
}

/** Where the order's buyer is mailed: their address and language; null for a guest or a deleted account. */
export async function buyerOf(tx: Executor, userId: string | null) {
  if (!userId) return null;
  const [buyer] = await tx
    .select({ email: users.email, locale: users.locale })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return buyer ?? null;
}

/**
 * pending_payment -> paid: the payment succeeded. Courses are enrolled, the purchase is recorded for
 * the recommenders, the bought items leave the cart and the confirmation is queued, all with the status.
 */
export async function markPaid(tx: Executor, order: LockedOrder, now: Date): Promise<void> {
  await tx.update(orders).set({ status: "paid", paidAt: now, updatedAt: now }).where(eq(orders.id, order.id));
  await tx
    .update(payments)
    .set({ status: "succeeded", updatedAt: now })
    .where(and(eq(payments.orderId, order.id), eq(payments.status, "pending")));

  const lines = await tx
    .select({
      id: orderLines.id,
      productId: orderLines.productId,
      kind: orderLines.kind,
      title: orderLines.title,
      quantity: orderLines.quantity,
      unitAmount: orderLines.unitAmount,
      currency: orderLines.currency,
      included: orderLines.included,
      editionNumber: orderLines.editionNumber,
      editionSize: orderLines.editionSize,
    })
    .from(orderLines)
    .where(eq(orderLines.orderId, order.id))
    .orderBy(asc(orderLines.id));
  const holds = await tx.select().from(orderHolds).where(eq(orderHolds.orderId, order.id));
  const courseIds = holds.filter((h) => h.kind === "course").map((h) => h.productId);
  const boughtIds = [...new Set(lines.flatMap((l) => (l.productId ? [l.productId] : [])))];
  if (!order.userId) return;
  const userId = order.userId;

  if (courseIds.length > 0)
    // A concurrent order of the same course cannot reach here (placeOrder refuses it while one is
    // pending), so a conflict only means access already exists.
    await tx
      .insert(enrollments)
      .values(courseIds.map((productId) => ({ userId, productId, orderId: order.id, createdAt: now })))
      .onConflictDoNothing();

  // The behaviour log the recommenders learn from (lib/tracking's shape), in this transaction so an
  // order that never got paid leaves no purchase behind.
  if (boughtIds.length > 0)
    await tx.insert(events).values(
      boughtIds.map((productId) => ({
        type: "purchase" as const,
        userId,
        productId,
        value: lines.filter((l) => l.productId === productId).reduce((n, l) => n + lineTotal(l), 0),
        props: { orderId: order.id },
        createdAt: now,
      })),
    );
  await noteBehaviourChange(tx, userId);

  const cart = tx.select({ id: carts.id }).from(carts).where(eq(carts.userId, userId));
  if (boughtIds.length > 0)
    await tx.delete(cartItems).where(and(inArray(cartItems.cartId, cart), inArray(cartItems.productId, boughtIds)));

  const buyer = await buyerOf(tx, userId);
  if (buyer?.email) {
    const email = buyer.email;
    const items = lines.filter((l) => l.kind === "item");
    // The numbers of edition pieces inside bundles (./checkout-shipping.ts numberEditions).
    const pieces = await tx
      .select({
        lineId: orderLinePieces.orderLineId,
        title: products.title,
        number: orderLinePieces.editionNumber,
        size: orderLinePieces.editionSize,
      })
      .from(orderLinePieces)
      .innerJoin(products, eq(products.id, orderLinePieces.productId))
      .where(
        inArray(
          orderLinePieces.orderLineId,
          items.map((l) => l.id),
        ),
      )
      .orderBy(asc(products.title));
    await queueMail(tx, () =>
      orderConfirmationMail(
        { email, locale: buyer.locale },
        {
          orderId: order.id,
          lines: items.map((l) => ({
            title: l.title,
            quantity: l.quantity,
            unitAmount: l.unitAmount,
            currency: l.currency,
            edition: l.editionNumber && l.editionSize ? editionLabel(l.editionNumber, l.editionSize) : null,
            pieces: pieces
              .filter((p) => p.lineId === l.id)
              .map((p) => ({ title: p.title, edition: editionLabel(p.number, p.size) })),
          })),
          charges: lines
            .filter((l) => l.kind !== "item")
            .map((l) => ({
              kind: l.kind as "shipping" | "tax",
              title: l.title,
              amount: l.unitAmount * l.quantity,
              currency: l.currency,
              included: l.included,
            })),
          total: orderTotal(lines),
          paidAt: now,
          hasCourses: courseIds.length > 0,
          hasArtworks: holds.some((h) => h.kind === "artwork"),
        },
      ),
    );
  }
}

/**
 * pending_payment -> payment_failed or expired: nothing was charged. The pieces the order held go back
 * to stock, an accepted offer it used holds its piece for the buyer again (until its own deadline), and
 * the buyer is told.
 */
export async function releaseOrder(
  tx: Executor,
  order: LockedOrder,
  next: "payment_failed" | "expired",
  now: Date,
  failureCode: string | undefined,
): Promise<void> {
  await tx.update(orders).set({ status: next, updatedAt: now }).where(eq(orders.id, order.id));
  await tx
    .update(payments)
    .set({
      status: next === "expired" ? "canceled" : "failed",
      failureCode: failureCode ?? (next === "expired" ? "expired" : null),
      updatedAt: now,
    })
    .where(and(eq(payments.orderId, order.id), eq(payments.status, "pending")));

  const held = await tx
    .select({ productId: orderHolds.productId, quantity: orderHolds.quantity })
    .from(orderHolds)
    .where(and(eq(orderHolds.orderId, order.id), eq(orderHolds.kind, "artwork")))
    .orderBy(asc(orderHolds.productId));
  if (held.length > 0) {
    await lockArtworks(
      tx,
      held.map((h) => h.productId),
    );
    for (const h of held)
      await tx
        .update(artworkDetails)
        // Capped by the edition: the studio may have lowered stock meanwhile (its check constraint too).
        .set({ stock: sql`least(${artworkDetails.stock} + ${h.quantity}, ${artworkDetails.editionSize})` })
        .where(eq(artworkDetails.productId, h.productId));
  }
  // Holds are spent: a released order holds nothing, so a second release could not give stock twice.
  await tx.delete(orderHolds).where(eq(orderHolds.orderId, order.id));

  const used = tx
    .select({ id: orderLines.offerId })
    .from(orderLines)
    .where(and(eq(orderLines.orderId, order.id), sql`${orderLines.offerId} is not null`));
  await tx
    .update(offers)
    .set({ status: "accepted", updatedAt: now })
    .where(and(inArray(offers.id, used), eq(offers.status, "completed")));

  const buyer = await buyerOf(tx, order.userId);
  if (buyer?.email) {
    const email = buyer.email;
    await queueMail(tx, () =>
      paymentFailedMail(
        { email, locale: buyer.locale },
        {
          orderId: order.id,
          total: { amount: order.totalAmount, currency: order.currency },
          reason: next === "expired" ? "expired" : "declined",
        },
      ),
    );
  }
}

/** paid -> fulfilled: everything in the order was delivered (courses at once; artworks once shipped). */
export async function markFulfilled(tx: Executor, order: LockedOrder, now: Date): Promise<void> {
  await tx.update(orders).set({ status: "fulfilled", fulfilledAt: now, updatedAt: now }).where(eq(orders.id, order.id));
}
