import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Db } from "@/db/client";
import { seedCatalogue } from "@/lib/seed/seed";
import { env } from "@/lib/env";

export type FreshDb = {
  db: Db;
  driver: "pg" | "pglite";
  dispose: () => Promise<void>;
  /** The throwaway database's address on the server (pg only): for code that opens its own connections. */
  url?: string;
};

async function withAdminClient<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * A database of the test's own: in-memory PGlite by default or, when DATABASE_URL points at a server,
 * a throwaway database created on that server and dropped afterwards (never the configured one itself).
 * `seed: true` loads the demo catalogue and accounts.
 */
export async function freshDatabase(opts: { seed?: boolean } = {}): Promise<FreshDb> {
  let fresh: FreshDb;
  if (!env.DATABASE_URL) {
    const handle = await openDatabase({});
    fresh = { db: handle.db, driver: "pglite", dispose: handle.close };
  } else {
    const name = `atelier_test_${randomBytes(6).toString("hex")}`;
    await withAdminClient((c) => c.query(`create database "${name}"`));
    const url = new URL(env.DATABASE_URL);
    url.pathname = `/${name}`;
    const handle = await openDatabase({ url: url.toString() });
    fresh = {
      db: handle.db,
      driver: "pg",
      url: url.toString(),
      dispose: async () => {
        await handle.close();
        await withAdminClient((c) => c.query(`drop database if exists "${name}" with (force)`));
      },
    };
  }
  if (opts.seed) await seedCatalogue(fresh.db);
  return fresh;
}
