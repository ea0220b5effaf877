"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { messageKey } from "@/components/commerce/message-key";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { FormState } from "@/lib/actions";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * The fields are server-rendered and know nothing of the answer, so the form marks the ones the action
 * rejected itself (aria-invalid, which the inputs style) and moves focus to the first of them.
 */
function markInvalid(form: HTMLFormElement, fieldErrors: Record<string, string> | undefined) {
  for (const el of form.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
  let first: HTMLElement | null = null;
  for (const name of Object.keys(fieldErrors ?? {})) {
    const field = form.elements.namedItem(name);
    if (
      !(
        field instanceof HTMLInputElement ||
        field instanceof HTMLTextAreaElement ||
        field instanceof HTMLSelectElement
      ) ||
      field.type === "hidden"
    )
      continue;
    field.setAttribute("aria-invalid", "true");
    first ??= field;
  }
  first?.focus();
}

/**
 * A studio editing form around server-rendered fields. It submits through a transition instead of the
 * form `action` prop, because React resets uncontrolled fields after a form action: a creator who made
 * a typo in one field of a long form would otherwise lose everything else they typed.
 */
export function StudioForm({
  action,
  submitLabel,
  children,
  className,
  confirm,
  danger,
  resetOnSuccess,
}: {
  action: Action;
  submitLabel: string;
  children: React.ReactNode;
  className?: string;
  confirm?: string;
  danger?: boolean;
  /** For "add" forms: empty the fields once the item is added, so a second click cannot add it twice by mistake. */
  resetOnSuccess?: boolean;
}) {
  const t = useTranslations();
  const [state, setState] = useState<FormState>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      className={className ?? "space-y-4"}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (confirm && !window.confirm(confirm)) return;
        const form = event.currentTarget;
        const formData = new FormData(form);
        startTransition(async () => {
          const result = await action(null, formData);
          setState(result);
          markInvalid(form, result?.fieldErrors);
          if (result?.ok && resetOnSuccess) form.reset();
        });
      }}
    >
      {children}
      <div className="flex flex-wrap items-center gap-3">
        {/* Submitted through a transition, not a form action: useFormStatus would not see it, so pass `pending`. */}
        <Button type="submit" pending={pending} variant={danger ? "danger" : "primary"}>
          {submitLabel}
        </Button>
        <span aria-live="polite" className="text-sm">
          {state?.ok && !pending && <span className="text-moss">{t("studioProducts.saved")}</span>}
          {state?.error && !pending && (
            <FormMessage tone="error" as="span" size="inherit">
              {state.error === "invalid_input" && state.fieldErrors
                ? t("studioProducts.fixFields", {
                    fields: Object.keys(state.fieldErrors)
                      .map((f) => (t.has(`studioProducts.fields.${f}`) ? t(`studioProducts.fields.${f}`) : f))
                      .join(", "),
                  })
                : t(messageKey(state.error))}
            </FormMessage>
          )}
        </span>
      </div>
    </form>
  );
}
