/**
 * npm run cluster -- [--only a1,b,...]
 *
 * The shop as it runs in production, on this machine: one fresh PostgreSQL database
 * (atelier_cluster_<pid>, migrated with `npm run db:migrate`, seeded with `npm run db:seed`), two app
 * instances (`next start` of the production build in NEXT_DIST_DIR, default .next), `npm run worker`,
 * uploads in an S3 bucket on s3rver, and Debian's nginx in front with the directives of
 * deploy/nginx.conf (scripts/cluster/harness.ts). Then it checks what must hold across instances
 * (scripts/cluster/checks.ts), one named PASS/FAIL line each, and ends with "N passed, M failed".
 *
 * Needs a production build (`NEXT_DIST_DIR=.next-e2e npx next build`; scripts/test-all.sh makes one)
 * and a PostgreSQL server: CLUSTER_PG_URL, else TEST_PG_URL, else postgres://postgres@127.0.0.1:5432/postgres
 * (trust auth; the cluster's database is created beside the one named and dropped at the end).
 * Installs nginx-light with apt-get when /usr/sbin/nginx is missing. Everything it started is stopped
 * and the database dropped at the end, on failure and on Ctrl-C too; the logs of a failed run are kept
 * (the path is printed). Exit codes: 0 all passed, 1 a check failed or the cluster did not start,
 * 2 bad flags.
 */
import { z } from "zod";
import { openDatabase, type DbHandle } from "@/db/client";
import { readFlags } from "./cli";
import { CheckFailed, CHECKS } from "./cluster/checks";
import { interrupted, onExitSignals, startCluster, stopAll, tail, type Cluster } from "./cluster/harness";

const USAGE = `usage: npm run cluster -- [--only ID,ID...]

  --only   run only these checks (ids: ${CHECKS.map((c) => c.id).join(", ")})`;

// The whole run, start-up included, takes 2 to 4 minutes here; past this something hangs.
const WATCHDOG_MS = 9 * 60_000;

const log = (line: string) => console.log(`  · ${line}`);

async function main(): Promise<number> {
  const flags = readFlags(process.argv.slice(2), {
    script: "cluster",
    usage: USAGE,
    options: { only: { type: "string" } },
    schema: z.object({ only: z.string().optional() }),
  });
  const only = flags.only?.split(",").map((s) => s.trim());
  const unknown = only?.filter((id) => !CHECKS.some((c) => c.id === id)) ?? [];
  if (unknown.length > 0) {
    process.stderr.write(`cluster: unknown check ${unknown.join(", ")}\n${USAGE}\n`);
    return 2;
  }
  const checks = CHECKS.filter((c) => !only || only.includes(c.id));

  let passed = 0;
  let failed = 0;
  onExitSignals(() => console.log(`${passed} passed, ${failed + 1} failed (interrupted)`));
  const watchdog = setTimeout(() => {
    console.log(`FAIL  the run took longer than ${WATCHDOG_MS / 60_000} minutes: stopping`);
    void stopAll().finally(() => {
      console.log(`${passed} passed, ${failed + 1} failed`);
      process.exit(1);
    });
  }, WATCHDOG_MS);
  watchdog.unref();

  const started = performance.now();
  let cluster: Cluster | null = null;
  let handle: DbHandle | null = null;
  try {
    console.log("cluster: starting two instances, the worker and nginx on a fresh database");
    try {
      cluster = await startCluster({ instances: 2, worker: true, log });
    } catch (error) {
      console.log(`FAIL  cluster start-up: ${error instanceof Error ? error.message : String(error)}`);
      failed++;
      return 1;
    }
    const [A, B] = cluster.instances as [Cluster["instances"][0], Cluster["instances"][0]];
    handle = await openDatabase({ url: cluster.dbUrl });
    const context = { cluster, db: handle.db, A, B, nginx: cluster.balancer.url };
    for (const check of checks) {
      // Ctrl-C: the cluster is being stopped under the checks; start no new one.
      if (interrupted()) return 1;
      const t0 = performance.now();
      try {
        const detail = await check.run(context);
        passed++;
        console.log(
          `PASS  ${check.id}. ${check.title} (${((performance.now() - t0) / 1000).toFixed(1)} s)\n        ${detail}`,
        );
      } catch (error) {
        if (interrupted()) return 1;
        failed++;
        const message = error instanceof Error ? error.message : String(error);
        console.log(
          `FAIL  ${check.id}. ${check.title} (${((performance.now() - t0) / 1000).toFixed(1)} s)\n        ${message}`,
        );
        if (error instanceof Error && !(error instanceof CheckFailed))
          console.log(error.stack?.split("\n").slice(1, 4).join("\n"));
      }
    }
    // A server that crashed on its own (not the one check f killed) is a failure whatever the checks said.
    for (const instance of cluster.instances) {
      const outcome = await Promise.race([instance.service.exited, Promise.resolve("running")]);
      if (outcome !== "running" && outcome !== "SIGKILL") {
        failed++;
        console.log(
          `FAIL  instance ${instance.name} exited by itself (${outcome}):\n${tail(instance.service.logFile)}`,
        );
      }
    }
    if (cluster.worker) {
      const outcome = await Promise.race([cluster.worker.exited, Promise.resolve("running")]);
      if (outcome !== "running") {
        failed++;
        console.log(`FAIL  the worker exited by itself (${outcome}):\n${tail(cluster.worker.logFile)}`);
      }
    }
    return failed > 0 ? 1 : 0;
  } finally {
    if (failed > 0 || interrupted()) cluster?.keepLogs();
    await handle?.close();
    await stopAll();
    clearTimeout(watchdog);
    console.log(
      `cluster: ${((performance.now() - started) / 1000).toFixed(0)} s in all; everything stopped, database dropped`,
    );
    console.log(`${passed} passed, ${failed} failed`);
  }
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    console.error(`cluster: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await stopAll();
    console.log("0 passed, 1 failed");
    process.exit(1);
  },
);
