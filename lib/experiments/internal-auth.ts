/**
 * Authenticates the proxy's calls to internal routes (/api/experiments/config and /link): an HMAC of a
 * fixed label with EXPERIMENT_SECRET, so only code holding the secret can read the running config or
 * ask for a visitor link. Web Crypto only (runs in the proxy).
 */
import { signValue } from "./signing";

export const INTERNAL_HEADER = "x-atelier-internal";
const LABEL = "atelier-experiments-internal";

const tokens = new Map<string, Promise<string>>();

export function internalToken(secret: string): Promise<string> {
  let token = tokens.get(secret);
  if (!token) {
    token = signValue(LABEL, secret);
    tokens.set(secret, token);
  }
  return token;
}

export async function isInternalRequest(headerValue: string | null, secret: string): Promise<boolean> {
  if (!headerValue) return false;
  const expected = await internalToken(secret);
  if (headerValue.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= headerValue.charCodeAt(i) ^ expected.charCodeAt(i);
  return diff === 0;
}
