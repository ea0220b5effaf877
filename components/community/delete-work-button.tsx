"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { deleteWorkAction } from "@/app/_actions/works";

/** For the author (or an admin): removes the work and its image, after a second, explicit click. */
export function DeleteWorkButton({ workId, title }: { workId: string; title: string }) {
  const t = useTranslations("works");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(deleteWorkAction, null);
  return (
    <details className="inline-block text-xs">
      <summary className="cursor-pointer text-muted underline hover:text-accent-dark">{t("delete")}</summary>
      <form action={action} className="mt-1">
        <input type="hidden" name="workId" value={workId} />
        <button
          type="submit"
          disabled={pending}
          className="rounded-full border border-accent-dark px-2 py-0.5 text-accent-dark hover:bg-accent-dark hover:text-white"
        >
          {t("deleteConfirm", { title })}
        </button>
        {state?.error && (
          <span role="alert" className="ml-2 text-accent-dark">
            {te(state.error)}
          </span>
        )}
      </form>
    </details>
  );
}
