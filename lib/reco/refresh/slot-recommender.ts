/**
 * One user's list for one slot, blended from every source the refresh fitted. The refresh (recommend.ts),
 * the blend tuner (tune.ts) and offline evaluation (served.ts, the `served` model of reco:eval) all go
 * through this class, so what is measured offline is what the shop serves.
 *
 *   const rec = new SlotRecommender(prep, data, models, clusters, options);
 *   rec.beginUser(u);
 *   if (rec.gather(spec)) picks = rec.blend(weights, n);
 *   rec.endUser();
 *
 * `gather` fills one candidate buffer per source (its top `candidatesPerSource` unseen, allowed items);
 * `blend` combines them with the given weights (blend.ts). The split lets the tuner gather once per
 * validation user and blend many times.
 */
import type { Neighbours } from "../similarity";
import type { Slot } from "../slots";
import { topN } from "../top-n";
import { alsScores } from "./als-source";
import { Blender, SourceBuffer, type BlendPick } from "./blend";
import type { ClusterResult } from "./clusters";
import type { LoadedData } from "./load";
import type { Models } from "./models";
import { KIND, type Prepared } from "./prepare";
import { NeighbourScorer, UserKnnScorer } from "./scoring";
import { buildFollowGraph, graphCandidates, ldaCandidates, rankedBy, ScoredList, type Allowed } from "./sources";

export type SlotSpec = { slot: Slot; kind: number | null; from: number | null };

/** Alphabetical: the primary key's order within a user. */
export const SLOT_SPECS: readonly SlotSpec[] = [
  { slot: "art_for_learners", kind: KIND.artwork, from: KIND.course },
  { slot: "courses_for_collectors", kind: KIND.course, from: KIND.artwork },
  { slot: "for_you", kind: null, from: null },
];

export const SOURCE_NAMES = [
  "itemknn",
  "ease",
  "rp3beta",
  "als",
  "userknn",
  "content",
  "lda",
  "graph",
  "cluster",
  "pop",
] as const;
export type SourceName = (typeof SOURCE_NAMES)[number];
export const SOURCE = Object.fromEntries(SOURCE_NAMES.map((s, i) => [s, i])) as Record<SourceName, number>;
/** Sources whose candidates come from item-item neighbour lists, with the history item behind them. */
const ITEM_ITEM: readonly number[] = [SOURCE.itemknn, SOURCE.ease, SOURCE.rp3beta];

export type SourceWeights = Partial<Record<SourceName, number>>;

/** The sources some slot's blend gives weight to (what fitModels needs to fit). */
export function weightedSources(weights: Partial<Record<Slot, SourceWeights>>): Set<SourceName> {
  const out = new Set<SourceName>();
  for (const w of Object.values(weights))
    for (const [name, v] of Object.entries(w ?? {})) if ((v ?? 0) > 0) out.add(name as SourceName);
  return out;
}

/**
 * The weight of a source the blend gave none: too small to reorder anything the weighted sources
 * found, enough to fill the list from its candidates (rather than leave it at three items) when they
 * found fewer than the slot shows.
 */
export const FILL_WEIGHT = 1e-6;

export type SlotRecommenderOptions = {
  candidatesPerSource: number;
  maxPerCreator: number;
  /** Users with fewer history items than this also get TF-IDF neighbours of their history. */
  shortHistory: number;
};

export type Pick = BlendPick & {
  /** "because_item" and friends: the reason's kind (slots.ts). */
  kind: string;
  sourceName: SourceName;
  /** History item behind an item-item pick, else -1. */
  reasonItem: number;
  tag: string | null;
  creator: string | null;
};

export class SlotRecommender {
  readonly buffers: SourceBuffer[];
  /** Per slot, the site's favourites and each cluster's, best first (the pop and cluster sources). */
  readonly popular: Map<Slot, Int32Array>;
  readonly clusterLists: Map<Slot, Int32Array>[];
  readonly clusterPop: Float64Array[];
  readonly mask: Uint8Array;

  private readonly cfScorer: NeighbourScorer;
  private readonly scorer: NeighbourScorer;
  private readonly userScorer: UserKnnScorer | null;
  private readonly graph: ReturnType<typeof buildFollowGraph>;
  private readonly blender: Blender;
  private readonly creatorCount: Int32Array;
  private readonly ldaList: ScoredList;
  private readonly graphList: ScoredList;
  private readonly order: Float64Array;
  private readonly filtered: Int32Array;
  private readonly ldaSeen: Int32Array;
  private readonly alsOut: Float64Array | null;
  /** Dense ALS only: this user's best allowed items per item kind, best first (see alsTops). */
  private alsTop: Int32Array[] = [];
  private readonly histItems: number[] = [];
  private readonly histVals: number[] = [];
  private u = -1;
  private topTopic = -1;
  private cluster = -1;

  constructor(
    readonly prep: Prepared,
    data: LoadedData,
    readonly models: Models,
    readonly clusters: ClusterResult,
    readonly options: SlotRecommenderOptions,
  ) {
    const { nItems, x, kindOf, recommendable } = prep;
    const C = options.candidatesPerSource;
    const kindAllowed =
      (spec: SlotSpec): Allowed =>
      (i) =>
        recommendable[i] === 1 && (spec.kind === null || kindOf[i] === spec.kind);
    this.popular = new Map(SLOT_SPECS.map((s) => [s.slot, rankedBy(models.popularity, kindAllowed(s), 200)]));
    this.clusterPop = Array.from({ length: clusters.k }, () => new Float64Array(nItems));
    for (let u = 0; u < prep.userKeys.length; u++) {
      const c = clusters.clusterOfUser[u]!;
      if (c < 0) continue;
      for (let p = x.indptr[u]!; p < x.indptr[u + 1]!; p++) this.clusterPop[c]![x.indices[p]!]!++;
    }
    this.clusterLists = this.clusterPop.map(
      (scores) => new Map(SLOT_SPECS.map((s) => [s.slot, rankedBy(scores, kindAllowed(s), 200)])),
    );
    this.cfScorer = new NeighbourScorer(nItems);
    this.scorer = new NeighbourScorer(nItems);
    this.userScorer = models.userKnn ? new UserKnnScorer(x, models.userKnn.k, models.userKnn.shrink) : null;
    this.graph = buildFollowGraph(prep, data);
    this.blender = new Blender(nItems);
    this.creatorCount = new Int32Array(Math.max(1, prep.creatorIds.length));
    this.buffers = SOURCE_NAMES.map((s) => new SourceBuffer(s, C));
    this.ldaList = new ScoredList(6 * C);
    this.graphList = new ScoredList(6 * C);
    this.order = new Float64Array(6 * C);
    this.mask = new Uint8Array(nItems);
    this.filtered = new Int32Array(nItems);
    this.ldaSeen = new Int32Array(nItems);
    this.alsOut = models.als ? new Float64Array(nItems) : null;
  }

  /** Masks the user's seen, owned and dismissed items and runs the per-user (slot-independent) sources. */
  beginUser(u: number): void {
    const { prep, models } = this;
    this.u = u;
    setMask(this.mask, prep, u, 1);
    this.cluster = this.clusters.clusterOfUser[u] ?? -1;
    const allowed: Allowed = (i) => prep.recommendable[i] === 1 && this.mask[i] === 0;
    this.userScorer?.run(u);
    this.topTopic = models.topics
      ? ldaCandidates(models.topics, u, allowed, this.ldaList, this.order, this.ldaSeen, u + 1)
      : -1;
    if (prep.isVisitor[u]) this.graphList.n = 0;
    else graphCandidates(prep, this.graph, prep.userKeys[u]!, allowed, models.popularity, this.graphList, this.order);
    if (this.alsOut && models.als) {
      alsScores(models.als, u, this.alsOut);
      this.alsTops();
    }
  }

  endUser(): void {
    setMask(this.mask, this.prep, this.u, 0);
    this.u = -1;
  }

  /** The user's cluster (-1 when not clustered) and strongest LDA topic, for reasons and padding. */
  get userCluster(): number {
    return this.cluster;
  }
  get userTopic(): number {
    return this.topTopic;
  }

  /**
   * Fills every source's buffer for `spec` (weights left at 0). Returns the number of history items the
   * slot walks from; 0 means the user has nothing to walk from in this slot and the buffers are empty.
   */
  gather(spec: SlotSpec): number {
    const { prep, models, buffers, histItems, histVals } = this;
    const { x, kindOf, recommendable } = prep;
    const u = this.u;
    histItems.length = 0;
    histVals.length = 0;
    for (let p = x.indptr[u]!; p < x.indptr[u + 1]!; p++) {
      const i = x.indices[p]!;
      if (spec.from === null || kindOf[i] === spec.from) {
        histItems.push(i);
        histVals.push(x.data[p]!);
      }
    }
    for (const b of buffers) b.clear(0);
    if (histItems.length === 0) return 0;
    const kind = spec.kind ?? -1;
    const allowed: Allowed = (i) => recommendable[i] === 1 && (kind < 0 || kindOf[i] === kind);
    const itemItem: [number, Neighbours | null][] = [
      [SOURCE.itemknn, models.itemknn],
      [SOURCE.ease, models.ease],
      [SOURCE.rp3beta, models.rp3beta],
      [SOURCE.als, this.alsOut ? null : models.alsNeighbours],
      [SOURCE.content, histItems.length < this.options.shortHistory ? models.content : null],
    ];
    for (const [s, nb] of itemItem) {
      if (!nb) continue;
      const sc = s === SOURCE.itemknn ? this.cfScorer : this.scorer;
      sc.run(nb, histItems, histVals);
      this.pushTop(buffers[s]!, sc.scores, sc.touched, sc.count, kind, sc.anchor);
    }
    if (this.userScorer) {
      const us = this.userScorer;
      this.pushTop(buffers[SOURCE.userknn]!, us.scores, us.touched, us.count, kind, null);
    }
    if (this.alsOut) this.pushAls(buffers[SOURCE.als]!, this.alsOut, kind);
    this.fromList(buffers[SOURCE.lda]!, this.ldaList, allowed);
    this.fromList(buffers[SOURCE.graph]!, this.graphList, allowed);
    if (this.cluster >= 0)
      this.fromRanked(
        buffers[SOURCE.cluster]!,
        this.clusterLists[this.cluster]!.get(spec.slot)!,
        this.clusterPop[this.cluster]!,
      );
    this.fromRanked(buffers[SOURCE.pop]!, this.popular.get(spec.slot)!, models.popularity);
    return histItems.length;
  }

  /** The n best gathered items under `weights`, with their reasons, creator cap applied. */
  blend(weights: SourceWeights, n: number): Pick[] {
    return this.rank(weights, n).map((pick) => this.explain(pick));
  }

  /** As blend, without the reasons: the tuner ranks millions of lists and reads only the items. */
  rank(weights: SourceWeights, n: number): BlendPick[] {
    for (let s = 0; s < this.buffers.length; s++) this.buffers[s]!.weight = weights[SOURCE_NAMES[s]!] || FILL_WEIGHT;
    return this.blender.blend(this.buffers, n, this.prep.creatorOf, this.options.maxPerCreator, this.creatorCount);
  }

  /** Items to top a thin list up with, in order: the user's cluster's favourites, then the site's. */
  padding(spec: SlotSpec): [Int32Array, "cluster" | "pop"][] {
    return [
      [this.cluster >= 0 ? this.clusterLists[this.cluster]!.get(spec.slot)! : new Int32Array(0), "cluster"],
      [this.popular.get(spec.slot)!, "pop"],
    ];
  }

  private explain(pick: BlendPick): Pick {
    const s = pick.source;
    const name = SOURCE_NAMES[s]!;
    const anchor = this.buffers[s]!.anchors[pick.position]!;
    const item = this.prep.items[pick.item]!;
    const out: Pick = { ...pick, kind: "popular", sourceName: name, reasonItem: -1, tag: null, creator: null };
    if (ITEM_ITEM.includes(s) || (s === SOURCE.als && anchor >= 0)) {
      out.kind = "because_item";
      out.reasonItem = anchor;
    } else if (s === SOURCE.content) {
      out.kind = "similar_content";
      out.reasonItem = anchor;
    } else if (s === SOURCE.userknn || s === SOURCE.als) {
      out.kind = "similar_users";
    } else if (s === SOURCE.lda) {
      const topics = this.models.topics;
      const tags = topics && this.topTopic >= 0 ? (topics.topTags[this.topTopic] ?? []) : [];
      out.tag = tags.find((t) => item.tags.includes(t)) ?? item.tags[0] ?? null;
      if (out.tag) out.kind = "tag";
    } else if (s === SOURCE.graph) {
      if (anchor === 1) {
        out.kind = "followed_creator";
        out.creator = item.creatorId;
      } else out.kind = "graph";
    }
    return out;
  }

  private pushTop(
    buf: SourceBuffer,
    scores: Float64Array,
    touched: Int32Array,
    count: number,
    kind: number,
    anchors: Int32Array | null,
  ): void {
    const { mask, filtered } = this;
    const { recommendable, kindOf } = this.prep;
    let m = 0;
    for (let t = 0; t < count; t++) {
      const i = touched[t]!;
      if (mask[i] === 0 && recommendable[i] === 1 && scores[i]! > 0 && (kind < 0 || kindOf[i] === kind))
        filtered[m++] = i;
    }
    for (const i of topN(scores, buf.items.length, { candidates: filtered, candidateCount: m }))
      buf.push(i, scores[i]!, anchors ? anchors[i]! : -1);
  }

  /**
   * Dense ALS scores every item for the user once; every slot then wants the best few of one kind or of
   * all. One pass over the catalogue keeps the best `candidatesPerSource` allowed items of each kind
   * (unseen, recommendable), and a slot over all kinds merges those short lists, which holds exactly
   * the best of all: no item in the overall top can miss its own kind's top.
   */
  private alsTops(): void {
    const { mask, filtered, alsOut } = this;
    const { recommendable, kindOf, nItems } = this.prep;
    const C = this.options.candidatesPerSource;
    const kinds = Object.keys(KIND).length;
    const starts = new Int32Array(kinds + 1);
    for (let i = 0; i < nItems; i++) if (mask[i] === 0 && recommendable[i] === 1) starts[kindOf[i]! + 1]!++;
    for (let k = 0; k < kinds; k++) starts[k + 1]! += starts[k]!;
    const fill = starts.slice(0, kinds);
    for (let i = 0; i < nItems; i++) if (mask[i] === 0 && recommendable[i] === 1) filtered[fill[kindOf[i]!]!++] = i;
    this.alsTop = Array.from({ length: kinds }, (_, k) =>
      topN(alsOut!, C, { candidates: filtered.subarray(starts[k]!, starts[k + 1]!) }),
    );
  }

  /** The ALS source's candidates for a slot of one kind (kind >= 0) or of all, from alsTops. */
  private pushAls(buf: SourceBuffer, scores: Float64Array, kind: number): void {
    if (kind >= 0) {
      for (const i of this.alsTop[kind]!) buf.push(i, scores[i]!);
      return;
    }
    // Merge the kinds' lists, best first, ties to the lower index as topN breaks them.
    const at = new Int32Array(this.alsTop.length);
    for (let n = 0; n < buf.items.length; n++) {
      let best = -1;
      for (let k = 0; k < this.alsTop.length; k++) {
        const list = this.alsTop[k]!;
        if (at[k]! >= list.length) continue;
        const i = list[at[k]!]!;
        const b = best < 0 ? -1 : this.alsTop[best]![at[best]!]!;
        if (best < 0 || scores[i]! > scores[b]! || (scores[i] === scores[b] && i < b)) best = k;
      }
      if (best < 0) break;
      const i = this.alsTop[best]![at[best]!++]!;
      buf.push(i, scores[i]!);
    }
  }

  private fromList(buf: SourceBuffer, list: ScoredList, allowed: Allowed): void {
    const cap = buf.items.length;
    for (let t = 0; t < list.n && buf.n < cap; t++)
      if (allowed(list.items[t]!)) buf.push(list.items[t]!, list.scores[t]!, list.flags[t]!);
  }

  private fromRanked(buf: SourceBuffer, ids: Int32Array, scores: Float64Array): void {
    const cap = buf.items.length;
    for (let t = 0; t < ids.length && buf.n < cap; t++)
      if (this.mask[ids[t]!] === 0) buf.push(ids[t]!, scores[ids[t]!]!);
  }
}

/** Marks (1) or clears (0) the user's seen, owned and dismissed items. */
export function setMask(mask: Uint8Array, prep: Prepared, u: number, v: 0 | 1): void {
  for (const m of [prep.x, prep.owned, prep.dismissed])
    for (let p = m.indptr[u]!; p < m.indptr[u + 1]!; p++) mask[m.indices[p]!] = v;
}
