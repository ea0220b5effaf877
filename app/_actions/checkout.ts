"use server";

import { randomUUID } from "node:crypto";
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { localePath } from "@/lib/i18n/page-locale";
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

// No card field: the buyer pays on the provider's page, so card data never reaches this server.
const schema = z.object({
  idempotencyKey: placeOrderSchema.shape.idempotencyKey,
  expectedTotals: shownTotals,
  shippingAddressId: placeOrderSchema.shape.shippingAddressId,
});

/** The payment limit in the buyer's language, for the `amount_too_large` message. */
async function formattedLimit(currency: string): Promise<string> {
  const locale = await getLocale().catch(() => "en");
  return formatMoney({ amount: maxChargeAmount(currency), currency }, intlLocale(isLocale(locale) ? locale : "en"));
}

/**
 * Places the signed-in user's cart as an order awaiting payment (the rules live in
 * lib/commerce/checkout-cart.ts) and sends the buyer to the payment provider's page to confirm it; the
 * provider brings them back to the order, which shows "processing" until its webhook lands. The
 * idempotency key comes from the checkout page, one per attempt; after a failure the form gets a fresh
 * key. After `price_changed` the page is drawn again with the current prices and fresh shown totals.
 */
export const placeOrderAction = validatedActionWithUser(schema, async (data, user): Promise<FormState> => {
  const retry = { idempotencyKey: randomUUID() };
  let result: CartCheckoutResult;
  try {
    result = await checkoutCart({
      userId: user.id,
      idempotencyKey: data.idempotencyKey,
      expectedTotals: data.expectedTotals,
      shippingAddressId: data.shippingAddressId,
    });
  } catch (error) {
    console.error("checkout failed", error);
    return { ok: false, error: "checkout.errors.unexpected", values: retry };
  }
  if ("ok" in result) {
    // A free order is paid at once and empties the cart: the header's count must follow.
    if (result.next.to === "order" && !result.alreadyPlaced) refresh();
    redirect(result.next.to === "pay" ? result.next.url : await localePath(`/orders/${result.orderId}?placed=1`));
  }
  const error = `checkout.errors.${result.code}`;
  if ("item" in result) return { ok: false, error, values: { ...retry, item: result.item } };
  if ("currency" in result)
    return { ok: false, error, values: { ...retry, max: await formattedLimit(result.currency) } };
  if (result.code === "price_changed") refresh();
  return { ok: false, error, values: retry };
});
