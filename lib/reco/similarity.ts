/**
 * Shrunk cosine similarity between the rows of a sparse matrix, via its inverted index.
 *
 * sim(a, b) = a.b / (|a| |b| + shrink). The shrink term (Koren/Bell style) pulls similarities that rest on
 * few co-occurrences towards 0, so two items that share one buyer do not look identical.
 *
 * Cost: to compare row r with every other row we walk r's columns and, for each, the rows stored in
 * that column (the transposed matrix), accumulating dot products only for rows that actually co-occur.
 * Total work is the number of co-occurring pairs, not rows^2 (see DESIGN.md, Scale). Up to 2,500 rows
 * (a MovieLens-100k catalogue, a small shop's users) one dense rows x rows product (cooccurrence.ts)
 * replaces the walk, with bit-identical similarities: it halves the multiply-adds and drops the per-entry
 * bookkeeping, and rows^2 is then bounded.
 */
import { rowNorms, transpose, type Csr } from "./sparse";
import { gramOfRows } from "./cooccurrence";
import { topN } from "./top-n";

/** Top-K neighbour lists in CSR layout: neighbours of row r are indices[indptr[r] .. indptr[r + 1]). */
export type Neighbours = {
  n: number;
  indptr: Int32Array;
  /** Neighbour ids, best first within each row. */
  indices: Int32Array;
  sims: Float64Array;
};

export type SimilarityOptions = {
  /** Neighbours kept per row. */
  k: number;
  /** Added to the norm product in the denominator; 0 gives plain cosine. */
  shrink?: number;
  /** Neighbours whose similarity is not above this are dropped. */
  minSim?: number;
};

/** Reusable workspace that computes one row's similarities to all co-occurring rows. */
export type RowScanner = {
  /**
   * Fills `sims` (indexed by row id) for every row that shares a column with `r`, returns how many such
   * rows there are; their ids are in `touched[0 .. count)`. Valid until the next call.
   */
  scan(r: number): number;
  touched: Int32Array;
  sims: Float64Array;
};

/**
 * Up to this many rows, similarities come from one dense rows x rows product (cooccurrence.ts) instead of
 * a walk per row: half the multiply-adds (the product is symmetric), no bookkeeping of touched rows, and
 * the same bits (each entry sums the same products in the same order). 2,500 rows is 50 MB of scratch.
 */
let denseMaxRows = 2500;

/** For tests and benchmarks: rows up to which the dense path is taken (0 forces the sparse walk). */
export function setDenseMaxRows(n: number): void {
  denseMaxRows = n;
}

export function denseRowsAllowed(n: number): boolean {
  return n <= denseMaxRows;
}

export function createRowScanner(
  a: Csr,
  shrink = 0,
  at: Csr = transpose(a),
  norms: Float64Array = rowNorms(a),
): RowScanner {
  const n = a.nRows;
  if (denseRowsAllowed(n)) return denseRowScanner(a, shrink, at, norms);
  return sparseRowScanner(a, shrink, at, norms);
}

function sparseRowScanner(a: Csr, shrink: number, at: Csr, norms: Float64Array): RowScanner {
  const n = a.nRows;
  const sims = new Float64Array(n);
  const touched = new Int32Array(n);
  // mark[s] === r + 1 means s was already touched while scanning r, so the buffers need no clearing.
  const mark = new Int32Array(n);
  const scan = (r: number): number => {
    let count = 0;
    const stamp = r + 1;
    for (let p = a.indptr[r]!; p < a.indptr[r + 1]!; p++) {
      const f = a.indices[p]!;
      const v = a.data[p]!;
      for (let q = at.indptr[f]!; q < at.indptr[f + 1]!; q++) {
        const s = at.indices[q]!;
        if (s === r) continue;
        if (mark[s] !== stamp) {
          mark[s] = stamp;
          touched[count++] = s;
          sims[s] = 0;
        }
        sims[s]! += v * at.data[q]!;
      }
    }
    const nr = norms[r]!;
    for (let t = 0; t < count; t++) {
      const s = touched[t]!;
      const denom = nr * norms[s]! + shrink;
      sims[s] = denom > 0 ? sims[s]! / denom : 0;
    }
    return count;
  };
  return { scan, touched, sims };
}

/**
 * The dense form of createRowScanner: every row is "touched" (ids 0..n-1) and its own entry is -Infinity,
 * which top-N selection skips; rows that share no column score 0, which neighbour lists drop (minSim >= 0)
 * exactly as they never appear in the sparse walk.
 */
function denseRowScanner(a: Csr, shrink: number, at: Csr, norms: Float64Array): RowScanner {
  const n = a.nRows;
  const gram = gramOfRows(at, n);
  const sims = new Float64Array(n);
  const touched = Int32Array.from({ length: n }, (_, i) => i);
  const scan = (r: number): number => {
    const base = r * n;
    const nr = norms[r]!;
    for (let s = 0; s < n; s++) {
      const dot = gram[base + s]!;
      const denom = nr * norms[s]! + shrink;
      sims[s] = dot !== 0 && denom > 0 ? dot / denom : 0;
    }
    sims[r] = -Infinity;
    return n;
  };
  return { scan, touched, sims };
}

/**
 * Top-K shrunk-cosine neighbours of every row of `a`.
 * For item-item similarity pass the item x user matrix (the transpose of user x item); for user-user
 * similarity the user x item matrix itself.
 */
export function cosineNeighbours(a: Csr, options: SimilarityOptions): Neighbours {
  const { k, shrink = 0, minSim = 0 } = options;
  if (!(Number.isInteger(k) && k >= 1))
    throw new RangeError(`cosineNeighbours: k must be a positive integer, got ${k}`);
  if (!(shrink >= 0)) throw new RangeError(`cosineNeighbours: shrink must be >= 0, got ${shrink}`);
  const n = a.nRows;
  // The dense scanner lists rows sharing no column (score 0); only a negative minSim could keep them.
  const scanner =
    minSim < 0 && denseRowsAllowed(n)
      ? sparseRowScanner(a, shrink, transpose(a), rowNorms(a))
      : createRowScanner(a, shrink);
  return collectTopK(n, k, (r) => scanner.scan(r), scanner.touched, scanner.sims, minSim);
}

/**
 * Shared by every item-item model (cosine, RP3beta): turns per-row dense scratch scores into pruned
 * top-K lists. `scan(r)` fills `scores` for the ids it lists in `touched` and returns their count.
 */
export function collectTopK(
  n: number,
  k: number,
  scan: (r: number) => number,
  touched: Int32Array,
  scores: Float64Array,
  minSim = 0,
): Neighbours {
  const kk = Math.min(k, Math.max(0, n - 1));
  let indices = new Int32Array(Math.min(n * kk, 1 << 20));
  let sims = new Float64Array(indices.length);
  const indptr = new Int32Array(n + 1);
  let out = 0;
  for (let r = 0; r < n; r++) {
    const count = scan(r);
    const best = topN(scores, kk, { candidates: touched, candidateCount: count });
    if (out + best.length > indices.length) {
      // Grow geometrically; the final size is bounded by n * k.
      const size = Math.min(n * kk, Math.max(indices.length * 2, out + best.length));
      const ni = new Int32Array(size);
      ni.set(indices);
      const ns = new Float64Array(size);
      ns.set(sims);
      indices = ni;
      sims = ns;
    }
    for (let t = 0; t < best.length; t++) {
      const s = best[t]!;
      const v = scores[s]!;
      if (!(v > minSim)) break; // best-first, so everything after is no better
      indices[out] = s;
      sims[out] = v;
      out++;
    }
    indptr[r + 1] = out;
  }
  return { n, indptr, indices: indices.slice(0, out), sims: sims.slice(0, out) };
}

/** Similarity of row r to neighbour s from pruned lists (0 when s is not among r's top-K). */
export function neighbourSim(nb: Neighbours, r: number, s: number): number {
  for (let p = nb.indptr[r]!; p < nb.indptr[r + 1]!; p++) if (nb.indices[p] === s) return nb.sims[p]!;
  return 0;
}
