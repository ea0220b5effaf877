/**
 * npm run worker
 *
 * The background worker beside the web servers: the scheduled recommendation refresh (RECO_REFRESH_CRON)
 * and "Recompute now" requests, bandit weight updates, mail delivery and pruning, as jobs on the
 * PostgreSQL queue (pg-boss). Run one or more; each job goes to one of them. Stops cleanly on SIGTERM
 * or Ctrl-C, finishing the jobs in hand. Exit codes: 0 stopped, 1 failed, 2 misconfigured.
 *
 * On the embedded database the web server runs the worker itself (one process owns PGlite): this
 * command then explains that and exits.
 */
async function main(): Promise<void> {
  if (process.argv.includes("--help")) {
    console.log(
      "Usage: npm run worker\n\nRuns the background jobs against DATABASE_URL until stopped (SIGTERM, Ctrl-C).",
    );
    return;
  }
  const { env } = await import("@/lib/env");
  if (!env.DATABASE_URL) {
    console.error(
      "worker: DATABASE_URL is not set. On the embedded database the app runs the jobs inside its own process (npm run dev / npm start); a separate worker needs PostgreSQL.",
    );
    process.exit(2);
  }
  const [{ getDbHandle }, { startWorker }, { queueDatabase }, { configuredTransport }] = await Promise.all([
    import("@/db/client"),
    import("@/lib/jobs/worker"),
    import("@/lib/jobs/client"),
    import("@/lib/mail/transport"),
  ]);
  const handle = await getDbHandle();
  const transport = configuredTransport();
  const worker = await startWorker({
    db: handle.db,
    database: queueDatabase(handle),
    transport,
    recoRefreshCron: env.RECO_REFRESH_CRON,
    eventRetentionDays: env.EVENT_RETENTION_DAYS,
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.info(`[worker] ${signal}: finishing the jobs in hand`);
    await worker.stop();
    transport.close();
    await handle.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error("worker failed:", error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
