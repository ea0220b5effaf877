"use server";

import { randomUUID } from "node:crypto";
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getLocale } from "next-intl/server";
import { isLocale, intlLocale } from "@/i18n/locales";
import { validatedActionWithUser, type FormState } from "@/lib/actions";
import { expectedTotalsSchema, placeOrderSchema } from "@/lib/commerce/checkout";
import { checkoutCart, type CartCheckoutResult } from "@/lib/commerce/checkout-cart";
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

const schema = z.object({
  idempotencyKey: placeOrderSchema.shape.idempotencyKey,
  card: z.string().trim().min(1, { message: "checkout.errors.card_required" }).max(32),
  expectedTotals: shownTotals,
});

/** The payment limit in the buyer's language, for the `amount_too_large` message. */
async function formattedLimit(currency: string): Promise<string> {
  const locale = await getLocale().catch(() => "en");
  return formatMoney({ amount: maxChargeAmount(currency), currency }, intlLocale(isLocale(locale) ? locale : "en"));
}

/** Answers about the cart's contents start the form afresh; the others keep the card the buyer typed. */
const CART_ANSWERS = new Set(["own_product", "already_owned", "empty", "unavailable"]);

/**
 * Buys what is in the signed-in user's cart (the rules live in lib/commerce/checkout-cart.ts). The
 * idempotency key comes from the checkout page, one per attempt; after a failure the form gets a fresh
 * key, so the next attempt is a new one. After `price_changed` the page is drawn again with the current
 * prices and a fresh set of shown totals, so the next press of the button confirms those.
 */
export const placeOrderAction = validatedActionWithUser(schema, async (data, user): Promise<FormState> => {
  const retry = { idempotencyKey: randomUUID() };
  let result: CartCheckoutResult;
  try {
    result = await checkoutCart({
      userId: user.id,
      idempotencyKey: data.idempotencyKey,
      paymentToken: data.card,
      expectedTotals: data.expectedTotals,
    });
  } catch (error) {
    console.error("checkout failed", error);
    return { ok: false, error: "checkout.errors.unexpected", values: retry };
  }
  if ("ok" in result) {
    // The order emptied the cart: without this the header's cart count, rendered in the shared layout,
    // would keep showing the bought items after the redirect.
    if (!result.alreadyPlaced) refresh();
    redirect(`/orders/${result.orderId}?placed=1`);
  }
  const error = `checkout.errors.${result.code}`;
  if (CART_ANSWERS.has(result.code)) return { ok: false, error, values: retry };
  const values = { ...retry, card: data.card };
  if ("item" in result) return { ok: false, error, values: { ...values, item: result.item } };
  if ("currency" in result)
    return { ok: false, error, values: { ...values, max: await formattedLimit(result.currency) } };
  if (result.code === "price_changed") refresh();
  return { ok: false, error, values };
});
