"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { validatedAction, type FormState } from "@/lib/actions";
import { addToCart, cartInputSchema, setCartQuantity, type CartResult } from "@/lib/commerce/cart";
import { currentCartOwner } from "@/lib/server/cart-session";
import { requestConsent } from "@/lib/server/consent";
import { recordServerEvent } from "@/lib/tracking/record";

const addSchema = z.object({
  productId: cartInputSchema.shape.productId,
  quantity: z.coerce.number().int().min(1).max(100).default(1),
});

/** The product page's "Add to cart" form; guests get a visitor cookie if they have none yet. */
export const addToCartAction = validatedAction(addSchema, async (data): Promise<FormState> => {
  const owner = await currentCartOwner({ create: true });
  if (!owner) return { ok: false, error: "cart.errors.unavailable" };
  const result = await addToCart(owner, data.productId, data.quantity);
  if (!result.ok) return { ok: false, error: `cart.errors.${result.code}` };
  // A signal for recommendations; for a guest only with analytics consent. Never fails the add.
  const consent = await requestConsent();
  await recordServerEvent(await getDb(), { type: "add_to_cart", productId: data.productId, ...owner, consent }).catch(
    (error: unknown) => console.error("add_to_cart event", error),
  );
  refresh();
  return { ok: true };
});

/** The cart page's quantity stepper and remove button (quantity 0); called with plain values. */
export async function setCartQuantityAction(productId: unknown, quantity: unknown): Promise<CartResult> {
  const parsed = cartInputSchema.safeParse({ productId, quantity });
  if (!parsed.success) return { ok: false, code: "invalid" };
  const owner = await currentCartOwner();
  if (!owner) return { ok: false, code: "not_found" };
  const result = await setCartQuantity(owner, parsed.data.productId, parsed.data.quantity);
  refresh();
  return result;
}
