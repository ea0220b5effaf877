/**
 * Checkout of a signed-in buyer's cart: the rules between "the buyer pressed Pay" and placeOrder, so the
 * server action only parses, authorizes and turns the answer into a form state.
 *
 * Answers are honest about what happened: a key that already made an order (the first request went
 * through, the buyer pressed again or the browser retried) goes to that order rather than reporting the
 * now empty cart; an item that sold out is named, also when it was the only thing in the cart; and the
 * buyer pays what the page showed them or nothing (no shown totals counts as `price_changed`, never as a
 * blind charge).
 *
 * A placed order waits for its payment: the answer says where the buyer confirms it (the provider's
 * page), or, for an order already settled, that the order page is next.
 */
import { cartSubtotals, checkoutBlock, checkoutLines, type CheckoutBlock } from "./cart-math";
import { getCart } from "./cart";
import { findOrderByIdempotencyKey, placeOrder, type CheckoutErrorCode, type ExpectedTotals } from "./checkout";
import { startPayment } from "./payment-flow";

export type CartCheckoutInput = {
  userId: string;
  /** One per checkout attempt, from the checkout page. */
  idempotencyKey: string;
  /** The totals the page showed (currency → minor units); undefined when the form sent none it could read. */
  expectedTotals: ExpectedTotals | undefined;
  /** The saved address the page quoted shipping for; placeOrder refuses artworks without one. */
  shippingAddressId?: string | undefined;
};

/** Where the buyer goes next: the provider's page to confirm the payment, or the order itself. */
export type CheckoutNext = { to: "pay"; url: string } | { to: "order" };

export type CartCheckoutResult =
  | { ok: true; orderId: string; alreadyPlaced: boolean; next: CheckoutNext }
  | CheckoutBlock
  | { code: Exclude<CheckoutErrorCode, "amount_too_large" | "no_shipping"> }
  /** `item` names the creator who does not ship to the address. */
  | { code: "no_shipping"; item: string }
  /** `currency` is the one the payment limit was hit in. */
  | { code: "amount_too_large"; currency: string };

export async function checkoutCart(input: CartCheckoutInput): Promise<CartCheckoutResult> {
  const placed = await findOrderByIdempotencyKey({ userId: input.userId, idempotencyKey: input.idempotencyKey });
  if (placed) return { ok: true, orderId: placed, alreadyPlaced: true, next: await nextStep(placed) };

  const cart = await getCart({ userId: input.userId });
  const block = checkoutBlock(cart.lines);
  if (block) return block;
  if (!input.expectedTotals) return { code: "price_changed" };

  const lines = checkoutLines(cart);
  const result = await placeOrder({
    userId: input.userId,
    lines,
    idempotencyKey: input.idempotencyKey,
    expectedTotals: input.expectedTotals,
    ...(input.shippingAddressId ? { shippingAddressId: input.shippingAddressId } : {}),
  });
  if (result.ok)
    return { ok: true, orderId: result.orderId, alreadyPlaced: false, next: await nextStep(result.orderId) };
  // Sold out between the cart read and the stock check: the cart still holds it, the rest can be bought.
  if (result.code === "out_of_stock" && result.item)
    return { code: lines.length === 1 ? "sold_out_only" : "sold_out", item: result.item.title };
  if (result.code === "no_shipping") return { code: "no_shipping", item: result.item?.title ?? "" };
  if (result.code === "amount_too_large")
    return { code: "amount_too_large", currency: cartSubtotals(cart.lines)[0]?.currency ?? "USD" };
  return { code: result.code };
}

/** The provider's page while the order awaits payment (made again if its creation was lost), else the order. */
async function nextStep(orderId: string): Promise<CheckoutNext> {
  const started = await startPayment(orderId);
  return started.status === "awaiting_payment" ? { to: "pay", url: started.confirmUrl } : { to: "order" };
}
