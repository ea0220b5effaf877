/**
 * Next's redirect() ends an action or a page by throwing. Tests of actions that redirect mock
 * next/navigation with this module's `redirect` and read where it went with `redirectOf`:
 *   vi.mock("next/navigation", () => import("@/test/redirect-mock"));
 */
export class Redirect extends Error {
  constructor(readonly to: string) {
    super(`redirect ${to}`);
  }
}

export function redirect(to: string): never {
  throw new Redirect(to);
}

/** The path a call redirected to, or null when it returned; any other error is passed on. */
export function redirectOf(run: Promise<unknown>): Promise<string | null> {
  return run.then(
    () => null,
    (error: unknown) => (error instanceof Redirect ? error.to : Promise.reject(error)),
  );
}
