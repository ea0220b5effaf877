"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { localePath } from "@/lib/i18n/page-locale";
import { z } from "zod";
import { validatedAction, type FormState } from "@/lib/actions";
import { getSimulatedProvider } from "@/lib/commerce/providers";

const schema = z.object({
  paymentId: z.string().regex(/^simpay_[0-9a-f]{24}$/),
  choice: z.enum(["succeed", "decline", "challenge", "challenge_pass", "challenge_fail"]),
});

/** Only a path on this site: the return address comes from our own createPayment, but never redirect elsewhere. */
function safeReturn(path: string): string {
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : "/orders";
}

/**
 * The buttons of the simulated provider's hosted page (/pay/sim/<id>). Like a real provider's page it
 * is not behind the shop's sign-in: knowing the payment's unguessable id is the authorization, as
 * holding a Checkout Session's URL is at Stripe, and a payment only moves forward from the state it is
 * in (lib/commerce/providers/simulated.ts). The provider then sends its signed webhook and the buyer
 * goes back to the order, which shows "processing" until that webhook lands.
 */
export const confirmSimPaymentAction = validatedAction(schema, async (data): Promise<FormState> => {
  const provider = getSimulatedProvider();
  if (!provider) return { ok: false, error: "simPay.unknown" };
  const payment = await provider.confirm(data.paymentId, data.choice);
  if (!payment) return { ok: false, error: "simPay.unknown" };
  if (payment.status === "requires_action" || payment.status === "requires_confirmation")
    redirect(await localePath(`/pay/sim/${payment.id}`));
  // A paid order emptied the cart (in the webhook's request): the header's count must follow.
  refresh();
  redirect(safeReturn(payment.returnUrl));
});
