/**
 * Top-k ranking metrics with binary relevance (an item is relevant iff it is in the user's test set).
 *
 * - precision@k = hits in the top k / k (k, not the list length: a model that returns fewer than k items
 *   is not rewarded for it).
 * - recall@k = hits in the top k / |test|. The plain definition; note that a user with more than k test
 *   items cannot reach 1. (Some papers divide by min(k, |test|) instead; the protocol JSON states ours.)
 * - ndcg@k: DCG = sum over hit positions r (1-based) of 1 / log2(r + 1), divided by the ideal DCG of
 *   min(k, |test|) hits in the first positions.
 * - coverage = distinct items recommended across all evaluated users / items in the catalogue.
 */

export type RankingMetrics = { precision: number; recall: number; ndcg: number };

function hitsAt(ranked: ArrayLike<number>, relevant: ReadonlySet<number>, k: number): boolean[] {
  const out: boolean[] = [];
  for (let r = 0; r < Math.min(k, ranked.length); r++) out.push(relevant.has(ranked[r]!));
  return out;
}

export function precisionAtK(ranked: ArrayLike<number>, relevant: ReadonlySet<number>, k: number): number {
  return hitsAt(ranked, relevant, k).filter(Boolean).length / k;
}

export function recallAtK(ranked: ArrayLike<number>, relevant: ReadonlySet<number>, k: number): number {
  if (relevant.size === 0) return 0;
  return hitsAt(ranked, relevant, k).filter(Boolean).length / relevant.size;
}

export function ndcgAtK(ranked: ArrayLike<number>, relevant: ReadonlySet<number>, k: number): number {
  let dcg = 0;
  hitsAt(ranked, relevant, k).forEach((hit, r) => {
    if (hit) dcg += 1 / Math.log2(r + 2);
  });
  let ideal = 0;
  for (let r = 0; r < Math.min(k, relevant.size); r++) ideal += 1 / Math.log2(r + 2);
  return ideal > 0 ? dcg / ideal : 0;
}

export function rankingMetrics(ranked: ArrayLike<number>, relevant: ReadonlySet<number>, k: number): RankingMetrics {
  if (!(Number.isInteger(k) && k >= 1)) throw new RangeError(`metrics: k must be a positive integer, got ${k}`);
  return {
    precision: precisionAtK(ranked, relevant, k),
    recall: recallAtK(ranked, relevant, k),
    ndcg: ndcgAtK(ranked, relevant, k),
  };
}

export function catalogueCoverage(lists: Iterable<ArrayLike<number>>, catalogueSize: number): number {
  if (catalogueSize <= 0) return 0;
  const seen = new Set<number>();
  for (const list of lists) for (let r = 0; r < list.length; r++) seen.add(list[r]!);
  return seen.size / catalogueSize;
}

export const METRIC_DEFINITIONS = {
  precision: "hits in top k / k",
  recall: "hits in top k / |user's test items| (not min(k, |test|))",
  ndcg: "binary gains, DCG = sum 1/log2(rank+1) over hits in top k, normalised by the ideal DCG of min(k, |test|) hits",
  coverage: "distinct items recommended in any evaluated user's top k / items in the catalogue",
  averaging: "precision, recall and ndcg are means over evaluated users (users with at least one test item)",
} as const;
