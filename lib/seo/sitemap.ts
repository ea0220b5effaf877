/**
 * sitemap.xml rows: every page in each language, each row naming all its languages (hreflang in the
 * sitemap, as search engines read it), absolute against the site's address.
 */
import { LOCALES } from "@/i18n/locales";
import { localizedPath } from "@/i18n/paths";
import type { SitemapEntry } from "@/lib/campaigns/sitemap-entries";
import { languageUrls } from "@/lib/i18n/alternates";

/** One `<url>` of the sitemap: the shape of a row of Next's `MetadataRoute.Sitemap`. */
export type SitemapRow = {
  url: string;
  lastModified: string;
  priority: number;
  alternates: { languages: Record<string, string> };
};

export function sitemapRows(entries: readonly SitemapEntry[], siteUrl: string): SitemapRow[] {
  const absolute = (path: string) => new URL(path, siteUrl).toString();
  return entries.flatMap((e) => {
    const languages = Object.fromEntries(
      Object.entries(languageUrls(e.path)).map(([hreflang, path]) => [hreflang, absolute(path)]),
    );
    return LOCALES.map((locale) => ({
      url: absolute(localizedPath(e.path, locale)),
      lastModified: e.lastModified,
      priority: e.priority,
      alternates: { languages },
    }));
  });
}
