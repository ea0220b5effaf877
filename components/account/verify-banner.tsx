"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { resendVerificationAction } from "@/app/_actions/account";
import { FormError } from "@/components/auth/form-error";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

/** Shown under the header to a signed-in person whose address is not verified yet, with "send the link again". */
export function VerifyBanner({ email }: { email: string }) {
  const t = useTranslations("account");
  const [state, action] = useActionState(resendVerificationAction, null);
  return (
    <div className="border-b border-line bg-accent/5">
      <form action={action} className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2 text-sm">
        <p>{t("unverifiedBanner", { email })}</p>
        {state?.ok ? (
          <FormMessage tone="success" size="inherit">
            {t("resent")}
          </FormMessage>
        ) : (
          <SubmitButton variant="secondary" size="xs">
            {t("resend")}
          </SubmitButton>
        )}
        <FormError state={state} />
      </form>
    </div>
  );
}
