"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { endSessionAction } from "@/app/_actions/account";
import { SettingsStatus } from "./settings-field";

/** Signs out one other device; the server checks the session is the caller's. */
export function EndDeviceForm({ sessionId }: { sessionId: string }) {
  const t = useTranslations("settings");
  const [state, action] = useActionState(endSessionAction, null);
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="sessionId" value={sessionId} />
      <SettingsStatus ok={state?.ok} error={state?.ok ? undefined : state?.error} success={t("deviceEnded")} />
      <SubmitButton variant="subtle" size="xs">
        {t("signOutDevice")}
      </SubmitButton>
    </form>
  );
}
