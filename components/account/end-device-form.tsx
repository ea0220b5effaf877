"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { endSessionAction } from "@/app/_actions/account";
import { SettingsStatus } from "./settings-field";

/** Signs out one other device; the server checks the session is the caller's. */
export function EndDeviceForm({ sessionId }: { sessionId: string }) {
  const t = useTranslations("settings");
  const [state, action, pending] = useActionState(endSessionAction, null);
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="sessionId" value={sessionId} />
      <SettingsStatus ok={state?.ok} error={state?.ok ? undefined : state?.error} success={t("deviceEnded")} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-full border border-line px-3 py-1 text-xs hover:border-accent hover:text-accent disabled:opacity-60"
      >
        {t("signOutDevice")}
      </button>
    </form>
  );
}
