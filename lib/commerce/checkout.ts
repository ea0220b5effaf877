/**
 * placeOrder: the one way anything is sold (contract in docs/ARCHITECTURE.md, "Contracts other code relies on").
 *
 * One transaction, in this order:
 *   1. claim the idempotency key by inserting the order row first: a concurrent twin with the same key
 *      waits on the unique index, then finds the winner's order and returns it without doing any work;
 *   2. read products and bundle items, prices from the database only;
 *   3. lock the artwork rows (product-id order, see ./inventory.ts), release expired reservations,
 *      check stock minus pieces reserved for other buyers, decrement;
 *   4. when the caller passed the totals the buyer was shown (`expectedTotals`), refuse a different total
 *      as `price_changed` (a price edited since the checkout page was drawn, an offer's hold that expired);
 *   5. write order lines, enrollments (a conflict means the course is already owned), then charge;
 *   6. record the payment, complete the buyer's reservation, remove the bought items from their cart.
 * Any failure throws inside the transaction, so it rolls back: stock, orders, enrollments and offers
 * are exactly as before. Failed payment attempts are therefore not written to our database; the
 * provider keeps them (see ./payments.ts). Charging inside the transaction holds the artwork locks
 * for one provider round trip, bounded by the payment timeout; that is the price of "a decline
 * changes nothing" without compensating writes.
 *
 * The key names one checkout attempt: repeating it returns the first order whatever lines come with
 * it, a key used by another buyer is refused, and a key whose attempt failed (rolled back) may be
 * used again.
 */
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Tx } from "@/db/client";
import { cartItems, carts, enrollments, events, offers, orderLines, orders, payments, users } from "@/db/schema";
import { queueMail } from "@/lib/mail/outbox";
import { noteBehaviourChange } from "@/lib/reco/live";
import { orderConfirmationMail } from "@/lib/mail/templates/commerce";
import { CheckoutFailure, type CheckoutErrorCode, type FailedItem } from "./failure";
import { activeReservations, availableFor, decrementStock, expireReservations, lockArtworks } from "./inventory";
import { resolveLines, type ResolvedOrder } from "./order-lines";
import {
  getPaymentProvider,
  maxChargeAmount,
  PaymentProviderError,
  TEST_CARDS,
  type PaymentProvider,
} from "./payments";

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
  /** A card number or token for the payment provider; a succeeding test card when omitted. */
  paymentToken: z.string().trim().min(1).max(64).optional(),
  /** Optional price guard: when given, an order whose computed totals differ is refused as `price_changed`. */
  expectedTotals: expectedTotalsSchema.optional(),
});

export { CheckoutFailure, type CheckoutErrorCode, type FailedItem };
export type PlaceOrderInput = z.input<typeof placeOrderSchema>;
/** `item` names the product a failure is about when there is one (the artwork that sold out). */
export type PlaceOrderResult =
  { ok: true; orderId: string } | { ok: false; code: CheckoutErrorCode; message: string; item?: FailedItem };

export type CheckoutOptions = {
  provider?: PaymentProvider;
  /** How long to wait for the provider before giving up and rolling back. */
  paymentTimeoutMs?: number;
  now?: () => Date;
};

const DEFAULT_PAYMENT_TIMEOUT_MS = 8000;

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
    let charged = false;
    try {
      const orderId = await db.transaction(async (tx) => {
        const result = await placeInTransaction(
          tx,
          {
            userId,
            idempotencyKey,
            lines,
            token: parsed.data.paymentToken ?? TEST_CARDS.success,
            expectedTotals: parsed.data.expectedTotals,
          },
          provider,
          options,
          () => {
            charged = true;
          },
        );
        return result;
      });
      if (orderId) return { ok: true, orderId };
      // A twin with the same key committed first.
      const twin = await findByKey(idempotencyKey, userId);
      if (twin) return twin;
    } catch (error) {
      if (charged) await provider.cancel(idempotencyKey).catch(() => undefined);
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
  token: string;
  expectedTotals?: ExpectedTotals;
};

async function placeInTransaction(
  tx: Tx,
  a: Attempt,
  provider: PaymentProvider,
  options: CheckoutOptions,
  onCharged: () => void,
): Promise<string | null> {
  const now = options.now?.() ?? new Date();
  const [buyer] = await tx
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(users)
    .where(eq(users.id, a.userId))
    .limit(1);
  if (!buyer) throw new CheckoutFailure("invalid", "unknown buyer");

  const [claimed] = await tx
    .insert(orders)
    .values({ userId: a.userId, idempotencyKey: a.idempotencyKey, totalAmount: 0, currency: "XXX", createdAt: now })
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
  const total = rows.reduce((sum, r) => sum + r.unitAmount * r.quantity, 0);
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
  await tx.insert(orderLines).values(rows);
  await tx.update(orders).set({ totalAmount: total, currency: resolved.currency }).where(eq(orders.id, orderId));

  if (resolved.courseIds.length > 0) {
    // A concurrent order of the same course by the same buyer waits here and then inserts nothing.
    const enrolled = await tx
      .insert(enrollments)
      .values(resolved.courseIds.map((productId) => ({ userId: a.userId, productId, orderId, createdAt: now })))
      .onConflictDoNothing()
      .returning({ productId: enrollments.productId });
    if (enrolled.length < resolved.courseIds.length)
      throw new CheckoutFailure("already_owned", "you already own this course");
  }

  if (total > 0) {
    const outcome = await charge(
      provider,
      {
        amount: total,
        currency: resolved.currency,
        token: a.token,
        idempotencyKey: a.idempotencyKey,
        description: `Atelier order ${orderId}`,
      },
      options.paymentTimeoutMs ?? DEFAULT_PAYMENT_TIMEOUT_MS,
    );
    if (outcome.status !== "succeeded") throw new CheckoutFailure(outcome.code, outcome.message);
    onCharged();
    await tx.insert(payments).values({
      orderId,
      provider: provider.name,
      reference: outcome.reference,
      status: "succeeded",
      amount: total,
      currency: resolved.currency,
      createdAt: now,
    });
  }

  // The behaviour log the recommenders learn from (same shape as lib/tracking's recordServerEvent),
  // written in this transaction so a rolled-back order leaves no purchase behind.
  await tx.insert(events).values(
    resolved.lines.map((l) => ({
      type: "purchase" as const,
      userId: a.userId,
      productId: l.productId,
      value: rows.filter((r) => r.productId === l.productId).reduce((n, r) => n + r.unitAmount * r.quantity, 0),
      props: { orderId },
      createdAt: now,
    })),
  );

  // The buyer's recommendations are recomputed once the order commits (lib/reco/live.ts).
  await noteBehaviourChange(tx, a.userId);

  if (usedReservations.length > 0)
    await tx.update(offers).set({ status: "completed", updatedAt: now }).where(inArray(offers.id, usedReservations));
  const boughtIds = resolved.lines.map((l) => l.productId);
  const cart = tx.select({ id: carts.id }).from(carts).where(eq(carts.userId, a.userId));
  await tx.delete(cartItems).where(and(inArray(cartItems.cartId, cart), inArray(cartItems.productId, boughtIds)));

  // Queued in this transaction: the mail exists exactly when the order does; the delivery loop sends it.
  if (buyer.email) {
    const email = buyer.email;
    await queueMail(tx, () =>
      orderConfirmationMail(
        { email, locale: buyer.locale },
        {
          orderId,
          lines: rows.map((r) => ({
            title: r.title,
            quantity: r.quantity,
            unitAmount: r.unitAmount,
            currency: r.currency,
          })),
          total: { amount: total, currency: resolved.currency },
          hasCourses: resolved.courseIds.length > 0,
          hasArtworks: artworkIds.length > 0,
        },
      ),
    );
  }
  return orderId;
}

function sameTotals(expected: ExpectedTotals, actual: ExpectedTotals): boolean {
  const currencies = Object.keys(expected);
  return (
    currencies.length === Object.keys(actual).length &&
    currencies.every((c) => Object.hasOwn(actual, c) && actual[c] === expected[c])
  );
}

type ChargeOutcome =
  | { status: "succeeded"; reference: string }
  | { status: "failed"; code: "payment_declined" | "payment_error" | "payment_timeout"; message: string };

async function charge(
  provider: PaymentProvider,
  request: Parameters<PaymentProvider["charge"]>[0],
  timeoutMs: number,
): Promise<ChargeOutcome> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  try {
    const result = await Promise.race([provider.charge(request, { signal: controller.signal }), timeout]);
    if (result === "timeout") {
      controller.abort();
      // The provider may still charge after we stopped listening: void it so the buyer is not billed.
      await provider.cancel(request.idempotencyKey).catch(() => undefined);
      return { status: "failed", code: "payment_timeout", message: "the payment provider did not answer in time" };
    }
    if (result.status === "declined")
      return { status: "failed", code: "payment_declined", message: `payment declined: ${result.reason}` };
    return result;
  } catch (error) {
    // Whatever a provider throws (its own error, a network failure) is a failed payment, not a crash.
    if (!(error instanceof PaymentProviderError)) console.error("payment provider threw", error);
    return { status: "failed", code: "payment_error", message: "the payment provider failed" };
  } finally {
    clearTimeout(timer);
  }
}

/** The SQLSTATE of a database error, whether the driver error is thrown as is or wrapped by drizzle. */
function pgCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}
