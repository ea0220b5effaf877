/**
 * placeOrder: the one way anything is sold (contract in docs/ARCHITECTURE.md, "Contracts other code relies on").
 *
 * Placing an order reserves what it buys and creates its payment; the provider's webhook settles it
 * (./payment-flow.ts). One transaction, in this order:
 *   1. lock the buyer's row (one checkout per buyer at a time, so one course cannot be awaiting payment
 *      in two orders), then claim the idempotency key by inserting the order row: a concurrent twin
 *      with the same key waits on the unique index, then finds the winner's order and returns it;
 *   2. read products and bundle items, prices from the database only;
 *   3. lock the artwork rows (product-id order, see ./inventory.ts), release expired offer holds, check
 *      stock minus pieces reserved for other buyers, decrement: the pending order now holds the pieces
 *      (order_hold), until it is paid or they go back when its payment fails or expires;
 *   4. when the caller passed the totals the buyer was shown (`expectedTotals`), refuse a different total
 *      as `price_changed` (a price edited since the checkout page was drawn, an offer's hold that expired);
 *   5. write the lines (the total is their sum, ./order-math.ts), the holds and the pending payment row.
 * Any failure rolls the whole transaction back. After the commit, the payment is created at the provider
 * (`startPayment`, outside the transaction: no lock is held across the network); the buyer confirms it
 * on the provider's page.
 *
 * The key names one checkout attempt: repeating it returns the first order whatever lines come with
 * it, a key used by another buyer is refused, and a key whose attempt failed (rolled back) may be
 * used again.
 */
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Tx } from "@/db/client";
import { enrollments, offers, orderHolds, orderLinePieces, orderLines, orders, payments, users } from "@/db/schema";
import { env } from "@/lib/env";
import { CheckoutFailure, type CheckoutErrorCode, type FailedItem } from "./failure";
import { activeReservations, availableFor, decrementStock, expireReservations, lockArtworks } from "./inventory";
import { chargeRows, numberEditions, planShipping, recordShipping } from "./checkout-shipping";
import { markPaid } from "./order-effects";
import { orderTotal } from "./order-math";
import { resolveLines, type ResolvedOrder } from "./order-lines";
import { paymentKeyOf, startPayment } from "./payment-flow";
import { maxChargeAmount, type PaymentProvider } from "./payments";
import { getPaymentProvider } from "./providers";

export const MAX_LINE_QUANTITY = 100;

const lineSchema = z.object({
  productId: z.string().trim().min(1).max(128),
  quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
});

/**
 * What the buyer saw before confirming: the amount to pay per currency (ISO 4217 code -> integer minor
 * units). An order takes one currency, so a valid expectation names exactly that one.
 */
export const expectedTotalsSchema = z
  .record(z.string().regex(/^[A-Z]{3}$/), z.number().int().min(0).max(Number.MAX_SAFE_INTEGER))
  .refine((totals) => Object.keys(totals).length >= 1 && Object.keys(totals).length <= 10, {
    message: "one to ten currencies",
  });
export type ExpectedTotals = z.infer<typeof expectedTotalsSchema>;

export const placeOrderSchema = z.object({
  userId: z.string().trim().min(1).max(128),
  lines: z.array(lineSchema).min(1).max(50),
  /** One per checkout attempt, chosen by the client: 8-128 characters of [A-Za-z0-9_.:-]. */
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_.:-]{8,128}$/),
  /** Optional price guard: when given, an order whose computed totals differ is refused as `price_changed`. */
  expectedTotals: expectedTotalsSchema.optional(),
  /** The buyer's saved address an order with artworks ships to (./checkout-shipping.ts). */
  shippingAddressId: z.string().trim().min(1).max(128).optional(),
});

export { CheckoutFailure, type CheckoutErrorCode, type FailedItem };
export type PlaceOrderInput = z.input<typeof placeOrderSchema>;
/** `item` names the product a failure is about when there is one (the artwork that sold out). */
export type PlaceOrderResult =
  { ok: true; orderId: string } | { ok: false; code: CheckoutErrorCode; message: string; item?: FailedItem };

export type CheckoutOptions = {
  provider?: PaymentProvider;
  /** How long to wait for the provider to create the payment before failing the order. */
  paymentTimeoutMs?: number;
  /** How long the buyer has to confirm the payment (PAYMENT_WINDOW_MINUTES). */
  paymentWindowMs?: number;
  now?: () => Date;
};

/** Lines of the same product add up; a merged quantity above the per-line limit is refused. */
export function mergeLines(
  lines: { productId: string; quantity: number }[],
): { productId: string; quantity: number }[] {
  const merged = new Map<string, number>();
  for (const l of lines) merged.set(l.productId, (merged.get(l.productId) ?? 0) + l.quantity);
  return [...merged].map(([productId, quantity]) => ({ productId, quantity }));
}

export async function placeOrder(input: PlaceOrderInput, options: CheckoutOptions = {}): Promise<PlaceOrderResult> {
  const parsed = placeOrderSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      code: "invalid",
      message: issue ? `${issue.path.join(".") || "input"}: ${issue.message}` : "invalid input",
    };
  }
  const { userId, idempotencyKey } = parsed.data;
  const lines = mergeLines(parsed.data.lines);
  const tooMany = lines.find((l) => l.quantity > MAX_LINE_QUANTITY);
  if (tooMany) return { ok: false, code: "invalid", message: `at most ${MAX_LINE_QUANTITY} of one product per order` };

  const db = await getDb();
  const provider = options.provider ?? getPaymentProvider();
  const existing = await findByKey(idempotencyKey, userId);
  if (existing) return existing;

  // Retries only cover the rare cases where the database asks for one (deadlock, serialization).
  for (let attempt = 1; ; attempt++) {
    try {
      const orderId = await db.transaction((tx) =>
        placeInTransaction(
          tx,
          {
            userId,
            idempotencyKey,
            lines,
            expectedTotals: parsed.data.expectedTotals,
            shippingAddressId: parsed.data.shippingAddressId,
          },
          provider,
          options,
        ),
      );
      if (orderId) {
        const started = await startPayment(orderId, {
          provider,
          ...(options.now ? { now: options.now } : {}),
          ...(options.paymentTimeoutMs ? { timeoutMs: options.paymentTimeoutMs } : {}),
        });
        if (started.status === "payment_failed")
          return { ok: false, code: "payment_error", message: "the payment provider could not be reached" };
        return { ok: true, orderId };
      }
      // A twin with the same key committed first.
      const twin = await findByKey(idempotencyKey, userId);
      if (twin) return twin;
    } catch (error) {
      if (error instanceof CheckoutFailure)
        return { ok: false, code: error.code, message: error.message, ...(error.item ? { item: error.item } : {}) };
      const code = pgCode(error);
      if (code === "23514") return { ok: false, code: "out_of_stock", message: "not enough stock" };
      if (code === "23503") return { ok: false, code: "not_found", message: "a referenced row no longer exists" };
      if ((code === "40P01" || code === "40001") && attempt < 3) continue;
      throw error;
    }
    if (attempt >= 3) throw new Error("placeOrder: idempotency key claimed by a transaction that then vanished");
  }
}

/**
 * The order an earlier attempt with this key made for this buyer, if any: a retried checkout (the
 * buyer pressed the button again after the first request went through) is shown that order.
 */
export async function findOrderByIdempotencyKey({
  userId,
  idempotencyKey,
}: {
  userId: string;
  idempotencyKey: string;
}): Promise<string | null> {
  const found = await findByKey(idempotencyKey, userId);
  return found?.ok ? found.orderId : null;
}

async function findByKey(idempotencyKey: string, userId: string): Promise<PlaceOrderResult | null> {
  const db = await getDb();
  const [row] = await db
    .select({ id: orders.id, userId: orders.userId })
    .from(orders)
    .where(eq(orders.idempotencyKey, idempotencyKey))
    .limit(1);
  if (!row) return null;
  if (row.userId !== userId)
    return { ok: false, code: "idempotency_key_reused", message: "this idempotency key belongs to another order" };
  return { ok: true, orderId: row.id };
}

type Attempt = {
  userId: string;
  idempotencyKey: string;
  lines: { productId: string; quantity: number }[];
  expectedTotals?: ExpectedTotals;
  shippingAddressId?: string | undefined;
};

async function placeInTransaction(
  tx: Tx,
  a: Attempt,
  provider: PaymentProvider,
  options: CheckoutOptions,
): Promise<string | null> {
  const now = options.now?.() ?? new Date();
  // Locked: this buyer's checkouts take turns, so the pending-course check below sees the others' holds.
  const [buyer] = await tx.select({ id: users.id }).from(users).where(eq(users.id, a.userId)).for("update");
  if (!buyer) throw new CheckoutFailure("invalid", "unknown buyer");

  const expiresAt = new Date(now.getTime() + (options.paymentWindowMs ?? env.PAYMENT_WINDOW_MINUTES * 60_000));
  const [claimed] = await tx
    .insert(orders)
    .values({
      userId: a.userId,
      idempotencyKey: a.idempotencyKey,
      status: "pending_payment",
      totalAmount: 0,
      currency: "XXX",
      createdAt: now,
      updatedAt: now,
      expiresAt,
    })
    .onConflictDoNothing({ target: orders.idempotencyKey })
    .returning({ id: orders.id });
  if (!claimed) return null;
  const orderId = claimed.id;

  const resolved: ResolvedOrder = await resolveLines(tx, a.lines);
  // Buying one's own work would only move money in a circle (and enroll a creator in their own course).
  if (resolved.creatorUserIds.has(a.userId)) throw new CheckoutFailure("own_product", "you cannot buy your own work");

  if (resolved.courseIds.length > 0) {
    const owned = await tx
      .select({ productId: enrollments.productId })
      .from(enrollments)
      .where(and(eq(enrollments.userId, a.userId), inArray(enrollments.productId, resolved.courseIds)));
    if (owned.length > 0) throw new CheckoutFailure("already_owned", "you already own this course");
    const awaiting = await tx
      .select({ productId: orderHolds.productId })
      .from(orderHolds)
      .innerJoin(orders, eq(orders.id, orderHolds.orderId))
      .where(
        and(
          eq(orders.userId, a.userId),
          eq(orders.status, "pending_payment"),
          inArray(orderHolds.productId, resolved.courseIds),
        ),
      );
    if (awaiting.length > 0)
      throw new CheckoutFailure("payment_pending", "an order of this course is awaiting your payment");
  }

  // Stock: lock, release expired holds, check what this buyer may take, decrement.
  const artworkIds = [...resolved.artworkDemand.keys()].sort();
  const locked = await lockArtworks(tx, artworkIds);
  await expireReservations(tx, now, artworkIds);
  const reservations = await activeReservations(tx, artworkIds, now);
  for (const id of artworkIds) {
    const row = locked.get(id);
    const demand = resolved.artworkDemand.get(id) ?? 0;
    const item = { productId: id, title: resolved.titles.get(id) ?? id };
    if (!row) throw new CheckoutFailure("not_found", "artwork not found", item);
    if (demand > availableFor(row.stock, reservations, id, a.userId))
      throw new CheckoutFailure("out_of_stock", `not enough stock of ${item.title}`, item);
    if (!(await decrementStock(tx, id, demand)))
      throw new CheckoutFailure("out_of_stock", `not enough stock of ${item.title}`, item);
  }

  // Prices: list prices, except one piece at the agreed price where this buyer holds a reservation.
  const mine = reservations.filter((r) => r.buyerId === a.userId);
  const usedReservations: string[] = [];
  const rows: (typeof orderLines.$inferInsert)[] = [];
  for (const line of resolved.lines) {
    const held =
      line.kind === "artwork"
        ? mine.find((r) => r.productId === line.productId && r.currency === line.currency)
        : undefined;
    let quantity = line.quantity;
    if (held) {
      usedReservations.push(held.offerId);
      rows.push({
        orderId,
        productId: line.productId,
        creatorId: line.creatorId,
        title: line.title,
        quantity: 1,
        unitAmount: held.agreedAmount,
        currency: line.currency,
        offerId: held.offerId,
      });
      quantity -= 1;
    }
    if (quantity > 0)
      rows.push({
        orderId,
        productId: line.productId,
        creatorId: line.creatorId,
        title: line.title,
        quantity,
        unitAmount: line.unitAmount,
        currency: line.currency,
      });
  }
  // Editions get their numbers; artworks add a shipping line per creator and the destination's tax.
  const { rows: items, pieces } = await numberEditions(tx, rows, locked, resolved.bundleArtworks);
  const shipping =
    artworkIds.length > 0
      ? await planShipping(tx, {
          userId: a.userId,
          addressId: a.shippingAddressId,
          demand: resolved.artworkDemand,
          currency: resolved.currency,
          items,
        })
      : null;
  const allRows = [...items, ...chargeRows(orderId, shipping)];
  const total = orderTotal(allRows).amount;
  // The columns are bigint, but no provider takes a payment this large: refuse it with its own code
  // (and before the per-line purchase events, whose value column is a 32-bit integer).
  const limit = maxChargeAmount(resolved.currency);
  if (total > limit)
    throw new CheckoutFailure(
      "amount_too_large",
      `the total ${total} ${resolved.currency} (minor units) is above the payment limit of ${limit}`,
    );
  // Before the lines are written or anything is charged; the claimed order row and the stock taken above
  // go back with the rollback.
  if (a.expectedTotals && !sameTotals(a.expectedTotals, { [resolved.currency]: total })) {
    throw new CheckoutFailure(
      "price_changed",
      `the total is now ${total} ${resolved.currency} (minor units), not what was shown`,
    );
  }
  await tx.insert(orderLines).values(allRows);
  if (pieces.length > 0) await tx.insert(orderLinePieces).values(pieces);
  if (shipping) await recordShipping(tx, orderId, shipping, now);
  await tx.update(orders).set({ totalAmount: total, currency: resolved.currency }).where(eq(orders.id, orderId));
  const holds = [
    ...artworkIds.map((productId) => ({
      orderId,
      productId,
      kind: "artwork" as const,
      quantity: resolved.artworkDemand.get(productId) ?? 0,
    })),
    ...resolved.courseIds.map((productId) => ({ orderId, productId, kind: "course" as const, quantity: 1 })),
  ];
  if (holds.length > 0) await tx.insert(orderHolds).values(holds);
  // The agreed price is taken by this order; a failed or expired payment gives it back (order-effects.ts).
  if (usedReservations.length > 0)
    await tx.update(offers).set({ status: "completed", updatedAt: now }).where(inArray(offers.id, usedReservations));

  if (total === 0) {
    // Nothing to pay (a free course): paid at once, without a provider.
    await markPaid(
      tx,
      { id: orderId, userId: a.userId, status: "pending_payment", totalAmount: 0, currency: resolved.currency },
      now,
    );
    return orderId;
  }
  await tx.insert(payments).values({
    orderId,
    provider: provider.name,
    status: "pending",
    amount: total,
    currency: resolved.currency,
    idempotencyKey: paymentKeyOf(orderId),
    createdAt: now,
  });
  return orderId;
}

function sameTotals(expected: ExpectedTotals, actual: ExpectedTotals): boolean {
  const currencies = Object.keys(expected);
  return (
    currencies.length === Object.keys(actual).length &&
    currencies.every((c) => Object.hasOwn(actual, c) && actual[c] === expected[c])
  );
}

/** The SQLSTATE of a database error, whether the driver error is thrown as is or wrapped by drizzle. */
function pgCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}
