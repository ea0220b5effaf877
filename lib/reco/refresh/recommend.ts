/**
 * Per-user recommendations for every slot, blended from all sources with a reason per item.
 *
 * Slots:
 * - for_you: anything recommendable, scored from the user's whole history;
 * - art_for_learners: artworks, with the item-item sources walking from the user's COURSE history only,
 *   so the reason reads "because you took <course>": the cross-domain case Atelier exists for;
 * - courses_for_collectors: the mirror image, courses from the user's artwork history.
 * Owned, dismissed and already-seen items never appear; at most `maxPerCreator` per creator.
 * The per-user work (sources, blend, reasons) is slot-recommender.ts, shared with the tuner and offline
 * evaluation. Blend weights per slot are the learned base weights (tune.ts) reshaped by a
 * Thompson-sampling bandit over the slot's recommendation impressions and clicks per source
 * (hybrid.ts adaptSlotWeights).
 * Pseudo-users "popular" and "cluster:<c>" get lists too: the reader's cold-start fallback.
 * Users are written in key order so the inserts append to the primary-key index instead of splitting
 * pages all over it.
 */
import { adaptSlotWeights, type SourceStats } from "../hybrid";
import { clusterKey, POPULAR_KEY, SLOTS, type Slot } from "../slots";
import type { ClusterResult } from "./clusters";
import type { LoadedData } from "./load";
import type { Models } from "./models";
import { RELATION_NAMES, type Prepared } from "./prepare";
import {
  SLOT_SPECS,
  SlotRecommender,
  SOURCE,
  type Pick,
  type SlotRecommenderOptions,
  type SourceWeights,
} from "./slot-recommender";

export type RecommendOptions = SlotRecommenderOptions & {
  perSlot: Record<Slot, number>;
  /** Per slot, the blend weights before the click bandit reshapes them: learned by tune.ts. */
  baseWeights: Record<Slot, SourceWeights>;
  seed: number;
};

/**
 * Used only until a tuning run has chosen weights (a catalogue too small to validate on): every item-item
 * source and ALS together carry half, the people- and content-based ones the rest.
 */
export const FALLBACK_WEIGHTS: SourceWeights = {
  itemknn: 0.15,
  ease: 0.1,
  rp3beta: 0.1,
  als: 0.1,
  userknn: 0.15,
  lda: 0.1,
  graph: 0.1,
  content: 0.1,
  cluster: 0.06,
  pop: 0.04,
};

export const DEFAULT_RECOMMEND_OPTIONS: RecommendOptions = {
  perSlot: { for_you: 12, art_for_learners: 6, courses_for_collectors: 6 },
  candidatesPerSource: 30,
  maxPerCreator: 2,
  shortHistory: 5,
  baseWeights: {
    for_you: FALLBACK_WEIGHTS,
    art_for_learners: FALLBACK_WEIGHTS,
    courses_for_collectors: FALLBACK_WEIGHTS,
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

/** Final weights per slot: base weight times the bandit's share relative to an even split. */
export function slotWeights(
  data: LoadedData,
  base: Record<Slot, SourceWeights>,
  seed: number,
): Record<Slot, SourceWeights> {
  const stats: Record<string, Record<string, SourceStats>> = {};
  for (const slot of SLOTS) {
    const names = Object.keys(base[slot]).filter((s) => (base[slot][s as keyof SourceWeights] ?? 0) > 0);
    stats[slot] = Object.fromEntries(names.map((s) => [s, { impressions: 0, clicks: 0 }]));
  }
  for (const b of data.bandit) {
    const slotStats = stats[b.slot];
    if (slotStats?.[b.source]) slotStats[b.source] = { impressions: b.impressions, clicks: b.clicks };
  }
  const adapted = adaptSlotWeights(stats, { seed, minWeight: 0.02 });
  const out = {} as Record<Slot, SourceWeights>;
  for (const slot of SLOTS) {
    const names = Object.keys(stats[slot]!);
    const w: Record<string, number> = {};
    let total = 0;
    for (const name of names) {
      const b = base[slot][name as keyof SourceWeights] ?? 0;
      const v = b * (adapted[slot]?.[name] ?? 1 / names.length) * names.length;
      w[name] = v;
      total += v;
    }
    for (const s of Object.keys(w)) w[s] = total > 0 ? w[s]! / total : 0;
    out[slot] = w;
  }
  return out;
}

export type RecommendResult = {
  /** The rows not handed to a sink: all of them when there is none. */
  rows: RecoRows;
  rowCount: number;
  weights: Record<Slot, SourceWeights>;
  usersWithLists: number;
};

export type RecommendHooks = {
  onProgress?: (done: number, total: number) => void;
  /**
   * Takes the rows in chunks of about `chunkRows` as they are computed (the refresh appends them to
   * its staged generation). One chunk is in flight at a time, and the loop yields to the event loop
   * now and then so the database receives it while the next chunk is computed.
   */
  sink?: (rows: RecoRows) => Promise<void>;
  chunkRows?: number;
};

/** Users scored between two turns of the event loop when rows go to a sink. */
const USERS_PER_YIELD = 256;

export async function recommendAll(
  prep: Prepared,
  data: LoadedData,
  models: Models,
  clusters: ClusterResult,
  options: RecommendOptions = DEFAULT_RECOMMEND_OPTIONS,
  hooks: RecommendHooks = {},
): Promise<RecommendResult> {
  const { items } = prep;
  const { onProgress, sink, chunkRows = 50_000 } = hooks;
  const weights = slotWeights(data, options.baseWeights, options.seed);
  let rows = emptyRecoRows();
  let rowCount = 0;
  let inFlight: Promise<void> | null = null;
  let failure: unknown = null;
  const flush = async () => {
    if (inFlight) await inFlight;
    if (failure) throw failure;
    if (!sink || rows.userKey.length === 0) return;
    const batch = rows;
    rows = emptyRecoRows();
    inFlight = sink(batch).catch((error: unknown) => {
      failure = error;
    });
  };
  const rec = new SlotRecommender(prep, data, models, clusters, options);

  const emit = (key: string, slot: Slot, list: Pick[], u: number) => {
    for (let r = 0; r < list.length; r++) {
      const it = list[r]!;
      rowCount++;
      rows.userKey.push(key);
      rows.slot.push(slot);
      rows.rank.push(r + 1);
      rows.productId.push(items[it.item]!.id);
      rows.score.push(Math.fround(it.score));
      rows.source.push(it.sourceName);
      rows.kind.push(it.kind);
      rows.reasonItem.push(it.reasonItem >= 0 ? items[it.reasonItem]!.id : null);
      rows.relation.push(
        it.reasonItem >= 0 && u >= 0 ? RELATION_NAMES[relationOf(prep, u, it.reasonItem)] || null : null,
      );
      rows.tag.push(it.tag);
      rows.creator.push(it.creator);
    }
  };
  const popularPick = (item: number, score: number, source: "cluster" | "pop"): Pick => ({
    item,
    score,
    source: SOURCE[source],
    position: -1,
    sourceName: source,
    kind: "popular",
    reasonItem: -1,
    tag: null,
    creator: null,
  });

  // Pseudo-user lists, capped per creator where the catalogue allows it.
  const listFrom = (ids: Int32Array, scores: Float64Array, n: number, source: "cluster" | "pop"): Pick[] => {
    const out: Pick[] = [];
    const used = new Set<number>();
    const perCreator = new Map<number, number>();
    for (const cap of [options.maxPerCreator, Infinity]) {
      for (const i of ids) {
        if (out.length >= n) break;
        const c = prep.creatorOf[i]!;
        if (used.has(i) || (perCreator.get(c) ?? 0) >= cap) continue;
        used.add(i);
        perCreator.set(c, (perCreator.get(c) ?? 0) + 1);
        out.push(popularPick(i, scores[i]!, source));
      }
    }
    return out;
  };
  for (const spec of SLOT_SPECS) {
    const n = options.perSlot[spec.slot];
    emit(POPULAR_KEY, spec.slot, listFrom(rec.popular.get(spec.slot)!, models.popularity, n, "pop"), -1);
    rec.clusterLists.forEach((lists, c) =>
      emit(clusterKey(c), spec.slot, listFrom(lists.get(spec.slot)!, rec.clusterPop[c]!, n, "cluster"), -1),
    );
  }

  const { x } = prep;
  const nUsers = prep.userKeys.length;
  const orderOfUsers = Array.from({ length: nUsers }, (_, u) => u).sort((a, b) =>
    prep.userKeys[a]! < prep.userKeys[b]! ? -1 : 1,
  );
  let usersWithLists = 0;
  let done = 0;
  for (const u of orderOfUsers) {
    if (done % 10_000 === 0) onProgress?.(done, nUsers);
    done++;
    if (sink && done % USERS_PER_YIELD === 0) {
      if (rows.userKey.length >= chunkRows) await flush();
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (x.indptr[u + 1]! === x.indptr[u]!) continue;
    usersWithLists++;
    rec.beginUser(u);
    const key = prep.userKeys[u]!;
    for (const spec of SLOT_SPECS) {
      if (rec.gather(spec) === 0) continue;
      const n = options.perSlot[spec.slot];
      const list = rec.blend(weights[spec.slot], n);
      if (list.length < n) {
        // Thin evidence: top up from the cluster's favourites, then the site's, never owned or seen.
        const have = new Set(list.map((l) => l.item));
        for (const [ids, source] of rec.padding(spec)) {
          for (const i of ids) {
            if (list.length >= n) break;
            if (rec.mask[i] || have.has(i)) continue;
            have.add(i);
            list.push(popularPick(i, 0, source));
          }
        }
      }
      emit(key, spec.slot, list, u);
    }
    rec.endUser();
  }
  await flush();
  if (inFlight) await inFlight;
  if (failure) throw failure;
  onProgress?.(nUsers, nUsers);
  return { rows, rowCount, weights, usersWithLists };
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
