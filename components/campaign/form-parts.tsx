"use client";

import { useTranslations } from "next-intl";
import { LabelledField, type ControlProps } from "@/components/ui/labelled-field";

/** Small labelled inputs for the campaign form; `error` is a key of campaigns.errors. */
export function Field({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: (props: ControlProps) => React.ReactNode;
}) {
  const te = useTranslations("campaigns.errors");
  return (
    <LabelledField id={id} label={label} hint={hint} error={error ? te(error) : undefined}>
      {children}
    </LabelledField>
  );
}

export const inputClass = "mt-1 w-full rounded border border-line bg-white px-3 py-2 aria-[invalid=true]:border-accent";

export function Section({ title, children, error }: { title: string; children: React.ReactNode; error?: string }) {
  const te = useTranslations("campaigns.errors");
  return (
    <fieldset className="space-y-4 rounded-lg border border-line bg-white p-5">
      <legend className="px-1 font-serif text-xl">{title}</legend>
      {error && (
        <p role="alert" className="text-sm text-accent-dark">
          {te(error)}
        </p>
      )}
      {children}
    </fieldset>
  );
}

export function RowButton({
  onClick,
  children,
  label,
}: {
  onClick: () => void;
  children: React.ReactNode;
  label?: string;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label={label}
      className="rounded border border-line px-3 py-1 text-sm hover:border-accent hover:text-accent"
    >
      {children}
    </button>
  );
}
