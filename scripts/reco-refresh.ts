/**
 * npm run reco:refresh -- [--seed S] [--now ISO-DATE]
 *
 * Recomputes clusters, item neighbours and per-user recommendations from the events in the database
 * (DATABASE_URL, else the embedded PGlite) and replaces the stored results atomically. Progress and the
 * duration of every stage go to stderr; a one-line JSON summary goes to stdout.
 * Exit codes: 0 done, 1 failed, 2 bad arguments.
 */
import { parseArgs } from "node:util";
import { z } from "zod";

const USAGE = `Usage: npm run reco:refresh -- [--seed S] [--now ISO-DATE]

  --seed S        seed for k-means, LDA and the bandit (integer, default 42)
  --now DATE      reference time for decay, recency and trends (default: now)
  --help          show this help`;

const flagsSchema = z.strictObject({
  seed: z.coerce
    .number({ error: "--seed must be a number" })
    .int({ error: "--seed must be a whole number" })
    .min(0)
    .max(0xffffffff)
    .default(42),
  now: z
    .string()
    .refine((s) => Number.isFinite(Date.parse(s)), { error: "--now must be a date such as 2026-11-01T00:00:00Z" })
    .transform((s) => Date.parse(s))
    .optional(),
  help: z.boolean().default(false),
});

function parseFlags(argv: string[]): z.infer<typeof flagsSchema> {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      args: argv,
      options: { seed: { type: "string" }, now: { type: "string" }, help: { type: "boolean" } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const parsed = flagsSchema.safeParse(values);
  if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? "invalid arguments");
  return parsed.data;
}

class UsageError extends Error {}

const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  let flags: z.infer<typeof flagsSchema>;
  try {
    flags = parseFlags(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`reco:refresh: ${error.message}. Run with --help for usage.`);
    process.exit(2);
  }
  if (flags.help) {
    console.log(USAGE);
    return;
  }
  const [{ openAppDatabase }, { refreshRecommendations }] = await Promise.all([
    import("@/lib/seed/seed-if-empty"),
    import("@/lib/reco/refresh/refresh"),
  ]);
  const handle = await openAppDatabase();
  try {
    console.error(`reco:refresh on ${handle.driver}`);
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const summary = await refreshRecommendations(handle.db, {
      seed: flags.seed,
      now: flags.now,
      onStage: (s) => console.error(`[${s.stage.padEnd(15)}] ${secs(s.ms).padStart(9)}  ${s.detail ?? ""}`),
      onProgress: (m) => console.error(m),
    });
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    console.error(
      `done: generation ${summary.generation} in ${secs(summary.totalMs)}, peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB`,
    );
    console.log(
      JSON.stringify({
        generation: summary.generation,
        total_s: Math.round(summary.totalMs) / 1000,
        stages: Object.fromEntries(summary.stages.map((s) => [s.stage, Math.round(s.ms) / 1000])),
        counts: summary.counts,
        k: summary.clusters.k,
        strong_model: summary.strongModel,
        peak_rss_mib: Math.round(peak / 2 ** 20),
      }),
    );
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error("reco:refresh failed:", error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
