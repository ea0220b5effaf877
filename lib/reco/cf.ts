/**
 * Neighbourhood collaborative filtering on a user x item interaction matrix (see interactions.ts).
 *
 *   const model = itemKnn.fit(x, { k: 100, shrink: 10 });
 *   model.recommend(userIdx, 20, { exclude: ownedIdx })   // [{ item, score, anchor }], best first
 *   model.scoreHistory(itemIdx, weights, out)             // a visitor not in x: score from a bare history
 *
 *   const users = userKnn.fit(x, { k: 50, shrink: 10 });
 *   users.recommend(userIdx, 20)
 *
 * Item-based scores: score(j) = sum over history items i of x[u,i] * sim(i, j), where sim keeps only each
 * item's top-k neighbours (shrunk cosine over the item columns). The precomputed neighbour lists are what a
 * job stores in item_neighbors.
 * User-based scores: score(j) = sum over the k most similar users v of sim(u, v) * x[v, j]; the similar
 * users are found per request through the inverted index, so nothing user x user is ever stored.
 */
import { recommendWith, type ItemScorer, type RecommendOptions, type ScoredItem } from "./scorer";
import { cosineNeighbours, createRowScanner, neighbourSim, type Neighbours } from "./similarity";
import { rowNorms, transpose, type Csr } from "./sparse";
import { topN } from "./top-n";

export type KnnOptions = {
  /** Neighbours kept per item (itemKnn) or used per user (userKnn). */
  k?: number;
  /** Shrinkage added to the cosine denominator. */
  shrink?: number;
};

export type ItemItemModel = ItemScorer & {
  /** Scores every item for an arbitrary history (item ids with weights); `out` is overwritten. */
  scoreHistory(items: ArrayLike<number>, values: ArrayLike<number>, out: Float64Array): void;
  recommend(user: number, n: number, options?: RecommendOptions): ScoredItem[];
};

export type ItemKnnModel = ItemItemModel & { neighbours: Neighbours };

export type UserKnnModel = ItemScorer & {
  recommend(user: number, n: number, options?: RecommendOptions): ScoredItem[];
};

/**
 * Item-item scoring through sparse neighbour lists; shared with RP3beta, whose learned weights have the
 * same shape.
 */
export function itemItemFromNeighbours(x: Csr, nb: Neighbours): ItemItemModel {
  const nItems = x.nCols;
  const scoreHistory = (items: ArrayLike<number>, values: ArrayLike<number>, out: Float64Array) => {
    out.fill(0);
    for (let t = 0; t < items.length; t++) {
      const i = items[t]!;
      const w = values[t]!;
      for (let p = nb.indptr[i]!; p < nb.indptr[i + 1]!; p++) out[nb.indices[p]!]! += w * nb.sims[p]!;
    }
  };
  const scoreUser = (u: number, out: Float64Array) =>
    scoreHistory(
      x.indices.subarray(x.indptr[u]!, x.indptr[u + 1]!),
      x.data.subarray(x.indptr[u]!, x.indptr[u + 1]!),
      out,
    );
  const anchorFor = (u: number, j: number): number | undefined => {
    let best: number | undefined;
    let bestContribution = 0;
    for (let p = x.indptr[u]!; p < x.indptr[u + 1]!; p++) {
      const i = x.indices[p]!;
      const c = x.data[p]! * neighbourSim(nb, i, j);
      if (c > bestContribution) {
        bestContribution = c;
        best = i;
      }
    }
    return best;
  };
  const model: ItemItemModel = {
    nItems,
    scoreUser,
    scoreHistory,
    anchorFor,
    recommend: (user, n, options) => recommendWith(model, x, user, n, options),
  };
  return model;
}

export const itemKnn = {
  /** `x`: users x items (rows = users). Cost grows with co-occurring item pairs, not items^2. */
  fit(x: Csr, options: KnnOptions = {}): ItemKnnModel {
    const { k = 100, shrink = 10 } = options;
    const neighbours = cosineNeighbours(transpose(x), { k, shrink });
    return { ...itemItemFromNeighbours(x, neighbours), neighbours };
  },
};

export const userKnn = {
  /**
   * `x`: users x items. The model keeps scratch buffers, so one instance must not score two users
   * concurrently (JavaScript never does within one thread; this matters only if shared across workers).
   */
  fit(x: Csr, options: KnnOptions = {}): UserKnnModel {
    const { k = 50, shrink = 10 } = options;
    if (!(Number.isInteger(k) && k >= 1)) throw new RangeError(`userKnn: k must be a positive integer, got ${k}`);
    const scanner = createRowScanner(x, shrink, transpose(x), rowNorms(x));
    const scoreUser = (u: number, out: Float64Array) => {
      out.fill(0);
      const count = scanner.scan(u);
      const peers = topN(scanner.sims, k, { candidates: scanner.touched, candidateCount: count });
      for (const v of peers) {
        const s = scanner.sims[v]!;
        if (!(s > 0)) break;
        for (let p = x.indptr[v]!; p < x.indptr[v + 1]!; p++) out[x.indices[p]!]! += s * x.data[p]!;
      }
    };
    const model: UserKnnModel = {
      nItems: x.nCols,
      scoreUser,
      recommend: (user, n, opts) => recommendWith(model, x, user, n, opts),
    };
    return model;
  },
};
