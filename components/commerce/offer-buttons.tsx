"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { buyerOfferAction } from "@/app/_actions/offers";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { messageKey } from "./message-key";

/** The buyer's answers to their own open offer: accept or decline a counter, or withdraw. */
export function OfferButtons({
  offerId,
  responses,
}: {
  offerId: string;
  responses: ("accept" | "decline" | "withdraw")[];
}) {
  const t = useTranslations();
  const [state, formAction] = useActionState(buyerOfferAction, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="offerId" value={offerId} />
      {responses.map((r) => (
        <SubmitButton key={r} name="response" value={r} size="sm" variant={r === "accept" ? "positive" : "subtle"}>
          {t(`offers.buyer.${r}`)}
        </SubmitButton>
      ))}
      {state?.error && (
        <FormMessage tone="error" className="w-full">
          {t(messageKey(state.error))}
        </FormMessage>
      )}
    </form>
  );
}
