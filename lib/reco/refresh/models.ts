/**
 * Fits every model the refresh blends, on the prepared matrices, with the hyper-parameters the tuner
 * chose (tune.ts) or the defaults below:
 * - item-kNN (shrunk cosine), whose wide neighbour lists also feed the "Similar" strips;
 * - EASE where the active catalogue is small enough for its dense inverse (cubic in items);
 * - ALS (latent factors, linear in interactions) where it is not: the strong model at every size;
 * - RP3beta (sparse graph walk) always: cheap, and strong on popularity-skewed catalogues;
 * - user-kNN when the co-occurrence walk it needs is affordable;
 * - TF-IDF content neighbours for cold items and short histories;
 * - LDA topics over item tags and review text, with every user's topic mixture.
 */
import { fitAls } from "../als";
import { contentNeighbours, fitTfidf, tokenize, tagToken } from "../content";
import { fitEase } from "../ease";
import { encodeDocuments, fitLda, userTopicMixtures, type LdaModel } from "../lda";
import { fitPopularity } from "../popularity";
import { fitRp3beta } from "../rp3beta";
import { cosineNeighbours, type Neighbours } from "../similarity";
import { transpose, type Csr } from "../sparse";
import { topN } from "../top-n";
import { alsItemNeighbours, type AlsFactors } from "./als-source";
import type { LoadedData } from "./load";
import type { Prepared } from "./prepare";
import { sparsifyDense, truncateNeighbours, userKnnCost } from "./scoring";

/** The hyper-parameters the tuner searches (tune.ts); these defaults are its starting point. */
export type ServingParams = {
  itemknn: { k: number; shrink: number };
  userknn: { k: number; shrink: number };
  ease: { lambda: number };
  rp3beta: { alpha: number; beta: number };
  /** ALS confidence slope and regularization (scaled per row by its evidence, als.ts). */
  als: { regularization: number; alpha: number };
};

export const DEFAULT_SERVING_PARAMS: ServingParams = {
  itemknn: { k: 50, shrink: 100 },
  userknn: { k: 100, shrink: 10 },
  ease: { lambda: 500 },
  rp3beta: { alpha: 0.5, beta: 0 },
  als: { regularization: 0.05, alpha: 1 },
};

export type ModelOptions = {
  seed: number;
  /** Neighbours kept per item in the stored lists and per item-item source. */
  neighbours: number;
  /** EASE runs up to this many active items (its inverse is cubic); ALS takes over above. */
  easeMaxItems: number;
  /** user-kNN is skipped when the (user, user) pairs it would walk exceed this. */
  userKnnMaxCost: number;
  /** ALS factors; scoring costs items x factors per user, so large catalogues get fewer. */
  alsFactors: (activeItems: number) => number;
  alsIterations: number;
  /** ALS also runs beside EASE while users x items x factors (its scoring cost) stays under this. */
  alsBesideEaseMaxCost: number;
  /** Above this users x items x factors, ALS scores through item neighbours instead of densely. */
  alsDenseMaxCost: number;
  ldaTopics: number;
  ldaIterations: number;
  /** Review tokens per item fed to LDA: bounds its cost on items with thousands of reviews. */
  ldaMaxTokensPerItem: number;
};

export const DEFAULT_MODEL_OPTIONS: ModelOptions = {
  seed: 42,
  neighbours: 100,
  easeMaxItems: 3000,
  userKnnMaxCost: 4e8,
  alsFactors: (activeItems) => (activeItems <= 5_000 ? 64 : 32),
  alsIterations: 10,
  alsBesideEaseMaxCost: 2e9,
  alsDenseMaxCost: 2e10,
  ldaTopics: 12,
  ldaIterations: 150,
  ldaMaxTokensPerItem: 200,
};

export type Topics = {
  model: LdaModel;
  vocab: string[];
  /** users x topics, row-major; all-zero rows for users without evidence. */
  userMix: Float64Array;
  /** Per topic, its most probable tags (slugs), for labels and reasons. */
  topTags: string[][];
  /** Per topic, recommendable items with the highest share of that topic, best first. */
  topItems: Int32Array[];
};

export type Models = {
  /** Item-kNN neighbours, twice the scoring width: the stored "Similar" lists. */
  cf: Neighbours;
  /** Item-item sources as the blend scores them (null when not run at this size). */
  itemknn: Neighbours;
  ease: Neighbours | null;
  rp3beta: Neighbours | null;
  /** Dense ALS scoring (every user against every item), or null. */
  als: AlsFactors | null;
  /** ALS through item neighbours in factor space, where dense scoring costs too much; or null. */
  alsNeighbours: Neighbours | null;
  userKnn: { k: number; shrink: number } | null;
  content: Neighbours;
  topics: Topics | null;
  /** Distinct users per item. */
  popularity: Float64Array;
  params: ServingParams;
  timings: Record<string, number>;
};

/** The model the blend leans on for this catalogue: what the studio and the summary call "strong". */
/** The strong model the size plan picks (whether or not the tuned blend then gives it weight). */
export function strongModelName(plan: Pick<ReturnType<typeof sizePlan>, "ease" | "als">): "ease" | "als" | "rp3beta" {
  return plan.ease ? "ease" : plan.als ? "als" : "rp3beta";
}

export function activeItemCount(x: Csr): number {
  const seen = new Uint8Array(x.nCols);
  let active = 0;
  for (let p = 0; p < x.indices.length; p++) {
    const i = x.indices[p]!;
    if (seen[i] === 0) {
      seen[i] = 1;
      active++;
    }
  }
  return active;
}

/** Item-kNN lists (shrunk cosine between item columns), best first. */
export function itemKnnLists(x: Csr, params: { k: number; shrink: number }): Neighbours {
  return cosineNeighbours(transpose(x), params);
}

/** EASE's dense weights pruned to each item's k best positive neighbours (scoring.ts sparsifyDense). */
export function easeLists(x: Csr, lambda: number, k: number, maxItems: number): Neighbours {
  const ease = fitEase(x, { lambda, maxItems });
  return sparsifyDense(ease.weights, ease.activeItems, x.nCols, k);
}

export function rp3Lists(x: Csr, params: { alpha: number; beta: number }, k: number): Neighbours {
  return fitRp3beta(x, { ...params, k }).neighbours;
}

export function fitAlsFactors(x: Csr, options: ModelOptions, params: ServingParams["als"]): AlsFactors {
  const m = fitAls(x, {
    ...params,
    factors: options.alsFactors(activeItemCount(x)),
    iterations: options.alsIterations,
    cgSteps: 3,
    seed: options.seed,
  });
  return { factors: m.factors, userFactors: m.userFactors, itemFactors: m.itemFactors };
}

/**
 * What runs at this size: EASE below its item ceiling; ALS above it (the strong model where EASE cannot
 * run) and also beside EASE while scoring every user against every item stays cheap; user-kNN while
 * its co-occurrence walk is affordable. RP3beta and item-kNN always run.
 */
export function sizePlan(
  x: Csr,
  options: ModelOptions,
): { ease: boolean; als: boolean; alsDense: boolean; userKnn: boolean } {
  const active = activeItemCount(x);
  const ease = active > 0 && active <= options.easeMaxItems;
  const alsScoringCost = x.nRows * active * options.alsFactors(active);
  const als = active > 0 && (!ease || alsScoringCost <= options.alsBesideEaseMaxCost);
  return {
    ease,
    als,
    alsDense: als && alsScoringCost <= options.alsDenseMaxCost,
    userKnn: userKnnCost(x) <= options.userKnnMaxCost,
  };
}

/** ALS as the blend uses it at this size: dense factors, or item neighbours in factor space. */
export function alsSource(
  x: Csr,
  options: ModelOptions,
  params: ServingParams["als"],
  dense: boolean,
): Pick<Models, "als" | "alsNeighbours"> {
  const factors = fitAlsFactors(x, options, params);
  return dense
    ? { als: factors, alsNeighbours: null }
    : { als: null, alsNeighbours: alsItemNeighbours(factors, x.nCols, options.neighbours) };
}

/** The size rules of sizePlan in words, for bench:reco and the docs. */
export function sizeLimits(options: ModelOptions = DEFAULT_MODEL_OPTIONS): string[] {
  // Bench and docs text, not a page: English grouping whatever the reader's language.
  const n = (v: number) => new Intl.NumberFormat("en-US").format(v);
  return [
    `EASE: up to ${n(options.easeMaxItems)} active items (dense item x item inverse, cubic in items)`,
    `ALS: above that always; beside EASE while users x items x factors <= ${options.alsBesideEaseMaxCost.toExponential(0)}`,
    `ALS factors: ${options.alsFactors(1)} up to 5,000 active items, ${options.alsFactors(5_001)} above (scoring is items x factors per user)`,
    `ALS scoring: dense while users x items x factors <= ${options.alsDenseMaxCost.toExponential(0)}, else through each item's ${options.neighbours} nearest items in factor space`,
    `user-kNN: while the co-occurring (user, user) pairs it walks <= ${options.userKnnMaxCost.toExponential(0)}`,
    "item-kNN, RP3beta, TF-IDF, LDA, clusters, popularity: always",
  ];
}

function lap(timings: Record<string, number>, name: string, started: number): number {
  const now = performance.now();
  timings[name] = now - started;
  return now;
}

/** The models that do not learn from co-occurrence: content neighbours, LDA topics, popularity. */
export type SideModels = Pick<Models, "content" | "topics" | "popularity" | "timings">;

export function fitSideModels(
  prep: Prepared,
  data: LoadedData,
  options: ModelOptions = DEFAULT_MODEL_OPTIONS,
): SideModels {
  const timings: Record<string, number> = {};
  let t = performance.now();
  // Content similarity costs the sum over terms of (documents containing it)^2: words found in a large
  // share of a big catalogue say little and would dominate that cost, so the ceiling tightens with size.
  const maxDfRatio = Math.min(0.5, Math.max(0.05, 1000 / Math.max(1, prep.nItems)));
  const tfidf = fitTfidf(
    prep.items.map((it) => ({ tags: it.tags, text: it.text })),
    { maxDfRatio },
  );
  const content = contentNeighbours(tfidf, { k: 40, minSim: 0.02 });
  t = lap(timings, "content", t);
  const topics = fitTopics(prep, data, options);
  lap(timings, "lda", t);
  return { content, topics, popularity: fitPopularity(prep.x).scores, timings };
}

/** The same topics with every user's mixture recomputed from another matrix (the tuner's view). */
export function topicsFor(topics: Topics | null, x: Csr): Topics | null {
  return topics ? { ...topics, userMix: userTopicMixtures(topics.model, x) } : null;
}

/**
 * The collaborative sources, with the tuner's parameters, and the side models passed through.
 * `weighted` names the sources the blend gives weight in some slot: a costly one it weighs nowhere
 * (EASE, ALS, user-kNN) is not fitted, since it could only have filled lists the cluster's and the
 * site's favourites pad anyway. Without it, everything the size plan allows is fitted.
 */
export function fitModels(
  x: Csr,
  side: SideModels,
  options: ModelOptions = DEFAULT_MODEL_OPTIONS,
  params: ServingParams = DEFAULT_SERVING_PARAMS,
  weighted?: ReadonlySet<string>,
): Models {
  const timings: Record<string, number> = { ...side.timings };
  let t = performance.now();
  const k = options.neighbours;
  const sized = sizePlan(x, options);
  const wanted = (source: string) => !weighted || weighted.has(source);
  const plan = {
    ...sized,
    ease: sized.ease && wanted("ease"),
    als: sized.als && wanted("als"),
    userKnn: sized.userKnn && wanted("userknn"),
  };

  // Twice the width for the stored lists: the cross-domain strips need neighbours of the other kind,
  // which a same-kind-heavy top 100 may hold too few of.
  const cf = itemKnnLists(x, { k: Math.max(2 * k, params.itemknn.k), shrink: params.itemknn.shrink });
  const itemknn = truncateNeighbours(cf, params.itemknn.k);
  t = lap(timings, "itemknn", t);
  const ease = plan.ease ? easeLists(x, params.ease.lambda, k, options.easeMaxItems) : null;
  if (ease) t = lap(timings, "ease", t);
  const { als, alsNeighbours } = plan.als
    ? alsSource(x, options, params.als, plan.alsDense)
    : { als: null, alsNeighbours: null };
  if (plan.als) t = lap(timings, plan.alsDense ? "als" : "als (item neighbours)", t);
  const rp3beta = rp3Lists(x, params.rp3beta, k);
  lap(timings, "rp3beta", t);
  return {
    ...side,
    cf,
    itemknn,
    ease,
    rp3beta,
    als,
    alsNeighbours,
    userKnn: plan.userKnn ? params.userknn : null,
    params,
    timings,
  };
}

function fitTopics(prep: Prepared, data: LoadedData, options: ModelOptions): Topics | null {
  const reviewTokens = new Map<number, string[]>();
  for (const r of data.reviews) {
    const i = prep.itemIndex.get(r.productId);
    if (i === undefined || !r.body) continue;
    const list = reviewTokens.get(i) ?? [];
    if (list.length >= options.ldaMaxTokensPerItem) continue;
    for (const w of tokenize(r.body)) if (list.length < options.ldaMaxTokensPerItem) list.push(w);
    reviewTokens.set(i, list);
  }
  // Tags twice: they are curated and few, review words are many and noisy.
  const tokenLists = prep.items.map((it, i) => {
    const tagTokens = it.tags.map(tagToken);
    return [...tagTokens, ...tagTokens, ...(reviewTokens.get(i) ?? [])];
  });
  const { vocab, docs } = encodeDocuments(tokenLists, { minCount: 2 });
  if (vocab.length < 2) return null;
  const nTopics = Math.max(2, Math.min(options.ldaTopics, Math.floor(vocab.length / 2)));
  const model = fitLda(docs, {
    nTopics,
    vocabSize: vocab.length,
    iterations: options.ldaIterations,
    seed: options.seed,
  });
  const userMix = userTopicMixtures(model, prep.x);
  const v = vocab.length;
  const topTags: string[][] = [];
  const topItems: Int32Array[] = [];
  const column = new Float64Array(prep.nItems);
  for (let z = 0; z < nTopics; z++) {
    const words = topN(model.topicWord.subarray(z * v, (z + 1) * v), 12);
    topTags.push(
      Array.from(words)
        .map((w) => vocab[w]!)
        .filter((w) => w.startsWith("tag:"))
        .map((w) => w.slice(4))
        .slice(0, 5),
    );
    column.fill(-Infinity);
    for (let i = 0; i < prep.nItems; i++) {
      if (prep.recommendable[i] && docs[i]!.length > 0) column[i] = model.docTopic[i * nTopics + z]!;
    }
    topItems.push(topN(column, 80));
  }
  return { model, vocab, userMix, topTags, topItems };
}
