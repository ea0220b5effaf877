/**
 * How a refresh replaces the stored results without readers ever seeing a mix. Everything of a refresh
 * is written under a NEW generation number: stageGeneration claims the number and writes clusters and
 * neighbours; the users' lists are then appended in chunks while they are computed (each chunk its
 * own statement, so the database writes one chunk while the next is computed and the lists never sit
 * in memory all at once); publishGeneration flips reco_state to it in one statement. Readers always
 * select through reco_state, so they see the old generation until the flip and the new one after.
 * A refresh that dies while staging leaves unpublished rows: invisible, never reused (the next claim
 * takes a higher number) and deleted by the next publish.
 */
import { sql } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { bulkInsert, queryRows } from "@/db/rows";
import type { NeighbourRows } from "./item-neighbours";
import type { RecoRows } from "./recommend";

export const RECO_STATE_ID = 1;
export const LOCK_KEY = 0x7265636f; // "reco"

/** What a generation holds besides the users' lists, written when its number is claimed. */
export type StagedParts = {
  clusters: { clusterId: number; size: number; profile: Record<string, unknown> }[];
  userClusters: { userId: string[]; clusterId: number[] };
  neighbours: NeighbourRows;
};

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

const GENERATION_TABLES = ["recommendation", "item_neighbor", "user_cluster", "cluster"] as const;

/**
 * Claims a new generation number, above every generation present (published or left behind by a
 * refresh that crashed while staging), and writes its clusters and item neighbours under it. Its rows
 * stay invisible to readers until publishGeneration points reco_state at it. The claim is the rows
 * themselves: a second refresh claiming after this commit sees them and takes the next number.
 */
export async function stageGeneration(db: Db, parts: StagedParts): Promise<{ generation: number; rows: Rows }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEY})`);
    const [state] = await queryRows<{ g: number | null }>(
      tx,
      sql`select greatest(
        (select max(generation) from reco_state), (select max(generation) from cluster),
        (select max(generation) from user_cluster), (select max(generation) from item_neighbor),
        (select max(generation) from recommendation)) as g`,
    );
    const g = (state?.g ?? 0) + 1;
    const gen = `${g}::int`;
    const rows: Rows = {};
    rows.cluster = await bulkInsert(tx, {
      table: "cluster",
      columns: ["generation", "cluster_id", "size", "profile"],
      inputs: [
        { type: "int", values: parts.clusters.map((c) => c.clusterId) },
        { type: "int", values: parts.clusters.map((c) => c.size) },
        { type: "text", values: parts.clusters.map((c) => JSON.stringify(c.profile)) },
      ],
      select: `${gen}, c0, c1, c2::jsonb`,
    });
    rows.user_cluster = await bulkInsert(tx, {
      table: "user_cluster",
      columns: ["generation", "user_id", "cluster_id"],
      inputs: [
        { type: "text", values: parts.userClusters.userId },
        { type: "int", values: parts.userClusters.clusterId },
      ],
      select: `${gen}, c0, c1`,
    });
    const nb = parts.neighbours;
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
    return { generation: g, rows };
  });
}

type Rows = Record<string, number>;

/** The generation readers see now (0 before the first refresh). */
export async function publishedGeneration(db: Executor): Promise<number> {
  const [state] = await queryRows<{ g: number }>(
    db,
    sql`select generation as g from reco_state where id = ${RECO_STATE_ID}`,
  );
  return state?.g ?? 0;
}

export type PublishResult = {
  /** False when a newer generation was published meanwhile: this one's rows were removed instead. */
  published: boolean;
  flipMs: number;
  cleanupMs: number;
};

/**
 * Makes staged generation `g` the one readers see (one statement flips reco_state), then deletes the
 * older generations in a second transaction: a reader statement still running on the old generation
 * keeps its snapshot (MVCC), so nothing disappears under it. A generation older than the published one
 * (a slower refresh that lost a race) is dropped, never published: lists only move forward.
 */
export async function publishGeneration(
  db: Db,
  g: number,
  input: { stats: Record<string, unknown>; refreshedAt: Date },
): Promise<PublishResult> {
  const started = performance.now();
  const published = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEY})`);
    if ((await publishedGeneration(tx)) >= g) {
      for (const table of GENERATION_TABLES)
        await tx.execute(sql`delete from ${sql.raw(`"${table}"`)} where generation = ${g}`);
      return false;
    }
    const stats = JSON.stringify(input.stats);
    await tx.execute(sql`insert into reco_state (id, generation, refreshed_at, stats)
      values (${RECO_STATE_ID}, ${g}, ${input.refreshedAt.toISOString()}::timestamptz, ${stats}::jsonb)
      on conflict (id) do update set generation = excluded.generation, refreshed_at = excluded.refreshed_at, stats = excluded.stats`);
    return true;
  });
  const flipped = performance.now();
  if (published)
    await db.transaction(async (tx) => {
      for (const table of GENERATION_TABLES)
        await tx.execute(sql`delete from ${sql.raw(`"${table}"`)} where generation < ${g}`);
    });
  return { published, flipMs: flipped - started, cleanupMs: performance.now() - flipped };
}
