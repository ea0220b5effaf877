"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { deleteWorkAction } from "@/app/_actions/works";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

/** For the author (or an admin): removes the work and its image, after a second, explicit click. */
export function DeleteWorkButton({ workId, title }: { workId: string; title: string }) {
  const t = useTranslations("works");
  const te = useTranslations("errors");
  const [state, action] = useActionState(deleteWorkAction, null);
  return (
    <details className="inline-block text-xs">
      <summary className="cursor-pointer text-muted underline hover:text-accent-dark">{t("delete")}</summary>
      <form action={action} className="mt-1">
        <input type="hidden" name="workId" value={workId} />
        <SubmitButton variant="danger" size="xs">
          {t("deleteConfirm", { title })}
        </SubmitButton>
        {state?.error && (
          <FormMessage tone="error" as="span" size="inherit" className="ml-2">
            {te(state.error)}
          </FormMessage>
        )}
      </form>
    </details>
  );
}
