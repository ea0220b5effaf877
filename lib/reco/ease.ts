/**
 * EASE (Steck, "Embarrassingly Shallow Autoencoders for Sparse Data", WWW 2019,
 * https://arxiv.org/abs/1905.03375): an item x item weight matrix in closed form,
 *   P = (X^T X + lambda I)^-1,   B[i][j] = -P[i][j] / P[j][j],   B[j][j] = 0,
 * and scores = x_u B. No iterations, one dense inverse: ideal for catalogues of a few thousand items.
 *
 * Items nobody interacted with have an all-zero Gram row and column, so their rows and columns of B are
 * exactly zero; they are left out of the inverse (an exact shortcut, not an approximation), which
 * shrinks the cubic cost to the active items only.
 *
 *   const model = fitEase(x, { lambda: 200 });
 *   model.recommend(userIdx, 20)   // or model.scoreHistory(items, weights, out) for a new visitor
 */
import type { ItemItemModel } from "./cf";
import { invertSpdInPlace } from "./linalg";
import { recommendWith } from "./scorer";
import type { Csr } from "./sparse";

export type EaseOptions = {
  /** L2 regularization added to the Gram diagonal; Steck uses hundreds for implicit data. */
  lambda?: number;
  /**
   * Refuse catalogues with more active items than this: memory is 8 * n^2 bytes and time n^3. For larger
   * catalogues use RP3beta (rp3beta.ts), which is sparse.
   */
  maxItems?: number;
};

export type EaseModel = ItemItemModel & {
  /** Active item ids: B is dense over these, in this order. */
  activeItems: Int32Array;
  /** Row-major B over activeItems (B[a * m + b] weights active item a -> active item b). */
  weights: Float64Array;
};

export function fitEase(x: Csr, options: EaseOptions = {}): EaseModel {
  const { lambda = 200, maxItems = 8000 } = options;
  if (!(lambda > 0)) throw new RangeError(`EASE: lambda must be > 0, got ${lambda}`);
  const nItems = x.nCols;
  // Map item id -> position among active items (-1 for items without interactions).
  const pos = new Int32Array(nItems).fill(-1);
  const active: number[] = [];
  for (let p = 0; p < x.indices.length; p++) {
    const i = x.indices[p]!;
    if (pos[i] === -1) pos[i] = 0;
  }
  for (let i = 0; i < nItems; i++) if (pos[i] === 0) pos[i] = active.push(i) - 1;
  const m = active.length;
  if (m > maxItems) {
    throw new RangeError(`EASE: ${m} active items exceed maxItems (${maxItems}); use rp3beta for large catalogues`);
  }
  // Gram matrix G = X^T X (lower triangle is enough for Cholesky), built from each user's row: the cost
  // is the sum of squared row lengths.
  const g = new Float64Array(m * m);
  for (let u = 0; u < x.nRows; u++) {
    const start = x.indptr[u]!;
    const end = x.indptr[u + 1]!;
    for (let p = start; p < end; p++) {
      const a = pos[x.indices[p]!]!;
      const va = x.data[p]!;
      const ra = a * m;
      // Row indices are ascending and pos is monotone, so b <= a for q <= p.
      for (let q = start; q <= p; q++) g[ra + pos[x.indices[q]!]!]! += va * x.data[q]!;
    }
  }
  for (let a = 0; a < m; a++) g[a * m + a]! += lambda;
  invertSpdInPlace(g, m);
  // B = -P / diag(P) column-wise, zero diagonal; computed in place over P.
  const diag = new Float64Array(m);
  for (let a = 0; a < m; a++) diag[a] = g[a * m + a]!;
  for (let a = 0; a < m; a++) {
    const ra = a * m;
    for (let b = 0; b < m; b++) g[ra + b] = a === b ? 0 : -g[ra + b]! / diag[b]!;
  }
  const activeItems = Int32Array.from(active);

  const scoreHistory = (items: ArrayLike<number>, values: ArrayLike<number>, out: Float64Array) => {
    out.fill(0);
    const acc = new Float64Array(m);
    for (let t = 0; t < items.length; t++) {
      const a = pos[items[t]!];
      if (a === undefined || a < 0) continue;
      const w = values[t]!;
      const ra = a * m;
      for (let b = 0; b < m; b++) acc[b]! += w * g[ra + b]!;
    }
    for (let b = 0; b < m; b++) out[activeItems[b]!] = acc[b]!;
  };
  const scoreUser = (u: number, out: Float64Array) =>
    scoreHistory(
      x.indices.subarray(x.indptr[u]!, x.indptr[u + 1]!),
      x.data.subarray(x.indptr[u]!, x.indptr[u + 1]!),
      out,
    );
  const anchorFor = (u: number, j: number): number | undefined => {
    const b = pos[j];
    if (b === undefined || b < 0) return undefined;
    let best: number | undefined;
    let bestContribution = 0;
    for (let p = x.indptr[u]!; p < x.indptr[u + 1]!; p++) {
      const a = pos[x.indices[p]!]!;
      if (a < 0) continue;
      const c = x.data[p]! * g[a * m + b]!;
      if (c > bestContribution) {
        bestContribution = c;
        best = x.indices[p]!;
      }
    }
    return best;
  };
  const model: EaseModel = {
    nItems,
    activeItems,
    weights: g,
    scoreUser,
    scoreHistory,
    anchorFor,
    recommend: (user, n, opts) => recommendWith(model, x, user, n, opts),
  };
  return model;
}
