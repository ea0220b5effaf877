import { sql } from "drizzle-orm";
import { getDbHandle, type Db, type DbHandle } from "@/db/client";
import { products } from "@/db/schema";
import { seedCatalogue } from "./seed";

/** First start of the embedded database: an empty catalogue gets the demo data. */
export async function seedIfEmpty(db: Db): Promise<void> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(products);
  if ((row?.n ?? 0) > 0) return;
  console.log("[atelier] empty database: seeding the demo catalogue…");
  const counts = await seedCatalogue(db);
  console.log(`[atelier] seeded ${counts.courses} courses, ${counts.artworks} artworks, ${counts.creators} creators`);
}

// One seeding per opened database and process, however many callers ask at once (kept on globalThis
// for the same reason as the handle in db/client.ts: several bundles of one process share it).
const globalForSeed = globalThis as unknown as { __atelierFirstStart?: WeakMap<Db, Promise<void>> };

/**
 * The app's database, ready for the app: opened and migrated by db/client.ts and, when it is the
 * embedded PGlite, given the demo catalogue if it is empty (a newcomer's first start). A PostgreSQL
 * server is never seeded here; `npm run db:seed` does that on purpose. Called by the server start-up
 * (lib/server-start.ts) and by the scripts that work on the app's database.
 */
export async function openAppDatabase(): Promise<DbHandle> {
  const handle = await getDbHandle();
  if (handle.driver !== "pglite") return handle;
  const seeding = (globalForSeed.__atelierFirstStart ??= new WeakMap());
  let seeded = seeding.get(handle.db);
  if (!seeded) {
    seeded = seedIfEmpty(handle.db);
    seeding.set(handle.db, seeded);
    // A failed seed is tried again by the next caller (it is idempotent), not remembered as done.
    seeded.catch(() => seeding.delete(handle.db));
  }
  await seeded;
  return handle;
}
