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
 * Users are written in key order so the inserts append to the primary-key index instead of splitting
 * pages all over it.
 */
import { adaptSlotWeights, type SourceStats } from "../hybrid";
import type { Neighbours } from "../similarity";
import { clusterKey, POPULAR_KEY, SLOTS, type Slot } from "../slots";
import { topN } from "../top-n";
import { Blender, SourceBuffer, type BlendPick } from "./blend";
import type { ClusterResult } from "./clusters";
import type { LoadedData } from "./load";
import type { Models } from "./models";
import { KIND, RELATION_NAMES, type Prepared } from "./prepare";
import { NeighbourScorer, UserKnnScorer } from "./scoring";
import {
  buildFollowGraph,
  graphCandidates,
  ldaCandidates,
  rankedBy,
  ScoredList,
  topicTagFor,
  type Allowed,
} from "./sources";

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
  perSlot: { for_you: 12, art_for_learners: 6, courses_for_collectors: 6 },
  candidatesPerSource: 30,
  maxPerCreator: 2,
  shortHistory: 5,
  baseWeights: {
    itemknn: 0.25,
    strong: 0.25,
    userknn: 0.15,
    lda: 0.1,
    graph: 0.1,
    content: 0.1,
    cluster: 0.08,
    pop: 0.04,
  },
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

/** Column arrays with no rows yet, for the full refresh and the one-user update alike. */
export function emptyRecoRows(): RecoRows {
  return {
    userKey: [],
    slot: [],
    rank: [],
    productId: [],
    score: [],
    source: [],
    kind: [],
    reasonItem: [],
    relation: [],
    tag: [],
    creator: [],
  };
}

type SlotSpec = { slot: Slot; kind: number | null; from: number | null };
// Alphabetical, the primary key's order within a user.
const SPECS: SlotSpec[] = [
  { slot: "art_for_learners", kind: KIND.artwork, from: KIND.course },
  { slot: "courses_for_collectors", kind: KIND.course, from: KIND.artwork },
  { slot: "for_you", kind: null, from: null },
];
const SOURCE_NAMES = ["itemknn", "strong", "userknn", "content", "lda", "graph", "cluster", "pop"] as const;
const S = Object.fromEntries(SOURCE_NAMES.map((s, i) => [s, i])) as Record<(typeof SOURCE_NAMES)[number], number>;

/** Final weights per slot: base weight times the bandit's share relative to an even split. */
export function slotWeights(
  data: LoadedData,
  base: Record<string, number>,
  strongName: string,
  seed: number,
): Record<Slot, Record<string, number>> {
  const rename = (s: string) => (s === "strong" ? strongName : s);
  const names = Object.keys(base).map(rename);
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
      const v = b * (adapted[slot]?.[rename(name)] ?? 1 / names.length) * names.length;
      w[rename(name)] = v;
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
  scoring: { cf: Neighbours; strong: Neighbours },
  options: RecommendOptions = DEFAULT_RECOMMEND_OPTIONS,
  onProgress?: (done: number, total: number) => void,
): RecommendResult {
  const { nItems, x, kindOf, recommendable, items } = prep;
  const C = options.candidatesPerSource;
  const weights = slotWeights(data, options.baseWeights, models.strong.name, options.seed);
  const sourceNames = SOURCE_NAMES.map((s) => (s === "strong" ? models.strong.name : s));
  const rows = emptyRecoRows();
  const kindAllowed =
    (spec: SlotSpec): Allowed =>
    (i) =>
      recommendable[i] === 1 && (spec.kind === null || kindOf[i] === spec.kind);

  const popular = new Map<Slot, Int32Array>(
    SPECS.map((s) => [s.slot, rankedBy(models.popularity, kindAllowed(s), 200)]),
  );
  const clusterPop: Float64Array[] = Array.from({ length: clusters.k }, () => new Float64Array(nItems));
  for (let u = 0; u < prep.userKeys.length; u++) {
    const c = clusters.clusterOfUser[u]!;
    if (c < 0) continue;
    for (let p = x.indptr[u]!; p < x.indptr[u + 1]!; p++) clusterPop[c]![x.indices[p]!]!++;
  }
  const clusterLists = clusterPop.map(
    (scores) => new Map<Slot, Int32Array>(SPECS.map((s) => [s.slot, rankedBy(scores, kindAllowed(s), 200)])),
  );

  type Out = {
    item: number;
    score: number;
    source: string;
    kind: string;
    reasonItem: number;
    tag: string | null;
    creator: string | null;
  };
  const emit = (key: string, slot: Slot, list: Out[], u: number) => {
    for (let r = 0; r < list.length; r++) {
      const it = list[r]!;
      rows.userKey.push(key);
      rows.slot.push(slot);
      rows.rank.push(r + 1);
      rows.productId.push(items[it.item]!.id);
      rows.score.push(Math.fround(it.score));
      rows.source.push(it.source);
      rows.kind.push(it.kind);
      rows.reasonItem.push(it.reasonItem >= 0 ? items[it.reasonItem]!.id : null);
      rows.relation.push(
        it.reasonItem >= 0 && u >= 0 ? RELATION_NAMES[relationOf(prep, u, it.reasonItem)] || null : null,
      );
      rows.tag.push(it.tag);
      rows.creator.push(it.creator);
    }
  };
  /** The reason of a blended pick, from the source that contributed most. */
  const toOut = (pick: BlendPick, bufs: SourceBuffer[], topTopic: number): Out => {
    const s = pick.source;
    const buf = bufs[s]!;
    const anchor = buf.anchors[pick.position]!;
    const out: Out = {
      item: pick.item,
      score: pick.score,
      source: buf.name,
      kind: "popular",
      reasonItem: -1,
      tag: null,
      creator: null,
    };
    if (s === S.itemknn || s === S.strong) {
      out.kind = "because_item";
      out.reasonItem = anchor;
    } else if (s === S.content) {
      out.kind = "similar_content";
      out.reasonItem = anchor;
    } else if (s === S.userknn) {
      out.kind = "similar_users";
    } else if (s === S.lda) {
      out.tag = models.topics ? topicTagFor(models.topics, topTopic, items[pick.item]!.tags) : null;
      if (out.tag) out.kind = "tag";
    } else if (s === S.graph) {
      if (anchor === 1) {
        out.kind = "followed_creator";
        out.creator = items[pick.item]!.creatorId;
      } else out.kind = "graph";
    }
    return out;
  };
  const popularOut = (item: number, score: number, source: string): Out => ({
    item,
    score,
    source,
    kind: "popular",
    reasonItem: -1,
    tag: null,
    creator: null,
  });

  // Pseudo-user lists, capped per creator where the catalogue allows it.
  const listFrom = (ids: Int32Array, scores: Float64Array, n: number, source: string): Out[] => {
    const out: Out[] = [];
    const used = new Set<number>();
    const perCreator = new Map<number, number>();
    for (const cap of [options.maxPerCreator, Infinity]) {
      for (const i of ids) {
        if (out.length >= n) break;
        const c = prep.creatorOf[i]!;
        if (used.has(i) || (perCreator.get(c) ?? 0) >= cap) continue;
        used.add(i);
        perCreator.set(c, (perCreator.get(c) ?? 0) + 1);
        out.push(popularOut(i, scores[i]!, source));
      }
    }
    return out;
  };
  for (const spec of SPECS) {
    emit(
      POPULAR_KEY,
      spec.slot,
      listFrom(popular.get(spec.slot)!, models.popularity, options.perSlot[spec.slot], "pop"),
      -1,
    );
    clusterLists.forEach((lists, c) =>
      emit(
        clusterKey(c),
        spec.slot,
        listFrom(lists.get(spec.slot)!, clusterPop[c]!, options.perSlot[spec.slot], "cluster"),
        -1,
      ),
    );
  }

  const cfScorer = new NeighbourScorer(nItems);
  const strongScorer = new NeighbourScorer(nItems);
  const contentScorer = new NeighbourScorer(nItems);
  const userScorer = models.userKnn ? new UserKnnScorer(x, models.userKnn.k, models.userKnn.shrink) : null;
  const graph = buildFollowGraph(prep, data);
  const blender = new Blender(nItems);
  const creatorCount = new Int32Array(prep.creatorIds.length);
  const buffers = SOURCE_NAMES.map((_, s) => new SourceBuffer(sourceNames[s]!, C));
  const ldaList = new ScoredList(6 * C);
  const graphList = new ScoredList(6 * C);
  const order = new Float64Array(6 * C);
  const mask = new Uint8Array(nItems);
  const filtered = new Int32Array(nItems);
  const histItems: number[] = [];
  const histVals: number[] = [];
  const recommendableUnmasked: Allowed = (i) => recommendable[i] === 1 && mask[i] === 0;

  const fromScorer = (
    buf: SourceBuffer,
    scores: Float64Array,
    touched: Int32Array,
    count: number,
    kind: number,
    anchors: Int32Array | null,
  ) => {
    let m = 0;
    for (let t = 0; t < count; t++) {
      const i = touched[t]!;
      if (mask[i] === 0 && recommendable[i] === 1 && scores[i]! > 0 && (kind < 0 || kindOf[i] === kind))
        filtered[m++] = i;
    }
    for (const i of topN(scores, C, { candidates: filtered, candidateCount: m }))
      buf.push(i, scores[i]!, anchors ? anchors[i]! : -1);
  };
  const fromList = (buf: SourceBuffer, list: ScoredList, allowed: Allowed) => {
    for (let t = 0; t < list.n && buf.n < C; t++)
      if (allowed(list.items[t]!)) buf.push(list.items[t]!, list.scores[t]!, list.flags[t]!);
  };
  const fromRanked = (buf: SourceBuffer, ids: Int32Array, scores: Float64Array) => {
    for (let t = 0; t < ids.length && buf.n < C; t++) if (mask[ids[t]!] === 0) buf.push(ids[t]!, scores[ids[t]!]!);
  };

  const ldaSeen = new Int32Array(nItems);
  const nUsers = prep.userKeys.length;
  const orderOfUsers = Array.from({ length: nUsers }, (_, u) => u).sort((a, b) =>
    prep.userKeys[a]! < prep.userKeys[b]! ? -1 : 1,
  );
  let usersWithLists = 0;
  let done = 0;
  for (const u of orderOfUsers) {
    if (onProgress && done++ % 10_000 === 0) onProgress(done - 1, nUsers);
    const start = x.indptr[u]!;
    const end = x.indptr[u + 1]!;
    if (end === start) continue;
    usersWithLists++;
    setMask(mask, prep, u, 1);
    const key = prep.userKeys[u]!;
    const cluster = clusters.clusterOfUser[u]!;
    if (userScorer) userScorer.run(u);
    const topTopic = models.topics
      ? ldaCandidates(models.topics, u, recommendableUnmasked, ldaList, order, ldaSeen, u + 1)
      : -1;
    if (prep.isVisitor[u]) graphList.n = 0;
    else graphCandidates(prep, graph, key, recommendableUnmasked, models.popularity, graphList, order);

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
      const kind = spec.kind ?? -1;
      const w = weights[spec.slot];
      buffers.forEach((b, s) => b.clear(w[sourceNames[s]!] ?? 0));
      cfScorer.run(scoring.cf, histItems, histVals);
      fromScorer(buffers[S.itemknn]!, cfScorer.scores, cfScorer.touched, cfScorer.count, kind, cfScorer.anchor);
      strongScorer.run(scoring.strong, histItems, histVals);
      fromScorer(
        buffers[S.strong]!,
        strongScorer.scores,
        strongScorer.touched,
        strongScorer.count,
        kind,
        strongScorer.anchor,
      );
      if (userScorer)
        fromScorer(buffers[S.userknn]!, userScorer.scores, userScorer.touched, userScorer.count, kind, null);
      if (histItems.length < options.shortHistory) {
        contentScorer.run(models.content, histItems, histVals);
        fromScorer(
          buffers[S.content]!,
          contentScorer.scores,
          contentScorer.touched,
          contentScorer.count,
          kind,
          contentScorer.anchor,
        );
      }
      fromList(buffers[S.lda]!, ldaList, allowed);
      fromList(buffers[S.graph]!, graphList, allowed);
      if (cluster >= 0) fromRanked(buffers[S.cluster]!, clusterLists[cluster]!.get(spec.slot)!, clusterPop[cluster]!);
      fromRanked(buffers[S.pop]!, popular.get(spec.slot)!, models.popularity);

      const n = options.perSlot[spec.slot];
      const picks = blender.blend(buffers, n, prep.creatorOf, options.maxPerCreator, creatorCount);
      const list = picks.map((pick) => toOut(pick, buffers, topTopic));
      if (list.length < n) {
        // Thin evidence: top up from the cluster's favourites, then the site's, never owned or seen.
        const have = new Set(list.map((l) => l.item));
        const pads: [Int32Array, string][] = [
          [cluster >= 0 ? clusterLists[cluster]!.get(spec.slot)! : new Int32Array(0), "cluster"],
          [popular.get(spec.slot)!, "pop"],
        ];
        for (const [ids, source] of pads) {
          for (const i of ids) {
            if (list.length >= n) break;
            if (mask[i] || have.has(i)) continue;
            have.add(i);
            list.push(popularOut(i, 0, source));
          }
        }
      }
      emit(key, spec.slot, list, u);
    }
    setMask(mask, prep, u, 0);
  }
  onProgress?.(nUsers, nUsers);
  return { rows, weights, usersWithLists };
}

/** Marks (1) or clears (0) the user's seen, owned and dismissed items. */
export function setMask(mask: Uint8Array, prep: Prepared, u: number, v: 0 | 1): void {
  for (const m of [prep.x, prep.owned, prep.dismissed])
    for (let p = m.indptr[u]!; p < m.indptr[u + 1]!; p++) mask[m.indices[p]!] = v;
}

/** The RELATION code of the user's cell on `item` (0 when none): the verb of a "because" reason. */
export function relationOf(prep: Prepared, u: number, item: number): number {
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
