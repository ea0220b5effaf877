"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { changeNameAction } from "@/app/_actions/account";
import { SettingsField, SettingsStatus } from "./settings-field";

export function NameForm({ current, labelledBy }: { current: string; labelledBy: string }) {
  const t = useTranslations("settings");
  const [state, action] = useActionState(changeNameAction, null);
  return (
    <form action={action} noValidate aria-labelledby={labelledBy} className="space-y-3">
      <SettingsField
        id="settings-name"
        name="name"
        label={t("nameLabel")}
        autoComplete="name"
        defaultValue={state?.values?.name ?? current}
        error={state?.fieldErrors?.name}
      />
      <SettingsStatus ok={state?.ok} error={state?.ok ? undefined : state?.error} success={t("nameSaved")} />
      <SubmitButton pendingLabel={t("saving")}>{t("nameSave")}</SubmitButton>
    </form>
  );
}
