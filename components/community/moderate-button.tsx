"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { moderateAction } from "@/app/_actions/comments";

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
  const [state, action, pending] = useActionState(moderateAction, null);
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="targetKind" value={targetKind} />
      <input type="hidden" name="targetId" value={targetId} />
      <input type="hidden" name="hide" value={hide ? "1" : "0"} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-full border border-ink px-3 py-1 text-sm hover:bg-ink hover:text-paper"
      >
        {hide ? t("hide") : t("restore")}
      </button>
      {state?.error && (
        <span role="alert" className="text-sm text-accent-dark">
          {te(state.error)}
        </span>
      )}
    </form>
  );
}
