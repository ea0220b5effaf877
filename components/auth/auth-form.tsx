"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/actions";

type Field = { name: string; type: "text" | "email" | "password"; autoComplete: string };

/** Sign-in and sign-up share one form: fields, server-side messages, and the pending state. */
export function AuthForm({
  action,
  fields,
  submitLabel,
  callbackUrl,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  fields: Field[];
  submitLabel: string;
  callbackUrl: string;
}) {
  const t = useTranslations("auth");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state?.error && (
        <p role="alert" className="rounded border border-accent/40 bg-accent/5 px-3 py-2 text-sm text-accent-dark">
          {te(state.error)}
        </p>
      )}
      {fields.map((field) => {
        const error = state?.fieldErrors?.[field.name];
        return (
          <div key={field.name}>
            <label htmlFor={field.name} className="block text-sm font-medium">
              {t(`field.${field.name}`)}
            </label>
            <input
              id={field.name}
              name={field.name}
              type={field.type}
              autoComplete={field.autoComplete}
              defaultValue={field.type === "password" ? undefined : state?.values?.[field.name]}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${field.name}-error` : undefined}
              required
              className="mt-1 w-full rounded border border-line bg-white px-3 py-2"
            />
            {error && (
              <p id={`${field.name}-error`} className="mt-1 text-sm text-accent-dark">
                {te(error)}
              </p>
            )}
          </div>
        );
      })}
      <button type="submit" disabled={pending} className="w-full rounded-full bg-ink px-4 py-2 text-paper hover:bg-accent disabled:opacity-60">
        {submitLabel}
      </button>
    </form>
  );
}
