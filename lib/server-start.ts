import { refuseForbiddenMethods } from "./method-guard";
import { productionConfigProblems } from "./secrets";

/**
 * What a server process does once at start, before serving (called from instrumentation.ts): check
 * its configuration, prepare an embedded database, then start the background loops that run beside
 * the web server.
 */
export async function startServer(): Promise<void> {
  refuseWeakConfig();
  await refuseInvalidSettings();
  refuseForbiddenMethods();
  const { population } = await prepareEmbeddedDatabase();
  // After the checks: nothing runs in the background of a server that refused to start, or of a build.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const jobs = await import("./jobs/client");
  if (jobs.shouldRunWorkerInProcess()) {
    // Not awaited: the server answers while the demo customers are written and the queue starts. The
    // worker waits for the customers, so the first refresh it queues finds their segments.
    population
      .then(() => jobs.startInProcessWorker())
      .catch((error: unknown) => console.error("[worker] could not start", error));
  } else {
    console.info("[worker] background jobs run in `npm run worker` processes (WORKER_IN_PROCESS is off)");
  }
}

/**
 * A newcomer's first `npm run dev` on the embedded database: migrate it and give it the demo catalogue
 * before the first request (and before the in-process worker opens it). Not during `next build`, which loads
 * the server but must not open a database. A PostgreSQL server is left to be opened on first use, as
 * before, so a server whose database is down still starts and says so on /api/health.
 *
 * Then, unless DEMO_POPULATION=false, the demo customers (lib/seed/demo-population.ts) of a shop that
 * never refreshed, in the background: `population` is the promise of that work, which never rejects (a
 * failure is logged; the shop works without them). Writing 60,000 events takes most of a minute on
 * PGlite, and the catalogue is all a first page needs.
 */
async function prepareEmbeddedDatabase(): Promise<{ population: Promise<void> }> {
  const done = { population: Promise.resolve() };
  if (process.env.NEXT_PHASE === "phase-production-build") return done;
  const { env } = await import("./env");
  if (env.DATABASE_URL) return done;
  const { openAppDatabase } = await import("./seed/seed-if-empty");
  const handle = await openAppDatabase();
  if (!env.DEMO_POPULATION) return done;
  const { seedDemoPopulationOnFirstStart } = await import("./seed/demo-population");
  const population = seedDemoPopulationOnFirstStart(handle.db).then(
    (summary) => {
      if (summary)
        console.log(
          `[atelier] demo customers: ${summary.users.total} with ${summary.events.total} events (${(summary.elapsedMs / 1000).toFixed(1)} s)`,
        );
    },
    (error: unknown) => console.error("[atelier] demo customers not written", error),
  );
  return { population };
}

/**
 * A setting that does not parse (a TIME_ZONE no one has heard of, a SITE_URL that is not a URL) would
 * otherwise surface as an exception on the first request that reads it: say which and stop, in every mode.
 */
async function refuseInvalidSettings(): Promise<void> {
  try {
    await import("./env");
  } catch (error) {
    console.error(`Atelier refuses to start: ${error instanceof Error ? error.message : String(error)}.`);
    process.exit(1);
  }
}

/**
 * A production server with a missing or guessable signing secret would accept cookies anyone can forge:
 * it must not serve at all. Checked here, at start, and not when lib/env.ts is imported, because
 * `next build` imports that module with NODE_ENV=production and no secrets.
 */
function refuseWeakConfig(): void {
  if (process.env.NODE_ENV !== "production") return;
  const problems = productionConfigProblems(process.env);
  if (problems.length > 0) {
    console.error(`Atelier refuses to start: ${problems.join("; ")}.`);
    process.exit(1);
  }
  // Not fatal (a staging server may mean it), but never silent: without SMTP_URL mail goes to files.
  if (!process.env.SMTP_URL)
    console.warn("[mail] SMTP_URL is not set: mail is written as .eml files under MAIL_DIR, not sent.");
}
