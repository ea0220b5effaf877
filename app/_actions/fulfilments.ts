"use server";

import { revalidatePath } from "next/cache";
import { validatedActionWithUser, type FormState } from "@/lib/actions";
import {
  markDeliveredSchema,
  markFulfilmentDelivered,
  markFulfilmentShipped,
  markShippedSchema,
} from "@/lib/commerce/fulfilments";

/**
 * A creator marks their part of an order shipped. The wrapper checks the session and the role; the
 * lib function checks that the part is this creator's (anyone else's reads as not found) and writes
 * the status, the buyer's mail and, for the last part, the fulfilled order in one transaction.
 */
export const markShippedAction = validatedActionWithUser(
  markShippedSchema,
  async (data, user): Promise<FormState> => {
    const result = await markFulfilmentShipped(user.id, data);
    if (!result.ok) return { ok: false, error: `shipments.errors.${result.code}` };
    revalidatePath("/[locale]/studio/shipments", "page");
    return { ok: true };
  },
  ["creator"],
);

/**
 * A creator marks their shipped part of an order delivered. The same checks as marking it shipped: the
 * wrapper the session and role, the lib function that the part is this creator's and was shipped; the
 * status and the buyer's mail are written in one transaction.
 */
export const markDeliveredAction = validatedActionWithUser(
  markDeliveredSchema,
  async (data, user): Promise<FormState> => {
    const result = await markFulfilmentDelivered(user.id, data);
    if (!result.ok) return { ok: false, error: `shipments.errors.${result.code}` };
    revalidatePath("/[locale]/studio/shipments", "page");
    return { ok: true };
  },
  ["creator"],
);
