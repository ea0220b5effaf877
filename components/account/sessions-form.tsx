"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { endOtherSessionsAction } from "@/app/_actions/account";
import { SettingsStatus } from "./settings-field";

/** "Sign out everywhere else": ends every session of the account except this one. */
export function SessionsForm({ labelledBy }: { labelledBy: string }) {
  const t = useTranslations("settings");
  const [state, action, pending] = useActionState(endOtherSessionsAction, null);
  return (
    <form action={action} aria-labelledby={labelledBy} className="space-y-3">
      <SettingsStatus ok={state?.ok} error={state?.ok ? undefined : state?.error} success={t("sessionsSaved")} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-full border border-ink px-4 py-2 text-sm hover:border-accent hover:text-accent disabled:opacity-60"
      >
        {pending ? t("saving") : t("sessionsButton")}
      </button>
    </form>
  );
}
