/** Action errors are keys: ours carry their namespace ("cart.errors.x"), the shared wrapper's live under `errors`. */
export function messageKey(error: string): string {
  return error.includes(".") ? error : `errors.${error}`;
}
