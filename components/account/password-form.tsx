"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { changePasswordAction } from "@/app/_actions/account";
import { SettingsField, SettingsStatus } from "./settings-field";

/**
 * Passwords are never sent back to the page: after an error the fields are typed again. A change
 * signs out the other devices; this one keeps its session row, so the page simply redraws.
 */
export function PasswordForm({ labelledBy, rule }: { labelledBy: string; rule: string }) {
  const t = useTranslations("settings");
  const [state, action] = useActionState(changePasswordAction, null);
  const errors = state?.fieldErrors ?? {};
  return (
    <form action={action} noValidate aria-labelledby={labelledBy} className="space-y-3">
      <SettingsField
        id="settings-current-password"
        name="currentPassword"
        type="password"
        label={t("currentPassword")}
        autoComplete="current-password"
        error={errors.currentPassword}
      />
      <SettingsField
        id="settings-new-password"
        name="newPassword"
        type="password"
        label={t("newPassword")}
        autoComplete="new-password"
        error={errors.newPassword}
        hint={rule}
      />
      <SettingsField
        id="settings-confirm-password"
        name="confirmPassword"
        type="password"
        label={t("confirmPassword")}
        autoComplete="new-password"
        error={errors.confirmPassword}
      />
      <SettingsStatus ok={state?.ok} error={state?.ok ? undefined : state?.error} success={t("passwordSaved")} />
      <SubmitButton pendingLabel={t("saving")}>{t("passwordSave")}</SubmitButton>
    </form>
  );
}
