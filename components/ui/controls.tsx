import type { ComponentProps } from "react";
import { cx } from "./cx";

/**
 * Text inputs, selects and text areas share one look: a white box with a hairline, marked in the accent
 * colour when `aria-invalid` (set by `LabelledField`, or by a form that checks on the client).
 * `compact` is the dense look of the catalogue filters; `fullWidth={false}` lets the caller set a width.
 * No hooks: usable on both sides. Labels are the caller's (`LabelledField`, or an explicit `<label>`).
 */
type Look = { compact?: boolean; fullWidth?: boolean };

export function controlClass({ compact = false, fullWidth = true }: Look = {}, className?: string): string {
  return (
    cx(
      "rounded border border-line bg-white aria-invalid:border-accent aria-invalid:ring-1 aria-invalid:ring-accent",
      compact ? "px-2 py-1.5 text-sm" : "px-3 py-2",
      fullWidth && "w-full",
      className,
    ) ?? ""
  );
}

export function Input({ compact, fullWidth, className, ...props }: ComponentProps<"input"> & Look) {
  return <input className={controlClass({ compact, fullWidth }, className)} {...props} />;
}

export function Select({ compact, fullWidth, className, ...props }: ComponentProps<"select"> & Look) {
  return <select className={controlClass({ compact, fullWidth }, className)} {...props} />;
}

export function Textarea({ compact, fullWidth, className, ...props }: ComponentProps<"textarea"> & Look) {
  return <textarea className={controlClass({ compact, fullWidth }, className)} {...props} />;
}
