"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { deleteAccountAction } from "@/app/_actions/privacy";

export function AccountDeleteForm({ email }: { email: string }) {
  const t = useTranslations("privacy");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(deleteAccountAction, null);
  const error = state?.fieldErrors?.confirmEmail;
  return (
    <form action={action} noValidate className="space-y-3" aria-label={t("deleteTitle")}>
      <label htmlFor="confirmEmail" className="block text-sm">
        {t("confirmLabel", { email })}
      </label>
      <input
        id="confirmEmail"
        name="confirmEmail"
        type="email"
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "confirmEmail-error" : undefined}
        className="w-full rounded border border-line px-3 py-2"
      />
      {error && (
        <p id="confirmEmail-error" className="text-sm text-accent-dark">
          {te(error)}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="rounded-full bg-accent-dark px-4 py-2 text-sm text-white disabled:opacity-60"
      >
        {t("deleteButton")}
      </button>
    </form>
  );
}
