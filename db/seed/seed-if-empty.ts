import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { products } from "../schema";
import { seedCatalogue } from "./seed";

/** First start of the embedded database: an empty catalogue gets the demo data. */
export async function seedIfEmpty(db: Db): Promise<void> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(products);
  if ((row?.n ?? 0) > 0) return;
  console.log("[atelier] empty database: seeding the demo catalogue…");
  const counts = await seedCatalogue(db);
  console.log(`[atelier] seeded ${counts.courses} courses, ${counts.artworks} artworks, ${counts.creators} creators`);
}
