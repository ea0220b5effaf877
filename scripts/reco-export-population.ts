/**
 * npm run reco:export-population -- --users 3000 --events 60000 --seed 1 [--items N] --out DIR
 *
 * Writes the synthetic population of lib/seed/population.ts as files reco:eval reads, so the offline
 * evaluation (in particular `--split cross-domain`, issue 14 item 4) can run on the data whose
 * course/artwork affinities the generator plants:
 * - DIR/ratings.tsv: `user<TAB>item<TAB>weight<TAB>timestamp` with a header, one row per (user, item)
 *   that carries positive evidence: the summed event weight of lib/reco/interactions.ts (purchase 5,
 *   cart 2, a view by dwell; bounces count 0 and leave no row; capped per cell, no time decay) and the
 *   unix time in seconds of the pair's latest event;
 * - DIR/domains.tsv: `item<TAB>domain` with a header, domain = the product's kind (course, artwork,
 *   bundle), for every published product.
 * The population is generated into a throwaway database (in-memory PGlite, or a database created and
 * dropped on the DATABASE_URL server) with the demo catalogue and, with --items, synthetic products up
 * to that many (scripts/bench-reco-catalogue.ts), exactly as bench:reco does. Same flags, same files.
 * Exit codes: 0 done, 1 failed, 2 bad arguments.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { readFlags } from "./cli";

const USAGE =
  "usage: npm run reco:export-population -- --users N --events N [--seed 1] [--items N] --out DIR\n" +
  "  writes DIR/ratings.tsv (user, item, weight, unix seconds) and DIR/domains.tsv (item, course|artwork|bundle)";

const count = (name: string, max: number) =>
  z
    .string({ error: `--${name} N is required` })
    .refine((v) => Number.isFinite(Number(v)), `--${name} must be a number`)
    .transform(Number)
    .pipe(
      z
        .number()
        .int(`--${name} must be an integer`)
        .min(1, `--${name} must be at least 1`)
        .max(max, `--${name} must be at most ${max}`),
    );

const Flags = z.object({
  users: count("users", 1_000_000),
  events: count("events", 20_000_000),
  seed: z.coerce.number().int("--seed must be an integer").min(0).max(0xffffffff).default(1),
  items: count("items", 200_000).optional(),
  out: z.string({ error: "--out DIR is required" }).min(1, "--out DIR is required"),
});

async function main(): Promise<void> {
  const flags = readFlags(process.argv.slice(2), {
    script: "reco-export-population",
    usage: USAGE,
    schema: Flags,
    options: Object.fromEntries(["users", "events", "seed", "items", "out"].map((f) => [f, { type: "string" }])),
  });
  const log = (message: string) => process.stderr.write(`[reco-export-population] ${message}\n`);
  // Imported after the flags are read, so --help and bad flags answer without opening a database.
  const [{ freshDatabase }, { generatePopulation, SYNTHETIC_EMAIL_DOMAIN }, { addBenchProducts }, rows, drizzle, reco] =
    await Promise.all([
      import("../test/fresh-db"),
      import("@/lib/seed/population"),
      import("./bench-reco-catalogue"),
      import("@/db/rows"),
      import("drizzle-orm"),
      import("@/lib/reco/interactions"),
    ]);
  const { sql } = drizzle;
  const fresh = await freshDatabase({ seed: true });
  try {
    const started = performance.now();
    const added = flags.items ? await addBenchProducts(fresh.db, { total: flags.items, seed: flags.seed }) : 0;
    const population = await generatePopulation(fresh.db, {
      users: flags.users,
      events: flags.events,
      seed: flags.seed,
      concurrency: fresh.driver === "pg" ? 4 : 1,
    });
    log(
      `${fresh.driver}: ${added} synthetic products, ${population.events.total} events of ${flags.users} users in ${Math.round(performance.now() - started)} ms`,
    );

    const products = await rows.queryRows<{ id: string; kind: string }>(
      fresh.db,
      sql`select id, kind from product where status = 'published' order by id`,
    );
    const eventRows = await rows.queryRows<{ u: string; p: string; t: string; d: number | null; at: number | string }>(
      fresh.db,
      sql`select e.user_id as u, e.product_id as p, e.type as t, e.dwell_ms as d,
            extract(epoch from e.created_at)::float8 as at
          from event e join "user" usr on usr.id = e.user_id
          where usr.email like ${`%@${SYNTHETIC_EMAIL_DOMAIN}`} and e.product_id is not null
            and e.type in ('view', 'add_to_cart', 'purchase')
          order by e.user_id, e.product_id, e.created_at`,
    );
    const events: import("@/lib/reco/interactions").InteractionEvent[] = eventRows.map((r) =>
      r.t === "view"
        ? { type: "view", userId: r.u, itemId: r.p, dwellSeconds: (r.d ?? 0) / 1000 }
        : { type: r.t === "purchase" ? "purchase" : "add_to_cart", userId: r.u, itemId: r.p },
    );
    // The rows are ordered by time within a pair, so the last one seen is the pair's latest event.
    const latest = new Map<string, number>();
    for (const r of eventRows) latest.set(`${r.u}\t${r.p}`, Math.floor(Number(r.at)));
    const { matrix, userIds, itemIds } = reco.buildInteractionMatrix(events);

    const lines = ["user\titem\tweight\ttimestamp"];
    for (let u = 0; u < matrix.nRows; u++) {
      for (let q = matrix.indptr[u]!; q < matrix.indptr[u + 1]!; q++) {
        const user = userIds[u]!;
        const item = itemIds[matrix.indices[q]!]!;
        lines.push(`${user}\t${item}\t${matrix.data[q]!.toFixed(4)}\t${latest.get(`${user}\t${item}`)}`);
      }
    }
    mkdirSync(flags.out, { recursive: true });
    const ratingsPath = path.join(flags.out, "ratings.tsv");
    const domainsPath = path.join(flags.out, "domains.tsv");
    writeFileSync(ratingsPath, `${lines.join("\n")}\n`);
    writeFileSync(domainsPath, `item\tdomain\n${products.map((p) => `${p.id}\t${p.kind}`).join("\n")}\n`);
    const kinds: Record<string, number> = {};
    for (const p of products) kinds[p.kind] = (kinds[p.kind] ?? 0) + 1;
    process.stdout.write(
      `${JSON.stringify({
        ratings: ratingsPath,
        domains: domainsPath,
        users: flags.users,
        events: population.events.total,
        item_events: eventRows.length,
        rows: lines.length - 1,
        users_with_rows: userIds.length,
        items_with_rows: itemIds.length,
        products_by_kind: kinds,
        seed: flags.seed,
      })}\n`,
    );
  } finally {
    await fresh.dispose();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `reco-export-population failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
