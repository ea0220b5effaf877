"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { setLessonCompleteAction } from "@/app/_actions/learn";
import { messageKey } from "@/components/commerce/message-key";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";

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
      <Button type="submit" pending={pending} aria-pressed={shown} variant={shown ? "positive-outline" : "positive"}>
        {shown ? t("learn.completed") : t("learn.markComplete")}
      </Button>
      {state?.error && !pending && (
        <FormMessage tone="error" className="mt-2">
          {t(messageKey(state.error))}
        </FormMessage>
      )}
    </form>
  );
}
