/**
 * Fits every model the refresh blends, on the prepared matrices:
 * - item-kNN (shrunk cosine), whose neighbour lists also feed the "Similar" strips;
 * - the stronger linear model: EASE where the active catalogue is small enough for its dense inverse,
 *   RP3beta (sparse) above that;
 * - user-kNN when the co-occurrence walk it needs is affordable;
 * - TF-IDF content neighbours for cold items and short histories;
 * - LDA topics over item tags and review text, with every user's topic mixture.
 * Parameters follow the values tuned offline in evaluate.ts (DEFAULT_PARAMS).
 */
import { cosineNeighbours, type Neighbours } from "../similarity";
import { contentNeighbours, fitTfidf, tokenize, tagToken } from "../content";
import { fitEase } from "../ease";
import { DEFAULT_PARAMS } from "../evaluate";
import { encodeDocuments, fitLda, userTopicMixtures, type LdaModel } from "../lda";
import { fitPopularity } from "../popularity";
import { fitRp3beta } from "../rp3beta";
import { transpose } from "../sparse";
import { topN } from "../top-n";
import type { LoadedData } from "./load";
import type { Prepared } from "./prepare";
import { sparsifyDense, truncateNeighbours, userKnnCost } from "./scoring";

export type ModelOptions = {
  seed: number;
  /** Neighbours kept per item (the stored lists take both kinds from these). */
  neighbours: number;
  /** Neighbours per history item when scoring users: evaluate.ts found item-kNN flat from 50 to 500. */
  scoringK: number;
  /** EASE is used up to this many active items (its inverse is cubic); RP3beta above. */
  easeMaxItems: number;
  /** user-kNN is skipped when the (user, user) pairs it would walk exceed this. */
  userKnnMaxCost: number;
  ldaTopics: number;
  ldaIterations: number;
  /** Review tokens per item fed to LDA: bounds its cost on items with thousands of reviews. */
  ldaMaxTokensPerItem: number;
};

export const DEFAULT_MODEL_OPTIONS: ModelOptions = {
  seed: 42,
  neighbours: DEFAULT_PARAMS.itemknn.k,
  scoringK: 50,
  easeMaxItems: 2000,
  userKnnMaxCost: 4e8,
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
  /** Item-kNN neighbours (cosine with shrinkage), best first. */
  cf: Neighbours;
  strong: { name: "ease" | "rp3beta"; neighbours: Neighbours };
  userKnn: { k: number; shrink: number } | null;
  content: Neighbours;
  topics: Topics | null;
  /** Distinct users per item. */
  popularity: Float64Array;
  timings: Record<string, number>;
};

function lap(timings: Record<string, number>, name: string, started: number): number {
  const now = performance.now();
  timings[name] = now - started;
  return now;
}

export function fitModels(prep: Prepared, data: LoadedData, options: ModelOptions = DEFAULT_MODEL_OPTIONS): Models {
  const timings: Record<string, number> = {};
  let t = performance.now();
  const { x, nItems } = prep;
  const k = options.neighbours;

  // Twice the scoring k for the stored lists: the cross-domain strips need neighbours of the other
  // kind, which a same-kind-heavy top 100 may hold too few of.
  const cfWide = cosineNeighbours(transpose(x), { k: 2 * k, shrink: DEFAULT_PARAMS.itemknn.shrink });
  const cf = cfWide;
  t = lap(timings, "itemknn", t);

  let active = 0;
  const seen = new Uint8Array(nItems);
  for (let p = 0; p < x.indices.length; p++) {
    const i = x.indices[p]!;
    if (seen[i] === 0) {
      seen[i] = 1;
      active++;
    }
  }
  let strong: Models["strong"];
  if (active > 0 && active <= options.easeMaxItems) {
    const ease = fitEase(x, { lambda: DEFAULT_PARAMS.ease.lambda, maxItems: options.easeMaxItems });
    strong = { name: "ease", neighbours: sparsifyDense(ease.weights, ease.activeItems, nItems, k) };
  } else {
    const { alpha, beta } = DEFAULT_PARAMS.rp3beta;
    strong = { name: "rp3beta", neighbours: fitRp3beta(x, { alpha, beta, k }).neighbours };
  }
  t = lap(timings, strong.name, t);

  const userKnn =
    userKnnCost(x) <= options.userKnnMaxCost
      ? { ...DEFAULT_PARAMS.userknn, k: Math.min(DEFAULT_PARAMS.userknn.k, 100) }
      : null;

  // Content similarity costs the sum over terms of (documents containing it)^2: words found in a large
  // share of a big catalogue say little and would dominate that cost, so the ceiling tightens with size.
  const maxDfRatio = Math.min(0.5, Math.max(0.05, 1000 / Math.max(1, nItems)));
  const tfidf = fitTfidf(
    prep.items.map((it) => ({ tags: it.tags, text: it.text })),
    { maxDfRatio },
  );
  const content = contentNeighbours(tfidf, { k: 40, minSim: 0.02 });
  t = lap(timings, "content", t);

  const topics = fitTopics(prep, data, options);
  lap(timings, "lda", t);

  return { cf, strong, userKnn, content, topics, popularity: fitPopularity(x).scores, timings };
}

/** Item-item lists cut to the scoring k (the stored lists are wider). */
export function scoringNeighbours(models: Models, k: number): { cf: Neighbours; strong: Neighbours } {
  return { cf: truncateNeighbours(models.cf, k), strong: truncateNeighbours(models.strong.neighbours, k) };
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
