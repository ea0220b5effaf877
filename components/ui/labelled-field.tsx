import type { ReactNode } from "react";

/** What a labelled control needs to be wired to its label, hint and error for screen readers. */
export type ControlProps = { id: string; "aria-invalid"?: true; "aria-describedby"?: string };

/**
 * A label, the control drawn by `children` (an `Input`, a `Select`, a `Textarea`...), a hint and an error
 * message, with aria-invalid and aria-describedby pointing at what is shown. `error` is already
 * translated: forms keep their messages in different catalogue namespaces. `hideLabel` keeps the label
 * for screen readers only, where a placeholder or the surrounding heading already says what to type.
 * `announceError` reads the error out as soon as it appears (role="alert"), for a form with no
 * form-level message to do so.
 * No hooks: usable on both sides.
 */
export function LabelledField({
  id,
  label,
  hint,
  error,
  hideLabel = false,
  announceError = false,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  hideLabel?: boolean;
  announceError?: boolean;
  className?: string;
  children: (props: ControlProps) => ReactNode;
}) {
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className={hideLabel ? "sr-only" : "mb-1 block text-sm font-medium"}>
        {label}
      </label>
      {children({ id, ...(error ? { "aria-invalid": true as const } : {}), "aria-describedby": describedBy })}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} role={announceError ? "alert" : undefined} className="mt-1 text-sm text-accent-dark">
          {error}
        </p>
      )}
    </div>
  );
}
