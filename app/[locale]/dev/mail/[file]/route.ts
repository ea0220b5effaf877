import { env } from "@/lib/env";
import { readDevMailFile } from "@/lib/mail/dev-mailbox";

export const dynamic = "force-dynamic";

/** The raw .eml of one development mail, as text (404 in production and for any other name). */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const notFound = () =>
    new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if (env.NODE_ENV === "production") return notFound();
  const { file } = await params;
  const body = await readDevMailFile(env.MAIL_DIR, file);
  if (!body) return notFound();
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
}
