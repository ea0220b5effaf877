/**
 * Small pieces of request handling shared by route handlers that read raw requests. Both are written
 * for hostile input: a request can carry any header and a body of any length.
 */

/**
 * A cookie's value from the request's Cookie header, percent-decoded. A value whose encoding is broken
 * ("%E0%A4%A", "%ZZ") is treated as absent, as a browser could not have set it through this app.
 */
export function cookieValue(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0 || part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * The body as text, reading at most `limit` bytes; null when it is longer (the rest is not read, so
 * a huge body costs nothing). A declared Content-Length over the limit is refused before reading.
 */
export async function readCapped(request: Request, limit: number): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? "0") > limit) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
