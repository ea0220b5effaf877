"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { respondToOfferAction } from "@/app/_actions/offers";
import { messageKey } from "@/components/commerce/message-key";

/** Accept, decline or counter a pending offer: one form, the pressed button says which. */
export function OfferResponseForm({ offerId, currency }: { offerId: string; currency: string }) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(respondToOfferAction, null);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="offerId" value={offerId} />
      <button
        type="submit"
        name="response"
        value="accept"
        disabled={pending}
        className="rounded-full bg-moss px-3 py-1.5 text-paper hover:bg-ink disabled:opacity-60"
      >
        {t("offers.creator.accept")}
      </button>
      <button
        type="submit"
        name="response"
        value="decline"
        disabled={pending}
        className="rounded-full border border-line px-3 py-1.5 hover:border-ink disabled:opacity-60"
      >
        {t("offers.creator.decline")}
      </button>
      <label className="flex items-end gap-1">
        <span className="sr-only">{t("offers.creator.counterLabel", { currency })}</span>
        <input
          name="counter"
          inputMode="decimal"
          placeholder={t("offers.creator.counterPlaceholder", { currency })}
          className="w-28 rounded border border-line px-2 py-1.5"
        />
      </label>
      <button
        type="submit"
        name="response"
        value="counter"
        disabled={pending}
        className="rounded-full border border-ink px-3 py-1.5 hover:bg-ink hover:text-paper disabled:opacity-60"
      >
        {t("offers.creator.counter")}
      </button>
      {state?.error && (
        <p role="alert" className="w-full text-accent-dark">
          {t(messageKey(state.error))}
        </p>
      )}
    </form>
  );
}
