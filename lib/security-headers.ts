/**
 * Response headers that make the browser refuse what the app never does: run a script it did not
 * send, be framed, sniff a MIME type, leak full URLs to other sites, use powerful device APIs.
 *
 * Scripts: a Content-Security-Policy nonce, set by proxy.ts on every page request, with 'strict-dynamic'.
 * Next reads the nonce from the request's CSP header and puts it on every script it renders, including
 * the inline `self.__next_f.push(…)` scripts that carry the RSC payload. The CSP guide's nonce-free
 * option, experimental.sri, was the first choice (it keeps a page's HTML identical between requests)
 * but it only hashes the external chunks: the inline flight scripts get no integrity, so under
 * `script-src 'self'` a page never hydrates (vercel/next.js#95354). With SRI the only way to run them
 * would be 'unsafe-inline', which is exactly what this policy is for. The nonce is per response, not
 * per session: a cache that stores the response headers with the body (a CDN, a full-response cache)
 * keeps header and HTML matching; only Next's build-time prerendering cannot carry a nonce, so cached
 * pages must cache at the data level ("use cache" functions) or as whole responses, never as
 * build-time HTML. Styles may be inline (React style props, recharts); style injection cannot run code.
 */

export type CspOptions = { nonce: string; dev?: boolean; https?: boolean };

export function contentSecurityPolicy({ nonce, dev = false, https = false }: CspOptions): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic' lets a nonced script load the chunks it imports; 'self' is the fallback of
    // browsers without CSP 3. React's development build needs eval for its error overlays.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // Images come from this site only (uploads, /img covers); data: and blob: are local previews.
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
  ];
  // Only over https: on a plain-http origin it would send every same-origin load to a dead https port.
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** Sent with every response the proxy sees (pages, API routes, images). */
export function baseSecurityHeaders({ https }: { https: boolean }): Record<string, string> {
  const headers: Record<string, string> = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    // Nothing in the app uses these; a script that got in anyway cannot either.
    "Permissions-Policy":
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), interest-cohort=(), browsing-topics=()",
    // frame-ancestors is the modern form; X-Frame-Options covers browsers that ignore CSP and non-HTML.
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  // HSTS only where the site is really served over https, or a plain-http deployment locks itself out.
  if (https) headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains";
  return headers;
}

/** A fresh CSP nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Whether this deployment is served over https. Decided by the operator's SITE_URL, not by the request:
 * X-Forwarded-Proto can be sent by anyone who reaches the server directly, and a spoofed "http" must not
 * turn HSTS or Secure cookies off (nor a garbage value break anything).
 */
export function servedOverHttps(siteUrl: string): boolean {
  return siteUrl.startsWith("https://");
}
