"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { postCommentAction } from "@/app/_actions/comments";

/** A question or comment, or, with `parentId`, a reply to one. */
export function CommentForm({ productId, parentId }: { productId: string; parentId?: string }) {
  const t = useTranslations("comments");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(postCommentAction, null);
  const id = `comment-body-${parentId ?? "new"}`;
  const error =
    state?.fieldErrors?.body ?? (state && !state.ok && state.error !== "invalid_input" ? state.error : undefined);
  return (
    <form action={action} noValidate className="space-y-2" aria-label={parentId ? t("replyLabel") : t("formLabel")}>
      <input type="hidden" name="productId" value={productId} />
      {parentId && <input type="hidden" name="parentId" value={parentId} />}
      <label htmlFor={id} className="sr-only">
        {parentId ? t("replyLabel") : t("formLabel")}
      </label>
      <textarea
        id={id}
        name="body"
        rows={parentId ? 2 : 3}
        maxLength={2000}
        key={state?.ok ? "sent" : "draft"}
        defaultValue={state?.ok ? "" : (state?.values?.body ?? "")}
        placeholder={parentId ? t("replyPlaceholder") : t("placeholder")}
        aria-invalid={error ? true : undefined}
        className="w-full rounded border border-line px-3 py-2 text-sm"
      />
      {error && (
        <p role="alert" className="text-sm text-accent-dark">
          {te(error)}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="rounded-full bg-ink px-4 py-1.5 text-sm text-paper hover:bg-accent disabled:opacity-60"
      >
        {parentId ? t("reply") : t("post")}
      </button>
    </form>
  );
}
