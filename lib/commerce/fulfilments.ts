/**
 * Fulfilments: each creator's part of a paid order to send (one row per creator, opened by placeOrder).
 * The creator marks theirs shipped with a carrier and a tracking number, then delivered when the
 * carrier says so; the buyer is mailed through the outbox in the same transaction each time, and the
 * order becomes `fulfilled` when its last part has left (./order-state.ts, fulfilmentTransition).
 */
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Executor } from "@/db/client";
import { creators, fulfilments, orderAddresses, orderLines, orders, users, type FulfilmentStatus } from "@/db/schema";
import type { MailMessage } from "@/lib/mail/message";
import { queueMail } from "@/lib/mail/outbox";
import { deliveredMail, shippedMail, type Recipient } from "@/lib/mail/templates/commerce";
import { editionLabel } from "./editions";
import { buyerOf, lockOrder, type LockedOrder } from "./order-effects";
import { fulfilmentTransition, isPaidStatus, PAID_STATUSES } from "./order-state";
import { fulfilLockedOrder } from "./payment-flow";

/**
 * `userId`'s part of an order, locked with the order; null when it is not theirs (someone else's reads
 * as missing). The order first, the lock order payment-flow uses, so two creators working on one order
 * take turns and the last one sees the other's part as it is.
 */
async function lockOwnPart(
  tx: Executor,
  userId: string,
  fulfilmentId: string,
): Promise<{ order: LockedOrder; creatorName: string; status: FulfilmentStatus } | null> {
  const [found] = await tx
    .select({ orderId: fulfilments.orderId, creatorUserId: creators.userId, creatorName: creators.name })
    .from(fulfilments)
    .innerJoin(creators, eq(creators.id, fulfilments.creatorId))
    .where(eq(fulfilments.id, fulfilmentId));
  if (!found || found.creatorUserId !== userId) return null;
  const order = await lockOrder(tx, found.orderId);
  if (!order) return null;
  const [row] = await tx
    .select({ status: fulfilments.status })
    .from(fulfilments)
    .where(eq(fulfilments.id, fulfilmentId))
    .for("update");
  return row ? { order, creatorName: found.creatorName, status: row.status } : null;
}

/** Queues a mail to the order's buyer in the transaction, when there is one to mail. */
async function mailBuyer(tx: Executor, userId: string | null, render: (to: Recipient) => MailMessage) {
  const buyer = await buyerOf(tx, userId);
  const email = buyer?.email;
  if (email) await queueMail(tx, () => render({ email, locale: buyer.locale }));
}

export const markShippedSchema = z.object({
  fulfilmentId: z.string().trim().min(1).max(128),
  carrier: z.string().trim().min(1, { error: "required" }).max(60, { error: "too_long" }),
  // Carriers' numbers are letters, digits and the odd dash or space (UPS 1Z…, EMS EE…CN, 12-digit FedEx).
  trackingNumber: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9 -]{3,39}$/, { error: "tracking" }),
});
export type MarkShippedInput = z.output<typeof markShippedSchema>;

export type MarkShippedResult =
  | { ok: true; orderFulfilled: boolean }
  /** No such fulfilment of this creator's (someone else's reads as missing), an unpaid order, or sent already. */
  | { ok: false; code: "not_found" | "not_paid" | "already_shipped" };

/** Marks `userId`'s part of an order shipped; only the creator whose part it is may. */
export async function markFulfilmentShipped(
  userId: string,
  input: MarkShippedInput,
  now = new Date(),
): Promise<MarkShippedResult> {
  const db = await getDb();
  return db.transaction(async (tx): Promise<MarkShippedResult> => {
    const part = await lockOwnPart(tx, userId, input.fulfilmentId);
    if (!part) return { ok: false, code: "not_found" };
    const { order, creatorName } = part;
    if (!fulfilmentTransition(part.status, "ship").change) return { ok: false, code: "already_shipped" };
    if (order.status !== "paid") return { ok: false, code: "not_paid" };

    await tx
      .update(fulfilments)
      .set({
        status: "shipped",
        carrier: input.carrier,
        trackingNumber: input.trackingNumber,
        shippedAt: now,
        updatedAt: now,
      })
      .where(eq(fulfilments.id, input.fulfilmentId));
    await mailBuyer(tx, order.userId, (to) =>
      shippedMail(to, {
        orderId: order.id,
        creator: creatorName,
        carrier: input.carrier,
        trackingNumber: input.trackingNumber,
      }),
    );
    const left = await tx
      .select({ id: fulfilments.id })
      .from(fulfilments)
      .where(and(eq(fulfilments.orderId, order.id), eq(fulfilments.status, "pending")));
    const orderFulfilled = left.length === 0 && (await fulfilLockedOrder(tx, order, now));
    return { ok: true, orderFulfilled };
  });
}

export const markDeliveredSchema = z.object({ fulfilmentId: z.string().trim().min(1).max(128) });
export type MarkDeliveredInput = z.output<typeof markDeliveredSchema>;

export type MarkDeliveredResult =
  | { ok: true }
  /** Not this creator's (reads as missing), an order not paid, a part not shipped yet, or delivered already. */
  | { ok: false; code: "not_found" | "not_paid" | "not_shipped" | "already_delivered" };

/**
 * Marks `userId`'s shipped part of an order delivered and mails the buyer, in one transaction; only the
 * creator whose part it is may, and only once it has been shipped. The order's own state does not move.
 */
export async function markFulfilmentDelivered(
  userId: string,
  input: MarkDeliveredInput,
  now = new Date(),
): Promise<MarkDeliveredResult> {
  const db = await getDb();
  return db.transaction(async (tx): Promise<MarkDeliveredResult> => {
    const part = await lockOwnPart(tx, userId, input.fulfilmentId);
    if (!part) return { ok: false, code: "not_found" };
    const { order, creatorName } = part;
    if (!isPaidStatus(order.status)) return { ok: false, code: "not_paid" };
    const move = fulfilmentTransition(part.status, "deliver");
    if (!move.change) return { ok: false, code: move.outcome === "not_shipped" ? "not_shipped" : "already_delivered" };

    await tx
      .update(fulfilments)
      .set({ status: move.next, deliveredAt: now, updatedAt: now })
      .where(eq(fulfilments.id, input.fulfilmentId));
    await mailBuyer(tx, order.userId, (to) =>
      deliveredMail(to, { orderId: order.id, creator: creatorName, deliveredAt: now }),
    );
    return { ok: true };
  });
}

export type FulfilmentView = {
  id: string;
  status: FulfilmentStatus;
  carrier: string | null;
  trackingNumber: string | null;
  shippedAt: Date | null;
  deliveredAt: Date | null;
  creatorName: string;
};

/** The parts of an order and where each stands, for the order page (the caller checked it is the buyer's). */
export async function listFulfilmentsForOrder({ orderId }: { orderId: string }): Promise<FulfilmentView[]> {
  const db = await getDb();
  return db
    .select({
      id: fulfilments.id,
      status: fulfilments.status,
      carrier: fulfilments.carrier,
      trackingNumber: fulfilments.trackingNumber,
      shippedAt: fulfilments.shippedAt,
      deliveredAt: fulfilments.deliveredAt,
      creatorName: creators.name,
    })
    .from(fulfilments)
    .innerJoin(creators, eq(creators.id, fulfilments.creatorId))
    .where(eq(fulfilments.orderId, orderId))
    .orderBy(asc(creators.name));
}

export type CreatorFulfilment = FulfilmentView & {
  orderId: string;
  placedAt: Date;
  buyerName: string | null;
  address: { name: string; lines: string[]; phone: string } | null;
  items: { title: string; quantity: number; edition: string | null }[];
};

/** A creator's parts of paid orders to send, newest first: what to pack and where it goes. */
export async function listFulfilmentsForCreator({
  creatorId,
  limit = 100,
}: {
  creatorId: string;
  limit?: number;
}): Promise<CreatorFulfilment[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: fulfilments.id,
      status: fulfilments.status,
      carrier: fulfilments.carrier,
      trackingNumber: fulfilments.trackingNumber,
      shippedAt: fulfilments.shippedAt,
      deliveredAt: fulfilments.deliveredAt,
      creatorName: creators.name,
      orderId: orders.id,
      placedAt: orders.createdAt,
      buyerName: users.name,
      address: orderAddresses,
    })
    .from(fulfilments)
    .innerJoin(orders, eq(orders.id, fulfilments.orderId))
    .innerJoin(creators, eq(creators.id, fulfilments.creatorId))
    .leftJoin(users, eq(users.id, orders.userId))
    .leftJoin(orderAddresses, eq(orderAddresses.orderId, orders.id))
    .where(and(eq(fulfilments.creatorId, creatorId), inArray(orders.status, [...PAID_STATUSES])))
    .orderBy(desc(orders.createdAt), desc(fulfilments.id))
    .limit(limit);
  if (rows.length === 0) return [];
  const items = await db
    .select({
      orderId: orderLines.orderId,
      title: orderLines.title,
      quantity: orderLines.quantity,
      editionNumber: orderLines.editionNumber,
      editionSize: orderLines.editionSize,
    })
    .from(orderLines)
    .where(
      and(
        inArray(
          orderLines.orderId,
          rows.map((r) => r.orderId),
        ),
        eq(orderLines.creatorId, creatorId),
        eq(orderLines.kind, "item"),
      ),
    )
    .orderBy(asc(orderLines.id));
  return rows.map(({ address: a, ...r }) => ({
    ...r,
    address: a
      ? {
          name: a.name,
          lines: [a.line1, a.line2, [a.postalCode, a.city].filter(Boolean).join(" "), a.region, a.country].filter(
            Boolean,
          ),
          phone: a.phone,
        }
      : null,
    items: items
      .filter((i) => i.orderId === r.orderId)
      .map((i) => ({
        title: i.title,
        quantity: i.quantity,
        edition: i.editionNumber && i.editionSize ? editionLabel(i.editionNumber, i.editionSize) : null,
      })),
  }));
}
