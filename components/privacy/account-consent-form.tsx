"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { setAnalyticsChoiceAction } from "@/app/_actions/privacy";
import type { Consent } from "@/lib/visitor";

/** Change the analytics choice from the account; the current choice is shown as the pressed button. */
export function AccountConsentForm({ current }: { current: Consent }) {
  const t = useTranslations("privacy");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(setAnalyticsChoiceAction, null);
  const shown = (state?.ok ? state.values?.choice : undefined) ?? current;
  return (
    <form action={action} className="space-y-2" aria-label={t("analyticsTitle")}>
      <p className="text-sm" role="status">
        {t(`analytics.${shown === "analytics" ? "analytics" : shown === "necessary" ? "necessary" : "unset"}`)}
      </p>
      <div className="flex gap-3">
        <button
          name="choice"
          value="analytics"
          disabled={pending}
          aria-pressed={shown === "analytics"}
          className="rounded-full border border-ink px-4 py-1.5 text-sm aria-pressed:bg-ink aria-pressed:text-paper"
        >
          {t("allowAnalytics")}
        </button>
        <button
          name="choice"
          value="necessary"
          disabled={pending}
          aria-pressed={shown !== "analytics"}
          className="rounded-full border border-ink px-4 py-1.5 text-sm aria-pressed:bg-ink aria-pressed:text-paper"
        >
          {t("necessaryOnly")}
        </button>
      </div>
      {state?.error && (
        <p role="alert" className="text-sm text-accent-dark">
          {te(state.error)}
        </p>
      )}
    </form>
  );
}
