"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { changeEmailAction } from "@/app/_actions/account";
import { SettingsField, SettingsStatus } from "./settings-field";

export function EmailForm({ current, labelledBy }: { current: string; labelledBy: string }) {
  const t = useTranslations("settings");
  const [state, action, pending] = useActionState(changeEmailAction, null);
  const errors = state?.fieldErrors ?? {};
  return (
    <form action={action} noValidate aria-labelledby={labelledBy} className="space-y-3">
      <SettingsField id="settings-email" name="email" type="email" label={t("newEmail")} autoComplete="email" defaultValue={state?.values?.email ?? current} error={errors.email} />
      <SettingsField id="settings-email-password" name="currentPassword" type="password" label={t("currentPassword")} autoComplete="current-password" error={errors.currentPassword} />
      <SettingsStatus ok={state?.ok} error={state?.ok ? undefined : state?.error} success={t("emailSaved")} />
      <button type="submit" disabled={pending} className="rounded-full bg-ink px-4 py-2 text-sm text-paper hover:bg-accent disabled:opacity-60">
        {pending ? t("saving") : t("emailSave")}
      </button>
    </form>
  );
}
