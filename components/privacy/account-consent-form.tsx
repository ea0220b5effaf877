"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { setAnalyticsChoiceAction } from "@/app/_actions/privacy";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { Consent } from "@/lib/visitor";

/** The current choice is drawn filled, like a selected segment. */
const PRESSED = "aria-pressed:bg-ink aria-pressed:text-paper";

/** Change the analytics choice from the account; the current choice is shown as the pressed button. */
export function AccountConsentForm({ current }: { current: Consent }) {
  const t = useTranslations("privacy");
  const te = useTranslations("errors");
  const [state, action] = useActionState(setAnalyticsChoiceAction, null);
  const shown = (state?.ok ? state.values?.choice : undefined) ?? current;
  return (
    <form action={action} className="space-y-2" aria-label={t("analyticsTitle")}>
      <p className="text-sm" role="status">
        {t(`analytics.${shown === "analytics" ? "analytics" : shown === "necessary" ? "necessary" : "unset"}`)}
      </p>
      <div className="flex gap-3">
        <SubmitButton
          name="choice"
          value="analytics"
          aria-pressed={shown === "analytics"}
          variant="secondary"
          size="sm"
          className={PRESSED}
        >
          {t("allowAnalytics")}
        </SubmitButton>
        <SubmitButton
          name="choice"
          value="necessary"
          aria-pressed={shown !== "analytics"}
          variant="secondary"
          size="sm"
          className={PRESSED}
        >
          {t("necessaryOnly")}
        </SubmitButton>
      </div>
      {state?.error && <FormMessage tone="error">{te(state.error)}</FormMessage>}
    </form>
  );
}
