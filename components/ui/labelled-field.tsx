import type { ReactNode } from "react";

/** What a labelled control needs to be wired to its label, hint and error for screen readers. */
export type ControlProps = { id: string; "aria-invalid"?: true; "aria-describedby"?: string };

/**
 * A label, the control drawn by `children` (an input, a select, a textarea...), a hint and an error
 * message, with aria-invalid and aria-describedby pointing at what is shown. `error` is already
 * translated: forms keep their messages in different catalogue namespaces. No hooks: usable on both sides.
 */
export function LabelledField({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  children: (props: ControlProps) => ReactNode;
}) {
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children({ id, ...(error ? { "aria-invalid": true as const } : {}), "aria-describedby": describedBy })}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-accent-dark">
          {error}
        </p>
      )}
    </div>
  );
}
