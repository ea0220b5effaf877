"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/actions";
import { Input } from "@/components/ui/controls";
import { FormMessage } from "@/components/ui/form-message";
import { LabelledField } from "@/components/ui/labelled-field";
import { SubmitButton } from "@/components/ui/submit-button";
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
  const [state, formAction] = useActionState(action, null);
  if (successKey && state?.ok) {
    return (
      <FormMessage tone="success" boxed>
        {t(successKey, { email: state.values?.email ?? "" })}
      </FormMessage>
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
          <LabelledField
            key={field.name}
            id={field.name}
            label={field.label ?? t(`field.${field.name}`)}
            error={error ? te(error) : undefined}
          >
            {(control) => (
              <Input
                {...control}
                name={field.name}
                type={field.type}
                autoComplete={field.autoComplete}
                defaultValue={field.type === "password" ? undefined : state?.values?.[field.name]}
                required
              />
            )}
          </LabelledField>
        );
      })}
      <SubmitButton size="lg" block>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
