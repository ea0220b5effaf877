/**
 * The shop's side of two-step payments (./payments.ts): start the provider's payment of a placed
 * order, apply what the provider's webhooks report, and expire orders nobody paid.
 *
 * Nothing here trusts the order in which things arrive. Each event is recorded by its provider event id
 * in the transaction that applies it (a replay finds the row and changes nothing), every move goes
 * through the state machine (./order-state.ts) with the order row locked, and the buyer's return to
 * the shop only reads. Provider calls are never made inside a database transaction, so no lock is held
 * across the network.
 */
import { and, asc, eq, isNull, lte, or, sql } from "drizzle-orm";
import { getDb, type Db, type Executor } from "@/db/client";
import { orders, paymentEvents, payments, users } from "@/db/schema";
import type { Locale } from "@/i18n/locales";
import { localizedPath } from "@/i18n/paths";
import { mailLocale, shopLocale } from "@/lib/mail/message";
import { markFulfilled, markPaid, releaseOrder, lockOrder, type LockedOrder } from "./order-effects";
import { transition, type OrderSignal, type OrderStatus } from "./order-state";
import {
  isPaymentProviderError,
  PaymentProviderError,
  type CreatedPayment,
  type PaymentEvent,
  type PaymentProvider,
} from "./payments";
import { getPaymentProvider } from "./providers";

const DEFAULT_PROVIDER_TIMEOUT_MS = 10_000;
/** An overdue order the sweep could not settle (provider error, delayed payment) is looked at again after this. */
const SWEEP_RECHECK_MS = 5 * 60_000;

/** Where the buyer goes after pressing Pay: the provider's page, or straight to the order. */
export type PaymentStart =
  | { status: "awaiting_payment"; confirmUrl: string }
  | { status: Exclude<OrderStatus, "pending_payment"> }
  | { status: "not_found" };

/** `db`: the database to work on when it is not the app's own (the worker passes the one it was given). */
export type FlowOptions = { provider?: PaymentProvider; now?: () => Date; timeoutMs?: number; db?: Db };

/** The idempotency key of an order's one payment at the provider. */
export function paymentKeyOf(orderId: string): string {
  return `order-${orderId}`;
}

/**
 * The page the provider sends the buyer back to, in the buyer's language (users.locale, as their mail);
 * it shows "processing" until the webhook lands.
 */
export function returnPathOf(orderId: string, locale: Locale): string {
  return localizedPath(`/orders/${orderId}?placed=1`, locale);
}

/**
 * Makes sure a pending order has its payment at the provider and answers where the buyer confirms it.
 * Safe to call again (a retried checkout, a reload): the provider is asked with the same key, so it
 * makes one payment. When the provider cannot be reached the order fails and its stock goes back.
 */
export async function startPayment(orderId: string, options: FlowOptions = {}): Promise<PaymentStart> {
  const db = options.db ?? (await getDb());
  const provider = options.provider ?? getPaymentProvider();
  const now = options.now?.() ?? new Date();
  const [row] = await db
    .select({
      status: orders.status,
      createdAt: orders.createdAt,
      expiresAt: orders.expiresAt,
      paymentId: payments.id,
      paymentProvider: payments.provider,
      confirmUrl: payments.confirmUrl,
      amount: payments.amount,
      currency: payments.currency,
      key: payments.idempotencyKey,
      buyerLocale: users.locale,
    })
    .from(orders)
    .leftJoin(payments, eq(payments.orderId, orders.id))
    .leftJoin(users, eq(users.id, orders.userId))
    .where(eq(orders.id, orderId))
    .limit(1);
  if (!row) return { status: "not_found" };
  if (row.status !== "pending_payment") return { status: row.status };
  if (row.confirmUrl) return { status: "awaiting_payment", confirmUrl: row.confirmUrl };
  if (!row.paymentId || row.amount === null || row.currency === null)
    throw new Error(`order ${orderId} is pending without a payment`);
  const paymentId = row.paymentId;
  if (row.paymentProvider !== provider.name) {
    // The provider was switched while this order waited for its payment: the one configured now cannot
    // take a payment made for the other, so the order fails and its stock goes back.
    console.error(`order ${orderId}: its payment is for ${row.paymentProvider}, the provider is ${provider.name}`);
    const failed = await signalOrder(orderId, "failed", { now, failureCode: "provider_changed", db });
    if (failed.status === "not_found") return { status: "not_found" };
    return { status: failed.status === "pending_payment" ? "payment_failed" : failed.status };
  }

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? DEFAULT_PROVIDER_TIMEOUT_MS);
  let created: CreatedPayment;
  try {
    created = await Promise.race([
      provider.createPayment(
        {
          orderId,
          amount: row.amount,
          currency: row.currency,
          idempotencyKey: row.key ?? paymentKeyOf(orderId),
          description: `Atelier order ${orderId.slice(0, 8).toUpperCase()}`,
          returnPath: returnPathOf(orderId, shopLocale(mailLocale(row.buyerLocale))),
          expiresAt: row.expiresAt ?? new Date(row.createdAt.getTime() + 30 * 60_000),
          createdAt: row.createdAt,
        },
        { signal: controller.signal },
      ),
      new Promise<never>((_, reject) =>
        controller.signal.addEventListener("abort", () => reject(new PaymentProviderError("provider timed out")), {
          once: true,
        }),
      ),
    ]);
  } catch (error) {
    if (!isPaymentProviderError(error)) console.error("payment provider threw", error);
    return failUnstartedPayment(db, orderId, paymentId, now);
  } finally {
    clearTimeout(timer);
  }
  const started = await storeStartedPayment(db, orderId, paymentId, created, now);
  if (started.status === "payment_failed" || started.status === "expired") {
    // A racing attempt failed the order first: void this payment, so the buyer cannot pay for nothing.
    await provider.cancelPayment(created.providerPaymentId).catch((error: unknown) => {
      console.error(`could not void payment ${created.providerPaymentId} of ${started.status} order ${orderId}`, error);
    });
  }
  return started;
}

/**
 * Keeps the provider's answer, with the order locked so a failing attempt (failUnstartedPayment) sees it
 * or fails the order before it. Only the first answer is stored: a concurrent start may have stored it
 * already (the same payment, asked for with the same key).
 */
async function storeStartedPayment(
  db: Db,
  orderId: string,
  paymentId: string,
  created: CreatedPayment,
  now: Date,
): Promise<PaymentStart> {
  return db.transaction(async (tx): Promise<PaymentStart> => {
    const order = await lockOrder(tx, orderId);
    if (!order) return { status: "not_found" };
    if (order.status !== "pending_payment") return { status: order.status };
    const [stored] = await tx
      .update(payments)
      .set({ reference: created.providerPaymentId, confirmUrl: created.confirmUrl, updatedAt: now })
      .where(and(eq(payments.id, paymentId), isNull(payments.confirmUrl)))
      .returning({ confirmUrl: payments.confirmUrl });
    return {
      status: "awaiting_payment",
      confirmUrl: stored?.confirmUrl ?? (await confirmUrlOf(tx, paymentId)) ?? created.confirmUrl,
    };
  });
}

async function confirmUrlOf(db: Db | Executor, paymentId: string): Promise<string | null> {
  const [row] = await db.select({ confirmUrl: payments.confirmUrl }).from(payments).where(eq(payments.id, paymentId));
  return row?.confirmUrl ?? null;
}

/**
 * The provider could not create the payment. If no attempt got a payment page for the buyer, nothing can
 * be paid: the order fails and its stock goes back. If a concurrent attempt did (a reload racing the
 * first request, answered by the provider with an error for the second), the buyer may be paying: the
 * order stays as it is. Decided with the order row locked, which the failure itself needs anyway.
 */
async function failUnstartedPayment(db: Db, orderId: string, paymentId: string, now: Date): Promise<PaymentStart> {
  return db.transaction(async (tx): Promise<PaymentStart> => {
    const order = await lockOrder(tx, orderId);
    if (!order) return { status: "not_found" };
    if (order.status !== "pending_payment") return { status: order.status };
    const confirmUrl = await confirmUrlOf(tx, paymentId);
    if (confirmUrl) return { status: "awaiting_payment", confirmUrl };
    await move(tx, order, "failed", now, "provider_unavailable");
    return { status: "payment_failed" };
  });
}

export type EventOutcome =
  | "paid"
  | "payment_failed"
  | "expired"
  | "fulfilled"
  | "duplicate"
  | "stale"
  | "late_success"
  | "unknown_payment"
  | "amount_mismatch";

/**
 * Applies one verified provider event, once. The event row, the order's move and everything the move
 * writes (stock, enrollments, mail in the outbox) commit together or not at all, so a provider retry
 * after a failure here is applied afresh.
 */
export async function applyPaymentEvent(
  event: PaymentEvent,
  options: { now?: () => Date; db?: Db } = {},
): Promise<EventOutcome> {
  const db = options.db ?? (await getDb());
  const now = options.now?.() ?? new Date();
  return db.transaction(async (tx) => {
    const [fresh] = await tx
      .insert(paymentEvents)
      .values({
        provider: event.provider,
        eventId: event.eventId,
        type: event.type,
        outcome: "pending",
        receivedAt: now,
      })
      .onConflictDoNothing()
      .returning({ eventId: paymentEvents.eventId });
    if (!fresh) return "duplicate";
    const record = async (outcome: EventOutcome, orderId: string | null) => {
      await tx
        .update(paymentEvents)
        .set({ outcome, orderId })
        .where(and(eq(paymentEvents.provider, event.provider), eq(paymentEvents.eventId, event.eventId)));
      return outcome;
    };

    let [payment] = await tx
      .select()
      .from(payments)
      .where(and(eq(payments.provider, event.provider), eq(payments.reference, event.providerPaymentId)));
    if (!payment && event.orderId && /^[0-9a-f-]{36}$/i.test(event.orderId)) {
      // The creation's answer was lost (timeout, crash) but the provider made the payment: adopt it.
      [payment] = await tx
        .select()
        .from(payments)
        .where(and(eq(payments.orderId, event.orderId), eq(payments.provider, event.provider)));
      if (payment && payment.reference && payment.reference !== event.providerPaymentId) payment = undefined;
      if (payment && !payment.reference)
        await tx.update(payments).set({ reference: event.providerPaymentId }).where(eq(payments.id, payment.id));
    }
    if (!payment?.orderId) return record("unknown_payment", null);
    const order = await lockOrder(tx, payment.orderId);
    if (!order) return record("unknown_payment", null);
    if (event.amount !== payment.amount || event.currency !== payment.currency) {
      console.error(
        `payment event ${event.eventId}: ${event.amount} ${event.currency} reported for a payment of ${payment.amount} ${payment.currency}`,
      );
      return record("amount_mismatch", order.id);
    }
    const signal: OrderSignal =
      event.type === "payment.succeeded" ? "succeeded" : event.type === "payment.expired" ? "expire" : "failed";
    const outcome = await move(tx, order, signal, now, event.failureCode);
    if (outcome === "late_success")
      console.error(
        `order ${order.id} was ${order.status} when its payment succeeded: refund ${event.providerPaymentId}`,
      );
    return record(outcome, order.id);
  });
}

async function move(
  tx: Executor,
  order: LockedOrder,
  signal: OrderSignal,
  now: Date,
  failureCode?: string,
): Promise<EventOutcome> {
  const step = transition(order.status, signal);
  if (!step.change) return step.outcome === "not_paid" ? "stale" : step.outcome;
  if (step.effect === "pay") await markPaid(tx, order, now);
  else if (step.effect === "release")
    await releaseOrder(tx, order, step.next as "payment_failed" | "expired", now, failureCode);
  else await markFulfilled(tx, order, now);
  return step.next as "paid" | "payment_failed" | "expired" | "fulfilled";
}

/** One signal from the shop itself (a provider that could not be reached, expiry, fulfilment), applied once. */
export async function signalOrder(
  orderId: string,
  signal: OrderSignal,
  { now = new Date(), failureCode, db: given }: { now?: Date; failureCode?: string; db?: Db } = {},
): Promise<{ status: OrderStatus | "not_found"; changed: boolean }> {
  const db = given ?? (await getDb());
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (!order) return { status: "not_found" as const, changed: false };
    const step = transition(order.status, signal);
    if (!step.change) return { status: order.status, changed: false };
    await move(tx, order, signal, now, failureCode);
    return { status: step.next, changed: true };
  });
}

/**
 * paid -> fulfilled inside the caller's transaction, which already locked the order (the last of its
 * fulfilments was marked shipped, ./fulfilments.ts); false on any other state.
 */
export async function fulfilLockedOrder(tx: Executor, order: LockedOrder, now: Date): Promise<boolean> {
  if (!transition(order.status, "fulfil").change) return false;
  await move(tx, order, "fulfil", now);
  return true;
}

/** paid -> fulfilled (for fulfilment, issue 16 item 2); a no-op on any other state. */
export function fulfilOrder(orderId: string, now = new Date()) {
  return signalOrder(orderId, "fulfil", { now });
}

/**
 * The sweep (the `payment-sweep` job, every minute): orders still unpaid past their deadline are voided
 * at the provider first, so the payment can no longer succeed, then expired, giving their stock back.
 * When the provider says the buyer paid just before, the success is applied at once, as its webhook
 * would (a synthetic event `reconcile:<reference>`, so doing it twice changes nothing, and the webhook
 * arriving after finds the order paid). An order the provider cannot settle yet (it could not be
 * reached, or a delayed payment method is still on its way) is left for a later pass: its payment row's
 * `updated_at` records the look, the sweep takes the least recently looked-at orders first and skips
 * those looked at in the last SWEEP_RECHECK_MS, so any number of them never keeps others from expiring.
 */
export async function expireOverdueOrders(options: FlowOptions & { limit?: number } = {}): Promise<number> {
  const db = options.db ?? (await getDb());
  const provider = options.provider ?? getPaymentProvider();
  const now = options.now?.() ?? new Date();
  const recheckBefore = new Date(now.getTime() - SWEEP_RECHECK_MS);
  const due = await db
    .select({
      id: orders.id,
      paymentId: payments.id,
      reference: payments.reference,
      paymentProvider: payments.provider,
      amount: payments.amount,
      currency: payments.currency,
    })
    .from(orders)
    .leftJoin(payments, eq(payments.orderId, orders.id))
    .where(
      and(
        eq(orders.status, "pending_payment"),
        lte(orders.expiresAt, now),
        or(isNull(payments.updatedAt), lte(payments.updatedAt, recheckBefore)),
      ),
    )
    .orderBy(sql`${payments.updatedAt} asc nulls first`, asc(orders.expiresAt))
    .limit(options.limit ?? 50);
  let expired = 0;
  for (const order of due) {
    if (order.paymentId && order.reference && order.paymentProvider === provider.name) {
      const said = await provider.cancelPayment(order.reference).catch((error: unknown) => {
        console.error(`could not void payment ${order.reference} of order ${order.id}`, error);
        return "error" as const;
      });
      if (said === "succeeded") {
        // Paid at the last moment: settle it now rather than wait for (or depend on) its webhook.
        const outcome = await applyPaymentEvent(
          {
            provider: provider.name,
            eventId: `reconcile:${order.reference}`,
            type: "payment.succeeded",
            providerPaymentId: order.reference,
            orderId: order.id,
            amount: order.amount!,
            currency: order.currency!,
          },
          { now: () => now, db },
        );
        if (outcome === "paid" || outcome === "duplicate") continue;
      }
      if (said !== "canceled" && said !== "failed") {
        // Unknown, or a payment still settling: look again in a few minutes, behind the others.
        await db.update(payments).set({ updatedAt: now }).where(eq(payments.id, order.paymentId));
        continue;
      }
    }
    if ((await signalOrder(order.id, "expire", { now, failureCode: "expired", db })).changed) expired++;
  }
  return expired;
}
