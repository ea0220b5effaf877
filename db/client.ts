import path from "node:path";
import { mkdirSync } from "node:fs";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { databaseConfig } from "./config";
import { migrateUnderLock } from "./migration-lock";
import * as schema from "./schema";

/** One type for both drivers: node-postgres and PGlite share drizzle's PostgreSQL core. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type Executor = Db | Tx;

export type DbHandle = {
  db: Db;
  /**
   * For catalogue reads that tolerate a replica's lag of a few milliseconds: selects go to a read replica
   * when DATABASE_REPLICA_URLS names any, anything else to the primary. The same as `db` without replicas.
   */
  read?: Db;
  driver: "pg" | "pglite";
  close: () => Promise<void>;
};

const MIGRATIONS = path.join(process.cwd(), "db", "migrations");

// Cached on globalThis: dev hot reload, the instrumentation bundle and the route bundles of one
// process must share one pool (and PGlite allows only one open instance per data directory).
const globalForDb = globalThis as unknown as { __atelierDb?: Promise<DbHandle> };

async function openPg(url: string, replicaUrls: string[] = []): Promise<DbHandle> {
  const [{ drizzle }, { migrate }, { withReplicas }, pg] = await Promise.all([
    import("drizzle-orm/node-postgres"),
    import("drizzle-orm/node-postgres/migrator"),
    import("drizzle-orm/pg-core"),
    import("pg"),
  ]);
  const openPool = (connectionString: string, max: number) => {
    const pool = new pg.default.Pool({ connectionString, max });
    // An idle connection can be cut by the server (restart, failover, a test dropping its database);
    // pg then emits "error" on the pool, which would crash the process if nobody listened. The pool
    // replaces the connection on the next query, so a log line is all this needs.
    pool.on("error", (error) => console.warn("[db] idle connection closed:", error.message));
    return pool;
  };
  const pool = openPool(url, 20);
  const db = drizzle(pool, { schema });
  await migrateUnderLock(pool, () => migrate(db, { migrationsFolder: MIGRATIONS }));
  const replicaPools = replicaUrls.map((replica) => openPool(replica, 10));
  const replicas = replicaPools.map((replicaPool) => drizzle(replicaPool, { schema }));
  const [first, ...rest] = replicas;
  // Migrations run on the primary only; replicas receive them by replication.
  const read = first ? withReplicas(db, [first, ...rest]) : db;
  return {
    db: db as unknown as Db,
    read: read as unknown as Db,
    driver: "pg",
    close: async () => {
      await Promise.all([pool.end(), ...replicaPools.map((p) => p.end())]);
    },
  };
}

async function openPglite(dataDir: string | null): Promise<DbHandle> {
  const [{ PGlite }, { pg_trgm }, { drizzle }, { migrate }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("@electric-sql/pglite/contrib/pg_trgm"),
    import("drizzle-orm/pglite"),
    import("drizzle-orm/pglite/migrator"),
  ]);
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // PGlite bundles extensions separately: the search migration's CREATE EXTENSION pg_trgm needs it loaded.
  const extensions = { pg_trgm };
  const client = dataDir ? new PGlite(dataDir, { extensions }) : new PGlite({ extensions });
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder: MIGRATIONS });
  return { db: db as unknown as Db, driver: "pglite", close: () => client.close() };
}

/**
 * Opens the database on first use and migrates it: `pg` when DATABASE_URL is set, otherwise the
 * embedded PGlite under PGLITE_DIR. Opening never seeds: the demo catalogue of a new embedded database
 * is the start-up's job (`openAppDatabase` in lib/seed/seed-if-empty.ts).
 */
export function getDbHandle(): Promise<DbHandle> {
  globalForDb.__atelierDb ??= (async () => {
    const config = databaseConfig();
    if (config.DATABASE_URL) return openPg(config.DATABASE_URL, config.DATABASE_REPLICA_URLS);
    return openPglite(path.resolve(config.PGLITE_DIR));
  })().catch((error: unknown) => {
    globalForDb.__atelierDb = undefined;
    throw error;
  });
  return globalForDb.__atelierDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/**
 * The database for public catalogue reads (products, creators, topics): a read replica when there are
 * any. Carts, checkout, accounts, the studio and anything read right after a write use getDb().
 */
export async function getCatalogueDb(): Promise<Db> {
  const handle = await getDbHandle();
  return handle.read ?? handle.db;
}

/**
 * An in-memory PGlite or a given PostgreSQL URL (with read replicas, if given), migrated: for tests and
 * scripts that need their own database.
 */
export function openDatabase(opts: {
  url?: string;
  replicaUrls?: string[];
  dataDir?: string | null;
}): Promise<DbHandle> {
  return opts.url ? openPg(opts.url, opts.replicaUrls) : openPglite(opts.dataDir ?? null);
}

/** Lets tests and scripts point the app's queries at a database they opened themselves. */
export function useDatabase(handle: DbHandle): void {
  globalForDb.__atelierDb = Promise.resolve(handle);
}

export { schema };
