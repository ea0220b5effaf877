"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
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

export function Section({ title, children, error }: { title: string; children: React.ReactNode; error?: string }) {
  const te = useTranslations("campaigns.errors");
  return (
    <fieldset className="space-y-4 rounded-lg border border-line bg-white p-5">
      <legend className="px-1 font-serif text-xl">{title}</legend>
      {error && <FormMessage tone="error">{te(error)}</FormMessage>}
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
    <Button type="button" variant="subtle" size="sm" onClick={onClick} aria-label={label}>
      {children}
    </Button>
  );
}
