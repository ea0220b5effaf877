"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { endOtherSessionsAction } from "@/app/_actions/account";
import { SettingsStatus } from "./settings-field";

/** "Sign out everywhere else": ends every session of the account except this one. */
export function SessionsForm({ labelledBy }: { labelledBy: string }) {
  const t = useTranslations("settings");
  const [state, action] = useActionState(endOtherSessionsAction, null);
  return (
    <form action={action} aria-labelledby={labelledBy} className="space-y-3">
      <SettingsStatus ok={state?.ok} error={state?.ok ? undefined : state?.error} success={t("sessionsSaved")} />
      <SubmitButton variant="secondary" pendingLabel={t("saving")}>
        {t("sessionsButton")}
      </SubmitButton>
    </form>
  );
}
