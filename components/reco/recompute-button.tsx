"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { recomputeAction } from "@/app/_actions/reco";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/actions";

export function RecomputeButton() {
  const t = useTranslations("clusters");
  const te = useTranslations("errors");
  const [state, action] = useActionState<FormState, FormData>(recomputeAction, null);
  const error =
    state && !state.ok
      ? state.error === "forbidden" || state.error === "sign_in_required"
        ? te(state.error)
        : t("failed")
      : null;
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <SubmitButton pendingLabel={t("recomputing")}>{t("recompute")}</SubmitButton>
      {/* One live region for both outcomes, always in the page, so either is announced when it appears. */}
      <p role="status" aria-live="polite" className="text-sm">
        {state?.ok && (
          <span className="text-moss">
            {t("done", { generation: state.values?.generation ?? "", seconds: state.values?.seconds ?? "" })}
          </span>
        )}
        {error && <span className="text-accent-dark">{error}</span>}
      </p>
    </form>
  );
}
