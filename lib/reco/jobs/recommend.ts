/**
 * Per-user recommendations for every slot, blended from all sources with a reason per item.
 *
 * Slots:
 * - for_you: anything recommendable, scored from the user's whole history;
 * - art_for_learners: artworks, with the item-item sources walking from the user's COURSE history only,
 *   so the reason reads "because you took <course>": the cross-domain case Atelier exists for;
 * - courses_for_collectors: the mirror image, courses from the user's artwork history.
 * Owned, dismissed and already-seen items never appear; at most `maxPerCreator` per creator.
 * Blend weights per slot are the base weights reshaped by a Thompson-sampling bandit over the slot's
 * recommendation impressions and clicks per source (hybrid.ts adaptSlotWeights).
 * Pseudo-users "popular" and "cluster:<c>" get lists too: the reader's cold-start fallback.
 */
import { adaptSlotWeights, blendCandidates, type Candidate, type CandidateSource, type Reason, type SourceStats } from "../hybrid";
import type { Neighbours } from "../similarity";
import { topN } from "../top-n";
import type { ClusterResult } from "./clusters";
import type { LoadedData } from "./load";
import type { Models } from "./models";
import { KIND, RELATION_NAMES, type Prepared } from "./prepare";
import { NeighbourScorer, UserKnnScorer } from "./scoring";
import { buildFollowGraph, graphCandidates, ldaCandidates, rankedBy, type Allowed } from "./sources";

export const SLOTS = ["for_you", "art_for_learners", "courses_for_collectors"] as const;
export type Slot = (typeof SLOTS)[number];
export const POPULAR_KEY = "popular";
export const clusterKey = (c: number) => `cluster:${c}`;

export type RecommendOptions = {
  perSlot: Record<Slot, number>;
  candidatesPerSource: number;
  maxPerCreator: number;
  /** Users with fewer history items than this also get TF-IDF neighbours of their history. */
  shortHistory: number;
  baseWeights: Record<string, number>;
  seed: number;
};

export const DEFAULT_RECOMMEND_OPTIONS: RecommendOptions = {
  perSlot: { for_you: 20, art_for_learners: 12, courses_for_collectors: 12 },
  candidatesPerSource: 40,
  maxPerCreator: 2,
  shortHistory: 5,
  baseWeights: { itemknn: 0.25, strong: 0.25, userknn: 0.15, lda: 0.1, graph: 0.1, content: 0.1, cluster: 0.08, pop: 0.04 },
  seed: 42,
};

/**
 * Column-major output rows for the recommendation table. The reason is kept in parts (source, kind,
 * item, relation, tag, creator) and assembled into jsonb by the database on insert: cheaper than
 * serialising and escaping 1.5M JSON strings here.
 */
export type RecoRows = {
  userKey: string[];
  slot: string[];
  rank: number[];
  productId: string[];
  score: number[];
  source: string[];
  kind: string[];
  reasonItem: (string | null)[];
  relation: (string | null)[];
  tag: (string | null)[];
  creator: (string | null)[];
};

function emptyRows(): RecoRows {
  return { userKey: [], slot: [], rank: [], productId: [], score: [], source: [], kind: [], reasonItem: [], relation: [], tag: [], creator: [] };
}

type SlotSpec = { slot: Slot; kind: number | null; from: number | null };
const SPECS: SlotSpec[] = [
  { slot: "for_you", kind: null, from: null },
  { slot: "art_for_learners", kind: KIND.artwork, from: KIND.course },
  { slot: "courses_for_collectors", kind: KIND.course, from: KIND.artwork },
];

/** Final weights per slot: base weight times the bandit's share relative to an even split. */
export function slotWeights(data: LoadedData, base: Record<string, number>, strongName: string, seed: number): Record<Slot, Record<string, number>> {
  const names = Object.keys(base).map((s) => (s === "strong" ? strongName : s));
  const stats: Record<string, Record<string, SourceStats>> = {};
  for (const slot of SLOTS) stats[slot] = Object.fromEntries(names.map((s) => [s, { impressions: 0, clicks: 0 }]));
  for (const b of data.bandit) {
    const slotStats = stats[b.slot];
    if (slotStats?.[b.source]) slotStats[b.source] = { impressions: b.impressions, clicks: b.clicks };
  }
  const adapted = adaptSlotWeights(stats, { seed, minWeight: 0.02 });
  const out = {} as Record<Slot, Record<string, number>>;
  for (const slot of SLOTS) {
    const w: Record<string, number> = {};
    let total = 0;
    for (const [name, b] of Object.entries(base)) {
      const source = name === "strong" ? strongName : name;
      const v = b * (adapted[slot]?.[source] ?? 1 / names.length) * names.length;
      w[source] = v;
      total += v;
    }
    for (const s of Object.keys(w)) w[s] = total > 0 ? w[s]! / total : 0;
    out[slot] = w;
  }
  return out;
}

export type RecommendResult = { rows: RecoRows; weights: Record<Slot, Record<string, number>>; usersWithLists: number };

export function recommendAll(
  prep: Prepared,
  data: LoadedData,
  models: Models,
  clusters: ClusterResult,
  cfScoring: Neighbours,
  options: RecommendOptions = DEFAULT_RECOMMEND_OPTIONS,
  onProgress?: (done: number, total: number) => void,
): RecommendResult {
  const { nItems, x, kindOf, recommendable, items } = prep;
  const C = options.candidatesPerSource;
  const weights = slotWeights(data, options.baseWeights, models.strong.name, options.seed);
  const rows = emptyRows();
  const itemTags = items.map((it) => it.tags);
  const creatorKey = (i: number) => String(prep.creatorOf[i]);
  const kindAllowed = (spec: SlotSpec): Allowed => (i) => recommendable[i] === 1 && (spec.kind === null ? true : kindOf[i] === spec.kind);

  // Popularity lists: site-wide and per cluster, for candidates, padding and the cold-start rows.
  const popular = new Map<Slot, Int32Array>(SPECS.map((s) => [s.slot, rankedBy(models.popularity, kindAllowed(s), 200)]));
  const clusterPop: Float64Array[] = Array.from({ length: clusters.k }, () => new Float64Array(nItems));
  for (let u = 0; u < prep.userKeys.length; u++) {
    const c = clusters.clusterOfUser[u]!;
    if (c < 0) continue;
    for (let p = x.indptr[u]!; p < x.indptr[u + 1]!; p++) clusterPop[c]![x.indices[p]!]!++;
  }
  const clusterLists = clusterPop.map((scores) => new Map<Slot, Int32Array>(SPECS.map((s) => [s.slot, rankedBy(scores, kindAllowed(s), 200)])));

  const emit = (key: string, slot: Slot, list: { itemId: number; score: number; reason: Reason<number>; source: string }[], u: number) => {
    list.forEach((it, r) => {
      rows.userKey.push(key);
      rows.slot.push(slot);
      rows.rank.push(r + 1);
      rows.productId.push(items[it.itemId]!.id);
      rows.score.push(Math.fround(it.score));
      rows.source.push(it.source);
      const reason = it.reason;
      rows.kind.push(reason.kind);
      const item = reason.kind === "because_item" || reason.kind === "similar_content" ? reason.itemId : -1;
      rows.reasonItem.push(item >= 0 ? items[item]!.id : null);
      rows.relation.push(item >= 0 && u >= 0 ? RELATION_NAMES[relationOf(prep, u, item)] || null : null);
      rows.tag.push(reason.kind === "tag" ? reason.tag : null);
      rows.creator.push(reason.kind === "followed_creator" ? reason.creatorId : null);
    });
  };

  // Pseudo-user lists.
  const listFrom = (ids: Int32Array, scores: Float64Array, n: number, source: string, exclude?: Uint8Array) => {
    const out: { itemId: number; score: number; reason: Reason<number>; source: string }[] = [];
    const perCreator = new Map<string, number>();
    for (const pass of [options.maxPerCreator, Infinity]) {
      for (const i of ids) {
        if (out.length >= n) break;
        if (exclude?.[i] || out.some((o) => o.itemId === i)) continue;
        const c = creatorKey(i);
        if ((perCreator.get(c) ?? 0) >= pass) continue;
        perCreator.set(c, (perCreator.get(c) ?? 0) + 1);
        out.push({ itemId: i, score: scores[i]!, reason: { kind: "popular" }, source });
      }
    }
    return out;
  };
  for (const spec of SPECS) {
    emit(POPULAR_KEY, spec.slot, listFrom(popular.get(spec.slot)!, models.popularity, options.perSlot[spec.slot], "pop"), -1);
    clusterLists.forEach((lists, c) => emit(clusterKey(c), spec.slot, listFrom(lists.get(spec.slot)!, clusterPop[c]!, options.perSlot[spec.slot], "cluster"), -1));
  }

  const cfScorer = new NeighbourScorer(nItems);
  const strongScorer = new NeighbourScorer(nItems);
  const contentScorer = new NeighbourScorer(nItems);
  const userScorer = models.userKnn ? new UserKnnScorer(x, models.userKnn.k, models.userKnn.shrink) : null;
  const graph = buildFollowGraph(prep, data);
  const mask = new Uint8Array(nItems);
  const filtered = new Int32Array(nItems);
  const histItems: number[] = [];
  const histVals: number[] = [];

  const fromScorer = (scores: Float64Array, touched: Int32Array, count: number, allowed: Allowed, reason: (i: number) => Reason<number>): Candidate<number>[] => {
    let m = 0;
    for (let t = 0; t < count; t++) {
      const i = touched[t]!;
      if (!mask[i] && allowed(i) && scores[i]! > 0) filtered[m++] = i;
    }
    const best = topN(scores, C, { candidates: filtered, candidateCount: m });
    return Array.from(best, (i) => ({ itemId: i, score: scores[i]!, reason: reason(i) }));
  };
  const fromList = (ids: Int32Array, scores: Float64Array, allowed: Allowed): Candidate<number>[] => {
    const out: Candidate<number>[] = [];
    for (const i of ids) {
      if (out.length >= C) break;
      if (!mask[i] && allowed(i)) out.push({ itemId: i, score: scores[i]!, reason: { kind: "popular" } });
    }
    return out;
  };

  const nUsers = prep.userKeys.length;
  let usersWithLists = 0;
  for (let u = 0; u < nUsers; u++) {
    if (onProgress && u % 5000 === 0) onProgress(u, nUsers);
    const start = x.indptr[u]!;
    const end = x.indptr[u + 1]!;
    if (end === start) continue;
    usersWithLists++;
    for (let p = start; p < end; p++) mask[x.indices[p]!] = 1;
    for (let p = prep.owned.indptr[u]!; p < prep.owned.indptr[u + 1]!; p++) mask[prep.owned.indices[p]!] = 1;
    for (let p = prep.dismissed.indptr[u]!; p < prep.dismissed.indptr[u + 1]!; p++) mask[prep.dismissed.indices[p]!] = 1;
    const key = prep.userKeys[u]!;
    const cluster = clusters.clusterOfUser[u]!;
    const shared: { userknn?: boolean } = {};
    if (userScorer) {
      userScorer.run(u);
      shared.userknn = true;
    }
    for (const spec of SPECS) {
      histItems.length = 0;
      histVals.length = 0;
      for (let p = start; p < end; p++) {
        const i = x.indices[p]!;
        if (spec.from === null || kindOf[i] === spec.from) {
          histItems.push(i);
          histVals.push(x.data[p]!);
        }
      }
      if (histItems.length === 0) continue;
      const allowed = kindAllowed(spec);
      const w = weights[spec.slot];
      const sources: CandidateSource<number>[] = [];
      cfScorer.run(cfScoring, histItems, histVals);
      sources.push({ source: "itemknn", weight: w.itemknn ?? 0, candidates: fromScorer(cfScorer.scores, cfScorer.touched, cfScorer.count, allowed, (i) => ({ kind: "because_item", itemId: cfScorer.anchor[i]! })) });
      strongScorer.run(models.strong.neighbours, histItems, histVals);
      sources.push({ source: models.strong.name, weight: w[models.strong.name] ?? 0, candidates: fromScorer(strongScorer.scores, strongScorer.touched, strongScorer.count, allowed, (i) => ({ kind: "because_item", itemId: strongScorer.anchor[i]! })) });
      if (userScorer && shared.userknn) {
        sources.push({ source: "userknn", weight: w.userknn ?? 0, candidates: fromScorer(userScorer.scores, userScorer.touched, userScorer.count, allowed, () => ({ kind: "similar_users" })) });
      }
      if (histItems.length < options.shortHistory) {
        contentScorer.run(models.content, histItems, histVals);
        sources.push({ source: "content", weight: w.content ?? 0, candidates: fromScorer(contentScorer.scores, contentScorer.touched, contentScorer.count, allowed, (i) => ({ kind: "similar_content", itemId: contentScorer.anchor[i]! })) });
      }
      const notMasked: Allowed = (i) => !mask[i] && allowed(i);
      if (models.topics) sources.push({ source: "lda", weight: w.lda ?? 0, candidates: ldaCandidates(models.topics, u, notMasked, C, itemTags) });
      if (!prep.isVisitor[u]) sources.push({ source: "graph", weight: w.graph ?? 0, candidates: graphCandidates(prep, graph, key, notMasked, C, models.popularity) });
      if (cluster >= 0) sources.push({ source: "cluster", weight: w.cluster ?? 0, candidates: fromList(clusterLists[cluster]!.get(spec.slot)!, clusterPop[cluster]!, allowed) });
      sources.push({ source: "pop", weight: w.pop ?? 0, candidates: fromList(popular.get(spec.slot)!, models.popularity, allowed) });

      const n = options.perSlot[spec.slot];
      const blended = blendCandidates(sources, { n, creatorOf: creatorKey, maxPerCreator: options.maxPerCreator });
      const list = blended.map((b) => ({ itemId: b.itemId, score: b.score, reason: b.reason, source: b.reasons[0]!.source }));
      if (list.length < n) {
        // Thin evidence: top up from the cluster's favourites, then the site's, never owned or seen.
        const have = new Set(list.map((l) => l.itemId));
        const pads = [cluster >= 0 ? clusterLists[cluster]!.get(spec.slot)! : new Int32Array(0), popular.get(spec.slot)!];
        for (const ids of pads) {
          for (const i of ids) {
            if (list.length >= n) break;
            if (mask[i] || have.has(i)) continue;
            have.add(i);
            list.push({ itemId: i, score: 0, reason: { kind: "popular" }, source: ids === pads[0] ? "cluster" : "pop" });
          }
        }
      }
      emit(key, spec.slot, list, u);
    }
    for (let p = start; p < end; p++) mask[x.indices[p]!] = 0;
    for (let p = prep.owned.indptr[u]!; p < prep.owned.indptr[u + 1]!; p++) mask[prep.owned.indices[p]!] = 0;
    for (let p = prep.dismissed.indptr[u]!; p < prep.dismissed.indptr[u + 1]!; p++) mask[prep.dismissed.indices[p]!] = 0;
  }
  onProgress?.(nUsers, nUsers);
  return { rows, weights, usersWithLists };
}

function relationOf(prep: Prepared, u: number, item: number): number {
  const m = prep.relation;
  let lo = m.indptr[u]!;
  let hi = m.indptr[u + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = m.indices[mid]!;
    if (v === item) return m.data[mid]!;
    if (v < item) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}
