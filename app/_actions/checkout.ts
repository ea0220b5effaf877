"use server";

import { randomUUID } from "node:crypto";
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { validatedActionWithUser, type FormState } from "@/lib/actions";
import { checkoutLines, getCart } from "@/lib/commerce/cart";
import { expectedTotalsSchema, placeOrder, placeOrderSchema, type PlaceOrderResult } from "@/lib/commerce/checkout";

/** The totals the page showed, as JSON in a hidden field; anything unreadable counts as not shown (undefined). */
const shownTotals = z
  .string()
  .max(1000)
  .transform((raw): unknown => {
    try {
      return JSON.parse(raw);
    } catch {
      return undefined;
    }
  })
  .pipe(expectedTotalsSchema)
  .optional()
  .catch(undefined);

const priceChanged: PlaceOrderResult = { ok: false, code: "price_changed", message: "the form did not say which total the buyer saw" };

const schema = z.object({
  idempotencyKey: placeOrderSchema.shape.idempotencyKey,
  card: z.string().trim().min(1, { message: "checkout.errors.card_required" }).max(32),
  expectedTotals: shownTotals,
});

/**
 * Buys what is in the signed-in user's cart. The idempotency key comes from the checkout page (one per
 * attempt): a double submit or a retried request finds the first order instead of making a second.
 * After a failure the form gets a fresh key, so the next attempt is a new one.
 *
 * The buyer pays what the page showed them or nothing: the form sends the totals it displayed, and
 * placeOrder refuses another total as `price_changed`. The page is then drawn again with the current
 * prices (and a fresh set of totals in the form), so the next press of the button confirms those.
 * A form without readable totals (a page cached from before this guard, a hand-made request) is
 * answered the same way rather than charged blind.
 */
export const placeOrderAction = validatedActionWithUser(schema, async (data, user): Promise<FormState> => {
  const retry = { idempotencyKey: randomUUID() };
  let result: PlaceOrderResult;
  try {
    const cart = await getCart({ userId: user.id });
    const lines = checkoutLines(cart);
    if (cart.lines.some((l) => l.ownWork)) return { ok: false, error: "checkout.errors.own_product", values: retry };
    if (lines.length === 0) return { ok: false, error: "checkout.errors.empty", values: retry };
    if (lines.length < cart.lines.length) return { ok: false, error: "checkout.errors.unavailable", values: retry };
    result = data.expectedTotals
      ? await placeOrder({ userId: user.id, lines, idempotencyKey: data.idempotencyKey, paymentToken: data.card, expectedTotals: data.expectedTotals })
      : priceChanged;
  } catch (error) {
    console.error("checkout failed", error);
    return { ok: false, error: "checkout.errors.unexpected", values: retry };
  }
  if (!result.ok && result.code === "price_changed") {
    refresh();
    return { ok: false, error: "checkout.errors.price_changed", values: { ...retry, card: data.card } };
  }
  if (!result.ok) return { ok: false, error: `checkout.errors.${result.code}`, values: { ...retry, card: data.card } };
  // The order emptied the cart: without this the header's cart count, rendered in the shared layout,
  // would keep showing the bought items after the redirect.
  refresh();
  redirect(`/orders/${result.orderId}?placed=1`);
});
