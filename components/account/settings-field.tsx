"use client";

import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/controls";
import { FormMessage } from "@/components/ui/form-message";
import { LabelledField } from "@/components/ui/labelled-field";

/** A labelled input with its message key error, wired for screen readers (aria-invalid, aria-describedby). */
export function SettingsField({
  id,
  name,
  label,
  type = "text",
  autoComplete,
  defaultValue,
  error,
  hint,
}: {
  id: string;
  name: string;
  label: string;
  type?: "text" | "email" | "password";
  autoComplete: string;
  defaultValue?: string;
  /** A key in the `errors` namespace. */
  error?: string;
  hint?: string;
}) {
  const te = useTranslations("errors");
  return (
    <LabelledField id={id} label={label} hint={hint} error={error ? te(error) : undefined}>
      {(control) => (
        <Input {...control} name={name} type={type} autoComplete={autoComplete} defaultValue={defaultValue} required />
      )}
    </LabelledField>
  );
}

/**
 * The form's outcome: a polite live region that is always in the page (so the success message is
 * announced when it appears) and an alert for a form-level error.
 */
export function SettingsStatus({ ok, error, success }: { ok?: boolean; error?: string; success: string }) {
  const te = useTranslations("errors");
  return (
    <>
      <FormMessage tone="success">{ok ? success : null}</FormMessage>
      {error && (
        <FormMessage tone="error" boxed>
          {te(error)}
        </FormMessage>
      )}
    </>
  );
}
