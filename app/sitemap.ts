import type { MetadataRoute } from "next";
import { unstable_cache } from "next/cache";
import { CACHE_TAGS } from "@/lib/campaigns/cache-tags";
import { listSitemapEntries } from "@/lib/campaigns/sitemap-entries";
import { env } from "@/lib/env";
import { sitemapRows } from "@/lib/seo/sitemap";

// Rendered on request (the database is not open at build time), from a cache refreshed hourly and when
// a campaign changes.
export const dynamic = "force-dynamic";

const cachedEntries = unstable_cache(() => listSitemapEntries(), ["sitemap-entries"], {
  tags: [CACHE_TAGS.campaigns],
  revalidate: 3600,
});

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  return sitemapRows(await cachedEntries(), env.SITE_URL);
}
