"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { deleteAccountAction } from "@/app/_actions/privacy";
import { Input } from "@/components/ui/controls";
import { LabelledField } from "@/components/ui/labelled-field";
import { SubmitButton } from "@/components/ui/submit-button";

export function AccountDeleteForm({ email }: { email: string }) {
  const t = useTranslations("privacy");
  const te = useTranslations("errors");
  const [state, action] = useActionState(deleteAccountAction, null);
  const error = state?.fieldErrors?.confirmEmail;
  return (
    <form action={action} noValidate className="space-y-3" aria-label={t("deleteTitle")}>
      <LabelledField id="confirmEmail" label={t("confirmLabel", { email })} error={error ? te(error) : undefined}>
        {(control) => <Input {...control} name="confirmEmail" type="email" autoComplete="off" />}
      </LabelledField>
      <SubmitButton variant="danger-solid">{t("deleteButton")}</SubmitButton>
    </form>
  );
}
