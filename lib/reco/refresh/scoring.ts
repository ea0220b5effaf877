/**
 * Per-user scoring workspaces for the refresh job. Fifty thousand users are scored one after another,
 * so every buffer here is allocated once and reused: a user touches a few hundred items, and nothing
 * per user may cost O(catalogue) or allocate per item.
 */
import type { Neighbours } from "../similarity";
import { createRowScanner } from "../similarity";
import { transpose, rowNorms, type Csr } from "../sparse";
import { topN } from "../top-n";

/**
 * Item-item scores from a history through sparse neighbour lists (item-kNN, sparsified EASE, RP3beta,
 * TF-IDF neighbours), keeping for every scored item the history item that contributed most: that is
 * the "because you took X" of the reason, found in the same pass instead of one search per item.
 */
export class NeighbourScorer {
  readonly scores: Float64Array;
  readonly anchor: Int32Array;
  readonly touched: Int32Array;
  count = 0;
  private readonly best: Float64Array;
  private readonly mark: Int32Array;
  private stamp = 0;

  constructor(readonly nItems: number) {
    this.scores = new Float64Array(nItems);
    this.anchor = new Int32Array(nItems);
    this.touched = new Int32Array(nItems);
    this.best = new Float64Array(nItems);
    this.mark = new Int32Array(nItems);
  }

  /** Scores items reachable from `items` (weights `values`); only `touched[0 .. count)` are valid. */
  run(nb: Neighbours, items: ArrayLike<number>, values: ArrayLike<number>, limitPerItem = Infinity): number {
    this.stamp++;
    if (this.stamp === 0x7fffffff) {
      this.mark.fill(0);
      this.stamp = 1;
    }
    const { scores, anchor, touched, best, mark, stamp } = this;
    let count = 0;
    for (let t = 0; t < items.length; t++) {
      const i = items[t]!;
      const w = values[t]!;
      if (!(w > 0)) continue;
      const end = Math.min(nb.indptr[i + 1]!, nb.indptr[i]! + limitPerItem);
      for (let p = nb.indptr[i]!; p < end; p++) {
        const j = nb.indices[p]!;
        const c = w * nb.sims[p]!;
        if (mark[j] !== stamp) {
          mark[j] = stamp;
          touched[count++] = j;
          scores[j] = c;
          best[j] = c;
          anchor[j] = i;
        } else {
          scores[j]! += c;
          if (c > best[j]!) {
            best[j] = c;
            anchor[j] = i;
          }
        }
      }
    }
    this.count = count;
    return count;
  }
}

/**
 * User-based kNN (shrunk cosine between users, top-k peers) with the touched items listed, so the
 * caller never scans the whole catalogue. Same scores as cf.ts's userKnn.
 */
export class UserKnnScorer {
  readonly scores: Float64Array;
  readonly touched: Int32Array;
  count = 0;
  private readonly mark: Int32Array;
  private stamp = 0;
  private readonly scanner: ReturnType<typeof createRowScanner>;

  constructor(
    private readonly x: Csr,
    private readonly k: number,
    shrink: number,
  ) {
    this.scores = new Float64Array(x.nCols);
    this.touched = new Int32Array(x.nCols);
    this.mark = new Int32Array(x.nCols);
    this.scanner = createRowScanner(x, shrink, transpose(x), rowNorms(x));
  }

  run(u: number): number {
    const { x, scores, touched, mark } = this;
    const stamp = ++this.stamp;
    const found = this.scanner.scan(u);
    const peers = topN(this.scanner.sims, this.k, { candidates: this.scanner.touched, candidateCount: found });
    let count = 0;
    for (const v of peers) {
      const s = this.scanner.sims[v]!;
      if (!(s > 0)) break;
      for (let p = x.indptr[v]!; p < x.indptr[v + 1]!; p++) {
        const j = x.indices[p]!;
        if (mark[j] !== stamp) {
          mark[j] = stamp;
          touched[count++] = j;
          scores[j] = 0;
        }
        scores[j]! += s * x.data[p]!;
      }
    }
    this.count = count;
    return count;
  }
}

/** Cost of one user-kNN pass over all users: the co-occurring (user, user) pairs walked. */
export function userKnnCost(x: Csr): number {
  const degree = new Float64Array(x.nCols);
  for (let p = 0; p < x.indices.length; p++) degree[x.indices[p]!]!++;
  let cost = 0;
  for (let j = 0; j < x.nCols; j++) cost += degree[j]! * degree[j]!;
  return cost;
}

/** The first `k` entries of every row of best-first neighbour lists. */
export function truncateNeighbours(nb: Neighbours, k: number): Neighbours {
  const indptr = new Int32Array(nb.n + 1);
  let total = 0;
  for (let r = 0; r < nb.n; r++) {
    total += Math.min(k, nb.indptr[r + 1]! - nb.indptr[r]!);
    indptr[r + 1] = total;
  }
  const indices = new Int32Array(total);
  const sims = new Float64Array(total);
  for (let r = 0; r < nb.n; r++) {
    const len = indptr[r + 1]! - indptr[r]!;
    indices.set(nb.indices.subarray(nb.indptr[r]!, nb.indptr[r]! + len), indptr[r]!);
    sims.set(nb.sims.subarray(nb.indptr[r]!, nb.indptr[r]! + len), indptr[r]!);
  }
  return { n: nb.n, indptr, indices, sims };
}

/**
 * EASE's dense item x item weights pruned to each item's `k` largest positive weights, so it scores
 * like the other item-item models. Negative weights (items that substitute for each other) are dropped:
 * a recommendation list never needs them, and the dense row would cost O(catalogue) per history item.
 */
export function sparsifyDense(weights: Float64Array, active: Int32Array, nItems: number, k: number): Neighbours {
  const m = active.length;
  const pos = new Int32Array(nItems).fill(-1);
  for (let a = 0; a < m; a++) pos[active[a]!] = a;
  const indptr = new Int32Array(nItems + 1);
  const rowsIdx: Int32Array[] = new Array(nItems);
  const rowsSim: Float64Array[] = new Array(nItems);
  const buffer = new Float64Array(m);
  for (let i = 0; i < nItems; i++) {
    const a = pos[i]!;
    if (a < 0) {
      rowsIdx[i] = new Int32Array(0);
      rowsSim[i] = new Float64Array(0);
    } else {
      buffer.set(weights.subarray(a * m, (a + 1) * m));
      const best = topN(buffer, k);
      let len = 0;
      while (len < best.length && buffer[best[len]!]! > 0) len++;
      rowsIdx[i] = Int32Array.from(best.subarray(0, len), (b) => active[b]!);
      rowsSim[i] = Float64Array.from(best.subarray(0, len), (b) => buffer[b]!);
    }
    indptr[i + 1] = indptr[i]! + rowsIdx[i]!.length;
  }
  const indices = new Int32Array(indptr[nItems]!);
  const sims = new Float64Array(indptr[nItems]!);
  for (let i = 0; i < nItems; i++) {
    indices.set(rowsIdx[i]!, indptr[i]!);
    sims.set(rowsSim[i]!, indptr[i]!);
  }
  return { n: nItems, indptr, indices, sims };
}
