"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { validatedActionWithUser, type FormState } from "@/lib/actions";
import { getCreatorForUser } from "@/lib/commerce/ownership";
import { ratesFormSchema } from "@/lib/commerce/shipping-rates-form";
import { replaceCreatorRates } from "@/lib/commerce/shipping-store";

/**
 * Replaces the signed-in creator's shipping rates with the form's (parsed and checked by
 * lib/commerce/shipping-rates-form.ts). Only ever their own profile's: the creator comes from the
 * session, never from the form.
 */
export const saveShippingRatesAction = validatedActionWithUser(
  ratesFormSchema,
  async (rates, user): Promise<FormState> => {
    const creator = await getCreatorForUser(user.id);
    if (!creator) return { ok: false, error: "forbidden" };
    await replaceCreatorRates(await getDb(), { creatorId: creator.id, rates });
    // The checkout quotes from these rates; the artwork page's estimate too.
    revalidatePath("/[locale]/studio/shipping", "page");
    return { ok: true };
  },
  ["creator"],
);
