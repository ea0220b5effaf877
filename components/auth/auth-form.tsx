"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/actions";
import { FormError } from "./form-error";

type Field = {
  name: string;
  type: "text" | "email" | "password";
  autoComplete: string;
  /** Defaults to auth.field.<name>. */ label?: string;
};

/**
 * The sign-in, sign-up, forgot-password and reset-password forms: fields, server-side messages, the
 * pending state. `hidden` fields carry what the page knows (the return path, a link's token);
 * `successKey` (an `auth` key, given the submitted email) replaces the form once it succeeded.
 */
export function AuthForm({
  action,
  fields,
  submitLabel,
  callbackUrl,
  hidden = {},
  successKey,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  fields: Field[];
  submitLabel: string;
  callbackUrl?: string;
  hidden?: Record<string, string>;
  successKey?: "forgotSent";
}) {
  const t = useTranslations("auth");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState(action, null);
  if (successKey && state?.ok) {
    return (
      <p role="status" className="rounded border border-moss/40 bg-moss/5 px-3 py-2 text-sm text-moss">
        {t(successKey, { email: state.values?.email ?? "" })}
      </p>
    );
  }
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {callbackUrl !== undefined && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormError state={state} />
      {fields.map((field) => {
        const error = state?.fieldErrors?.[field.name];
        return (
          <div key={field.name}>
            <label htmlFor={field.name} className="block text-sm font-medium">
              {field.label ?? t(`field.${field.name}`)}
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
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-full bg-ink px-4 py-2 text-paper hover:bg-accent disabled:opacity-60"
      >
        {submitLabel}
      </button>
    </form>
  );
}
