/**
 * Refuses requests no browser using this app sends, before the framework sees them. Each check here is
 * a case where Next (or Auth.js) itself would answer 500 for the client's mistake, so proxy.ts, which
 * runs for every path, answers the right 4xx instead. Web APIs only: runs in the proxy.
 */
import { isDecodableFormReply, isDecodableTextReply } from "./action-reply";
import { isDecodablePath } from "./urls";

/** Server-action bodies: community works upload images of up to 8 MB (lib/uploads), the form adds text. */
export const ACTION_BODY_LIMIT = "9mb";
export const ACTION_BODY_LIMIT_BYTES = 9 * 1024 * 1024;

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
// One value or a list, as proxies chain them ("https, http"); anything else is not from a proxy.
const FORWARDED_PROTO = /^\s*https?\s*(,\s*https?\s*)*$/i;

function refuse(status: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(`${message}\n`, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

/** The host part of an Origin header, "null" for an opaque origin, undefined when it is not a URL. */
function originHost(origin: string): string | undefined {
  if (origin === "null") return "null";
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

/** What Next treats as a possible server action (next/dist/server/lib/server-action-request-meta.js). */
function isPossibleAction(request: Request): { fetch: boolean; multipart: boolean } | null {
  if (request.method !== "POST") return null;
  const type = request.headers.get("content-type") ?? "";
  const fetch = request.headers.has("next-action");
  const multipart = type.startsWith("multipart/form-data");
  if (!fetch && !multipart && type !== "application/x-www-form-urlencoded") return null;
  return { fetch, multipart };
}

/**
 * The 4xx for a request that must not reach the app, or null. `path` is the raw pathname; `siteHost`
 * the public host (SITE_URL), accepted as an Origin besides the Host header (behind a proxy that
 * rewrites Host).
 */
/** The longest request path answered; queries are not counted (a search may be long). */
export const MAX_PATH_LENGTH = 2048;

export async function refuseHostile(request: Request, path: string, siteHost: string): Promise<Response | null> {
  // Next answers TRACE and invented methods with a 500 from its router.
  if (!METHODS.has(request.method)) return refuse(405, "Method not allowed", { allow: [...METHODS].join(", ") });
  // No page has a path near this long (slugs are at most 120 characters). A longer one comes back in
  // several response headers (the language rewrite, a redirect), past what HTTP clients accept.
  if (path.length > MAX_PATH_LENGTH) return refuse(414, "URI too long");
  // Next's router answers a path with broken percent-encoding ("/courses/%E0%A4") with a 500.
  if (!isDecodablePath(path)) return refuse(400, "Bad request: malformed URL encoding");
  // PostgreSQL text cannot hold U+0000: a NUL in a slug would fail the query. No page has one.
  if (/%00/.test(path) || path.includes("\0")) return refuse(404, "Not found");
  const proto = request.headers.get("x-forwarded-proto");
  if (proto !== null && !FORWARDED_PROTO.test(proto)) return refuse(400, "Bad request: malformed X-Forwarded-Proto");

  if (path.startsWith("/api/auth/")) {
    // Auth.js redirects there after sign-in/out: only a path on this site or a URL of this site.
    const callback = new URL(request.url).searchParams.get("callbackUrl");
    if (callback !== null && !isSameSite(callback, request, siteHost))
      return refuse(400, "Bad request: callbackUrl must be on this site");
  }

  // Route handlers (all API routes among them) read their own bodies; actions run on pages only.
  const action = path.startsWith("/api/") ? null : isPossibleAction(request);
  if (!action) return null;
  // Cross-site request forgery: Next aborts such an action with a 500; it is a 403.
  const origin = request.headers.get("origin");
  if (origin !== null) {
    const host = originHost(origin);
    if (host === undefined || (host !== request.headers.get("host") && host !== siteHost))
      return refuse(403, "Forbidden: cross-origin request");
  }
  // Browsers always send the length of a form or fetch body; without it the size cannot be checked first.
  const length = request.headers.get("content-length");
  if (length === null || !/^\d+$/.test(length)) return refuse(411, "Length required");
  if (Number(length) > ACTION_BODY_LIMIT_BYTES) return refuse(413, "Payload too large");
  // A body Next cannot decode (not JSON, a cut multipart) fails inside its action handler with a 500.
  // The proxy reads a copy of the body (Next buffers it for the proxy anyway and replays it to the app).
  if (action.multipart) {
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return refuse(400, "Bad request: malformed form data");
    }
    // A fetch action's form is React's reply encoding; a form posted without JavaScript is Next's own.
    if (action.fetch && !isDecodableFormReply(form)) return refuse(400, "Bad request: malformed action arguments");
  } else if (action.fetch) {
    if (!isDecodableTextReply(await request.text())) return refuse(400, "Bad request: malformed action arguments");
  }
  return null;
}

const CALLBACK_COOKIE = /^(?:__Secure-|__Host-)?authjs\.callback-url$/;

/**
 * The Cookie header for Auth.js without a callback-url cookie that points off this site (Auth.js fails
 * with a 500 on "javascript:…" there), or null when nothing had to go. The cookie is dropped, not the
 * request refused: a stale cookie must not lock a browser out of signing in.
 */
export function withoutForeignCallbackCookie(
  cookieHeader: string | null,
  request: Request,
  siteHost: string,
): string | null {
  if (!cookieHeader) return null;
  let changed = false;
  const kept = cookieHeader.split(";").filter((part) => {
    const eq = part.indexOf("=");
    if (eq <= 0 || !CALLBACK_COOKIE.test(part.slice(0, eq).trim())) return true;
    let value: string;
    try {
      value = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      value = "";
    }
    if (isSameSite(value, request, siteHost)) return true;
    changed = true;
    return false;
  });
  return changed ? kept.join(";").trim() : null;
}

function isSameSite(target: string, request: Request, siteHost: string): boolean {
  if (/^\/(?!\/)[^\s\\\x00-\x1f\x7f]*$/.test(target)) return true;
  try {
    const url = new URL(target);
    return (
      (url.protocol === "https:" || url.protocol === "http:") &&
      (url.host === request.headers.get("host") || url.host === siteHost)
    );
  } catch {
    return false;
  }
}
