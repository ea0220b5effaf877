/**
 * npm run bench:reco -- [--sizes 10000:200000,50000:1000000] [--items 10000] [--reads 1000] [--updates 200] [--seed 1]
 *
 * Issue 14's scale figures (item 7), at the sizes it names:
 *   npm run bench:reco -- --sizes 10000:200000,50000:1000000,250000:5000000
 * The default stops at 50k users; the 250k / 5M-event size takes much longer (mostly generating its
 * data, which is not timed), so ask for it with --sizes. Use DATABASE_URL (a PostgreSQL server) for
 * it: on in-memory PGlite the database itself lives in this process and counts to the peak RSS.
 *
 * Benchmarks the recommendation refresh on synthetic data it generates itself:
 * 1. k-means on 100,000 x 16 points, k = 8, one restart (clustered blobs and structureless noise);
 * 2. for every size users:events, a throwaway database (a fresh database on the DATABASE_URL server, or
 *    in-memory PGlite without it) with the demo catalogue, synthetic products up to --items, and the
 *    persona-driven population of lib/seed/population.ts; then one full refresh, written to the
 *    database, with per-stage timings (whatever stages the refresh reports) and the peak RSS (sampled
 *    every 10 ms), events per second, the p50/p99 latency of reading one user's recommendations and one
 *    product's neighbours, and the p50/p99 latency of the per-user update: a dismissal or purchase
 *    recorded, then that user's lists rescored and rewritten by the worker's `reco-user` job function
 *    (scripts/bench-reco-live.ts).
 * Ends with a table of the figures beside issue 14's targets (printed, not asserted) and one JSON line.
 * Generating the data is not part of the timed refresh. Exit codes: 0 done, 1 failed, 2 bad arguments.
 */
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { z } from "zod";
import { percentile } from "./percentile";
import type { SizeResult } from "./bench-reco-report";

const USAGE = `Usage: npm run bench:reco -- [--sizes U:E,...] [--items N] [--reads N] [--updates N] [--seed S]

  --sizes    users:events pairs to benchmark (default 10000:200000,50000:1000000;
             issue 14's full run: 10000:200000,50000:1000000,250000:5000000)
  --items    catalogue size; synthetic products are added up to it (default 10000)
  --reads    reads timed per size for the latency percentiles (default 1000)
  --updates  users whose per-user update is timed per size (default 200)
  --seed     population seed (default 1)

Uses a throwaway database on the DATABASE_URL server (dropped afterwards), else in-memory PGlite.`;

class UsageError extends Error {}

const flagsSchema = z.object({
  sizes: z
    .string()
    .default("10000:200000,50000:1000000")
    .transform((s, ctx) => {
      const out: { users: number; events: number }[] = [];
      for (const part of s.split(",")) {
        const m = /^(\d+):(\d+)$/.exec(part.trim());
        if (!m || Number(m[1]) < 1) {
          ctx.addIssue({ code: "custom", message: `--sizes entry "${part}" must be users:events, e.g. 10000:200000` });
          return z.NEVER;
        }
        out.push({ users: Number(m[1]), events: Number(m[2]) });
      }
      return out;
    }),
  items: z.coerce.number().int().min(1).max(200_000).default(10_000),
  reads: z.coerce.number().int().min(10).max(100_000).default(1000),
  updates: z.coerce.number().int().min(1).max(10_000).default(200),
  seed: z.coerce.number().int().min(0).max(0xffffffff).default(1),
});

function parseFlags(argv: string[]) {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      args: argv,
      options: {
        sizes: { type: "string" },
        items: { type: "string" },
        reads: { type: "string" },
        updates: { type: "string" },
        seed: { type: "string" },
        help: { type: "boolean" },
      },
      strict: true,
    }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return null;
  const parsed = flagsSchema.safeParse(values);
  if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? "invalid arguments");
  return parsed.data;
}

const fmt = (n: number) => n.toLocaleString("en-US");
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;

async function benchKmeans(): Promise<{ clusteredMs: number; noiseMs: number; iterations: [number, number] }> {
  const { kmeans } = await import("@/lib/reco/kmeans");
  const { createRng } = await import("@/lib/random");
  const n = 100_000;
  const d = 16;
  const rng = createRng(7);
  const centers = Array.from({ length: 8 }, () => Array.from({ length: d }, () => rng.normal() * 5));
  const blobs = new Float64Array(n * d);
  const noise = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const c = centers[i % 8]!;
    for (let f = 0; f < d; f++) {
      blobs[i * d + f] = c[f]! + rng.normal();
      noise[i * d + f] = rng.next();
    }
  }
  // Warm the JIT on a small problem so the timing is of the algorithm, not of compilation.
  kmeans({ nRows: 2000, nCols: d, data: blobs.subarray(0, 2000 * d) }, 8, { nInit: 1, seed: 1 });
  let t = performance.now();
  const a = kmeans({ nRows: n, nCols: d, data: blobs }, 8, { nInit: 1, seed: 1 });
  const clusteredMs = performance.now() - t;
  t = performance.now();
  const b = kmeans({ nRows: n, nCols: d, data: noise }, 8, { nInit: 1, seed: 1 });
  return { clusteredMs, noiseMs: performance.now() - t, iterations: [a.iterations, b.iterations] };
}

async function main(): Promise<void> {
  let flags: ReturnType<typeof parseFlags>;
  try {
    flags = parseFlags(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`bench:reco: ${error.message}. Run with --help for usage.`);
    process.exit(2);
  }
  if (flags === null) {
    console.log(USAGE);
    return;
  }
  const [
    { freshDatabase },
    { generatePopulation, syntheticUserId, DEFAULT_POPULATION_NOW },
    { refreshRecommendations },
    read,
    { addBenchProducts },
    { sql },
    { queryRows },
    { benchLiveUpdates },
    { summaryTable, TARGETS, verdict },
  ] = await Promise.all([
    import("../test/fresh-db"),
    import("@/lib/seed/population"),
    import("@/lib/reco/refresh/refresh"),
    import("@/lib/reco/read"),
    import("./bench-reco-catalogue"),
    import("drizzle-orm"),
    import("@/db/rows"),
    import("./bench-reco-live"),
    import("./bench-reco-report"),
  ]);
  console.log(
    `${availableParallelism()} cores available (issue 14's refresh target is for 2), Node ${process.version}, database: ${process.env.DATABASE_URL ? "PostgreSQL server (DATABASE_URL)" : "in-memory PGlite, in this process"}`,
  );

  const { sizeLimits } = await import("@/lib/reco/refresh/models");
  console.log(
    `what the refresh runs at which size:\n${sizeLimits()
      .map((l) => `  - ${l}`)
      .join("\n")}`,
  );

  const km = await benchKmeans();
  console.log(
    `k-means 100,000 x 16, k = 8, nInit 1: clustered blobs ${secs(km.clusteredMs)} (${km.iterations[0]} iterations), uniform noise ${secs(km.noiseMs)} (${km.iterations[1]} iterations)`,
  );

  const results: (SizeResult & Record<string, unknown>)[] = [];
  for (const size of flags.sizes) {
    const fresh = await freshDatabase({ seed: true });
    try {
      console.log(
        `\n== ${fmt(size.users)} users, ${fmt(size.events)} events, ${fmt(flags.items)} items (${fresh.driver})`,
      );
      let t = performance.now();
      const added = await addBenchProducts(fresh.db, { total: flags.items, seed: flags.seed });
      const population = await generatePopulation(fresh.db, {
        users: size.users,
        events: size.events,
        seed: flags.seed,
        concurrency: fresh.driver === "pg" ? 4 : 1,
      });
      await fresh.db.execute(sql`analyze`);
      console.log(
        `  data: ${fmt(added)} synthetic products, ${fmt(population.events.total)} events, ${fmt(population.follows)} follows in ${secs(performance.now() - t)} (not timed below)`,
      );

      const baseline = process.memoryUsage().rss;
      let peak = baseline;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
      t = performance.now();
      const summary = await refreshRecommendations(fresh.db, {
        now: DEFAULT_POPULATION_NOW.getTime(),
        onStage: (s) => console.log(`  [${s.stage.padEnd(15)}] ${secs(s.ms).padStart(8)}  ${s.detail ?? ""}`),
      });
      const refreshMs = performance.now() - t;
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().rss);
      const eventsPerSecond = size.events / (refreshMs / 1000);
      console.log(
        `  refresh total ${secs(refreshMs)}, ${fmt(Math.round(eventsPerSecond))} events/s, peak RSS ${mib(peak)} (before: ${mib(baseline)})`,
      );
      console.log(
        `  models at this size: strong model ${summary.strongModel}, user-kNN ${summary.userKnn ? "on" : "skipped"}${summary.unweighted.length > 0 ? `, not fitted (no weight in the learned blend): ${summary.unweighted.join(", ")}` : ""}; tuned in ${secs(summary.tuning.ms)} (budget ${secs(summary.tuning.budgetMs)}), for_you weights ${JSON.stringify(summary.tuning.weights.for_you ?? "prior")}`,
      );

      // Reads: random synthetic users (some with long lists, some cold), and product neighbour strips.
      const userTimes: number[] = [];
      const itemTimes: number[] = [];
      let x = flags.seed * 2654435761;
      const rand = (n: number) => {
        x = (x * 1103515245 + 12345) >>> 0;
        return x % n;
      };
      const productIds = await queryRows<{ id: string }>(
        fresh.db,
        sql`select id from product where status = 'published' order by id`,
      );
      for (let k = 0; k < 20; k++)
        await read.getRecommendations(fresh.db, {
          userId: syntheticUserId(rand(size.users)),
          slot: "for_you",
          limit: 12,
        });
      let empty = 0;
      for (let k = 0; k < flags.reads; k++) {
        const s = performance.now();
        const list = await read.getRecommendations(fresh.db, {
          userId: syntheticUserId(rand(size.users)),
          slot: "for_you",
          limit: 12,
        });
        userTimes.push(performance.now() - s);
        if (list.items.length === 0) empty++;
        const p = productIds[rand(productIds.length)]!.id;
        const s2 = performance.now();
        await read.getItemNeighbours(fresh.db, { productId: p, relation: k % 2 === 0 ? "similar" : "cross", limit: 8 });
        itemTimes.push(performance.now() - s2);
      }
      userTimes.sort((a, b) => a - b);
      itemTimes.sort((a, b) => a - b);
      console.log(
        `  read one user's recommendations: p50 ${percentile(userTimes, 50).toFixed(2)} ms, p99 ${percentile(userTimes, 99).toFixed(2)} ms (${flags.reads} reads, ${empty} empty); product neighbours: p50 ${percentile(itemTimes, 50).toFixed(2)} ms, p99 ${percentile(itemTimes, 99).toFixed(2)} ms`,
      );
      // The per-user update, on distinct random users (some with long histories, some nearly cold).
      const sampled = new Set<string>();
      while (sampled.size < Math.min(flags.updates, size.users)) sampled.add(syntheticUserId(rand(size.users)));
      const live = await benchLiveUpdates(fresh.db, { userIds: [...sampled] });
      console.log(
        `  per-user update (record a dismissal or purchase, rescore, rewrite the lists): p50 ${live.latencyMs.p50} ms, p99 ${live.latencyMs.p99} ms, max ${live.latencyMs.max} ms; rescore alone p50 ${live.rescoreMs.p50} ms, p99 ${live.rescoreMs.p99} ms (${live.users} users, ${live.empty} without rows, ${live.stale} still listing the item)`,
      );
      const stagesS = Object.fromEntries(summary.stages.map((s) => [s.stage, Math.round(s.ms) / 1000]));
      const slowest = summary.stages.reduce((a, b) => (b.ms > a.ms ? b : a), summary.stages[0]!);
      console.log(`  slowest stage: ${slowest.stage} (${Math.round((100 * slowest.ms) / refreshMs)} % of the refresh)`);
      results.push({
        users: size.users,
        events: size.events,
        items: flags.items,
        driver: fresh.driver,
        refresh_s: Math.round(refreshMs) / 1000,
        stages_s: stagesS,
        slowest_stage: slowest.stage,
        events_per_s: Math.round(eventsPerSecond),
        peak_rss_mib: Math.round(peak / 2 ** 20),
        read_user_ms: { p50: +percentile(userTimes, 50).toFixed(2), p99: +percentile(userTimes, 99).toFixed(2) },
        read_item_ms: { p50: +percentile(itemTimes, 50).toFixed(2), p99: +percentile(itemTimes, 99).toFixed(2) },
        update_ms: { ...live.latencyMs, users: live.users },
        update_rescore_ms: live.rescoreMs,
        update_stale: live.stale,
        counts: summary.counts,
        k: summary.clusters.k,
        strong_model: summary.strongModel,
        unweighted: summary.unweighted,
        user_knn: summary.userKnn,
      });
    } finally {
      await fresh.dispose();
    }
  }
  console.log(`\n${summaryTable(results).join("\n")}`);
  const targets = Object.fromEntries(
    Object.entries(TARGETS).map(([name, t]) => [
      name,
      { target: t.label, by_size: results.map((r) => verdict(name as keyof typeof TARGETS, r)) },
    ]),
  );
  console.log(
    `\n${JSON.stringify({ cores: availableParallelism(), kmeans_100k_16_k8_s: { clustered: Math.round(km.clusteredMs) / 1000, noise: Math.round(km.noiseMs) / 1000 }, sizes: results, targets })}`,
  );
}

main().catch((error: unknown) => {
  console.error("bench:reco failed:", error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
