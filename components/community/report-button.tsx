"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { reportAction } from "@/app/_actions/comments";

export function ReportButton({
  targetKind,
  targetId,
}: {
  targetKind: "comment" | "review" | "work";
  targetId: string;
}) {
  const t = useTranslations("moderation");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(reportAction, null);
  if (state?.ok) return <span className="text-xs text-muted">{t("reported")}</span>;
  return (
    <form action={action} className="inline">
      <input type="hidden" name="targetKind" value={targetKind} />
      <input type="hidden" name="targetId" value={targetId} />
      <button type="submit" disabled={pending} className="text-xs text-muted underline hover:text-accent-dark">
        {t("report")}
      </button>
      {state?.error && (
        <span role="alert" className="ml-2 text-xs text-accent-dark">
          {te(state.error)}
        </span>
      )}
    </form>
  );
}
