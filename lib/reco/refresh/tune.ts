/**
 * Learns the blend: hyper-parameters of the item-item and user-kNN sources, then per-slot source
 * weights, by NDCG@10 on a validation split carved out of the training interactions. The refresh runs
 * it before fitting (stage "tune"), reco:eval runs it for `served`; both then fit on all the data with
 * what it chose.
 *
 * Validation (seeded): disjoint samples of at most `maxValidationUsers` users per slot.
 * - for_you: a `validationRatio` share of each sampled user's items (at least 1, at most m - 1) is held
 *   out, as reco:eval's user split does (or, with forYouSplit "item", of each item's users, as its item
 *   split does: reco:eval mirrors whichever split it reports);
 * - art_for_learners / courses_for_collectors: sampled users with history in both kinds lose ALL their
 *   items of the slot's kind, as reco:eval's cross-domain split does.
 * Everyone else keeps everything, except that past `maxTuneUsers` users only a seeded sample of them is
 * kept at all. Owned and count matrices lose the same cells, so nothing held out
 * leaks through the mask or the cluster features. The clusters are the caller's (fitted on everything,
 * a small leak through the cluster source only, documented because re-clustering would double the cost).
 *
 * Search, in this order, within `budgetMs` of wall clock (what the budget did not reach keeps its
 * default, and the result says so):
 * 1. per source, coordinate search over a small grid, each source scored alone on the first slot's
 *    validation users (for_you in the refresh, the evaluated slot in reco:eval):
 *    item-kNN shrink then k; EASE lambda (only where EASE runs: its fit is cubic); RP3beta alpha then
 *    beta; user-kNN k then shrink; ALS alpha then regularization (where ALS runs). A coordinate walks
 *    away from its default while NDCG improves.
 * 2. per slot, coordinate ascent on the source weights: start from the best single source alone, then up
 *    to three rounds over the sources trying each weight in WEIGHT_GRID, keeping a change only when
 *    NDCG rises. So on validation the blend is never below its best single source. Candidates are
 *    gathered once per user and re-blended for each trial (blend.ts, the code the shop serves).
 */
import { createRng } from "../../random";
import { ndcgAtK } from "../metrics";
import type { Neighbours } from "../similarity";
import { csrFromTriplets, type Csr } from "../sparse";
import type { Slot } from "../slots";
import type { ClusterResult } from "./clusters";
import type { LoadedData } from "./load";
import {
  DEFAULT_SERVING_PARAMS,
  alsSource,
  easeLists,
  itemKnnLists,
  rp3Lists,
  sizePlan,
  topicsFor,
  type ModelOptions,
  type Models,
  type ServingParams,
  type SideModels,
} from "./models";
import type { Prepared } from "./prepare";
import {
  SLOT_SPECS,
  SlotRecommender,
  SOURCE_NAMES,
  type SlotRecommenderOptions,
  type SlotSpec,
  type SourceName,
  type SourceWeights,
} from "./slot-recommender";
import { truncateNeighbours } from "./scoring";

export type TuneOptions = {
  seed: number;
  validationRatio: number;
  maxValidationUsers: number;
  /**
   * Above this many users the tuner fits on a seeded sample of them (validation users included): the
   * weights and the shape of each curve settle long before, and every fit here is one more fit of the
   * refresh. Values that grow with the data (EASE lambda, shrink) are then tuned at the sample's scale.
   */
  maxTuneUsers: number;
  /** A slot with fewer validation users than this learns nothing; the refresh keeps its prior weights. */
  minValidationUsers: number;
  /**
   * A weight change is kept only when it lifts validation NDCG by this share: smaller gains are within
   * the noise of a few thousand users and would trade a sure best single source for a guess.
   */
  minGain: number;
  /** Wall-clock budget of the hyper-parameter search; the weight ascent always runs. */
  budgetMs: number;
  k: number;
  /** How for_you's validation is held out: a share of each user's items, or of each item's users. */
  forYouSplit: "user" | "item";
  /** Slots to learn weights for; the first also scores the hyper-parameter search. */
  slots: readonly Slot[];
};

export const DEFAULT_TUNE_OPTIONS: TuneOptions = {
  seed: 7,
  validationRatio: 0.2,
  maxValidationUsers: 3000,
  maxTuneUsers: 60_000,
  minValidationUsers: 30,
  minGain: 0.02,
  budgetMs: 30_000,
  k: 10,
  forYouSplit: "user",
  slots: ["for_you", "art_for_learners", "courses_for_collectors"],
};

export const WEIGHT_GRID = [0, 0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1, 1.5, 2, 3] as const;

const GRIDS = {
  itemknnShrink: [0, 10, 50, 100, 200, 500],
  itemknnK: [10, 20, 50, 100, 200],
  easeLambda: [50, 150, 500, 1500, 5000],
  rp3Alpha: [0.25, 0.5, 0.75, 1],
  rp3Beta: [0, 0.1, 0.25, 0.4, 0.6],
  userknnK: [25, 50, 100, 200],
  userknnShrink: [0, 10, 50],
  alsRegularization: [0.01, 0.05, 0.1, 0.3, 1],
  alsAlpha: [1, 3, 10, 30],
};

export type Trial = { source: string; params: Record<string, number>; ndcg: number };

export type TuneResult = {
  params: ServingParams;
  weights: Partial<Record<Slot, SourceWeights>>;
  validation: Partial<Record<Slot, { users: number; blend: number; best: { source: string; ndcg: number } }>>;
  trials: Trial[];
  /** Coordinates the budget did not reach (they kept their defaults). */
  skipped: string[];
  ms: number;
  budgetMs: number;
};

type Holdout = { spec: SlotSpec; users: Int32Array; relevant: Set<number>[] };

/** Splits prep into a validation-training view and the held-out cells per slot. */
export function carveValidation(prep: Prepared, options: TuneOptions): { train: Prepared; holdouts: Holdout[] } {
  const { x, kindOf } = prep;
  const nUsers = x.nRows;
  const rng = createRng(options.seed);
  const taken = new Uint8Array(nUsers);
  const drop = new Map<number, Set<number>>();
  const holdouts: Holdout[] = [];
  const shuffled = Array.from({ length: nUsers }, (_, u) => u);
  for (let t = nUsers - 1; t > 0; t--) {
    const j = rng.int(t + 1);
    [shuffled[t], shuffled[j]] = [shuffled[j]!, shuffled[t]!];
  }
  // The first maxTuneUsers of the shuffle are the sample the tuner fits on.
  const kept = new Uint8Array(nUsers);
  for (let t = 0; t < Math.min(nUsers, options.maxTuneUsers); t++) kept[shuffled[t]!] = 1;
  for (const slot of options.slots) {
    const spec = SLOT_SPECS.find((s) => s.slot === slot)!;
    const users: number[] = [];
    const relevant: Set<number>[] = [];
    if (spec.kind === null && options.forYouSplit === "item") {
      holdouts.push(carveByItem(prep, kept, taken, drop, shuffled, rng, options));
      continue;
    }
    for (const u of shuffled) {
      if (users.length >= options.maxValidationUsers) break;
      if (taken[u] || drop.has(u) || !kept[u] || prep.isVisitor[u]) continue;
      const items = Array.from(x.indices.subarray(x.indptr[u]!, x.indptr[u + 1]!));
      let held: number[];
      if (spec.kind === null) {
        if (items.length < 2) continue;
        const nHeld = Math.min(items.length - 1, Math.max(1, Math.round(options.validationRatio * items.length)));
        for (let t = 0; t < nHeld; t++) {
          const j = t + rng.int(items.length - t);
          [items[t], items[j]] = [items[j]!, items[t]!];
        }
        held = items.slice(0, nHeld);
      } else {
        held = items.filter((i) => kindOf[i] === spec.kind);
        const rest = items.filter((i) => kindOf[i] === spec.from);
        if (held.length === 0 || rest.length === 0) continue;
      }
      taken[u] = 1;
      users.push(u);
      relevant.push(new Set(held));
      drop.set(u, new Set(held));
    }
    holdouts.push({ spec, users: Int32Array.from(users), relevant });
  }
  const without = (m: Csr): Csr => {
    const rows: number[] = [];
    const cols: number[] = [];
    const vals: number[] = [];
    for (let u = 0; u < m.nRows; u++) {
      if (!kept[u]) continue;
      const d = drop.get(u);
      for (let p = m.indptr[u]!; p < m.indptr[u + 1]!; p++) {
        if (d?.has(m.indices[p]!)) continue;
        rows.push(u);
        cols.push(m.indices[p]!);
        vals.push(m.data[p]!);
      }
    }
    return csrFromTriplets(m.nRows, m.nCols, rows, cols, vals, "last");
  };
  return {
    train: {
      ...prep,
      x: without(x),
      relation: without(prep.relation),
      counts: without(prep.counts),
      owned: without(prep.owned),
    },
    holdouts,
  };
}

/**
 * for_you validation by item, mirroring reco:eval's item split: a `validationRatio` share of each item's
 * interactions among the kept users (at least 1, at most m - 1; items with one interaction keep it) is
 * held out; validation users are those left with both held-out and remaining items, in shuffle order.
 */
function carveByItem(
  prep: Prepared,
  kept: Uint8Array,
  taken: Uint8Array,
  drop: Map<number, Set<number>>,
  shuffled: number[],
  rng: ReturnType<typeof createRng>,
  options: TuneOptions,
): Holdout {
  const { x } = prep;
  const byItem: number[][] = Array.from({ length: x.nCols }, () => []);
  for (let u = 0; u < x.nRows; u++) {
    if (!kept[u] || prep.isVisitor[u]) continue;
    for (let p = x.indptr[u]!; p < x.indptr[u + 1]!; p++) byItem[x.indices[p]!]!.push(u);
  }
  byItem.forEach((owners, i) => {
    const m = owners.length;
    if (m < 2) return;
    const nHeld = Math.min(m - 1, Math.max(1, Math.round(options.validationRatio * m)));
    for (let t = 0; t < nHeld; t++) {
      const j = t + rng.int(m - t);
      [owners[t], owners[j]] = [owners[j]!, owners[t]!];
      const u = owners[t]!;
      const set = drop.get(u) ?? new Set<number>();
      set.add(i);
      drop.set(u, set);
    }
  });
  const users: number[] = [];
  const relevant: Set<number>[] = [];
  for (const u of shuffled) {
    if (users.length >= options.maxValidationUsers) break;
    const held = drop.get(u);
    if (!held || x.indptr[u + 1]! - x.indptr[u]! <= held.size) continue;
    taken[u] = 1;
    users.push(u);
    relevant.push(held);
  }
  return { spec: SLOT_SPECS.find((s) => s.slot === "for_you")!, users: Int32Array.from(users), relevant };
}

/** Snapshot of one user's gathered candidates, so a weight trial re-blends without re-scoring. */
type Gathered = { n: Int32Array; items: Int32Array[]; scores: Float64Array[]; anchors: Int32Array[] };

function gatherAll(rec: SlotRecommender, h: Holdout): { gathered: Gathered[]; relevant: Set<number>[] } {
  const gathered: Gathered[] = [];
  const relevant: Set<number>[] = [];
  h.users.forEach((u, t) => {
    rec.beginUser(u);
    if (rec.gather(h.spec) > 0) {
      gathered.push({
        n: Int32Array.from(rec.buffers, (b) => b.n),
        items: rec.buffers.map((b) => b.items.slice(0, b.n)),
        scores: rec.buffers.map((b) => b.scores.slice(0, b.n)),
        anchors: rec.buffers.map((b) => b.anchors.slice(0, b.n)),
      });
      relevant.push(h.relevant[t]!);
    }
    rec.endUser();
  });
  return { gathered, relevant };
}

function meanNdcg(
  rec: SlotRecommender,
  g: { gathered: Gathered[]; relevant: Set<number>[] },
  w: SourceWeights,
  k: number,
) {
  if (g.gathered.length === 0) return 0;
  let sum = 0;
  // Only the weighted sources are restored: the blend skips the others.
  const active = SOURCE_NAMES.flatMap((name, s) => ((w[name] ?? 0) > 0 ? [s] : []));
  g.gathered.forEach((snap, t) => {
    for (const b of rec.buffers) b.n = 0;
    for (const s of active) {
      const b = rec.buffers[s]!;
      b.n = snap.n[s]!;
      b.items.set(snap.items[s]!);
      b.scores.set(snap.scores[s]!);
    }
    const ranked = rec.rank(w, k).map((p) => p.item);
    sum += ndcgAtK(ranked, g.relevant[t]!, k);
  });
  return sum / g.gathered.length;
}

/** Coordinate ascent on the weights of the sources that produced candidates, from the best single one. */
export function ascendWeights(
  score: (w: SourceWeights) => number,
  sources: readonly SourceName[],
  minGain = 0,
): { weights: SourceWeights; ndcg: number; alone: Partial<Record<SourceName, number>> } {
  const alone: Partial<Record<SourceName, number>> = {};
  let w: SourceWeights = {};
  let best = -1;
  for (const s of sources) {
    alone[s] = score({ [s]: 1 });
    if (alone[s]! > best) {
      best = alone[s]!;
      w = { [s]: 1 };
    }
  }
  for (let round = 0; round < 3; round++) {
    let improved = false;
    for (const s of sources) {
      for (const v of WEIGHT_GRID) {
        if ((w[s] ?? 0) === v) continue;
        const trial = { ...w, [s]: v };
        if (!Object.values(trial).some((x) => x > 0)) continue;
        const sc = score(trial);
        if (sc > best * (1 + minGain) + 1e-9) {
          best = sc;
          w = trial;
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
  const total = Object.values(w).reduce((a, b) => a + b, 0);
  const weights: SourceWeights = {};
  for (const [s, v] of Object.entries(w)) if (v > 0) weights[s as SourceName] = v / total;
  return { weights, ndcg: best, alone };
}

export function tuneServing(
  prep: Prepared,
  data: LoadedData,
  clusters: ClusterResult,
  /** Content, topics and popularity, fitted on everything (topic mixtures are recomputed here). */
  side: SideModels,
  modelOptions: ModelOptions,
  recOptions: SlotRecommenderOptions,
  options: TuneOptions = DEFAULT_TUNE_OPTIONS,
): TuneResult {
  const started = performance.now();
  const deadline = started + options.budgetMs;
  const { train, holdouts } = carveValidation(prep, options);
  const primary = holdouts[0]!;
  // What runs is decided on all the data, so the tuner tunes the same forms the refresh then fits.
  const plan = sizePlan(prep.x, modelOptions);
  const K = modelOptions.neighbours;
  const params: ServingParams = structuredClone(DEFAULT_SERVING_PARAMS);
  const trials: Trial[] = [];
  const skipped: string[] = [];
  const empty: Neighbours = {
    n: prep.nItems,
    indptr: new Int32Array(prep.nItems + 1),
    indices: new Int32Array(0),
    sims: new Float64Array(0),
  };
  const topics = topicsFor(side.topics, train.x);
  const bare: Models = {
    ...side,
    cf: empty,
    itemknn: empty,
    ease: null,
    rp3beta: null,
    als: null,
    alsNeighbours: null,
    userKnn: null,
    content: empty,
    topics: null,
    params,
  };
  const noFollows = { ...data, follows: [] };
  /** NDCG@k of one source alone on for_you validation. */
  const alone = (name: SourceName, models: Partial<Models>, p: Record<string, number>): number => {
    const rec = new SlotRecommender(train, noFollows, { ...bare, ...models }, clusters, recOptions);
    const ndcg = meanNdcg(rec, gatherAll(rec, primary), { [name]: 1 }, options.k);
    trials.push({ source: name, params: p, ndcg: round(ndcg) });
    return ndcg;
  };
  /** Walks one coordinate from its default along the grid while the score improves. */
  const walk = (label: string, grid: readonly number[], start: number, evaluate: (v: number) => number): number => {
    if (performance.now() > deadline) {
      skipped.push(label);
      return start;
    }
    const cache = new Map<number, number>();
    // A step is only taken when the last one's cost still fits the budget (an EASE fit can take a minute).
    let lastCost = 0;
    const at = (i: number) => {
      const v = grid[i]!;
      if (!cache.has(v)) {
        const t0 = performance.now();
        cache.set(v, evaluate(v));
        lastCost = performance.now() - t0;
      }
      return cache.get(v)!;
    };
    const affordable = () => performance.now() + lastCost <= deadline;
    let i = grid.indexOf(start);
    if (i < 0) i = 0;
    at(i);
    for (const dir of [1, -1]) {
      while (i + dir >= 0 && i + dir < grid.length && affordable() && at(i + dir) > at(i) + 1e-9) i += dir;
    }
    if (!affordable()) skipped.push(`${label} (partly)`);
    return grid[i]!;
  };

  // 1. Hyper-parameters, one source at a time.
  const knnCache = new Map<number, Neighbours>();
  const knnWide = (shrink: number) => {
    if (!knnCache.has(shrink)) knnCache.set(shrink, itemKnnLists(train.x, { k: GRIDS.itemknnK.at(-1)!, shrink }));
    return knnCache.get(shrink)!;
  };
  params.itemknn.shrink = walk("itemknn.shrink", GRIDS.itemknnShrink, params.itemknn.shrink, (shrink) =>
    alone(
      "itemknn",
      { itemknn: truncateNeighbours(knnWide(shrink), params.itemknn.k) },
      { shrink, k: params.itemknn.k },
    ),
  );
  params.itemknn.k = walk("itemknn.k", GRIDS.itemknnK, params.itemknn.k, (k) =>
    alone(
      "itemknn",
      { itemknn: truncateNeighbours(knnWide(params.itemknn.shrink), k) },
      { shrink: params.itemknn.shrink, k },
    ),
  );
  const itemknn = truncateNeighbours(knnWide(params.itemknn.shrink), params.itemknn.k);
  knnCache.clear();

  let ease: Neighbours | null = null;
  if (plan.ease) {
    const fits = new Map<number, Neighbours>();
    const fit = (lambda: number) => {
      if (!fits.has(lambda)) fits.set(lambda, easeLists(train.x, lambda, K, modelOptions.easeMaxItems));
      return fits.get(lambda)!;
    };
    params.ease.lambda = walk("ease.lambda", GRIDS.easeLambda, params.ease.lambda, (lambda) =>
      alone("ease", { ease: fit(lambda) }, { lambda }),
    );
    ease = fit(params.ease.lambda);
  }

  const rp3 = (alpha: number, beta: number) => rp3Lists(train.x, { alpha, beta }, K);
  params.rp3beta.alpha = walk("rp3beta.alpha", GRIDS.rp3Alpha, params.rp3beta.alpha, (alpha) =>
    alone("rp3beta", { rp3beta: rp3(alpha, params.rp3beta.beta) }, { alpha, beta: params.rp3beta.beta }),
  );
  params.rp3beta.beta = walk("rp3beta.beta", GRIDS.rp3Beta, params.rp3beta.beta, (beta) =>
    alone("rp3beta", { rp3beta: rp3(params.rp3beta.alpha, beta) }, { alpha: params.rp3beta.alpha, beta }),
  );

  if (plan.userKnn) {
    params.userknn.k = walk("userknn.k", GRIDS.userknnK, params.userknn.k, (k) =>
      alone("userknn", { userKnn: { k, shrink: params.userknn.shrink } }, { k, shrink: params.userknn.shrink }),
    );
    params.userknn.shrink = walk("userknn.shrink", GRIDS.userknnShrink, params.userknn.shrink, (shrink) =>
      alone("userknn", { userKnn: { k: params.userknn.k, shrink } }, { k: params.userknn.k, shrink }),
    );
  }

  let als: Pick<Models, "als" | "alsNeighbours"> = { als: null, alsNeighbours: null };
  if (plan.als) {
    const fits = new Map<string, Pick<Models, "als" | "alsNeighbours">>();
    const fit = (p: ServingParams["als"]) => {
      const key = `${p.regularization}:${p.alpha}`;
      if (!fits.has(key)) fits.set(key, alsSource(train.x, modelOptions, p, plan.alsDense));
      return fits.get(key)!;
    };
    params.als.alpha = walk("als.alpha", GRIDS.alsAlpha, params.als.alpha, (alpha) =>
      alone("als", fit({ ...params.als, alpha }), { ...params.als, alpha }),
    );
    params.als.regularization = walk("als.regularization", GRIDS.alsRegularization, params.als.regularization, (r) =>
      alone("als", fit({ ...params.als, regularization: r }), { ...params.als, regularization: r }),
    );
    als = fit(params.als);
  }

  // 2. Weights per slot, over every source fitted on the validation view with the chosen parameters.
  const models: Models = {
    ...bare,
    content: side.content,
    topics,
    itemknn,
    ease,
    rp3beta: rp3(params.rp3beta.alpha, params.rp3beta.beta),
    ...als,
    userKnn: plan.userKnn ? params.userknn : null,
  };
  const rec = new SlotRecommender(train, data, models, clusters, recOptions);
  const weights: TuneResult["weights"] = {};
  const validation: TuneResult["validation"] = {};
  for (const h of holdouts) {
    const g = gatherAll(rec, h);
    if (g.gathered.length < options.minValidationUsers) continue;
    const producing = SOURCE_NAMES.filter((s, i) => g.gathered.some((snap) => snap.n[i]! > 0));
    const result = ascendWeights((w) => meanNdcg(rec, g, w, options.k), producing, options.minGain);
    const bestAlone = Object.entries(result.alone).sort((a, b) => b[1] - a[1])[0]!;
    weights[h.spec.slot] = result.weights;
    validation[h.spec.slot] = {
      users: g.gathered.length,
      blend: round(result.ndcg),
      best: { source: bestAlone[0], ndcg: round(bestAlone[1]) },
    };
  }
  return { params, weights, validation, trials, skipped, ms: performance.now() - started, budgetMs: options.budgetMs };
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
