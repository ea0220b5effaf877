"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { validatedActionWithUser, type FormState } from "@/lib/actions";
import { addressSchema } from "@/lib/commerce/address";
import { saveAddress } from "@/lib/commerce/shipping-store";

/**
 * Saves a shipping address in the signed-in buyer's account (validated per country by
 * lib/commerce/address.ts; field errors are keys under `address.errors`) and goes back to checkout
 * with it chosen, where shipping and tax are quoted for it.
 */
export const saveAddressAction = validatedActionWithUser(addressSchema, async (address, user): Promise<FormState> => {
  let id: string;
  try {
    id = await saveAddress(await getDb(), { userId: user.id, address });
  } catch (error) {
    console.error("saving an address failed", error);
    return { ok: false, error: "address.errors.unexpected" };
  }
  redirect(`/checkout?address=${encodeURIComponent(id)}`);
});
