"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/form-message";
import type { FormState } from "@/lib/actions";

/**
 * A form's error line. Most errors are keys in the `errors` namespace; the account flows add two of
 * their own: `too_many_attempts` ("Too many attempts. Try again in N minutes.", with the real wait the
 * action put in `values.retryMinutes`) and `link_expired`.
 */
export function FormError({ state }: { state: FormState }) {
  const t = useTranslations("auth");
  const te = useTranslations("errors");
  if (!state?.error || state.ok) return null;
  const minutes = Number(state.values?.retryMinutes);
  const text =
    state.error === "too_many_attempts"
      ? Number.isFinite(minutes) && minutes > 0
        ? t("tooManyAttempts", { minutes })
        : t("tooManyAttemptsLater")
      : state.error === "link_expired"
        ? t("linkExpired")
        : te(state.error);
  return (
    <FormMessage tone="error" boxed>
      {text}
    </FormMessage>
  );
}
