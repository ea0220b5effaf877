/**
 * npm run db:seed -- [--users N] [--events N] [--seed S] | [--demo-population]
 *
 * Seeds the demo catalogue and accounts (idempotent), then, when asked, a synthetic population for
 * recommendation benchmarks (see lib/seed/population.ts for what re-running does). Uses DATABASE_URL when
 * set, otherwise the embedded PGlite under PGLITE_DIR. Exit codes: 0 done, 1 failed, 2 bad arguments.
 */
import { z } from "zod";
import { DEMO_POPULATION, demoPopulationEnd } from "@/lib/seed/demo-population";
import { POPULATION_LIMITS } from "@/lib/seed/population";

const USAGE = `Usage: npm run db:seed -- [--users N] [--events N] [--seed S] | [--demo-population]

  --users N    synthetic consumers to generate (0..${POPULATION_LIMITS.users.toLocaleString("en-US")}, default 0)
  --events N   behaviour events spread over them (0..${POPULATION_LIMITS.events.toLocaleString("en-US")}, default 0)
  --seed S     generator seed, an integer (0..4294967295, default 1); same seed, same population
  --demo-population
               the demo customers a new embedded database gets at first start (${DEMO_POPULATION.users.toLocaleString("en-US")} users,
               ${DEMO_POPULATION.events.toLocaleString("en-US")} events, seed ${DEMO_POPULATION.seed}, ending today); not with --users/--events/--seed
  --help       show this help

Seeds the demo catalogue first (idempotent). Database: DATABASE_URL, else embedded PGlite (PGLITE_DIR).`;

const count = (flag: string, max: number) =>
  z.coerce
    .number({ error: `${flag} must be a number` })
    .int({ error: `${flag} must be a whole number` })
    .min(0, { error: `${flag} must be 0 or more` })
    .max(max, { error: `${flag} must be at most ${max.toLocaleString("en-US")}` })
    .default(0);

const flagsSchema = z
  .strictObject({
    users: count("--users", POPULATION_LIMITS.users),
    events: count("--events", POPULATION_LIMITS.events),
    seed: z.coerce
      .number({ error: "--seed must be a number" })
      .int({ error: "--seed must be a whole number" })
      .min(0, { error: "--seed must be 0 or more" })
      .max(0xffffffff, { error: "--seed must be at most 4294967295" })
      .default(1),
    help: z.boolean().default(false),
    demoPopulation: z.boolean().default(false),
  })
  .refine((f) => !f.demoPopulation || (f.users === 0 && f.events === 0 && f.seed === 1), {
    error: "--demo-population sets users, events and seed itself",
  })
  .refine((f) => f.events === 0 || f.users > 0, { error: "--events needs --users: events belong to synthetic users" });

type Flags = z.infer<typeof flagsSchema>;

class UsageError extends Error {}

/** `--name value`, `--name=value` and the bare `--help`; anything else is a usage error. */
function parseFlags(argv: string[]): Flags {
  const raw: Record<string, string | boolean> = {};
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k] as string;
    const match = /^--([a-z][a-z-]*)(?:=(.*))?$/.exec(arg);
    if (!match) throw new UsageError(`unexpected argument "${arg}"`);
    const name = match[1] as string;
    if (name === "help" || name === "demo-population") {
      raw[name === "help" ? "help" : "demoPopulation"] = true;
      continue;
    }
    if (!["users", "events", "seed"].includes(name)) throw new UsageError(`unknown flag --${name}`);
    if (name in raw) throw new UsageError(`--${name} given twice`);
    let value = match[2];
    if (value === undefined) {
      const next = argv[k + 1];
      if (next === undefined || next.startsWith("--")) throw new UsageError(`--${name} needs a value`);
      value = next;
      k++;
    }
    if (value.trim() === "") throw new UsageError(`--${name} needs a value`);
    raw[name] = value;
  }
  const parsed = flagsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path[0];
    const given = typeof field === "string" && typeof raw[field] === "string" ? ` (got "${raw[field]}")` : "";
    throw new UsageError(`${issue?.message ?? "invalid arguments"}${given}`);
  }
  return parsed.data;
}

const fmt = (n: number) => n.toLocaleString("en-US");

/** Where the data lives, without a password. */
function describeTarget(url: string | undefined, pgliteDir: string): string {
  if (!url) return `embedded PGlite at ${pgliteDir}`;
  try {
    const u = new URL(url);
    return `PostgreSQL at ${u.hostname}:${u.port || "5432"}${u.pathname}`;
  } catch {
    return "PostgreSQL";
  }
}

async function main(): Promise<void> {
  let flags: Flags;
  try {
    flags = parseFlags(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`db:seed: ${error.message}. Run with --help for usage.`);
    process.exit(2);
  }
  if (flags.help) {
    console.log(USAGE);
    return;
  }

  // Imported only after the flags are valid: opening the database reads the environment.
  const [{ getDbHandle }, { env }, { seedCatalogue, DEMO_ACCOUNTS, DEMO_PASSWORD }, { generatePopulation }] =
    await Promise.all([
      import("@/db/client"),
      import("@/lib/env"),
      import("@/lib/seed/seed"),
      import("@/lib/seed/population"),
    ]);

  const handle = await getDbHandle();
  try {
    console.log(`db:seed: ${handle.driver}, ${describeTarget(env.DATABASE_URL, env.PGLITE_DIR)}`);
    const counts = await seedCatalogue(handle.db);
    console.log(
      `catalogue: ${counts.courses} courses (${counts.lessons} lessons), ${counts.artworks} artworks, ${counts.creators} creators, ${counts.tags} tags`,
    );
    console.log(`demo accounts (password "${DEMO_PASSWORD}"):`);
    for (const account of DEMO_ACCOUNTS) console.log(`  ${account.role.padEnd(9)} ${account.email}`);

    const population = flags.demoPopulation
      ? { ...DEMO_POPULATION, now: demoPopulationEnd() }
      : { users: flags.users, events: flags.events, seed: flags.seed };
    if (population.users === 0 && population.events === 0) return;

    console.log(
      `population: ${fmt(population.users)} users, ${fmt(population.events)} events, seed ${population.seed}`,
    );
    let nextReport = { users: 0.05, events: 0.05 };
    const summary = await generatePopulation(handle.db, {
      ...population,
      // node-postgres has a pool: keep a few chunks in flight so generating and writing overlap.
      concurrency: handle.driver === "pg" ? 4 : 1,
      onProgress: (p) => {
        const share = p.total === 0 ? 1 : p.done / p.total;
        if (share < nextReport[p.phase] && p.done < p.total) return;
        nextReport = { ...nextReport, [p.phase]: Math.floor(share * 20 + 1) / 20 };
        const rate = p.elapsedMs > 0 ? Math.round((p.written * 1000) / p.elapsedMs) : 0;
        console.error(
          `  ${p.phase.padEnd(6)} ${fmt(p.done).padStart(12)} / ${fmt(p.total)} (${Math.round(share * 100)}%)  written ${fmt(p.written)}, ${fmt(rate)} rows/s`,
        );
      },
    });

    const t = summary.events.byType;
    const views = t.view ?? 0;
    const rate = (n: number | undefined) => (views > 0 ? `${(((n ?? 0) / views) * 100).toFixed(2)}% of views` : "-");
    console.log(`population ${summary.fingerprint} ready in ${(summary.elapsedMs / 1000).toFixed(1)} s`);
    console.log(
      `  users:  ${fmt(summary.users.total)} (${fmt(summary.users.inserted)} inserted, ${fmt(summary.users.removed)} removed)`,
    );
    console.log(
      `  events: ${fmt(summary.events.total)} (${fmt(summary.events.written)} written, ${fmt(summary.events.kept)} already present)`,
    );
    console.log(
      `    view ${fmt(views)}, add_to_cart ${fmt(t.add_to_cart ?? 0)} (${rate(t.add_to_cart)}), purchase ${fmt(t.purchase ?? 0)} (${rate(t.purchase)}), follow ${fmt(t.follow ?? 0)}`,
    );
    console.log(`  follows: ${fmt(summary.follows)}`);
    console.log(
      `  personas: ${Object.entries(summary.personas)
        .map(([slug, n]) => `${slug} ${fmt(n)}`)
        .join(", ")}`,
    );
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error("db:seed failed:", error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
