"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { submitReviewAction } from "@/app/_actions/reviews";

/** Stars as radio buttons (keyboard and screen-reader friendly), text, server-side messages. */
export function ReviewForm({
  productId,
  current,
}: {
  productId: string;
  current: { rating: number; body: string } | null;
}) {
  const t = useTranslations("reviews");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(submitReviewAction, null);
  const ratingError = state?.fieldErrors?.rating;
  const bodyError = state?.fieldErrors?.body;
  return (
    <form
      action={action}
      noValidate
      className="space-y-3 rounded-lg border border-line bg-white p-4"
      aria-label={t("formLabel")}
    >
      <input type="hidden" name="productId" value={productId} />
      {state?.ok && (
        <p role="status" className="text-sm text-moss">
          {t("saved")}
        </p>
      )}
      {state?.error && !state.ok && state.error !== "invalid_input" && (
        <p role="alert" className="text-sm text-accent-dark">
          {te(state.error)}
        </p>
      )}
      <fieldset aria-describedby={ratingError ? "rating-error" : undefined}>
        <legend className="text-sm font-medium">{t("rating")}</legend>
        <div className="mt-1 flex gap-3">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="flex items-center gap-1 text-sm">
              <input type="radio" name="rating" value={n} defaultChecked={current?.rating === n} required />
              <span aria-hidden="true">{"★".repeat(n)}</span>
              <span className="sr-only">{t("stars", { n })}</span>
            </label>
          ))}
        </div>
        {ratingError && (
          <p id="rating-error" className="mt-1 text-sm text-accent-dark">
            {te(ratingError)}
          </p>
        )}
      </fieldset>
      <div>
        <label htmlFor="review-body" className="block text-sm font-medium">
          {t("body")}
        </label>
        <textarea
          id="review-body"
          name="body"
          rows={3}
          maxLength={2000}
          defaultValue={state?.values?.body ?? current?.body ?? ""}
          aria-invalid={bodyError ? true : undefined}
          className="mt-1 w-full rounded border border-line px-3 py-2 text-sm"
        />
        {bodyError && <p className="mt-1 text-sm text-accent-dark">{te(bodyError)}</p>}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded-full bg-ink px-4 py-1.5 text-sm text-paper hover:bg-accent disabled:opacity-60"
      >
        {current ? t("update") : t("submit")}
      </button>
    </form>
  );
}
