/**
 * bench:reco's incremental part: how long after a behaviour event one user's lists are rewritten by the
 * per-user path (lib/reco/refresh/user.ts), i.e. what the `reco-user` job of the worker does, minus the
 * queue's own pick-up delay (pg-boss polls that queue every second; see lib/jobs/worker.ts).
 *
 * For each sampled user: read their "for you" list (not timed), record a "not interested" on its first
 * item or a purchase event of it (alternately), then call recomputeUserLists exactly as the job does.
 * The latency is record + rescore; the rescore alone is reported too. A user whose rewritten lists still
 * hold the item counts as stale (it should never happen: the item is masked as owned or dismissed).
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";
import { dismissRecommendation, getRecommendations } from "@/lib/reco/read";
import { recomputeUserLists } from "@/lib/reco/refresh/user";
import { recordServerEvent } from "@/lib/tracking/record";
import { percentile } from "./percentile";

export type LiveUpdateReport = {
  users: number;
  /** Users whose recomputation wrote no rows (no evidence the stored neighbours could use). */
  empty: number;
  /** Users whose rewritten rows still held the item they bought or dismissed. */
  stale: number;
  /** Record the event + rescore and rewrite the lists, milliseconds. */
  latencyMs: { p50: number; p99: number; max: number };
  /** recomputeUserLists alone, milliseconds. */
  rescoreMs: { p50: number; p99: number };
};

const round2 = (n: number) => Math.round(n * 100) / 100;

export async function benchLiveUpdates(
  db: Db,
  options: { userIds: string[]; warmup?: number },
): Promise<LiveUpdateReport> {
  const latency: number[] = [];
  const rescore: number[] = [];
  let empty = 0;
  let stale = 0;
  const warmup = options.warmup ?? 5;
  for (let n = 0; n < options.userIds.length + warmup; n++) {
    const userId = options.userIds[n % options.userIds.length]!;
    const list = await getRecommendations(db, { userId, slot: "for_you", limit: 8 });
    const item = list.items[0];
    if (!item) continue;
    const t0 = performance.now();
    // Both are what the app records: the dismissal route's call, and checkout's purchase event.
    if (n % 2 === 0) await dismissRecommendation(db, { userId, productId: item.id });
    else await recordServerEvent(db, { type: "purchase", userId, productId: item.id, value: item.priceAmount });
    const t1 = performance.now();
    const update = await recomputeUserLists(db, userId);
    const t2 = performance.now();
    if (n < warmup) continue;
    latency.push(t2 - t0);
    rescore.push(t2 - t1);
    if (!update || update.rows === 0) empty++;
    const [left] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from recommendation r
        where r.generation = (select generation from reco_state where id = 1)
          and r.user_id = ${userId} and r.product_id = ${item.id}`,
    );
    if ((left?.n ?? 0) > 0) stale++;
  }
  latency.sort((a, b) => a - b);
  rescore.sort((a, b) => a - b);
  return {
    users: latency.length,
    empty,
    stale,
    latencyMs: {
      p50: round2(percentile(latency, 50)),
      p99: round2(percentile(latency, 99)),
      max: round2(latency.at(-1) ?? 0),
    },
    rescoreMs: { p50: round2(percentile(rescore, 50)), p99: round2(percentile(rescore, 99)) },
  };
}
