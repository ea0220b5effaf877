"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { respondToOfferAction } from "@/app/_actions/offers";
import { messageKey } from "@/components/commerce/message-key";
import { Input } from "@/components/ui/controls";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

/** Accept, decline or counter a pending offer: one form, the pressed button says which. */
export function OfferResponseForm({ offerId, currency }: { offerId: string; currency: string }) {
  const t = useTranslations();
  const [state, formAction] = useActionState(respondToOfferAction, null);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="offerId" value={offerId} />
      <SubmitButton name="response" value="accept" variant="positive" size="sm">
        {t("offers.creator.accept")}
      </SubmitButton>
      <SubmitButton name="response" value="decline" variant="subtle" size="sm">
        {t("offers.creator.decline")}
      </SubmitButton>
      <label className="flex items-end gap-1">
        <span className="sr-only">{t("offers.creator.counterLabel", { currency })}</span>
        <Input
          name="counter"
          inputMode="decimal"
          placeholder={t("offers.creator.counterPlaceholder", { currency })}
          compact
          fullWidth={false}
          className="w-28"
        />
      </label>
      <SubmitButton name="response" value="counter" variant="secondary" size="sm">
        {t("offers.creator.counter")}
      </SubmitButton>
      {state?.error && (
        <FormMessage tone="error" size="inherit" className="w-full">
          {t(messageKey(state.error))}
        </FormMessage>
      )}
    </form>
  );
}
