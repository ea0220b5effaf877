"use client";

import { useActionState, useOptimistic, startTransition } from "react";
import { useTranslations } from "next-intl";
import { followAction } from "@/app/_actions/follows";

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
      <button
        type="submit"
        disabled={pending}
        aria-pressed={shown}
        aria-label={name ? (shown ? t("followingName", { name }) : t("followName", { name })) : undefined}
        className={
          compact
            ? "text-xs text-muted underline hover:text-accent"
            : `rounded-full px-4 py-1.5 text-sm ${shown ? "border border-ink bg-white text-ink" : "bg-ink text-paper hover:bg-accent"}`
        }
      >
        {shown ? t("following") : t("follow")}
      </button>
      {followers !== undefined && <span className="text-sm text-muted">{t("followers", { count: followers })}</span>}
      {state?.error && (
        <span role="alert" className="text-sm text-accent-dark">
          {te(state.error)}
        </span>
      )}
    </form>
  );
}
