/**
 * The web app's side of the queue: it only adds jobs (a marketer's "Recompute now"). One sender per
 * process, started on first use; when this process runs the worker itself, the worker's instance serves.
 */
import type PgBoss from "pg-boss";
import type { PGlite } from "@electric-sql/pglite";
import { getDbHandle, type Db } from "@/db/client";
import { env } from "@/lib/env";
import { startBoss, type QueueDatabase } from "./boss";
import { startWorker, type RunningWorker } from "./worker";

const globalForJobs = globalThis as unknown as {
  __atelierJobSender?: Promise<PgBoss>;
  __atelierWorker?: Promise<RunningWorker>;
};

/** The queue's database: the server's URL, or the PGlite instance this process opened. */
export function queueDatabase(handle: { db: Db; driver: "pg" | "pglite" }): QueueDatabase {
  if (handle.driver === "pg") {
    if (!env.DATABASE_URL) throw new Error("a PostgreSQL handle without DATABASE_URL");
    return { url: env.DATABASE_URL };
  }
  // drizzle keeps the driver's client on the database object.
  return { pglite: (handle.db as unknown as { $client: PGlite }).$client };
}

export function shouldRunWorkerInProcess(): boolean {
  return env.WORKER_IN_PROCESS ?? (!env.DATABASE_URL || env.NODE_ENV !== "production");
}

/** Starts the worker inside this process (once), for the embedded database and development. */
export function startInProcessWorker(): Promise<RunningWorker> {
  globalForJobs.__atelierWorker ??= (async () => {
    const handle = await getDbHandle();
    const { configuredTransport } = await import("@/lib/mail/transport");
    return startWorker({
      db: handle.db,
      database: queueDatabase(handle),
      transport: configuredTransport(),
      recoRefreshCron: env.RECO_REFRESH_CRON,
      eventRetentionDays: env.EVENT_RETENTION_DAYS,
    });
  })().catch((error: unknown) => {
    globalForJobs.__atelierWorker = undefined;
    throw error;
  });
  return globalForJobs.__atelierWorker;
}

export function jobSender(): Promise<PgBoss> {
  if (globalForJobs.__atelierWorker) return globalForJobs.__atelierWorker.then((w) => w.boss);
  globalForJobs.__atelierJobSender ??= (async () => startBoss(queueDatabase(await getDbHandle()), "sender"))().catch(
    (error: unknown) => {
      globalForJobs.__atelierJobSender = undefined;
      throw error;
    },
  );
  return globalForJobs.__atelierJobSender;
}
