/**
 * The order's state machine, pure: which signal moves an order where, and what the move must do. The
 * webhook handler, the expiry sweep and fulfilment all ask it, so "whatever order the webhook and the
 * buyer's return arrive in" reduces to: a signal that does not apply to the current state changes nothing.
 *
 *   pending_payment --succeeded--> paid --fulfil--> fulfilled
 *   pending_payment --failed-----> payment_failed
 *   pending_payment --expire-----> expired
 *
 * `fulfil` comes when the last part of the order is shipped (fulfilmentTransition below); a part marked
 * delivered afterwards leaves the order as it is.
 *
 * Every other pair is a no-op with an outcome saying why (a replay, a stale event). A success reported
 * for an order that already failed or expired is `late_success`: its stock went back, so the order is not
 * revived silently; it is logged for a refund (the simulated provider and Stripe Checkout both make it
 * impossible: a declined or expired payment cannot succeed afterwards, and the sweep voids a payment at
 * the provider before expiring its order).
 */
export const ORDER_STATUSES = [
  "pending_payment",
  "paid",
  "fulfilled",
  "payment_failed",
  "expired",
  "refunded",
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Orders the buyer has paid for: what counts as a purchase everywhere (sales, reviews, recommendations). */
export const PAID_STATUSES = ["paid", "fulfilled"] as const satisfies readonly OrderStatus[];

export type OrderSignal = "succeeded" | "failed" | "expire" | "fulfil";

export type Transition =
  | { change: true; next: OrderStatus; effect: "pay" | "release" | "fulfil" }
  | { change: false; outcome: "duplicate" | "stale" | "late_success" | "not_paid" };

export function transition(current: OrderStatus, signal: OrderSignal): Transition {
  if (current === "pending_payment") {
    if (signal === "succeeded") return { change: true, next: "paid", effect: "pay" };
    if (signal === "failed") return { change: true, next: "payment_failed", effect: "release" };
    if (signal === "expire") return { change: true, next: "expired", effect: "release" };
    return { change: false, outcome: "not_paid" };
  }
  if (signal === "fulfil")
    return current === "paid"
      ? { change: true, next: "fulfilled", effect: "fulfil" }
      : { change: false, outcome: current === "fulfilled" ? "duplicate" : "not_paid" };
  if (signal === "succeeded")
    return {
      change: false,
      outcome: current === "paid" || current === "fulfilled" || current === "refunded" ? "duplicate" : "late_success",
    };
  // A failure or expiry after the order was settled one way or the other: an old event arriving late.
  return { change: false, outcome: current === "payment_failed" || current === "expired" ? "duplicate" : "stale" };
}

export function isPaidStatus(status: OrderStatus): boolean {
  return (PAID_STATUSES as readonly OrderStatus[]).includes(status);
}

/**
 * One creator's part of a paid order: `pending --ship--> shipped --deliver--> delivered`. The order
 * becomes `fulfilled` when no part is pending any more (every part has left); delivery of a part never
 * moves the order, which is `paid` or `fulfilled` by then. A signal the part is not ready for changes
 * nothing and says why.
 */
export type FulfilmentStatus = "pending" | "shipped" | "delivered";
export type FulfilmentSignal = "ship" | "deliver";

export type FulfilmentTransition =
  | { change: true; next: FulfilmentStatus }
  | { change: false; outcome: "already_shipped" | "not_shipped" | "already_delivered" };

export function fulfilmentTransition(current: FulfilmentStatus, signal: FulfilmentSignal): FulfilmentTransition {
  if (signal === "ship")
    return current === "pending" ? { change: true, next: "shipped" } : { change: false, outcome: "already_shipped" };
  if (current === "shipped") return { change: true, next: "delivered" };
  return { change: false, outcome: current === "pending" ? "not_shipped" : "already_delivered" };
}
