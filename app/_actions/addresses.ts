"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { localePath } from "@/lib/i18n/page-locale";
import { z } from "zod";
import { getDb } from "@/db/client";
import { validatedActionWithUser, type FormState } from "@/lib/actions";
import { addressSchema } from "@/lib/commerce/address";
import {
  addAddressForUser,
  deleteAddressForUser,
  setDefaultAddressForUser,
  updateAddressForUser,
} from "@/lib/commerce/address-book";
import { saveAddress } from "@/lib/commerce/shipping-store";

/**
 * Shipping addresses in the signed-in buyer's account. Every field is checked per country by the one
 * schema in lib/commerce/address.ts, at checkout and in the address book alike (field errors are keys
 * under `address.errors`). The lib functions touch only the caller's rows: another buyer's address id
 * answers "not found" and changes nothing.
 */

const BOOK = "/account/addresses";

/** An address id as a form sends it back; a hand-made request may send anything, so it is bounded. */
const addressIdSchema = z.object({ addressId: z.string({ error: "required" }).trim().min(1).max(128) });
/** An unticked checkbox sends nothing. */
const makeDefaultSchema = z.object({ makeDefault: z.literal("on").optional() });

const notFound: FormState = { ok: false, error: "address.errors.not_found" };
const unexpected: FormState = { ok: false, error: "address.errors.unexpected" };

/** Saves the address given at checkout and goes back to checkout with it chosen, quoted for it. */
export const saveAddressAction = validatedActionWithUser(addressSchema, async (address, user): Promise<FormState> => {
  let id: string;
  try {
    id = await saveAddress(await getDb(), { userId: user.id, address });
  } catch (error) {
    console.error("saving an address failed", error);
    return unexpected;
  }
  redirect(await localePath(`/checkout?address=${encodeURIComponent(id)}`));
});

/** Adds an address from the address book. */
export const addAddressAction = validatedActionWithUser(
  addressSchema.and(makeDefaultSchema),
  async ({ makeDefault, ...address }, user): Promise<FormState> => {
    try {
      await addAddressForUser(await getDb(), { userId: user.id, address, makeDefault: makeDefault === "on" });
    } catch (error) {
      console.error("adding an address failed", error);
      return unexpected;
    }
    revalidatePath(`/[locale]${BOOK}`, "page");
    redirect(await localePath(`${BOOK}?saved=added`));
  },
);

/** Rewrites one of the caller's own addresses. */
export const updateAddressAction = validatedActionWithUser(
  addressSchema.and(makeDefaultSchema).and(addressIdSchema),
  async ({ addressId, makeDefault, ...address }, user): Promise<FormState> => {
    let found: boolean;
    try {
      found = await updateAddressForUser(await getDb(), {
        userId: user.id,
        addressId,
        address,
        makeDefault: makeDefault === "on",
      });
    } catch (error) {
      console.error("updating an address failed", error);
      return unexpected;
    }
    if (!found) return notFound;
    revalidatePath(`/[locale]${BOOK}`, "page");
    redirect(await localePath(`${BOOK}?saved=updated`));
  },
);

/** Makes one of the caller's addresses the default checkout offers first. */
export const setDefaultAddressAction = validatedActionWithUser(
  addressIdSchema,
  async ({ addressId }, user): Promise<FormState> => {
    let found: boolean;
    try {
      found = await setDefaultAddressForUser(await getDb(), { userId: user.id, addressId });
    } catch (error) {
      console.error("setting the default address failed", error);
      return unexpected;
    }
    if (!found) return notFound;
    revalidatePath(`/[locale]${BOOK}`, "page");
    return { ok: true };
  },
);

/** Removes one of the caller's addresses; past orders keep their own copy. */
export const deleteAddressAction = validatedActionWithUser(
  addressIdSchema,
  async ({ addressId }, user): Promise<FormState> => {
    let found: boolean;
    try {
      found = await deleteAddressForUser(await getDb(), { userId: user.id, addressId });
    } catch (error) {
      console.error("deleting an address failed", error);
      return unexpected;
    }
    if (!found) return notFound;
    revalidatePath(`/[locale]${BOOK}`, "page");
    return { ok: true };
  },
);
