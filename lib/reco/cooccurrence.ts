/**
 * Dense co-occurrence products shared by the neighbour models (similarity.ts for item- and user-kNN,
 * rp3beta.ts) when the compared side is small enough for an n x n scratch matrix. Each entry is a sum
 * over the shared dimension in ascending order of exactly the products the sparse walks form, so both
 * paths give the same bits; the dense form just skips the per-entry "seen this row yet?" bookkeeping and,
 * for the symmetric Gram matrix, half of the multiply-adds.
 */
import type { Csr } from "./sparse";

/**
 * G[r * n + s] = sum over rows u of `byColumn` (ascending) of v[u, r] * v[u, s], for the n columns of
 * `byColumn` (for item-item similarity: the users x items matrix; G is items x items). Diagonal left 0.
 * Filled one row r at a time (its writes stay in one n-wide row, in cache): for each u holding r, the
 * entries of u after r. Only s > r is summed; the lower half is mirrored in tiles afterwards.
 */
export function gramOfRows(byColumn: Csr, n: number): Float64Array {
  const g = new Float64Array(n * n);
  const { indptr, indices, data } = byColumn;
  // For every column r, the positions (in byColumn) of its entries, rows ascending: a transpose that
  // keeps where each entry came from.
  const colPtr = new Int32Array(n + 1);
  for (let p = 0; p < indices.length; p++) colPtr[indices[p]! + 1]!++;
  for (let r = 0; r < n; r++) colPtr[r + 1]! += colPtr[r]!;
  const fill = colPtr.slice(0, n);
  const pos = new Int32Array(indices.length);
  const rowOf = new Int32Array(indices.length);
  for (let u = 0; u < byColumn.nRows; u++) {
    for (let p = indptr[u]!; p < indptr[u + 1]!; p++) {
      const t = fill[indices[p]!]!++;
      pos[t] = p;
      rowOf[t] = u;
    }
  }
  for (let r = 0; r < n; r++) {
    const base = r * n;
    for (let t = colPtr[r]!; t < colPtr[r + 1]!; t++) {
      const p = pos[t]!;
      const end = indptr[rowOf[t]! + 1]!;
      const v = data[p]!;
      for (let q = p + 1; q < end; q++) g[base + indices[q]!]! += v * data[q]!;
    }
  }
  const TILE = 64;
  for (let r0 = 0; r0 < n; r0 += TILE) {
    for (let s0 = r0; s0 < n; s0 += TILE) {
      const rEnd = Math.min(n, r0 + TILE);
      const sEnd = Math.min(n, s0 + TILE);
      for (let r = r0; r < rEnd; r++) for (let s = Math.max(s0, r + 1); s < sEnd; s++) g[s * n + r] = g[r * n + s]!;
    }
  }
  return g;
}

/**
 * G[i * n + j] = sum over rows u (ascending) of left[u, i] * right[u, j] for i != j, with left and right
 * sharing their rows (e.g. RP3beta's item -> user and user -> item transition probabilities, both laid out
 * users x items). Diagonal left 0.
 */
export function crossProduct(left: Csr, right: Csr, n: number): Float64Array {
  const g = new Float64Array(n * n);
  for (let u = 0; u < left.nRows; u++) {
    const rEnd = right.indptr[u + 1]!;
    const rStart = right.indptr[u]!;
    for (let p = left.indptr[u]!; p < left.indptr[u + 1]!; p++) {
      const i = left.indices[p]!;
      const base = i * n;
      const w = left.data[p]!;
      for (let q = rStart; q < rEnd; q++) {
        const j = right.indices[q]!;
        if (j !== i) g[base + j]! += w * right.data[q]!;
      }
    }
  }
  return g;
}
