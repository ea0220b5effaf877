import { readFile } from "node:fs/promises";
import { UPLOAD_FILE_NAME, uploadPath } from "@/lib/uploads/images";

/**
 * Serves re-encoded uploads. Names are random UUIDs checked by pattern (no path traversal); the file
 * never changes once written, so it may be cached for good. nosniff keeps browsers from guessing.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  if (!UPLOAD_FILE_NAME.test(file)) return new Response("Not found", { status: 404 });
  try {
    const data = await readFile(uploadPath("works", file));
    return new Response(new Uint8Array(data), {
      headers: {
        "content-type": "image/webp",
        "content-length": String(data.byteLength),
        "cache-control": "public, max-age=31536000, immutable",
        "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'",
      },
    });
  } catch {
    return new Response("Not found", { status: 404 });
  }
}
