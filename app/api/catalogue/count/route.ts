import { countCatalogue } from "@/lib/catalog/queries";
import { parseCatalogueParams } from "@/lib/catalog/search-params";

export const dynamic = "force-dynamic";

/**
 * GET /api/catalogue/count?kind=artwork&<the listing's own filters>: `{ count }`, what the filter drawer
 * shows on its button while someone changes filters, before they apply them. The filters are read by
 * the same parser as the page, so the number is the one the page will show.
 */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const kind = url.searchParams.get("kind");
  if (kind !== "course" && kind !== "artwork") return Response.json({ error: "kind" }, { status: 400 });
  const raw: Record<string, string[]> = {};
  for (const [key, value] of url.searchParams) (raw[key] ??= []).push(value);
  const count = await countCatalogue({ kind, filters: parseCatalogueParams(raw) });
  return Response.json({ count }, { headers: { "Cache-Control": "no-store" } });
}
