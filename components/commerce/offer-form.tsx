"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { makeOfferAction } from "@/app/_actions/offers";
import { Input, Textarea } from "@/components/ui/controls";
import { FormMessage } from "@/components/ui/form-message";
import { LabelledField } from "@/components/ui/labelled-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { messageKey } from "./message-key";

/**
 * "Make an offer": an amount below the list price and an optional note to the artist. Its messages are
 * the buyer's own (app/_actions/offers.ts picks them), and may name the list price and the payment limit.
 */
export function OfferForm({
  productId,
  currency,
  listPriceLabel,
}: {
  productId: string;
  currency: string;
  listPriceLabel: string;
}) {
  const t = useTranslations();
  const [state, formAction] = useActionState(makeOfferAction, null);
  const amountError = state?.fieldErrors?.amount;
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <input type="hidden" name="productId" value={productId} />
      {state?.error && state.error !== "invalid_input" && (
        <FormMessage tone="error">{t(messageKey(state.error))}</FormMessage>
      )}
      <LabelledField
        id="offer-amount"
        label={t("offers.amountLabel", { currency })}
        hint={t("offers.amountHelp", { price: listPriceLabel })}
        error={
          amountError ? t(messageKey(amountError), { price: listPriceLabel, max: state?.values?.max ?? "" }) : undefined
        }
      >
        {(control) => (
          <Input {...control} name="amount" inputMode="decimal" required defaultValue={state?.values?.amount} />
        )}
      </LabelledField>
      <LabelledField id="offer-message" label={t("offers.messageLabel")}>
        {(control) => (
          <Textarea {...control} name="message" maxLength={500} rows={2} defaultValue={state?.values?.message} />
        )}
      </LabelledField>
      <SubmitButton variant="secondary" pendingLabel={t("offers.sending")}>
        {t("offers.submit")}
      </SubmitButton>
    </form>
  );
}
