/**
 * URLs for sitemap.xml: published courses and artworks, creators with something published, and live
 * campaign landing pages. One query per kind; pages never see rows.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { creators, products } from "@/db/schema";
import { listLiveCampaigns } from "./landing";

export type SitemapEntry = { path: string; lastModified: string; priority: number };

export async function listSitemapEntries(now = new Date()): Promise<SitemapEntry[]> {
  const db = await getDb();
  const items = await db
    .select({ kind: products.kind, slug: products.slug, updatedAt: products.updatedAt })
    .from(products)
    .where(and(eq(products.status, "published"), inArray(products.kind, ["course", "artwork"])));
  const creatorRows = await db
    .select({ slug: creators.slug, updatedAt: sql<string>`max(${products.updatedAt})` })
    .from(creators)
    .innerJoin(products, and(eq(products.creatorId, creators.id), eq(products.status, "published")))
    .groupBy(creators.slug);
  const campaigns = await listLiveCampaigns(now);
  const latest = items.reduce((m, i) => (i.updatedAt > m ? i.updatedAt : m), new Date(0)).toISOString();
  return [
    { path: "/", lastModified: latest, priority: 1 },
    { path: "/courses", lastModified: latest, priority: 0.8 },
    { path: "/artworks", lastModified: latest, priority: 0.8 },
    ...campaigns.map((c) => ({ path: `/c/${c.slug}`, lastModified: c.updatedAt, priority: 0.9 })),
    ...items.map((i) => ({
      path: `/${i.kind === "course" ? "courses" : "artworks"}/${i.slug}`,
      lastModified: i.updatedAt.toISOString(),
      priority: 0.7,
    })),
    ...creatorRows.map((c) => ({
      path: `/creators/${c.slug}`,
      lastModified: new Date(c.updatedAt).toISOString(),
      priority: 0.5,
    })),
  ];
}
