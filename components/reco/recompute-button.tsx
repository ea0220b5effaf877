"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { recomputeAction } from "@/app/_actions/reco";
import type { FormState } from "@/lib/actions";

export function RecomputeButton() {
  const t = useTranslations("clusters");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState<FormState, FormData>(recomputeAction, null);
  const error =
    state && !state.ok
      ? state.error === "forbidden" || state.error === "sign_in_required"
        ? te(state.error)
        : t("failed")
      : null;
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <button
        type="submit"
        disabled={pending}
        className="rounded-full bg-ink px-4 py-2 text-sm text-paper hover:bg-ink/90 disabled:opacity-60"
      >
        {pending ? t("recomputing") : t("recompute")}
      </button>
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
