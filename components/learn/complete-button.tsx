"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { setLessonCompleteAction } from "@/app/_actions/learn";
import { messageKey } from "@/components/commerce/message-key";

/**
 * Toggles the lesson's completion. A plain form action, so it also works before hydration; while the
 * action runs the button already shows the new state, and the refreshed server render confirms it.
 */
export function CompleteButton({
  courseSlug,
  lessonSlug,
  completed,
}: {
  courseSlug: string;
  lessonSlug: string;
  completed: boolean;
}) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(setLessonCompleteAction, null);
  const shown = pending ? !completed : completed;
  return (
    <form action={formAction}>
      <input type="hidden" name="courseSlug" value={courseSlug} />
      <input type="hidden" name="lessonSlug" value={lessonSlug} />
      <input type="hidden" name="complete" value={completed ? "0" : "1"} />
      <button
        type="submit"
        disabled={pending}
        aria-pressed={shown}
        className={`rounded-full px-4 py-2 text-sm ${shown ? "border border-moss text-moss" : "bg-moss text-paper hover:bg-ink"}`}
      >
        {shown ? t("learn.completed") : t("learn.markComplete")}
      </button>
      {state?.error && !pending && (
        <p role="alert" className="mt-2 text-sm text-accent-dark">
          {t(messageKey(state.error))}
        </p>
      )}
    </form>
  );
}
