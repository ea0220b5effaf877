/**
 * One user's lists, recomputed between full refreshes: what a purchase, follow, review or "not
 * interested" changes for that person shows within seconds instead of at the next scheduled refresh.
 *
 *   await recomputeUserLists(db, userKey)   // a user id, or `v:<visitor id>`
 *
 * No model is fitted. The user's evidence is loaded and prepared exactly as the refresh does it
 * (load.ts with `onlyUser`, prepare.ts), then scored against what the current generation stored:
 * - item-item: the stored `item_neighbor` rows of the user's history items, through the refresh's
 *   NeighbourScorer ("because you took X"). Those rows are the item-kNN lists topped up with TF-IDF
 *   neighbours; they stand in for item-kNN, EASE, RP3beta and ALS together, whose own lists and
 *   factors are not stored, and the TF-IDF rows for the content source;
 * - the user's cluster's and the site's popular lists, as stored for the reader's fallback;
 * blended by the refresh's Blender with the generation's own slot weights (reco_state.stats.weights),
 * per-creator cap and padding as in recommend.ts. Simplified on purpose: user-kNN, LDA topics and the
 * follow graph need the whole matrix and are left to the next full refresh, and a user the last
 * refresh did not cluster keeps no cluster source. The lists replace the user's rows of the current
 * generation in one transaction; reco_state.stats.userUpdatedAt records when (the studio shows it).
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { pgArrayLiteral, queryRows } from "@/db/rows";
import type { Neighbours } from "../similarity";
import { clusterKey, POPULAR_KEY, type Slot } from "../slots";
import { topN } from "../top-n";
import { Blender, SourceBuffer } from "./blend";
import { loadRefreshData } from "./load";
import { KIND, RELATION_NAMES, prepare, type Prepared } from "./prepare";
import {
  DEFAULT_RECOMMEND_OPTIONS,
  emptyRecoRows,
  relationOf,
  type RecoRows,
  type RecommendOptions,
} from "./recommend";
import { NeighbourScorer } from "./scoring";
import { FILL_WEIGHT, setMask } from "./slot-recommender";
import { insertRecommendationRows, RECO_STATE_ID } from "./store";

export type UserUpdate = {
  generation: number;
  /** Rows written for the user (0: no evidence, the reader serves the cluster or popular list). */
  rows: number;
};

type SlotSpec = { slot: Slot; kind: number | null; from: number | null };
// As recommend.ts's SPECS.
const SPECS: SlotSpec[] = [
  { slot: "art_for_learners", kind: KIND.artwork, from: KIND.course },
  { slot: "courses_for_collectors", kind: KIND.course, from: KIND.artwork },
  { slot: "for_you", kind: null, from: null },
];
const SOURCES = ["itemknn", "content", "cluster", "pop"] as const;
const S = Object.fromEntries(SOURCES.map((s, i) => [s, i])) as Record<(typeof SOURCES)[number], number>;

/** Best-first neighbour lists over the prepared item indices, from stored rows of one source. */
function neighboursFrom(
  prep: Prepared,
  rows: { p: string; n: string; score: number; source: string }[],
  source: string,
) {
  const lists: { j: number; s: number }[][] = Array.from({ length: prep.nItems }, () => []);
  for (const r of rows) {
    if (r.source !== source) continue;
    const i = prep.itemIndex.get(r.p);
    const j = prep.itemIndex.get(r.n);
    if (i !== undefined && j !== undefined) lists[i]!.push({ j, s: Number(r.score) });
  }
  const indptr = new Int32Array(prep.nItems + 1);
  for (let i = 0; i < prep.nItems; i++) indptr[i + 1] = indptr[i]! + lists[i]!.length;
  const indices = new Int32Array(indptr[prep.nItems]!);
  const sims = new Float64Array(indptr[prep.nItems]!);
  lists.forEach((l, i) => {
    l.sort((a, b) => b.s - a.s || a.j - b.j);
    l.forEach((e, t) => {
      indices[indptr[i]! + t] = e.j;
      sims[indptr[i]! + t] = e.s;
    });
  });
  return { n: prep.nItems, indptr, indices, sims } satisfies Neighbours;
}

/**
 * Recomputes and stores `userKey`'s lists in the current generation. Null when there is no
 * generation yet (the first full refresh will cover everyone).
 */
export async function recomputeUserLists(
  db: Db,
  userKey: string,
  options: { now?: number; recommend?: Partial<RecommendOptions> } = {},
): Promise<UserUpdate | null> {
  // A full refresh that flips between scoring and writing may have loaded its data before this
  // user's change: score again against the new generation (once; a second flip in a row is not worth it).
  const first = await recomputeOnce(db, userKey, options);
  if (first !== "flipped") return first;
  const second = await recomputeOnce(db, userKey, options);
  return second === "flipped" ? null : second;
}

async function recomputeOnce(
  db: Db,
  userKey: string,
  options: { now?: number; recommend?: Partial<RecommendOptions> },
): Promise<UserUpdate | null | "flipped"> {
  const now = options.now ?? Date.now();
  const opts = { ...DEFAULT_RECOMMEND_OPTIONS, ...options.recommend };
  const [state] = await queryRows<{ generation: number; stats: Record<string, unknown> | null }>(
    db,
    sql`select generation, stats from reco_state where id = ${RECO_STATE_ID}`,
  );
  if (!state) return null;
  const g = state.generation;

  const data = await loadRefreshData(db, { now, onlyUser: userKey });
  const prep = prepare(data);
  const u = prep.userIndex.get(userKey);
  const rows = emptyRecoRows();
  if (u !== undefined && prep.x.indptr[u + 1]! > prep.x.indptr[u]!) {
    const history = Array.from(
      prep.x.indices.subarray(prep.x.indptr[u]!, prep.x.indptr[u + 1]!),
      (i) => prep.items[i]!.id,
    );
    const nbRows = await queryRows<{ p: string; n: string; score: number; source: string }>(
      db,
      sql`select product_id as p, neighbor_id as n, score, source from item_neighbor
        where generation = ${g} and product_id = any(${pgArrayLiteral(history)}::text[])`,
    );
    const [cluster] = await queryRows<{ c: number }>(
      db,
      sql`select cluster_id as c from user_cluster where generation = ${g} and user_id = ${userKey}`,
    );
    const listKeys = cluster ? [POPULAR_KEY, clusterKey(cluster.c)] : [POPULAR_KEY];
    const stored = await queryRows<{ k: string; slot: string; p: string; score: number }>(
      db,
      sql`select user_id as k, slot, product_id as p, score from recommendation
        where generation = ${g} and user_id in (${sql.join(
          listKeys.map((k) => sql`${k}`),
          sql`, `,
        )})
        order by user_id, slot, rank`,
    );
    scoreUser(prep, u, userKey, {
      itemknn: neighboursFrom(prep, nbRows, "itemknn"),
      content: neighboursFrom(prep, nbRows, "content"),
      stored,
      clusterKey: cluster ? clusterKey(cluster.c) : null,
      weights: (state.stats?.weights ?? {}) as Partial<Record<Slot, Record<string, number>>>,
      options: opts,
      out: rows,
    });
  }

  const written = await db.transaction(async (tx) => {
    // The row lock orders this against a refresh's flip: rows go to the generation current at commit.
    const [current] = await queryRows<{ generation: number }>(
      tx,
      sql`select generation from reco_state where id = ${RECO_STATE_ID} for update`,
    );
    // A full refresh flipped meanwhile: write nothing into the wrong generation.
    if (!current || current.generation !== g) return null;
    await tx.execute(sql`delete from recommendation where generation = ${g} and user_id = ${userKey}`);
    const n = rows.userKey.length > 0 ? await insertRecommendationRows(tx, g, rows) : 0;
    await tx.execute(
      sql`update reco_state set stats = coalesce(stats, '{}'::jsonb) || jsonb_build_object('userUpdatedAt', ${new Date().toISOString()}::text)
        where id = ${RECO_STATE_ID}`,
    );
    return n;
  });
  if (written === null) return "flipped";
  return { generation: g, rows: written };
}

type ScoreInput = {
  itemknn: Neighbours;
  content: Neighbours;
  stored: { k: string; slot: string; p: string; score: number }[];
  clusterKey: string | null;
  weights: Partial<Record<Slot, Record<string, number>>>;
  options: RecommendOptions;
  out: RecoRows;
};

/** recommend.ts's per-user loop for one user, over the sources listed at the top of this file. */
function scoreUser(prep: Prepared, u: number, key: string, input: ScoreInput): void {
  const { nItems, x, kindOf, recommendable, items, creatorOf } = prep;
  const { options, out } = input;
  const C = options.candidatesPerSource;
  const mask = new Uint8Array(nItems);
  setMask(mask, prep, u, 1);
  const scorer = new NeighbourScorer(nItems);
  const blender = new Blender(nItems);
  const creatorCount = new Int32Array(prep.creatorIds.length);
  const buffers = SOURCES.map((s) => new SourceBuffer(s, C));
  const filtered = new Int32Array(nItems);
  const storedList = (k: string, slot: Slot) => {
    const ids: number[] = [];
    const scores = new Map<number, number>();
    for (const r of input.stored) {
      if (r.k !== k || r.slot !== slot) continue;
      const i = prep.itemIndex.get(r.p);
      if (i === undefined || mask[i] || recommendable[i] !== 1) continue;
      ids.push(i);
      scores.set(i, Number(r.score));
    }
    return { ids, scores };
  };

  for (const spec of SPECS) {
    const histItems: number[] = [];
    const histVals: number[] = [];
    for (let p = x.indptr[u]!; p < x.indptr[u + 1]!; p++) {
      const i = x.indices[p]!;
      if (spec.from === null || kindOf[i] === spec.from) {
        histItems.push(i);
        histVals.push(x.data[p]!);
      }
    }
    if (histItems.length === 0) continue;
    const w: Record<string, number> = input.weights[spec.slot] ?? options.baseWeights[spec.slot];
    // The stored neighbours stand in for every item-item source and ALS together (see the header).
    const weightOf = {
      itemknn: ["itemknn", "ease", "rp3beta", "als"].reduce((sum, s) => sum + (w[s] ?? 0), 0),
      content: histItems.length < options.shortHistory ? (w.content ?? 0) : 0,
      cluster: w.cluster ?? 0,
      pop: w.pop ?? 0,
    };
    buffers.forEach((b) => b.clear(weightOf[b.name as keyof typeof weightOf] || FILL_WEIGHT));
    const kind = spec.kind ?? -1;
    for (const [s, nb] of [
      [S.itemknn, input.itemknn],
      [S.content, input.content],
    ] as const) {
      scorer.run(nb, histItems, histVals);
      let m = 0;
      for (let t = 0; t < scorer.count; t++) {
        const i = scorer.touched[t]!;
        if (mask[i] === 0 && recommendable[i] === 1 && scorer.scores[i]! > 0 && (kind < 0 || kindOf[i] === kind))
          filtered[m++] = i;
      }
      for (const i of topN(scorer.scores, C, { candidates: filtered, candidateCount: m }))
        buffers[s]!.push(i, scorer.scores[i]!, scorer.anchor[i]!);
    }
    const clusterList = input.clusterKey ? storedList(input.clusterKey, spec.slot) : { ids: [], scores: new Map() };
    const popList = storedList(POPULAR_KEY, spec.slot);
    for (const [s, list] of [
      [S.cluster, clusterList],
      [S.pop, popList],
    ] as const)
      for (const i of list.ids.slice(0, C)) buffers[s]!.push(i, list.scores.get(i) ?? 0);

    const n = options.perSlot[spec.slot];
    const picks = blender.blend(buffers, n, creatorOf, options.maxPerCreator, creatorCount);
    const list = picks.map((pick) => {
      const anchor = buffers[pick.source]!.anchors[pick.position]!;
      const itemItem = pick.source === S.itemknn || pick.source === S.content;
      return {
        item: pick.item,
        score: pick.score,
        source: pick.source === S.itemknn ? "itemknn" : SOURCES[pick.source]!,
        kind: pick.source === S.itemknn ? "because_item" : pick.source === S.content ? "similar_content" : "popular",
        reasonItem: itemItem ? anchor : -1,
      };
    });
    // Thin evidence: top up from the cluster's favourites, then the site's, as recommend.ts does.
    const have = new Set(list.map((l) => l.item));
    for (const [ids, source] of [
      [clusterList.ids, "cluster"],
      [popList.ids, "pop"],
    ] as const) {
      for (const i of ids) {
        if (list.length >= n) break;
        if (have.has(i)) continue;
        have.add(i);
        list.push({ item: i, score: 0, source, kind: "popular", reasonItem: -1 });
      }
    }
    list.forEach((it, r) => {
      out.userKey.push(key);
      out.slot.push(spec.slot);
      out.rank.push(r + 1);
      out.productId.push(items[it.item]!.id);
      out.score.push(Math.fround(it.score));
      out.source.push(it.source);
      out.kind.push(it.kind);
      out.reasonItem.push(it.reasonItem >= 0 ? items[it.reasonItem]!.id : null);
      out.relation.push(it.reasonItem >= 0 ? RELATION_NAMES[relationOf(prep, u, it.reasonItem)] || null : null);
      out.tag.push(null);
      out.creator.push(null);
    });
  }
}
