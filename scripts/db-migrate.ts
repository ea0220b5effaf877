/**
 * npm run db:migrate
 *
 * Applies pending migrations to the configured database: DATABASE_URL when set, otherwise the embedded
 * PGlite under PGLITE_DIR (which, when new, also receives the demo catalogue, as on a server's first
 * start). Opening the database migrates it, so this opens it, reports, and closes it. Exit code 1 when it
 * fails.
 */
import { env } from "@/lib/env";
import { openAppDatabase } from "@/lib/seed/seed-if-empty";

async function main(): Promise<void> {
  const started = performance.now();
  const handle = await openAppDatabase();
  try {
    const target = env.DATABASE_URL
      ? `PostgreSQL at ${new URL(env.DATABASE_URL).host}${new URL(env.DATABASE_URL).pathname}`
      : `embedded PGlite at ${env.PGLITE_DIR}`;
    console.log(
      `db:migrate: ${handle.driver}, ${target}: migrations applied (${Math.round(performance.now() - started)} ms)`,
    );
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error("db:migrate failed:", error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
