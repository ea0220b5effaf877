/**
 * pg-boss, the job queue, on either database the app runs on. On a PostgreSQL server it opens its own
 * small pool (its tables live in the `pgboss` schema of the app's database). On embedded PGlite, which
 * one process owns, it runs its SQL through that process's PGlite instance.
 */
import PgBoss from "pg-boss";
import type { PGlite } from "@electric-sql/pglite";
import { QUEUE_SETTINGS, QUEUES } from "./queues";

export type QueueDatabase = { url: string } | { pglite: PGlite };

export type BossRole = "worker" | "sender";

/** pg-boss's database interface over PGlite: parameterised statements one at a time, scripts (its migrations, its locked sections) whole. */
function pgliteExecutor(pglite: PGlite): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values && values.length > 0) return pglite.query(text, values);
      const results = await pglite.exec(text);
      return results[results.length - 1] ?? { rows: [] };
    },
  };
}

/**
 * A started pg-boss with every queue created. A "sender" (the web app) only adds jobs: no maintenance,
 * no schedule clock. A "worker" also runs the cron schedules and pg-boss's own upkeep.
 */
export async function startBoss(database: QueueDatabase, role: BossRole): Promise<PgBoss> {
  const worker = role === "worker";
  const common = { supervise: worker, schedule: worker, migrate: true };
  const boss =
    "url" in database
      ? new PgBoss({
          ...common,
          connectionString: database.url,
          max: worker ? 4 : 2,
          application_name: `atelier-${role}`,
        })
      : new PgBoss({ ...common, db: pgliteExecutor(database.pglite) });
  boss.on("error", (error) => console.error(`[jobs] ${role}:`, error));
  await boss.start();
  for (const name of Object.values(QUEUES)) await boss.createQueue(name, { name, ...QUEUE_SETTINGS[name] });
  return boss;
}
