"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { buyerOfferAction } from "@/app/_actions/offers";
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
  const [state, formAction, pending] = useActionState(buyerOfferAction, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="offerId" value={offerId} />
      {responses.map((r) => (
        <button
          key={r}
          type="submit"
          name="response"
          value={r}
          disabled={pending}
          className={`rounded-full px-3 py-1.5 text-sm disabled:opacity-60 ${r === "accept" ? "bg-moss text-paper hover:bg-ink" : "border border-line hover:border-ink"}`}
        >
          {t(`offers.buyer.${r}`)}
        </button>
      ))}
      {state?.error && (
        <p role="alert" className="w-full text-sm text-accent-dark">
          {t(messageKey(state.error))}
        </p>
      )}
    </form>
  );
}
