"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { messageKey } from "@/components/commerce/message-key";
import type { FormState } from "@/lib/actions";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * A studio editing form around server-rendered fields. It submits through a transition instead of the
 * form `action` prop, because React resets uncontrolled fields after a form action: a creator who made
 * a typo in one field of a long form would otherwise lose everything else they typed.
 */
export function StudioForm({ action, submitLabel, children, className, confirm, danger }: { action: Action; submitLabel: string; children: React.ReactNode; className?: string; confirm?: string; danger?: boolean }) {
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
        const formData = new FormData(event.currentTarget);
        startTransition(async () => setState(await action(null, formData)));
      }}
    >
      {children}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={`rounded-full px-4 py-2 text-sm disabled:opacity-60 ${danger ? "border border-accent text-accent-dark hover:bg-accent hover:text-paper" : "bg-ink text-paper hover:bg-accent"}`}>
          {submitLabel}
        </button>
        <span aria-live="polite" className="text-sm">
          {state?.ok && !pending && <span className="text-moss">{t("studioProducts.saved")}</span>}
          {state?.error && !pending && (
            <span role="alert" className="text-accent-dark">
              {t(messageKey(state.error))}
              {state.fieldErrors &&
                ` (${Object.keys(state.fieldErrors)
                  .map((f) => t.has(`studioProducts.fields.${f}`) ? t(`studioProducts.fields.${f}`) : f)
                  .join(", ")})`}
            </span>
          )}
        </span>
      </div>
    </form>
  );
}
