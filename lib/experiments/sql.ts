import type { SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";

/** Rows of a raw query on either driver (node-postgres and PGlite both answer with `.rows`). */
export async function selectRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
