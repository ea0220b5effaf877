"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { publishWorkAction } from "@/app/_actions/works";
import { UPLOAD_LIMITS } from "@/lib/uploads/limits";

export function WorkForm({ productId }: { productId: string }) {
  const t = useTranslations("works");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(publishWorkAction, null);
  // Checked here too: a body over the server's limit would be cut off before the action could answer.
  const [tooLarge, setTooLarge] = useState(false);
  const err = (name: string) => (name === "image" && tooLarge ? "image_too_large" : state?.fieldErrors?.[name]);
  const field = "mt-1 w-full rounded border border-line px-3 py-2 text-sm";
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
      {state?.ok && (
        <p role="status" className="text-sm text-moss">
          {t("published")}
        </p>
      )}
      {state && !state.ok && state.error && state.error !== "invalid_input" && (
        <p role="alert" className="text-sm text-accent-dark">
          {te(state.error)}
        </p>
      )}
      {(["image", "title", "story", "tags"] as const).map((name) => (
        <div key={name}>
          <label htmlFor={`work-${name}`} className="block text-sm font-medium">
            {t(`field.${name}`)}
          </label>
          {name === "image" ? (
            <input
              id="work-image"
              name="image"
              type="file"
              accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
              onChange={() => setTooLarge(false)}
              className={field}
              aria-invalid={err(name) ? true : undefined}
              aria-describedby={err(name) ? "work-image-error" : undefined}
            />
          ) : name === "story" ? (
            <textarea
              id="work-story"
              name="story"
              rows={3}
              maxLength={2000}
              defaultValue={state?.values?.story ?? ""}
              className={field}
            />
          ) : (
            <input
              id={`work-${name}`}
              name={name}
              type="text"
              maxLength={name === "title" ? 120 : 400}
              defaultValue={state?.values?.[name] ?? ""}
              className={field}
              aria-invalid={err(name) ? true : undefined}
            />
          )}
          {err(name) && (
            <p id={`work-${name}-error`} className="mt-1 text-sm text-accent-dark">
              {te(err(name)!)}
            </p>
          )}
        </div>
      ))}
      <p className="text-xs text-muted">{t("rules")}</p>
      <button
        type="submit"
        disabled={pending}
        className="rounded-full bg-ink px-4 py-1.5 text-sm text-paper hover:bg-accent disabled:opacity-60"
      >
        {t("submit")}
      </button>
    </form>
  );
}
