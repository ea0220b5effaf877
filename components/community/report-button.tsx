"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { reportAction } from "@/app/_actions/comments";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function ReportButton({
  targetKind,
  targetId,
}: {
  targetKind: "comment" | "review" | "work";
  targetId: string;
}) {
  const t = useTranslations("moderation");
  const te = useTranslations("errors");
  const [state, action] = useActionState(reportAction, null);
  if (state?.ok) return <span className="text-xs text-muted">{t("reported")}</span>;
  return (
    <form action={action} className="inline">
      <input type="hidden" name="targetKind" value={targetKind} />
      <input type="hidden" name="targetId" value={targetId} />
      <SubmitButton variant="link" size="xs">
        {t("report")}
      </SubmitButton>
      {state?.error && (
        <FormMessage tone="error" as="span" size="xs" className="ml-2">
          {te(state.error)}
        </FormMessage>
      )}
    </form>
  );
}
