"use server";

import { randomUUID } from "node:crypto";
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getLocale } from "next-intl/server";
import { isLocale, intlLocale } from "@/i18n/locales";
import { validatedActionWithUser, type FormState } from "@/lib/actions";
import { checkoutLines, getCart, type CartLine } from "@/lib/commerce/cart";
import { expectedTotalsSchema, findOrderByIdempotencyKey, placeOrder, placeOrderSchema, type PlaceOrderResult } from "@/lib/commerce/checkout";
import { maxChargeAmount } from "@/lib/commerce/payments";
import { formatMoney } from "@/lib/money";

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

/** A line that cannot be bought now although it was for sale: sold out, or withdrawn (not owned, not the buyer's own). */
const soldOut = (l: CartLine) => l.maxQuantity < 1 && !l.owned && !l.ownWork;

/** The payment limit in the buyer's language, for the `amount_too_large` message. */
async function formattedLimit(currency: string): Promise<string> {
  const locale = await getLocale().catch(() => "en");
  return formatMoney({ amount: maxChargeAmount(currency), currency }, intlLocale(isLocale(locale) ? locale : "en"));
}

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
 *
 * Answers are honest about what happened: a key that already made an order (the first request went
 * through, the buyer pressed again or the browser retried) goes to that order rather than reporting
 * the now empty cart, and an item that sold out is named (`values.item` carries its title), also when
 * it was the only thing in the cart.
 */
export const placeOrderAction = validatedActionWithUser(schema, async (data, user): Promise<FormState> => {
  const retry = { idempotencyKey: randomUUID() };
  let redirectTo: string | undefined;
  let result: PlaceOrderResult;
  let lines: { productId: string; quantity: number }[] = [];
  try {
    const placed = await findOrderByIdempotencyKey({ userId: user.id, idempotencyKey: data.idempotencyKey });
    if (placed) redirectTo = `/orders/${placed}?placed=1`;
  } catch (error) {
    console.error("checkout: looking up the idempotency key failed", error);
    return { ok: false, error: "checkout.errors.unexpected", values: retry };
  }
  if (redirectTo) redirect(redirectTo);
  try {
    const cart = await getCart({ userId: user.id });
    lines = checkoutLines(cart);
    if (cart.lines.some((l) => l.ownWork)) return { ok: false, error: "checkout.errors.own_product", values: retry };
    const gone = cart.lines.find(soldOut);
    if (gone) return { ok: false, error: lines.length === 0 ? "checkout.errors.sold_out_only" : "checkout.errors.sold_out", values: { ...retry, card: data.card, item: gone.title } };
    if (lines.length === 0 && cart.lines.some((l) => l.owned)) return { ok: false, error: "checkout.errors.already_owned", values: retry };
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
  if (!result.ok && result.code === "out_of_stock" && result.item) {
    // Sold out between the cart read and the stock check: the cart still holds it, the rest can be bought.
    const onlyOne = lines.length === 1;
    return { ok: false, error: onlyOne ? "checkout.errors.sold_out_only" : "checkout.errors.sold_out", values: { ...retry, card: data.card, item: result.item.title } };
  }
  if (!result.ok && result.code === "amount_too_large") {
    return { ok: false, error: "checkout.errors.amount_too_large", values: { ...retry, card: data.card, max: await formattedLimit(Object.keys(data.expectedTotals ?? {})[0] ?? "USD") } };
  }
  if (!result.ok) return { ok: false, error: `checkout.errors.${result.code}`, values: { ...retry, card: data.card } };
  // The order emptied the cart: without this the header's cart count, rendered in the shared layout,
  // would keep showing the bought items after the redirect.
  refresh();
  redirect(`/orders/${result.orderId}?placed=1`);
});
