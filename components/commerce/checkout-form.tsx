"use client";

import { useActionState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { placeOrderAction } from "@/app/_actions/checkout";
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
  const [state, formAction, pending] = useActionState(placeOrderAction, null);
  const key = state?.values?.idempotencyKey ?? idempotencyKey;
  const cardError = state?.fieldErrors?.card;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="idempotencyKey" value={key} />
      <input type="hidden" name="expectedTotals" value={JSON.stringify(expectedTotals)} />
      {state?.error && state.error !== "invalid_input" && (
        <p role="alert" className="rounded border border-accent/40 bg-accent/5 px-3 py-2 text-sm text-accent-dark">
          {/* `item` names the product that sold out, `max` the payment limit; other messages ignore them. */}
          {t(messageKey(state.error), { title: state.values?.item ?? "", max: state.values?.max ?? "" })}
        </p>
      )}
      <div>
        <label htmlFor="card" className="block text-sm font-medium">
          {t("checkout.card")}
        </label>
        <input
          id="card"
          name="card"
          inputMode="numeric"
          autoComplete="cc-number"
          defaultValue={state?.values?.card ?? testCards.success}
          aria-invalid={cardError ? true : undefined}
          aria-describedby="card-help"
          required
          className="mt-1 w-full rounded border border-line bg-white px-3 py-2 font-mono"
        />
        <p id="card-help" className="mt-1 text-xs text-muted">
          {cardError ? (
            <span className="text-accent-dark">
              {t(messageKey(cardError.includes(".") ? cardError : "invalid_input"))}{" "}
            </span>
          ) : null}
          {t("checkout.testCards", { success: testCards.success, decline: testCards.decline })}
        </p>
      </div>
      <p className="flex items-baseline justify-between text-sm" data-testid="checkout-to-pay">
        <span>{t("checkout.toPay")}</span>
        {total}
      </p>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-full bg-ink px-4 py-2 text-paper hover:bg-accent disabled:opacity-60"
      >
        {pending ? t("checkout.placing") : t("checkout.place")}
      </button>
    </form>
  );
}
