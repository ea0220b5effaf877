"use client";

import { useActionState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { placeOrderAction } from "@/app/_actions/checkout";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { messageKey } from "./message-key";

/**
 * Places the order and goes to the payment provider's page, where the buyer confirms the payment: no
 * card field here, card data never reaches the shop. The idempotency key is per attempt and renewed
 * after a failure. `expectedTotals` are the totals the page shows (currency -> minor units), sent with
 * the order so the buyer is never charged another amount; `total` is the same, formatted by the page.
 */
export function CheckoutForm({
  idempotencyKey,
  provider,
  expectedTotals,
  shippingAddressId,
  total,
}: {
  idempotencyKey: string;
  /** Which provider's page comes next, for the sentence under the button. */
  provider: "simulated" | "stripe";
  expectedTotals: Record<string, number>;
  /** The saved address artworks ship to, quoted on the page; absent for a cart without artworks. */
  shippingAddressId?: string | undefined;
  total: ReactNode;
}) {
  const t = useTranslations();
  const [state, formAction] = useActionState(placeOrderAction, null);
  const key = state?.values?.idempotencyKey ?? idempotencyKey;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="idempotencyKey" value={key} />
      <input type="hidden" name="expectedTotals" value={JSON.stringify(expectedTotals)} />
      {shippingAddressId && <input type="hidden" name="shippingAddressId" value={shippingAddressId} />}
      {state?.error && state.error !== "invalid_input" && (
        <FormMessage tone="error" boxed>
          {/* `item` names the product that sold out, `max` the payment limit; other messages ignore them. */}
          {t(messageKey(state.error), { title: state.values?.item ?? "", max: state.values?.max ?? "" })}
        </FormMessage>
      )}
      <p className="flex items-baseline justify-between text-sm" data-testid="checkout-to-pay">
        <span>{t("checkout.toPay")}</span>
        {total}
      </p>
      <SubmitButton size="lg" block pendingLabel={t("checkout.placing")}>
        {t("checkout.place")}
      </SubmitButton>
      <p className="text-sm text-muted">
        {provider === "stripe" ? t("checkout.payOnStripe") : t("checkout.payOnSimulated")}
      </p>
    </form>
  );
}
