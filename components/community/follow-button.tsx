"use client";

import { useActionState, useOptimistic, startTransition } from "react";
import { useTranslations } from "next-intl";
import { followAction } from "@/app/_actions/follows";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";

/** Follow / unfollow with the new state shown at once; the server's answer replaces it. */
export function FollowButton({
  targetKind,
  targetId,
  following,
  followers,
  compact = false,
  name,
}: {
  targetKind: "creator" | "user";
  targetId: string;
  following: boolean;
  followers?: number;
  compact?: boolean;
  name?: string;
}) {
  const t = useTranslations("follows");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(followAction, null);
  const [shown, setShown] = useOptimistic(following);
  return (
    <form
      action={(formData) => {
        startTransition(() => {
          setShown(!following);
          action(formData);
        });
      }}
      className={compact ? "inline-flex items-center gap-2" : "flex items-center gap-3"}
    >
      <input type="hidden" name="targetKind" value={targetKind} />
      <input type="hidden" name="targetId" value={targetId} />
      <input type="hidden" name="follow" value={following ? "0" : "1"} />
      {/* The form's action starts its own transition, so the pending state is the action's, not the form's. */}
      <Button
        type="submit"
        pending={pending}
        aria-pressed={shown}
        aria-label={name ? (shown ? t("followingName", { name }) : t("followName", { name })) : undefined}
        variant={compact ? "link" : shown ? "secondary" : "primary"}
        size={compact ? "xs" : "sm"}
      >
        {shown ? t("following") : t("follow")}
      </Button>
      {followers !== undefined && <span className="text-sm text-muted">{t("followers", { count: followers })}</span>}
      {state?.error && (
        <FormMessage tone="error" as="span">
          {te(state.error)}
        </FormMessage>
      )}
    </form>
  );
}
