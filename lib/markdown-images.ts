/**
 * Which image URLs user-written Markdown (lessons, landing-page stories) may load: this site's only.
 * An image from anywhere else is a tracking pixel (it tells a third party who read which lesson, from
 * which address) or a way round the CSP's img-src; it is shown as its alt text or a link instead.
 */

/** The URL to put in <img src>, or null when the image is not from this site. */
export function sameSiteImageSrc(src: string | undefined | null, siteOrigin: string): string | null {
  if (!src) return null;
  const value = src.trim();
  // No control characters or backslashes ("/\\evil.example" is "//evil.example" to a browser).
  if (value === "" || /[\x00-\x1f\x7f\\]/.test(value)) return null;
  // Protocol-relative ("//host/x") is another site; a scheme ("https:", "data:") is checked below.
  if (value.startsWith("//")) return null;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(value)) return value; // a path on this site ("/uploads/…", "pic.webp")
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.origin === new URL(siteOrigin).origin
      ? url.pathname + url.search
      : null;
  } catch {
    return null;
  }
}

/** An http(s) URL a reader may follow (a foreign image becomes a link to it), or null. */
export function followableUrl(src: string | undefined | null): string | null {
  if (!src) return null;
  try {
    const url = new URL(src.trim());
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}
