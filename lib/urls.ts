import { z } from "zod";

/**
 * A same-site path ("/x", not "//host" or "https://…"): anything else would make an open redirect. No
 * whitespace, backslash or control character: browsers read "/\evil" as "//evil", and a control
 * character cannot go into a Location header.
 */
export const sameSitePath = z
  .string()
  .max(500)
  .regex(/^\/(?!\/)[^\s\\\x00-\x1f\x7f]*$/);

export function safeReturnPath(value: unknown, fallback: string): string {
  const parsed = sameSitePath.safeParse(value);
  return parsed.success ? parsed.data : fallback;
}

/** False for a path whose percent-encoding is broken ("%ZZ", a cut multi-byte sequence). */
export function isDecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}
