import { Input, Select as SelectControl, Textarea } from "@/components/ui/controls";
import { LabelledField } from "@/components/ui/labelled-field";

/**
 * Labelled controls for the studio's server-rendered forms. They know nothing of the action's answer:
 * `StudioForm` marks the fields it rejected (aria-invalid, which the controls style) on the client.
 */
export function Field({
  name,
  label,
  defaultValue,
  type = "text",
  required,
  hint,
  inputMode,
  step,
  idPrefix = "f",
  lang,
}: {
  name: string;
  label: string;
  defaultValue?: string | number;
  type?: "text" | "number";
  required?: boolean;
  hint?: string;
  inputMode?: "decimal" | "numeric";
  step?: string;
  /** Keeps ids unique when several forms on one page have a field of the same name. */
  idPrefix?: string;
  /** The language typed into the field ("zh" for the Chinese twins): input methods and fonts follow it. */
  lang?: string;
}) {
  return (
    <LabelledField id={`${idPrefix}-${name}`} label={label} hint={hint}>
      {(control) => (
        <Input
          {...control}
          name={name}
          type={type}
          step={step}
          inputMode={inputMode}
          defaultValue={defaultValue}
          required={required}
          lang={lang}
        />
      )}
    </LabelledField>
  );
}

export function TextArea({
  name,
  label,
  defaultValue,
  rows = 4,
  mono,
  lang,
}: {
  name: string;
  label: string;
  defaultValue?: string;
  rows?: number;
  mono?: boolean;
  lang?: string;
}) {
  return (
    <LabelledField id={`f-${name}`} label={label}>
      {(control) => (
        <Textarea
          {...control}
          name={name}
          rows={rows}
          lang={lang}
          defaultValue={defaultValue}
          className={mono ? "font-mono text-sm" : undefined}
        />
      )}
    </LabelledField>
  );
}

export function Select({
  name,
  label,
  defaultValue,
  options,
}: {
  name: string;
  label: string;
  defaultValue?: string;
  options: { value: string; label: string }[];
}) {
  return (
    <LabelledField id={`f-${name}`} label={label}>
      {(control) => (
        <SelectControl {...control} name={name} defaultValue={defaultValue}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </SelectControl>
      )}
    </LabelledField>
  );
}
