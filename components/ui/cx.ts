/** Joins class names, skipping the empty ones; `undefined` when nothing is left, so no empty `class` is rendered. */
export function cx(...names: (string | false | null | undefined)[]): string | undefined {
  return names.filter(Boolean).join(" ") || undefined;
}
