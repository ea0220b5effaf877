import type { PGlite } from "@electric-sql/pglite";
import type { QueueDatabase } from "@/lib/jobs/boss";
import type { FreshDb } from "./fresh-db";

/** The job queue's view of a test's own database: its server address, or its in-memory PGlite. */
export function queueDatabaseOf(fresh: FreshDb): QueueDatabase {
  if (fresh.driver === "pg") return { url: fresh.url! };
  return { pglite: (fresh.db as unknown as { $client: PGlite }).$client };
}
