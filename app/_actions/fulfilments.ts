"use server";

import { revalidatePath } from "next/cache";
import { validatedActionWithUser, type FormState } from "@/lib/actions";
import { markFulfilmentShipped, markShippedSchema } from "@/lib/commerce/fulfilments";

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
    revalidatePath("/studio/shipments");
    return { ok: true };
  },
  ["creator"],
);
