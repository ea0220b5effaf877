/**
 * Atomic replacement of the stored results. Everything of a refresh is written under a NEW generation
 * number in one transaction that ends by pointing reco_state at it; readers always select through
 * reco_state (one statement), so they see the old generation until the commit and the new one after,
 * never a mix. Older generations are deleted afterwards, in a second transaction: a reader statement
 * still running on the old generation keeps its snapshot (MVCC), so nothing disappears under it.
 * Two refreshes at once queue on a transaction-level advisory lock instead of interleaving.
 */
import { sql } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { bulkInsert, queryRows } from "@/db/rows";
import type { NeighbourRows } from "./item-neighbours";
import type { RecoRows } from "./recommend";

export const RECO_STATE_ID = 1;
export const LOCK_KEY = 0x7265636f; // "reco"

export type GenerationInput = {
  clusters: { clusterId: number; size: number; profile: Record<string, unknown> }[];
  userClusters: { userId: string[]; clusterId: number[] };
  neighbours: NeighbourRows;
  recommendations: RecoRows;
  stats: Record<string, unknown>;
  refreshedAt: Date;
};

export type WriteTimings = { insertMs: number; cleanupMs: number; rows: Record<string, number> };

/** Appends recommendation rows to generation `g` (the reason assembled into jsonb here). */
export async function insertRecommendationRows(tx: Executor, g: number, r: RecoRows): Promise<number> {
  return bulkInsert(tx, {
    table: "recommendation",
    columns: ["generation", "user_id", "slot", "rank", "product_id", "score", "reason"],
    inputs: [
      { type: "text", values: r.userKey },
      { type: "text", values: r.slot },
      { type: "smallint", values: r.rank },
      { type: "text", values: r.productId },
      { type: "real", values: r.score },
      { type: "text", values: r.source },
      { type: "text", values: r.kind },
      { type: "text", values: r.reasonItem },
      { type: "text", values: r.relation },
      { type: "text", values: r.tag },
      { type: "text", values: r.creator },
    ],
    select: `${Math.trunc(g)}::int, c0, c1, c2, c3, c4, jsonb_strip_nulls(jsonb_build_object('source', c5, 'kind', c6, 'itemId', c7, 'rel', c8, 'tag', c9, 'creatorId', c10))`,
  });
}

export async function writeGeneration(
  db: Db,
  input: GenerationInput,
  onStep?: (step: string, ms: number) => void,
): Promise<{ generation: number } & WriteTimings> {
  const started = performance.now();
  let last = started;
  const step = (name: string) => {
    const now = performance.now();
    onStep?.(name, now - last);
    last = now;
  };
  const rows: Record<string, number> = {};
  const generation = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEY})`);
    const [state] = await queryRows<{ g: number | null }>(tx, sql`select max(generation) as g from reco_state`);
    const g = (state?.g ?? 0) + 1;
    // A crashed refresh cannot leave rows behind (its transaction rolled back), but a generation number
    // must never be shared, so clear it defensively.
    for (const table of ["recommendation", "item_neighbor", "user_cluster", "cluster"]) {
      await tx.execute(sql`delete from ${sql.raw(`"${table}"`)} where generation = ${g}`);
    }
    const gen = `${g}::int`;
    rows.cluster = await bulkInsert(tx, {
      table: "cluster",
      columns: ["generation", "cluster_id", "size", "profile"],
      inputs: [
        { type: "int", values: input.clusters.map((c) => c.clusterId) },
        { type: "int", values: input.clusters.map((c) => c.size) },
        { type: "text", values: input.clusters.map((c) => JSON.stringify(c.profile)) },
      ],
      select: `${gen}, c0, c1, c2::jsonb`,
    });
    rows.user_cluster = await bulkInsert(tx, {
      table: "user_cluster",
      columns: ["generation", "user_id", "cluster_id"],
      inputs: [
        { type: "text", values: input.userClusters.userId },
        { type: "int", values: input.userClusters.clusterId },
      ],
      select: `${gen}, c0, c1`,
    });
    step("write clusters");
    const nb = input.neighbours;
    rows.item_neighbor = await bulkInsert(tx, {
      table: "item_neighbor",
      columns: ["generation", "product_id", "neighbor_id", "score", "source"],
      inputs: [
        { type: "text", values: nb.productId },
        { type: "text", values: nb.neighborId },
        { type: "real", values: nb.score },
        { type: "text", values: nb.source },
      ],
      select: `${gen}, c0, c1, c2, c3`,
    });
    step("write item neighbours");
    rows.recommendation = await insertRecommendationRows(tx, g, input.recommendations);
    step("write recommendations");
    const stats = JSON.stringify({ ...input.stats, rows });
    await tx.execute(sql`insert into reco_state (id, generation, refreshed_at, stats)
      values (${RECO_STATE_ID}, ${g}, ${input.refreshedAt.toISOString()}::timestamptz, ${stats}::jsonb)
      on conflict (id) do update set generation = excluded.generation, refreshed_at = excluded.refreshed_at, stats = excluded.stats`);
    return g;
  });
  const insertMs = performance.now() - started;
  step("commit + flip");
  const cleanupStarted = performance.now();
  await db.transaction(async (tx) => {
    for (const table of ["recommendation", "item_neighbor", "user_cluster", "cluster"]) {
      await tx.execute(sql`delete from ${sql.raw(`"${table}"`)} where generation < ${generation}`);
    }
  });
  step("delete old generations");
  return { generation, insertMs, cleanupMs: performance.now() - cleanupStarted, rows };
}
