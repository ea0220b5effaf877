"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { changeEmailAction } from "@/app/_actions/account";
import { FormError } from "@/components/auth/form-error";
import { SettingsField, SettingsStatus } from "./settings-field";

/**
 * Asks for a new address: the action mails a link there, and the address changes when it is opened
 * (which lands on this page with `confirmed`). Until then the form says where the link went.
 */
export function EmailForm({
  current,
  labelledBy,
  confirmed,
}: {
  current: string;
  labelledBy: string;
  confirmed: boolean;
}) {
  const t = useTranslations("settings");
  const [state, action] = useActionState(changeEmailAction, null);
  const errors = state?.fieldErrors ?? {};
  return (
    <form action={action} noValidate aria-labelledby={labelledBy} className="space-y-3">
      <SettingsField
        id="settings-email"
        name="email"
        type="email"
        label={t("newEmail")}
        autoComplete="email"
        defaultValue={state?.ok ? current : (state?.values?.email ?? current)}
        error={errors.email}
      />
      <SettingsField
        id="settings-email-password"
        name="currentPassword"
        type="password"
        label={t("currentPassword")}
        autoComplete="current-password"
        error={errors.currentPassword}
      />
      <SettingsStatus
        ok={state ? state.ok : confirmed}
        success={
          state?.ok && state.values?.pending ? t("emailPending", { email: state.values.pending }) : t("emailSaved")
        }
      />
      <FormError state={state} />
      <SubmitButton pendingLabel={t("saving")}>{t("emailSave")}</SubmitButton>
    </form>
  );
}
