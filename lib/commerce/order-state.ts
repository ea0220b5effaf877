/**
 * The order's state machine, pure: which signal moves an order where, and what the move must do. The
 * webhook handler, the expiry sweep and fulfilment all ask it, so "whatever order the webhook and the
 * buyer's return arrive in" reduces to: a signal that does not apply to the current state changes nothing.
 *
 *   pending_payment --succeeded--> paid --fulfil--> fulfilled
 *   pending_payment --failed-----> payment_failed
 *   pending_payment --expire-----> expired
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
