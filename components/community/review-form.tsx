"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { submitReviewAction } from "@/app/_actions/reviews";
import { Textarea } from "@/components/ui/controls";
import { FormMessage } from "@/components/ui/form-message";
import { LabelledField } from "@/components/ui/labelled-field";
import { SubmitButton } from "@/components/ui/submit-button";

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
  const [state, action] = useActionState(submitReviewAction, null);
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
      {state?.ok && <FormMessage tone="success">{t("saved")}</FormMessage>}
      {state?.error && !state.ok && state.error !== "invalid_input" && (
        <FormMessage tone="error">{te(state.error)}</FormMessage>
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
      <LabelledField id="review-body" label={t("body")} error={bodyError ? te(bodyError) : undefined}>
        {(control) => (
          <Textarea
            {...control}
            name="body"
            rows={3}
            maxLength={2000}
            defaultValue={state?.values?.body ?? current?.body ?? ""}
            className="text-sm"
          />
        )}
      </LabelledField>
      <SubmitButton size="sm">{current ? t("update") : t("submit")}</SubmitButton>
    </form>
  );
}
