/**
 * Top-N selection with a bounded min-heap: O(m log n) over m candidates instead of sorting all of them,
 * which matters when every user is ranked against the whole catalogue.
 * Ties go to the lower index so that every ranking in lib/reco is reproducible across runs and machines.
 */

// The heap keeps each entry's score beside its id (two parallel arrays), so comparisons read the heap
// itself rather than chasing ids into the score array.

/** True when (sa, a) ranks below (sb, b). */
function worse(sa: number, a: number, sb: number, b: number): boolean {
  return sa < sb || (sa === sb && a > b);
}

function siftDown(ids: Int32Array, vals: Float64Array, size: number, start: number): void {
  let i = start;
  const id = ids[i]!;
  const v = vals[i]!;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= size) break;
    const r = l + 1;
    let m = l;
    if (r < size && worse(vals[r]!, ids[r]!, vals[l]!, ids[l]!)) m = r;
    if (!worse(vals[m]!, ids[m]!, v, id)) break;
    ids[i] = ids[m]!;
    vals[i] = vals[m]!;
    i = m;
  }
  ids[i] = id;
  vals[i] = v;
}

function siftUp(ids: Int32Array, vals: Float64Array, start: number): void {
  let i = start;
  const id = ids[i]!;
  const v = vals[i]!;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!worse(v, id, vals[parent]!, ids[parent]!)) break;
    ids[i] = ids[parent]!;
    vals[i] = vals[parent]!;
    i = parent;
  }
  ids[i] = id;
  vals[i] = v;
}

/**
 * The n best of the given candidate ids (scores indexed by id), best first.
 * `candidates` defaults to every index of `scores`. Excluded ids (mask value 1) and scores that are not
 * finite numbers (NaN, -Infinity mark "never recommend") are skipped.
 */
export function topN(
  scores: ArrayLike<number>,
  n: number,
  options: { exclude?: Uint8Array | null; candidates?: ArrayLike<number>; candidateCount?: number } = {},
): Int32Array {
  const { exclude = null, candidates } = options;
  const m = candidates ? (options.candidateCount ?? candidates.length) : scores.length;
  const cap = Math.max(0, Math.min(n, m));
  const heap = new Int32Array(cap);
  if (cap === 0) return heap;
  const vals = new Float64Array(cap);
  let size = 0;
  for (let t = 0; t < m; t++) {
    const id = candidates ? candidates[t]! : t;
    if (exclude !== null && exclude[id] === 1) continue;
    const s = scores[id]!;
    if (!(s > -Infinity)) continue;
    if (size < cap) {
      heap[size] = id;
      vals[size] = s;
      siftUp(heap, vals, size);
      size++;
    } else if (worse(vals[0]!, heap[0]!, s, id)) {
      heap[0] = id;
      vals[0] = s;
      siftDown(heap, vals, size, 0);
    }
  }
  // Pop the min repeatedly, filling from the back, to get best-first order.
  const out = new Int32Array(size);
  for (let end = size - 1; end >= 0; end--) {
    out[end] = heap[0]!;
    heap[0] = heap[end]!;
    vals[0] = vals[end]!;
    siftDown(heap, vals, end, 0);
  }
  return out;
}
