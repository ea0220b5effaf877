/**
 * RP3beta (Paudel, Christoffel, Newell, Bernstein, "Updatable, Accurate, Diverse, and Scalable
 * Recommendations for Interactive Applications", ACM TiiS 2017; the variant benchmarked by Dacrema et al.,
 * RecSys 2019): a three-step random walk item -> user -> item, with transition probabilities raised to
 * alpha and the landing item's weight divided by its popularity^beta, which counters the walk's natural
 * drift towards bestsellers.
 *
 *   W[i][j] = sum_u Piu[i][u]^alpha * Pui[u][j]^alpha / deg(j)^beta,  top-k per row i, diagonal dropped,
 *   score(u, j) = sum_i x[u][i] * W[i][j].
 *
 * Sparse throughout (same inverted-index walk as similarity.ts), so it scales to catalogues far beyond
 * EASE's dense inverse.
 *
 *   const model = fitRp3beta(x, { alpha: 1, beta: 0.5, k: 100 });
 *   model.recommend(userIdx, 20)
 */
import { itemItemFromNeighbours, type ItemItemModel } from "./cf";
import { crossProduct } from "./cooccurrence";
import { collectTopK, denseRowsAllowed, type Neighbours } from "./similarity";
import { columnCounts, rowNormalizeL1, transpose, type Csr } from "./sparse";

export type Rp3betaOptions = {
  /** Exponent on transition probabilities; 1 is a plain random walk. */
  alpha?: number;
  /** Popularity penalty exponent on the landing item; 0 is plain P^3. */
  beta?: number;
  /** Neighbours kept per item. */
  k?: number;
  /** Rescale each item's kept weights to sum to 1 (Dacrema et al. expose this as an option). */
  normalizeRows?: boolean;
};

export type Rp3betaModel = ItemItemModel & { neighbours: Neighbours };

function powValues(m: Csr, alpha: number): Csr {
  if (alpha === 1) return m;
  const data = new Float64Array(m.data.length);
  for (let p = 0; p < data.length; p++) data[p] = Math.pow(m.data[p]!, alpha);
  return { ...m, data };
}

export function fitRp3beta(x: Csr, options: Rp3betaOptions = {}): Rp3betaModel {
  const { alpha = 1, beta = 0.5, k = 100, normalizeRows = false } = options;
  if (!(alpha > 0)) throw new RangeError(`RP3beta: alpha must be > 0, got ${alpha}`);
  if (!(beta >= 0)) throw new RangeError(`RP3beta: beta must be >= 0, got ${beta}`);
  if (!(Number.isInteger(k) && k >= 1)) throw new RangeError(`RP3beta: k must be a positive integer, got ${k}`);
  const nItems = x.nCols;
  const pui = powValues(rowNormalizeL1(x), alpha); // user -> item
  const piu = powValues(rowNormalizeL1(transpose(x)), alpha); // item -> user
  const degree = columnCounts(x);
  const penalty = new Float64Array(nItems);
  for (let j = 0; j < nItems; j++) penalty[j] = degree[j]! > 0 ? 1 / Math.pow(degree[j]!, beta) : 0;

  const scores = new Float64Array(nItems);
  const touched = new Int32Array(nItems);
  let scan: (i: number) => number;
  if (denseRowsAllowed(nItems)) {
    // Small catalogue: the whole item x item walk as one dense product (same sums, same order).
    const w = crossProduct(transpose(piu), pui, nItems);
    for (let j = 0; j < nItems; j++) touched[j] = j;
    scan = (i) => {
      const base = i * nItems;
      for (let j = 0; j < nItems; j++) scores[j] = w[base + j]! * penalty[j]!;
      scores[i] = -Infinity;
      return nItems;
    };
  } else {
    const mark = new Int32Array(nItems);
    scan = (i) => {
      let count = 0;
      const stamp = i + 1;
      for (let p = piu.indptr[i]!; p < piu.indptr[i + 1]!; p++) {
        const u = piu.indices[p]!;
        const w = piu.data[p]!;
        for (let q = pui.indptr[u]!; q < pui.indptr[u + 1]!; q++) {
          const j = pui.indices[q]!;
          if (j === i) continue;
          if (mark[j] !== stamp) {
            mark[j] = stamp;
            touched[count++] = j;
            scores[j] = 0;
          }
          scores[j]! += w * pui.data[q]!;
        }
      }
      for (let t = 0; t < count; t++) {
        const j = touched[t]!;
        scores[j]! *= penalty[j]!;
      }
      return count;
    };
  }
  const neighbours = collectTopK(nItems, k, scan, touched, scores);
  if (normalizeRows) {
    for (let i = 0; i < nItems; i++) {
      let s = 0;
      for (let p = neighbours.indptr[i]!; p < neighbours.indptr[i + 1]!; p++) s += neighbours.sims[p]!;
      if (s > 0) for (let p = neighbours.indptr[i]!; p < neighbours.indptr[i + 1]!; p++) neighbours.sims[p]! /= s;
    }
  }
  return { ...itemItemFromNeighbours(x, neighbours), neighbours };
}
