"use server";

import { randomUUID } from "node:crypto";
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { validatedActionWithUser, type FormState } from "@/lib/actions";
import { checkoutLines, getCart } from "@/lib/commerce/cart";
import { placeOrder, placeOrderSchema, type PlaceOrderResult } from "@/lib/commerce/checkout";

const schema = z.object({
  idempotencyKey: placeOrderSchema.shape.idempotencyKey,
  card: z.string().trim().min(1, { message: "checkout.errors.card_required" }).max(32),
});

/**
 * Buys what is in the signed-in user's cart. The idempotency key comes from the checkout page (one per
 * attempt): a double submit or a retried request finds the first order instead of making a second.
 * After a failure the form gets a fresh key, so the next attempt is a new one.
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
    result = await placeOrder({ userId: user.id, lines, idempotencyKey: data.idempotencyKey, paymentToken: data.card });
  } catch (error) {
    console.error("checkout failed", error);
    return { ok: false, error: "checkout.errors.unexpected", values: retry };
  }
  if (!result.ok) return { ok: false, error: `checkout.errors.${result.code}`, values: { ...retry, card: data.card } };
  // The order emptied the cart: without this the header's cart count, rendered in the shared layout,
  // would keep showing the bought items after the redirect.
  refresh();
  redirect(`/orders/${result.orderId}?placed=1`);
});
