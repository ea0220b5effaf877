"use client";

import { useTranslations } from "next-intl";
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
        <input
          {...control}
          name={name}
          type={type}
          autoComplete={autoComplete}
          defaultValue={defaultValue}
          required
          className="mt-1 w-full rounded border border-line bg-white px-3 py-2"
        />
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
      <p role="status" aria-live="polite" className="text-sm text-moss">
        {ok ? success : null}
      </p>
      {error && (
        <p role="alert" className="rounded border border-accent/40 bg-accent/5 px-3 py-2 text-sm text-accent-dark">
          {te(error)}
        </p>
      )}
    </>
  );
}
