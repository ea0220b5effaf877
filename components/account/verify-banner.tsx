"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { resendVerificationAction } from "@/app/_actions/account";
import { FormError } from "@/components/auth/form-error";

/** Shown under the header to a signed-in person whose address is not verified yet, with "send the link again". */
export function VerifyBanner({ email }: { email: string }) {
  const t = useTranslations("account");
  const [state, action, pending] = useActionState(resendVerificationAction, null);
  return (
    <div className="border-b border-line bg-accent/5">
      <form action={action} className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2 text-sm">
        <p>{t("unverifiedBanner", { email })}</p>
        {state?.ok ? (
          <p role="status" className="text-moss">
            {t("resent")}
          </p>
        ) : (
          <button
            type="submit"
            disabled={pending}
            className="rounded-full border border-ink px-3 py-1 text-xs hover:border-accent hover:text-accent disabled:opacity-60"
          >
            {t("resend")}
          </button>
        )}
        <FormError state={state} />
      </form>
    </div>
  );
}
