/**
 * The shop's served recommendations on a bare ratings matrix, for offline evaluation (`served` in
 * reco:eval). Nothing here re-implements the blend: the matrix becomes the refresh's Prepared view (one
 * creator per item, no tags or text, nobody followed), and the refresh's own stages run on it: side
 * models, clusters, the tuner (tune.ts), the collaborative models with the tuned values, and the
 * SlotRecommender that writes the shop's lists. Sources that need what a ratings file lacks (content,
 * LDA, the follow graph) simply produce no candidates.
 */
import { clusterUsers, DEFAULT_CLUSTER_OPTIONS } from "./refresh/clusters";
import type { CatalogueItem, LoadedData } from "./refresh/load";
import {
  DEFAULT_MODEL_OPTIONS,
  fitModels,
  fitSideModels,
  sizePlan,
  strongModelName,
  type ModelOptions,
} from "./refresh/models";
import { KIND, type Prepared } from "./refresh/prepare";
import { DEFAULT_RECOMMEND_OPTIONS } from "./refresh/recommend";
import { SLOT_SPECS, SlotRecommender, weightedSources, type SlotSpec } from "./refresh/slot-recommender";
import { DEFAULT_TUNE_OPTIONS, tuneServing, type TuneOptions, type TuneResult } from "./refresh/tune";
import { csrFromTriplets, type Csr } from "./sparse";
import type { Slot } from "./slots";

export type ServedOptions = {
  seed: number;
  /** Per item: KIND.course or KIND.artwork (cross-domain evaluation); all courses when omitted. */
  kindOf?: Uint8Array;
  /** The slot whose logic is evaluated: for_you, or a cross-domain slot. */
  slot: Slot;
  tuneBudgetMs?: number;
  models?: Partial<ModelOptions>;
  tune?: Partial<TuneOptions>;
  log?: (message: string) => void;
};

export type Served = {
  /** Top n for a training user, never an item of their training row. */
  recommend: (user: number, n: number) => Int32Array;
  tuning: TuneResult;
  strongModel: string;
};

const EMPTY_DATA = (items: CatalogueItem[]): LoadedData => ({
  now: 0,
  trendEnd: 0,
  items,
  tags: [],
  cells: {
    userKey: [],
    productId: [],
    weight: new Float64Array(0),
    views: new Int32Array(0),
    carts: new Int32Array(0),
    purchases: new Int32Array(0),
  },
  userStats: [],
  owned: [],
  orderSpend: new Map(),
  reviews: [],
  follows: [],
  dismissed: [],
  bandit: [],
});

/** The refresh's view of a users x items matrix: every item its own creator, recommendable, untagged. */
export function preparedFromMatrix(x: Csr, kindOf?: Uint8Array): { prep: Prepared; data: LoadedData } {
  const nItems = x.nCols;
  const kinds = kindOf ?? new Uint8Array(nItems).fill(KIND.course);
  const items: CatalogueItem[] = Array.from({ length: nItems }, (_, i) => ({
    id: String(i),
    slug: String(i),
    kind: kinds[i] === KIND.artwork ? "artwork" : "course",
    creatorId: String(i),
    title: "",
    text: "",
    recommendable: true,
    priceAmount: 0,
    currency: "",
    createdAt: 0,
    tags: [],
  }));
  const none = csrFromTriplets(x.nRows, nItems, [], [], []);
  const userKeys = Array.from({ length: x.nRows }, (_, u) => String(u));
  const prep: Prepared = {
    items,
    nItems,
    itemIndex: new Map(items.map((it, i) => [it.id, i])),
    kindOf: kinds,
    recommendable: new Uint8Array(nItems).fill(1),
    creatorOf: Int32Array.from({ length: nItems }, (_, i) => i),
    creatorIds: items.map((it) => it.id),
    userKeys,
    userIndex: new Map(userKeys.map((k, u) => [k, u])),
    isVisitor: new Uint8Array(x.nRows),
    x,
    relation: { ...x, data: new Float64Array(x.data.length).fill(1) },
    counts: x,
    owned: none,
    dismissed: none,
  };
  return { prep, data: EMPTY_DATA(items) };
}

export function fitServed(train: Csr, options: ServedOptions): Served {
  const log = options.log ?? (() => {});
  const { prep, data } = preparedFromMatrix(train, options.kindOf);
  const modelOptions = { ...DEFAULT_MODEL_OPTIONS, seed: options.seed, ...options.models };
  // No per-creator cap: every item is its own creator here, and the shop's cap of 2 would not bind.
  const recOptions = { ...DEFAULT_RECOMMEND_OPTIONS, seed: options.seed };
  const side = fitSideModels(prep, data, modelOptions);
  log("served: clustering users...");
  const clusters = clusterUsers(prep, data, side.topics, { ...DEFAULT_CLUSTER_OPTIONS, seed: options.seed });
  log("served: tuning hyper-parameters and blend weights on a validation split of train...");
  const tuning = tuneServing(prep, data, clusters, side, modelOptions, recOptions, {
    ...DEFAULT_TUNE_OPTIONS,
    slots: options.slot === "for_you" ? ["for_you"] : [options.slot, "for_you"],
    ...(options.tuneBudgetMs !== undefined ? { budgetMs: options.tuneBudgetMs } : {}),
    ...options.tune,
  });
  log(
    `served: ${tuning.trials.length} trials in ${(tuning.ms / 1000).toFixed(1)} s; ${JSON.stringify(tuning.validation)}`,
  );
  log("served: fitting the sources with the tuned values...");
  const weights = tuning.weights[options.slot] ?? tuning.weights.for_you ?? recOptions.baseWeights[options.slot];
  // As the refresh does: a costly source this blend gives no weight is not fitted.
  const models = fitModels(prep.x, side, modelOptions, tuning.params, weightedSources({ [options.slot]: weights }));
  const rec = new SlotRecommender(prep, data, models, clusters, recOptions);
  const spec: SlotSpec = SLOT_SPECS.find((s) => s.slot === options.slot)!;
  const recommend = (user: number, n: number): Int32Array => {
    rec.beginUser(user);
    const out: number[] = [];
    if (rec.gather(spec) > 0) for (const p of rec.blend(weights, n)) out.push(p.item);
    // Thin evidence: the cluster's favourites, then the site's, as the refresh pads a list.
    const have = new Set(out);
    for (const [ids] of rec.padding(spec)) {
      for (const i of ids) {
        if (out.length >= n) break;
        if (rec.mask[i] || have.has(i)) continue;
        have.add(i);
        out.push(i);
      }
    }
    rec.endUser();
    return Int32Array.from(out);
  };
  return { recommend, tuning, strongModel: strongModelName(sizePlan(prep.x, modelOptions)) };
}

/**
 * The cross-domain slot on a ratings file with item domains: the target domain plays the artworks,
 * every other domain the courses, and the art_for_learners logic walks from the latter to rank the
 * former (the same code as courses_for_collectors, mirrored).
 */
export function fitServedCrossDomain(
  train: Csr,
  domainOf: Int32Array,
  target: number,
  options: Omit<ServedOptions, "kindOf" | "slot">,
): Served {
  const kindOf = Uint8Array.from(domainOf, (d) => (d === target ? KIND.artwork : KIND.course));
  // Validated on that slot alone, with fewer users than for_you: every validation user here loses a whole
  // domain, and thousands of them would leave neighbours with far less of the target than test users see.
  return fitServed(train, {
    ...options,
    kindOf,
    slot: "art_for_learners",
    tune: { slots: ["art_for_learners"], maxValidationUsers: 1000, ...options.tune },
  });
}
