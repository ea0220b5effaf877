import { getDb } from "@/db/client";
import { getWorkImageAccess } from "@/lib/community/works";
import { getCurrentUser } from "@/lib/server/session";
import { readUpload, UPLOAD_CONTENT_TYPE, UPLOAD_FILE_NAME } from "@/lib/uploads/images";
import { readSizedUpload } from "@/lib/uploads/sizes";
import { IMAGE_WIDTHS, parseImageWidth } from "@/lib/uploads/widths";

const NOT_FOUND = () =>
  new Response("Not found", {
    status: 404,
    headers: { "x-content-type-options": "nosniff", "cache-control": "no-store" },
  });

/**
 * Serves re-encoded uploads (always WebP written by lib/uploads, so the type is known, never sniffed), from
 * whichever store is configured (lib/uploads/storage.ts).
 * Names are random UUIDs checked by pattern: no path traversal. A hidden work's image is gone like the
 * work itself, except for its author and admins (the moderation queue), privately. Public copies may
 * be cached for ten minutes only, then revalidated by ETag (the file never changes; its visibility
 * can), so hiding takes effect in shared caches too. `?w=400` or `?w=800` serves a smaller copy
 * (lib/uploads/sizes.ts) under the same rules; any other width is a 400.
 */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  if (!UPLOAD_FILE_NAME.test(file)) return NOT_FOUND();
  const width = parseImageWidth(new URL(request.url).searchParams.get("w"));
  if (width === "invalid")
    return new Response(`w must be one of ${IMAGE_WIDTHS.join(", ")}, or absent for the original`, {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  const access = await getWorkImageAccess(await getDb(), file);
  if (!access) return NOT_FOUND();
  if (access.hidden) {
    const user = await getCurrentUser();
    if (!user || (user.id !== access.ownerId && user.role !== "admin")) return NOT_FOUND();
  }
  const headers: Record<string, string> = {
    "content-type": UPLOAD_CONTENT_TYPE,
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; sandbox",
    "cross-origin-resource-policy": "same-origin",
    "cache-control": access.hidden ? "private, no-store" : "public, max-age=600, must-revalidate",
    etag: `"${file.slice(0, 36)}${width ? `-w${width}` : ""}"`,
  };
  if (!access.hidden && request.headers.get("if-none-match") === headers.etag)
    return new Response(null, { status: 304, headers });
  const data = width ? await readSizedUpload("works", file, width) : await readUpload("works", file);
  if (!data) return NOT_FOUND();
  return new Response(new Uint8Array(data), { headers: { ...headers, "content-length": String(data.byteLength) } });
}
