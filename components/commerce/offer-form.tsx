"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { makeOfferAction } from "@/app/_actions/offers";
import { messageKey } from "./message-key";

/** "Make an offer": an amount below the list price and an optional note to the artist. */
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
  const [state, formAction, pending] = useActionState(makeOfferAction, null);
  const amountError = state?.fieldErrors?.amount;
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <input type="hidden" name="productId" value={productId} />
      {state?.error && state.error !== "invalid_input" && (
        <p role="alert" className="text-sm text-accent-dark">
          {t(messageKey(state.error))}
        </p>
      )}
      <div>
        <label htmlFor="offer-amount" className="block text-sm font-medium">
          {t("offers.amountLabel", { currency })}
        </label>
        <input
          id="offer-amount"
          name="amount"
          inputMode="decimal"
          required
          defaultValue={state?.values?.amount}
          aria-invalid={amountError ? true : undefined}
          aria-describedby="offer-amount-help"
          className="mt-1 w-full rounded border border-line bg-white px-3 py-2"
        />
        <p id="offer-amount-help" className="mt-1 text-xs text-muted">
          {amountError ? <span className="text-accent-dark">{t(messageKey(amountError))} </span> : null}
          {t("offers.amountHelp", { price: listPriceLabel })}
        </p>
      </div>
      <div>
        <label htmlFor="offer-message" className="block text-sm font-medium">
          {t("offers.messageLabel")}
        </label>
        <textarea
          id="offer-message"
          name="message"
          maxLength={500}
          rows={2}
          defaultValue={state?.values?.message}
          className="mt-1 w-full rounded border border-line bg-white px-3 py-2"
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded-full border border-ink px-4 py-2 text-sm hover:bg-ink hover:text-paper disabled:opacity-60"
      >
        {pending ? t("offers.sending") : t("offers.submit")}
      </button>
    </form>
  );
}
