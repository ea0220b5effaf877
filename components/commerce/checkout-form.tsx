"use client";

import { useActionState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { placeOrderAction } from "@/app/_actions/checkout";
import { Input } from "@/components/ui/controls";
import { FormMessage } from "@/components/ui/form-message";
import { LabelledField } from "@/components/ui/labelled-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { messageKey } from "./message-key";

/**
 * Payment form of the simulated provider; the idempotency key is per attempt and renewed after a failure.
 * `expectedTotals` are the totals the page shows (currency -> minor units), sent with the order so the
 * buyer is never charged another amount; `total` is the same, formatted by the page, shown by the button.
 */
export function CheckoutForm({
  idempotencyKey,
  testCards,
  expectedTotals,
  total,
}: {
  idempotencyKey: string;
  testCards: { success: string; decline: string };
  expectedTotals: Record<string, number>;
  total: ReactNode;
}) {
  const t = useTranslations();
  const [state, formAction] = useActionState(placeOrderAction, null);
  const key = state?.values?.idempotencyKey ?? idempotencyKey;
  const cardError = state?.fieldErrors?.card;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="idempotencyKey" value={key} />
      <input type="hidden" name="expectedTotals" value={JSON.stringify(expectedTotals)} />
      {state?.error && state.error !== "invalid_input" && (
        <FormMessage tone="error" boxed>
          {/* `item` names the product that sold out, `max` the payment limit; other messages ignore them. */}
          {t(messageKey(state.error), { title: state.values?.item ?? "", max: state.values?.max ?? "" })}
        </FormMessage>
      )}
      <LabelledField
        id="card"
        label={t("checkout.card")}
        hint={t("checkout.testCards", { success: testCards.success, decline: testCards.decline })}
        error={cardError ? t(messageKey(cardError.includes(".") ? cardError : "invalid_input")) : undefined}
      >
        {(control) => (
          <Input
            {...control}
            name="card"
            inputMode="numeric"
            autoComplete="cc-number"
            defaultValue={state?.values?.card ?? testCards.success}
            required
            className="font-mono"
          />
        )}
      </LabelledField>
      <p className="flex items-baseline justify-between text-sm" data-testid="checkout-to-pay">
        <span>{t("checkout.toPay")}</span>
        {total}
      </p>
      <SubmitButton size="lg" block pendingLabel={t("checkout.placing")}>
        {t("checkout.place")}
      </SubmitButton>
    </form>
  );
}
