import type { Pool } from "pg";

/**
 * A fixed key for PostgreSQL's advisory lock around migrations (any 64-bit number no other code uses;
 * these are the bytes of "atelier:migrate" folded to fit).
 */
export const MIGRATION_LOCK_KEY = 0x61_74_65_6c_69_65_72n;

/**
 * Runs the migrations while holding a session advisory lock, so instances that start together, and the
 * `npm run db:migrate` release step, take turns: the first applies what is pending, the others wait and
 * then find nothing left to do. Without it two instances race on the same DDL and one fails to start.
 * The lock is held on its own connection and released even when a migration fails.
 */
export async function migrateUnderLock(pool: Pool, migrate: () => Promise<void>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY.toString()]);
    try {
      await migrate();
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY.toString()]);
    }
  } finally {
    client.release();
  }
}
