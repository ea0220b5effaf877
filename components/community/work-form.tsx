"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { publishWorkAction } from "@/app/_actions/works";
import { Input, Textarea } from "@/components/ui/controls";
import { FormMessage } from "@/components/ui/form-message";
import { LabelledField } from "@/components/ui/labelled-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { UPLOAD_LIMITS } from "@/lib/uploads/limits";

export function WorkForm({ productId }: { productId: string }) {
  const t = useTranslations("works");
  const te = useTranslations("errors");
  const [state, action] = useActionState(publishWorkAction, null);
  // Checked here too: a body over the server's limit would be cut off before the action could answer.
  const [tooLarge, setTooLarge] = useState(false);
  const err = (name: string) => (name === "image" && tooLarge ? "image_too_large" : state?.fieldErrors?.[name]);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        const file = (e.currentTarget.elements.namedItem("image") as HTMLInputElement | null)?.files?.[0];
        if (file && file.size > UPLOAD_LIMITS.maxBytes) {
          e.preventDefault();
          setTooLarge(true);
        }
      }}
      noValidate
      className="space-y-3 rounded-lg border border-line bg-white p-4"
      aria-label={t("formLabel")}
    >
      <input type="hidden" name="productId" value={productId} />
      {state?.ok && <FormMessage tone="success">{t("published")}</FormMessage>}
      {state && !state.ok && state.error && state.error !== "invalid_input" && (
        <FormMessage tone="error">{te(state.error)}</FormMessage>
      )}
      {(["image", "title", "story", "tags"] as const).map((name) => {
        const error = err(name);
        return (
          <LabelledField
            key={name}
            id={`work-${name}`}
            label={t(`field.${name}`)}
            error={error ? te(error) : undefined}
          >
            {(control) =>
              name === "image" ? (
                <Input
                  {...control}
                  name="image"
                  type="file"
                  accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
                  onChange={() => setTooLarge(false)}
                  className="text-sm"
                />
              ) : name === "story" ? (
                <Textarea
                  {...control}
                  name="story"
                  rows={3}
                  maxLength={2000}
                  defaultValue={state?.values?.story ?? ""}
                  className="text-sm"
                />
              ) : (
                <Input
                  {...control}
                  name={name}
                  type="text"
                  maxLength={name === "title" ? 120 : 400}
                  defaultValue={state?.values?.[name] ?? ""}
                  className="text-sm"
                />
              )
            }
          </LabelledField>
        );
      })}
      <p className="text-xs text-muted">{t("rules")}</p>
      <SubmitButton size="sm">{t("submit")}</SubmitButton>
    </form>
  );
}
