"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { moderateAction } from "@/app/_actions/comments";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function ModerateButton({
  targetKind,
  targetId,
  hide,
}: {
  targetKind: "comment" | "review" | "work";
  targetId: string;
  hide: boolean;
}) {
  const t = useTranslations("moderation");
  const te = useTranslations("errors");
  const [state, action] = useActionState(moderateAction, null);
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="targetKind" value={targetKind} />
      <input type="hidden" name="targetId" value={targetId} />
      <input type="hidden" name="hide" value={hide ? "1" : "0"} />
      <SubmitButton variant="secondary" size="sm">
        {hide ? t("hide") : t("restore")}
      </SubmitButton>
      {state?.error && (
        <FormMessage tone="error" as="span">
          {te(state.error)}
        </FormMessage>
      )}
    </form>
  );
}
