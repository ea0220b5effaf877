/**
 * Checkout benchmark: orders per second and p50/p99 latency of placeOrder at several concurrency levels.
 *   npm run bench:checkout -- [--orders 300] [--concurrency 1,10,50] [--artworks 20] [--lines 1]
 *                             [--payment-latency-ms 0] [--pglite-dir DIR] [--keep]
 * Runs against DATABASE_URL when set; otherwise against an in-memory PGlite (never the app's own
 * .data/pglite, which a dev server may hold open), or --pglite-dir. It creates its own creator, buyers
 * and artworks (tagged, editions large enough never to sell out) and deletes them afterwards unless
 * --keep. Each order buys `--lines` different artworks picked at random from `--artworks`, one piece
 * each, from a buyer picked at random; fewer artworks means more buyers queue on the same row locks.
 * Prints a table, then one JSON line (the last line of stdout). Exit codes: 0 ok, 1 failed, 2 bad flags.
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { z } from "zod";
import { openDatabase, useDatabase as pointAppAtDatabase } from "../db/client";
import { placeOrder, type PlaceOrderResult } from "../lib/commerce/checkout";
import {
  createArtwork,
  createCreator,
  createUsers,
  fixtureTag,
  removeFixtures,
  tolerateTeardown,
} from "../lib/commerce/fixtures";
import type { PaymentProvider } from "../lib/commerce/payments";
import { SimulatedPaymentProvider } from "../lib/commerce/providers/simulated";
import { env } from "../lib/env";
import { createRng } from "../lib/random";
import { readFlags } from "./cli";
import { percentile } from "./percentile";

const USAGE =
  "usage: tsx scripts/bench-checkout.ts [--orders N] [--concurrency 1,10,50] [--artworks N] [--lines N] [--payment-latency-ms N] [--pglite-dir DIR] [--keep]";

const Flags = z
  .object({
    orders: z.coerce.number().int().min(1).max(100_000).default(300),
    concurrency: z
      .string()
      .default("1,10,50")
      .transform((s) => s.split(",").map((x) => Number(x.trim())))
      .pipe(z.array(z.number().int().min(1).max(500)).min(1).max(10)),
    artworks: z.coerce.number().int().min(1).max(10_000).default(20),
    lines: z.coerce.number().int().min(1).max(10).default(1),
    "payment-latency-ms": z.coerce.number().int().min(0).max(10_000).default(0),
    "pglite-dir": z.string().min(1).optional(),
    keep: z.boolean().default(false),
  })
  .refine((f) => f.lines <= f.artworks, { message: "--lines cannot exceed --artworks" });

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

async function main() {
  const flags = readFlags(process.argv.slice(2), {
    script: "bench-checkout",
    usage: USAGE,
    schema: Flags,
    options: {
      orders: { type: "string" },
      concurrency: { type: "string" },
      artworks: { type: "string" },
      lines: { type: "string" },
      "payment-latency-ms": { type: "string" },
      "pglite-dir": { type: "string" },
      keep: { type: "boolean" },
    },
  });
  const target = env.DATABASE_URL
    ? "postgresql"
    : flags["pglite-dir"]
      ? `pglite:${flags["pglite-dir"]}`
      : "pglite:memory";
  const handle = await openDatabase(
    env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: flags["pglite-dir"] ?? null },
  );
  pointAppAtDatabase(handle);
  const db = handle.db;
  tolerateTeardown(db);
  const tag = fixtureTag();
  // placeOrder creates the payment after its transaction commits; the latency stands for that round trip.
  const sim = new SimulatedPaymentProvider({ secret: "bench-only-never-verified", webhookUrl: "http://127.0.0.1:9/" });
  const latencyMs = flags["payment-latency-ms"];
  const provider: PaymentProvider = {
    name: sim.name,
    createPayment: async (request) => {
      if (latencyMs) await new Promise((resolve) => setTimeout(resolve, latencyMs));
      return sim.createPayment(request);
    },
    cancelPayment: (id) => sim.cancelPayment(id),
    verifyWebhook: (body, headers) => sim.verifyWebhook(body, headers),
  };
  const rng = createRng(42);
  const totalOrders = flags.orders * (flags.concurrency.length + 1);
  const edition = Math.max(10, Math.ceil((totalOrders * flags.lines) / flags.artworks) * 3);

  process.stderr.write(
    `bench-checkout: ${target}, creating ${flags.artworks} artworks (editions of ${edition}) and 200 buyers tagged ${tag}\n`,
  );
  const results: {
    concurrency: number;
    orders: number;
    ok: number;
    failures: Record<string, number>;
    ordersPerSecond: number;
    p50Ms: number;
    p99Ms: number;
    wallS: number;
  }[] = [];
  try {
    const { creatorId } = await createCreator(db, tag);
    const artworks: string[] = [];
    for (let i = 0; i < flags.artworks; i++)
      artworks.push(await createArtwork(db, tag, { creatorId, editionSize: edition, priceAmount: 10_000 + i * 100 }));
    const buyers = await createUsers(db, tag, 200);

    const pick = <T>(items: T[]): T => items[rng.int(items.length)] as T;
    const oneOrder = async (): Promise<{ ms: number; result: PlaceOrderResult }> => {
      const chosen = new Set<string>();
      while (chosen.size < flags.lines) chosen.add(pick(artworks));
      const started = performance.now();
      const result = await placeOrder(
        {
          userId: pick(buyers),
          lines: [...chosen].map((productId) => ({ productId, quantity: 1 })),
          idempotencyKey: `bench-${randomUUID()}`,
        },
        { provider },
      );
      return { ms: performance.now() - started, result };
    };

    const run = async (concurrency: number, orders: number) => {
      const latencies: number[] = [];
      const failures: Record<string, number> = {};
      let next = 0;
      let ok = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < orders) {
            next++;
            const { ms, result } = await oneOrder();
            latencies.push(ms);
            if (result.ok) ok++;
            else failures[result.code] = (failures[result.code] ?? 0) + 1;
          }
        }),
      );
      const wallS = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      return {
        concurrency,
        orders,
        ok,
        failures,
        ordersPerSecond: round(ok / wallS),
        p50Ms: round(percentile(latencies, 50), 2),
        p99Ms: round(percentile(latencies, 99), 2),
        wallS: round(wallS, 2),
      };
    };

    await run(Math.min(10, Math.max(...flags.concurrency)), Math.min(flags.orders, 100)); // warm-up: pool, plans, JIT
    for (const c of flags.concurrency) {
      const r = await run(c, flags.orders);
      results.push(r);
      process.stderr.write(`  concurrency ${c}: ${r.ok}/${r.orders} ok in ${r.wallS}s\n`);
    }
  } finally {
    if (!flags.keep) await removeFixtures(db, tag);
    await handle.close();
  }

  process.stdout.write(
    `\nplaceOrder on ${target}, ${flags.lines} artwork line(s) per order, ${flags.artworks} artworks, payment latency ${flags["payment-latency-ms"]} ms\n`,
  );
  process.stdout.write("concurrency   orders   ok   orders/s   p50 ms   p99 ms\n");
  for (const r of results) {
    process.stdout.write(
      `${String(r.concurrency).padStart(11)} ${String(r.orders).padStart(8)} ${String(r.ok).padStart(4)} ${String(r.ordersPerSecond).padStart(10)} ${String(r.p50Ms).padStart(8)} ${String(r.p99Ms).padStart(8)}\n`,
    );
  }
  process.stdout.write(`${JSON.stringify({ target, flags: { ...flags, "pglite-dir": undefined }, results })}\n`);
  if (results.some((r) => r.ok === 0)) process.exit(1);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench-checkout: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
