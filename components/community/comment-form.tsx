"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { postCommentAction } from "@/app/_actions/comments";
import { Textarea } from "@/components/ui/controls";
import { LabelledField } from "@/components/ui/labelled-field";
import { SubmitButton } from "@/components/ui/submit-button";

/** A question or comment, or, with `parentId`, a reply to one. */
export function CommentForm({ productId, parentId }: { productId: string; parentId?: string }) {
  const t = useTranslations("comments");
  const te = useTranslations("errors");
  const [state, action] = useActionState(postCommentAction, null);
  const id = `comment-body-${parentId ?? "new"}`;
  const error =
    state?.fieldErrors?.body ?? (state && !state.ok && state.error !== "invalid_input" ? state.error : undefined);
  return (
    <form action={action} noValidate className="space-y-2" aria-label={parentId ? t("replyLabel") : t("formLabel")}>
      <input type="hidden" name="productId" value={productId} />
      {parentId && <input type="hidden" name="parentId" value={parentId} />}
      <LabelledField
        id={id}
        label={parentId ? t("replyLabel") : t("formLabel")}
        hideLabel
        error={error ? te(error) : undefined}
        announceError
      >
        {(control) => (
          <Textarea
            {...control}
            name="body"
            rows={parentId ? 2 : 3}
            maxLength={2000}
            key={state?.ok ? "sent" : "draft"}
            defaultValue={state?.ok ? "" : (state?.values?.body ?? "")}
            placeholder={parentId ? t("replyPlaceholder") : t("placeholder")}
            className="text-sm"
          />
        )}
      </LabelledField>
      <SubmitButton size="sm">{parentId ? t("reply") : t("post")}</SubmitButton>
    </form>
  );
}
