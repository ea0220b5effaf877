/**
 * The one interface every recommender in lib/reco implements, so the evaluator, the hybrid blender and
 * the DB job can treat popularity, kNN, EASE and RP3beta alike.
 */
import { rowIndices, type Csr } from "./sparse";
import { topN } from "./top-n";

export type ScoredItem = {
  item: number;
  score: number;
  /** The history item that contributed most to the score, for item-item models ("because you bought X"). */
  anchor?: number;
};

export type ItemScorer = {
  nItems: number;
  /** Writes a score for every item into `out` (length nItems); higher is better. */
  scoreUser(user: number, out: Float64Array): void;
  /** History item that contributed most to `item`'s score for `user`, if the model can tell. */
  anchorFor?(user: number, item: number): number | undefined;
};

export type RecommendOptions = {
  /** Extra item ids never to return (e.g. owned elsewhere, out of stock). */
  exclude?: Iterable<number>;
  /** Skip items in the user's own training row (default true). */
  excludeSeen?: boolean;
  /** Drop items whose score is not above this (default: keep zero scores too). */
  minScore?: number;
};

/**
 * Top-n unseen items for a user from any scorer. Allocates per call; batch callers (the evaluator)
 * reuse buffers with topN directly.
 */
export function recommendWith(
  scorer: ItemScorer,
  seen: Csr | null,
  user: number,
  n: number,
  options: RecommendOptions = {},
): ScoredItem[] {
  const { exclude = [], excludeSeen = true, minScore = -Infinity } = options;
  const scores = new Float64Array(scorer.nItems);
  scorer.scoreUser(user, scores);
  const mask = new Uint8Array(scorer.nItems);
  if (excludeSeen && seen !== null && user < seen.nRows) for (const i of rowIndices(seen, user)) mask[i] = 1;
  for (const i of exclude) if (i >= 0 && i < mask.length) mask[i] = 1;
  if (minScore > -Infinity) for (let i = 0; i < scores.length; i++) if (!(scores[i]! > minScore)) mask[i] = 1;
  const out: ScoredItem[] = [];
  for (const item of topN(scores, n, { exclude: mask })) {
    const anchor = scorer.anchorFor?.(user, item);
    out.push(anchor === undefined ? { item, score: scores[item]! } : { item, score: scores[item]!, anchor });
  }
  return out;
}

/**
 * Top-n unseen items for every user of `seen`, as one users x n Int32Array (-1 where a user has fewer
 * than n candidates): the batch form of recommendWith, with one score buffer and one mask for all users
 * and no anchors. Same ranking rule as recommendWith (ties to the lower item id).
 */
export function recommendAll(scorer: ItemScorer, seen: Csr, n: number): Int32Array {
  const out = new Int32Array(seen.nRows * n).fill(-1);
  const scores = new Float64Array(scorer.nItems);
  const mask = new Uint8Array(scorer.nItems);
  for (let u = 0; u < seen.nRows; u++) {
    scorer.scoreUser(u, scores);
    const a = seen.indptr[u]!;
    const b = seen.indptr[u + 1]!;
    for (let p = a; p < b; p++) mask[seen.indices[p]!] = 1;
    out.set(topN(scores, n, { exclude: mask }), u * n);
    for (let p = a; p < b; p++) mask[seen.indices[p]!] = 0;
  }
  return out;
}
