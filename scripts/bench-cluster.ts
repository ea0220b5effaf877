/**
 * npm run bench:cluster -- [--seconds 8] [--connections 8] [--runs 3] [--jobs 2000] [--batch 100]
 *
 * Throughput of the shop behind nginx with one and with two app instances, and of the job queue, on the
 * installation `npm run cluster` starts (scripts/cluster/harness.ts: a fresh database on the local
 * PostgreSQL server, the production build in NEXT_DIST_DIR, nginx in front). Two balancers run side by
 * side, one in front of instance A alone and one in front of A and B, and the runs alternate between
 * them (1, 2, 1, 2, ...) so drift on a shared machine hits both alike. Pages: the catalogue (/courses)
 * and a product page, for a returning anonymous visitor (cookies from a first visit); prints req/s and
 * p50/p99 latency, the median over runs, and every run's rate. Queue: N trivial jobs through pg-boss in
 * the cluster's database, sent one by one (8 at a time), then completed by one worker fetching one job
 * at a time (as the app's workers do), and again fetching a batch at a time.
 *
 * Figures are printed, never asserted. On this 2-core machine little gain is expected from a second
 * instance: both servers, nginx, PostgreSQL and the load generator share the same two cores, so a
 * second Node process mostly adds a second event loop to schedule. The gain it measures on a real
 * deployment comes from instances on separate machines.
 * Exit codes: 0 ok, 1 failed, 2 bad flags.
 */
import { cpus } from "node:os";
import { performance } from "node:perf_hooks";
import { z } from "zod";
import { openDatabase } from "@/db/client";
import { queryRows } from "@/db/rows";
import { startBoss } from "@/lib/jobs/boss";
import { sql } from "drizzle-orm";
import { readFlags } from "./cli";
import { onExitSignals, startCluster, stopAll } from "./cluster/harness";
import { loadTest, median, type LoadSample } from "./http-load";

const USAGE = "usage: npm run bench:cluster -- [--seconds N] [--connections N] [--runs N] [--jobs N] [--batch N]";
const Flags = z.object({
  seconds: z.coerce.number().min(1).max(120).default(8),
  connections: z.coerce.number().int().min(1).max(256).default(8),
  runs: z.coerce.number().int().min(1).max(20).default(3),
  jobs: z.coerce.number().int().min(10).max(100_000).default(2000),
  batch: z.coerce.number().int().min(1).max(1000).default(100),
});

const target = (page: string, base: string) => {
  const url = new URL(page, base);
  return { host: url.hostname, port: url.port, path: url.pathname };
};

/** A returning visitor's cookies (visitor id, analytics consent), as the shop set them on a first visit. */
async function returningVisitor(base: string): Promise<string> {
  const res = await fetch(`${base}/courses`, { headers: { cookie: "atelier_consent=analytics" } });
  if (res.status !== 200) throw new Error(`${base}/courses answered ${res.status}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(";")[0]);
  return ["atelier_consent=analytics", ...cookies].join("; ");
}

async function benchQueue(dbUrl: string, jobs: number, batch: number) {
  const handle = await openDatabase({ url: dbUrl });
  const db = handle.db;
  const queue = "bench-noop";
  const sender = await startBoss({ url: dbUrl }, "sender");
  const worker = await startBoss({ url: dbUrl }, "worker");
  await sender.createQueue(queue, { name: queue, policy: "standard" });

  // Sent one by one, 8 requests in flight, as several web requests would.
  const send = async (n: number) => {
    const t0 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < n) {
          next++;
          await sender.send(queue, { n: next });
        }
      }),
    );
    return n / ((performance.now() - t0) / 1000);
  };
  // Jobs of the queue marked completed in the database (pg-boss completes a handled batch without
  // waiting, so the handler's count runs ahead of the table).
  const completed = async () =>
    Number(
      (
        await queryRows<{ n: number }>(
          db,
          sql`select count(*)::int as n from pgboss.job where name = ${queue} and state = 'completed'`,
        )
      )[0]?.n ?? 0,
    );
  // One worker drains what was sent, `batchSize` jobs per fetch. While jobs remain it fetches again at
  // once (pg-boss's notifyWorker) instead of waiting out its polling interval, so this is what the
  // queue and the database can do, not what a polling interval allows.
  const drain = async (n: number, batchSize: number) => {
    const target = (await completed()) + n;
    let handled = 0;
    // The worker's id, known once work() returns (before its first fetch can come back).
    const self: { id?: string } = {};
    const t0 = performance.now();
    self.id = await worker.work(queue, { batchSize, pollingIntervalSeconds: 0.5 }, async (batchJobs) => {
      handled += batchJobs.length;
      if (handled < n && self.id) worker.notifyWorker(self.id);
    });
    while ((await completed()) < target) await new Promise((r) => setTimeout(r, 10));
    const rate = n / ((performance.now() - t0) / 1000);
    await worker.offWork({ id: self.id });
    return rate;
  };

  const sentPerSecond = await send(jobs);
  const completedSingle = await drain(jobs, 1);
  await send(jobs);
  const completedBatch = await drain(jobs, batch);
  await worker.stop({ graceful: true, wait: true, timeout: 10_000 });
  await sender.stop({ graceful: true, wait: true, timeout: 10_000 });
  await handle.close();
  return { sentPerSecond, completedBatch, completedSingle };
}

async function main() {
  const flags = readFlags(process.argv.slice(2), {
    script: "bench-cluster",
    usage: USAGE,
    schema: Flags,
    options: {
      seconds: { type: "string" },
      connections: { type: "string" },
      runs: { type: "string" },
      jobs: { type: "string" },
      batch: { type: "string" },
    },
  });
  onExitSignals();
  const log = (line: string) => process.stderr.write(`  · ${line}\n`);
  const cluster = await startCluster({ instances: 2, worker: false, log, singleBalancer: true });
  const balancers = [
    { name: "1 instance", url: cluster.single!.url },
    { name: "2 instances", url: cluster.balancer.url },
  ];
  const handle = await openDatabase({ url: cluster.dbUrl });
  const [course] = await queryRows<{ slug: string }>(
    handle.db,
    sql`select slug from product where kind = 'course' and status = 'published' order by slug limit 1`,
  );
  await handle.close();
  if (!course) throw new Error("no published course");
  const cookie = await returningVisitor(cluster.balancer.url);
  const pages = ["/courses", `/courses/${course.slug}`];

  console.log(
    `bench:cluster: next start behind nginx, ${flags.connections} keep-alive connections, ${flags.seconds} s per run, median of ${flags.runs} runs`,
  );
  console.log(
    `machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? "?"}), Node ${process.version}; load generator, nginx, both servers and PostgreSQL share it\n`,
  );
  console.log(
    `${"page".padEnd(44)} ${"1 instance req/s".padStart(16)} ${"p50/p99 ms".padStart(13)}   ${"2 instances req/s".padStart(17)} ${"p50/p99 ms".padStart(13)}   req/s per run 1 | 2`,
  );
  const results: Record<string, unknown>[] = [];
  for (const page of pages) {
    const samples: LoadSample[][] = [[], []];
    for (const b of balancers) await loadTest(target(page, b.url), () => cookie, 2, flags.connections); // warm-up
    for (let r = 0; r < flags.runs; r++)
      for (const [i, b] of balancers.entries())
        samples[i]!.push(await loadTest(target(page, b.url), () => cookie, flags.seconds, flags.connections));
    const m = (i: number, key: keyof LoadSample) => median(samples[i]!.map((s) => s[key]));
    const errors = samples.flat().reduce((n, s) => n + s.errors, 0);
    const perRun = (i: number) => samples[i]!.map((s) => s.perSecond.toFixed(0)).join(" ");
    console.log(
      `${page.padEnd(44)} ${m(0, "perSecond").toFixed(0).padStart(16)} ${`${m(0, "p50").toFixed(0)}/${m(0, "p99").toFixed(0)}`.padStart(13)}   ${m(1, "perSecond").toFixed(0).padStart(17)} ${`${m(1, "p50").toFixed(0)}/${m(1, "p99").toFixed(0)}`.padStart(13)}   ${perRun(0)} | ${perRun(1)}${errors ? `  (${errors} non-200)` : ""}`,
    );
    results.push({
      page,
      oneInstance: {
        perSecond: Math.round(m(0, "perSecond")),
        p50: Math.round(m(0, "p50")),
        p99: Math.round(m(0, "p99")),
      },
      twoInstances: {
        perSecond: Math.round(m(1, "perSecond")),
        p50: Math.round(m(1, "p50")),
        p99: Math.round(m(1, "p99")),
      },
      errors,
    });
  }

  const queue = await benchQueue(cluster.dbUrl, flags.jobs, flags.batch);
  console.log(`\njob queue: pg-boss on the local PostgreSQL (the cluster's database), ${flags.jobs} trivial jobs`);
  const row = (label: string, perSecond: number) =>
    console.log(`  ${label.padEnd(40)} ${perSecond.toFixed(0).padStart(6)} jobs/s`);
  row("sent one by one, 8 at a time:", queue.sentPerSecond);
  row("completed by one worker, 1 per fetch:", queue.completedSingle);
  row(`completed by one worker, ${flags.batch} per fetch:`, queue.completedBatch);
  console.log(
    "  (the app's workers take one job per fetch and, when a queue is empty, look again after their polling interval: 1 s for mail, 2 s for refreshes)",
  );
  console.log(
    JSON.stringify({
      connections: flags.connections,
      seconds: flags.seconds,
      runs: flags.runs,
      pages: results,
      queue: {
        jobs: flags.jobs,
        sentPerSecond: Math.round(queue.sentPerSecond),
        completedPerSecondOnePerFetch: Math.round(queue.completedSingle),
        batch: flags.batch,
        completedPerSecondBatched: Math.round(queue.completedBatch),
      },
    }),
  );
}

main().then(
  async () => {
    await stopAll();
    process.exit(0);
  },
  async (error: unknown) => {
    console.error(`bench-cluster: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await stopAll();
    process.exit(1);
  },
);
