/**
 * Cross-domain offline evaluation (issue 14, item 4): can a model find what someone takes in one domain
 * (say artworks) from what they did in the others (courses)? scripts/reco-eval.ts calls this for
 * `--split cross-domain --domains FILE --target NAME`.
 *
 * Protocol (split.ts splitCrossDomain): items the domains file does not name are dropped (counted);
 * among users with history in the target domain and another one, a seeded test-ratio share is held out
 * with ALL their target-domain interactions; everything else is train. Every model is fitted on that
 * train (so it does see other users' target-domain behaviour) and ranks target-domain items only: items
 * of other domains are never candidates, the user's own training items are excluded as usual, and the
 * ranking is full over the remaining target-domain items. `pop` is therefore target-domain popularity.
 *
 * Models: the single models of evaluate.ts with its tuned parameters, plus any `extraRecommenders`
 * (the hook for the served blend's cross-domain slot logic, wired from outside). Pure, like evaluate.ts:
 * the caller passes the clock and the logger.
 */
import { DEFAULT_PARAMS, fitSingleModel, type EvaluationReport, type ModelParams, type ModelReport } from "./evaluate";
import { catalogueCoverage, METRIC_DEFINITIONS, rankingMetrics } from "./metrics";
import { keepItemsWithDomain, targetDomainIndex, type ParsedDataset, type ParsedDomains } from "./ratings-file";
import type { ItemScorer } from "./scorer";
import { indexInteractions, splitCrossDomain } from "./split";
import type { Csr } from "./sparse";
import { topN } from "./top-n";

/** The single models evaluate.ts knows; blends come in through extraRecommenders. */
export const CROSS_DOMAIN_MODELS = ["pop", "itemknn", "userknn", "ease", "rp3beta", "als"] as const;
export type CrossDomainModel = (typeof CROSS_DOMAIN_MODELS)[number];

/**
 * A recommender plugged in from outside (e.g. `served`). It is given the cross-domain train, every
 * item's domain number and the target's, and returns a ranking function plus its fit time. `exclude`
 * flags the user's training items AND every item outside the target domain: returning a flagged item is
 * a bug, and the evaluation stops with an error saying so.
 */
export type CrossDomainRecommender = (
  train: Csr,
  domainOf: Int32Array,
  targetDomain: number,
) => { recommend: (user: number, n: number, exclude: Uint8Array) => Int32Array; seconds: number };

export type CrossDomainOptions = {
  /** Name of the target domain, as written in the domains file. */
  target: string;
  testRatio: number;
  seed: number;
  k: number;
  /** Names from CROSS_DOMAIN_MODELS or keys of extraRecommenders, in report order. */
  models: readonly string[];
  minRating?: number;
  params?: { [M in keyof ModelParams]?: Partial<ModelParams[M]> };
  extraRecommenders?: Record<string, CrossDomainRecommender>;
  /** Seconds, monotonic; only used to report fit_s. */
  clock?: () => number;
  log?: (message: string) => void;
  /** File names for the protocol. */
  source?: string;
  domainsSource?: string;
};

type Recommend = (user: number, n: number, exclude: Uint8Array) => Int32Array;

function fromScorer(scorer: ItemScorer): Recommend {
  const scores = new Float64Array(scorer.nItems);
  return (user, n, exclude) => {
    scorer.scoreUser(user, scores);
    return topN(scores, n, { exclude });
  };
}

/**
 * Mean metrics over the test users (those with target-domain test items), ranking only items that
 * `outside` does not flag; coverage is over the `candidates` target-domain items.
 */
export function evaluateTargetRanking(
  train: Csr,
  test: Csr,
  recommend: Recommend,
  k: number,
  outside: Uint8Array,
  candidates: number,
  name = "model",
) {
  const mask = outside.slice();
  const lists: Int32Array[] = [];
  let precision = 0;
  let recall = 0;
  let ndcg = 0;
  let users = 0;
  for (let u = 0; u < test.nRows; u++) {
    const a = test.indptr[u]!;
    const b = test.indptr[u + 1]!;
    if (a === b) continue;
    const from = train.indptr[u]!;
    const to = train.indptr[u + 1]!;
    for (let p = from; p < to; p++) mask[train.indices[p]!] = 1;
    const ranked = recommend(u, k, mask);
    for (const item of ranked)
      if (mask[item] === 1)
        throw new Error(`cross-domain: ${name} recommended item ${item}, which is outside the target domain or seen`);
    for (let p = from; p < to; p++) mask[train.indices[p]!] = outside[train.indices[p]!]!;
    const m = rankingMetrics(ranked, new Set(test.indices.subarray(a, b)), k);
    precision += m.precision;
    recall += m.recall;
    ndcg += m.ndcg;
    users++;
    lists.push(ranked);
  }
  const d = Math.max(1, users);
  return {
    precision: precision / d,
    recall: recall / d,
    ndcg: ndcg / d,
    coverage: catalogueCoverage(lists, candidates),
    users,
  };
}

export function evaluateCrossDomain(
  dataset: ParsedDataset,
  domains: ParsedDomains,
  options: CrossDomainOptions,
): EvaluationReport {
  const { testRatio, seed, k, models, minRating, extraRecommenders = {}, clock = () => 0, log = () => {} } = options;
  if (!(Number.isInteger(k) && k >= 1)) throw new RangeError(`evaluate: k must be a positive integer, got ${k}`);
  const known = [...CROSS_DOMAIN_MODELS, ...Object.keys(extraRecommenders)];
  const unknown = models.filter((m) => !known.includes(m));
  if (unknown.length > 0)
    throw new RangeError(
      `model(s) ${unknown.join(", ")} not available with --split cross-domain; available: ${known.join(", ")}`,
    );
  const target = targetDomainIndex(domains, options.target);
  const kept = keepItemsWithDomain(dataset.interactions, domains);
  const data = indexInteractions(kept.interactions, { minRating });
  if (data.users.length === 0) throw new RangeError("evaluate: no interactions left after filtering");
  const nItems = data.itemIds.length;
  const domainIndex = new Map(domains.domains.map((d, i) => [d, i]));
  const domainOf = Int32Array.from(data.itemIds, (id) => domainIndex.get(domains.domainOf.get(id)!)!);
  const split = splitCrossDomain(data, { domainOf, target, testRatio, seed });
  if (split.testUsers.length === 0)
    throw new RangeError(
      `cross-domain: no user has history in "${options.target}" and in another domain, so nothing can be held out`,
    );
  const { train, test } = split;
  const outside = Uint8Array.from(domainOf, (d) => (d === target ? 0 : 1));
  const targetItems = nItems - outside.reduce((s, v) => s + v, 0);
  log(
    `${data.userIds.length} users, ${nItems} items (${targetItems} in "${options.target}"), ${data.users.length} interactions; ${split.eligibleUsers} two-domain users, ${split.testUsers.length} held out`,
  );

  const params = {
    itemknn: { ...DEFAULT_PARAMS.itemknn, ...options.params?.itemknn },
    userknn: { ...DEFAULT_PARAMS.userknn, ...options.params?.userknn },
    ease: { ...DEFAULT_PARAMS.ease, ...options.params?.ease },
    rp3beta: { ...DEFAULT_PARAMS.rp3beta, ...options.params?.rp3beta },
    als: { ...DEFAULT_PARAMS.als, ...options.params?.als },
  };
  const activeItems = new Set(train.indices).size;
  const report: Record<string, ModelReport> = {};
  const skipped: Record<string, string> = {};
  for (const name of models) {
    let recommend: Recommend;
    let seconds: number;
    const extra = extraRecommenders[name];
    if (extra) {
      log(`fitting ${name}...`);
      ({ recommend, seconds } = extra(train, domainOf, target));
    } else if (name === "ease" && activeItems > params.ease.maxItems) {
      skipped[name] = `${activeItems} active items exceed ease.maxItems ${params.ease.maxItems} (dense inverse)`;
      log(`skipping ease: ${skipped[name]}`);
      continue;
    } else {
      log(`fitting ${name}...`);
      const t0 = clock();
      // On the full train: other domains are the evidence, other users' target items the vocabulary.
      const scorer = fitSingleModel(name as CrossDomainModel, train, params);
      seconds = clock() - t0;
      recommend = fromScorer(scorer);
    }
    log(`evaluating ${name}...`);
    const m = evaluateTargetRanking(train, test, recommend, k, outside, targetItems, name);
    report[name] = {
      [`precision@${k}`]: round(m.precision),
      [`recall@${k}`]: round(m.recall),
      [`ndcg@${k}`]: round(m.ndcg),
      coverage: round(m.coverage),
      fit_s: Math.round(seconds * 1000) / 1000,
    };
  }

  const perDomain = Object.fromEntries(
    domains.domains.map((d) => [d, { items: 0, interactions: 0, users: 0, items_in_file: 0 }]),
  );
  for (const d of domains.domainOf.values()) perDomain[d]!.items_in_file++;
  for (let i = 0; i < nItems; i++) perDomain[domains.domains[domainOf[i]!]!]!.items++;
  const userSeen = new Set<number>();
  for (let p = 0; p < data.users.length; p++) {
    const d = domainOf[data.items[p]!]!;
    perDomain[domains.domains[d]!]!.interactions++;
    const key = data.users[p]! * domains.domains.length + d;
    if (!userSeen.has(key)) {
      userSeen.add(key);
      perDomain[domains.domains[d]!]!.users++;
    }
  }
  const protocol: Record<string, unknown> = {
    ...(options.source !== undefined ? { source: options.source } : {}),
    ...(options.domainsSource !== undefined ? { domains_source: options.domainsSource } : {}),
    format: dataset.format,
    rows_parsed: dataset.interactions.length,
    rows_skipped: dataset.skipped,
    ...(Object.keys(dataset.skippedBy).length > 0 ? { rows_skipped_by: dataset.skippedBy } : {}),
    rows_without_domain: kept.rowsWithoutDomain,
    items_without_domain: kept.itemsWithoutDomain,
    ...(kept.itemsWithoutDomain > 0 ? { items_without_domain_examples: kept.examplesWithoutDomain } : {}),
    items_without_domain_rule: "interactions with items the domains file does not name are dropped before indexing",
    min_rating: minRating ?? null,
    rows_below_min_rating: data.rowsBelowMinRating,
    feedback: "implicit: every kept (user, item) pair is a positive; duplicate pairs merged",
    users: data.userIds.length,
    items: nItems,
    interactions: data.users.length,
    domains: perDomain,
    target: options.target,
    split: "cross-domain",
    split_rule:
      "users with history in the target domain and in at least one other are eligible; round(test_ratio * eligible) of them (at least 1), drawn with the seed, have ALL their target-domain interactions held out; everything else is train",
    test_ratio: testRatio,
    seed,
    k,
    eligible_users: split.eligibleUsers,
    test_users: split.testUsers.length,
    train_interactions: train.indices.length,
    test_interactions: test.indices.length,
    candidates: `the ${targetItems} target-domain items of the ratings file minus the user's training items (full ranking); other domains are never candidates; ties to the lower item index`,
    metrics: {
      ...METRIC_DEFINITIONS,
      coverage: "distinct items recommended in any test user's top k / target-domain items",
    },
    fit_s: "wall-clock seconds to fit on train; userknn finds neighbours at scoring time (not counted)",
    pop: "target-domain popularity: distinct training users per item, ranked among target-domain items only",
    params: Object.fromEntries(models.filter((m) => m in params).map((m) => [m, params[m as keyof typeof params]])),
    ...(Object.keys(skipped).length > 0 ? { skipped_models: skipped } : {}),
  };
  return { protocol, models: report };
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
