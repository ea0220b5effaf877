/** A labelled input for the studio's server-rendered forms. */
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
}) {
  const id = `${idPrefix}-${name}`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        step={step}
        inputMode={inputMode}
        defaultValue={defaultValue}
        required={required}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className="mt-1 w-full rounded border border-line bg-white px-3 py-2 aria-invalid:border-accent aria-invalid:ring-1 aria-invalid:ring-accent"
      />
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      )}
    </div>
  );
}

export function TextArea({
  name,
  label,
  defaultValue,
  rows = 4,
  mono,
}: {
  name: string;
  label: string;
  defaultValue?: string;
  rows?: number;
  mono?: boolean;
}) {
  const id = `f-${name}`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        className={`mt-1 w-full rounded border border-line bg-white px-3 py-2 aria-invalid:border-accent aria-invalid:ring-1 aria-invalid:ring-accent ${mono ? "font-mono text-sm" : ""}`}
      />
    </div>
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
  const id = `f-${name}`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        className="mt-1 w-full rounded border border-line bg-white px-3 py-2 aria-invalid:border-accent aria-invalid:ring-1 aria-invalid:ring-accent"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
