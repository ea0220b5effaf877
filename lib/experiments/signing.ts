/**
 * HMAC-SHA256 signatures for cookie values (the visitor id and sticky assignments), so a visitor
 * cannot pick their own variant by editing a cookie. Web Crypto only: it exists both in Node 20
 * and in the runtime that runs proxy.ts, where node:crypto may not.
 */

const encoder = new TextEncoder();

function getSubtle(): SubtleCrypto {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error("signing: Web Crypto (crypto.subtle) is not available");
  return subtle;
}

// Importing the key costs more than the HMAC itself (the proxy signs or verifies on every landing
// request), so each secret is imported once per process. Secrets are few (one in practice).
const keys = new Map<string, Promise<CryptoKey>>();

async function importKey(secret: string): Promise<CryptoKey> {
  // An empty secret would "sign" with a key anyone knows: fail loudly on misconfiguration.
  if (secret.length === 0) throw new Error("signing: secret must not be empty");
  let key = keys.get(secret);
  if (!key) {
    key = getSubtle().importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    // A failed import must not stay cached.
    key.catch(() => keys.delete(secret));
    if (keys.size > 16) keys.clear();
    keys.set(secret, key);
  }
  return key;
}

async function hmac(value: string, secret: string): Promise<Uint8Array> {
  const key = await importKey(secret);
  return new Uint8Array(await getSubtle().sign("HMAC", key, encoder.encode(value)));
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Strict decoder: null for anything that is not unpadded base64url. */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const padded = text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4);
  try {
    return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** Compare without an early exit, so timing does not reveal how many leading bytes matched. */
function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false; // lengths are public: every valid signature is 32 bytes
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/** `value.signature`, the signature being base64url HMAC-SHA256 of value. value may contain dots. */
export async function signValue(value: string, secret: string): Promise<string> {
  return `${value}.${toBase64Url(await hmac(value, secret))}`;
}

/**
 * The original value when the signature is valid for secret, otherwise null (tampered, truncated,
 * unsigned, or signed with another secret). Throws only on an empty secret (misconfiguration).
 */
export async function verifySignedValue(signed: string, secret: string): Promise<string | null> {
  const dot = signed.lastIndexOf(".");
  if (dot < 0) {
    await importKey(secret); // same misconfiguration check on every path
    return null;
  }
  const value = signed.slice(0, dot);
  const given = fromBase64Url(signed.slice(dot + 1));
  const expected = await hmac(value, secret);
  if (!given) return null;
  return timingSafeEqual(given, expected) ? value : null;
}
